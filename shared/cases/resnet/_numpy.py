"""ResNet-101's forward pass written out in NumPy: the oracle of ``resnet.forward``.

Convolutions are sliding windows contracted with ``einsum`` (im2col and a matrix product);
everything else is a line of NumPy. The forward pass runs twice, in float64 (the answer) and
in float32 (how far one float32 implementation strays on this network and input: the yardstick
of :class:`shared.oracles.Deep`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.cases.modules._numpy import BATCHNORM_EPS
from shared.cases.resnet._layout import STAGES, blocks


def conv2d(x: np.ndarray, weight: np.ndarray, stride: int = 1, padding: int = 0) -> np.ndarray:
    """``nn.Conv2d`` without bias: NCHW input, (out, in, kh, kw) weight."""
    kh, kw = weight.shape[2:]
    padded = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (kh, kw), axis=(2, 3))
    windows = windows[:, :, ::stride, ::stride]  # (n, in, out_h, out_w, kh, kw)
    return np.einsum("nchwij,ocij->nohw", windows, weight, optimize=True)


def max_pool(x: np.ndarray) -> np.ndarray:
    """``nn.MaxPool2d(3, stride=2, padding=1)``: the padding is −inf, never the maximum."""
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (3, 3), axis=(2, 3))
    return windows[:, :, ::2, ::2].max(axis=(4, 5))


Stats = dict[str, tuple[np.ndarray, np.ndarray, int]]
"""BatchNorm name → (batch mean, biased batch variance, values per channel) seen by a
train-mode forward pass."""


def _batch_norm(
    x: np.ndarray, state: Mapping[str, np.ndarray], name: str, train: bool, seen: Stats
) -> np.ndarray:
    if train:
        mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
        seen[name] = (mean, var, x.size // x.shape[1])
    else:
        mean, var = state[f"{name}.running_mean"], state[f"{name}.running_var"]
    scale = state[f"{name}.weight"] / np.sqrt(var + BATCHNORM_EPS)
    shift = state[f"{name}.bias"] - mean * scale
    return x * scale[:, None, None] + shift[:, None, None]


def run_network(
    state: Mapping[str, np.ndarray],
    x: np.ndarray,
    *,
    train: bool,
    dtype: type = np.float64,
    stages: tuple[int, ...] = STAGES,
) -> tuple[np.ndarray, Stats]:
    """Logits of ``x`` (NCHW) in ``dtype``, and the batch statistics train mode used."""
    s = {k: np.asarray(v, dtype) for k, v in state.items()}
    seen: Stats = {}

    def conv_bn(h: np.ndarray, conv: str, bn: str, stride: int = 1, padding: int = 0):
        return _batch_norm(conv2d(h, s[f"{conv}.weight"], stride, padding), s, bn, train, seen)

    h = np.maximum(conv_bn(np.asarray(x, dtype), "conv1", "bn1", 2, 3), 0)
    h = max_pool(h)
    for b in blocks(stages):
        out = np.maximum(conv_bn(h, f"{b.name}.conv1", f"{b.name}.bn1"), 0)
        out = np.maximum(conv_bn(out, f"{b.name}.conv2", f"{b.name}.bn2", b.stride, 1), 0)
        out = conv_bn(out, f"{b.name}.conv3", f"{b.name}.bn3")
        identity = h
        if b.downsample:
            identity = conv_bn(h, f"{b.name}.downsample.0", f"{b.name}.downsample.1", b.stride)
        h = np.maximum(out + identity, 0)
    features = h.mean(axis=(2, 3))
    return features @ s["fc.weight"].T + s["fc.bias"], seen


def batch_statistics(state: Mapping[str, np.ndarray], batch: np.ndarray) -> dict[str, np.ndarray]:
    """Running statistics as a calibration batch leaves them (float32): its batch mean and
    unbiased variance at every BatchNorm (torch's update with momentum 1)."""
    _, seen = run_network(state, batch, train=True, dtype=np.float32)
    out = {}
    for name, (mean, var, n) in seen.items():
        out[f"{name}.running_mean"] = mean
        out[f"{name}.running_var"] = (var * n / (n - 1)).astype(np.float32)
    return out
