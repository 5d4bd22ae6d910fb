"""The lesson's closing model, ResNet-101: one method per case id ``resnet.<name>``.

Weights travel in one neutral format, torch's ``state_dict`` (names and layouts, without
``num_batches_tracked``): NumPy arrays, see ``shared.data.resnet.state_shapes``. Images are
NCHW, as torch takes them; the JAX side makes them NHWC itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Resnet(Protocol):
    def param_count(self, *, num_classes: int) -> Outputs:
        """``print_params_count(resnet101())``: ``parameters`` and ``trainable`` (elements),
        ``statistics`` (BatchNorm running means and variances), as integer arrays; the
        observations ``n_parameter_tensors``, ``n_buffer_tensors`` and ``n_buffer_elements``
        (everything the framework keeps besides parameters)."""
        ...

    def transfer(self, *, state: Mapping[str, np.ndarray], shown: tuple[str, ...]) -> Outputs:
        """``state`` loaded into a ResNet-101 and exported back: ``state.<name>`` for each
        ``shown`` name, ``unchanged`` (how many of all tensors came back bit for bit) and the
        layouts ``conv1_layout`` / ``fc_layout`` the framework stores them in."""
        ...

    def forward(self, *, x: Array, state: Mapping[str, np.ndarray], device: str) -> Outputs:
        """ResNet-101 with ``state`` on images ``x``: ``eval_logits``, ``train_logits``,
        ``train_differs_from_eval`` and, after the train-mode pass, the last BatchNorm's
        ``last_bn.running_mean`` and running variance (``last_bn.running_var_unbiased`` in
        torch, ``last_bn.running_var_biased`` in JAX)."""
        ...
