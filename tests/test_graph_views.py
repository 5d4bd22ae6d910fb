"""Graphs are pictures, or text to read: no view of them — a notebook, the report, ``jaxparity
show`` piped to a file — shows a Graphviz DOT source or ANSI colour codes."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
import torch

from jaxparity import graphviz, notebook_runtime, notebooks, report, results
from jaxparity.cli import main
from jaxparity.notebook_texts import text
from torch_impl import autograd, tape_dot

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_EDGE = re.compile(r'^\s*"?[\w.:]+"?\s*->\s*"?[\w.:]+"?\s*(\[.*\])?;?\s*$', re.M)


def raw_output(shown: str) -> list[str]:
    """What in ``shown`` is not for a reader: colour codes (or their ``repr``), and DOT
    outside a drawing."""
    found = ["ANSI colour codes"] if re.search(r"\x1b\[|\\x1b\[|\\u001b\[", shown) else []
    words = html.unescape(_SVG.sub("", shown))
    if re.search(r"\bdigraph\b", words):
        found.append("a DOT source")
    found += [f"a DOT edge: {m[0].strip()!r}" for m in _EDGE.finditer(words)]
    return found


def _strings(value: object) -> Iterator[str]:
    """Every string inside a notebook output (its data by type, stream text, traceback)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def notebook_problems(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [
        f"{cell.get('id')}: {problem}"
        for cell in nb.cells
        for output in cell.get("outputs", [])
        for shown in _strings(output)
        for problem in raw_output(shown)
    ]


@pytest.mark.parametrize(
    "path",
    sorted(notebooks.FOLDER.glob("*/*.ipynb")),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_committed_notebooks_show_no_dot_source_or_colour_codes(path: Path) -> None:
    assert notebook_problems(path) == [], f"{path}: run `jaxparity notebooks` again"


def test_the_report_shows_no_dot_source_or_colour_codes(folder: Path) -> None:
    """The fixture's run has torch's SVG and JAX's DOT without one: JAX's panel is text."""
    report.write(folder)
    for name in (results.REPORT_HTML, results.REPORT_MD):
        assert raw_output((folder / name).read_text()) == [], name


@pytest.mark.parametrize("text_file", [True, False], ids=["tape as text", "an older run"])
def test_without_an_svg_the_reports_panel_is_the_graphs_text(folder: Path, text_file: bool) -> None:
    """torch's panel without its SVG: the tape as a tree; a run from before the text files
    says it has none — and neither shows the DOT file it links to."""
    tape = "autograd.graph_view.torch.tape.txt"
    if text_file:
        (folder / results.GRAPHS / tape).write_text("Loss ()\n└─ MvBackward0\n")
    artifacts = folder / "artifacts.jsonl"
    drawn = '"graphs/autograd.graph_view.torch.dot", "graphs/autograd.graph_view.torch.svg"'
    kept = f'"graphs/{tape}", ' * text_file + '"graphs/autograd.graph_view.torch.dot"'
    artifacts.write_text(artifacts.read_text().replace(drawn, kept))
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    torch_panel = page[page.index('<div class="panels">') :].split("<h5>")[1]
    assert "<svg" not in torch_panel and raw_output(page) == []
    if text_file:
        assert "└─ MvBackward0" in torch_panel
    else:
        assert html.escape("its files are linked above", quote=False) in torch_panel


def test_show_piped_prints_no_dot_source_or_colour_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "autograd.graph_view"]) == 0
    printed = capsys.readouterr().out
    assert raw_output(printed) == []
    assert "dot_general" in printed and "AccumulateGrad" in printed  # the graphs, as text


@pytest.fixture(scope="module")
def graph_comparison() -> notebook_runtime.Comparison:
    return notebook_runtime.start("autograd", "en").compare("autograd.graph_view")


def test_the_notebook_draws_both_graphs_where_dot_is_installed(
    graph_comparison: notebook_runtime.Comparison,
) -> None:
    if not graphviz.available():
        pytest.skip("Graphviz's dot is not installed (apt install graphviz)")
    page = graph_comparison._repr_html_()
    assert page.count("<svg") == 2 and raw_output(page) == []
    assert 'id="autograd-graph_view-torch-graph0"' in page  # two drawings, no id twice
    assert raw_output(repr(graph_comparison)) == []
    assert text("en", "drawn") in repr(graph_comparison)


def test_without_dot_the_notebook_shows_the_graphs_as_text(
    graph_comparison: notebook_runtime.Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(graphviz.shutil, "which", lambda name: None)
    for shown in (graph_comparison._repr_html_(), repr(graph_comparison)):
        assert "<svg" not in shown and raw_output(shown) == []
        assert html.unescape(shown).count(text("en", "not_drawn")) == 2
        assert "└─ MeanBackward0" in shown  # torch's tape, as a tree
        assert "dot_general" in shown  # JAX's jaxpr


def test_a_drawing_is_the_same_bytes_for_the_same_tape() -> None:
    """torchviz names nodes by ``id()``, new in every process; the drawing renames them."""
    tapes = [_lesson_tape() for _ in range(2)]  # both alive: no id is reused
    first, second = (tape_dot.walk(loss, params=names).source for loss, names in tapes)
    assert first != second
    assert graphviz.canonical_ids(first) == graphviz.canonical_ids(second)
    assert '\tn0 [label="Loss\n ()"' in graphviz.canonical_ids(first)  # labels stay as they are
    assert '"Weight\n (3)"' in graphviz.canonical_ids(first)


def _lesson_tape() -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    w, b = torch.nn.Parameter(torch.ones(3)), torch.nn.Parameter(torch.zeros(1))
    loss = autograd.regression_loss(w, b, torch.ones(4, 3), torch.zeros(4))
    return loss, {"Weight": w, "Bias": b, "Loss": loss}


def test_dot_sources_are_told_apart_from_text() -> None:
    assert graphviz.is_dot("digraph {\n\ta -> b\n}\n") and graphviz.is_dot("strict digraph G {}")
    assert not graphviz.is_dot("{ lambda ; a:f32[3]. let b = neg a in (b,) }")
    assert not graphviz.is_dot(["digraph"]) and not graphviz.is_dot("the digraph of a tape")
