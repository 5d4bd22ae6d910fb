"""The lesson's closing claim, answered from the numbers: the report's first section.

*JAX trains faster thanks to compilation, but needs stricter code and more compute.* Every
speed-up here is paired (``jaxparity.paired``) and split into what a teacher can name:

* the **kernel-and-dispatch factor** — JAX op by op (no ``jax.jit``) against eager torch: the
  libraries' own kernels (XLA's against MKL/oneDNN) and the cost of dispatching each op;
* the **compilation factor** — jitted JAX against the same function op by op: fusion,
  dead-code elimination, one dispatch per call instead of one per op;
* ``torch.compile``'s own factor against eager torch.

Cases where one side does less or other work (XLA removing work, a copy against a shared
buffer) are set apart from the compute comparisons, with the reason.
"""

from __future__ import annotations

import statistics
from typing import Any

from jaxparity import paired
from jaxparity.document import Block, Bullets, Heading, Para, Table
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report import fastest_column
from jaxparity.report.comparisons import (
    CONFIDENCE,
    comparisons,
    is_torch_compile,
    speedup_text,
    split_rows,
    where,
)
from jaxparity.report.texts import Texts
from jaxparity.summary import DISPATCH_CASE, PEAK_CASE, Summary
from shared import run_modes

DISPATCH_BOUND_S = 1e-4
"""A loss faster than this is put down to per-call dispatch, not to the arithmetic."""
VERDICTS = ("win", "tie", "loss")


def _geo(values: list[float | None]) -> float | None:
    return paired.geomean(v for v in values if v is not None)


def _verdicts(found: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {v: [r for r in found if r["verdict"] == v] for v in VERDICTS}


def _count(by: dict[str, list], t: Texts) -> str:
    """``1 win, 0 ties, 2 losses``."""
    return ", ".join(t.count(len(by[v]), v) for v in VERDICTS)


def answer(summ: Summary, t: Texts) -> list[Block]:
    """The short verdict a teacher reads first, then the split case by case."""
    blocks: list[Block] = [
        Heading(2, t("claim.heading"), "claim"),
        Para(
            t(
                "claim.intro",
                claim=t("claim.claim"),
                confidence=CONFIDENCE,
                margin=f"{paired.TIE - 1:.0%}",
                tie=f"{paired.TIE:g}",
            )
        ),
    ]
    rows = split_rows(summ)
    if not rows:
        blocks.append(Para(t("claim.nothing")))
        return blocks
    blocks.append(Bullets(_headline(summ, rows, t)))
    blocks.append(Para(_verdict(summ, rows, t)))
    blocks += _split_table(rows, t)
    blocks += fastest_column.table(summ, rows, t)
    blocks += _set_apart(summ, t)
    return blocks


def _headline(summ: Summary, rows: list[dict[str, Any]], t: Texts) -> list[str]:
    jit = [row["jit"] for row in rows]
    items = [
        t(
            "claim.jit",
            n=t.count(len(jit), "compute comparison"),
            count=_count(_verdicts(jit), t),
            geomean=fmt_x(_geo([r["speedup_vs_torch_eager"] for r in jit])),
            extremes=_extremes(jit, t),
        )
    ]
    versus = [r for r in jit if r["vs_torch_compile"] is not None]
    if versus:
        by_c = {v: [r for r in versus if _verdict_of(r, "vs_torch_compile") == v] for v in VERDICTS}
        tc = [row["compile"] for row in rows if row["compile"] is not None]
        items.append(
            t(
                "claim.versus_compile",
                n=t.count(len(versus), "comparison"),
                count=_count(by_c, t),
                geomean=fmt_x(_geo([r["vs_torch_compile"] for r in versus])),
                compile_geomean=fmt_x(_geo([r["speedup_vs_torch_eager"] for r in tc])),
            )
        )
    items += fastest_column.headline(summ, rows, t)
    items.append(_lead(rows, t))
    items += _floor_and_ceiling(summ, t)
    items.append(_compile_cost(summ, t))
    return items


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


def _lead(rows: list[dict[str, Any]], t: Texts) -> str:
    """How much of JAX's lead is compilation, from the cases timed all three ways."""
    full = [row for row in rows if row["op"] is not None and row["jit"]["compile_factor"]]
    if not full:
        return t("claim.lead.none")
    total = _geo([row["jit"]["speedup_vs_torch_eager"] for row in full])
    kernel = _geo([row["op"]["speedup_vs_torch_eager"] for row in full])
    compiled = _geo([row["jit"]["compile_factor"] for row in full])
    assert total is not None and kernel is not None and compiled is not None
    text = t(
        "claim.lead",
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


def _compile_cost(summ: Summary, t: Texts) -> str:
    timed = summ.of(kind="bench", status="pass")
    jax_c = [
        r["compile_s"]
        for r in timed
        if r["framework"] == "jax" and r["compile_s"] and not r["case"].startswith("machine.")
    ]
    torch_c = [r["compile_s"] for r in timed if is_torch_compile(r) and r["compile_s"]]
    jax = _spent(t, "claim.cost.jax", jax_c) if jax_c else t("claim.cost.no_jax")
    if torch_c:
        torch = _spent(t, "claim.cost.torch", torch_c)
    else:
        skipped = [
            r
            for r in summ.of(kind="bench", mode=run_modes.TORCH_COMPILE.name)
            if r["status"] == "skip"
        ]
        torch = t("claim.cost.no_torch") + (f" ({skipped[0]['reason']})" if skipped else "")
    return t("claim.cost", jax=jax, torch=torch)


def _spent(t: Texts, key: str, seconds: list[float]) -> str:
    """What one framework's compilations cost: in all, how many, the median."""
    return t(
        key,
        total=f"{sum(seconds):.1f}",
        n=t.count(len(seconds), "function"),
        median=fmt_s(statistics.median(seconds)),
    )


def _verdict(summ: Summary, rows: list[dict[str, Any]], t: Texts) -> str:
    jit = [row["jit"] for row in rows]
    by = _verdicts(jit)
    wins, losses = len(by["win"]), len(by["loss"])
    if wins > len(jit) / 2:
        head = "most"
    elif wins > losses:
        head = "more_often"
    elif wins == 0:
        head = "never"
    else:
        head = "in_places"
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
    small = [r for r in by["loss"] if r["median_s"] and r["median_s"] < DISPATCH_BOUND_S]
    if small:
        why.append(t("claim.why.dispatch", n=len(small), bound=fmt_s(DISPATCH_BOUND_S)))
    return t(
        "claim.verdict",
        head=t(f"claim.verdict.{head}"),
        count=_count(by, t),
        n=len(jit),
        why=t("claim.why", reasons="; ".join(why)) if why else "",
        price=_price(summ, t),
    )


def _price(summ: Summary, t: Texts) -> str:
    timed = summ.of(kind="bench", status="pass")
    jit_s = sum(r["compile_s"] or 0 for r in timed if r["framework"] == "jax")
    tc_s = sum(r["compile_s"] or 0 for r in timed if is_torch_compile(r))
    return t(
        "claim.price",
        jit=f"{jit_s:.1f}",
        torch=t("claim.price.torch", seconds=f"{tc_s:.1f}") if tc_s else "",
    )


SPLIT_COLUMNS = (
    "where",
    "eager",
    "op",
    "compilation",
    "jit",
    "compile",
    "jit_vs_compile",
    "verdict",
)


def _split_table(rows: list[dict[str, Any]], t: Texts) -> list[Block]:
    header = [t(f"split.col.{c}") for c in SPLIT_COLUMNS]
    table = []
    for row in rows:
        r = row["jit"]
        base = r["median_s"] * r["speedup_vs_torch_eager"]
        table.append(
            [
                where(r),
                fmt_s(base),
                speedup_text(row["op"]),
                speedup_text(r, "compile_factor"),
                speedup_text(r),
                speedup_text(row["compile"]),
                speedup_text(r, "vs_torch_compile"),
                t.verdict(r["verdict"]),
            ]
        )
    return [
        Heading(3, t("split.heading")),
        Para(t("split.intro", confidence=CONFIDENCE)),
        Table(header, table, tuple(range(1, len(header) - 1))),
    ]


def _set_apart(summ: Summary, t: Texts) -> list[Block]:
    other = comparisons(summ, lambda r: r["framework"] == "jax", compute=False)
    if not other:
        return []
    reasons: dict[str, list[dict[str, Any]]] = {}
    for r in other:
        reasons.setdefault(r["unequal_work"], []).append(r)
    items = [
        f"{reason}: "
        + ", ".join(
            f"{where(r)} {t.mode(r['framework'], r['mode'])} {fmt_x(r['speedup_vs_torch_eager'])}"
            for r in found
        )
        for reason, found in reasons.items()
    ]
    return [
        Heading(3, t("apart.heading")),
        Para(t("apart.intro")),
        Bullets(items),
    ]
