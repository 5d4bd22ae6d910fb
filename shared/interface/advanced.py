"""Section 4, advanced differentiation: one method per case id ``advanced.<name>``.

``x`` is the lesson's ``X`` (n samples × d features), ``w`` the weights (d,). The MLP of
``per_sample_grads`` is the lesson's ``DeepNetwork(*dims)`` (``modules.py`` of each backend)
with ``weights`` in the shared format of ``shared.data.modules`` (torch names and layouts).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Advanced(Protocol):
    def grad_mean(self, *, x: Array, w: Array) -> Outputs:
        """``grad``: the gradient of ``mean(x @ w)`` with respect to ``w``."""
        ...

    def vjp(self, *, x: Array, w: Array, v: Array) -> Outputs:
        """``grad``: the vector-Jacobian product ``v @ J`` of ``w ↦ x @ w``."""
        ...

    def per_sample_grads(
        self,
        *,
        x: Array,
        w: Array,
        labels: Array,
        weights: Mapping[str, np.ndarray],
        dims: tuple[int, int, int, int],
        device: str,
    ) -> Outputs:
        """Per-sample gradients by every method the framework has.

        ``grads_<method>`` (n, d): the gradient of each ``(x @ w)[i]`` with respect to ``w``.
        ``grads_mlp_<method>`` (n, P): the gradient of each sample's cross-entropy
        (``DeepNetwork(*dims)`` on ``x``, class ``labels``) with respect to the network's
        parameters, in the shared (torch) layout, concatenated by sorted parameter name.
        Methods: ``shared.cases.advanced``. ``reuse_error`` and ``reuse_message``: what a
        second backward pass through the same graph (vjp function) without ``retain_graph``
        raises (``""`` if nothing).
        """
        ...

    def hessian(self, *, x: Array, w: Array) -> Outputs:
        """``S = w @ xᵀx @ w``: ``grad`` (made with a graph, for a second backward) and
        ``hessian_<method>`` (d, d) by every method the framework has."""
        ...

    def jvp_hvp(self, *, x: Array, w: Array, v: Array) -> Outputs:
        """``jvp``: the JVP of ``w ↦ x @ w`` in direction ``v`` (forward mode).

        ``hvp_<method>``: the Hessian of ``S = w @ xᵀx @ w`` times ``v``, by each method.
        """
        ...
