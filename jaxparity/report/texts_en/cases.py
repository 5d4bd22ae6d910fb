"""A case's section: agreement, timings and its explainers (graphs, matmul counts)."""

MESSAGES: dict[str, str] = {
    # A case
    "case.lesson": "From the lesson's section “{heading}” ({gloss}), lines {lo}–{hi}. "
    "Parity: {parity}.",
    "agreement.framework": "framework",
    "agreement.device": "device",
    "agreement.status": "status",
    "agreement.abs_err": "max abs err vs oracle",
    "agreement.rel_err": "max rel err",
    "agreement.vs_other": "torch vs JAX (abs / rel)",
    "agreement.note": "note",
    "agreement.rel_undefined": "n/a (reference ≈ 0)",
    "timings.heading": "Timings",
    "timings.col.variant": "variant",
    "timings.col.size": "size",
    "timings.col.device": "device",
    "timings.col.mode": "framework · mode",
    "timings.col.status": "status",
    "timings.col.median": "median",
    "timings.col.spread": "block IQR (% of median)",
    "timings.col.rounds": "rounds (blocks)",
    "timings.col.passes": "passes (range of medians)",
    "timings.col.compile": "compile",
    "timings.col.memory": "peak memory",
    "timings.col.flops": "GFLOP/s (% of peak)",
    "timings.col.ops": "operations per call",
    "timings.col.regime": "regime (floors per operation)",
    "timings.col.speedup": "× eager torch [{confidence}]",
    "timings.col.verdict": "verdict",
    "timings.col.note": "note",
    "timings.col.quartiles": "quartiles of the blocks",
    "timings.col.min": "fastest round",
    "timings.statistics": "How far to trust each median: how much its blocks, rounds and passes "
    "moved",
    "timings.apart": "Set apart from the verdict ({which}): {reason}.",
    "timings.not_run": "Not run: {which} — {reason}",
    "timings.not_run.one": "{variant} {mode} (size {size}, {device})",
    "timings.not_run.more": " and {n} more",
    "scaling.heading": "Scaling with size",
    "scaling.size": "size",
    "scaling.axis.b": "batch",
    "scaling.axis.w": "width",
    "scaling.axis.d": "depth",
    "scaling.title": "{case} · {variant} on {device}: median time by {axis}{fixed}",
    "scaling.alt": "{case} {variant} by {axis} on {device}",
    "differs.label": "What differs:",
    "code.summary": "The code, side by side",
    "code.torch": "PyTorch — `{location}`",
    "code.jax": "JAX — `{location}`",
    "code.missing": "# not written yet",
    # A case's explainer: its artifacts
    "artifacts.cut_short": "No {what} in this run: `{file}` holds none for this case although "
    "it was checked: the run was cut short, or predates artifacts.",
    "artifacts.not_asked": "No {what} in this run: `{file}` holds none for this case "
    "(`jaxparity check --case {case}` writes them).",
    "graph.heading": "The graphs, side by side",
    "graph.none": "graph files",
    "graph.failed": "{framework}: no graph — {reason}",
    "graph.title.torch": "PyTorch — torchviz's drawing of the tape (backward nodes)",
    "graph.title.jax": "JAX — the jaxpr of the loss, drawn (the traced forward program)",
    "graph.text": "The graph as text",
    "graph.no_svg": " (no SVG: {why})",
    "graph.text_missing": "This run wrote no text form of this graph (it predates them): its "
    "files are linked above.",
    "graph.jaxpr": "The jaxpr as text: the loss and jax.grad of it ({path})",
    "graph.files": "Files for a student to open side by side (paths relative to this report): "
    "{links}.",
    "count.heading": "Matrix products computed",
    "count.none": "matmul counts",
    "count.failed": "{framework} ({device}, size `{size}`): no count — {reason}",
    "count.column": "matrix products",
    "count.forward_row": "the loss alone",
    "count.method": "Counted by each backend's `matmul_counts`: torch on its tape (a hook on "
    "every `MmBackward0` node; a variant counts its backward only, the forward having run "
    "before it, as in the benchmark), JAX in the optimised HLO of the jitted program (a "
    "variant counts the whole compiled gradient, forward included). Either way: what the "
    "variant's timed call computes.",
    "count.forward": "At size `{size}` on {device}, eager torch's forward computes {torch} "
    "matrix products (one per `A @ B` of the loop), the compiled JAX loss {jax}",
    "count.shared": ": XLA sees one product repeated and computes it once",
    "count.free_timed": ". `{variant}` needs no matrix product at all in the compiled program, "
    "so JAX's {jax_s} is pure call overhead; torch's backward computes {torch_counts}, yet "
    "takes {torch_s} ({ratio} longer) going back through the tape its forward built",
    "count.none_either": "none either",
    "count.free_one": ". {which} needs no matrix product at all in the compiled program",
    "count.free_many": ". {which} need no matrix product at all in the compiled program",
    "count.and": "{first} and {last}",
    "count.same_close": ". Where both compute the same products ({which}), the times are close "
    "(torch vs JAX: {times}): the products dominate",
    "count.same_differ": ". Where both compute the same products ({which}), the times differ "
    "(torch vs JAX: {times}): at this size, something else decides",
    "count.versus": "`{variant}` {torch} vs {jax}",
}
