"""The claim's tables: the split of every compute comparison (regime, op by op, compilation,
jit, torch.compile), and the comparisons set apart from the verdict with their reasons."""

from __future__ import annotations

from typing import Any

from jaxparity import regimes
from jaxparity.document import Block, Bullets, Heading, Para, Table
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.report import regimes as labels
from jaxparity.report.comparisons import CONFIDENCE, comparisons, speedup_text, where
from jaxparity.report.texts import Texts
from jaxparity.summary import Summary

SPLIT_COLUMNS = (
    "where",
    "eager",
    "regime",
    "op",
    "compilation",
    "jit",
    "compile",
    "jit_vs_compile",
    "verdict",
)
NUMERIC = tuple(i for i, c in enumerate(SPLIT_COLUMNS) if c not in ("where", "regime", "verdict"))
"""The columns of numbers (right-aligned, each on one line); the regime is words."""


def table(rows: list[dict[str, Any]], t: Texts) -> list[Block]:
    """Every compute comparison's row (``comparisons.split_rows``), its regime beside it."""
    header = [t(f"split.col.{c}") for c in SPLIT_COLUMNS]
    body = []
    for row in rows:
        r = row["jit"]
        base = r["median_s"] * r["speedup_vs_torch_eager"]
        body.append(
            [
                where(r),
                fmt_s(base),
                labels.cell(r, t),
                speedup_text(row["op"]) + labels.mark(row["op"]),
                speedup_text(r, "compile_factor"),
                speedup_text(r) + labels.mark(r),
                speedup_text(row["compile"]) + labels.mark(row["compile"]),
                speedup_text(r, "vs_torch_compile"),
                t.verdict(r["verdict"]),
            ]
        )
    return [
        Heading(3, t("split.heading")),
        Para(
            t(
                "split.intro",
                confidence=CONFIDENCE,
                k=f"{regimes.DISPATCH_FLOORS:g}",
                mark=labels.NEAR_FLOOR_MARK,
                near=f"{regimes.NEAR_FLOOR:g}",
            )
        ),
        Table(header, body, NUMERIC),
    ]


def set_apart(summ: Summary, t: Texts) -> list[Block]:
    """What is timed but not compared as compute, by reason (in ``t``'s language)."""
    other = comparisons(summ, lambda r: r["framework"] == "jax", compute=False)
    if not other:
        return []
    reasons: dict[str, list[dict[str, Any]]] = {}
    for r in other:
        reasons.setdefault(r["unequal_work"], []).append(r)
    items = [
        f"{t.quote(reason)}: "
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
