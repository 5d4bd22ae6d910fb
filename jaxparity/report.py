"""The report: report.html, report.md and summary.json, from saved results only.

Per topic and case: agreement with the oracle and between frameworks, timings (median and IQR)
per framework × device × mode with JAX's speed-up over eager PyTorch, compile time apart, peak
memory, share of the machine's matmul peak, scaling plots, and the two implementations side by
side with the explanation. It closes with the lesson's claim, answered from the numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jaxparity import artifacts, plots, results, sources
from jaxparity.document import (
    Block,
    Bullets,
    Details,
    Figure,
    Figures,
    Heading,
    Note,
    Panel,
    Panels,
    Para,
    SideBySide,
    Table,
    html,
    markdown,
)
from jaxparity.results import Results
from jaxparity.summary import (
    ABOVE_S,
    FRAMEWORKS,
    MIN_ROUNDS,
    MISSING,
    PEAK_CASE,
    REPRODUCIBLE,
    Summary,
    build,
)
from shared import cases
from shared.cases import Case

TITLE = "jaxparity — the PyTorch lesson in PyTorch and JAX, checked and timed"
TIE = 1.10
"""Within this factor (or with overlapping IQRs) two timings are called a tie."""
CLAIM = "JAX trains faster thanks to compilation, but needs stricter code and more compute."
TOPIC_TITLES = {
    "tensors": "1. Tensors",
    "devices": "2. Device placement",
    "autograd": "3. Autograd",
    "advanced": "4. Advanced differentiation",
    "modes": "5. Grad modes",
    "modules": "6. Modules and MLPs",
}


# ---- number formatting ---------------------------------------------------------------------


def fmt_s(s: float | None) -> str:
    if s is None:
        return "—"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def fmt_err(x: float | None) -> str:
    return "—" if x is None else "0" if x == 0 else f"{x:.2g}"


def fmt_bytes(b: float | None) -> str:
    if b is None:
        return "—"
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if b >= scale:
            return f"{b / scale:.3g} {unit}"
    return f"{b:.0f} B"


def fmt_x(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.0f}×" if x >= 100 else f"{x:.2g}×"


def fmt_rel(x: float | None) -> str:
    """A relative error; against a reference of (almost) zero it means nothing, and says so."""
    return "n/a (reference ≈ 0)" if x is not None and x > 1e12 else fmt_err(x)


def _anchor(case_id: str) -> str:
    return case_id.replace(".", "-")


def _link(case_id: str) -> str:
    return f"[{case_id}](#{_anchor(case_id)})"


def _mode_name(framework: str, mode: str) -> str:
    return {
        ("torch", "eager"): "torch eager",
        ("torch", "compile"): "torch.compile",
        ("jax", "jit"): "JAX jit",
        ("jax", "nnx_jit"): "JAX nnx.jit",
        ("jax", "eager"): "JAX eager",
    }.get((framework, mode), f"{'JAX' if framework == 'jax' else framework} {mode}")


# ---- the comparisons the closing section and the glance plots are made of --------------------


def primary_jax_mode(case_id: str) -> str | None:
    """The compiled JAX mode a case is judged by: ``jit`` where declared, else its first
    compiled mode (e.g. ``jit_grad``); the others (``nnx_jit``) are JAX as a student writes it."""
    case = cases.CASES.get(case_id)
    modes = case.bench.modes.get("jax", ()) if case is not None and case.bench else ()
    compiled = [m for m in modes if m != "eager"]
    return "jit" if "jit" in compiled else next(iter(compiled), None)


def is_jit(r: dict[str, Any]) -> bool:
    return r["framework"] == "jax" and r["mode"] == primary_jax_mode(r["case"])


def is_student_jax(r: dict[str, Any]) -> bool:
    return r["framework"] == "jax" and r["mode"] not in ("eager", primary_jax_mode(r["case"]))


def is_torch_compile(r: dict[str, Any]) -> bool:
    return (r["framework"], r["mode"]) == ("torch", "compile")


def comparisons(summ: Summary, select: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    """Each selected timing with a speed-up over eager torch (same case, variant, size,
    device), and a verdict that respects the spread: a win or loss needs both the factor
    ``TIE`` and IQRs that do not overlap."""
    eager = {
        (r["case"], r["variant"], r["size"], r["device"]): r
        for r in summ.of(kind="bench", framework="torch", mode="eager", status="pass")
    }
    out = []
    for r in summ.of(kind="bench", status="pass"):
        ratio = r["speedup_vs_torch_eager"]
        if ratio is None or not select(r):
            continue
        t = eager[r["case"], r["variant"], r["size"], r["device"]]
        apart = r["q3_s"] < t["q1_s"] or t["q3_s"] < r["q1_s"]
        verdict = (
            "win" if ratio >= TIE and apart else "loss" if ratio <= 1 / TIE and apart else "tie"
        )
        out.append({"rec": r, "torch": t, "ratio": ratio, "verdict": verdict})
    return out


def _where(c: dict[str, Any]) -> tuple[str, str, str]:
    return c["rec"]["case"], c["rec"]["size"], c["rec"]["device"]


def _label(r: dict[str, Any]) -> str:
    return f"{r['case']} · {r['variant']} (size {r['size']})"


# ---- sections --------------------------------------------------------------------------------


def _header(res: Results, summ: Summary) -> list[Block]:
    plan_b = res.plan.get("bench", {})
    plan_c = res.plan.get("check", {})
    checks, bench = summ.counts("check"), summ.counts("bench")
    machine = res.machine
    when = machine.get("date") or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    blocks: list[Block] = [
        Heading(1, TITLE),
        Para(
            f"Run of {when} on **{machine.get('cpu_model', 'an unknown CPU')}**"
            + (f" and **{machine['torch_gpu']}**" if machine.get("torch_gpu") else "")
            + f"; devices: {', '.join(summ.devices)}; benchmark size `{plan_b.get('size', '—')}`, "
            f"modes: {_modes_text(plan_b)}; parity at size `{plan_c.get('size', '—')}`."
        ),
        Para(
            f"**Parity** (case × framework × device): {checks['pass']} pass, "
            f"{checks['fail']} fail, {checks['skip']} skip. **Benchmarks**: {bench['pass']} "
            f"timed, {bench['fail']} failed, {bench['skip']} not run"
            + (" (reasons below)." if bench["skip"] else ".")
        ),
    ]
    for note in summ.notes:
        blocks.append(Note(note, warn=True))
    blocks += [n for n in _load_note(res, summ) if isinstance(n, Note) and n.warn]
    nav = " · ".join(f"[{TOPIC_TITLES[t]}](#topic-{t})" for t in cases.TOPICS if t in TOPIC_TITLES)
    blocks.append(
        Para(f"{nav} · [The lesson's claim](#claim) · [Machine](#machine) · [Method](#method)")
    )
    return blocks


def _modes_text(plan_b: dict[str, Any]) -> str:
    modes = plan_b.get("modes", "all")
    return "all" if modes == "all" else ", ".join(f"`{m}`" for m in modes)


def _left_out(summ: Summary) -> list[Block]:
    reasons = Counter(
        r["reason"] for r in summ.of(kind="bench", status="skip") if r["reason"] is not None
    )
    if not reasons:
        return []
    return [
        Para("Benchmarks not run, by reason:"),
        Bullets([f"{reason}: {n}" for reason, n in reasons.most_common()]),
    ]


def _glance(summ: Summary, figures: dict[str, str]) -> list[Block]:
    blocks: list[Block] = [Heading(2, "At a glance", "glance")]
    for device in summ.devices:
        groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for c in comparisons(summ, lambda r, device=device: r["device"] == device):
            r = c["rec"]
            bar = (
                _mode_name(r["framework"], r["mode"]),
                c["ratio"],
                plots.color(r["framework"], r["mode"]),
            )
            groups[_label(r)].append(bar)
        svg = plots.hbars(
            list(groups.items()),
            f"Speed-up over eager PyTorch on {device} (median time ratio; right of 1× = faster)",
        )
        if svg:
            figures[f"speedup-{device}"] = svg
            blocks.append(Figure(f"speedup-{device}", svg, f"speed-ups on {device}"))
        compile_groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in summ.of(kind="bench", device=device, status="pass"):
            if r["compile_s"] and r["case"] != PEAK_CASE:
                compile_groups[_label(r)].append(
                    (
                        _mode_name(r["framework"], r["mode"]),
                        r["compile_s"],
                        plots.color(r["framework"], r["mode"]),
                    )
                )
        svg = plots.hbars(
            list(compile_groups.items()),
            f"Compile time on {device} (seconds, once per function and shape)",
            ref=None,
            value_text=lambda v: f"{v:.2g} s",
        )
        if svg:
            figures[f"compile-{device}"] = svg
            blocks.append(Figure(f"compile-{device}", svg, f"compile times on {device}"))
    if len(blocks) == 1:
        blocks.append(Para("No benchmark finished in this run: nothing to plot."))
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
        if r["iqr_s"] is not None and r["median_s"] and (r["rounds"] or 0) >= MIN_ROUNDS
        else "—"
    )
    flops = f"{r['gflops']:.3g}" if r["gflops"] else "—"
    if r["pct_of_peak"]:
        flops += f" ({r['pct_of_peak']:.0f} %)"
    return {
        "variant": r["variant"],
        "size": r["size"],
        "device": r["device"],
        "framework · mode": _mode_name(r["framework"], r["mode"]),
        "status": r["status"],
        "median": fmt_s(r["median_s"]),
        "IQR (% of median)": spread,
        "rounds": str(r["rounds"] or "—"),
        "passes (range of medians)": _passes_text(r),
        "compile": fmt_s(r["compile_s"]) if r["compile_s"] else "—",
        "peak memory": fmt_bytes(r["peak_bytes"]),
        "GFLOP/s (% of peak)": flops,
        "× eager torch": fmt_x(r["speedup_vs_torch_eager"]),
        "note": "; ".join(filter(None, [r["reason"], _extra_text(r["extra"])])),
    }


def _passes_text(r: dict[str, Any]) -> str:
    if not r["passes"]:
        return "—"
    if r["pass_spread"] is None:
        return str(r["passes"])
    return f"{r['passes']} ({100 * r['pass_spread']:.0f} %)"


LEFT_ALIGNED = ("variant", "size", "device", "framework · mode", "status", "note")


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
                f"{r['variant']} {_mode_name(r['framework'], r['mode'])} "
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


def scaling_axes(sizes: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """Lines to draw through the sizes: ``(axis, sizes in order, x labels)``.

    Sweep points named like ``b64_w256_d4`` vary one number at a time around a centre: one
    line per letter (batch ``b``, width ``w``, depth ``d``) through the points that share the
    others. Other names (``small``, ``large``) make one line in the case's own order.
    """
    parsed = [re.fullmatch(r"(?:[a-z]+\d+_)*[a-z]+\d+", s) and _parts(s) for s in sizes]
    keys = {tuple(p) for p in parsed if p}
    if None in parsed or len(keys) != 1:
        return [("size", sizes, sizes)]
    axes = []
    for key in next(iter(keys)):
        groups: dict[tuple, list[str]] = defaultdict(list)
        for size, parts in zip(sizes, parsed, strict=True):
            assert parts is not None
            groups[tuple(v for k, v in parts.items() if k != key)].append(size)
        line = max(groups.values(), key=len)
        if len(line) >= 2:
            line.sort(key=lambda s: _parts(s)[key])
            axes.append((key, line, [str(_parts(s)[key]) for s in line]))
    return axes


def _parts(size: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"([a-z]+)(\d+)", size)}


def _scaling(summ: Summary, case: Case, figures: dict[str, str]) -> list[Block]:
    if case.bench is None:
        return []
    order = list(dict.fromkeys([*case.bench.sizes, *case.bench.sweep]))
    found: list[Figure] = []
    for device in summ.devices:
        for variant in case.bench.variants:
            recs = summ.of(
                case=case.id, kind="bench", variant=variant, device=device, status="pass"
            )
            sizes = [s for s in order if any(r["size"] == s for r in recs)]
            if len(sizes) < 2:
                continue
            for axis, line, labels in scaling_axes(sizes):
                series = []
                for framework in FRAMEWORKS:
                    for mode in case.bench.modes.get(framework, ()):
                        by_size = {
                            r["size"]: r["median_s"]
                            for r in recs
                            if r["framework"] == framework and r["mode"] == mode
                        }
                        values = [by_size.get(s) for s in line]
                        if sum(v is not None for v in values) >= 2:
                            series.append(
                                (_mode_name(framework, mode), plots.color(framework, mode), values)
                            )
                fixed = "" if axis == "size" else f" ({', '.join(_others(line[0], axis))})"
                title = f"{case.id} · {variant} on {device}: median time by {axis}{fixed}"
                svg = plots.lines(labels, series, title, fmt_s)
                if svg:
                    name = f"scaling-{_anchor(case.id)}-{variant}-{device}-{axis}"
                    figures[name] = svg
                    found.append(Figure(name, svg, f"{case.id} {variant} by {axis} on {device}"))
    return [Heading(4, "Scaling with size"), Figures(found)] if found else []


def _others(size: str, axis: str) -> list[str]:
    return [f"{k}={v}" for k, v in _parts(size).items() if k != axis]


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


# ---- what artifacts.jsonl adds: graph files, matrix products ---------------------------------


FRAMEWORK_NAMES = {"torch": "torch", "jax": "JAX"}
GRAPH_TITLES = {
    "torch": "PyTorch — torchviz's drawing of the tape (backward nodes)",
    "jax": "JAX — the jaxpr of the loss, drawn (the traced forward program)",
}


def _artifacts_of(res: Results, case: Case, kind: str) -> list[dict[str, Any]]:
    found = [r for r in res.artifacts if r["case"] == case.id and r["kind"] == kind]
    order = {f: i for i, f in enumerate(FRAMEWORKS)}
    return sorted(found, key=lambda r: (order.get(r["framework"], len(order)), r["framework"]))


def _not_collected(res: Results, case: Case, what: str) -> Note:
    planned = case.id in res.plan.get("check", {}).get("cases", [])
    return Note(
        f"No {what} in this run: `{results.ARTIFACTS}` holds none for this case"
        + (
            " although it was checked: the run was cut short, or predates artifacts."
            if planned
            else f" (`jaxparity check --case {case.id}` writes them)."
        ),
        warn=planned,
    )


def _failures(recs: list[dict[str, Any]], what: str) -> list[Block]:
    return [
        Note(
            f"{FRAMEWORK_NAMES.get(r['framework'], r['framework'])}"
            + (f" ({r['device']}, size `{r['size']}`)" if what == "count" else "")
            + f": no {what} — {r['reason']}",
            warn=r["status"] == "fail",
        )
        for r in recs
        if r["status"] != "pass"
    ]


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (OSError, UnicodeDecodeError):
        return None


def inline_svg(svg: str, prefix: str) -> str | None:
    """An SVG file (Graphviz's) as markup inside the page: no XML prolog, doctype or comments,
    and its ids prefixed, as two drawings in one page would both have ``graph0``, ``node1``…"""
    start = svg.find("<svg")
    if start < 0:
        return None
    body = re.sub(r"<!--.*?-->", "", svg[start:], flags=re.S)
    return re.sub(r'\bid="', f'id="{prefix}-', body).strip()


def _graph_files(res: Results, case: Case) -> list[Block]:
    """Links to the files ``write_graph`` wrote, both drawings side by side, the jaxpr text."""
    recs = _artifacts_of(res, case, "graph")
    blocks: list[Block] = [Heading(4, "The graphs, side by side")]
    if not recs:
        return [*blocks, _not_collected(res, case, "graph files")]
    links, panels, texts = [], [], []
    for r in recs:
        files = r.get("files", []) if r["status"] == "pass" else []
        if not files:
            continue
        name = FRAMEWORK_NAMES.get(r["framework"], r["framework"])
        links.append(f"{name}: " + ", ".join(f"[`{Path(f).name}`]({f})" for f in files))
        svg_path, dot_path = _ending(files, ".svg"), _ending(files, ".dot")
        svg = _read(res.folder / svg_path) if svg_path else None
        dot = _read(res.folder / dot_path) if dot_path else None
        panels.append(
            Panel(
                GRAPH_TITLES.get(r["framework"], name),
                inline_svg(svg, f"{_anchor(case.id)}-{r['framework']}") if svg else None,
                svg_path,
                "The graph in Graphviz DOT"
                + (" (no SVG: Graphviz's dot was not installed)" if svg_path is None else ""),
                dot if dot is not None else f"({dot_path or 'the DOT file'} is missing)",
            )
        )
        jaxpr = _ending(files, ".jaxpr.txt")
        text = _read(res.folder / jaxpr) if jaxpr else None
        if text is not None:
            texts.append(
                Details(f"The jaxpr as text: the loss and jax.grad of it ({jaxpr})", text.rstrip())
            )
    if links:
        blocks.append(
            Para(
                "Files for a student to open side by side (paths relative to this report): "
                + "; ".join(links)
                + "."
            )
        )
    if panels:
        blocks.append(Panels(panels))
    return blocks + texts + _failures(recs, "graph")


def _ending(files: list[str], suffix: str) -> str | None:
    return next((f for f in files if f.endswith(suffix)), None)


COUNT_METHOD = (
    "Counted by each backend's `matmul_counts`: torch on its tape (a hook on every "
    "`MmBackward0` node; a variant counts its backward only, the forward having run before it, "
    "as in the benchmark), JAX in the optimised HLO of the jitted program (a variant counts the "
    "whole compiled gradient, forward included). Either way: what the variant's timed call "
    "computes."
)

Counts = dict[str, int]


def _matmul_counts(res: Results, summ: Summary, case: Case) -> list[Block]:
    """Rows forward and each variant, columns torch / JAX per size (and device), then what
    the counts say about this run's timings."""
    recs = _artifacts_of(res, case, "matmul_counts")
    blocks: list[Block] = [Heading(4, "Matrix products computed")]
    if not recs:
        return [*blocks, _not_collected(res, case, "matmul counts")]
    done = [r for r in recs if r["status"] == "pass"]
    if not done:
        return blocks + _failures(recs, "count")
    sizes = list(case.bench.sizes) if case.bench else []
    columns = sorted(
        {(r["size"], r["device"]) for r in done},
        key=lambda k: (sizes.index(k[0]) if k[0] in sizes else len(sizes), k),
    )
    counts = {(r["size"], r["device"], r["framework"]): r.get("counts", {}) for r in done}
    rows = list(dict.fromkeys(k for c in counts.values() for k in c))
    variants = case.bench.variants if case.bench else {}
    several = len({d for _, d in columns}) > 1
    header = ["matrix products"] + [
        f"{FRAMEWORK_NAMES[f]} · `{s}`" + (f" · {d}" if several else "")
        for s, d in columns
        for f in FRAMEWORKS
    ]
    table = [
        [f"`{row}`: {'the loss alone' if row == 'forward' else variants.get(row, '')}"]
        + [str(counts.get((s, d, f), {}).get(row, "—")) for s, d in columns for f in FRAMEWORKS]
        for row in rows
    ]
    blocks += [Para(COUNT_METHOD), Table(header, table, tuple(range(1, len(header))))]
    text = _counts_text(counts, columns, summ, case)
    if text:
        blocks.append(Para(text))
    return blocks + _failures(recs, "count")


def _counts_text(
    counts: dict[tuple[str, str, str], Counts],
    columns: list[tuple[str, str]],
    summ: Summary,
    case: Case,
) -> str:
    """The counts next to the timings, at each size and device timed in this run (else at
    the largest size counted), generated from the numbers."""
    timed = {
        (r["size"], r["device"], r["variant"], r["framework"]): r["median_s"]
        for r in summ.of(case=case.id, kind="bench", status="pass")
        if r["median_s"] and ((r["framework"], r["mode"]) == ("torch", "eager") or is_jit(r))
    }
    both = [(s, d) for s, d in columns if all(counts.get((s, d, f)) for f in FRAMEWORKS)]
    sentences = []
    for s, d in both:
        pairs = {
            v: (timed[s, d, v, "torch"], timed[s, d, v, "jax"])
            for v in counts[s, d, "torch"]
            if (s, d, v, "torch") in timed and (s, d, v, "jax") in timed
        }
        if pairs:
            sentences.append(
                _counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, pairs)
            )
    if not sentences and both:
        s, d = both[-1]
        sentences.append(_counts_sentence(counts[s, d, "torch"], counts[s, d, "jax"], s, d, {}))
    return " ".join(sentences)


def _join(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _counts_sentence(
    t: Counts, j: Counts, size: str, device: str, times: dict[str, tuple[float, float]]
) -> str:
    """What the counts explain: the forward XLA shares, the gradients that need no product
    (their JAX time is overhead), and the gradients both compute alike (similar times)."""
    text = (
        f"At size `{size}` on {device}, eager torch's forward computes {t.get('forward')} matrix "
        f"products (one per `A @ B` of the loop), the compiled JAX loss {j.get('forward')}"
    )
    if j.get("forward") == 1 < (t.get("forward") or 0):
        text += ": XLA sees one product repeated and computes it once"
    variants = [v for v in t if v != "forward" and v in j]
    free = [v for v in variants if j[v] == 0]
    free_timed = [v for v in free if v in times]
    if free_timed:
        v = max(free_timed, key=lambda v: times[v][0] / times[v][1])
        torch_s, jax_s = times[v]
        text += (
            f". `{v}` needs no matrix product at all in the compiled program, so JAX's "
            f"{fmt_s(jax_s)} is pure call overhead; torch's backward computes "
            f"{'none either' if t[v] == 0 else t[v]}, yet takes {fmt_s(torch_s)} "
            f"({fmt_x(torch_s / jax_s)} longer) going back through the tape its forward built"
        )
    elif free:
        verb = "needs" if len(free) == 1 else "need"
        text += f". {_join(free)} {verb} no matrix product at all in the compiled program"
    same = {v: times[v] for v in variants if t[v] == j[v] > 0 and v in times}
    if same:
        close = all(0.5 <= a / b <= 2 for a, b in same.values())
        text += (
            ". Where both compute the same products ("
            + ", ".join(f"`{v}` {t[v]}" for v in same)
            + ("), the times are close" if close else "), the times differ")
            + " (torch vs JAX: "
            + ", ".join(f"`{v}` {fmt_s(a)} vs {fmt_s(b)}" for v, (a, b) in same.items())
            + ("): the products dominate" if close else "): at this size, something else decides")
        )
    return text + "."


ARTIFACT_SECTIONS: dict[str, Callable[[Results, Summary, Case], list[Block]]] = {
    "graph": lambda res, summ, case: _graph_files(res, case),
    "matmul_counts": _matmul_counts,
}
"""How each kind of ``artifacts.jsonl`` record is shown in its case's section."""


def _cases(res: Results, summ: Summary, figures: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    for topic in cases.TOPICS:
        blocks.append(Heading(2, TOPIC_TITLES.get(topic, topic), f"topic-{topic}"))
        for case in cases.select(topics=[topic]):
            lo, hi = case.seed_lines
            blocks.append(Heading(3, f"`{case.id}` — {case.title}", _anchor(case.id)))
            status = Counter(r["status"] for r in summ.of(case=case.id, kind="check"))
            blocks.append(
                Para(
                    f"Lesson lines {lo}–{hi}. Parity: "
                    + ", ".join(f"{n} {s}" for s, n in sorted(status.items()))
                    + ("." if case.implemented else " (not implemented yet).")
                )
            )
            if case.explanation:
                blocks.append(Para(case.explanation))
            blocks += _agreement(summ, case)
            blocks += _timings(summ, case)
            blocks += _scaling(summ, case, figures)
            if case.id in artifacts.HOOKS:
                blocks += ARTIFACT_SECTIONS[artifacts.HOOKS[case.id][0]](res, summ, case)
            blocks += _code(case)
    return blocks


MACHINE_KEYS = (
    ("cpu_model", "CPU"),
    ("cpu_count", "CPU cores (os.cpu_count)"),
    ("torch_gpu", "GPU (torch)"),
    ("jax_devices", "JAX devices"),
    ("torch", "torch"),
    ("torch_cuda", "torch CUDA"),
    ("torch_threads", "torch threads"),
    ("torch_interop_threads", "torch inter-op threads"),
    ("jax", "jax"),
    ("jaxlib", "jaxlib"),
    ("flax", "flax"),
    ("numpy", "numpy"),
    ("jax_backend", "JAX default backend"),
    ("xla_flags", "XLA_FLAGS"),
    ("torch_float32_matmul", "torch float32 matmul"),
    ("jax_default_matmul_precision", "JAX matmul precision"),
    ("python", "Python"),
    ("platform", "platform"),
    ("git_commit", "git commit"),
    ("missing_backends", "missing frameworks"),
    ("load_1m_at_start", "load average (1 min) at the start"),
)


def _machine(res: Results, summ: Summary) -> list[Block]:
    m = res.machine
    rows = [[label, _plain(m[key])] for key, label in MACHINE_KEYS if m.get(key) not in (None, "")]
    known = {k for k, _ in MACHINE_KEYS} | {"tool", "date"}
    rows += [[k, _plain(v)] for k, v in sorted(m.items()) if k not in known]
    blocks: list[Block] = [Heading(2, "The machine", "machine")]
    blocks.append(Table(["what", "value"], rows) if rows else Para("No machine record saved."))
    blocks += _load_note(res, summ)
    for device, peak in summ.peaks.items():
        blocks.append(
            Para(
                f"Matmul peak on {device}, measured in this run: **{peak['gflops']:.3g} GFLOP/s** "
                f"(float32 {peak['n']}×{peak['n']} matmul, best of NumPy, torch and jitted JAX: "
                f"{peak['framework']}). Matmul-bound cases are stated as a share of it."
                + _peak_per_pass(res, device)
            )
        )
    return blocks


def _peak_per_pass(res: Results, device: str) -> str:
    """The same matmul, timed at the end of every pass: a drop in one pass is the machine
    (other tenants), not the frameworks, and tells how far to trust that pass's neighbours."""
    best: dict[int, float] = {}
    for r in res.bench:
        s = r["stats"]
        if (
            r["case_id"] != PEAK_CASE
            or r["device"] != device
            or not (r.get("flops") and s.get("median"))
        ):
            continue
        number = r.get("pass", 1)
        best[number] = max(best.get(number, 0.0), r["flops"] / s["median"] / 1e9)
    if len(best) < 2:
        return ""
    values = ", ".join(f"{best[n]:.3g}" for n in sorted(best))
    return (
        f" Per pass: {values} GFLOP/s; a pass well below the others ran while other tenants "
        "held the machine."
    )


def _load_note(res: Results, summ: Summary) -> list[Block]:
    """Was the machine busy with other work? Timings taken under load are inflated."""
    loads = [r["load_1m"] for r in summ.of(kind="bench") if r["load_1m"] is not None]
    cores = res.machine.get("cpu_count")
    if not loads or not cores:
        return []
    busy = sum(load > cores for load in loads)
    text = (
        f"Load average (1 min) as each benchmark ended: {min(loads):.1f}–{max(loads):.1f} on "
        f"{cores} cores."
    )
    if busy:
        text += (
            f" {busy} of {len(loads)} benchmarks ended with the load above the core count: other "
            "processes competed for the CPU, so those timings are inflated (a thread pool "
            "waiting for a descheduled thread suffers most)."
        )
    return [Note(text, warn=bool(busy))]


def _plain(v: Any) -> str:
    if isinstance(v, dict):
        return "; ".join(f"{k}: {x}" for k, x in v.items()) or "—"
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "—"
    return str(v)


def _range_s(values: list[float]) -> str:
    return f"{fmt_s(min(values))}–{fmt_s(max(values))} (median {fmt_s(statistics.median(values))})"


def _names(items: list[dict[str, Any]], n: int = 6) -> str:
    shown = ", ".join(
        f"{_link(c['rec']['case'])} · {c['rec']['variant']} (size {c['rec']['size']}, "
        f"{c['rec']['device']}) {fmt_x(c['ratio'])}"
        for c in items[:n]
    )
    return shown + (f", and {len(items) - n} more" if len(items) > n else "")


def _claim(summ: Summary) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, "The lesson's claim, from the numbers", "claim"),
        Para(
            f"The lesson closes: *{CLAIM}* What this run measured — every sentence below is "
            "generated from the results above, so it changes when the numbers do."
        ),
    ]
    jit = comparisons(summ, is_jit)
    if not jit:
        blocks.append(
            Para("No timed case finished on both eager PyTorch and jitted JAX: no answer.")
        )
        return blocks
    by = {
        v: sorted(
            (c for c in jit if c["verdict"] == v), key=lambda c: c["ratio"], reverse=v != "loss"
        )
        for v in ("win", "tie", "loss")
    }
    n = len(jit)
    items = [
        f"**Where jitted JAX wins** (at least {(TIE - 1):.0%} faster, IQRs apart): "
        f"{len(by['win'])} of {n}" + (f" — {_names(by['win'])}." if by["win"] else "."),
        f"**Where they tie** (within {(TIE - 1):.0%} or overlapping IQRs): {len(by['tie'])} of {n}"
        + (f" — {_names(by['tie'])}." if by["tie"] else "."),
        f"**Where eager PyTorch wins**: {len(by['loss'])} of {n}"
        + (f" — {_names(by['loss'])}." if by["loss"] else "."),
    ]
    sizes = sorted({c["rec"]["size"] for c in jit})
    if len(sizes) > 1:
        medians = {
            s: statistics.median(c["ratio"] for c in jit if c["rec"]["size"] == s) for s in sizes
        }
        items.append(
            "**By size**: median speed-up "
            + ", ".join(f"`{s}` {fmt_x(m)}" for s, m in medians.items())
            + "."
        )
    student = comparisons(summ, is_student_jax)
    compiled = comparisons(summ, is_torch_compile)
    for c in [c for c in jit if c["rec"]["case"] == "modules.train_step"]:
        r = c["rec"]
        as_student = next((x for x in student if _where(x) == _where(c)), None)
        as_compiled = next((x for x in compiled if _where(x) == _where(c)), None)
        items.append(
            f"**Training** ({_link(r['case'])}, size {r['size']}, {r['device']}): one SGD "
            f"step with jitted JAX runs at {fmt_x(c['ratio'])} the speed of eager PyTorch"
            + (
                f"; written as a student would ({_mode_name('jax', as_student['rec']['mode'])}), "
                f"{fmt_x(as_student['ratio'])}"
                if as_student
                else ""
            )
            + (f"; `torch.compile` reaches {fmt_x(as_compiled['ratio'])}" if as_compiled else "")
            + "."
        )
    items += _compile_cost(summ, jit)
    items += _strictness(summ)
    items += _memory(summ)
    blocks.append(Bullets(items))
    blocks.append(Para(_verdict(summ, by, n)))
    return blocks


def _compile_cost(summ: Summary, jit: list[dict[str, Any]]) -> list[str]:
    out = []
    jax_c = [
        r["compile_s"]
        for r in summ.of(kind="bench", framework="jax", status="pass")
        if r["compile_s"] and r["case"] != PEAK_CASE
    ]
    torch_c = [
        r["compile_s"]
        for r in summ.of(kind="bench", mode="compile", status="pass")
        if r["compile_s"]
    ]
    text = "**What compilation costs**: "
    text += f"`jax.jit` took {_range_s(jax_c)} per function" if jax_c else "no JAX compile time"
    if torch_c:
        text += f"; `torch.compile` took {_range_s(torch_c)}"
    else:
        skipped = [r for r in summ.of(kind="bench", mode="compile") if r["status"] == "skip"]
        text += "; `torch.compile` was not timed in this run" + (
            f" ({skipped[0]['reason']})" if skipped else ""
        )
    paybacks = [
        c["rec"]["compile_s"] / (c["torch"]["median_s"] - c["rec"]["median_s"])
        for c in jit
        if c["verdict"] == "win" and c["rec"]["compile_s"]
    ]
    if paybacks:
        text += (
            f". Where jit wins, its compile time is paid back after about "
            f"{statistics.median(paybacks):,.0f} calls (median; {min(paybacks):,.0f}–"
            f"{max(paybacks):,.0f})"
        )
    out.append(text + ".")
    compiled = comparisons(summ, is_torch_compile)
    if compiled:
        wins = sum(c["verdict"] == "win" for c in compiled)
        losses = sum(c["verdict"] == "loss" for c in compiled)
        out.append(
            f"**torch.compile** against eager torch: faster in {wins}, slower in {losses}, a tie "
            f"in {len(compiled) - wins - losses} of {len(compiled)} (median "
            f"{fmt_x(statistics.median(c['ratio'] for c in compiled))})."
        )
    return out


def _short(value: object, limit: int = 24) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _strictness(summ: Summary, shown: int = 8) -> list[str]:
    differ = []
    for case in cases.CASES.values():
        if not case.implemented:
            continue
        t, j = case.expectations("torch", "cpu"), case.expectations("jax", "cpu")
        keys = [k for k in t if k in j and t[k] != j[k]]
        checks = summ.of(case=case.id, kind="check", device="cpu")
        if keys and checks and all(r["status"] == "pass" for r in checks):
            k = keys[0]
            differ.append(f"{_link(case.id)} (`{k}`: torch {_short(t[k])}, JAX {_short(j[k])})")
    if not differ:
        return []
    implemented = sum(c.implemented for c in cases.CASES.values())
    more = f"; and {len(differ) - shown} more" if len(differ) > shown else ""
    return [
        f"**Stricter code**: in {len(differ)} of the {implemented} implemented cases the two "
        "frameworks behave differently on purpose, each asserted and confirmed in this run — "
        + "; ".join(differ[:shown])
        + more
        + "."
    ]


def _extra_text(extra: dict[str, Any] | None) -> str:
    """A benchmark's own measurements (memory kept, …); byte counts made readable."""
    if not extra:
        return ""
    return ", ".join(
        f"{k}: {fmt_bytes(v) if k.endswith('bytes') and isinstance(v, int | float) else v}"
        for k, v in extra.items()
    )


def _memory(summ: Summary) -> list[str]:
    """One number per memory measurement: its peak, else the first byte count it recorded."""
    parts = []
    for r in summ.of(kind="bench", status="pass"):
        extra = {k: v for k, v in (r["extra"] or {}).items() if k.endswith("bytes")}
        name, value = (
            ("peak", r["peak_bytes"]) if r["peak_bytes"] else next(iter(extra.items()), ("", None))
        )
        if value is not None:
            parts.append(
                f"{_link(r['case'])} · {r['variant']} {_mode_name(r['framework'], r['mode'])} "
                f"(size {r['size']}, {r['device']}): {name.replace('_', ' ')} {fmt_bytes(value)}"
            )
    if not parts:
        return ["**Memory**: no benchmark measured memory in this run."]
    return ["**Memory**, where a benchmark measured it: " + "; ".join(parts) + "."]


def _verdict(summ: Summary, by: dict[str, list], n: int) -> str:
    wins, ties, losses = len(by["win"]), len(by["tie"]), len(by["loss"])
    spreads = [
        r["iqr_s"] / r["median_s"]
        for r in summ.of(kind="bench", status="pass")
        if r["iqr_s"] is not None and r["median_s"] and (r["rounds"] or 0) >= MIN_ROUNDS
    ]
    if wins > losses + ties:
        head = "On this machine the claim's first half holds for most timed cases"
    elif wins > losses:
        head = "On this machine the claim's first half holds more often than not"
    elif wins == 0:
        head = "On this machine the claim's first half does not show: jit never won clearly"
    else:
        head = "On this machine the claim's first half holds only in places"
    noise = ""
    if spreads:
        worst = statistics.quantiles(spreads, n=10)[-1] if len(spreads) > 1 else spreads[0]
        noise = (
            f" Noise: the IQR is a median {100 * statistics.median(spreads):.0f} % of "
            f"the median time, under {100 * worst:.0f} % for nine benchmarks in ten; a win "
            f"or loss needs ≥ {(TIE - 1):.0%} and IQRs apart, anything else is a tie."
            + _between_passes(summ)
        )
    timed = summ.of(kind="bench", status="pass")
    jit_s = sum(r["compile_s"] or 0 for r in timed if r["framework"] == "jax")
    compile_s = sum(r["compile_s"] or 0 for r in timed if is_torch_compile(r))
    price = (
        f" The price, measured: {jit_s:.1f} s of JAX compilation in this run"
        + (f" ({compile_s:.1f} s for torch.compile)" if compile_s else "")
        + "."
    )
    return f"**Verdict**: {head} ({wins} wins, {ties} ties, {losses} losses of {n}).{price}{noise}"


def _between_passes(summ: Summary) -> str:
    """How far apart the passes' medians were, for the benchmarks the target is about."""
    spans = [
        r["pass_spread"]
        for r in summ.of(kind="bench", status="pass")
        if r["pass_spread"] is not None and r["median_s"] > ABOVE_S
    ]
    if not spans:
        return ""
    near = sum(1 for x in spans if x <= REPRODUCIBLE)
    return (
        f" Between passes (separate processes): for {near} of {len(spans)} benchmarks above "
        f"{ABOVE_S * 1e3:.0f} ms the slowest pass's median is within {REPRODUCIBLE:.0%} of "
        f"the fastest's (median gap {100 * statistics.median(spans):.0f} %)."
    )


def _method(res: Results) -> list[Block]:
    plan_b = res.plan.get("bench", {})
    return [
        Heading(2, "How these numbers were made", "method"),
        Bullets(
            [
                "Parity: `shared.parity`, the helper the tests use — every output against a NumPy "
                "oracle (float32 rtol 2e-5, atol 1e-6; gradients ×10; see "
                "`shared/tolerances.py`), torch against JAX, observed behaviour against the "
                "case's expectations.",
                "Timing: pytest-benchmark through `bench/harness.py`. Inputs are placed on the "
                "device before timing; compilation (`torch.compile`, `jax.jit(...).lower()"
                ".compile()`) and up to 3 warm-up calls (0.5 s at most) happen before it, "
                "compile seconds are reported apart (from the first pass, with cold caches); "
                "each timed call waits for the result (`block_until_ready`, "
                "`torch.cuda.synchronize`); one framework runs all its benchmarks before the "
                "other's. Each benchmark runs in "
                + (
                    f"{plan_b.get('passes', 1)} pass(es) — fresh processes, one after another — "
                    f"of about {plan_b['max_time_s']} s of rounds each (at least 5)"
                    if plan_b
                    else "one or more passes — fresh processes, one after another"
                )
                + ". Shown is the least disturbed pass, the one with the lowest median: its "
                "median, IQR and rounds. On a shared machine a slower pass measures the other "
                "tenants (on the 2-vCPU machine the suite was built on, two-thread work drifted "
                "by half within a minute while one-thread work held within 4 %). Beside it, how "
                "much slower the slowest "
                "pass's median was: the spread between processes, what a second run could see.",
                "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU, so the "
                "default run compiles at one size per case and `--size test` leaves it out "
                "(`--modes` decides). It starts from an empty inductor cache in every run, as "
                "`jax.jit` keeps none on disk: compile seconds are what a first run pays.",
                "The benchmark process runs with glibc's allocator thresholds fixed "
                "(`MALLOC_MMAP_THRESHOLD_`, `MALLOC_TRIM_THRESHOLD_`; see `jaxparity/bench.py`): "
                "otherwise an eager call's time depends on which benchmarks freed memory before "
                "it (up to 4× for torch's per-sample gradients here).",
                "Speed-up = eager torch's median / the other's median at the same case, variant, "
                f"size and device. A win or loss needs ≥ {(TIE - 1):.0%} and IQRs that do not "
                "overlap; anything else is a tie.",
                f"Rebuild this report from the saved files with `jaxparity report --out "
                f"{res.folder}`; raw results: `{results.CHECK}`, `{results.ARTIFACTS}`, "
                f"`{results.BENCH}`, `{results.OUTCOMES}`, `{results.BENCHMARK_JSON}`, "
                f"`{results.SUMMARY}`; graph files in `{results.GRAPHS}/`.",
            ]
        ),
    ]


def blocks_of(res: Results, summ: Summary) -> tuple[list[Block], dict[str, str]]:
    figures: dict[str, str] = {}
    blocks = _header(res, summ)
    blocks += _left_out(summ)
    blocks += _glance(summ, figures)
    blocks += _cases(res, summ, figures)
    blocks += _claim(summ)
    blocks += _machine(res, summ)
    blocks += _method(res)
    return blocks, figures


def write(folder: Path) -> Summary:
    """Build summary.json, report.md, report.html and plots/*.svg from ``folder``'s results."""
    res = results.load(folder)
    summ = build(res)
    blocks, figures = blocks_of(res, summ)
    (folder / results.SUMMARY).write_text(json.dumps(summ.records, indent=1) + "\n")
    plots_dir = folder / results.PLOTS
    plots_dir.mkdir(exist_ok=True)
    for old in plots_dir.glob("*.svg"):
        old.unlink()
    for name, svg in figures.items():
        (plots_dir / f"{name}.svg").write_text(svg + "\n")
    (folder / results.REPORT_MD).write_text(markdown(blocks, results.PLOTS))
    (folder / results.REPORT_HTML).write_text(html(blocks, TITLE))
    return summ
