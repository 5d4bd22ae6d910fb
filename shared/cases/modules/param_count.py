from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.modules._weights import LESSON_DIMS, Linear, linear_layers
from shared.names import pick


def _count(layers: list[Linear], frozen: str = "") -> tuple[int, int]:
    sizes = {n: int(np.prod(s)) for layer in layers for n, s in layer.shapes.items()}
    trainable = sum(v for n, v in sizes.items() if not (frozen and n.startswith(frozen + ".")))
    return sum(sizes.values()), trainable


DIMS = ", ".join(str(d) for d in LESSON_DIMS.values())
FIRST, _ = _count(linear_layers("first", **LESSON_DIMS))
DEEP, _ = _count(linear_layers("deep", **LESSON_DIMS, num_layers=2))
"""The lesson networks' parameter counts the texts quote, counted as :func:`oracle` counts."""

CASE = Case(
    "modules.param_count",
    "print_params_count: total and trainable parameters",
    (1094, 1104),
    f"The counts are the same in both frameworks: MyFirstNetwork({DIMS}) has {FIRST} "
    f"parameters, DeepNetwork({DIMS}, 2) {DEEP} (fc_in has no bias). 'Trainable' is where "
    "they part: torch's flag lives on each parameter, so a count can ask every one; in NNX "
    "nothing on the model says so, and trainable is whatever filter the optimizer's wrt= "
    "(and nnx.grad) is given.",
    differs="Freezing fc_in: requires_grad_(False) in torch, a filter for the optimizer's wrt= "
    "in NNX.",
    returns="``print_params_count`` of the lesson's networks: ``<net>.total``, ``<net>.trainable`` "
    "for ``first``, ``second``, ``deep2``, ``deep4`` and ``deep2_frozen`` (``fc_in`` frozen), as "
    "integer arrays.",
    ru=Text(
        title="print_params_count: всего параметров и из них обучаемых",
        explanation=f"Числа в обоих фреймворках одинаковые: у MyFirstNetwork({DIMS}) {FIRST} "
        f"параметра, у DeepNetwork({DIMS}, 2) — {DEEP} (у fc_in нет смещения). Расходятся они в "
        "том, что считать обучаемым: флаг torch хранится на каждом параметре, и подсчёт может "
        "спросить каждый; в NNX на модели об этом ничего не сказано, и обучаемо то, что "
        "выбирает фильтр, переданный в wrt= оптимизатора (и в nnx.grad).",
        differs="Заморозка fc_in: requires_grad_(False) в torch, фильтр для wrt= оптимизатора в "
        "NNX.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return dict(LESSON_DIMS)


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
