"""The lesson's claim answered: the first screen's three answers, the per-regime verdict, each
framework at its fastest."""

MESSAGES: dict[str, str] = {
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
    "answer.train.jit": "; `jax.jit` takes {seconds} ({build} of it building the model and its "
    "data before the first step; eager torch {eager_build}) and",
    "answer.train.jit.short": "; `jax.jit`",
    "answer.train.break_even": "{jit} pays its compilation back after {steps}",
    "answer.train.never": "{jit} never pays its compilation back (its step is not faster)",
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
}
