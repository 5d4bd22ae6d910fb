"""Advanced differentiation beyond the generic parity tests: finite differences in float64
and the errors the lesson runs into (torch-only methods are judged by tests/test_parity.py,
against the same closed forms)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench.targets import load_on
from shared import backends, cases, data, oracles, parity

DEVICES = [pytest.param(d, id=d) for d in backends.device_names()]


def _float64(case_id: str) -> dict[str, np.ndarray]:
    return {k: v.astype(np.float64) for k, v in data.inputs(case_id).items()}


def test_torch_second_order_finite_differences() -> None:
    """gradcheck / gradgradcheck: S's gradient and Hessian against finite differences."""
    load_on("torch", "cpu")
    import torch

    from torch_impl.advanced import quadratic_form

    x, w = (torch.from_numpy(a) for a in _float64("advanced.hessian").values())
    w.requires_grad_()
    assert torch.autograd.gradcheck(lambda w: quadratic_form(x, w), (w,))
    assert torch.autograd.gradgradcheck(lambda w: quadratic_form(x, w), (w,))


def test_jax_second_order_finite_differences() -> None:
    """check_grads(order=2) in both modes: gradients, HVPs and their transposes of S."""
    load_on("jax", "cpu")
    import jax
    from jax.test_util import check_grads

    from jax_impl.advanced import quadratic_form

    with jax.enable_x64(True):  # float64 here only; the rest of the suite keeps JAX's default
        x, w = (jax.numpy.asarray(a) for a in _float64("advanced.hessian").values())
        assert w.dtype == np.float64
        check_grads(lambda w: quadratic_form(x, w), (w,), order=2, modes=("fwd", "rev"))


def test_lessons_double_backward_needs_is_grads_batched() -> None:
    """The lesson's cell passes eye(d) as grad_outputs without is_grads_batched=True: torch
    reads it as one cotangent of the wrong shape and refuses."""
    load_on("torch", "cpu")
    import torch

    from torch_impl.advanced import quadratic_form

    x, w = (torch.from_numpy(a) for a in data.inputs("advanced.hessian").values())
    w.requires_grad_()
    (grad,) = torch.autograd.grad(quadratic_form(x, w), w, create_graph=True)
    with pytest.raises(RuntimeError, match=r"Mismatch in shape: grad_output\[0\]"):
        torch.autograd.grad(grad, w, grad_outputs=(torch.eye(w.shape[0]),))


def test_second_backward_without_retain_graph_names_the_fix() -> None:
    result, _ = parity.run(load_on("torch", "cpu"), "advanced.per_sample_grads")
    message = result.observations["reuse_message"]
    assert "backward through the graph a second time" in message
    assert "retain_graph=True" in message


def test_importing_torch_impl_silences_exactly_the_jit_script_warning() -> None:
    """torch's first forward-mode call (jvp, jacfwd, hessian) warns 18 times that
    torch.jit.script is deprecated. torch_impl.advanced swallows that message at import; a
    fresh Python, where any such warning is an error, shows none escapes."""
    load_on("torch", "cpu")
    code = (
        "import torch, torch_impl.advanced as a\n"
        "x, w = torch.randn(4, 6), torch.randn(6)\n"
        "torch.func.hessian(a.quadratic_form, argnums=1)(x, w)\n"
        "torch.func.jvp(lambda w: x @ w, (w,), (w,))\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning:torch.jit._script", "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
    )
    assert done.returncode == 0, done.stderr[-2000:]


BACKENDS = [pytest.param(b, id=b) for b in backends.backend_names()]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("backend_name", BACKENDS)
def test_idiom_variants_compute_the_oracles_gradients(backend_name: str, device: str) -> None:
    """An idiom variant (``Bench.idioms``) is only timed, never a case output: what it times
    must still be the lesson variant's answer, in every mode it is timed in."""
    backend = load_on(backend_name, device)
    case = cases.get("advanced.per_sample_grads")
    assert case.bench is not None and case.bench.idioms
    inputs = data.inputs(case.id)
    want = oracles.expected(case.id, inputs)
    timed = backend.topic("advanced").TIMED[case.id]
    for idiom, lesson in case.bench.idioms.items():
        for mode in case.bench.modes[backend_name]:
            fn, args = timed[idiom](inputs, device, mode)
            ready, _ = backend.prepare(fn, mode, args)
            got = np.asarray(backend.to_numpy(backend.sync(ready(*args))))
            check = parity.compare(
                f"{idiom} ({mode})", backend_name, "oracle", got, want[f"grads_{lesson}"], sides=1
            )
            assert check.ok, check.line()
