"""Training to accuracy, and what compute costs (``report/training.py``)."""

MESSAGES: dict[str, str] = {
    # Training to accuracy, and what compute costs (report/training.py)
    "training.heading": "Training to accuracy, as a user trains — and what compute costs",
    "training.intro": "{case}: the lesson's DeepNetwork learns scikit-learn's digits (images "
    "of 8×8 pixels, {test} of them held out for testing) with SGD, learning rate {lr}, momentum "
    "{momentum}, batches of {batch}, from the same weights over the same batches in every run, "
    "until {target} % of the test images are classified right. Each framework × mode trains "
    "in a fresh process ({modes}); the clock runs from building the model to the end of the "
    "epoch that reaches the target: compilation, feeding the batches and each epoch's "
    "evaluation included.",
    "training.none": "Not measured in this run: no training to accuracy finished (`jaxparity "
    "bench --case training.to_accuracy` runs it; the default run includes it).",
    "training.failed": "Not measured in this run: every training to accuracy failed (see the "
    "benchmark log, `bench.log`).",
    "training.width": "Size `{size}`: hidden width {hidden}",
    "training.plot": "Loss per training step, size {size} (hidden {hidden}): every framework "
    "and mode of this run",
    "training.plot.x": "training step",
    "training.plot.alt": "loss curves at size {size}",
    "training.fastest": "First to {target} %: {mode}, in {seconds}{eager}.",
    "training.fastest.eager": "; eager torch took {seconds} ({ratio} as long)",
    "training.fastest.none": "No run reached {target} % within its epochs.",
    "training.memory_pointer": "training to accuracy, each framework and mode in a fresh "
    "process: see [what compute costs](#{anchor})",
    "training.curves": "The {runs} curves lie on top of each other: over the {steps} steps "
    "they all took, their losses differ by at most {diff} (float32 rounding, carried forward by "
    "every update; the oracle judges the same training step by step).",
    "training.missing": "Not measured at this size: {modes} (`torch.compile` trains to "
    "accuracy at one size unless `--size lesson` or `--modes compile` asks for both; a run "
    "that failed says why in `bench.log`).",
    "training.col.mode": "framework · mode",
    "training.col.reached": "time to accuracy",
    "training.col.epochs": "epochs (steps)",
    "training.col.build": "building",
    "training.col.compile": "compile",
    "training.col.first": "first step",
    "training.col.step": "steady step",
    "training.col.epoch": "epoch (median)",
    "training.col.break_even": "break-even steps",
    "training.col.rss_before": "memory before compiling",
    "training.col.rss_compile": "peak while compiling",
    "training.col.rss_train": "peak while training",
    "training.epochs": "{epochs} ({steps})",
    "training.not_reached": "not reached",
    "training.never": "never",
    "training.compute.heading": "More compute? Compile time and memory, measured",
    "training.compute.one": "{size} {mode}: {jax} against {torch}",
    "training.compute.more": "JAX needs more in {where}",
    "training.compute.less": "JAX needs less in {where}",
    "training.compute.alike": "about as much (within {same}) in {where}",
    "training.compute.missing": "no JAX mode and {base} of the same width both measured",
    "training.compute.compile": "**Compile time** (against {base}): {lead}.",
    "training.compute.compile_memory": "**Memory while compiling**, the process's peak "
    "resident set (against {base}): {lead}.",
    "training.compute.train_memory": "**Memory while training**, the process's peak resident "
    "set over the epochs (against {base}): {lead}.",
    "training.compute.gpu": "**On a GPU** the memory would be another number: XLA reserves "
    "75 % of the GPU's memory when JAX starts (`XLA_PYTHON_CLIENT_PREALLOCATE=false` turns "
    "that off, `XLA_PYTHON_CLIENT_MEM_FRACTION` changes the share), so `nvidia-smi` shows JAX "
    "holding most of the card whatever it trains, while torch's caching allocator grows as "
    "tensors need it. These figures are the host's, where both allocate as they go.",
    "training.method": "How: compile seconds as the paired harness measures them — "
    "`lower().compile()` for `jax.jit` (the step, or the whole `lax.scan` epoch), the first call "
    "for `torch.compile` and `nnx.jit` (the first training step) — with an empty inductor cache "
    "per process. Building: the seconds from the start to a model with its data in place, before "
    "any step: first-use costs (torch's first optimizer imports `torch._dynamo`; Flax's first "
    "layer runs its initialisers op by op, each compiled on its first use). The first step is the "
    "seconds from a built model to the first loss (compilation included); the steady step, the "
    "median over the epochs after the first of an epoch's training seconds per step (batch "
    "gathering included, evaluation not). Break-even steps: compile seconds ÷ (eager torch's "
    "steady step − the mode's), from the same run; *never* where the compiled step is not faster. "
    "Memory: the process's peak resident set (`VmHWM`, reset through `/proc/self/clear_refs` "
    "before compiling and again before training): the framework's libraries, the data and the "
    "allocators' caches included, as `top` shows a user. One run per row, on a machine that may "
    "be shared: read differences under about 20 % as noise.",
}
