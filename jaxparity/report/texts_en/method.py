"""The machine, how the numbers were made, and the harness checked by a second timer."""

MESSAGES: dict[str, str] = {
    # The machine
    "machine.heading": "The machine",
    "machine.what": "what",
    "machine.value": "value",
    "machine.none": "No machine record saved.",
    "machine.no_identity": "This run's machine record predates the CPU and kernel identity: it "
    "cannot tell two machines with the same model name apart.",
    "machine.machine": "machine",
    "machine.key.cpu_model": "CPU",
    "machine.key.cpu_count": "CPU cores (os.cpu_count)",
    "machine.key.torch_gpu": "GPU (torch)",
    "machine.key.jax_devices": "JAX devices",
    "machine.key.torch": "torch",
    "machine.key.torch_cuda": "torch CUDA",
    "machine.key.torch_threads": "torch threads",
    "machine.key.torch_interop_threads": "torch inter-op threads",
    "machine.key.jax": "jax",
    "machine.key.jaxlib": "jaxlib",
    "machine.key.flax": "flax",
    "machine.key.numpy": "numpy",
    "machine.key.jax_backend": "JAX default backend",
    "machine.key.xla_flags": "XLA_FLAGS",
    "machine.key.torch_float32_matmul": "torch float32 matmul",
    "machine.key.jax_default_matmul_precision": "JAX matmul precision",
    "machine.key.python": "Python",
    "machine.key.platform": "platform",
    "machine.key.git_commit": "git commit",
    "machine.key.missing_backends": "missing frameworks",
    "machine.key.load_1m_at_start": "load average (1 min) at the start",
    "machine.cpu_identity": "CPU identity",
    "machine.cpu.vendor": "vendor",
    "machine.cpu.family": "family",
    "machine.cpu.model": "model",
    "machine.cpu.stepping": "stepping",
    "machine.cpu.microarchitecture": "microarchitecture",
    "machine.cpu.microcode": "microcode",
    "machine.isa": "ISA that changes kernels",
    "machine.caches": "caches (per instance)",
    "machine.hypervisor": "hypervisor",
    "machine.no_hypervisor": "none",
    "machine.other_pools": "other thread pools",
    "machine.kernels": "{name} kernels",
    "machine.kernel_env": "kernel environment",
    "machine.peak": "Matmul peak on {device}, measured in this run: **{gflops} GFLOP/s** "
    "(float32 {n}×{n} matmul, best of NumPy, torch, jitted JAX and JAX op by op: {mode}). "
    "Matmul-bound cases are stated as a share of it.",
    "machine.peak.passes": " Per pass: {values} GFLOP/s; a pass well below the others ran "
    "while other tenants held the machine.",
    "machine.load": "Load average (1 min) as each benchmark ended: {low}–{high} on {cores} cores.",
    "machine.load.busy": " {n} of {of} benchmarks ended with the load above the core count: "
    "other processes competed for the CPU, so those timings are inflated (a thread pool "
    "waiting for a descheduled thread suffers most).",
    # How the numbers were made
    "method.heading": "How these numbers were made",
    "method.parity": "Parity: `shared.parity`, the helper the tests use — every output against "
    "a NumPy oracle (see `shared/tolerances.py` for each tolerance and its reason), torch "
    "against JAX, observed behaviour against the case's expectations.",
    "method.timing": "Timing: pytest-benchmark through `bench/harness.py`. Inputs are placed on "
    "the device before timing; compilation (`torch.compile`, `jax.jit(...).lower().compile()`) "
    "happens before it and its seconds are reported apart (from the first pass, with cold "
    "caches); each timed call waits for the result (`block_until_ready`, "
    "`torch.cuda.synchronize`). JAX op by op is the same function called without `jax.jit`.",
    "method.modes": "Modes, as the tables and charts name them: {modes}.",
    "method.modes.none": "Modes: nothing was timed in this run.",
    "method.blocks": "**Paired blocks.** The timings compared with each other (one case, "
    "variant, size and device: eager torch, `torch.compile`, jitted JAX, JAX op by op) are "
    "taken in alternating blocks within one process: {rounds}. Before each block, up to "
    "{warmup_calls} warm-up calls (none that would run past {warmup_ms} ms): a switch of "
    "framework leaves one thread pool cold and the other's spinning. The members' order "
    "reverses every round. Why this design, measured (`python -m bench.block_design`, "
    "{measured}): {design} — {conclusion}. Frameworks never alternate call by call.",
    "method.blocks.rounds": "{blocks} rounds per pass, each member timed for about {block_s} s "
    "per round (at least one call), in {passes} pass(es) — fresh processes, one after another",
    "method.blocks.several": "several rounds per pass",
    "method.speedup": "A speed-up is the median over rounds of the ratio of the two blocks' "
    "medians: a drift of the shared machine lands on both sides of a ratio. Its {confidence} "
    "interval is meant to hold the next run's speed-up, so it counts two spreads: how far the "
    "passes' median ratios lie apart (fresh processes drift apart as two runs do) and how far "
    "the rounds scatter within a pass. It is the wider of the two t intervals, each spread "
    "moderated toward the run's typical one (empirical Bayes, as limma does for quantities "
    "measured a few times each; with fewer than {prior_from} comparisons, none is); with one "
    "pass only the rounds' interval exists, and it says nothing of the drift between "
    "processes. `jaxparity compare` says how often one run's intervals hold another's "
    "speed-ups. A win needs the whole "
    "interval at or above {tie}× (a loss: at or below {loss}×); anything else is a tie, so a "
    "verdict near the threshold does not flip with the next run's noise. A benchmark's median "
    "is the median of its blocks' medians; the IQR shown is that of the blocks (how much the "
    "machine moved).",
    "method.regimes": "**Regimes.** Each compute comparison (case, variant, size, device) is "
    "placed from this run's measurements, not from its size's name: eager torch's median time "
    "per call, divided by the operations one call dispatches, against the floor (one "
    "dispatched call of a tiny operation). At most {k} floors per operation is "
    "*dispatch-bound*, more is *kernel-bound*: an operation inside a real function costs "
    "several floors to dispatch by itself (autograd records it, torch.func's transforms wrap "
    "it; `python -m bench.op_cost` measures it on one-element inputs), so a call averaging "
    "no more could be dispatch alone. Operations are counted once per benchmark outside the "
    "timed region (`bench/op_counts.py`): eager torch, every aten operation that reaches the "
    "dispatcher (a `TorchDispatchMode`, backward's included); `torch.compile`, each compiled "
    "graph run plus the operations outside them; JAX, the top-level equations of the call's "
    "jaxpr, a jitted function one (so jitted JAX counts 1) and a custom derivative's body "
    "counted op by op. A speed-up whose faster side runs within {near}× of that side's floor "
    "is marked {mark}: at least half of that call is the floor. The lesson's own sizes are "
    "the size `{size}`.",
    "method.compile": "{cost}, so the default run compiles at one size per case and `--size "
    "test` leaves it out (`--modes` decides). It starts from an empty inductor cache in every "
    "run, as `jax.jit` keeps none on disk: compile seconds are what a first run pays.",
    "method.malloc": "The benchmark process runs with glibc's allocator thresholds fixed "
    "({names}; see `jaxparity/bench.py`): otherwise an eager call's time depends on which "
    "benchmarks freed memory before it (the measurement, on torch's per-sample gradients, is "
    "in `MALLOC_PINNED` there).",
    "method.files": "Rebuild this report from the saved files with `jaxparity report --out "
    "{folder}`; raw results: {files}; graph files in `{graphs}/`.",
    # jaxparity/report/selfcheck_section.py: the harness against a second timer
    "selfcheck.heading": "The harness checked by a second timer",
    "selfcheck.intro": "Within each benchmark pass, seconds after the last paired block of "
    "their comparison group, a few of this run's own calls were timed again, each in a fresh "
    "process that imports only its framework, by that framework's own way of "
    "timing: `torch.utils.benchmark.Timer(...).blocked_autorange(min_run_time={min_run})` "
    "with the run's thread count for torch (blocks of calls under `timeit`, garbage "
    "collection off; the median of the blocks), and for JAX a plain loop of "
    "`jax.block_until_ready(fn(*args))`, each call timed with `time.perf_counter` after "
    "{warmup} warm-up calls, for {min_run} s (its median). The inputs, the setup (the case's "
    "`TIMED` function, `Backend.prepare`) and the call are the harness's own; each call is "
    "timed once per pass, and the medians pooled, as the harness pools its passes. Harness ÷ "
    "second timer above 1× means the harness saw the call slower; the two should agree within "
    "{within}. The machine's speed moves in episodes of seconds (a multi-threaded call can run "
    "a third slower in one than in the next, whichever timer times it), hence the second timer "
    "right after the blocks: where the pooled medians still differ but one of the harness's "
    "passes and one of the second timer's processes agree within {within}, the table says so "
    "and shows both sides' processes; only calls where no two agree are a warning.",
    "selfcheck.col.where": "call",
    "selfcheck.col.mode": "mode",
    "selfcheck.col.bound": "bound by",
    "selfcheck.col.harness": "harness",
    "selfcheck.col.second": "second timer",
    "selfcheck.col.ratio": "harness ÷ second",
    "selfcheck.col.agrees": "agreement",
    "selfcheck.bound.kernel": "kernels",
    "selfcheck.bound.dispatch": "dispatch",
    "selfcheck.within": "within ({apart} apart)",
    "selfcheck.differs": "differs by {apart}",
    "selfcheck.states": "the machine's states ({apart} apart): the harness's passes {harness}, the "
    "second timer's processes {second}",
    "selfcheck.no_harness": "the harness did not time it in this run",
    "selfcheck.outside": "{n} of {of} calls checked by a second timer differ from the "
    "harness by more than {within}, process for process: {which}. Their absolute times in "
    "this report are off by as much; the paired speed-ups suffer only where the two sides of a "
    "ratio are off unlike.",
    "selfcheck.see": " More in the section “The harness checked by a second timer”.",
    "selfcheck.all_within": "All {n} checked calls lie within {within} of their second timer, "
    "process for process.",
    "selfcheck.none": "This run checked no call: none of the checked calls ({listed}) was in "
    "its plan (they are timed at the default size, `--size cpu`).",
    "method.selfcheck": "**Second timer.** A few calls, bound by kernels and by dispatch in "
    "each framework, are timed again right after their blocks by the frameworks' own timers, "
    "each in a fresh process (section “The harness checked by a second timer”, "
    "`jaxparity/selfcheck.py`).",
}
