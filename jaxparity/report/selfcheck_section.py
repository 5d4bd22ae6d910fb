"""The self-check in the report: a few of the run's calls, the harness against a second timer.

``jaxparity/selfcheck.py`` says which calls and how they are timed again; here the table of
harness ÷ second timer per call, and the warning where the two differ by more than
``selfcheck.WITHIN`` (shown in the section and among the report's warnings at the top).
"""

from __future__ import annotations

from typing import Any

from jaxparity import second_timer, selfcheck
from jaxparity.document import Block, Heading, Note, Para, Table
from jaxparity.fmt import fmt_s
from jaxparity.report.comparisons import where
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary

ANCHOR = "selfcheck"
COLUMNS = ("where", "mode", "bound", "harness", "second", "ratio", "agrees")


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def _agrees(r: dict[str, Any], t: Texts) -> str:
    if r["status"] != "pass":
        why = t.reason(r["reason"], failed=r["status"] == "fail")
        return t.status(r["status"]) + (f": {why}" if why else "")
    if r["ratio"] is None:
        return t("selfcheck.no_harness")
    if r["agreement"] == "states":
        return t(
            "selfcheck.states",
            apart=_pct(selfcheck.apart(r["ratio"])),
            harness=" / ".join(fmt_s(x) for x in r["harness_passes"]),
            second=" / ".join(fmt_s(x) for x in r["second_each"]),
        )
    key = "selfcheck.within" if r["within"] else "selfcheck.differs"
    return t(key, apart=_pct(selfcheck.apart(r["ratio"])))


def _outside_line(summ: Summary, t: Texts) -> str | None:
    off = selfcheck.outside(summ.selfcheck)
    if not off:
        return None
    which = "; ".join(
        f"{where(r)} {t.mode(r['framework'], r['mode'])} {r['ratio']:.2f}×" for r in off
    )
    return t(
        "selfcheck.outside",
        n=len(off),
        of=len([r for r in summ.selfcheck if r["ratio"] is not None]),
        within=_pct(selfcheck.WITHIN),
        which=which,
    )


def warnings(summ: Summary, t: Texts) -> list[Block]:
    """The warning at the top of the report when a checked call's two timers disagree."""
    line = _outside_line(summ, t)
    return [Note(line + t("selfcheck.see"), warn=True)] if line else []


def section(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The self-check's section; nothing for a run planned without one."""
    planned = res.plan.get("selfcheck")
    if planned is None:
        return []
    blocks: list[Block] = [
        Heading(2, t("selfcheck.heading"), ANCHOR, t("nav.selfcheck")),
        Para(
            t(
                "selfcheck.intro",
                min_run=planned.get("min_run_s", selfcheck.MIN_RUN_S),
                warmup=second_timer.WARMUP_CALLS,
                within=_pct(planned.get("within", selfcheck.WITHIN)),
            )
        ),
    ]
    if not summ.selfcheck:
        listed = ", ".join(
            f"{c.case_id} · {c.variant} ({c.size}) {t.mode(c.framework, c.mode)}"
            for c in selfcheck.CHECKED
        )
        blocks.append(Para(t("selfcheck.none", listed=listed)))
        return blocks
    rows = [
        [
            where(r),
            t.mode(r["framework"], r["mode"]),
            t(f"selfcheck.bound.{r['bound']}") if r["bound"] else "—",
            fmt_s(r["harness_s"]),
            fmt_s(r["second_s"]),
            f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—",
            _agrees(r, t),
        ]
        for r in summ.selfcheck
    ]
    blocks.append(Table([t(f"selfcheck.col.{c}") for c in COLUMNS], rows, (3, 4, 5)))
    line = _outside_line(summ, t)
    timed = [r for r in summ.selfcheck if r["ratio"] is not None]
    if line:
        blocks.append(Note(line, warn=True))
    elif timed:
        blocks.append(Note(t("selfcheck.all_within", n=len(timed), within=_pct(selfcheck.WITHIN))))
    return blocks
