"""Each topic and case: agreement with the oracle and between frameworks, timings, scaling
plots, the case's explainer (graph view, matrix products), the code side by side."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from jaxparity import artifacts, sources
from jaxparity.document import Block, Bullets, Heading, Para, SideBySide, Table
from jaxparity.fmt import anchor, fmt_bytes, fmt_ci, fmt_err, fmt_rel, fmt_s, fmt_x
from jaxparity.report.comparisons import CONFIDENCE
from jaxparity.report.graph_view import graph_files
from jaxparity.report.matmul_counts import matmul_counts
from jaxparity.report.scaling import scaling
from jaxparity.results import Results
from jaxparity.summary import MISSING, Summary
from shared import cases, run_modes
from shared.cases import Case

TOPIC_TITLES = {
    "tensors": "1. Tensors",
    "devices": "2. Device placement",
    "autograd": "3. Autograd",
    "advanced": "4. Advanced differentiation",
    "modes": "5. Grad modes",
    "modules": "6. Modules and MLPs",
}


def sections(res: Results, summ: Summary, figures: dict[str, str]) -> list[Block]:
    """Every topic with its cases, in lesson order."""
    blocks: list[Block] = []
    for topic in cases.TOPICS:
        blocks.append(Heading(2, TOPIC_TITLES.get(topic, topic), f"topic-{topic}"))
        for case in cases.select(topics=[topic]):
            lo, hi = case.seed_lines
            blocks.append(Heading(3, f"`{case.id}` — {case.title}", anchor(case.id)))
            status = Counter(r["status"] for r in summ.of(case=case.id, kind="check"))
            blocks.append(
                Para(
                    f"Lesson lines {lo}–{hi}. Parity: "
                    + ", ".join(f"{n} {s}" for s, n in sorted(status.items()))
                    + "."
                )
            )
            if case.explanation:
                blocks.append(Para(case.explanation))
            blocks += _agreement(summ, case)
            blocks += _timings(summ, case)
            blocks += scaling(summ, case, figures)
            if case.id in artifacts.HOOKS:
                blocks += ARTIFACT_SECTIONS[artifacts.HOOKS[case.id][0]](res, summ, case)
            blocks += _code(case)
    return blocks


def _agreement(summ: Summary, case: Case) -> list[Block]:
    rows = []
    for r in summ.of(case=case.id, kind="check"):
        vs = (
            "—"
            if r["max_abs_err_vs_other"] is None
            else f"{fmt_err(r['max_abs_err_vs_other'])} / {fmt_rel(r['max_rel_err_vs_other'])}"
        )
        rows.append(
            [
                r["framework"],
                r["device"],
                r["status"],
                fmt_err(r["max_abs_err"]),
                fmt_rel(r["max_rel_err"]),
                vs,
                r["reason"] or "",
            ]
        )
    return [
        Table(
            [
                "framework",
                "device",
                "status",
                "max abs err vs oracle",
                "max rel err",
                "torch vs JAX (abs / rel)",
                "note",
            ],
            rows,
            numeric=(3, 4, 5),
        )
    ]


def _timing_row(r: dict[str, Any]) -> dict[str, str]:
    spread = (
        f"{fmt_s(r['iqr_s'])} ({100 * r['iqr_s'] / r['median_s']:.0f} %)"
        if r["iqr_s"] is not None and r["median_s"] and (r["blocks"] or r["rounds"] or 0) > 1
        else "—"
    )
    flops = f"{r['gflops']:.3g}" if r["gflops"] else "—"
    if r["pct_of_peak"]:
        flops += f" ({r['pct_of_peak']:.0f} %)"
    return {
        "variant": r["variant"],
        "size": r["size"],
        "device": r["device"],
        "framework · mode": run_modes.label(r["framework"], r["mode"]),
        "status": r["status"],
        "median": fmt_s(r["median_s"]),
        "block IQR (% of median)": spread,
        "rounds (blocks)": f"{r['rounds']} ({r['blocks']})"
        if r["blocks"]
        else str(r["rounds"] or "—"),
        "passes (range of medians)": _passes_text(r),
        "compile": fmt_s(r["compile_s"]) if r["compile_s"] else "—",
        "peak memory": fmt_bytes(r["peak_bytes"]),
        "GFLOP/s (% of peak)": flops,
        f"× eager torch [{CONFIDENCE}]": (
            f"{fmt_x(r['speedup_vs_torch_eager'])} {fmt_ci(r['speedup_low'], r['speedup_high'])}"
            if r["speedup_vs_torch_eager"] is not None
            else "—"
        ),
        "verdict": r["verdict"] or "—",
        "note": "; ".join(filter(None, [r["reason"], r["unequal_work"], _extra_text(r["extra"])])),
    }


def _passes_text(r: dict[str, Any]) -> str:
    if not r["passes"]:
        return "—"
    if r["pass_spread"] is None:
        return str(r["passes"])
    return f"{r['passes']} ({100 * r['pass_spread']:.0f} %)"


LEFT_ALIGNED = ("variant", "size", "device", "framework · mode", "status", "verdict", "note")


def _timings(summ: Summary, case: Case) -> list[Block]:
    """Timed, failed and missing benchmarks in a table (columns with no data dropped); those
    not run on purpose (left out by mode rules, skipped with a reason) summed up below it."""
    recs = summ.of(case=case.id, kind="bench")
    shown = [r for r in recs if r["status"] != "skip" or r["reason"] == MISSING]
    if not recs:
        return []
    rows = [_timing_row(r) for r in shown]
    header = [h for h in (rows[0] if rows else {}) if any(row[h] not in ("—", "") for row in rows)]
    numeric = tuple(i for i, h in enumerate(header) if h not in LEFT_ALIGNED)
    blocks: list[Block] = [Heading(4, "Timings")]
    if rows:
        blocks.append(Table(header, [[row[h] for h in header] for row in rows], numeric))
    not_run: dict[str, list[str]] = defaultdict(list)
    for r in recs:
        if r not in shown:
            not_run[r["reason"]].append(
                f"{r['variant']} {run_modes.label(r['framework'], r['mode'])} "
                f"(size {r['size']}, {r['device']})"
            )
    items = [
        f"Not run — {reason}: {', '.join(which[:4])}"
        + (f" and {len(which) - 4} more" if len(which) > 4 else "")
        for reason, which in not_run.items()
    ]
    if case.bench is not None:
        items += [f"`{v}`: {doc}" for v, doc in case.bench.variants.items()]
    blocks.append(Bullets(items))
    return blocks


def _extra_text(extra: dict[str, Any] | None) -> str:
    """A benchmark's own measurements (memory kept, …); byte counts made readable."""
    if not extra:
        return ""
    return ", ".join(
        f"{k}: {fmt_bytes(v) if k.endswith('bytes') and isinstance(v, int | float) else v}"
        for k, v in extra.items()
    )


def _code(case: Case) -> list[Block]:
    torch_src, jax_src = sources.source("torch", case), sources.source("jax", case)
    if torch_src is None and jax_src is None:
        return []
    return [
        SideBySide(
            "The code, side by side",
            f"PyTorch — `{sources.location('torch', case)}`",
            torch_src or "# not written yet",
            f"JAX — `{sources.location('jax', case)}`",
            jax_src or "# not written yet",
        )
    ]


ARTIFACT_SECTIONS: dict[str, Callable[[Results, Summary, Case], list[Block]]] = {
    "graph": lambda res, summ, case: graph_files(res, case),
    "matmul_counts": matmul_counts,
}
"""How each kind of ``artifacts.jsonl`` record is shown in its case's section."""
