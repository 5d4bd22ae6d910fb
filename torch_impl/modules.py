"""Section 6, modules and MLPs, the PyTorch way: stateful ``nn.Module`` objects.

Compare with ``jax_impl/modules.py``: same classes, same attribute names, same order. A torch
module *owns* its parameters (tensors with ``requires_grad``) and registers whatever is assigned
to it as an ``nn.Parameter`` or ``nn.Module``; gradients land in ``p.grad`` after
``backward()`` and an optimizer mutates the parameters in place.

Beside it, what a student need not read: ``modules_checks.py`` (the batch check),
``modules_weights.py`` (the shared weights in and out) and ``modules_timing.py`` (the benchmark
setup, ``TIMED``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch
from torch import nn

from shared.tooling import timed_apart
from torch_impl.backend import torch_device
from torch_impl.modules_checks import check_batch
from torch_impl.modules_weights import _placed, export_weights


class Identity(nn.Module):
    """Seed lines 1017–1038: ``forward`` returns its input; ``__repr__`` names the module."""

    def __init__(self) -> None:
        super().__init__()  # sets up the registries of parameters, buffers and submodules

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x

    def __repr__(self) -> str:
        return "Identity()"


def identity(*, x: torch.Tensor) -> dict:
    """``Identity()(x)`` is ``x`` itself: ``nn.Module.__call__`` runs hooks, then ``forward``.

    ``repr(layer)`` is what ``__repr__`` says.
    """
    layer = Identity()
    out = layer(x)  # nn.Module.__call__ runs hooks, then forward
    return {"output": out, "is_input": out is x, "repr": repr(layer)}


class Registration(nn.Module):
    """Seed lines 1052–1076: what ``nn.Module.__setattr__`` registers, and what it ignores."""

    def __init__(self) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(3))  # registered: an nn.Parameter
        self.plain = torch.zeros(3)  # a plain tensor: invisible to the module
        self.register_buffer("running_mean", torch.zeros(3))  # state, but not trained
        self.plist = nn.ParameterList([nn.Parameter(torch.ones(2))])
        self.pdict = nn.ParameterDict({"a": nn.Parameter(torch.ones(2))})
        self.mlist = nn.ModuleList([nn.Linear(2, 2)])
        self.mdict = nn.ModuleDict({"head": nn.Linear(2, 2)})
        self.seq = nn.Sequential(nn.Linear(2, 2), nn.ReLU())


def registration() -> dict:
    """A plain Python list of parameters is accepted *silently* and never registered: the
    optimizer would not see them. The containers (``ParameterList``, ``ModuleDict``, …) fix it."""
    module = Registration()
    python_list_error = ""
    try:
        module.python_list = [nn.Parameter(torch.ones(2))]
    except (TypeError, ValueError) as e:  # what a refusal would look like; torch raises none
        python_list_error = type(e).__name__
    names = [name for name, _ in module.named_parameters()]
    return {
        "parameter_names": ",".join(names),
        "buffer_names": ",".join(name for name, _ in module.named_buffers()),
        "n_params": sum(p.numel() for p in module.parameters()),
        "plain_array_is_parameter": "plain" in names,
        "plain_array_in_state": "plain" in module.state_dict(),
        "python_list_error": python_list_error,
        "python_list_registered": any(n.startswith("python_list") for n in names),
    }


def _api_model(weight: torch.Tensor, bias: torch.Tensor) -> nn.Sequential:
    linear = nn.Linear(weight.shape[1], weight.shape[0])
    with torch.no_grad():
        linear.weight.copy_(weight)
        linear.bias.copy_(bias)
    return nn.Sequential(linear, nn.BatchNorm1d(weight.shape[0]), nn.Dropout(0.5))


def api(*, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, device: str) -> dict:
    """The ``nn.Module`` methods the lesson lists, on ``Linear → BatchNorm1d → Dropout``.

    ``requires_grad_(False)`` is a flag on each parameter: ``backward()`` leaves its ``.grad``
    ``None``. ``.to(device, dtype)`` converts parameters *and* floating-point buffers in place.
    ``train()``/``eval()`` flip ``module.training`` recursively, which BatchNorm and Dropout read.
    """
    model = _api_model(weight, bias).to(x.device)
    model.eval()
    eval_output = model(x)
    eval_deterministic = torch.equal(eval_output, model(x))
    model.train()
    torch.manual_seed(0)
    train_deterministic = torch.equal(model(x), model(x))

    model[0].requires_grad_(False)
    model(x).sum().backward()
    frozen_grad_is_none = model[0].weight.grad is None and model[1].weight.grad is not None

    moved = model.to(torch_device(device), torch.bfloat16)  # in place: returns the same module
    return {
        "eval_output": eval_output,
        "n_parameter_tensors": len(list(model.parameters())),
        "parameter_names": ",".join(name for name, _ in model.named_parameters()),
        "buffer_names": ",".join(name for name, _ in model.named_buffers()),
        "eval_deterministic": eval_deterministic,
        "train_deterministic": train_deterministic,
        "frozen_grad_is_none": frozen_grad_is_none,
        "bn_new_batch_weight": str(model[1].momentum),
        "moved_dtype": str(moved[0].weight.dtype).removeprefix("torch."),
        "moved_on_device": moved[0].weight.device == torch_device(device),
    }


def print_params_count(model: nn.Module) -> tuple[int, int]:
    """Seed lines 1094–1104: all parameters, and those with ``requires_grad``."""
    total_params = sum(p.numel() for p in model.parameters())
    total_params_grad = sum(p.numel() for p in model.parameters() if p.requires_grad)
    print(f"{type(model).__name__}: {total_params} parameters, {total_params_grad} trainable")
    return total_params, total_params_grad


def param_count(*, input_dim: int, hidden_dim: int, num_classes: int) -> dict:
    """``print_params_count`` of each lesson network: all parameters, and those that train.

    Freezing ``fc_in`` is a flag on its parameters (``requires_grad_(False)``).
    """
    dims = (input_dim, hidden_dim, num_classes)
    frozen = DeepNetwork(*dims, num_layers=2)
    frozen.fc_in.requires_grad_(False)
    models = {
        "first": MyFirstNetwork(*dims),
        "second": MySecondNetwork(*dims),
        "deep2": DeepNetwork(*dims, num_layers=2),
        "deep4": DeepNetwork(*dims, num_layers=4),
        "deep2_frozen": frozen,
    }
    out = {}
    for name, model in models.items():
        total, trainable = print_params_count(model)
        out[f"{name}.total"], out[f"{name}.trainable"] = np.int64(total), np.int64(trainable)
    return out


class MyFirstNetwork(nn.Module):
    """Seed lines 1115–1149: three ``Linear`` layers with a named ``ReLU`` after two of them."""

    def __init__(self, input_dim: int, hidden_dim: int, num_classes: int) -> None:
        super().__init__()
        self.input_dim = input_dim  # a plain int: not a parameter, not a buffer
        self.fc_in = nn.Linear(in_features=input_dim, out_features=hidden_dim, bias=True)
        # ReLU has no state, so one module could serve both places; the lesson names each.
        self.relu1 = nn.ReLU()
        self.fc_hidden = nn.Linear(hidden_dim, hidden_dim, bias=True)
        self.relu2 = nn.ReLU()
        self.fc_out = nn.Linear(hidden_dim, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_batch(x, self.input_dim, self.fc_in.weight.dtype)
        x = self.relu1(self.fc_in(x))  # (B, hidden)
        x = self.relu2(self.fc_hidden(x))  # (B, hidden)
        return self.fc_out(x)  # (B, classes)


class MySecondNetwork(nn.Module):
    """Seed lines 1184–1212: the same network with each ``Linear`` and its ``ReLU`` in a block.

    The seed's text is garbled (a stray ``Linear`` and ``ReLU`` in ``fc_hidden``); read as
    Linear+ReLU, Linear+ReLU, Linear, so its parameters are ``MyFirstNetwork``'s.
    """

    def __init__(self, input_dim: int, hidden_dim: int, num_classes: int) -> None:
        super().__init__()
        self.input_dim = input_dim
        self.fc_in = nn.Sequential(
            nn.Linear(in_features=input_dim, out_features=hidden_dim, bias=True), nn.ReLU()
        )
        self.fc_hidden = nn.Sequential(nn.Linear(hidden_dim, hidden_dim, bias=True), nn.ReLU())
        self.fc_out = nn.Linear(hidden_dim, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_batch(x, self.input_dim, self.fc_in[0].weight.dtype)
        x = self.fc_in(x)
        x = self.fc_hidden(x)
        return self.fc_out(x)


class DeepNetwork(nn.Module):
    """Seed lines 1229–1250: ``num_layers`` hidden blocks in an ``nn.Sequential``.

    ``fc_in`` has no bias (as in the lesson), so DeepNetwork(64, 32, 2, 2) has
    64·32 + 2·(32·32 + 32) + (32·2 + 2) = 4226 parameters.
    """

    def __init__(self, input_dim: int, hidden_dim: int, num_classes: int, num_layers: int) -> None:
        super().__init__()
        self.input_dim = input_dim
        self.fc_in = nn.Sequential(
            nn.Linear(in_features=input_dim, out_features=hidden_dim, bias=False), nn.ReLU()
        )
        self.layers = nn.Sequential(
            *[
                nn.Sequential(nn.Linear(hidden_dim, hidden_dim), nn.ReLU())
                for _ in range(num_layers)
            ]
        )
        self.fc_out = nn.Linear(hidden_dim, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_batch(x, self.input_dim, self.fc_in[0].weight.dtype)
        x = self.fc_in(x)
        x = self.layers(x)
        return self.fc_out(x)


def _loss(model: nn.Module, x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    return nn.functional.cross_entropy(model(x), labels.long())  # class indices must be int64


def _run_network(model: nn.Module, x: torch.Tensor, labels: torch.Tensor) -> dict:
    """Logits of ``x`` and of the lesson's ``torch.ones((4, input_dim))``, the loss, and the
    gradients that ``backward()`` leaves in each parameter's ``.grad``."""
    loss = _loss(model, x, labels)
    loss.backward()
    with torch.no_grad():
        logits = model(x)
        logits_ones = model(torch.ones((4, model.input_dim), device=x.device))
    return {
        "logits": logits,
        "logits_ones": logits_ones,
        "loss": loss.detach(),
        **{f"grad.{name}": p.grad for name, p in model.named_parameters()},
    }


def first_network(
    *,
    x: torch.Tensor,
    labels: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    device: str,
) -> dict:
    """MyFirstNetwork with the shared weights: logits, loss, and each parameter's ``.grad``.

    ``loss.backward()`` leaves the gradients on the parameters.
    """
    model = _placed(MyFirstNetwork(input_dim, hidden_dim, num_classes), weights, device)
    return _run_network(model, x, labels)


def second_network(
    *,
    x: torch.Tensor,
    labels: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    device: str,
) -> dict:
    """MySecondNetwork: each ``Linear`` and its ``ReLU`` in an ``nn.Sequential`` block.

    ``nn.Sequential`` numbers its children, so a gradient is named like ``grad.fc_in.0.weight``.
    """
    model = _placed(MySecondNetwork(input_dim, hidden_dim, num_classes), weights, device)
    return _run_network(model, x, labels)


def deep_network(
    *,
    x: torch.Tensor,
    labels: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    device: str,
) -> dict:
    """DeepNetwork: ``num_layers`` hidden blocks nested in an ``nn.Sequential``, ``fc_in`` without
    bias; logits, loss and ``.grad`` as in ``first_network``.
    """
    model = DeepNetwork(input_dim, hidden_dim, num_classes, num_layers)
    return _run_network(_placed(model, weights, device), x, labels)


def _sgd_step(
    model: nn.Module, optimizer: torch.optim.Optimizer, x: torch.Tensor, labels: torch.Tensor
) -> torch.Tensor:
    """One training step as every torch loop writes it: mutates the parameters in place."""
    optimizer.zero_grad()
    loss = _loss(model, x, labels)
    loss.backward()
    optimizer.step()
    return loss.detach()


def train_step(
    *,
    x: torch.Tensor,
    labels: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
    device: str,
) -> dict:
    """``steps`` SGD steps on a DeepNetwork: ``zero_grad``, ``backward`` fills ``.grad``, and
    ``optimizer.step()`` updates the parameters in place.
    """
    model = _placed(DeepNetwork(input_dim, hidden_dim, num_classes, num_layers), weights, device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = torch.stack([_sgd_step(model, optimizer, x, labels) for _ in range(steps)])
    return {
        "losses": losses,
        **{f"param.{name}": value for name, value in export_weights(model).items()},
    }


__getattr__ = timed_apart(__name__)  # TIMED, the benchmark setup: modules_timing.py
