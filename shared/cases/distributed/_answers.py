"""What the distributed cases' oracles share (moved from shared/oracles/distributed.py)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.answers import Summed
from shared.cases.modules._numpy import forward_backward
from shared.cases.modules._weights import linear_layers


def _per_example(layers: list, params: Mapping[str, np.ndarray], x, labels) -> dict:
    """``(1/B)·Σ_i |∇ℓ_i|``: the sum of absolute values behind each entry of the batch's mean
    gradient (one example's gradient is an outer product, so this is the Summed magnitude of
    the batch's ``dz.T @ h`` exactly)."""
    total: dict[str, np.ndarray] = {}
    for i in range(len(x)):
        _, _, grads = forward_backward(layers, params, x[i : i + 1], labels[i : i + 1])
        for k, g in grads.items():
            total[k] = total.get(k, 0.0) + np.abs(g)
    return {k: v / len(x) for k, v in total.items()}


def training_steps(
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
    workers: int,
) -> dict:
    """Plain SGD over the whole batch, the parameters after every step, and the bound on
    ``vs_single``, the gap between a distributed run and a one-device run of the same steps.

    Both runs compute a step's gradient ``(1/B)·Σ_i g_i`` over the B examples from the same
    parameters, in different orders: one device sums the batch in one chain; N workers each
    sum B/N examples and the all-reduce adds the N partial sums. Each result lies within
    ``γ(n)·M`` of the exact sum for its chain of ``n ≤ B + N + 1`` roundings, whatever the
    order (``shared.tolerances``), with ``M = (1/B)·Σ_i |g_i|``: together, the two differ by
    at most ``γ(2(B + N + 1))·M``. The update ``p − lr·g`` scales that by ``lr`` and rounds
    once more on each side (``u·|p|`` each), and a step's gap adds to those of the steps
    before, so after step k: ``|vs_single| ≤ γ(2(B + N + 2))·Σ_{j≤k} (lr·M_j + |p_j|)``.
    Left out, and far below the judge's absolute floor: the forward pass of half a batch may
    round differently from the whole batch's, and an earlier step's gap moves the later
    gradients by ``lr·H·gap`` (second order).
    """
    layers = linear_layers("deep", input_dim, hidden_dim, num_classes, num_layers)
    params = {k: np.asarray(v, np.float64) for k, v in weights.items()}
    losses, after, reach = [], {k: [] for k in params}, {k: [] for k in params}
    spread = {k: np.zeros_like(p) for k, p in params.items()}
    for _ in range(steps):
        _, loss, grads = forward_backward(layers, params, x, labels)
        size = _per_example(layers, params, x, labels)
        losses.append(loss)
        params = {k: p - lr * grads[k] for k, p in params.items()}
        for k, p in params.items():
            spread[k] = spread[k] + lr * size[k] + np.abs(p)
            after[k].append(p)
            reach[k].append(spread[k])
    terms = 2 * (len(x) + workers + 2)
    return {
        "losses": np.array(losses),
        **{f"param.{k}": np.stack(v) for k, v in after.items()},
        **{
            f"vs_single.{k}": Summed(np.zeros((steps, *params[k].shape)), np.stack(v), terms)
            for k, v in reach.items()
        },
    }
