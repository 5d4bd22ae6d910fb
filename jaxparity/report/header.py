"""The run at a glance: title, what ran and how it went, the navigation, and the speed-up and
compile-time charts of every compute comparison."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from jaxparity import counts, plots
from jaxparity.document import Block, Bullets, Figure, Heading, Note, Para
from jaxparity.fmt import label
from jaxparity.machine import label as machine_label
from jaxparity.report import machine_and_method
from jaxparity.report.case_sections import TOPIC_TITLES
from jaxparity.report.comparisons import CONFIDENCE, comparisons
from jaxparity.results import Results
from jaxparity.summary import Summary
from shared import cases, run_modes

TITLE = "jaxparity — the PyTorch lesson in PyTorch and JAX, checked and timed"


def run_header(res: Results, summ: Summary) -> list[Block]:
    """Title, when and where, what ran and how it went, warnings, navigation."""
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
    blocks += [n for n in machine_and_method.load_note(res, summ) if isinstance(n, Note) and n.warn]
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


def left_out(summ: Summary) -> list[Block]:
    """The benchmarks not run, counted by reason."""
    reasons = Counter(
        r["reason"] for r in summ.of(kind="bench", status="skip") if r["reason"] is not None
    )
    if not reasons:
        return []
    return [
        Para("Benchmarks not run, by reason:"),
        Bullets([f"{reason}: {n}" for reason, n in reasons.most_common()]),
    ]


def glance(summ: Summary, figures: dict[str, str]) -> list[Block]:
    """Per device: speed-ups over eager torch and compile times, as bar charts."""
    blocks: list[Block] = [Heading(2, "At a glance", "glance")]
    for device in summ.devices:
        groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in comparisons(summ, lambda r, device=device: r["device"] == device):
            bar = (
                run_modes.label(r["framework"], r["mode"]),
                r["speedup_vs_torch_eager"],
                run_modes.colour(r["framework"], r["mode"]),
                (r["speedup_low"], r["speedup_high"]),
            )
            groups[label(r)].append(bar)
        svg = plots.hbars(
            list(groups.items()),
            f"Speed-up over eager PyTorch on {device}, compute cases (paired median, "
            f"whiskers: {CONFIDENCE} interval; right of 1× = faster)",
        )
        if svg:
            figures[f"speedup-{device}"] = svg
            blocks.append(Figure(f"speedup-{device}", svg, f"speed-ups on {device}"))
        compile_groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in summ.of(kind="bench", device=device, status="pass"):
            if r["compile_s"] and not r["case"].startswith("machine."):
                compile_groups[label(r)].append(
                    (
                        run_modes.label(r["framework"], r["mode"]),
                        r["compile_s"],
                        run_modes.colour(r["framework"], r["mode"]),
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
