"""The lesson's MLPs in NumPy: the answer both frameworks must give.

Their forward and backward pass are written out by hand here, in float64, from the shared
weight format (:func:`shared.cases.modules._weights.linear_layers`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.cases.modules._weights import Linear, linear_layers

BATCHNORM_EPS = 1e-5
"""``nn.BatchNorm1d``'s ``eps`` and ``nnx.BatchNorm``'s ``epsilon`` default alike."""


def forward_backward(
    layers: list[Linear],
    weights: Mapping[str, np.ndarray],
    x: np.ndarray,
    labels: np.ndarray,
    dtype: type = np.float64,
) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
    """Logits, mean cross-entropy and its gradient per parameter, for Linear/ReLU stacks,
    computed in ``dtype`` (float64: the answer; float32: how far rounding strays from it)."""
    w = {k: np.asarray(v, dtype) for k, v in weights.items()}
    h, inputs, pre = np.asarray(x, dtype), [], []
    for i, layer in enumerate(layers):
        inputs.append(h)
        z = h @ w[f"{layer.name}.weight"].T + (w[f"{layer.name}.bias"] if layer.bias else 0.0)
        pre.append(z)
        h = z if i == len(layers) - 1 else np.maximum(z, 0.0)
    logits = h
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(len(labels))
    loss = float(-log_p[rows, labels].mean(dtype=dtype))
    # d(mean CE)/d logits = (softmax − one_hot) / batch
    dz = np.exp(log_p)
    dz[rows, labels] -= 1.0
    dz /= dtype(len(labels))
    grads = {}
    for i in reversed(range(len(layers))):
        layer = layers[i]
        if i < len(layers) - 1:
            dz = dz * (pre[i] > 0)
        grads[f"{layer.name}.weight"] = dz.T @ inputs[i]
        if layer.bias:
            grads[f"{layer.name}.bias"] = dz.sum(axis=0)
        dz = dz @ w[f"{layer.name}.weight"]
    return logits, loss, grads


def network_outputs(
    network: str, *, x, labels, weights, input_dim, hidden_dim, num_classes, **rest
) -> dict:
    """What one of the lesson's networks gives: logits of ``x`` and of the lesson's
    ``ones((4, input_dim))``, the cross-entropy ``loss`` on ``labels``, every parameter's
    gradient ``grad.<name>``."""
    layers = linear_layers(network, input_dim, hidden_dim, num_classes, **rest)
    logits, loss, grads = forward_backward(layers, weights, x, labels)
    ones_logits, _, _ = forward_backward(
        layers, weights, np.ones((4, input_dim)), np.zeros(4, np.int64)
    )
    return {
        "logits": logits,
        "logits_ones": ones_logits,
        "loss": np.float64(loss),
        **{f"grad.{name}": g for name, g in grads.items()},
    }
