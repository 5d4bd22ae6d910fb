"""``autograd.graph_view`` beyond the generic parity tests: the lesson's graph as each side
draws it (torch's tape by torchviz or by ``torch_impl/tape_dot.py``'s walk, which must write
torchviz's DOT; JAX's jaxpr, without colour codes) and the graph files ``write_graph`` leaves
for a student, with and without torchviz and Graphviz."""

from __future__ import annotations

import os
import re
import sys

import pytest

from bench.targets import load_on
from shared import parity
from tests.conftest import BACKENDS


def test_graph_text_is_the_lessons_graph(target) -> None:
    """Drawn by torchviz where it is installed, else by torch_impl/tape_dot.py: both pass."""
    backend, device = target
    result, _ = parity.run(backend, "autograd.graph_view", device)
    obs = result.observations
    dot = obs["graph_text"]
    assert dot.startswith("digraph {") and dot.rstrip().endswith("}")
    node_lines = [line for line in dot.splitlines() if "[label=" in line and "->" not in line]
    assert len(node_lines) == obs["node_count"]
    for leaf in obs["leaves"].split(","):
        assert leaf in dot
    assert obs["matmul_op"] in dot
    if backend.name == "jax":
        assert "dot_general" in obs["jaxpr"]
        assert "transpose" in obs["grad_jaxpr"] or obs["grad_jaxpr"].count("dot_general") == 2
    else:
        from torch_impl import tape_dot

        assert obs["drawn_by"] == tape_dot.renderer()
        _assert_lessons_tape(dot, obs["node_count"])
        assert obs["tape"] == LESSONS_TAPE_TEXT


def test_the_jaxpr_text_has_no_colour_codes_where_jax_would_colour_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a Jupyter kernel ``str(jaxpr)`` is full of ANSI codes (``\\x1b[34;1mlambda``); jax
    decides so once, at import (``CAN_USE_COLOR``), so the test makes it decide yes."""
    from jax._src import pretty_printer

    monkeypatch.setattr(pretty_printer, "CAN_USE_COLOR", True)
    result, _ = parity.run(load_on("jax", "cpu"), "autograd.graph_view", "cpu")
    for key in ("jaxpr", "grad_jaxpr"):
        assert "dot_general" in result.observations[key]
        assert "\x1b" not in result.observations[key], key


LESSONS_TAPE_TEXT = """\
Loss ()
└─ MeanBackward0
   └─ PowBackward0
      └─ SubBackward0
         └─ AddBackward0
            ├─ MvBackward0
            │  └─ AccumulateGrad
            │     └─ Weight (10)
            └─ AccumulateGrad
               └─ Bias (1)
"""
"""The lesson's tape as ``tape_dot.outline`` writes it: from the loss back to the leaves."""


# The lesson's tape, edge by edge, as labels (a leaf's label is its name and shape).
_LESSONS_TAPE = sorted(
    [
        ("Weight (10)", "AccumulateGrad"),
        ("AccumulateGrad", "MvBackward0"),
        ("MvBackward0", "AddBackward0"),
        ("Bias (1)", "AccumulateGrad"),
        ("AccumulateGrad", "AddBackward0"),
        ("AddBackward0", "SubBackward0"),
        ("SubBackward0", "PowBackward0"),
        ("PowBackward0", "MeanBackward0"),
        ("MeanBackward0", "Loss ()"),
    ]
)


def _dot_edges(dot: str) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
    """``{node id: (label on one line, fillcolor)}`` and the edges as label pairs."""
    nodes = {
        m["id"]: (" ".join(m["label"].strip('"').split()), m["fill"] or "")
        for m in re.finditer(
            r'^\t(?P<id>\d+) \[label=(?P<label>"[^"]*"|\w+)(?: fillcolor=(?P<fill>\w+))?\]$',
            dot,
            re.MULTILINE,
        )
    }
    edges = re.findall(r"^\t(\d+) -> (\d+)", dot, re.MULTILINE)
    return nodes, sorted((nodes[a][0], nodes[b][0]) for a, b in edges)


def _assert_lessons_tape(dot: str, node_count: int = 10) -> None:
    """The DOT torch's side draws, torchviz's or ours: backward nodes by class name, the
    leaves Weight and Bias light blue with their shapes, the loss green, and no X or y (they
    do not require grad)."""
    assert dot.startswith("digraph {\n") and dot.endswith("}\n")
    nodes, edges = _dot_edges(dot)
    assert len(nodes) == node_count == 10
    assert edges == _LESSONS_TAPE
    colours = {label: fill for label, fill in nodes.values()}
    assert colours["Weight (10)"] == colours["Bias (1)"] == "lightblue"
    assert colours["Loss ()"] == "darkolivegreen1"
    assert {label for label, fill in nodes.values() if not fill} == {
        "MvBackward0",
        "AddBackward0",
        "SubBackward0",
        "PowBackward0",
        "MeanBackward0",
        "AccumulateGrad",
    }
    assert '"X' not in dot and '"y' not in dot  # X, y do not require grad: not drawn


def test_graph_without_torchviz_is_drawn_by_our_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The GPU machine's case: ``import torchviz`` fails, and the same graph is drawn."""
    monkeypatch.setitem(sys.modules, "torchviz", None)  # makes ``import torchviz`` raise
    from torch_impl import tape_dot

    assert tape_dot.renderer() == "jaxparity"
    result, raw = parity.run(load_on("torch", "cpu"), "autograd.graph_view", "cpu")
    assert result.observations["drawn_by"] == "jaxparity"
    _assert_lessons_tape(result.observations["graph_text"], result.observations["node_count"])
    judgement = parity.judge([result], raw)
    assert judgement.ok, judgement.message()


def _tapes(torch, autograd) -> dict[str, tuple[object, dict | None]]:
    """Tapes that use every part of torchviz's drawing: leaves, names, a custom Function's
    saved tensor, an output that is a view, two outputs, a tape deeper than a few nodes."""
    gen = torch.Generator().manual_seed(0)
    X, y = torch.rand(5, 4, generator=gen), torch.rand(5, generator=gen)
    w = torch.nn.Parameter(torch.rand(4, generator=gen))
    b = torch.nn.Parameter(torch.rand(1, generator=gen))
    loss = autograd.regression_loss(w, b, X, y)
    custom = autograd.mse(autograd.MySquare.apply(autograd.predict(w, b, X)), y)
    A, B = (torch.rand(3, 3, generator=gen, requires_grad=True) for _ in range(2))
    return {
        "lesson": (loss, {"Weight": w, "Bias": b, "Loss": loss}),
        "custom_function": (custom, {"Weight": w}),
        "view": ((w * 2).view(2, 2), None),
        "two_outputs": ((loss, custom), {"Weight": w, 'A "quoted" name': b}),
        "calc_loss": (autograd.calc_loss(A, B, 0.9, b, 90), {"A": A, "B": B}),
    }


@pytest.mark.parametrize("tape", ["lesson", "custom_function", "view", "two_outputs", "calc_loss"])
def test_our_walk_writes_the_dot_torchviz_writes(tape: str) -> None:
    pytest.importorskip("torchviz", reason="compares our walk with torchviz's make_dot")
    load_on("torch", "cpu")
    import torch

    from torch_impl import autograd, tape_dot

    var, params = _tapes(torch, autograd)[tape]
    # The same live tensors and nodes: torchviz's ids and ours are the same objects' ids.
    theirs, ours = tape_dot.draw(var, params), tape_dot.walk(var, params)
    assert (theirs.drawn_by, ours.drawn_by) == ("torchviz", "jaxparity")
    assert ours.source == theirs.source
    assert ours.node_count == theirs.node_count


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_write_graph_writes_files_a_student_can_open(backend_name: str, tmp_path) -> None:
    import shutil

    backend = load_on(backend_name, "cpu")
    written = backend.topic("autograd_artifacts").write_graph(tmp_path)
    suffixes = {p.name.removeprefix(f"autograd.graph_view.{backend_name}") for p in written}
    expected = {".dot", ".jaxpr.txt" if backend_name == "jax" else ".tape.txt"}
    if shutil.which("dot"):
        expected.add(".svg")
    assert suffixes == expected
    for path in written:
        assert path.parent == tmp_path and path.stat().st_size > 0
    if ".svg" in expected:
        assert "<svg" in (tmp_path / f"autograd.graph_view.{backend_name}.svg").read_text()


_FAKE_DOT = '#!/bin/sh\n# dot -Tsvg IN -o OUT\necho "<svg>$2</svg>" > "$4"\n'


@pytest.mark.parametrize("graphviz", ["dot", "no dot"])
def test_torch_graph_files_without_torchviz(
    graphviz: str, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither torchviz nor Graphviz (the GPU machine): the DOT is written, nothing fails; with
    a ``dot`` on the PATH (a stand-in script here) the SVG is rendered from that DOT file."""
    monkeypatch.setitem(sys.modules, "torchviz", None)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    if graphviz == "dot":
        (bin_dir / "dot").write_text(_FAKE_DOT)
        (bin_dir / "dot").chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    else:
        monkeypatch.setenv("PATH", str(bin_dir))  # no dot anywhere
    out = tmp_path / "graphs"
    written = load_on("torch", "cpu").topic("autograd_artifacts").write_graph(out)
    dot_file = out / "autograd.graph_view.torch.dot"
    svg = [dot_file.with_suffix(".svg")] if graphviz == "dot" else []
    assert written == [out / "autograd.graph_view.torch.tape.txt", dot_file, *svg]
    _assert_lessons_tape(dot_file.read_text())  # the lesson's data: the same shapes
    assert (out / "autograd.graph_view.torch.tape.txt").read_text() == LESSONS_TAPE_TEXT
    if graphviz == "dot":
        assert dot_file.with_suffix(".svg").read_text() == f"<svg>{dot_file}</svg>\n"
