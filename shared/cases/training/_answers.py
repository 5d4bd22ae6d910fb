"""What the training cases' oracles share (moved from shared/oracles/training.py)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.cases.modules._numpy import forward_backward
from shared.cases.modules._weights import linear_layers

NEAR_TIE = (
    "a test image whose two largest logits lie within float32 rounding of each other may go "
    "either way, in any float32 implementation; a bug moves many images"
)


def train(
    *,
    x_train: np.ndarray,
    y_train: np.ndarray,
    x_test: np.ndarray,
    y_test: np.ndarray,
    order: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    lr: float,
    momentum: float,
    dtype: type = np.float64,
) -> dict[str, np.ndarray]:
    """SGD with momentum over every epoch of ``order``, in ``dtype``: ``losses`` (one per step,
    before its update), ``correct`` (test images classified right after each epoch) and
    ``param.<name>`` after the last step."""
    layers = linear_layers("deep", input_dim, hidden_dim, num_classes, num_layers)
    params = {k: np.asarray(v, dtype) for k, v in weights.items()}
    velocity = {k: np.zeros_like(p) for k, p in params.items()}
    x_train, x_test = np.asarray(x_train, dtype), np.asarray(x_test, dtype)
    lr, momentum = dtype(lr), dtype(momentum)
    losses, correct = [], []
    for epoch in order:
        for idx in epoch:
            _, loss, grads = forward_backward(layers, params, x_train[idx], y_train[idx], dtype)
            losses.append(loss)
            for k, p in params.items():
                velocity[k] = momentum * velocity[k] + grads[k]
                params[k] = p - lr * velocity[k]
        logits, _, _ = forward_backward(layers, params, x_test, y_test, dtype)
        correct.append(int((logits.argmax(axis=1) == y_test).sum()))
    return {
        "losses": np.array(losses, dtype),
        "correct": np.array(correct, np.int64),
        **{f"param.{k}": p for k, p in params.items()},
    }
