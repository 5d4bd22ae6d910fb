"""The lesson's Table 1, measured (``report/table1.py``)."""

MESSAGES: dict[str, str] = {
    # The lesson's Table 1, measured (report/table1.py)
    "profile.heading": "Where the time goes — the lesson's Table 1, measured",
    "profile.intro": "The lesson argues that neural networks are matrix products with a table "
    "from {source}: tensor contractions (△: matrix products, convolutions) do almost all the "
    "flops but take only 61 % of the runtime, while statistical normalisations (□: BatchNorm, "
    "softmax, reductions) and element-wise operations (○), with almost no flops, take the rest. "
    "Below, the same split for one forward pass (inference) of each network, measured in eager "
    "torch, in JAX compiled by `jax.jit` and in JAX op by op. **Other** is what computes "
    "nothing — copies, views, layout changes — plus the part of a call no operation covers "
    "(Python, dispatch, the profiler), so that each row adds up to 100 %.",
    "profile.source": "Ivanov et al., *{paper}* (MLSys 2021), one BERT layer in PyTorch on a GPU",
    "profile.none": "Not measured in this run: the results folder has no `{file}` (a run of an "
    "older version, or one with `--profile none`). Only the lesson's numbers are shown.",
    "profile.cells": "Each cell: % of the flops / % of the runtime, on the {device}. The time "
    "per call is one forward pass under the profiler, in brackets without it.",
    "profile.col.network": "network · input",
    "profile.col.mode": "framework · mode",
    "profile.class.contraction": "△ contraction",
    "profile.class.normalisation": "□ normalisation",
    "profile.class.element-wise": "○ element-wise",
    "profile.class.other": "other",
    "profile.col.call": "one call",
    "profile.col.kernels": "contractions run by",
    "profile.lesson.row": "the lesson's table: a BERT layer",
    "profile.lesson.mode": "PyTorch · GPU",
    "profile.call": "{profiled} ({wall})",
    "profile.not_measured": "{network} · {mode}: {status} — {reason}",
    "profile.name.contraction": "contractions",
    "profile.name.normalisation": "normalisations",
    "profile.name.element-wise": "element-wise operations",
    "profile.name.other": "other work",
    "profile.says.flops": "{network}: contractions do {flops} of the flops; of the time they "
    "take {times}.",
    "profile.says.in": "{share} in {mode}",
    "profile.says.top": " In {mode} most of the time goes to {what} ({share}{outside}).",
    "profile.says.outside": "; {share} of the call is outside any operation: Python and dispatch",
    "profile.says.fused": " Compiled, the element-wise and normalisation work takes {jit} per "
    "call against {eager} op by op (the contractions {jit_c} against {eager_c}): XLA fuses "
    "chains of them into single loops over memory.",
    "profile.says.same": " Compiled or not, the element-wise and normalisation work takes about "
    "as long: {jit} per call against {eager} op by op (the contractions {jit_c} against "
    "{eager_c}).",
    "profile.says.unfused": " Compiled, the element-wise and normalisation work takes longer: "
    "{jit} per call against {eager} op by op (the contractions {jit_c} against {eager_c}).",
    "profile.says.folded": " In the compiled program {n} of {of} contraction kernels also take "
    "on element-wise or normalisation work; the rest of that work runs in loops of its own.",
    "profile.unknown": "{network} · {mode}: operations no table classifies, counted as other: "
    "{names}.",
    "profile.busy": "The load average reached {high} on {cores} cores while profiling: other "
    "processes competed for the cores, and a call whose thread pool waits for a core they hold "
    "takes milliseconds. Each row keeps the middle half of its calls by duration, which leaves "
    "out the calls that waited now and then, not a wait in every call.",
    "profile.unsteady": "One call under the profiler and one without it are more than {factor}× "
    "apart in {rows}: the profiler's own cost per operation, which counts at microseconds per "
    "call, or a wait (on a shared machine, for a core another process held). These rows' "
    "shares are those of the profiled call.",
    "profile.unsteady.row": "{network} · {mode} ({profiled} against {wall})",
    "profile.method.runtime": "Runtime: eager torch by `torch.profiler`, the self time of every "
    "aten operation classified by its name ({backends}); JAX jit by `jax.profiler`, one event per "
    "kernel XLA:CPU runs, looked up in the compiled program (`compiled.as_text()`) and "
    "classified by what it computes — a fused kernel holding a product is a contraction, one "
    "holding a reduction a normalisation; JAX op by op by the same profiler, each operation "
    "classified by its name.",
    "profile.method.flops": "Flops from shapes: contractions 2 per multiply-add (torch's "
    "`FlopCounterMode`, JAX's `dot_general` and `conv_general_dilated` in the jaxpr); "
    "element-wise operations 1 per output element, reductions 1 per input element (torch's "
    "`batch_norm` 4, `softmax` 5: one operation there, several primitives in JAX).",
    "profile.method.xla": " XLA's own count (`cost_analysis`) against ours: {networks}{why}.",
    "profile.method.xla_padding": "; XLA leaves out the products with the zeros a convolution "
    "pads its input with",
    "profile.method.xla_one": "{network} {diff}",
    "profile.method.calls": "Each row averages the middle half of its profiled calls by "
    "duration, after a warm-up; torch first, then JAX, never alternating (each framework's "
    "thread pool slows the other's). BatchNorm runs on its running statistics (eval mode).",
    "profile.method.compile": "Compilation is not in the runtime: `jax.jit` compiled {compiled}.",
    "profile.method.compile_one": "{network} in {compile} (tracing {trace})",
    "split.heading": "The split, case by case",
    "split.intro": "Speed-ups over eager torch (> 1×: faster), each with its {confidence} "
    "interval. JAX op by op × compilation ≈ JAX jit (each is its own paired median). Eager "
    "torch's time is its median per call; the regime says in brackets how many floors that "
    "time is per operation it dispatches (dispatch-bound at most {k}; each case's timings "
    "count the operations). {mark}: the faster side runs within {near}× of its own floor.",
    "split.col.where": "case · variant (size)",
    "split.col.eager": "eager torch",
    "split.col.regime": "regime (floors per operation)",
    "split.col.op": "JAX op by op ×",
    "split.col.compilation": "compilation ×",
    "split.col.jit": "JAX jit ×",
    "split.col.compile": "torch.compile ×",
    "split.col.jit_vs_compile": "JAX jit vs torch.compile",
    "split.col.verdict": "verdict",
    "apart.heading": "Set apart: not compute comparisons",
    "regime.dispatch": "dispatch-bound",
    "regime.kernel": "kernel-bound",
    "regime.none": "not placed",
    "regime.cell": "{regime} ({floors})",
    "regime.set_apart": "set apart from the verdict: {reason}",
    "regime.near_floor": "{mark} the faster side runs within {near}× of its own floor: the ratio "
    "measures dispatch more than work",
    "apart.intro": "Timed and shown in their cases, left out of the verdict and the geometric "
    "means:",
}
