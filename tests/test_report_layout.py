"""No table of either language's report grows past the page at 1280 px: by the layout rule
(``jaxparity.document.cell_class``: what may wrap where), checked on the fixture and on the
committed reference run, and in headless Chromium where it is installed. A case's timings
show a student's columns, their statistics behind a toggle."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from jaxparity import document, document_style, fmt, results, summary
from jaxparity.cli import main
from jaxparity.document import Block, Fold, Table
from jaxparity.report import blocks_of, case_sections, texts
from tests.conftest import RESULTS

REFERENCE = Path(__file__).resolve().parents[1] / "bench" / "results" / "cpu-zen4-2core"
WINDOW = 1280
PAGE = WINDOW - 2 * 32 - 15
"""A table's room at a 1280 px window: ``main``'s padding and a scrollbar off."""
CHAR_PX = 8.0
"""A character of a cell at 13 px, generously (Cyrillic and digits ≈ 7–7.5 px)."""
HEAD_CHAR_PX = 8.5
"""A character of a bold heading."""
FONT_PX = 13
"""A cell's font size: an ``em``."""
CELL_PX = 17
"""A cell's padding and border."""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _tables(blocks: list[Block]) -> Iterator[Table]:
    for b in blocks:
        if isinstance(b, Table):
            yield b
        elif isinstance(b, Fold):
            yield from _tables(b.blocks)


def _narrowest(text: str, cls: str) -> float:
    """The fewest characters a cell of this class can be wide (``cell_class``)."""
    shown = document.visible(text)
    if cls == "long":
        return document_style.LONG_MIN_EM * FONT_PX / CHAR_PX
    if not shown:
        return 1
    if cls == "num ratio":  # a number, and its interval under it
        return max(len(part) for part in text.split(" ", 1))
    if not cls:  # between words, and after an identifier's dot, underscore or slash
        return max((len(w) for w in re.split(r"\s+|(?<=[A-Za-z0-9][._/])", shown)), default=1)
    return len(shown)  # one line


def narrowest_px(table: Table) -> float:
    """How narrow ``table`` can get: per column the widest of its cells' narrowest widths and
    its heading's longest word."""
    total = 0.0
    for i, head in enumerate(table.header):
        words = document.visible(head).split() or [""]
        cells = [_narrowest(row[i], document.cell_class(table, i, row[i])) for row in table.rows]
        total += max([max(map(len, words)) * HEAD_CHAR_PX, *(c * CHAR_PX for c in cells)])
        total += CELL_PX
    return total


@pytest.fixture(scope="module")
def pages() -> dict[str, list[Block]]:
    """Both languages' pages of the fixture and of the reference run, as blocks."""
    found = {}
    for name, folder in (("fixture", RESULTS), ("reference", REFERENCE)):
        res = results.load(folder)
        summ = summary.build(res)
        for lang in texts.LANGUAGES:
            t = texts.of(lang)
            with fmt.writing(t.units):
                found[f"{name} {lang}"] = blocks_of(res, summ, t)[0]
    return found


def test_every_table_fits_by_the_layout_rule(pages: dict[str, list[Block]]) -> None:
    too_wide = [
        (page, table.header, round(narrowest_px(table)))
        for page, blocks in pages.items()
        for table in _tables(blocks)
        if narrowest_px(table) > PAGE
    ]
    assert not too_wide, too_wide


def test_the_rule_counts_what_stays_on_one_line() -> None:
    """A number keeps its width, a long reason its column's least width, a short text its
    longest word."""
    numbers = Table(["a"], [["1 234 567 890 123 456 789 ×"]], numeric=(0,))
    reasons = Table(["a"], [["why " * 40]])
    words = Table(["a"], [["torch без компиляции"]])
    assert narrowest_px(numbers) > 26 * CHAR_PX
    interval = Table(["a"], [["1\u202f642× [1\u202f191–2\u202f266×]"]], numeric=(0,))
    assert narrowest_px(interval) == len("[1 191–2 266×]") * CHAR_PX + CELL_PX
    assert narrowest_px(reasons) == document_style.LONG_MIN_EM * FONT_PX + CELL_PX
    assert narrowest_px(words) == len("компиляции") * CHAR_PX + CELL_PX


def test_timings_show_a_students_columns_and_fold_the_statistics(
    pages: dict[str, list[Block]],
) -> None:
    t = texts.of("ru")
    statistics = {t(f"timings.col.{c}") for c in ("quartiles", "spread", "rounds", "passes")}
    student = {t(f"timings.col.{c}", confidence="95 %") for c in ("median", "speedup", "verdict")}
    blocks = pages["reference ru"]
    shown = [b for b in blocks if isinstance(b, Table) and t("timings.col.variant") in b.header]
    folded = [
        table
        for b in blocks
        if isinstance(b, Fold) and b.summary == t("timings.statistics")
        for table in _tables(b.blocks)
    ]
    assert shown and folded
    assert all(not statistics & set(b.header) for b in shown)
    assert sum(student <= set(b.header) for b in shown) > len(shown) / 2
    assert all(not student - {t("timings.col.median")} & set(b.header) for b in folded)
    assert sum(statistics <= set(b.header) for b in folded) > len(folded) / 2
    assert set(case_sections.STATISTICS_COLUMNS) - set(case_sections.STUDENT_COLUMNS) == {
        "quartiles",
        "spread",
        "min",
        "rounds",
        "passes",
        "ops",
    }


MEASURE = """<script>
window.addEventListener('load', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  var tables = Array.from(document.querySelectorAll('div.table')).map(function (box) {
    return [box.scrollWidth, box.clientWidth, box.querySelector('tr').textContent.slice(0, 60)];
  });
  var out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = JSON.stringify({
    window: window.innerWidth, page: document.documentElement.scrollWidth, tables: tables});
  document.body.appendChild(out);
});
</script>"""
"""Opens every toggle, then measures each table's box and the page once laid out."""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt install chromium)")
def test_no_table_overflows_in_chromium(tmp_path: Path) -> None:
    """Both languages' fixture reports in one page, laid out by headless Chromium at 1280 px:
    no table box scrolls sideways, nor does the page."""
    mains = []
    for lang in texts.LANGUAGES:
        folder = tmp_path / lang
        shutil.copytree(RESULTS, folder)
        main(["report", "--out", str(folder), "--lang", lang])
        page = (folder / results.REPORT_HTML).read_text()
        mains.append(page[page.index("<main>") : page.index("</main>") + len("</main>")])
    page = re.sub(r"<main>.*</main>", lambda _: "".join(mains) + MEASURE, page, flags=re.S)
    (tmp_path / "both.html").write_text(page)
    assert CHROMIUM is not None
    run = subprocess.run(
        [
            CHROMIUM,
            *("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"),
            *(f"--window-size={WINDOW},900", "--dump-dom", (tmp_path / "both.html").as_uri()),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r'<pre id="measured">(.*?)</pre>', run.stdout, re.S)
    assert found, run.stderr[-2000:]
    measured = json.loads(html.unescape(found[1]))
    assert measured["window"] == WINDOW and len(measured["tables"]) > 20
    wide = [t for t in measured["tables"] if t[0] > t[1]]
    assert not wide, wide
    assert measured["page"] <= WINDOW


def test_a_fold_is_a_toggle_in_both_files() -> None:
    """Blocks behind a toggle: a ``<details>`` in the HTML and in the Markdown, the table inside
    rendered as a table in each, after a blank line (GitHub renders Markdown in it so)."""
    fold = Fold("statistics", [Table(["a", "b"], [["x_y", "1 ms"]], numeric=(1,))])
    md = document.markdown([fold], "plots", "!")
    assert md.startswith("<details><summary>statistics</summary>\n\n| a | b |\n| --- | ---: |\n")
    assert md.rstrip().endswith("| x_y | 1 ms |\n\n</details>")
    page = document.html([fold], "t")
    assert '<details><summary>statistics</summary><div class="table">' in page
    assert '<td class="word">x_y</td><td class="num">1 ms</td>' in page


def test_cells_wrap_by_what_they_hold() -> None:
    long = "a reason " * 8
    table = Table(["h"] * 4, [["победа", "JAX по одной операции", long, "12 ms"]], numeric=(3,))
    assert [document.cell_class(table, i, c) for i, c in enumerate(table.rows[0])] == [
        "word",
        "",
        "long",
        "num",
    ]
    page = document.html([Table(["h"], [["per_sample_grads и advanced.hessian"]])], "t")
    assert "per_<wbr>sample_<wbr>grads и advanced.<wbr>hessian" in page
