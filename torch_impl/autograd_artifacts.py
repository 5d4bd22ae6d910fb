"""What ``jaxparity.artifacts`` collects from torch's ``autograd`` beyond parity and timings:
``graph_view``'s graph files for a student (``write_graph``) and the matrix products each
``backward_inputs`` variant runs (``matmul_counts``).

Mirrors ``jax_impl/autograd_artifacts.py``. Plumbing and measurement, kept out of
``autograd.py``, the module a student reads.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import torch

from shared import data
from torch_impl.autograd import _INPUTS, _nodes, graph_view
from torch_impl.autograd_timing import _backward_leaves


def write_graph(out_dir: str | Path) -> list[Path]:
    """Write ``graph_view``'s graph of the lesson's data for a student: the tape as text
    (``.tape.txt``) and as DOT (``.dot``, torchviz or not) always, and ``.svg`` when
    Graphviz's ``dot`` is installed. Returns the files written."""
    inputs = {
        k: torch.from_numpy(v) for k, v in data.inputs("autograd.graph_view", "lesson").items()
    }
    out = graph_view(**inputs)
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    text = directory / "autograd.graph_view.torch.tape.txt"
    text.write_text(out["tape"])
    path = directory / "autograd.graph_view.torch.dot"
    path.write_text(out["graph_text"])
    return [text, path, *_render_svg(path)]


def _render_svg(dot_file: Path) -> list[Path]:
    if shutil.which("dot") is None:
        return []
    svg = dot_file.with_suffix(".svg")
    subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(svg)], check=True)
    return [svg]


def matmul_counts(inputs: Mapping[str, np.ndarray], device: str = "cpu") -> dict[str, int]:
    """Matrix products each bench variant's backward really runs, and the forward's.

    Counted on the tape: a hook on every ``MmBackward0`` node sees which input gradients it
    computed (``None`` for the ones ``inputs=`` made unnecessary). The forward count is the
    number of such nodes: eager torch runs every ``A @ B`` of the loop, even though it is
    the same product each time.
    """
    counts: dict[str, int] = {}
    for variant, chosen in _INPUTS.items():
        loss, leaves = _backward_leaves(inputs, device)
        mm_nodes = [n for n in _nodes(loss.grad_fn) if n.name() == "MmBackward0"]
        counts.setdefault("forward", len(mm_nodes))
        done = [0]

        def count(grad_inputs: tuple, grad_outputs: tuple, done: list = done) -> None:
            done[0] += sum(g is not None for g in grad_inputs)

        for node in mm_nodes:
            node.register_hook(count)
        loss.backward(inputs=None if chosen is None else [leaves[chosen]])
        counts[variant] = done[0]
    return counts
