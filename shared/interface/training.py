"""The lesson's conclusion, measured: one method per case id ``training.<name>``.

The network's initial parameters arrive as ``weights`` in the shared format (torch names and
layouts, ``shared.data.modules.linear_layers``); the final ones are returned the same way
(``param.fc_in.0.weight``), whatever the framework calls them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Training(Protocol):
    def to_accuracy(
        self,
        *,
        x_train: Array,
        y_train: Array,
        x_test: Array,
        y_test: Array,
        order: Array,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        lr: float,
        momentum: float,
        device: str,
    ) -> Outputs:
        """``DeepNetwork`` trained from ``weights`` with SGD (``lr``, ``momentum``) on the
        batches ``x_train[order[epoch, step]]``, every epoch of ``order``: ``losses`` (one per
        step, before its update), ``correct`` (test images classified right after each epoch)
        and ``param.<name>`` after the last step."""
        ...
