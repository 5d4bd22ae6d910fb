"""Autograd beyond the generic parity tests: finite differences in float64 (gradcheck and
check_grads, which also catch the lesson's wrong backward), exact errors and messages, and bad
inputs. Beside this file: the graph and its files (``test_autograd_graph.py``), what XLA and the
tape really compute and the timed functions (``test_autograd_timed.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pytest

from bench.targets import load_on
from shared import data, oracles, parity
from shared.validation import CaseInputError, require
from tests.conftest import DEVICES

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
