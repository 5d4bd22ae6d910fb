"""The lesson's closing model, ResNet-101, the PyTorch way: ``torchvision.models.resnet101()``.

Compare with ``jax_impl/resnet.py``: same classes, same attribute names, same order. The
network is written out here as torchvision builds it (torchvision's CPU build cannot be
installed beside this project's CPU torch everywhere; ``tests/test_resnet.py`` checks the two
against each other wherever torchvision imports). Images are NCHW, channels first, and
BatchNorm keeps its running statistics as *buffers*: state in the ``state_dict`` that no
optimizer sees.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch
from torch import nn

from shared.validation import CaseInputError
from torch_impl.backend import torch_device
from torch_impl.modules import print_params_count


class Bottleneck(nn.Module):
    """1×1 conv → 3×3 conv (the stride) → 1×1 conv to four times the width, each followed by
    BatchNorm, and the input added back (through ``downsample`` where the shape changes)."""

    expansion = 4

    def __init__(
        self, inplanes: int, planes: int, stride: int = 1, downsample: nn.Module | None = None
    ) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, kernel_size=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * self.expansion, kernel_size=1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * self.expansion)
        self.relu = nn.ReLU(inplace=True)  # overwrites its input: no second activation buffer
        self.downsample = downsample

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        out += identity
        return self.relu(out)


class ResNet(nn.Module):
    """Stem (7×7 conv, stride 2; BatchNorm; ReLU; 3×3 max pool, stride 2), four stages of
    Bottlenecks, global average pooling and a ``Linear`` head."""

    def __init__(self, layers: tuple[int, ...], num_classes: int = 1000) -> None:
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, self.inplanes, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(self.inplanes)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(64, layers[0])
        self.layer2 = self._make_layer(128, layers[1], stride=2)
        self.layer3 = self._make_layer(256, layers[2], stride=2)
        self.layer4 = self._make_layer(512, layers[3], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512 * Bottleneck.expansion, num_classes)
        for m in self.modules():  # torchvision's initialisation
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def _make_layer(self, planes: int, blocks: int, stride: int = 1) -> nn.Sequential:
        downsample = None
        if stride != 1 or self.inplanes != planes * Bottleneck.expansion:
            downsample = nn.Sequential(
                nn.Conv2d(
                    self.inplanes,
                    planes * Bottleneck.expansion,
                    kernel_size=1,
                    stride=stride,
                    bias=False,
                ),
                nn.BatchNorm2d(planes * Bottleneck.expansion),
            )
        layers = [Bottleneck(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * Bottleneck.expansion
        layers += [Bottleneck(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        x = torch.flatten(self.avgpool(x), 1)
        return self.fc(x)


def resnet101(num_classes: int = 1000) -> ResNet:
    """``torchvision.models.resnet101()`` without pretrained weights: random initialisation."""
    return ResNet((3, 4, 23, 3), num_classes)


def load_state(model: nn.Module, state: Mapping[str, np.ndarray]) -> nn.Module:
    """Copy the shared format (``state_dict`` names and layouts, without
    ``num_batches_tracked``) into ``model``, parameters and running statistics; returns it.

    ``load_state_dict`` checks names and shapes itself; the counters it would miss are the
    model's own (torch counts BatchNorm's training batches, Flax does not).
    """
    tensors = {name: torch.tensor(np.asarray(value)) for name, value in state.items()}
    try:
        missing, unexpected = model.load_state_dict(tensors, strict=False)
    except RuntimeError as e:  # a wrong shape
        raise CaseInputError(f"cannot load the state into {type(model).__name__}: {e}") from None
    problems = [f"{n}: missing" for n in missing if not n.endswith("num_batches_tracked")]
    problems += [f"{n}: not in {type(model).__name__}" for n in unexpected]
    if problems:
        raise CaseInputError(
            f"cannot load the state into {type(model).__name__}: " + "; ".join(problems)
        )
    return model


def export_state(model: nn.Module) -> dict[str, np.ndarray]:
    """The model's ``state_dict`` as NumPy copies in the shared format."""
    return {
        name: value.detach().cpu().numpy().copy()
        for name, value in model.state_dict().items()
        if not name.endswith("num_batches_tracked")
    }


def param_count(*, num_classes: int) -> dict:
    """``net = resnet101(); print_params_count(net)``, and the buffers apart.

    Parameters are what ``parameters()`` yields; BatchNorm's running mean and variance are buffers,
    and a third buffer per BatchNorm is the ``num_batches_tracked`` counter.
    """
    net = resnet101(num_classes)
    total, trainable = print_params_count(net)
    buffers = dict(net.named_buffers())
    statistics = [b for name, b in buffers.items() if not name.endswith("num_batches_tracked")]
    return {
        "parameters": np.int64(total),
        "trainable": np.int64(trainable),
        "statistics": np.int64(sum(b.numel() for b in statistics)),
        "n_parameter_tensors": len(list(net.parameters())),
        "n_buffer_tensors": len(buffers),
        "n_buffer_elements": sum(b.numel() for b in buffers.values()),
    }


def transfer(*, state: Mapping[str, np.ndarray], shown: tuple[str, ...]) -> dict:
    """The shared weights into a fresh ResNet-101 and back out of it, unchanged.

    The shared format is torch's own: a convolution weight is (out, in, kh, kw), the head's
    ``fc.weight`` (out, in). Returns the ``shown`` tensors as they come back, how many of all of
    them come back bit for bit, and the layouts the model keeps.
    """
    model = load_state(resnet101(state["fc.weight"].shape[0]), state)
    back = export_state(model)
    return {
        **{f"state.{name}": back[name] for name in shown},
        "unchanged": sum(np.array_equal(back[name], value) for name, value in state.items()),
        "conv1_layout": ",".join(map(str, model.conv1.weight.shape)),
        "fc_layout": ",".join(map(str, model.fc.weight.shape)),
    }


def forward(*, x: torch.Tensor, state: Mapping[str, np.ndarray], device: str) -> dict:
    """Logits in eval mode and in train mode, and what one train-mode forward did to the last
    BatchNorm's running statistics.

    ``model.eval()`` makes BatchNorm use its running statistics; ``model.train()`` the statistics of
    the batch, and the forward pass then *updates* the running ones in place, the batch variance
    taken unbiased (÷ (n − 1)).
    """
    model = load_state(resnet101(state["fc.weight"].shape[0]), state).to(torch_device(device))
    last = model.layer4[-1].bn3
    with torch.no_grad():  # inference: no graph recorded
        model.eval()
        eval_logits = model(x)
        model.train()
        train_logits = model(x)
    return {
        "eval_logits": eval_logits,
        "train_logits": train_logits,
        "train_differs_from_eval": not torch.equal(eval_logits, train_logits),
        "last_bn.running_mean": last.running_mean,
        "last_bn.running_var_unbiased": last.running_var,
    }


def _forward_setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    """The eval-mode forward pass of ResNet-101, no graph recorded. For ``compile`` the harness
    wraps it in ``torch.compile``."""
    d = torch_device(device)
    model = load_state(resnet101(inputs["state"]["fc.weight"].shape[0]), inputs["state"]).to(d)
    model.eval()

    def predict(x: torch.Tensor) -> torch.Tensor:
        with torch.no_grad():
            return model(x)

    return predict, (torch.from_numpy(inputs["x"]).to(d),)


TIMED = {"resnet.forward": {"forward": _forward_setup}}
