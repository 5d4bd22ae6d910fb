from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import uniform
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modes.inference_mode",
    "Inference tensors cannot enter autograd later",
    (939, 952),
    "inference_mode buys speed by dropping bookkeeping that autograd would need later, so its "
    "tensors are marked and refused if they ever reach a backward pass; clone() turns one into a "
    "normal tensor. JAX has no bookkeeping to drop: a jitted forward already is the fast path, "
    "and what it returns can enter a gradient later like any array.",
    differs="torch's inference tensor can't be used with a requires_grad tensor "
    "(RuntimeError); JAX has no inference mode.",
    expected={
        "torch": {"error": "RuntimeError", "is_inference": True},
        "jax": {"error": ""},
    },
    takes={"x": Arg(("n",)), "w": Arg(("n",))},
    unchecked={
        "message": "the framework's own error text, shown to the student; the error type is judged"
    },
    returns="``y = 2x`` made in inference mode (JAX: a jitted function), then used with ``w``.\n\n"
    'Returns ``y``, ``error`` (class name, ``""`` if none) and ``message`` of using ``y`` in a '
    "graph, ``grad`` of ``sum(y * w)`` w.r.t. ``w`` (torch: after cloning ``y``), and in torch "
    "``is_inference``.",
    ru=Text(
        title="Тензоры из режима инференса нельзя потом использовать в autograd",
        explanation="inference_mode выигрывает в скорости, отказываясь от учёта, который "
        "понадобился бы autograd позже, поэтому его тензоры помечены и отвергаются, если "
        "когда-нибудь попадут в обратный проход; clone() превращает такой тензор в обычный. В JAX "
        "отказываться не от чего: прямой проход под jit уже и есть быстрый путь, а то, что он "
        "возвращает, может позже войти в градиент, как любой массив.",
        differs="Тензор из torch.inference_mode() нельзя сочетать с тензором, требующим градиента "
        "(RuntimeError); в JAX режима нет.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=3, lesson=3)
    return {"x": uniform(rng, n), "w": uniform(rng, n)}


def oracle(*, x: np.ndarray, w: np.ndarray) -> Expected:
    y = 2 * x.astype(np.float64)
    return {"y": y, "grad": y}
