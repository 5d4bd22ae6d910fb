from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.resnet._layout import NUM_CLASSES, is_statistic, state_shapes
from shared.names import pick

PARAMETERS = 44_549_160
"""ResNet-101's parameters, torchvision's count (:func:`oracle` counts them from the layout)."""

STATISTICS = 105_344
"""Elements of BatchNorm running statistics in ResNet-101: a mean and a variance per channel
of its 104 BatchNorms (:func:`oracle` counts them from the layout)."""

N_BATCHNORMS = 1 + 3 * (3 + 4 + 23 + 3) + 4
"""The stem's, three in each of the 33 Bottlenecks, one per stage's downsample shortcut."""


def _ru(n: int) -> str:
    """A number as Russian text writes it: thousands apart by a narrow space."""
    return f"{n:,}".replace(",", "\u202f")


CASE = Case(
    "resnet.param_count",
    "net = resnet101(); print_params_count(net): parameters and buffers",
    (1286, 1297),
    f"ResNet-101 has {PARAMETERS:,} parameters in both frameworks (torchvision's count), all "
    "trainable. What a framework keeps besides them differs: BatchNorm's running mean and "
    f"variance ({STATISTICS:,} numbers) are state, not parameters, in both, but torch adds a "
    f"counter to every BatchNorm ({N_BATCHNORMS} of them) that NNX does without, so the "
    "weights both frameworks share (resnet.transfer) leave the counters out.",
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
        explanation=f"У ResNet-101 в обоих фреймворках {_ru(PARAMETERS)} параметров (столько "
        "же насчитывает torchvision), и все обучаемые. Различается то, что фреймворк хранит "
        f"помимо них: скользящие среднее и дисперсия BatchNorm ({_ru(STATISTICS)} числа) в обоих "
        "— состояние, а не параметры, но torch добавляет к каждому BatchNorm счётчик (их "
        f"{N_BATCHNORMS}), без которого NNX обходится, поэтому общие для двух фреймворков веса "
        "(resnet.transfer) счётчиков не содержат.",
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
