"""What ``jaxparity.artifacts`` collects from JAX's ``autograd`` beyond parity and timings:
``graph_view``'s jaxpr and graph files for a student (``write_graph``) and the matrix products
each ``backward_inputs`` variant runs (``matmul_counts``).

Mirrors ``torch_impl/autograd_artifacts.py``. Plumbing and measurement, kept out of
``autograd.py``, the module a student reads.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import jax
import numpy as np

from jax_impl.autograd import _ARGNUMS, _calc_loss_of, graph_view
from jax_impl.autograd_timing import _backward_arrays
from shared import data


def write_graph(out_dir: str | Path) -> list[Path]:
    """Write ``graph_view``'s jaxpr (forward and gradient) and its DOT graph for the lesson's
    data: ``.jaxpr.txt`` and ``.dot`` always, ``.svg`` when Graphviz's ``dot`` is installed.
    Returns the files written."""
    out = graph_view(**data.inputs("autograd.graph_view", "lesson"))
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    text = directory / "autograd.graph_view.jax.jaxpr.txt"
    text.write_text(f"# the loss\n{out['jaxpr']}\n\n# jax.grad of it\n{out['grad_jaxpr']}\n")
    dot = directory / "autograd.graph_view.jax.dot"
    dot.write_text(out["graph_text"])
    return [text, dot, *_render_svg(dot)]


def _render_svg(dot_file: Path) -> list[Path]:
    if shutil.which("dot") is None:
        return []
    svg = dot_file.with_suffix(".svg")
    subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(svg)], check=True)
    return [svg]


def matmul_counts(inputs: Mapping[str, np.ndarray], device: str = "cpu") -> dict[str, int]:
    """Matrix products in the XLA program each bench variant really runs, and the forward's.

    Counted in the optimised HLO of ``jax.jit(jax.grad(loss, argnums))``: every ``dot`` and
    every matmul library call, times the number of places it is called from. XLA computes
    the loop's repeated ``A @ B`` once (the forward count is 1), drops the forward from
    every gradient, and folds ``b``'s gradient into a constant.
    """
    args = _backward_arrays(inputs, device)
    loss = _calc_loss_of(inputs["q"], inputs["num_iters"])
    counts = {"forward": _hlo_matmuls(jax.jit(loss).lower(*args).compile().as_text())}
    for variant, argnums in _ARGNUMS.items():
        compiled = jax.jit(jax.grad(loss, argnums=argnums)).lower(*args).compile()
        counts[variant] = _hlo_matmuls(compiled.as_text())
    return counts


def _hlo_matmuls(hlo: str) -> int:
    """Matmuls executed by an HLO module: ``dot`` ops and cuBLAS/oneDNN matmul custom calls,
    each computation counted once per call site (fusions are computations called by name)."""
    own: dict[str, int] = {}
    calls: dict[str, list[str]] = {}
    entry = name = ""
    for line in hlo.splitlines():
        header = re.match(r"(ENTRY )?%?([\w.\-]+) \(.*\{$", line)
        if header and not line.startswith(" "):
            name = header.group(2)
            entry = name if header.group(1) else entry
            own[name], calls[name] = 0, []
            continue
        if not name:
            continue
        own[name] += bool(re.search(r"= \S+ dot\(", line)) + bool(
            re.search(r'custom_call_target="[^"]*(gemm|matmul)[^"]*"', line, re.IGNORECASE)
        )
        calls[name] += re.findall(r"(?:calls|body|to_apply)=%?([\w.\-]+)", line)

    def total(computation: str) -> int:
        return own.get(computation, 0) + sum(total(c) for c in calls.get(computation, []))

    return total(entry)
