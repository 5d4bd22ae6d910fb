from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.modules._weights import LESSON_DIMS, Linear, linear_layers
from shared.names import pick

CASE = Case(
    "modules.param_count",
    "print_params_count: total and trainable parameters",
    (1094, 1104),
    "The same counts in both: MyFirstNetwork(64, 32, 2) has 3202 parameters, "
    "DeepNetwork(64, 32, 2, 2) 4226 (fc_in has no bias). Freezing fc_in is "
    "requires_grad_(False) in torch; NNX has no such flag: trainable is whatever filter "
    "the optimizer's wrt= (and nnx.grad) uses, here all Params outside fc_in — or the "
    "frozen arrays get a Variable type other than nnx.Param.",
    differs="Same counts (3202, 4226); freezing fc_in is requires_grad_(False) in torch, a "
    "filter for wrt= in NNX.",
    returns="``print_params_count`` of the lesson's networks: ``<net>.total``, ``<net>.trainable`` "
    "for ``first``, ``second``, ``deep2``, ``deep4`` and ``deep2_frozen`` (``fc_in`` frozen), as "
    "integer arrays.",
    ru=Text(
        title="print_params_count: всего параметров и из них обучаемых",
        explanation="Числа в обоих одинаковые: у MyFirstNetwork(64, 32, 2) 3202 параметра, у "
        "DeepNetwork(64, 32, 2, 2) — 4226 (у fc_in нет смещения). Заморозка fc_in в torch — это "
        "requires_grad_(False); в NNX такого флага нет: обучаемо то, что выбирает фильтр wrt= "
        "оптимизатора (и nnx.grad), здесь все Param вне fc_in, — или же замороженные массивы "
        "получают тип Variable, отличный от nnx.Param.",
        differs="Числа те же (3202, 4226); заморозка fc_in — это requires_grad_(False) в torch и "
        "фильтр для wrt= в NNX.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return dict(LESSON_DIMS)


def _count(layers: list[Linear], frozen: str = "") -> tuple[int, int]:
    sizes = {n: int(np.prod(s)) for layer in layers for n, s in layer.shapes.items()}
    trainable = sum(v for n, v in sizes.items() if not (frozen and n.startswith(frozen + ".")))
    return sum(sizes.values()), trainable


def oracle(*, input_dim: int, hidden_dim: int, num_classes: int) -> Expected:
    dims = (input_dim, hidden_dim, num_classes)
    counts = {
        "first": _count(linear_layers("first", *dims)),
        "second": _count(linear_layers("second", *dims)),
        "deep2": _count(linear_layers("deep", *dims, num_layers=2)),
        "deep4": _count(linear_layers("deep", *dims, num_layers=4)),
        "deep2_frozen": _count(linear_layers("deep", *dims, num_layers=2), frozen="fc_in"),
    }
    return {
        f"{net}.{kind}": np.int64(n)
        for net, (total, trainable) in counts.items()
        for kind, n in (("total", total), ("trainable", trainable))
    }
