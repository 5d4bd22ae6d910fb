"""The report and ``jaxparity show`` in English: every message, by id (``texts`` explains).

``{name}`` marks a value the report fills in (a number, a case id, a sentence built from
other messages); ``**bold**``, ``*italics*``, ```code``` and ``[link](#anchor)`` are the little
Markdown the report renders. ``texts_ru`` has the same ids with the same fields.
"""

from __future__ import annotations

from jaxparity.fmt import ENGLISH, Units
from shared.cases import Case
from shared.cases.model import Text


def plural(n: int) -> int:
    """Which form of a noun goes with ``n``: ``1 win``, ``0 wins``, ``2 wins``."""
    return 0 if n == 1 else 1


NOUNS: dict[str, tuple[str, ...]] = {
    "win": ("win", "wins"),
    "tie": ("tie", "ties"),
    "loss": ("loss", "losses"),
    "comparison": ("comparison", "comparisons"),
    "compute comparison": ("compute comparison", "compute comparisons"),
    "function": ("function", "functions"),
    "case": ("case", "cases"),
    "step": ("step", "steps"),
}


def case_text(case: Case) -> Text:
    """A case's English texts are its record's own."""
    return Text(case.title, case.explanation, case.differs)


UNITS: Units = ENGLISH

FOREIGN: dict[str, str] = {}
"""English quotes the other modules' texts as they are."""
RECORDED: dict[str, str] = {}
"""… and what a run recorded, too."""

MESSAGES: dict[str, str] = {
    # The page and its header
    "title": "jaxparity — the PyTorch lesson in PyTorch and JAX, checked and timed",
    "header.run": "Run of {when} on **{machine}**{gpu}.",
    "header.plan": "Devices: {devices}; benchmark size `{bench_size}`, modes: {modes}; parity at "
    "size `{check_size}`.",
    "header.gpu": " and **{gpu}**",
    "header.unknown_cpu": "an unknown CPU",
    "header.all_modes": "all",
    "header.counts": "**Counts**:",
    "header.not_run": "Benchmarks not run, by reason:",
    "counts.cases": "cases: {selected} of {in_lesson} selected",
    "counts.check": "parity (case × framework × device)",
    "counts.bench": "benchmarks (case × variant × size × framework × device × mode)",
    "counts.line": "{kind}: {planned} planned: {run} run ({passed} passed, {failed} failed), "
    "{skipped} skipped with a reason, {missing} missing",
    "counts.not_selected": "; {not_selected} not selected",
    "nav.claim": "The lesson's claim",
    "nav.details": "The verdict in detail",
    "nav.glance": "At a glance",
    "nav.profile": "Table 1, measured",
    "nav.training": "Time to accuracy",
    "nav.compute": "More compute?",
    "nav.strict": "The same Python, three ways",
    "nav.distributed": "The engines side by side",
    "nav.differences": "Beyond speed",
    "nav.selfcheck": "Second timer",
    "nav.machine": "Machine",
    "nav.method": "Method",
    "note.warning": "Warning:",
    "expand.all": "Expand all",
    "expand.none": "Collapse all",
    "topic.tensors": "1. Tensors",
    "topic.devices": "2. Device placement",
    "topic.autograd": "3. Autograd",
    "topic.advanced": "4. Advanced differentiation",
    "topic.modes": "5. Grad modes",
    "topic.modules": "6. Modules and MLPs",
    "topic.resnet": "7. The whole ResNet-101",
    "topic.training": "8. Training to accuracy",
    "topic.strict": "9. Stricter code, shown as code",
    # Words the tables use
    "status.pass": "pass",
    "status.fail": "fail",
    "status.skip": "skip",
    "verdict.win": "win",
    "verdict.tie": "tie",
    "verdict.loss": "loss",
    # The lesson's claim
    "claim.heading": "The lesson's claim, from the numbers",
    "claim.quote": "The lesson closes: «{quote}». In English (our translation): *JAX trains "
    "models faster thanks to optimisation and compilation, but needs stricter code and a large "
    "amount of compute.*",
    "details.heading": "The verdict, in detail",
    "claim.intro": "Every sentence of the claim's answers is generated from this run's "
    "results. A speed-up is the median of paired ratios (eager torch and the other timed "
    "in alternating blocks, seconds apart) with its {confidence} interval in brackets, made to "
    "hold for the next run (see the method). Each comparison is placed in a regime, measured in "
    "this run: *dispatch-bound* (many small operations, each costing about what dispatching it "
    "costs: compilation wins by removing dispatch) or *kernel-bound* (a few large kernels: the "
    "libraries' kernels decide); counts and means are given per regime, never mixed. A win "
    "means at least {margin} faster with {confidence} confidence (the whole interval at or "
    "above {tie}×), a loss at least {margin} slower; anything else is a tie.",
    "claim.nothing": "**Verdict**: not measured in this run — no compute case finished on both "
    "eager torch and jitted JAX.",
    "claim.jit": "**Jitted JAX against eager PyTorch, {regime}** ({n}; {rule}){extremes}.{near}",
    "claim.rule.dispatch": "eager torch at most {k} floors per dispatched operation",
    "claim.rule.kernel": "eager torch above {k} floors per dispatched operation",
    "claim.jit.unplaced": "**Jitted JAX against eager PyTorch, not placed in a regime** ({n}: "
    "this run recorded no operation counts or no floor): no mean, as it would mix the two "
    "regimes.",
    "claim.near": " In {n} of them the faster side runs within {near}× of its own floor (marked "
    "{mark}): the ratio there measures dispatch more than work.",
    "claim.extremes": ": from {low} ({low_where}) to {high} ({high_where})",
    "claim.lesson": "**At the lesson's own sizes** (size `{size}`): {parts}.",
    "claim.lesson.part": "{regime} ({n}): {count}{geomean}",
    "claim.lesson.mean": ", geometric mean {geomean}",
    "claim.versus_compile": "**Jitted JAX against `torch.compile`, {regime}** ({n}): {count}; "
    "geometric mean {geomean}. `torch.compile` itself against eager torch: {compile_geomean} "
    "(geometric mean).",
    "claim.lead.none": "**Where the lead comes from**: no case was timed op by op in this run.",
    "claim.lead": "**Where the lead comes from, {regime}** ({n} timed eager torch, JAX op by op "
    "and jitted JAX): JAX op by op runs at {kernel} eager torch's speed (its kernels and "
    "dispatch, no compilation); `jax.jit` then multiplies that by {compiled} (compilation), for "
    "{total} overall (geometric means).",
    "claim.lead.no_lead": " There is no overall lead to explain.",
    "claim.lead.all_compilation": " All of JAX's lead is compilation: op by op, JAX is slower "
    "than eager torch, and compilation more than makes up for it.",
    "claim.lead.all_kernels": " All of JAX's lead is its kernels and dispatch: compilation "
    "makes it slower, not faster.",
    "claim.lead.shares": " Compilation accounts for {share} of JAX's lead on a log scale, its "
    "kernels and dispatch for {rest}.",
    "claim.floor": "**Floor** ({device}): one dispatched call that does almost nothing costs "
    "{costs}: a case timed near these is dispatch overhead, not arithmetic.",
    "claim.ceiling": "**Ceiling** ({device}, float32 {n}×{n} matmul): {rates}. Each is the "
    "library's kernel (BLAS or XLA), not compilation: a matmul-bound case's ratio is the ratio "
    "of these.",
    "claim.verdict": "**Verdict** — jitted JAX against eager PyTorch on this machine, per "
    "regime: {parts}. [The verdict in detail ↓](#{anchor})",
    "claim.verdict.part": "{regime}, {head} ({count} of {n}{geomean})",
    "claim.verdict.mean": "; geometric mean {geomean}",
    "claim.verdict.most": "the claim's first half holds for most",
    "claim.verdict.more_often": "it holds more often than not",
    "claim.verdict.never": "it does not show: jitted JAX never won clearly",
    "claim.verdict.in_places": "it holds only in places",
    "claim.why": "**Why**: {reasons}.",
    "claim.why.fused": "compilation (fusion, dead code removed, one dispatch per call) speeds "
    "JAX up in {n} of {of} cases",
    "claim.why.kernels": "JAX's kernels and dispatch alone beat eager torch in {n} (op by op, "
    "before any compilation: a library's kernel, not the compiler)",
    "claim.why.slow_ops": "op by op JAX is slower than eager torch in {n}",
    # The first screen's three answers (report/answers.py)
    "answer.train": "**Trains faster?** {parts} [Training to accuracy ↓](#{anchor})",
    "answer.train.parts": "To {target} % test accuracy, compilation included: {parts}.",
    "answer.train.width": "at size `{size}` (hidden {hidden}, {regime}), ",
    "answer.train.faster": "{mode} is first, in {seconds} against eager torch's {eager} ({ratio})",
    "answer.train.first": "{mode} is first, in {seconds}",
    "answer.train.none": "no run reached {target} %",
    "answer.train.break_even": "; `jax.jit` pays its compilation back after {steps}",
    "answer.train.never": "; `jax.jit` never pays its compilation back (its step is not faster)",
    "answer.train.student": ", `nnx.jit` as a student writes it takes {seconds}{ratio}",
    "answer.train.ratio": " ({ratio})",
    "answer.train.student_not": ", `nnx.jit` as a student writes it did not reach {target} %",
    "answer.strict": "**Stricter code?** {said} [Three ways ↓](#{anchor})",
    "answer.strict.said": "Of {n} ordinary Python functions, `jax.jit` refuses {refused} "
    "({errors}){otherwise}; `torch.compile` runs all {n}, breaking the graph in {breaks} and "
    "compiling again in {again}, and refuses {fullgraph} of them only when asked for one graph "
    "(`fullgraph=True`){torch}.",
    "answer.strict.otherwise": " and runs {k} otherwise than Python does ({what})",
    "answer.strict.torch": "; across the lesson's cases, refusing what the other runs is not "
    "JAX's alone: JAX {jax}, torch {torch} ([which](#{anchor}))",
    "answer.strict.none": "Not measured in this run: no `strict` case was checked (`jaxparity "
    "check --topic strict` checks them; the default run includes them).",
    "answer.strict.failed": "Not measured in this run: the `strict` cases' checks did not pass "
    "on both frameworks (their table says which).",
    "answer.compute": "**More compute?** {said} [{where} ↓](#{anchor})",
    "answer.compute.where": "Compile time and memory",
    "answer.compute.where.chart": "Compile times",
    "answer.compute.said": "Compiling, {compile}; the training processes at their peak, {memory}.",
    "answer.compute.compile": "{jax}, {torch}",
    "answer.compute.jax": "`jax.jit` {total} s in all ({n}, median {median})",
    "answer.compute.no_jax": "no JAX compile time",
    "answer.compute.torch": "`torch.compile` {total} s ({n}, median {median})",
    "answer.compute.no_torch": "`torch.compile` was not timed in this run",
    "answer.compute.compile_memory": "while compiling {jit} against {base}: {pairs}",
    "answer.compute.train_memory": "while training {jit} against {base}: {pairs}",
    "answer.compute.pair": "{jax} against {torch} (`{size}`)",
    "answer.compute.no_memory": "not measured in this run (training to accuracy measures it)",
    "answer.compute.none": "Not measured in this run: nothing was compiled, and training to "
    "accuracy did not run.",
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
    # At a glance
    "glance.heading": "At a glance",
    "glance.label": "{case} · {variant} (size {size})",
    "glance.speedups": "Speed-up over eager PyTorch on {device}, compute cases (paired median, "
    "whiskers: {confidence} interval; right of 1× = faster)",
    "glance.speedups.alt": "speed-ups on {device}",
    "glance.compile": "Compile time on {device} (seconds, once per function and shape)",
    "glance.compile.alt": "compile times on {device}",
    "glance.nothing": "No benchmark finished in this run: nothing to plot.",
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
    # Beyond speed (report/differences.py)
    "differences.heading": "Beyond speed: behaviour that differs on purpose, and memory",
    "differences.training": "**A training step, jitted and as a student writes it** ({where}): "
    "one SGD step with jitted JAX runs at {speedup} eager PyTorch's speed{student}.",
    "differences.training.student": "; written as a student would ({mode}), {speedup}: its "
    "Python object graph is walked on every call",
    "differences.behaviour": "**Behaviour that differs on purpose**: in {n} of the {of} cases "
    "the two frameworks behave differently, each asserted and confirmed in this run — "
    "{which}{more}. [The same Python, three ways](#strict-code): eagerly, through "
    "`torch.compile` and through `jax.jit`.",
    "differences.refuses.torch": "torch refuses",
    "differences.refuses.jax": "JAX refuses",
    "differences.refuses.both": "both refuse, differently",
    "differences.more": "; and {n} more",
    "differences.memory": "**Memory**, where a benchmark measured it: {parts}.",
    "differences.memory.none": "**Memory**: no benchmark measured memory in this run.",
    "differences.memory.peak": "peak",
    # Stricter code, shown as code (report/strict_code.py)
    "strict.heading": "Stricter code: the same Python, three ways",
    "strict.intro": "The lesson closes by saying that JAX trains faster thanks to "
    "optimisation and compilation but needs stricter code. Here is what that means, as code: "
    "the same ordinary Python function run eagerly by torch, through `torch.compile` and "
    "through `jax.jit`, "
    "and the way JAX says the same thing. Each cell is what this run observed and the judge "
    "accepted; [the topic's cases](#topic-strict) have the code and the explanations. Where Dynamo "
    "cannot capture something, `torch.compile` breaks the graph and runs that part in "
    "Python; `jax.jit` refuses it, and torch refuses it too when asked for one graph "
    "(`fullgraph=True`). Graphs are counted by a backend that runs them as captured, JAX's "
    "compilations by its monitoring events; seconds are each call's wall time, the first "
    "call of a shape paying for its compilation (TorchInductor's first one also for starting "
    "up). What a framework said is shown as it wrote it.",
    "strict.device": "On the {device}:",
    "strict.col.case": "the ordinary Python",
    "strict.col.eager": "eager torch",
    "strict.col.compile": "`torch.compile`",
    "strict.col.jit": "`jax.jit`",
    "strict.col.rewrite": "the JAX way",
    "strict.ran": "ran",
    "strict.raised": "raised `{error}`: `{message}`",
    "strict.raised_class": "raised `{error}`",
    "strict.op_by_op": "without `jit`: {what}",
    "strict.same_error": "the same error",
    "strict.graphs": "graphs compiled: {n}",
    "strict.dynamic": "of them with a dynamic length: {n}",
    "strict.break": "graph break: `{reason}`",
    "strict.no_break": "no graph break",
    "strict.fullgraph": "`fullgraph=True` raised `{error}`",
    "strict.fullgraph_ok": "`fullgraph=True` compiled it",
    "strict.compiles": "compilations: {n} for {calls} shapes",
    "strict.seconds": "seconds per call{backend}: {seconds}",
    "strict.backend": " (`{backend}`)",
    "strict.prints": "`print` ran in {n} of {calls} calls",
    "strict.printed": "what it printed: `{text}`",
    "strict.appends": "`append` ran in {n} of {calls} calls",
    "strict.use_error": "what it appended is a tracer: using it raised `{error}`",
    "strict.changed": "wrote into `x`",
    "strict.unchanged": "left `x` as it was",
    "strict.same": "eager torch's answer",
    "strict.differs": "not eager torch's answer",
    "strict.not_compared": "not compared with torch",
    "strict.failed": "failed (see the case)",
    "strict.not_run": "not run",
    "strict.rewrite.python_if": "`jnp.where`, `lax.cond`",
    "strict.rewrite.new_shapes": "inputs padded to one length",
    "strict.rewrite.side_effect_print": "`jax.debug.print`",
    "strict.rewrite.side_effect_append": "the value returned, appended outside `jit`",
    "strict.rewrite.inplace_update": "`x.at[0].set(0)`",
    "strict.rewrite.dynamic_shape": "`jnp.nonzero(..., size=len(x))`, cut outside `jit`; "
    "`jnp.where`",
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
    # jaxparity/report/fastest_column.py: each framework at its fastest idiom
    "fastest.heading": "Each framework at its fastest",
    "fastest.intro": "The verdict's comparisons again, each framework at its fastest: its "
    "fastest variant and mode among the lesson's spelling and the idioms timed in the same "
    "paired blocks (a variant's description says what it changes), compiled or not. JAX's "
    "fastest against torch's is paired round by round, with its {confidence} interval.",
    "fastest.col.where": "case · variant (size)",
    "fastest.col.lesson": "as the lesson writes it: JAX jit ×",
    "fastest.col.torch": "torch's fastest",
    "fastest.col.jax": "JAX's fastest",
    "fastest.col.fastest": "fastest against fastest: JAX ×",
    "fastest.col.verdict": "verdict",
    "fastest.pick": "`{variant}` {mode}",
    "fastest.framework.torch": "torch",
    "fastest.framework.jax": "JAX",
    "fastest.headline": "**Each framework at its fastest idiom, {regime}** ({n}; the table "
    "“Each framework at its fastest” below): JAX's fastest variant and mode against torch's, "
    "among the lesson's spelling and the idioms timed beside it: {count}{mean}.",
    "fastest.mean": "; geometric mean {geomean}",
    "fastest.idioms": "An idiom beat the lesson's spelling in its framework: {which}.",
    "fastest.idiom_won": "{case} · {lesson} ({size}), {framework}: {pick}, {gain}",
    "fastest.no_idiom": "No idiom beat the lesson's spelling in its framework by a win's margin.",
    # jaxparity/report/selfcheck_section.py: the harness against a second timer
    "selfcheck.heading": "The harness checked by a second timer",
    "selfcheck.intro": "After the benchmarks, a few of this run's own calls were timed again, "
    "each in a fresh process that imports only its framework, by that framework's own way of "
    "timing: `torch.utils.benchmark.Timer(...).blocked_autorange(min_run_time={min_run})` "
    "with the run's thread count for torch (blocks of calls under `timeit`, garbage "
    "collection off; the median of the blocks), and for JAX a plain loop of "
    "`jax.block_until_ready(fn(*args))`, each call timed with `time.perf_counter` after "
    "{warmup} warm-up calls, for {min_run} s (its median). The inputs, the setup (the case's "
    "`TIMED` function, `Backend.prepare`) and the call are the harness's own; each call is "
    "timed in as many fresh processes as the run has passes, and their medians pooled, as the "
    "harness pools its passes. Harness ÷ second timer above 1× means the harness saw the call "
    "slower; the two should agree within {within}. A process keeps a state for its life (a "
    "call can run a third slower in one process than in the next, whichever timer times it): "
    "where the pooled medians differ but one of the harness's processes and one of the second "
    "timer's agree within {within}, the table says so and shows both sides' processes; only "
    "calls where no two processes agree are a warning.",
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
    "selfcheck.states": "process states ({apart} apart): the harness's passes {harness}, the "
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
    "each framework, are timed again after the benchmarks by the frameworks' own timers, each "
    "in a fresh process (section “The harness checked by a second timer”, "
    "`jaxparity/selfcheck.py`).",
    # jaxparity show
    "show.lesson": "From the lesson's section “{heading}” ({gloss}), lines {lo}–{hi}.",
    "show.outputs": "Outputs at size test on {device}",
    "show.key": "key",
    "show.printed": "(printed)",
    "show.drawing": "a Graphviz drawing (DOT): `jaxparity run` draws it in the report; the "
    "rows below show this graph as text",
    "show.no_device": "no {device} visible to {framework}",
    "show.parity": "Parity",
    "show.agree": "agree",
    "show.differ": "differ",
    "show.and": " and ",
    "show.judgement": "{judged}: {status} with the oracle, the expectations{others}{largest}",
    "show.others": " and each other",
    "show.largest": " (largest difference {worst})",
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
    "`lower().compile()` for `jax.jit` (the step, or the whole `lax.scan` epoch), the first "
    "call for `torch.compile` and `nnx.jit` (the first training step) — with an empty "
    "inductor cache per process. The first step is the seconds from a built model to the first "
    "loss (compilation included); the steady step, the median over the epochs after the "
    "first of an epoch's training seconds per step (batch gathering included, evaluation "
    "not). Break-even steps: compile seconds ÷ (eager torch's steady step − the mode's), "
    "from the same run; *never* where the compiled step is not faster. Memory: the process's "
    "peak resident set (`VmHWM`, reset through `/proc/self/clear_refs` before compiling and "
    "again before training): the framework's libraries, the data and the allocators' caches "
    "included, as `top` shows a user. One run per row, on a machine that may be shared: read "
    "differences under about 20 % as noise.",
    # Beyond one device: the distributed topic's engines side by side (report/distributed.py)
    "topic.distributed": "10. Beyond one device",
    "distributed.heading": "Beyond one device: the engines side by side",
    "distributed.intro": "The lesson's overview lists `torch.distributed`, FSDP and DDP "
    "communication hooks; its conclusion says JAX needs more compute. Past one device the two "
    "frameworks part ways: torch *wraps the model* (DDP, FSDP2) and runs one process per "
    "worker; JAX *annotates where the data lives* and lets the compiler insert the "
    "collectives, one process over all the devices of a host, or one per host with "
    "`jax.distributed`. The topic's cases above ran on the frameworks' real engines: worker "
    "processes on 127.0.0.1, one core and one compute thread each.",
    "distributed.who": "**Who launches the processes.** torch: a launcher starts one process "
    "per worker — `torchrun` on every host; here the suite's own, which sets the same "
    "variables (`RANK`, `WORLD_SIZE`, `MASTER_ADDR`, `MASTER_PORT`) — and each process joins "
    "the process group (gloo on the CPU, NCCL on GPUs, one GPU per process). JAX: you start "
    "one Python per host, and it drives every device of that host itself; "
    "`jax.distributed.initialize` joins the hosts' processes to a coordinator (here two "
    "processes on one machine, gloo between them on the CPU). A host's count of CPU devices is "
    "fixed when JAX starts, so the one-process cases ran in a fresh Python given two CPU "
    "devices.",
    "distributed.where": "**Where the all-reduce happens.** DDP registers a hook on every "
    "parameter: during `backward()`, as soon as a bucket of gradients is ready, its "
    "communication hook starts an asynchronous all-reduce, which overlaps the rest of the "
    "backward pass, and `backward()` returns once all of them are done. In JAX the training "
    "step does not change at all: the gradient of replicated parameters over a batch split "
    "across devices is a sum across devices, and XLA writes the all-reduce into the compiled "
    "program (this run's compiled steps hold {collectives}).",
    "distributed.collectives.none": "no JAX run of this topic",
    "distributed.sharding": "**What a sharding is.** `NamedSharding(mesh, P(…))` says which "
    "part of an array each device holds: `P('data')` splits the first axis over the mesh's "
    "`data` axis, `P()` puts the whole array on every device. Data parallelism is a split "
    "batch and whole parameters; FSDP-style sharding splits the parameters too, so that each "
    "device keeps 1/N of them. torch says the same with `DTensor` placements (`Shard(0)`, "
    "`Replicate()`), which `fully_shard` makes for you.",
    "distributed.parity.heading": "The same answers",
    "distributed.parity.intro": "Every run is compared with the NumPy oracle (plain SGD over "
    "the whole batch; for the all-reduce, the sum), with the other framework, and with the "
    "same framework's run of the same steps on one device (`vs_single`, as torch's own DDP "
    "tests do it): the two may differ only by another order of summation, and the bound of "
    "that reordering judges the gap. Largest absolute differences, over all parameters and "
    "steps:",
    "distributed.parity.none": "None of the topic's cases was checked in this run.",
    "distributed.col.case": "case",
    "distributed.col.framework": "framework",
    "distributed.col.device": "device",
    "distributed.col.status": "status",
    "distributed.col.processes": "processes",
    "distributed.col.oracle": "vs NumPy",
    "distributed.col.gap": "vs one device",
    "distributed.col.between": "torch vs JAX",
    "distributed.col.size": "size",
    "distributed.col.variant": "variant",
    "distributed.col.median": "median step",
    "distributed.col.speed": "× one process",
    "distributed.col.comm": "all-reduce in the step",
    "distributed.col.alone": "all-reduce alone",
    "distributed.timing.heading": "The data-parallel step, timed at 1 and 2 workers",
    "distributed.timing.intro": "Timed by the workers themselves "
    "(`bench/test_distributed.py`): after a warm-up and lined up at a barrier, every step on "
    "its own clock; a step of several workers is the slowest one's. `single` is one process "
    "without the engine; `workers_1` the engine with nobody to talk to; `workers_2` two "
    "workers with half the batch and one core each (torch: two processes, JAX: two devices of "
    "one process); `processes_2` JAX across two processes (`jax.distributed`). DDP tells the "
    "time its all-reduces took through its communication hook (*all-reduce in the step*, "
    "overlapping the backward pass); XLA does not report its all-reduce's share of a compiled "
    "step, so one all-reduce of the gradients' size is also timed alone, in both. *× one "
    "process*: the one-process step's median over this one's (above 1×: faster).",
    "distributed.timing.none": "Not timed in this run: the default `jaxparity run` times the "
    "data-parallel step (its `lesson` and `cpu` sizes), as does `pytest "
    "bench/test_distributed.py --benchmark-enable --bench-size lesson --bench-size cpu`.",
    "distributed.scaling": "**Two workers against one process**: {lines}.",
    "distributed.scaling.one": "at size `{size}` on {device}, {framework} runs a step at "
    "{speed} the speed{comm}",
    "distributed.scaling.comm": " (its all-reduce: {share} % of the step)",
    "distributed.two_cores": "**What two cores can and cannot show.** They show that the "
    "engines compute the same thing, and what a step costs in communication (an all-reduce "
    "between two processes of one machine, through loopback TCP) and in the engine itself. "
    "They cannot show scaling: two workers share the two cores with the launching process, "
    "the operating system and other programs, with no network between hosts and no GPU, so a "
    "speed-up near 2× needs a step large enough to hide its all-reduce (size `cpu`) and an "
    "idle machine; at the lesson's size a step is all overhead, and two workers are slower "
    "than one. On GPUs the same plan runs with `--device gpu`: NCCL for torch and XLA's GPU "
    "collectives for JAX, one GPU per worker, skipped with the reason where fewer than two "
    "are visible.",
}
