from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.resnet._state import calibrated_state
from shared.names import pick

TENSORS = 522
"""The tensors of the shared weights: ResNet-101's 314 parameters and its 104 BatchNorms'
running means and variances (torch's ``num_batches_tracked`` counters are not among them)."""

CASE = Case(
    "resnet.transfer",
    "Weights from torch to Flax and back: every layout change named",
    (1286, 1297),
    "Weights are all that two implementations of one network can share, so the conversion must be "
    f"exact: every tensor that goes in comes back out bit for bit, all {TENSORS} of them. Why Flax "
    "transposes at all: its convolutions and linear layers compute with the features last (NHWC "
    "images, x @ kernel), so a kernel's input dimension comes before its output one. The "
    "parameter paths stay the same (layer3.22.conv2): NNX's stages are nnx.List, which numbers "
    "blocks as nn.Sequential does.",
    differs="torch's layouts are the shared format; Flax transposes every kernel "
    "(OIHW → HWIO, (out, in) → (in, out)).",
    expected={
        "torch": {"conv1_layout": "64,3,7,7", "fc_layout": "1000,2048", "unchanged": TENSORS},
        "jax": {"conv1_layout": "7,7,3,64", "fc_layout": "2048,1000", "unchanged": TENSORS},
    },
    returns="``state`` loaded into a ResNet-101 and exported back: ``state.<name>`` for each "
    "``shown`` name, ``unchanged`` (how many of all tensors came back bit for bit) and the layouts "
    "``conv1_layout`` / ``fc_layout`` the framework stores them in.",
    ru=Text(
        title="Веса из torch во Flax и обратно: каждое изменение раскладки названо",
        explanation="Веса — единственное, что могут разделить две реализации одной сети, поэтому "
        "перенос должен быть точным: каждый загруженный тензор возвращается обратно бит в бит, "
        f"все {TENSORS}. Почему Flax вообще транспонирует: его свёртки и линейные слои вычисляют с "
        "признаками в последней оси (изображения NHWC, x @ kernel), поэтому у ядра входная "
        "размерность идёт раньше выходной. Пути к параметрам не меняются (layer3.22.conv2): "
        "стадии в NNX — это nnx.List, который нумерует блоки так же, как nn.Sequential.",
        differs="Раскладки torch и есть общий формат; Flax транспонирует каждое ядро "
        "(OIHW → HWIO, (out, in) → (in, out)).",
    ),
)


SHOWN: tuple[str, ...] = (
    "conv1.weight",
    "bn1.weight",
    "bn1.running_var",
    "layer1.0.conv2.weight",
    "layer1.0.downsample.0.weight",
    "layer3.22.bn3.running_mean",
    "fc.bias",
)
"""The tensors the transfer case returns, one of each kind (all 522 are counted; returning
them all would make every judgement compare 44.5 million numbers)."""


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)  # the state's values do not depend on the image size
    return {"state": calibrated_state(rng, 64), "shown": SHOWN}


def oracle(*, state: Mapping[str, np.ndarray], shown: tuple[str, ...]) -> Expected:
    return {f"state.{name}": np.asarray(state[name]) for name in shown}
