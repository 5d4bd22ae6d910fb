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
    "A tensor made under torch.inference_mode() is an inference tensor: autograd refuses "
    "to save it for a backward pass later (RuntimeError), until it is cloned into a normal "
    "tensor. JAX has no inference mode, so nothing is refused: a jitted forward is the "
    "fast path, and its outputs are ordinary arrays.",
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
        explanation="Тензор, созданный под torch.inference_mode(), — тензор режима инференса: "
        "autograd отказывается сохранять его для последующего обратного прохода (RuntimeError), "
        "пока его не склонируют в обычный тензор. В JAX режима инференса нет, поэтому ничего не "
        "запрещается: быстрый путь — это прямой проход под jit, и его выходы — обычные массивы.",
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
