"""Autograd beyond the generic parity tests: finite differences in float64 (gradcheck and
check_grads, which also catch the lesson's wrong backward), exact errors and messages, the
graph files, what XLA and the tape really compute, the timed functions, and bad inputs."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

import numpy as np
import pytest

from bench.targets import load_on
from shared import backends, cases, data, oracles, parity
from shared.validation import CaseInputError, require

DEVICES = [pytest.param(d, id=d) for d in backends.device_names()]
BACKENDS = [pytest.param(b, id=b) for b in backends.backend_names()]

_rng = np.random.default_rng(7)
X, Y = _rng.random((5, 4)), _rng.random(5)
# Away from 0.5, where jnp.where / torch.where has its kink: finite differences stay smooth.
M = np.where(_rng.random((3, 3)) > 0.5, 0.75, 0.25) + 0.1 * _rng.random((3, 3))
PROBLEMS: dict[str, Callable[[object, Callable, Callable], tuple[Callable, list[np.ndarray]]]] = {
    # name: (module, the custom square, asarray) -> (function, float64 arguments)
    "lesson_z": lambda m, sq, a: (m.lesson_z, [_rng.standard_normal(3), _rng.standard_normal(3)]),
    "regression": lambda m, sq, a: (
        lambda w, b: m.regression_loss(w, b, a(X), a(Y)),
        [_rng.random(4), _rng.random(1)],
    ),
    "chunk_of_regression": lambda m, sq, a: (
        lambda w, b: m.regression_loss(w, b, a(X[:2]), a(Y[:2]), total=5),
        [_rng.random(4), _rng.random(1)],
    ),
    "custom_square_regression": lambda m, sq, a: (
        lambda w, b: m.mse(sq(m.predict(w, b, a(X))), a(Y)),
        [_rng.random(4), _rng.random(1)],
    ),
    "calc_loss": lambda m, sq, a: (
        lambda A, B, b: m.calc_loss(A, B, 0.9, b, 2),
        [_rng.random((3, 3)), _rng.random((3, 3)), np.array(1.0)],
    ),
    "complex_rows_norm": lambda m, sq, a: (
        lambda w: m.rows_norm(w, a(np.array([1, 2, 1, 3]))),
        [_rng.standard_normal((5, 4)) + 1j * _rng.standard_normal((5, 4))],
    ),
    "where": lambda m, sq, a: (m.masked_zero, [M]),
}


def _torch_modules():
    load_on("torch", "cpu")
    import torch

    from torch_impl import autograd

    return torch, autograd


def _gradcheck_error() -> type[Exception]:
    from torch.autograd.gradcheck import GradcheckError  # a RuntimeError subclass

    return GradcheckError


def _jax_modules():
    load_on("jax", "cpu")
    import jax

    from jax_impl import autograd

    return jax, autograd


@pytest.mark.parametrize("problem", list(PROBLEMS))
def test_torch_gradients_match_finite_differences(problem: str) -> None:
    torch, autograd = _torch_modules()
    fn, args = PROBLEMS[problem](autograd, autograd.MySquare.apply, torch.from_numpy)
    leaves = [torch.from_numpy(a).requires_grad_(True) for a in args]
    assert torch.autograd.gradcheck(fn, leaves)


@pytest.mark.parametrize("problem", list(PROBLEMS))
def test_jax_gradients_match_finite_differences(problem: str) -> None:
    jax, autograd = _jax_modules()
    from jax.test_util import check_grads

    with jax.enable_x64(True):  # float64 here only; the rest of the suite keeps JAX's default
        fn, args = PROBLEMS[problem](autograd, autograd.my_square, jax.numpy.asarray)
        arrays = [jax.numpy.asarray(a) for a in args]
        assert all(a.dtype in (np.float64, np.complex128) for a in arrays)
        # custom_vjp defines no forward mode: reverse mode only where it appears.
        modes = ("rev",) if problem.startswith("custom") else ("fwd", "rev")
        check_grads(fn, arrays, order=1, modes=modes)


def test_gradcheck_catches_the_lessons_wrong_backward() -> None:
    """``grad_output * 2`` runs without complaint; only the finite differences disagree."""
    torch, autograd = _torch_modules()
    x = torch.from_numpy(_rng.random(4) + 0.5).requires_grad_(True)
    assert torch.autograd.gradcheck(autograd.MySquare.apply, (x,))
    autograd.MySquareWrong.apply(x).sum().backward()  # no error when it runs
    with pytest.raises(_gradcheck_error(), match="Jacobian mismatch"):
        torch.autograd.gradcheck(autograd.MySquareWrong.apply, (x,))


def test_check_grads_catches_the_lessons_wrong_backward() -> None:
    jax, autograd = _jax_modules()
    from jax.test_util import check_grads

    with jax.enable_x64(True):
        x = jax.numpy.asarray(_rng.random(4) + 0.5)
        check_grads(autograd.my_square, (x,), order=1, modes=("rev",))
        jax.grad(lambda x: autograd.my_square_wrong(x).sum())(x)  # no error when it runs
        with pytest.raises(AssertionError, match="Not equal to tolerance"):
            check_grads(autograd.my_square_wrong, (x,), order=1, modes=("rev",))


def test_finite_differences_see_through_detach_and_stop_gradient() -> None:
    """detach / stop_gradient make the reported gradient differ from the true derivative on
    purpose: both checks notice, which is why clone_detach is checked w.r.t. x only."""
    torch, t_autograd = _torch_modules()
    jax, j_autograd = _jax_modules()
    from jax.test_util import check_grads

    x, y = _rng.random(3), _rng.random(3)
    tx, ty = (torch.from_numpy(a).requires_grad_(True) for a in (x, y))
    assert torch.autograd.gradcheck(lambda x: t_autograd.clone_and_detach(x, ty), (tx,))
    with pytest.raises(_gradcheck_error(), match="Jacobian mismatch"):
        torch.autograd.gradcheck(t_autograd.clone_and_detach, (tx, ty))
    with jax.enable_x64(True):
        jx, jy = jax.numpy.asarray(x), jax.numpy.asarray(y)
        check_grads(lambda x: j_autograd.clone_and_detach(x, jy), (jx,), order=1)
        with pytest.raises(AssertionError, match="Not equal to tolerance"):
            check_grads(j_autograd.clone_and_detach, (jx, jy), order=1, modes=("rev",))


def test_error_messages_name_the_cause(target) -> None:
    """The message is the student's clue; each framework's own words are asserted."""
    backend, device = target
    inplace, _ = parity.run(backend, "autograd.inplace_error", device)
    unsupported, _ = parity.run(backend, "autograd.unsupported_op", device)
    obs = {**inplace.observations, **unsupported.observations}
    if backend.name == "torch":
        assert "modified by an inplace operation" in obs["exp_message"]
        assert "leaf Variable that requires grad" in obs["mask_message"]
        assert "in-place operation" in obs["mask_message"]
        assert "does not support automatic differentiation" in obs["message"]
        assert "complex" in obs["message"]
    else:
        for key in ("exp_message", "mask_message"):
            assert "immutable" in obs[key]
            assert ".at[" in obs[key]  # the fix is named


@pytest.mark.parametrize("device", DEVICES)
def test_jax_complex_gradient_is_the_conjugate_of_torchs(device: str) -> None:
    """JAX's convention for a real function of complex input: grad is conj(∂/∂Re + i∂/∂Im)."""
    backend = load_on("jax", device)
    result, raw = parity.run(backend, "autograd.unsupported_op", device)
    torch_convention = oracles.expected("autograd.unsupported_op", raw)["grad_weight"]
    judgement = parity.judge([result], raw)  # jax_grad_weight against the conjugate
    assert judgement.ok, judgement.message()
    assert not np.allclose(result.arrays["jax_grad_weight"], torch_convention)


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
    torch, autograd = _torch_modules()
    from torch_impl import tape_dot

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


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_matmul_counts_show_what_each_side_computes(backend_name: str) -> None:
    """torch's eager forward runs every A @ B of the loop and its backward one or two
    products per matmul; XLA computes A @ B once, drops the forward from the gradients,
    and needs no product at all for b's gradient or an unused input's."""
    inputs = data.inputs("autograd.backward_inputs")
    matmuls = inputs["num_iters"] + 1
    counts = load_on(backend_name, "cpu").topic("autograd_artifacts").matmul_counts(inputs)
    want_forward = matmuls if backend_name == "torch" else 1
    assert counts == {
        "forward": want_forward,
        "all": 2 * matmuls,
        "A": matmuls,
        "b": 0,
        "unused": 0,
    }


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("backend_name", BACKENDS)
@pytest.mark.parametrize("case_id", ["autograd.backward_inputs", "autograd.accumulation"])
def test_timed_functions_compute_the_oracles_gradients(
    case_id: str, backend_name: str, device: str
) -> None:
    """What the benchmarks time is the right answer, not just fast."""
    backend = load_on(backend_name, device)
    inputs = data.inputs(case_id)
    want = oracles.expected(case_id, inputs)
    if case_id == "autograd.backward_inputs":
        expected_grads = {
            "all": [want["grad_A"], want["grad_B"], want["grad_b"]],
            "A": [want["grad_A"]],
            "b": [want["grad_b"]],
            # torch leaves an unused input's .grad None: nothing to return.
            "unused": [np.zeros_like(inputs["c"])] if backend_name == "jax" else [],
        }
    else:
        expected_grads = {
            v: [want["full_grad_w"], want["full_grad_b"]] for v in ("full", "chunked")
        }
    bench = cases.get(case_id).bench
    assert bench is not None
    # Every mode timed (JAX: compiled and op by op), not only the one a student would call.
    modes = [m for m in bench.modes[backend_name] if m != "compile"]
    for variant, setup in backend.topic("autograd").TIMED[case_id].items():
        for mode in modes:
            fn, args = setup(inputs, device, mode)
            ready, _ = backend.prepare(fn, mode, args)
            got = [backend.to_numpy(g) for g in backend.sync(ready(*args))]
            where = f"{variant} ({mode})"
            assert len(got) == len(expected_grads[variant]), where
            for g, w in zip(got, expected_grads[variant], strict=True):
                check = parity.compare(where, backend_name, "oracle", np.asarray(g), w, sides=1)
                assert check.ok, check.line()


@pytest.mark.parametrize("chunks", [1, 5, 12])
def test_any_chunking_adds_up_to_the_full_batch(target, chunks: int) -> None:
    """Uneven chunks too (12 rows in 5): torch.tensor_split and the JAX slices agree."""
    backend, device = target
    inputs = {**data.inputs("autograd.accumulation"), "chunks": chunks}
    result, raw = parity.run(backend, "autograd.accumulation", device, inputs=inputs)
    judgement = parity.judge([result], raw)
    assert judgement.ok, judgement.message()


BAD_INPUTS = [
    # (case, argument, replacement): each would broadcast or run silently, or fail obscurely.
    ("autograd.backward_basics", "y", np.ones(1, np.float32)),
    ("autograd.backward_basics", "x", np.ones(3, np.int32)),
    ("autograd.requires_grad", "y", np.ones((3, 1), np.float32)),
    ("autograd.intermediate_grad", "v", np.ones(1, np.float32)),
    ("autograd.graph_view", "b", np.ones((), np.float32)),
    ("autograd.graph_view", "X", np.ones((5, 9), np.float32)),
    ("autograd.unsupported_op", "weight", np.ones((10, 10), np.float32)),
    ("autograd.custom_function", "w", np.ones((10, 1), np.float32)),
    ("autograd.unsupported_op", "idx", np.ones((2, 2), np.int32)),
    ("autograd.backward_inputs", "A", np.ones((4, 3), np.float32)),
    ("autograd.backward_inputs", "b", np.ones(1, np.float32)),
    ("autograd.accumulation", "X", np.ones((11, 5), np.float32)),
    ("autograd.inplace_error", "v", np.ones((3, 1), np.float32)),
    ("autograd.clone_detach", "y", np.ones(4, np.float32)),
]


@pytest.mark.parametrize(
    ("case_id", "name", "bad"), [pytest.param(*b, id=f"{b[0]}-{b[1]}") for b in BAD_INPUTS]
)
def test_bad_input_is_a_clear_case_input_error(target, case_id: str, name: str, bad) -> None:
    backend, device = target
    inputs = {**data.inputs(case_id), name: bad}
    message = rf"^{name}: expected .* got shape {re.escape(str(bad.shape))} and dtype"
    with pytest.raises(CaseInputError, match=message):
        parity.call(backend, case_id, device, inputs=inputs)


def test_require_message() -> None:
    require("w", (3,), "float32", (None,), ("float32", "float64"))
    require("anything", (2, 7), "int64", None, "int64")
    with pytest.raises(CaseInputError) as e:
        require("b", (), "float32", (1,), "float32")
    assert (
        str(e.value) == "b: expected shape (1,) and dtype float32, got shape () and dtype float32"
    )
    with pytest.raises(CaseInputError, match=r"shape \(\*, 4\) and dtype float32 or float64"):
        require("A", (4, 3), "float32", (None, 4), ("float32", "float64"))
    with pytest.raises(CaseInputError, match="got shape \\(3,\\) and dtype int32"):
        require("x", (3,), "int32", None, ("float32", "float64"))
