"""The report: report.html, report.md and summary.json, from saved results only.

Per topic and case: agreement with the oracle and between frameworks, timings (median and IQR)
per framework × device × mode with JAX's speed-up over eager PyTorch, compile time apart, peak
memory, share of the machine's matmul peak, scaling plots, and the two implementations side by
side with the explanation. It closes with the lesson's claim, answered from the numbers.

One module per part of the page, in page order:

* ``header`` — the run: title, counts, warnings, navigation, the speed-up and compile charts;
* ``claim`` — the lesson's claim answered (``comparisons``: which timings it compares;
  ``fastest_column``: each framework at its fastest idiom);
* ``table1`` — the lesson's Table 1 (flops and runtime per operator class) measured;
* ``case_sections`` — each topic and case: agreement, timings, ``scaling`` plots, the code;
  a case's explainer from ``artifacts.jsonl``: ``graph_view``, ``matmul_counts``;
* ``training`` — training to accuracy as a user trains, and what compute costs (right after
  its case, the last one);
* ``distributed`` — beyond one device: the distributed topic's engines side by side;
* ``second_half`` — the claim's second half: stricter code, memory;
* ``strict_code`` — stricter code, shown as code: the ``strict`` cases three ways;
* ``selfcheck_section`` — a few calls timed again by a second timer, against the harness;
* ``machine_and_method`` — the machine the numbers come from, and how they were made.

Every word of it comes from ``texts`` (``texts_en``, ``texts_ru``): ``lang`` picks the language.
"""

from __future__ import annotations

from pathlib import Path

from jaxparity import atomic, counts, fmt, results
from jaxparity.document import Block, Heading, html, markdown
from jaxparity.report import (
    case_sections,
    claim,
    distributed,
    header,
    machine_and_method,
    second_half,
    selfcheck_section,
    strict_code,
    table1,
    texts,
    training,
)
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary, build


def blocks_of(res: Results, summ: Summary, t: Texts) -> tuple[list[Block], dict[str, str]]:
    """The whole page as blocks, and the SVG figures it shows by name."""
    figures: dict[str, str] = {}
    blocks = header.run_header(res, summ, t)
    blocks += claim.answer(summ, t)
    blocks += header.glance(summ, figures, t)
    blocks += header.left_out(summ, t)
    blocks += table1.section(res, t)
    blocks += case_sections.sections(res, summ, figures, t)
    blocks += training.section(summ, figures, t)
    blocks += distributed.section(res, summ, t)
    blocks.append(Heading(2, t("second.part"), "details"))
    blocks += second_half.details(summ, t)
    blocks += strict_code.section(res, summ, t)
    blocks += selfcheck_section.section(res, summ, t)
    blocks += machine_and_method.machine(res, summ, t)
    blocks += machine_and_method.method(res, t)
    return blocks, figures


def write(folder: Path, lang: str = texts.DEFAULT) -> Summary:
    """Build summary.json, report.md, report.html and plots/*.svg from ``folder``'s results,
    written in ``lang`` (one of ``texts.LANGUAGES``)."""
    res = results.load(folder)
    summ = build(res)
    t = texts.of(lang)
    with fmt.writing(t.units):  # every number of the page, charts included, in lang's units
        blocks, figures = blocks_of(res, summ, t)
    atomic.write_json(folder / results.SUMMARY, counts.document(summ, res.plan))
    plots_dir = folder / results.PLOTS
    plots_dir.mkdir(exist_ok=True)
    for old in plots_dir.glob("*.svg"):
        old.unlink()
    for name, svg in figures.items():
        atomic.write_text(plots_dir / f"{name}.svg", svg + "\n")
    md = markdown(blocks, results.PLOTS, t("note.warning"))
    atomic.write_text(folder / results.REPORT_MD, md)
    atomic.write_text(folder / results.REPORT_HTML, html(blocks, t("title"), t.lang))
    return summ
