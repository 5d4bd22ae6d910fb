"""A case's section of the report: its differs line above the code side by side (the code as
``jaxparity.sources`` gives it, copied as is), and the explainers ``artifacts.jsonl`` feeds:
``autograd.graph_view``'s graph files and ``autograd.backward_inputs``' matrix products.

From the fixture run (``tests/data/results``; ``tests/test_report.py`` says what it holds).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

from jaxparity import report, results, sources
from jaxparity.report import graph_view
from shared import cases

GRAPHS_MD = (
    "torch: [`autograd.graph_view.torch.dot`](graphs/autograd.graph_view.torch.dot), "
    "[`autograd.graph_view.torch.svg`](graphs/autograd.graph_view.torch.svg); JAX: "
    "[`autograd.graph_view.jax.jaxpr.txt`](graphs/autograd.graph_view.jax.jaxpr.txt), "
    "[`autograd.graph_view.jax.dot`](graphs/autograd.graph_view.jax.dot)."
)


def _bench_line(variant: str, framework: str, mode: str, median: float) -> str:
    stats = {"median": median, "iqr": median / 50, "q1": median, "q3": median, "rounds": 50}
    return json.dumps(
        {
            "case_id": "autograd.backward_inputs",
            "variant": variant,
            "size": "cpu",
            "framework": framework,
            "device": "cpu",
            "mode": mode,
            "stats": stats,
        }
    )


def test_graph_files_side_by_side(folder: Path) -> None:
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert GRAPHS_MD in md
    assert "![PyTorch — torchviz's drawing of the tape (backward nodes)]" in md
    page = (folder / results.REPORT_HTML).read_text()
    section = page[
        page.index('id="autograd-graph_view"') : page.index('id="autograd-unsupported_op"')
    ]
    panels = section[section.index('<div class="panels">') :]
    torch_panel, jax_panel = panels.split("<h5>")[1:3]
    # torch's SVG inline, without its prolog and with ids no other drawing repeats
    assert torch_panel.count("<svg") == 1 and "<?xml" not in torch_panel and "<!" not in torch_panel
    assert 'id="autograd-graph_view-torch-node1"' in torch_panel
    # no SVG for JAX: its jaxpr, collapsed, and never the DOT source
    assert "<svg" not in jax_panel and "<details>" in jax_panel
    assert "The graph as text" in jax_panel and "e:f32[4] = dot_general c a" in jax_panel
    assert "digraph" not in section and "in0 -&gt; op0" not in section
    ET.fromstring(
        graph_view.inline_svg((folder / "graphs/autograd.graph_view.torch.svg").read_text(), "x")
    )


def test_matrix_products_table_and_sentence(folder: Path) -> None:
    with (folder / results.BENCH).open("a") as f:
        for variant, torch_s, jax_s in (("b", 12.7e-3, 6e-6), ("A", 290e-3, 311e-3)):
            f.write(_bench_line(variant, "torch", "eager", torch_s) + "\n")
            f.write(_bench_line(variant, "jax", "jit", jax_s) + "\n")
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert "| matrix products | torch · `test` | JAX · `test` | torch · `cpu` | JAX · `cpu` |" in md
    assert "| `forward`: the loss alone | 4 | 1 | 201 | 1 |" in md
    assert "| `b`: only b's gradient | 0 | 0 | 0 | 0 |" in md
    assert (
        "At size `cpu` on cpu, eager torch's forward computes 201 matrix products (one per "
        "`A @ B` of the loop), the compiled JAX loss 1: XLA sees one product repeated and "
        "computes it once. `b` needs no matrix product at all in the compiled program, so JAX's "
        "6 µs is pure call overhead; torch's backward computes none either, yet takes 12.7 ms "
        "(2\u202f117× longer) going back through the tape its forward built. Where both compute "
        "the same products (`A` 201), the times are close (torch vs JAX: `A` 290 ms vs 311 ms): "
        "the products dominate." in md
    )
    assert "JAX (cpu, size `lesson`): no count — `raised MemoryError: fixture failure`" in md


def test_report_without_artifacts(folder: Path) -> None:
    (folder / results.ARTIFACTS).unlink()
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    for what, case in (("graph files", "graph_view"), ("matmul counts", "backward_inputs")):
        assert (
            f"> No {what} in this run: `artifacts.jsonl` holds none for this case "
            f"(`jaxparity check --case autograd.{case}` writes them)." in md
        )


def test_each_code_pair_has_its_differs_line_above_it(folder: Path) -> None:
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    md = (folder / results.REPORT_MD).read_text()
    pairs = re.findall(
        r'<p class="differs">(.*?)</p><details><summary>The code, side by side</summary>'
        r"<div class='code2'>",
        page,
    )
    assert page.count("<div class='code2'>") == len(pairs) == len(cases.CASES)
    for case, line in zip(cases.CASES.values(), pairs, strict=True):
        assert unescape(_untagged(line)) == f"What differs: {case.differs}", case.id
        assert (
            f"**What differs:** {case.differs}\n\n<details><summary>The code, side by side" in md
        ), case.id


def _untagged(html_text: str) -> str:
    """Markup without its inline tags (``<code>``, ``<strong>``)."""
    return re.sub(r"<[^>]+>", "", html_text)


def test_code_shown_is_the_sources_and_copies_as_is(folder: Path) -> None:
    """Each line is its own block for the hanging indent; the text is the code, unchanged."""
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    case = cases.get("autograd.custom_function")
    section = page[page.index('<h3 id="autograd-custom_function"') :]
    shown = re.findall(r"<pre>(.*?)</pre>", section, flags=re.S)[:2]
    for framework, pre in zip(("torch", "jax"), shown, strict=True):
        assert unescape(_untagged(pre)).rstrip("\n") == sources.source(framework, case)
    assert '<span style="--i:4">    return x**2\n</span>' in shown[1]
