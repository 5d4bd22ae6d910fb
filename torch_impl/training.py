"""The lesson's conclusion, the PyTorch way: a training loop that mutates the model in place.

Compare with ``jax_impl/training.py``: same functions, same names. The network, its loss and
its training step are the lesson's ``DeepNetwork`` and the step of ``torch_impl/modules.py``
(``zero_grad``, ``backward``, ``optimizer.step()``), here with momentum and driven over
epochs of shuffled batches of digits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import torch

from shared import backends
from shared.cases.training._record import TO_ACCURACY_MODES
from shared.run_modes import COMPILE
from shared.tooling import tooling
from shared.validation import require_indices
from torch_impl.backend import torch_device
from torch_impl.modules import DeepNetwork, _sgd_step
from torch_impl.modules_weights import _placed, export_weights

DIMS = ("input_dim", "hidden_dim", "num_classes", "num_layers")


def accuracy(model: torch.nn.Module, x_test: torch.Tensor, y_test: torch.Tensor) -> torch.Tensor:
    """Test images classified right: ``argmax`` of the logits against the labels, in eval
    mode (no Dropout or BatchNorm here, but the habit matters) and under ``no_grad``: no
    graph recorded."""
    model.eval()
    with torch.no_grad():
        return (model(x_test).argmax(dim=1) == y_test).sum()  # int64


@tooling
def check_order(order: torch.Tensor, x_train: torch.Tensor) -> None:
    """Refuse batch indices outside the training set with a ``CaseInputError`` (torch's own
    IndexError would not name the input)."""
    require_indices("order", int(order.min()), int(order.max()), len(x_train), "x_train")


def train_epoch(
    step: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
    x_train: torch.Tensor,
    y_train: torch.Tensor,
    batches: torch.Tensor,
) -> list[torch.Tensor]:
    """One epoch: a step on each batch ``x_train[idx]`` of the epoch's order; the losses."""
    return [step(x_train[idx], y_train[idx]) for idx in batches]


def to_accuracy(
    *,
    x_train: torch.Tensor,
    y_train: torch.Tensor,
    x_test: torch.Tensor,
    y_test: torch.Tensor,
    order: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    lr: float,
    momentum: float,
    device: str,
) -> dict:
    """DeepNetwork trained with ``torch.optim.SGD(momentum=…)``: every step mutates the model in
    place (``zero_grad``, ``backward`` fills ``.grad``, ``optimizer.step()``); after each epoch,
    the test images classified right.
    """
    check_order(order, x_train)
    model = _placed(DeepNetwork(input_dim, hidden_dim, num_classes, num_layers), weights, device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)

    def step(x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return _sgd_step(model, optimizer, x, labels)

    losses, correct = [], []
    for batches in order:  # one epoch: a row of batch indices per step
        model.train()
        losses += train_epoch(step, x_train, y_train, batches)
        correct.append(accuracy(model, x_test, y_test))
    return {
        "losses": torch.stack(losses),
        "correct": torch.stack(correct),
        **{f"param.{name}": value for name, value in export_weights(model).items()},
    }


@tooling
def _set_up(
    inputs: Mapping[str, Any], device: str
) -> tuple[torch.nn.Module, Callable, dict[str, torch.Tensor]]:
    """The model and optimizer from the shared weights, the step over them, the data on the
    device (labels and batch order as int64)."""
    model = _placed(DeepNetwork(**{k: inputs[k] for k in DIMS}), inputs["weights"], device)
    optimizer = torch.optim.SGD(model.parameters(), lr=inputs["lr"], momentum=inputs["momentum"])

    def step(x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        return _sgd_step(model, optimizer, x, labels)

    d = torch_device(device)
    data = {k: torch.as_tensor(inputs[k], device=d) for k in ("x_train", "x_test")}
    data |= {k: torch.as_tensor(inputs[k], device=d).long() for k in ("y_train", "y_test", "order")}
    return model, step, data


def _step_setup(inputs: Mapping[str, Any], device: str, mode: str) -> tuple:
    """One step on the first batch; ``compile``: the harness wraps it in ``torch.compile``."""
    _, step, data = _set_up(inputs, device)
    first = data["order"][0, 0]
    return step, (data["x_train"][first], data["y_train"][first])


def _epoch_setup(inputs: Mapping[str, Any], device: str, mode: str) -> tuple:
    """The first epoch of the order, step after step, batches gathered as the loop goes; each
    call trains one more epoch. ``compile``: the harness wraps the epoch in ``torch.compile``,
    which runs the loop (it breaks the graph at ``backward()``) and compiles the step's
    pieces."""
    _, step, data = _set_up(inputs, device)

    def epoch(x_train: torch.Tensor, y_train: torch.Tensor, batches: torch.Tensor) -> torch.Tensor:
        return torch.stack(train_epoch(step, x_train, y_train, batches))

    return epoch, (data["x_train"], data["y_train"], data["order"][0])


TIMED = {"training.to_accuracy": {"step": _step_setup, "epoch": _epoch_setup}}


@tooling
class Trainer:
    """Training as a user runs it, for ``bench/to_accuracy.py``, which times each phase:
    built (model, optimizer, data on the device), :meth:`compile` (``torch.compile``: the
    first step, a real one), then :meth:`train_epoch` and :meth:`correct` epoch after epoch.
    Modes: ``eager`` and ``compile`` (the step through ``torch.compile``)."""

    modes = TO_ACCURACY_MODES["torch"]

    def __init__(self, inputs: Mapping[str, Any], mode: str, device: str) -> None:
        if mode not in self.modes:
            raise backends.NotTimed(f"torch trains to accuracy in {', '.join(self.modes)}")
        self.model, step, self.data = _set_up(inputs, device)
        self.step = torch.compile(step) if mode == COMPILE else step
        self.mode, self.done = mode, []

    def compile(self) -> None:
        """``torch.compile`` compiles on the first call: the first step of the first epoch."""
        if self.mode == COMPILE:
            first = self.data["order"][0, 0]
            self.done = [self.step(self.data["x_train"][first], self.data["y_train"][first])]

    def first_step(self) -> bool:
        """The first step of the first epoch, unless :meth:`compile` took it; ``True``: the
        first step has been taken."""
        if not self.done:
            first = self.data["order"][0, 0]
            self.done = [self.step(self.data["x_train"][first], self.data["y_train"][first])]
        return True

    def train_epoch(self, epoch: int) -> np.ndarray:
        """Epoch ``epoch`` of the order (less the step taken before it); all its losses."""
        self.model.train()
        batches = self.data["order"][epoch][len(self.done) :]
        x, y = self.data["x_train"], self.data["y_train"]
        losses = self.done + train_epoch(self.step, x, y, batches)
        self.done = []
        return torch.stack(losses).cpu().numpy()

    def correct(self) -> int:
        return int(accuracy(self.model, self.data["x_test"], self.data["y_test"]))
