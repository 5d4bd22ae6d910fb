"""The report page's parts a reader handles: two columns that never outgrow half the page, the
expand-all control, and the charts (a long title wraps, ticks stay few over any range, a
sweep's points become one line per dimension).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jaxparity import document, plots, report, results
from jaxparity.report import scaling


def test_chart_ticks_stay_few_over_any_range() -> None:
    """An interval of two passes that disagree can span many decades: the ticks thin out
    (powers of ten, then every other one) instead of looping."""
    assert plots._ticks(0.5, 20) == [0.5, 1, 2, 5, 10, 20]
    wide = plots._ticks(1e-9, 1e10)
    assert 0 < len(wide) <= 8 and all(math.log10(v).is_integer() for v in wide)


def test_sweep_points_become_one_line_per_dimension() -> None:
    sweep = ["b4_w256_d4", "b64_w256_d4", "b1024_w256_d4", "b64_w32_d4", "b64_w1024_d4"]
    assert scaling.scaling_axes(sweep) == [
        ("b", ["b4_w256_d4", "b64_w256_d4", "b1024_w256_d4"], ["4", "64", "1024"]),
        ("w", ["b64_w32_d4", "b64_w256_d4", "b64_w1024_d4"], ["32", "256", "1024"]),
    ]
    assert scaling.scaling_axes(["small", "large"]) == [
        ("size", ["small", "large"], ["small", "large"])
    ]


def _declarations(css: str, selector: str) -> dict[str, str]:
    """The declarations of the CSS rule for exactly ``selector``."""
    (body,) = re.findall(rf"(?:^|}}|\n){re.escape(selector)}{{([^}}]*)}}", css)
    pairs = (d.split(":", 1) for d in body.replace("\n", "").split(";") if d.strip())
    return {k.strip(): v.strip() for k, v in pairs}


@pytest.mark.parametrize("grid", [".code2", ".panels"])
def test_two_columns_never_grow_past_half_the_page(grid: str) -> None:
    """A grid column's default minimum is its widest content: a long code line would push the
    JAX column off the page. Each column's minimum is 0, and the code wraps inside it."""
    rule = _declarations(document.CSS, grid)
    assert rule["display"] == "grid"
    assert rule["grid-template-columns"] == "minmax(0,1fr) minmax(0,1fr)"
    pre = _declarations(document.CSS, ".code2 pre")
    assert pre["white-space"] == "pre-wrap" and pre["overflow-x"] == "auto"
    assert "overflow-x:auto" in document.CSS.split(".table{", 1)[1].split("}", 1)[0]


def test_expand_all_control(folder: Path) -> None:
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    control = page[page.index('<div class="expand">') :]
    control = control[: control.index("</div>")]
    assert 'onclick="expandAll(true)">Expand all</button>' in control
    assert 'onclick="expandAll(false)">Collapse all</button>' in control
    assert "function expandAll(open)" in control
    assert page.index('<div class="expand">') < page.index("<details>")
    assert _declarations(document.CSS, ".expand")["position"] == "sticky"
    # Markdown viewers run no script: no buttons there
    assert "expandAll" not in (folder / results.REPORT_MD).read_text()


def test_a_long_chart_title_wraps_and_moves_the_chart_down() -> None:
    bars = [("case · variant", [("JAX jit", 2.0, "#000", None)])]
    short = plots.hbars(bars, "Short title")
    long = plots.hbars(bars, "A title much longer than the chart is wide " * 4)
    assert short.count("font-weight") == 1 and long.count("font-weight") == 2
    height = re.compile(r'height="([\d.]+)"')
    assert float(height.search(long)[1]) == float(height.search(short)[1]) + 16
    assert '<g transform="translate(0 16)">' in long
    ET.fromstring(long)  # well-formed
