"""Section 5, grad modes: one method per case id ``modes.<name>``.

Observations are torch's flags (``requires_grad``, ``is_inference``); JAX has no such flags and
returns only the values, which must agree with torch's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Modes(Protocol):
    def enable_grad(self, *, x: Array) -> Outputs:
        """Inside a no-grad region: ``off = 3x``; re-enabled inside it: ``on = 2x``.

        Returns ``on``, ``off``, ``grad`` (of ``sum(on + off)`` w.r.t. ``x``) and, in torch,
        ``on_requires_grad`` and ``off_requires_grad``.
        """
        ...

    def no_grad(self, *, x: Array) -> Outputs:
        """``doubled = x + x`` in a no-grad block, ``shifted = x + 2`` from a no-grad function.

        Returns both, ``grad`` (of ``sum(doubled + shifted + x)`` w.r.t. ``x``) and, in torch,
        ``context_requires_grad`` and ``decorator_requires_grad``.
        """
        ...

    def inference_mode(self, *, x: Array, w: Array) -> Outputs:
        """``y = 2x`` made in inference mode (JAX: a jitted function), then used with ``w``.

        Returns ``y``, ``error`` (class name, ``""`` if none) and ``message`` of using ``y`` in
        a graph, ``grad`` of ``sum(y * w)`` w.r.t. ``w`` (torch: after cloning ``y``), and in
        torch ``is_inference``.
        """
        ...

    def item_leak(self, *, x: np.ndarray, w: np.ndarray, steps: int, device: str) -> Outputs:
        """``steps`` times: put the batch ``x`` on ``device``, ``loss = ‖x @ w‖``, store it.

        Once storing the framework's loss (``stored_losses``), once a Python float
        (``item_losses``). Returns both, ``stored_bytes_per_loss`` and ``item_bytes_per_loss``
        (device memory kept per stored loss), ``stored_keeps_batch`` and ``item_keeps_batch``
        (at least the batch's bytes kept per loss) and ``probe`` (how memory was measured).
        """
        ...

    def forward(
        self,
        *,
        x: Array,
        weights: Mapping[str, np.ndarray],
        dims: tuple[int, int, int, int],
        device: str,
    ) -> Outputs:
        """``DeepNetwork(*dims)``'s logits: ``out_tracked`` (ready for backward),
        ``out_untracked`` and, in torch, ``out_inference``; torch's flags for each."""
        ...
