"""Oracles for the modes cases (one function per case name), in float64."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.data.modules import linear_layers
from shared.oracles.modules import forward_backward


def enable_grad(*, x: np.ndarray) -> dict:
    x = x.astype(np.float64)
    # Only `on = 2x` was recorded: d sum(on + off) / dx = 2.
    return {"on": 2 * x, "off": 3 * x, "grad": np.full_like(x, 2.0)}


def no_grad(*, x: np.ndarray) -> dict:
    x = x.astype(np.float64)
    # doubled and shifted are constants to autograd: only the plain `+ x` has a gradient.
    return {"doubled": 2 * x, "shifted": x + 2, "grad": np.ones_like(x)}


def inference_mode(*, x: np.ndarray, w: np.ndarray) -> dict:
    y = 2 * x.astype(np.float64)
    return {"y": y, "grad": y}


def item_leak(*, x: np.ndarray, w: np.ndarray, steps: int) -> dict:
    loss = np.linalg.norm(x.astype(np.float64) @ w.astype(np.float64))
    return {"stored_losses": np.full(steps, loss), "item_losses": np.full(steps, loss)}


def forward(*, x: np.ndarray, weights: Mapping[str, np.ndarray], dims: tuple) -> dict:
    no_labels = np.zeros(len(x), np.int64)  # the logits do not depend on them
    logits, _, _ = forward_backward(linear_layers("deep", *dims), weights, x, no_labels)
    return {"out_tracked": logits, "out_untracked": logits, "out_inference": logits}
