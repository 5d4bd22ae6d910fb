"""The run: its title and one line on the first screen; below it the navigation bar, what ran
and how it went (counts, warnings); and at a glance, the speed-up and compile-time charts of
every compute comparison."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from jaxparity import counts, plots
from jaxparity.document import Block, Bullets, ExpandAll, Figure, Heading, Note, Para
from jaxparity.fmt import fmt_whole_s
from jaxparity.report import machine_and_method, selfcheck_section
from jaxparity.report.comparisons import CONFIDENCE, comparisons
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary
from shared import run_modes

GLANCE = "glance"
"""The anchor of the charts: speed-ups and compile times."""


def title(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The first screen's top: the title and the run in one line (when, on what machine)."""
    machine = res.machine
    when = machine.get("date") or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [
        Heading(1, t("title")),
        Para(
            t(
                "header.run",
                when=when,
                machine=_machine_name(machine, t),
                gpu=t("header.gpu", gpu=machine["torch_gpu"]) if machine.get("torch_gpu") else "",
            )
        ),
    ]


def sections(blocks: list[Block]) -> list[tuple[str, str]]:
    """The page's sections as the navigation bar lists them: (name, anchor) of every heading
    that has a name for it (``Heading.nav``), in page order."""
    return [(b.nav, b.anchor) for b in blocks if isinstance(b, Heading) and b.nav and b.anchor]


def navigation(blocks: list[Block], t: Texts) -> list[Block]:
    """The navigation bar: every section of the page that has a name for it, in page order,
    then the buttons that open and close every collapsed block."""
    links = [f"[{name}](#{anchor})" for name, anchor in sections(blocks)]
    return [Para(" · ".join(links)), ExpandAll(t("expand.all"), t("expand.none"))]


def run_details(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """Below the first screen: what ran (devices, sizes, modes), its counts and the warnings."""
    plan_b = res.plan.get("bench", {})
    plan_c = res.plan.get("check", {})
    blocks: list[Block] = [
        Para(
            t(
                "header.plan",
                devices=", ".join(summ.devices),
                bench_size=plan_b.get("size", "—"),
                modes=_modes_text(plan_b, t),
                check_size=plan_c.get("size", "—"),
            )
        ),
        Para(t("header.counts")),
        Bullets(_counts(counts.of(summ, res.plan), t)),
    ]
    for note in summ.notes:
        blocks.append(Note(t.reason(note), warn=True))
    blocks += [
        n for n in machine_and_method.load_note(res, summ, t) if isinstance(n, Note) and n.warn
    ]
    blocks += selfcheck_section.warnings(summ, t)
    return blocks


def _counts(found: dict[str, Any], t: Texts) -> list[str]:
    """The run's counts (``jaxparity.counts``), one line for the cases and one per kind."""
    lines = [t("counts.cases", **found["cases"])]
    for kind in counts.KINDS:
        line = t("counts.line", kind=t(f"counts.{kind}"), **found[kind])
        lines.append(line + (t("counts.not_selected", **found[kind]) if kind == "check" else ""))
    return lines


def _machine_name(record: dict[str, Any], t: Texts) -> str:
    """The machine in one line: its CPU identity where recorded (two CPUs may share a model
    name and differ 1.7× in matmul rate), else the model name alone."""
    if record.get("identity"):
        return t.machine(record["identity"])
    return record.get("cpu_model", t("header.unknown_cpu"))


def _modes_text(plan_b: dict[str, Any], t: Texts) -> str:
    modes = plan_b.get("modes", "all")
    return t("header.all_modes") if modes == "all" else ", ".join(f"`{m}`" for m in modes)


def left_out(summ: Summary, t: Texts) -> list[Block]:
    """The benchmarks not run, counted by reason."""
    reasons = Counter(
        r["reason"] for r in summ.of(kind="bench", status="skip") if r["reason"] is not None
    )
    if not reasons:
        return []
    return [
        Para(t("header.not_run")),
        Bullets([f"{t.reason(reason)}: {n}" for reason, n in reasons.most_common()]),
    ]


def _label(r: dict[str, Any], t: Texts) -> str:
    return t("glance.label", case=r["case"], variant=r["variant"], size=r["size"])


def glance(summ: Summary, figures: dict[str, str], t: Texts) -> list[Block]:
    """Per device: speed-ups over eager torch and compile times, as bar charts."""
    blocks: list[Block] = [Heading(2, t("glance.heading"), GLANCE, t("nav.glance"))]
    for device in summ.devices:
        groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in comparisons(summ, lambda r, device=device: r["device"] == device):
            bar = (
                t.mode(r["framework"], r["mode"]),
                r["speedup_vs_torch_eager"],
                run_modes.colour(r["framework"], r["mode"]),
                (r["speedup_low"], r["speedup_high"]),
            )
            groups[_label(r, t)].append(bar)
        svg = plots.hbars(
            list(groups.items()),
            t("glance.speedups", device=device, confidence=CONFIDENCE),
        )
        if svg:
            figures[f"speedup-{device}"] = svg
            blocks.append(Figure(f"speedup-{device}", svg, t("glance.speedups.alt", device=device)))
        compile_groups: dict[str, list[plots.Bar]] = defaultdict(list)
        for r in summ.of(kind="bench", device=device, status="pass"):
            if r["compile_s"] and not r["case"].startswith("machine."):
                compile_groups[_label(r, t)].append(
                    (
                        t.mode(r["framework"], r["mode"]),
                        r["compile_s"],
                        run_modes.colour(r["framework"], r["mode"]),
                        None,
                    )
                )
        svg = plots.hbars(
            list(compile_groups.items()),
            t("glance.compile", device=device),
            ref=None,
            value_text=fmt_whole_s,
        )
        if svg:
            figures[f"compile-{device}"] = svg
            blocks.append(Figure(f"compile-{device}", svg, t("glance.compile.alt", device=device)))
    if len(blocks) == 1:
        blocks.append(Para(t("glance.nothing")))
    return blocks
