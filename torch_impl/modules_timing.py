"""The benchmark setup of ``modules.train_step`` (torch): ``TIMED``, found by the harness as
``torch_impl.modules.TIMED`` (``shared.tooling.timed_apart``).

Mirrors ``jax_impl/modules_timing.py``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch

from torch_impl.backend import torch_device
from torch_impl.modules import DeepNetwork, _sgd_step
from torch_impl.modules_weights import _placed


def _train_step_setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    """One SGD step on a DeepNetwork. The timed function mutates the model, as training does;
    for ``compile`` the harness wraps it in ``torch.compile`` (graph breaks at ``backward()``
    and the optimizer step are torch.compile's own business)."""
    d = torch_device(device)
    dims = {k: inputs[k] for k in ("input_dim", "hidden_dim", "num_classes", "num_layers")}
    model = _placed(DeepNetwork(**dims), inputs["weights"], device)
    optimizer = torch.optim.SGD(model.parameters(), lr=inputs["lr"])

    def sgd_step(x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return _sgd_step(model, optimizer, x, labels)

    x = torch.from_numpy(inputs["x"]).to(d)
    labels = torch.from_numpy(inputs["labels"]).to(d, torch.int64)
    return sgd_step, (x, labels)


TIMED = {"modules.train_step": {"step": _train_step_setup}}
