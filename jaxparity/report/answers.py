"""The claim's three questions, answered on the first screen: trains faster? stricter code?
more compute? Each answer is one sentence generated from this run's records, with its numbers
and a link to the section that holds the evidence; an answer whose records the run lacks says
"not measured in this run" and why, rather than disappearing.

* **Trains faster?** — ``training.to_accuracy`` as a user trains (``report/training.py``): per
  width, named by its regime, the first mode to the target accuracy against eager torch,
  compilation included; after how many steps jitted JAX has paid its compilation back; and
  ``nnx.jit``, JAX as a student writes it.
* **Stricter code?** — the ``strict`` cases' checks (``report/strict_code.py`` tabulates them):
  what ``jax.jit`` refuses, with its errors, and what it runs otherwise than Python; what
  ``torch.compile`` does instead (graph breaks, compiling again, refusing under
  ``fullgraph=True``); and how often, across the lesson, torch is the one that refuses
  (``report/differences.py``).
* **More compute?** — compile seconds of this run, ``jax.jit`` against ``torch.compile``, and
  the training processes' peak memory while compiling and while training
  (``training.RESOURCES``: against which torch run).
"""

from __future__ import annotations

import statistics
from typing import Any

from jaxparity.fmt import fmt_bytes, fmt_s, fmt_x
from jaxparity.report import differences, header, strict_code, training
from jaxparity.report import regimes as labels
from jaxparity.report.comparisons import is_torch_compile
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary
from shared import cases, run_modes
from shared.cases.strict._record import CALLS
from shared.cases.training._inputs import SIZES
from shared.cases.training._record import TARGET_ACCURACY, TO_ACCURACY

JIT = run_modes.JAX_JIT.key
STUDENT = run_modes.JAX_NNX_JIT.key
"""JAX as a student writes the training step: ``nnx.jit`` over the module and its optimiser."""
STRICT = "strict"


def all_three(res: Results, summ: Summary, t: Texts) -> list[str]:
    """The three answers, in the claim's order."""
    return [trains_faster(summ, t), stricter_code(res, summ, t), more_compute(summ, t)]


def _target() -> str:
    return f"{100 * TARGET_ACCURACY:g}"


def trains_faster(summ: Summary, t: Texts) -> str:
    """Per width: its regime, the first mode to the target against eager torch, jitted JAX's
    break-even step count and ``nnx.jit``'s time; or why nothing was measured."""
    runs = training.runs(summ)
    if not runs:
        failed = summ.of(case=training.CASE, kind="bench", variant=TO_ACCURACY, status="fail")
        why = t("training.failed" if failed else "training.none")
        return t("answer.train", parts=why, anchor=training.ANCHOR)
    case = cases.get(training.CASE)
    assert case.bench is not None
    parts = [_width(size, runs[size], t) for size in case.bench.sizes if size in runs]
    said = t("answer.train.parts", target=_target(), parts="; ".join(parts))
    return t("answer.train", parts=said, anchor=training.ANCHOR)


def _seconds(r: dict[str, Any] | None) -> float | None:
    return training.extra(r, "time_to_accuracy_s") if r is not None else None


def _width(size: str, rows: list[dict[str, Any]], t: Texts) -> str:
    """One width's part of the answer."""
    head = t(
        "answer.train.width",
        regime=labels.name(rows[0]["regime"], t),
        size=size,
        hidden=SIZES[size].hidden_dim if size in SIZES else "?",
    )
    reached = [r for r in rows if _seconds(r) is not None]
    if not reached:
        return head + t("answer.train.none", target=_target())
    best = min(reached, key=lambda r: training.extra(r, "time_to_accuracy_s"))
    seconds = training.extra(best, "time_to_accuracy_s")
    mode = t.mode(best["framework"], best["mode"])
    base = training.pick(rows, training.BASE)
    eager = _seconds(base)
    if best is base or eager is None:
        first = t("answer.train.first", mode=mode, seconds=fmt_s(seconds))
    else:
        first = t(
            "answer.train.faster",
            mode=mode,
            seconds=fmt_s(seconds),
            eager=fmt_s(eager),
            ratio=fmt_x(eager / seconds),
        )
    return head + first + _break_even(rows, base, t) + _student(rows, eager, t)


def _break_even(rows: list[dict[str, Any]], base: dict[str, Any] | None, t: Texts) -> str:
    jit = training.pick(rows, JIT)
    if jit is None or base is None:
        return ""
    steps = training.break_even(
        jit["compile_s"],
        training.extra(base, "steady_step_s"),
        training.extra(jit, "steady_step_s"),
    )
    if steps is None:
        return ""
    said = _jit_took(jit, base, t)
    if steps == float("inf"):
        return t("answer.train.never", jit=said)
    n = round(steps)
    word = t.count(n, "step").split(" ", 1)[1]  # the noun's form for n
    return t("answer.train.break_even", jit=said, steps=f"{n:,} {word}".replace(",", "\u202f"))


def _jit_took(jit: dict[str, Any], base: dict[str, Any], t: Texts) -> str:
    """``jax.jit``'s time to accuracy and how much of it went to building the model and its
    data (the frameworks' first-use costs, before any step), beside eager torch's: at the
    lesson's width that, not the steps, decides who is first."""
    seconds, build = _seconds(jit), training.extra(jit, "build_s")
    eager_build = training.extra(base, "build_s")
    if seconds is None or build is None or eager_build is None:
        return t("answer.train.jit.short")
    return t(
        "answer.train.jit",
        seconds=fmt_s(seconds),
        build=fmt_s(build),
        eager_build=fmt_s(eager_build),
    )


def _student(rows: list[dict[str, Any]], eager: float | None, t: Texts) -> str:
    student = training.pick(rows, STUDENT)
    seconds = _seconds(student)
    if student is None:
        return ""
    if seconds is None:
        return t("answer.train.student_not", target=_target())
    ratio = t("answer.train.ratio", ratio=fmt_x(eager / seconds)) if eager else ""
    return t("answer.train.student", seconds=fmt_s(seconds), ratio=ratio)


def stricter_code(res: Results, summ: Summary, t: Texts) -> str:
    """What ``jax.jit`` refuses or runs otherwise than Python among the ``strict`` cases, what
    ``torch.compile`` does instead, and how often torch is the one that refuses."""
    ids = [case.id for case in cases.select(topics=[STRICT])]
    device = summ.devices[0]
    found = {
        (r["case"], r["framework"]): r
        for r in res.checks
        if r["case"] in ids and r["kind"] == "check" and r["device"] == device
    }
    judged = [
        (found[(i, "torch")]["observations"] or {}, found[(i, "jax")]["observations"] or {})
        for i in ids
        if all(found.get((i, f), {}).get("status") == "pass" for f in ("torch", "jax"))
    ]
    if not judged:
        why = "answer.strict.failed" if found else "answer.strict.none"
        return t("answer.strict", said=t(why), anchor=strict_code.ANCHOR)
    refused = [j["jit_error"] for _, j in judged if j.get("jit_error")]
    otherwise = [said for _, j in judged if not j.get("jit_error") if (said := _otherwise(j, t))]
    breaks = sum(1 for c, _ in judged if c.get("graph_break"))
    again = sum(1 for c, _ in judged if not c.get("graph_break") and c.get("compile_graphs", 0) > 1)
    fullgraph = sum(1 for c, _ in judged if c.get("fullgraph_error"))
    who = differences.refusing(differences.differing(summ))
    said = t(
        "answer.strict.said",
        n=len(judged),
        refused=len(refused),
        errors=", ".join(f"`{e}`" for e in dict.fromkeys(refused)) or "—",
        otherwise=t(
            "answer.strict.otherwise",
            k=len(otherwise),
            what="; ".join(x for said in otherwise for x in said),
        )
        if otherwise
        else "",
        breaks=breaks,
        again=again,
        fullgraph=fullgraph,
        torch=t(
            "answer.strict.torch", torch=who["torch"], jax=who["jax"], anchor=differences.ANCHOR
        )
        if who["torch"]
        else "",
    )
    return t("answer.strict", said=said, anchor=strict_code.ANCHOR)


def _otherwise(obs: dict[str, Any], t: Texts) -> list[str]:
    """What ``jax.jit`` did otherwise than Python where it raised nothing: a side effect run
    at tracing only, a compilation per new shape (in the strict table's words)."""
    jit = strict_code.PIECES["jit"]
    said = [
        jit[key](obs[key], obs, t)
        for key in ("jit_prints", "jit_appends")
        if key in obs and obs[key] < CALLS
    ]
    if obs.get("jit_compiles", 0) > 1:
        said.append(jit["jit_compiles"](obs["jit_compiles"], obs, t))
    return said


def more_compute(summ: Summary, t: Texts) -> str:
    """Compile seconds of this run, ``jax.jit`` against ``torch.compile``, and the training
    processes' peak memory, jitted JAX against torch; or why nothing was measured."""
    timed = summ.of(kind="bench", status="pass")
    jax_s = [
        r["compile_s"]
        for r in timed
        if r["framework"] == "jax" and r["compile_s"] and not r["case"].startswith("machine.")
    ]
    torch_s = [r["compile_s"] for r in timed if is_torch_compile(r) and r["compile_s"]]
    memory = _memory(training.runs(summ), t)
    # the training section's compute part where it measured memory, else the compile chart
    link = {"anchor": training.COMPUTE, "where": t("answer.compute.where")}
    if not memory:
        link = {"anchor": header.GLANCE, "where": t("answer.compute.where.chart")}
    if not jax_s and not torch_s and not memory:
        return t("answer.compute", said=t("answer.compute.none"), **link)
    compiled = t(
        "answer.compute.compile",
        jax=_spent(t, "answer.compute.jax", jax_s) if jax_s else t("answer.compute.no_jax"),
        torch=_spent(t, "answer.compute.torch", torch_s) if torch_s else _no_torch(summ, t),
    )
    said = t(
        "answer.compute.said",
        compile=compiled,
        memory="; ".join(memory) if memory else t("answer.compute.no_memory"),
    )
    return t("answer.compute", said=said, **link)


def _spent(t: Texts, key: str, seconds: list[float]) -> str:
    """What one framework's compilations cost: in all, how many, the median."""
    return t(
        key,
        total=f"{sum(seconds):.1f}",
        n=t.count(len(seconds), "function"),
        median=fmt_s(statistics.median(seconds)),
    )


def _no_torch(summ: Summary, t: Texts) -> str:
    """Why ``torch.compile`` has no compile seconds here: the reason a run recorded, if any."""
    skipped = [
        r for r in summ.of(kind="bench", mode=run_modes.TORCH_COMPILE.name) if r["status"] == "skip"
    ]
    why = f" ({t.reason(skipped[0]['reason'])})" if skipped else ""
    return t("answer.compute.no_torch") + why


def _memory(runs: dict[str, list[dict[str, Any]]], t: Texts) -> list[str]:
    """Per memory resource of ``training.RESOURCES``: jitted JAX against its torch run, at each
    width that measured both."""
    out = []
    for resource in ("compile_memory", "train_memory"):
        against, value, _ = training.RESOURCES[resource]
        pairs = []
        for size, rows in runs.items():
            jit, base = training.pick(rows, JIT), training.pick(rows, against)
            if jit is None or base is None or value(jit) is None or not value(base):
                continue
            pairs.append(
                t(
                    "answer.compute.pair",
                    jax=fmt_bytes(value(jit)),
                    torch=fmt_bytes(value(base)),
                    size=size,
                )
            )
        if pairs:
            out.append(
                t(
                    f"answer.compute.{resource}",
                    jit=t.mode(*JIT),
                    base=t.mode(*against),
                    pairs=", ".join(pairs),
                )
            )
    return out
