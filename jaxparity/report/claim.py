"""The lesson's closing claim, answered from the numbers: the report's first screen, and the
verdict's detail below it.

The first screen (:func:`first_screen`) quotes the lesson's sentence as written, answers its
three parts (``answers``: trains faster? stricter code? more compute?) and gives the verdict
per regime. Below the first screen (:func:`details`): what a speed-up and a regime mean, the
headline per regime, the split table, each framework at its fastest, what is set apart.

Every speed-up here is paired (``jaxparity.paired``) and split into what a teacher can name:

* the **kernel-and-dispatch factor** — JAX op by op (no ``jax.jit``) against eager torch: the
  libraries' own kernels (XLA's against MKL/oneDNN) and the cost of dispatching each op;
* the **compilation factor** — jitted JAX against the same function op by op: fusion,
  dead-code elimination, one dispatch per call instead of one per op;
* ``torch.compile``'s own factor against eager torch.

Cases where one side does less or other work (XLA removing work, a copy against a shared
buffer) are set apart from the compute comparisons, with the reason.
"""

from __future__ import annotations

from typing import Any

from jaxparity import paired, regimes
from jaxparity.document import Block, Bullets, Heading, Note, Para
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report import answers, fastest_column, split
from jaxparity.report import regimes as labels
from jaxparity.report.comparisons import CONFIDENCE, split_rows, where
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import DISPATCH_CASE, PEAK_CASE, Summary

VERDICTS = ("win", "tie", "loss")
LESSON_CLOSES = (
    "Jax позволяет обучать модели быстрее благодаря оптимизации и компиляции, но требует более "
    "строгое кода и большого количества вычислительных ресурсов"
)
"""The claim, as the lesson's closing section writes it (line 1306 of the seed notebook; its
typos kept: a quotation). Both languages quote it so; English adds a gloss."""
ANCHOR = "claim"
DETAILS = "verdict"
"""The anchor of the verdict's detail, below the first screen."""


def _geo(values: list[float | None]) -> float | None:
    return paired.geomean(v for v in values if v is not None)


def _verdicts(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {v: [r for r in found if r["verdict"] == v] for v in VERDICTS}


def _count(by: dict[str, list], t: Texts) -> str:
    """``1 win, 0 ties, 2 losses``."""
    return ", ".join(t.count(len(by[v]), v) for v in VERDICTS)


def first_screen(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The lesson's sentence quoted, the three answers, and the verdict per regime: what a
    teacher reads first, above the fold."""
    return [
        Heading(2, t("claim.heading"), ANCHOR, t("nav.claim")),
        Note(t("claim.quote", quote=LESSON_CLOSES)),
        Bullets(answers.all_three(res, summ, t)),
        Para(_verdict(split_rows(summ), t)),
    ]


def details(summ: Summary, t: Texts) -> list[Block]:
    """Below the first screen: what the verdict's words mean, the headline per regime, the
    split case by case, each framework at its fastest, and what is set apart."""
    blocks: list[Block] = [
        Heading(2, t("details.heading"), DETAILS, t("nav.details")),
        Para(
            t(
                "claim.intro",
                confidence=CONFIDENCE,
                margin=f"{paired.TIE - 1:.0%}",
                tie=f"{paired.TIE:g}",
            )
        ),
    ]
    rows = split_rows(summ)
    if not rows:
        return blocks
    blocks.append(Bullets(_headline(summ, rows, t)))
    blocks += split.table(rows, t)
    blocks += fastest_column.table(summ, rows, t)
    blocks += split.set_apart(summ, t)
    return blocks


def _jit(row: dict[str, Any]) -> dict[str, Any]:
    return row["jit"]


def _headline(summ: Summary, rows: list[dict[str, Any]], t: Texts) -> list[str]:
    """Per regime: jitted JAX against eager torch (the range; the counts and mean are the
    verdict's), against torch.compile, and where its lead comes from; then the lesson's own
    sizes, why, the floor and the ceiling. Means are never taken across regimes, nor over
    comparisons this run could not place."""
    by = labels.grouped(rows, _jit)
    items = [_jit_line(regime, found, t) for regime, found in by.items()]
    items += _lesson_sizes(rows, t)
    for regime, found in by.items():
        if regime is not None:
            items += _versus_compile(regime, found, t)
    items += fastest_column.headline(summ, rows, t)
    leads = [_lead(regime, found, t) for regime, found in by.items() if regime is not None]
    items += [lead for lead in leads if lead]
    if not any(row["op"] is not None for row in rows):
        items.append(t("claim.lead.none"))
    why = _why(rows, t)
    if why:
        items.append(why)
    items += _floor_and_ceiling(summ, t)
    return items


def _jit_line(regime: str | None, rows: list[dict[str, Any]], t: Texts) -> str:
    jit = [row["jit"] for row in rows]
    n = t.count(len(jit), "compute comparison")
    if regime is None:
        return t("claim.jit.unplaced", n=n)
    near = [r for r in jit if r["near_floor"]]
    return t(
        "claim.jit",
        regime=labels.name(regime, t),
        n=n,
        rule=t(f"claim.rule.{regime}", k=f"{regimes.DISPATCH_FLOORS:g}"),
        extremes=_extremes(jit, t),
        near=t(
            "claim.near",
            n=len(near),
            near=f"{regimes.NEAR_FLOOR:g}",
            mark=labels.NEAR_FLOOR_MARK,
        )
        if near
        else "",
    )


def _lesson_sizes(rows: list[dict[str, Any]], t: Texts) -> list[str]:
    """The comparisons at the lesson's own sizes, named as such, per regime."""
    mine = [row for row in rows if labels.at_lesson_size(row["jit"])]
    parts = []
    for regime, found in labels.grouped(mine, _jit).items():
        jit = [row["jit"] for row in found]
        mean = _geo([r["speedup_vs_torch_eager"] for r in jit]) if regime is not None else None
        parts.append(
            t(
                "claim.lesson.part",
                regime=labels.name(regime, t),
                n=len(jit),
                count=_count(_verdicts(jit), t),
                geomean=t("claim.lesson.mean", geomean=fmt_x(mean)) if mean else "",
            )
        )
    if not parts:
        return []
    return [t("claim.lesson", size=labels.LESSON_SIZE, parts="; ".join(parts))]


def _versus_compile(regime: str, rows: list[dict[str, Any]], t: Texts) -> list[str]:
    versus = [row["jit"] for row in rows if row["jit"]["vs_torch_compile"] is not None]
    if not versus:
        return []
    by_c = {v: [r for r in versus if _verdict_of(r, "vs_torch_compile") == v] for v in VERDICTS}
    tc = [row["compile"] for row in rows if row["compile"] is not None]
    return [
        t(
            "claim.versus_compile",
            regime=labels.name(regime, t),
            n=t.count(len(versus), "comparison"),
            count=_count(by_c, t),
            geomean=fmt_x(_geo([r["vs_torch_compile"] for r in versus])),
            compile_geomean=fmt_x(_geo([r["speedup_vs_torch_eager"] for r in tc])),
        )
    ]


def _verdict_of(r: dict[str, Any], key: str) -> str:
    found = paired.Ratio(r[key], r[f"{key}_low"], r[f"{key}_high"], r["pairs"] or 0)
    return found.verdict


def _extremes(found: list[dict[str, Any]], t: Texts) -> str:
    ranked = sorted(found, key=lambda r: r["speedup_vs_torch_eager"])
    if len(ranked) < 2:
        return ""
    lo, hi = ranked[0], ranked[-1]
    return t(
        "claim.extremes",
        low=fmt_x(lo["speedup_vs_torch_eager"]),
        low_where=where(lo),
        high=fmt_x(hi["speedup_vs_torch_eager"]),
        high_where=where(hi),
    )


def _lead(regime: str, rows: list[dict[str, Any]], t: Texts) -> str:
    """How much of JAX's lead is compilation, from a regime's cases timed all three ways."""
    full = [row for row in rows if row["op"] is not None and row["jit"]["compile_factor"]]
    if not full:
        return ""
    total = _geo([row["jit"]["speedup_vs_torch_eager"] for row in full])
    kernel = _geo([row["op"]["speedup_vs_torch_eager"] for row in full])
    compiled = _geo([row["jit"]["compile_factor"] for row in full])
    assert total is not None and kernel is not None and compiled is not None
    text = t(
        "claim.lead",
        regime=labels.name(regime, t),
        n=t.count(len(full), "case"),
        kernel=fmt_x(kernel),
        compiled=fmt_x(compiled),
        total=fmt_x(total),
    )
    share = paired.share_of_lead(total, compiled)
    if share is None:
        text += t("claim.lead.no_lead")
    elif kernel < 1:
        text += t("claim.lead.all_compilation")
    elif compiled < 1:
        text += t("claim.lead.all_kernels")
    else:
        text += t("claim.lead.shares", share=f"{share:.0%}", rest=f"{1 - share:.0%}")
    return text


def _floor_and_ceiling(summ: Summary, t: Texts) -> list[str]:
    out = []
    for device in summ.devices:
        floor = summ.of(kind="bench", case=DISPATCH_CASE, device=device, status="pass")
        if floor:
            costs = ", ".join(
                f"{fmt_s(r['median_s'])} ({t.mode(r['framework'], r['mode'])})" for r in floor
            )
            out.append(t("claim.floor", device=device, costs=costs))
        ceiling = summ.of(kind="bench", case=PEAK_CASE, device=device, status="pass")
        rated = [r for r in ceiling if r["gflops"]]
        if rated and device in summ.peaks:
            rates = ", ".join(
                f"{t.mode(r['framework'], r['mode'])} {r['gflops']:.3g} GFLOP/s"
                for r in sorted(rated, key=lambda r: -r["gflops"])
            )
            out.append(t("claim.ceiling", device=device, n=summ.peaks[device]["n"], rates=rates))
    return out


def _head(jit: list[dict[str, Any]]) -> str:
    """How the claim's first half fares over ``jit``'s verdicts."""
    by = _verdicts(jit)
    wins, losses = len(by["win"]), len(by["loss"])
    if wins > len(jit) / 2:
        return "most"
    if wins > losses:
        return "more_often"
    if wins == 0:
        return "never"
    return "in_places"


def _verdict(rows: list[dict[str, Any]], t: Texts) -> str:
    """Per regime: whether the claim's first half holds, the counts and the geometric mean
    (none over comparisons this run could not place), linked to the detail."""
    if not rows:
        return t("claim.nothing")
    parts = []
    for regime, found in labels.grouped(rows, _jit).items():
        jit = [row["jit"] for row in found]
        mean = _geo([r["speedup_vs_torch_eager"] for r in jit]) if regime is not None else None
        parts.append(
            t(
                "claim.verdict.part",
                regime=labels.name(regime, t),
                head=t(f"claim.verdict.{_head(jit)}"),
                count=_count(_verdicts(jit), t),
                n=len(jit),
                geomean=t("claim.verdict.mean", geomean=fmt_x(mean)) if mean else "",
            )
        )
    return t("claim.verdict", parts="; ".join(parts), anchor=DETAILS)


def _why(rows: list[dict[str, Any]], t: Texts) -> str:
    """Why, over the cases timed all three ways: how many compilation sped up, how many JAX's
    kernels alone won or lost."""
    full = [row for row in rows if row["op"] is not None and row["jit"]["compile_factor"]]
    why = []
    fused = [row for row in full if row["jit"]["compile_factor"] >= paired.TIE]
    kernels = [row for row in full if row["op"]["speedup_vs_torch_eager"] >= paired.TIE]
    slow_ops = [row for row in full if row["op"]["speedup_vs_torch_eager"] <= 1 / paired.TIE]
    if fused:
        why.append(t("claim.why.fused", n=len(fused), of=len(full)))
    if kernels:
        why.append(t("claim.why.kernels", n=len(kernels)))
    if slow_ops:
        why.append(t("claim.why.slow_ops", n=len(slow_ops)))
    return t("claim.why", reasons="; ".join(why)) if why else ""
