"""The benchmark setups of ``autograd``'s timed cases (JAX): ``TIMED``, found by the harness
as ``jax_impl.autograd.TIMED`` (``shared.tooling.timed_apart``).

Mirrors ``torch_impl/autograd_timing.py``. Each setup places the inputs outside the timed
region and returns a plain function to time (no ``jax.jit`` inside: the harness jits it, or
times it op by op); what it times is the lesson's code in ``autograd.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jax
import numpy as np

from jax_impl.autograd import (
    _ARGNUMS,
    _calc_loss_of,
    _chunked_gradients,
    _regression_grad,
    regression_loss,
)
from jax_impl.backend import jax_device
from shared.run_modes import EAGER


def _backward_arrays(inputs: Mapping[str, np.ndarray], device: str) -> tuple[jax.Array, ...]:
    d = jax_device(device)
    return tuple(jax.device_put(inputs[k], d) for k in "ABbc")


def _backward_setup(argnums: tuple[int, ...]) -> Callable:
    """A plain function of ``(A, B, b, c)``: the harness jits it, as one would in practice."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        loss = _calc_loss_of(inputs["q"], inputs["num_iters"])
        return jax.grad(loss, argnums=argnums), _backward_arrays(inputs, device)

    return setup


_regression_grad_op_by_op = jax.grad(regression_loss, argnums=(0, 1))
"""``_regression_grad``'s step uncompiled: each primitive dispatched on its own (the
benchmark's ``eager``)."""


def _accumulation_setup(chunked: bool) -> Callable:
    """As in the lesson, ``X`` stays in host memory (NumPy) and moves to the device inside
    the call, whole (``full``) or a chunk at a time (``chunked``); ``y``, ``w`` and ``b``
    live there. The gradient step is compiled (``_regression_grad``, mode ``jit_grad``) or
    op by op (mode ``eager``); the loop over chunks and the copies are Python, so the harness
    must not wrap it in one ``jit``: that would turn ``X`` into one argument copied to the
    device whole."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        d = jax_device(device)
        w, b, y = (jax.device_put(inputs[k], d) for k in "wby")
        parts = inputs["chunks"] if chunked else 1
        step = _regression_grad_op_by_op if mode == EAGER else _regression_grad

        def gradients(w: jax.Array, b: jax.Array, X: np.ndarray, y: jax.Array) -> tuple:
            return _chunked_gradients(w, b, X, y, parts, d, step)

        return gradients, (w, b, inputs["X"], y)

    return setup


TIMED = {
    "autograd.backward_inputs": {v: _backward_setup(n) for v, n in _ARGNUMS.items()},
    "autograd.accumulation": {
        "full": _accumulation_setup(chunked=False),
        "chunked": _accumulation_setup(chunked=True),
    },
}
