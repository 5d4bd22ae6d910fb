"""The report: report.html, report.md and summary.json, from saved results only.

Per topic and case: agreement with the oracle and between frameworks, timings (median and IQR)
per framework × device × mode with JAX's speed-up over eager PyTorch, compile time apart, peak
memory, share of the machine's matmul peak, scaling plots, and the two implementations side by
side with the explanation. It closes with the lesson's claim, answered from the numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jaxparity import artifacts, atomic, claim, counts, graphviz, method, plots, results, sources
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
from jaxparity.fmt import (
    anchor,
    fmt_bytes,
    fmt_ci,
    fmt_err,
    fmt_rel,
    fmt_s,
    fmt_x,
    label,
    mode_name,
)
from jaxparity.machine import label as machine_label
from jaxparity.results import Results
from jaxparity.summary import (
    FRAMEWORKS,
    MISSING,
    Summary,
    build,
)
from shared import cases
from shared.cases import Case

TITLE = "jaxparity — the PyTorch lesson in PyTorch and JAX, checked and timed"
TOPIC_TITLES = {
    "tensors": "1. Tensors",
    "devices": "2. Device placement",
    "autograd": "3. Autograd",
    "advanced": "4. Advanced differentiation",
    "modes": "5. Grad modes",
    "modules": "6. Modules and MLPs",
}


# ---- sections --------------------------------------------------------------------------------


def _header(res: Results, summ: Summary) -> list[Block]:
    plan_b = res.plan.get("bench", {})
    plan_c = res.plan.get("check", {})
    machine = res.machine
    when = machine.get("date") or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    blocks: list[Block] = [
        Heading(1, TITLE),
        Para(
            f"Run of {when} on **{_machine_name(machine)}**"
            + (f" and **{machine['torch_gpu']}**" if machine.get("torch_gpu") else "")
            + f"; devices: {', '.join(summ.devices)}; benchmark size `{plan_b.get('size', '—')}`, "
            f"modes: {_modes_text(plan_b)}; parity at size `{plan_c.get('size', '—')}`."
        ),
        Para("**Counts**:"),
        Bullets(counts.lines(counts.of(summ, res.plan))),
    ]
    for note in summ.notes:
        blocks.append(Note(note, warn=True))
    blocks += [n for n in method.load_note(res, summ) if isinstance(n, Note) and n.warn]
    nav = " · ".join(f"[{TOPIC_TITLES[t]}](#topic-{t})" for t in cases.TOPICS if t in TOPIC_TITLES)
    blocks.append(
        Para(f"{nav} · [The lesson's claim](#claim) · [Machine](#machine) · [Method](#method)")
    )
    return blocks


def _machine_name(record: dict[str, Any]) -> str:
    """The machine in one line: its CPU identity where recorded (two CPUs may share a model
    name and differ 1.7× in matmul rate), else the model name alone."""
    if record.get("identity"):
        return machine_label(record["identity"])
    return record.get("cpu_model", "an unknown CPU")


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
        for r in claim.comparisons(summ, lambda r, device=device: r["device"] == device):
            bar = (
                mode_name(r["framework"], r["mode"]),
                r["speedup_vs_torch_eager"],
                plots.color(r["framework"], r["mode"]),
                (r["speedup_low"], r["speedup_high"]),
            )
            groups[label(r)].append(bar)
        svg = plots.hbars(
            list(groups.items()),
            f"Speed-up over eager PyTorch on {device}, compute cases (paired median, "
            "whiskers: 95 % interval; right of 1× = faster)",
        )
        if svg:
            figures[f"speedup-{device}"] = svg
            blocks.append(Figure(f"speedup-{device}", svg, f"speed-ups on {device}"))
        compile_groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in summ.of(kind="bench", device=device, status="pass"):
            if r["compile_s"] and not r["case"].startswith("machine."):
                compile_groups[label(r)].append(
                    (
                        mode_name(r["framework"], r["mode"]),
                        r["compile_s"],
                        plots.color(r["framework"], r["mode"]),
                        None,
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
        "framework · mode": mode_name(r["framework"], r["mode"]),
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
        "× eager torch [95 %]": (
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
                f"{r['variant']} {mode_name(r['framework'], r['mode'])} "
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
                                (mode_name(framework, mode), plots.color(framework, mode), values)
                            )
                fixed = "" if axis == "size" else f" ({', '.join(_others(line[0], axis))})"
                title = f"{case.id} · {variant} on {device}: median time by {axis}{fixed}"
                svg = plots.lines(labels, series, title, fmt_s)
                if svg:
                    name = f"scaling-{anchor(case.id)}-{variant}-{device}-{axis}"
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
                inline_svg(svg, f"{anchor(case.id)}-{r['framework']}") if svg else None,
                svg_path,
                "The graph in Graphviz DOT"
                + (f" (no SVG: {graphviz.MISSING})" if svg_path is None else ""),
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
        if r["median_s"] and ((r["framework"], r["mode"]) == ("torch", "eager") or claim.is_jit(r))
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
            blocks.append(Heading(3, f"`{case.id}` — {case.title}", anchor(case.id)))
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


def _extra_text(extra: dict[str, Any] | None) -> str:
    """A benchmark's own measurements (memory kept, …); byte counts made readable."""
    if not extra:
        return ""
    return ", ".join(
        f"{k}: {fmt_bytes(v) if k.endswith('bytes') and isinstance(v, int | float) else v}"
        for k, v in extra.items()
    )


def blocks_of(res: Results, summ: Summary) -> tuple[list[Block], dict[str, str]]:
    figures: dict[str, str] = {}
    blocks = _header(res, summ)
    blocks += claim.answer(summ)
    blocks += _glance(summ, figures)
    blocks += _left_out(summ)
    blocks += _cases(res, summ, figures)
    blocks.append(Heading(2, "The claim's second half", "details"))
    blocks += claim.details(summ)
    blocks += method.machine(res, summ)
    blocks += method.method(res)
    return blocks, figures


def write(folder: Path) -> Summary:
    """Build summary.json, report.md, report.html and plots/*.svg from ``folder``'s results."""
    res = results.load(folder)
    summ = build(res)
    blocks, figures = blocks_of(res, summ)
    atomic.write_json(folder / results.SUMMARY, counts.document(summ, res.plan))
    plots_dir = folder / results.PLOTS
    plots_dir.mkdir(exist_ok=True)
    for old in plots_dir.glob("*.svg"):
        old.unlink()
    for name, svg in figures.items():
        atomic.write_text(plots_dir / f"{name}.svg", svg + "\n")
    atomic.write_text(folder / results.REPORT_MD, markdown(blocks, results.PLOTS))
    atomic.write_text(folder / results.REPORT_HTML, html(blocks, TITLE))
    return summ
