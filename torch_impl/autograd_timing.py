"""The benchmark setups of ``autograd``'s timed cases (torch): ``TIMED``, found by the harness
as ``torch_impl.autograd.TIMED`` (``shared.tooling.timed_apart``).

Mirrors ``jax_impl/autograd_timing.py``. Each setup places the inputs outside the timed region
and returns the function to time; what it times is the lesson's code in ``autograd.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import torch

from torch_impl.autograd import _INPUTS, _chunked_gradients, _zero_grad, calc_loss
from torch_impl.backend import torch_device


def _backward_leaves(
    inputs: Mapping[str, np.ndarray], device: str
) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The lesson's tape, built once (outside any timed region), and its leaves by variant."""
    d = torch_device(device)
    A, B, b, c = (
        torch.from_numpy(np.asarray(inputs[k])).to(d).requires_grad_(True) for k in "ABbc"
    )
    loss = calc_loss(A, B, inputs["q"], b, inputs["num_iters"])
    return loss, {"A": A, "B": B, "b": b, "c": c}


def _backward_setup(variant: str) -> Callable:
    """Time only ``backward`` over a tape built in the setup, as the lesson's ``%%time`` does.

    ``retain_graph=True`` keeps the tape for the next timed call; it holds no big saved
    tensors here (``A @ B`` saves ``A`` and ``B`` themselves, ``q * C`` saves nothing).
    """

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        loss, leaves = _backward_leaves(inputs, device)
        chosen = None if _INPUTS[variant] is None else [leaves[_INPUTS[variant]]]

        def backward(loss: torch.Tensor) -> tuple:
            _zero_grad(*leaves.values())
            loss.backward(inputs=chosen, retain_graph=True)
            return tuple(t.grad for t in leaves.values() if t.grad is not None)

        return backward, (loss,)

    return setup


def _accumulation_setup(chunked: bool) -> Callable:
    """As in the lesson, ``X`` stays in host memory and moves to the device inside the call,
    whole (``full``) or a chunk at a time (``chunked``); ``y``, ``w`` and ``b`` live there."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        d = torch_device(device)
        y = torch.from_numpy(inputs["y"]).to(d)
        w, b = (torch.from_numpy(inputs[k]).to(d).requires_grad_(True) for k in "wb")
        parts = inputs["chunks"] if chunked else 1

        def gradients(w: torch.Tensor, b: torch.Tensor, X: torch.Tensor, y: torch.Tensor) -> tuple:
            return _chunked_gradients(w, b, X, y, parts, d)

        return gradients, (w, b, torch.from_numpy(inputs["X"]), y)

    return setup


TIMED = {
    "autograd.backward_inputs": {variant: _backward_setup(variant) for variant in _INPUTS},
    "autograd.accumulation": {
        "full": _accumulation_setup(chunked=False),
        "chunked": _accumulation_setup(chunked=True),
    },
}
