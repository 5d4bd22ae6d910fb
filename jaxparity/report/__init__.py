"""The report: report.html, report.md and summary.json, from saved results only.

Per topic and case: agreement with the oracle and between frameworks, timings (median and IQR)
per framework × device × mode with JAX's speed-up over eager PyTorch, compile time apart, peak
memory, share of the machine's matmul peak, scaling plots, and the two implementations side by
side with the explanation. It opens with the lesson's claim, answered from the numbers.

One module per part of the page, in page order:

* the first screen, above the fold at 1280×900: ``header.title`` (the title, the run in one
  line), ``claim.first_screen`` — the lesson's sentence quoted, the three answers
  (``answers``: trains faster? stricter code? more compute?, each linked to its evidence) and
  the verdict per regime;
* ``header.navigation`` — every section of the page in page order (``Heading.nav``);
* ``header.run_details`` — what ran, the counts, the warnings;
* ``claim.details`` — the verdict's detail: the method's words, the headline per regime, the
  ``split`` table (``comparisons``: which timings it compares), ``fastest_column``;
* ``header.glance`` — the speed-up and compile charts;
* ``table1`` — the lesson's Table 1 (flops and runtime per operator class) measured;
* ``case_sections`` — each topic and case: agreement, timings, ``scaling`` plots, the code;
  a case's explainer from ``artifacts.jsonl``: ``graph_view``, ``matmul_counts``; after its
  topic's cases, the evidence the answers link to: ``training`` (training to accuracy, and
  what compute costs), ``strict_code`` (the ``strict`` cases three ways), ``distributed``
  (beyond one device);
* ``differences`` — beyond speed: behaviour that differs on purpose, JAX as a student writes
  it, memory;
* ``selfcheck_section`` — a few calls timed again by a second timer, against the harness;
* ``machine_and_method`` — the machine the numbers come from, and how they were made.

Every word of it comes from ``texts`` (``texts_en``, ``texts_ru``): ``lang`` picks the language.
"""

from __future__ import annotations

from pathlib import Path

from jaxparity import atomic, counts, fmt, results
from jaxparity.document import Block, html, markdown
from jaxparity.report import (
    case_sections,
    claim,
    differences,
    distributed,
    header,
    machine_and_method,
    selfcheck_section,
    strict_code,
    table1,
    texts,
    training,
)
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary, build
from shared import cases


def blocks_of(res: Results, summ: Summary, t: Texts) -> tuple[list[Block], dict[str, str]]:
    """The whole page as blocks, and the SVG figures it shows by name."""
    figures: dict[str, str] = {}
    first = header.title(res, summ, t) + claim.first_screen(res, summ, t)
    rest = header.run_details(res, summ, t)
    rest += claim.details(summ, t)
    rest += header.glance(summ, figures, t)
    rest += header.left_out(summ, t)
    rest += table1.section(res, t)
    after: dict[str, list[Block]] = {
        "training": training.section(summ, figures, t),
        "strict": strict_code.section(res, summ, t),
        "distributed": distributed.section(res, summ, t),
    }
    for topic in cases.TOPICS:
        rest += case_sections.topic_section(res, summ, figures, t, topic)
        rest += after.get(topic, [])
    rest += differences.section(summ, t)
    rest += selfcheck_section.section(res, summ, t)
    rest += machine_and_method.machine(res, summ, t)
    rest += machine_and_method.method(res, t)
    return first + header.navigation(first + rest, t) + rest, figures


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
