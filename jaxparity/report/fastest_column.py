"""The verdict's "fastest" column and its headline: each framework at its fastest idiom.

The verdict compares the lesson's spelling (``claim.py``); beside it, per comparison, each
framework's fastest variant × mode among the lesson's and its idioms (``Bench.idioms``),
paired as everything else (``jaxparity.fastest``), with the winner of each framework named.
The split table already fills the page's width, so the column is a table of its own, row for
row the split's.
"""

from __future__ import annotations

from typing import Any

from jaxparity import paired
from jaxparity.document import Block, Heading, Para, Table
from jaxparity.fastest import of
from jaxparity.fmt import fmt_ci, fmt_x
from jaxparity.report import regimes as labels
from jaxparity.report.comparisons import CONFIDENCE, speedup_text, where
from jaxparity.report.texts import Texts
from jaxparity.summary import Summary

VERDICTS = ("win", "tie", "loss")


def _pick(framework: str, pick: dict[str, Any], t: Texts) -> str:
    return t("fastest.pick", variant=pick["variant"], mode=t.mode(framework, pick["mode"]))


COLUMNS = ("where", "lesson", "torch", "jax", "fastest", "verdict")


def table(summ: Summary, rows: list[dict[str, Any]], t: Texts) -> list[Block]:
    """The verdict's "fastest" column, as a table of its own beside the split (the split is
    as wide as a page): per comparison of the verdict, JAX jit's speed-up as the lesson
    writes it, each framework's fastest variant × mode, and JAX's fastest against torch's."""
    table_rows = []
    for row in rows:
        r = row["jit"]
        found = of(summ.fastest, r)
        if found is None or found["speedup"] is None:
            continue
        table_rows.append(
            [
                where(r),
                speedup_text(r),
                _pick("torch", found["torch"], t),
                _pick("jax", found["jax"], t),
                f"{fmt_x(found['speedup'])} "
                f"{fmt_ci(found['speedup_low'], found['speedup_high'])}".strip(),
                t.verdict(found["verdict"]),
            ]
        )
    if not table_rows:
        return []
    header = [t(f"fastest.col.{c}") for c in COLUMNS]
    return [
        Heading(3, t("fastest.heading")),
        Para(t("fastest.intro", confidence=CONFIDENCE)),
        Table(header, table_rows, (1, 4)),
    ]


def headline(summ: Summary, rows: list[dict[str, Any]], t: Texts) -> list[str]:
    """One bullet per regime (``report.regimes``: a mean is never taken across them, nor over
    comparisons the run could not place): JAX's fastest against torch's over the verdict's
    comparisons; then where a spelling other than the lesson's (an idiom variant) beat the
    lesson's in its framework by a win's margin (``paired.TIE``, with confidence)."""
    found = [row for row in rows if (f := of(summ.fastest, row["jit"])) and f["speedup"]]
    if not found:
        return []
    items = []
    for regime, mine in labels.grouped(found, lambda row: row["jit"]).items():
        picks = [of(summ.fastest, row["jit"]) for row in mine]
        count = ", ".join(t.count(sum(f["verdict"] == v for f in picks), v) for v in VERDICTS)
        mean = paired.geomean(f["speedup"] for f in picks) if regime is not None else None
        items.append(
            t(
                "fastest.headline",
                regime=labels.name(regime, t),
                n=t.count(len(picks), "comparison"),
                count=count,
                mean=t("fastest.mean", geomean=fmt_x(mean)) if mean is not None else "",
            )
        )
    won = [
        t(
            "fastest.idiom_won",
            case=f["case"],
            lesson=f["variant"],
            size=f["size"],
            framework=t("fastest.framework." + fw),
            pick=_pick(fw, f[fw], t),
            gain=f"{fmt_x(f[fw]['gain'])} {fmt_ci(f[fw]['gain_low'], f[fw]['gain_high'])}".strip(),
        )
        for row in found
        for f in [of(summ.fastest, row["jit"])]
        for fw in ("torch", "jax")
        if f[fw]["idiom"] and f[fw]["gain_verdict"] == "win"
    ]
    items.append(t("fastest.idioms", which="; ".join(won)) if won else t("fastest.no_idiom"))
    return items
