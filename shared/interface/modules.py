"""Section 6, modules and MLPs: one method per case id ``modules.<name>``.

Network cases receive their parameters as ``weights``: NumPy arrays in the shared format
(torch names and layouts, see ``shared.data.modules.linear_layers``), loaded into each
framework's network with its ``load_weights``; the outputs name gradients and parameters the
same way (``grad.fc_in.0.weight``, ``param.fc_out.bias``), whatever the framework calls them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Modules(Protocol):
    def identity(self, *, x: Array) -> Outputs:
        """The lesson's ``Identity`` module applied to ``x``.

        Returns ``output``, ``is_input`` (the very object passed in) and ``repr``.
        """
        ...

    def registration(self) -> Outputs:
        """A module holding one attribute of each kind; which ones are parameters or state.

        Returns observations: ``parameter_names`` and ``buffer_names`` (comma-joined, each
        framework's own names), ``n_params`` (elements), ``plain_array_is_parameter``,
        ``plain_array_in_state``, ``python_list_error`` (what assigning a plain list of
        parameters raises, ``""`` if nothing) and ``python_list_registered``.
        """
        ...

    def api(self, *, x: Array, weight: Array, bias: Array, device: str) -> Outputs:
        """``Linear(weight, bias) → BatchNorm → Dropout(0.5)`` through the module API.

        Returns ``eval_output`` (eval mode: running statistics, no dropout), the observations
        ``n_parameter_tensors``, ``parameter_names``, ``buffer_names``,
        ``eval_deterministic``, ``train_deterministic``, ``frozen_grad_is_none`` (the first
        layer frozen, then a gradient taken), ``bn_new_batch_weight`` (the share of a new
        batch in the running mean) and, after moving to ``device`` as bfloat16,
        ``moved_dtype`` and ``moved_on_device``.
        """
        ...

    def param_count(self, *, input_dim: int, hidden_dim: int, num_classes: int) -> Outputs:
        """``print_params_count`` of the lesson's networks: ``<net>.total``, ``<net>.trainable``
        for ``first``, ``second``, ``deep2``, ``deep4`` and ``deep2_frozen`` (``fc_in`` frozen),
        as integer arrays."""
        ...

    def first_network(
        self,
        *,
        x: Array,
        labels: Array,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        device: str,
    ) -> Outputs:
        """``MyFirstNetwork`` with ``weights``: ``logits`` of ``x``, ``logits_ones`` of the
        lesson's ``ones((4, input_dim))``, the cross-entropy ``loss`` on ``labels`` and its
        gradient ``grad.<name>`` for every parameter."""
        ...

    def second_network(
        self,
        *,
        x: Array,
        labels: Array,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        device: str,
    ) -> Outputs:
        """As :meth:`first_network`, for ``MySecondNetwork``."""
        ...

    def deep_network(
        self,
        *,
        x: Array,
        labels: Array,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        device: str,
    ) -> Outputs:
        """As :meth:`first_network`, for ``DeepNetwork`` with ``num_layers`` hidden blocks."""
        ...

    def train_step(
        self,
        *,
        x: Array,
        labels: Array,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        steps: int,
        lr: float,
        device: str,
    ) -> Outputs:
        """``steps`` SGD steps (learning rate ``lr``) of cross-entropy on one batch, from
        ``weights``: ``losses`` (one per step, before its update) and ``param.<name>`` after."""
        ...
