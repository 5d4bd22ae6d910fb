"""Oracles for the modules cases (one function per case name), in NumPy.

The MLPs' forward and backward pass are written out by hand here, in float64, from the shared
weight format (``shared.data.modules.linear_layers``): the answer both frameworks must give.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.data.modules import Linear, linear_layers

BATCHNORM_EPS = 1e-5
"""``nn.BatchNorm1d``'s ``eps`` and ``nnx.BatchNorm``'s ``epsilon`` default alike."""


def identity(*, x: np.ndarray) -> dict:
    return {"output": x}


def api(*, x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> dict:
    # Eval mode: a fresh BatchNorm's running statistics (mean 0, variance 1); no dropout.
    return {"eval_output": (x @ weight.T + bias) / np.sqrt(1 + BATCHNORM_EPS)}


def _count(layers: list[Linear], frozen: str = "") -> tuple[int, int]:
    sizes = {n: int(np.prod(s)) for layer in layers for n, s in layer.shapes.items()}
    trainable = sum(v for n, v in sizes.items() if not (frozen and n.startswith(frozen + ".")))
    return sum(sizes.values()), trainable


def param_count(*, input_dim: int, hidden_dim: int, num_classes: int) -> dict:
    dims = (input_dim, hidden_dim, num_classes)
    counts = {
        "first": _count(linear_layers("first", *dims)),
        "second": _count(linear_layers("second", *dims)),
        "deep2": _count(linear_layers("deep", *dims, num_layers=2)),
        "deep4": _count(linear_layers("deep", *dims, num_layers=4)),
        "deep2_frozen": _count(linear_layers("deep", *dims, num_layers=2), frozen="fc_in"),
    }
    return {
        f"{net}.{kind}": np.int64(n)
        for net, (total, trainable) in counts.items()
        for kind, n in (("total", total), ("trainable", trainable))
    }


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


def _network(network: str, *, x, labels, weights, input_dim, hidden_dim, num_classes, **rest):
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


def first_network(**inputs) -> dict:
    return _network("first", **inputs)


def second_network(**inputs) -> dict:
    return _network("second", **inputs)


def deep_network(**inputs) -> dict:
    return _network("deep", **inputs)


def train_step(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
) -> dict:
    """Plain SGD: ``p ← p − lr·∇p`` for ``steps`` steps on the same batch."""
    layers = linear_layers("deep", input_dim, hidden_dim, num_classes, num_layers)
    params = {k: np.asarray(v, np.float64) for k, v in weights.items()}
    losses = []
    for _ in range(steps):
        _, loss, grads = forward_backward(layers, params, x, labels)
        losses.append(loss)
        params = {k: p - lr * grads[k] for k, p in params.items()}
    return {"losses": np.array(losses), **{f"param.{k}": p for k, p in params.items()}}
