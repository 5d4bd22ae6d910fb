"""Each topic and case: agreement with the oracle and between frameworks, timings, scaling
plots, the case's explainer (graph view, matrix products), the code side by side."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from jaxparity import artifacts, sources
from jaxparity.document import (
    STATUSES,
    Block,
    Bullets,
    Fold,
    Heading,
    Para,
    SideBySide,
    Table,
)
from jaxparity.fmt import anchor, fmt_bytes, fmt_ci, fmt_err, fmt_s, fmt_x
from jaxparity.report import regimes, training
from jaxparity.report.comparisons import CONFIDENCE
from jaxparity.report.graph_view import graph_files
from jaxparity.report.matmul_counts import matmul_counts
from jaxparity.report.scaling import scaling
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import MISSING, Summary
from shared import cases
from shared.cases import Case


def topic_section(
    res: Results, summ: Summary, figures: dict[str, str], t: Texts, topic: str
) -> list[Block]:
    """One topic with its cases, in lesson order."""
    name = t.topic(topic)
    blocks: list[Block] = [Heading(2, name, f"topic-{topic}", name)]
    for case in cases.select(topics=[topic]):
        lo, hi = case.seed_lines
        text = t.case(case)
        blocks.append(Heading(3, f"`{case.id}` — {text.title}", anchor(case.id)))
        status = Counter(r["status"] for r in summ.of(case=case.id, kind="check"))
        parity = ", ".join(f"{n} {t.status(s)}" for s, n in sorted(status.items()))
        blocks.append(
            Para(
                t(
                    "case.lesson",
                    heading=case.section.heading,
                    gloss=case.section.gloss,
                    lo=lo,
                    hi=hi,
                    parity=parity,
                )
            )
        )
        if text.explanation:
            blocks.append(Para(text.explanation))
        blocks += _agreement(summ, case, t)
        blocks += _timings(summ, case, t)
        blocks += scaling(summ, case, figures, t)
        if case.id in artifacts.HOOKS:
            blocks += ARTIFACT_SECTIONS[artifacts.HOOKS[case.id][0]](res, summ, case, t)
        blocks += _code(case, t)
    return blocks


AGREEMENT_COLUMNS = ("framework", "device", "status", "abs_err", "rel_err", "vs_other", "note")


def _agreement(summ: Summary, case: Case, t: Texts) -> list[Block]:
    rows = []
    for r in summ.of(case=case.id, kind="check"):
        vs = (
            "—"
            if r["max_abs_err_vs_other"] is None
            else f"{fmt_err(r['max_abs_err_vs_other'])} / {_rel(r['max_rel_err_vs_other'], t)}"
        )
        rows.append(
            [
                r["framework"],
                r["device"],
                t.status(r["status"]),
                fmt_err(r["max_abs_err"]),
                _rel(r["max_rel_err"], t),
                vs,
                t.reason(r["reason"], failed=r["status"] == "fail"),
            ]
        )
    return [
        Table(
            [t(f"agreement.{c}") for c in AGREEMENT_COLUMNS],
            rows,
            numeric=(3, 4, 5),
            statuses=_statuses(t),
        )
    ]


def _rel(x: float | None, t: Texts) -> str:
    """A relative error; against a reference of (almost) zero it means nothing, and says so."""
    return t("agreement.rel_undefined") if x is not None and x > 1e12 else fmt_err(x)


def _statuses(t: Texts) -> dict[str, str]:
    """A status as the tables write it → the status it is (for the HTML's colours)."""
    return {t.status(s): s for s in STATUSES}


def _timing_row(r: dict[str, Any], t: Texts) -> dict[str, str]:
    """A benchmark's cells, by column id (``timings.col.<id>`` names the column)."""
    spread = (
        f"{fmt_s(r['iqr_s'])} ({100 * r['iqr_s'] / r['median_s']:.0f} %)"
        if r["iqr_s"] is not None and r["median_s"] and (r["blocks"] or r["rounds"] or 0) > 1
        else "—"
    )
    flops = f"{r['gflops']:.3g}" if r["gflops"] else "—"
    if r["pct_of_peak"]:
        flops += f" ({r['pct_of_peak']:.0f} %)"
    quartiles = (
        f"{fmt_s(r['q1_s'])} – {fmt_s(r['q3_s'])}"
        if spread != "—" and r["q1_s"] is not None and r["q3_s"] is not None
        else "—"
    )
    return {
        "variant": r["variant"],
        "size": r["size"],
        "device": r["device"],
        "mode": t.mode(r["framework"], r["mode"]),
        "status": t.status(r["status"]),
        "median": fmt_s(r["median_s"]),
        "ops": "—" if r["ops_per_call"] is None else str(r["ops_per_call"]),
        "regime": regimes.cell(r, t),
        "speedup": (
            f"{fmt_x(r['speedup_vs_torch_eager'])} {fmt_ci(r['speedup_low'], r['speedup_high'])}"
            + regimes.mark(r)
            if r["speedup_vs_torch_eager"] is not None
            else "—"
        ),
        "verdict": t.verdict(r["verdict"]),
        "compile": fmt_s(r["compile_s"]) if r["compile_s"] else "—",
        "memory": fmt_bytes(r["peak_bytes"]),
        "flops": flops,
        "note": "; ".join(
            filter(
                None,
                [
                    t.reason(r["reason"], failed=r["status"] == "fail"),
                    regimes.caveat(r, t),
                    _extra_text(r["extra"], t),
                ],
            )
        ),
        "quartiles": quartiles,
        "spread": spread,
        "min": fmt_s(r["min_s"]) if spread != "—" else "—",
        "rounds": f"{r['rounds']} ({r['blocks']})" if r["blocks"] else str(r["rounds"] or "—"),
        "passes": _passes_text(r),
    }


def _passes_text(r: dict[str, Any]) -> str:
    if not r["passes"]:
        return "—"
    if r["pass_spread"] is None:
        return str(r["passes"])
    return f"{r['passes']} ({100 * r['pass_spread']:.0f} %)"


STUDENT_COLUMNS = (
    "variant",
    "size",
    "device",
    "mode",
    "status",
    "median",
    "speedup",
    "regime",
    "verdict",
    "compile",
    "memory",
    "flops",
    "note",
)
"""What a student reads in a case's timings: which way, how fast, against eager torch, the
verdict, and what the benchmark measured besides."""
STATISTICS_COLUMNS = ("variant", "size", "device", "mode", "median", "quartiles", "spread")
STATISTICS_COLUMNS += ("min", "rounds", "passes", "ops")
"""How far to trust each median, behind a toggle: how much the blocks, rounds and passes
moved (``method.speedup`` and ``method.blocks`` say how they were timed)."""
LEFT_ALIGNED = ("variant", "size", "device", "mode", "status", "regime", "verdict", "note")


def _table(rows: list[dict[str, str]], columns: tuple[str, ...], t: Texts) -> Table:
    """``rows`` as a table of those of ``columns`` holding anything (a column of dashes goes)."""
    shown = [c for c in columns if any(row[c] not in ("—", "") for row in rows)]
    return Table(
        [t(f"timings.col.{c}", confidence=CONFIDENCE) for c in shown],
        [[row[c] for c in shown] for row in rows],
        tuple(i for i, c in enumerate(shown) if c not in LEFT_ALIGNED),
        _statuses(t),
    )


def _timings(summ: Summary, case: Case, t: Texts) -> list[Block]:
    """Timed, failed and missing benchmarks in a table a student reads, their statistics in a
    second one behind a toggle; those not run on purpose (left out by mode rules, skipped with
    a reason) and those set apart from the verdict summed up below, with each variant."""
    recs = [r for r in summ.of(case=case.id, kind="bench") if not training.shown_apart(r)]
    shown = [r for r in recs if r["status"] != "skip" or r["reason"] == MISSING]
    if not recs:
        return []
    rows = [_timing_row(r, t) for r in shown]
    blocks: list[Block] = [Heading(4, t("timings.heading"))]
    if rows:
        blocks.append(_table(rows, STUDENT_COLUMNS, t))
        statistics = [row for row, r in zip(rows, shown, strict=True) if r["status"] == "pass"]
        if any(row["spread"] != "—" or "(" in row["passes"] for row in statistics):
            table = _table(statistics, STATISTICS_COLUMNS, t)
            blocks.append(Fold(t("timings.statistics"), [table]))
    not_run: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        if r not in shown:
            not_run[r["reason"]].append(
                t(
                    "timings.not_run.one",
                    variant=f"`{r['variant']}`",
                    mode=t.mode(r["framework"], r["mode"]),
                    size=r["size"],
                    device=r["device"],
                )
            )
    items = [
        t(
            "timings.not_run",
            reason=t.reason(reason),
            which=", ".join(which[:4])
            + (t("timings.not_run.more", n=len(which) - 4) if len(which) > 4 else ""),
        )
        for reason, which in not_run.items()
    ]
    apart: dict[str, list[str]] = defaultdict(list)
    for r in shown:
        if r["unequal_work"] and r["variant"] not in apart[r["unequal_work"]]:
            apart[r["unequal_work"]].append(r["variant"])
    items += [
        t("timings.apart", which=", ".join(f"`{v}`" for v in which), reason=t.quote(reason))
        for reason, which in apart.items()
    ]
    if case.bench is not None:
        items += [f"`{v}`: {t.quote(doc)}" for v, doc in case.bench.variants.items()]
    blocks.append(Bullets(items))
    return blocks


def _extra_text(extra: dict[str, Any] | None, t: Texts) -> str:
    """A benchmark's own measurements (memory kept, …), each by its name in ``summary.json``;
    byte counts made readable, words in the report's language."""
    if not extra:
        return ""
    return ", ".join(
        f"`{k}`: "
        + (
            fmt_bytes(v)
            if "bytes" in k and isinstance(v, int | float)
            else t.quote(v)
            if isinstance(v, str)
            else str(v)
        )
        for k, v in extra.items()
    )


def _code(case: Case, t: Texts) -> list[Block]:
    """The two implementations side by side, what differs between them said above."""
    torch_src, jax_src = sources.source("torch", case), sources.source("jax", case)
    if torch_src is None and jax_src is None:
        return []
    return [
        SideBySide(
            f"**{t('differs.label')}** {t.case(case).differs}",
            t("code.summary"),
            t("code.torch", location=sources.location("torch", case)),
            torch_src or t("code.missing"),
            t("code.jax", location=sources.location("jax", case)),
            jax_src or t("code.missing"),
        )
    ]


ARTIFACT_SECTIONS: dict[str, Callable[[Results, Summary, Case, Texts], list[Block]]] = {
    "graph": lambda res, summ, case, t: graph_files(res, case, t),
    "matmul_counts": matmul_counts,
}
"""How each kind of ``artifacts.jsonl`` record is shown in its case's section."""
