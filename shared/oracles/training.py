"""The training case's answer: the same training in NumPy, float64 and float32.

Both frameworks train in float32 from the same weights over the same batches. Over hundreds of
steps their rounding errors are carried forward by every update, so no worst-case bound says
anything useful about the last step's loss (as for ResNet-101's logits, ``shared.oracles.Deep``).
The oracle therefore trains twice with the modules oracle's hand-written forward and backward
pass (``shared.oracles.modules.forward_backward``): in float64 (the answer) and in float32 (how
far float32 rounding carries this very training from it). Losses and final parameters are
:class:`~shared.oracles.Deep`; the test images classified right after each epoch are a
:class:`~shared.oracles.Count`, at most one image off.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.data.modules import linear_layers
from shared.oracles import Count, Deep
from shared.oracles.modules import forward_backward

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


def to_accuracy(**inputs: object) -> dict[str, Deep | Count]:
    """Per-step losses and final parameters judged by float32's spread on this training; the
    per-epoch test accuracy within one image of float64's."""
    exact = train(**inputs, dtype=np.float64)  # type: ignore[arg-type]
    rounded = train(**inputs, dtype=np.float32)  # type: ignore[arg-type]
    out: dict[str, Deep | Count] = {
        k: Deep(v, rounded[k]) for k, v in exact.items() if k != "correct"
    }
    out["correct"] = Count(exact["correct"], 1, NEAR_TIE)
    return out
