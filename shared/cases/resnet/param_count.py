from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.resnet._layout import NUM_CLASSES, is_statistic, state_shapes
from shared.names import pick

STATISTICS = 105_344
"""Elements of BatchNorm running statistics in ResNet-101: a mean and a variance per channel
of its 104 BatchNorms (:func:`oracle` counts them from the layout)."""

N_BATCHNORMS = 1 + 3 * (3 + 4 + 23 + 3) + 4
"""The stem's, three in each of the 33 Bottlenecks, one per stage's downsample shortcut."""

CASE = Case(
    "resnet.param_count",
    "net = resnet101(); print_params_count(net): parameters and buffers",
    (1286, 1297),
    "ResNet-101 has 44,549,160 parameters in both frameworks (torchvision's count), all "
    "trainable. BatchNorm's running mean and variance (105,344 numbers) are not "
    "parameters: torch keeps them as buffers, NNX as nnx.BatchStat variables. torch keeps "
    "one more buffer per BatchNorm, the num_batches_tracked counter (104 of them); NNX has "
    "no such counter. The JAX side counts a model built with nnx.eval_shape: shapes only, "
    "no 178 MB of random weights.",
    differs="Buffers in torch (with a num_batches_tracked counter per BatchNorm), "
    "nnx.BatchStat variables in NNX (no counter).",
    expected={
        "torch": {
            "n_parameter_tensors": 314,
            "n_buffer_tensors": 3 * N_BATCHNORMS,
            "n_buffer_elements": STATISTICS + N_BATCHNORMS,
        },
        "jax": {
            "n_parameter_tensors": 314,
            "n_buffer_tensors": 2 * N_BATCHNORMS,
            "n_buffer_elements": STATISTICS,
        },
    },
    returns="``print_params_count(resnet101())``: ``parameters`` and ``trainable`` (elements), "
    "``statistics`` (BatchNorm running means and variances), as integer arrays; the observations "
    "``n_parameter_tensors``, ``n_buffer_tensors`` and ``n_buffer_elements`` (everything the "
    "framework keeps besides parameters).",
    ru=Text(
        title="net = resnet101(); print_params_count(net): параметры и буферы",
        explanation="У ResNet-101 в обоих фреймворках 44 549 160 параметров (столько же "
        "насчитывает torchvision), и все обучаемые. Скользящие среднее и дисперсия BatchNorm "
        "(105 344 числа) — не параметры: torch хранит их как буферы, NNX — как переменные "
        "nnx.BatchStat. torch держит ещё по одному буферу на каждый BatchNorm — счётчик "
        "num_batches_tracked (их 104); в NNX такого счётчика нет. Сторона JAX считает модель, "
        "построенную через nnx.eval_shape: только формы, без 178 МБ случайных весов.",
        differs="Буферы в torch (со счётчиком num_batches_tracked у каждого BatchNorm), "
        "переменные nnx.BatchStat в NNX (без счётчика).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return {"num_classes": NUM_CLASSES}


def oracle(*, num_classes: int) -> Expected:
    shapes = state_shapes(num_classes)
    params = sum(int(np.prod(s)) for n, s in shapes.items() if not is_statistic(n))
    statistics = sum(int(np.prod(s)) for n, s in shapes.items() if is_statistic(n))
    return {
        "parameters": np.int64(params),
        "trainable": np.int64(params),
        "statistics": np.int64(statistics),
    }
