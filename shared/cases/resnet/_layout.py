"""ResNet-101's layout as plain data, and its weights drawn in the shared format.

ResNet-101 is built as ``torchvision.models.resnet101()`` builds it: a stem (7×7 convolution,
BatchNorm, ReLU, 3×3 max pool), four stages of Bottleneck blocks ([3, 4, 23, 3] of them) and a
``fc`` head after global average pooling. :func:`blocks` and :func:`state_shapes` describe it
without a framework: the shared weight format is torch's ``state_dict`` (names and layouts:
convolution weights (out, in, kh, kw), ``fc.weight`` (out, in)) minus ``num_batches_tracked``,
which only torch keeps. Each framework loads it with its own transfer functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

STAGES: tuple[int, ...] = (3, 4, 23, 3)
"""Bottleneck blocks per stage: ResNet-101 (ResNet-50 is (3, 4, 6, 3))."""

WIDTHS: tuple[int, ...] = (64, 128, 256, 512)
"""Each stage's inner width; a block's output has ``EXPANSION`` times as many channels."""

EXPANSION = 4
STEM_CHANNELS = 64
NUM_CLASSES = 1000
IN_CHANNELS = 3


class Block(NamedTuple):
    """One Bottleneck: 1×1 conv to ``width``, 3×3 conv (``stride``), 1×1 conv to 4·width.

    ``stride`` sits on the 3×3 convolution (torchvision's "ResNet V1.5"). The first block of
    each stage changes the channel count (and, after the first stage, halves the resolution),
    so its shortcut is a ``downsample``: a strided 1×1 convolution and a BatchNorm.
    """

    name: str
    in_channels: int
    width: int
    stride: int

    @property
    def out_channels(self) -> int:
        return self.width * EXPANSION

    @property
    def downsample(self) -> bool:
        return self.stride != 1 or self.in_channels != self.out_channels


def blocks(stages: tuple[int, ...] = STAGES) -> list[Block]:
    """Every Bottleneck in forward order, named as torch names them (``layer3.22``)."""
    found, channels = [], STEM_CHANNELS
    for stage, (count, width) in enumerate(zip(stages, WIDTHS, strict=True), start=1):
        for i in range(count):
            stride = 2 if stage > 1 and i == 0 else 1
            found.append(Block(f"layer{stage}.{i}", channels, width, stride))
            channels = width * EXPANSION
    return found


def _norm(name: str, channels: int) -> dict[str, tuple[int, ...]]:
    keys = ("weight", "bias", "running_mean", "running_var")
    return {f"{name}.{k}": (channels,) for k in keys}


def state_shapes(
    num_classes: int = NUM_CLASSES, stages: tuple[int, ...] = STAGES
) -> dict[str, tuple[int, ...]]:
    """The shared format: every parameter and BatchNorm statistic, in ``state_dict`` order."""
    shapes = {"conv1.weight": (STEM_CHANNELS, IN_CHANNELS, 7, 7), **_norm("bn1", STEM_CHANNELS)}
    for b in blocks(stages):
        for i, (cin, cout, k) in enumerate(
            [(b.in_channels, b.width, 1), (b.width, b.width, 3), (b.width, b.out_channels, 1)],
            start=1,
        ):
            shapes[f"{b.name}.conv{i}.weight"] = (cout, cin, k, k)
            shapes |= _norm(f"{b.name}.bn{i}", cout)
        if b.downsample:
            shapes[f"{b.name}.downsample.0.weight"] = (b.out_channels, b.in_channels, 1, 1)
            shapes |= _norm(f"{b.name}.downsample.1", b.out_channels)
    features = WIDTHS[-1] * EXPANSION
    return shapes | {"fc.weight": (num_classes, features), "fc.bias": (num_classes,)}


def is_statistic(name: str) -> bool:
    """A BatchNorm running statistic: state that is not trained (torch's buffers)."""
    return name.endswith(("running_mean", "running_var"))


def init_state(
    rng: np.random.Generator,
    calibrate: Callable[[dict[str, np.ndarray], np.ndarray], dict[str, np.ndarray]] | None = None,
    num_classes: int = NUM_CLASSES,
    stages: tuple[int, ...] = STAGES,
    image: int = 64,
) -> dict[str, np.ndarray]:
    """Random weights, as a trained network might have them, in float32.

    Convolutions as torchvision initialises them (Kaiming normal, fan-out); ``fc`` as
    ``nn.Linear`` does. BatchNorm's scale and shift are random (not torchvision's 1 and 0),
    so that a transfer that swapped or dropped one would show. Its running statistics are what
    training leaves behind: ``calibrate`` (the NumPy forward pass in train mode) returns the
    batch statistics of a calibration batch — with torchvision's initial ones (mean 0,
    variance 1), kept where ``calibrate`` is ``None`` (timing does not depend on them), eval
    mode would not normalise at all and activations would grow through the 33 residual
    additions.
    """
    state: dict[str, np.ndarray] = {}
    for name, shape in state_shapes(num_classes, stages).items():
        if name.startswith("fc."):
            bound = 1 / np.sqrt(WIDTHS[-1] * EXPANSION)  # nn.Linear's U(−1/√in, 1/√in)
            value = rng.uniform(-bound, bound, shape)
        elif len(shape) == 4:  # a convolution
            fan_out = shape[0] * shape[2] * shape[3]
            value = rng.standard_normal(shape, np.float32) * np.float32(np.sqrt(2 / fan_out))
        elif name.endswith(".weight"):
            value = rng.uniform(0.5, 1.5, shape)
        elif name.endswith(".bias"):
            value = rng.normal(0.0, 0.1, shape)
        elif name.endswith("running_mean"):
            value = np.zeros(shape)
        else:
            value = np.ones(shape)
        state[name] = value.astype(np.float32)
    if calibrate is None:
        return state
    batch = rng.standard_normal((4, IN_CHANNELS, image, image), np.float32)
    return state | calibrate(state, batch)
