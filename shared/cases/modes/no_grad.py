from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import uniform
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modes.no_grad",
    "no_grad as context and decorator vs lax.stop_gradient",
    (935, 960),
    "Why switch recording off: code that needs no gradient (evaluation, updating parameters by "
    "hand) would otherwise record a graph and keep its tensors alive for nothing. JAX records "
    "nothing unless a function is differentiated, so it only needs a way to mark a value constant "
    "inside one; the gradient through the rest is the same (ones).",
    differs="torch.no_grad() (a with-block or a decorator) stops recording; JAX wraps the "
    "values in lax.stop_gradient.",
    expected={"torch": {"context_requires_grad": False, "decorator_requires_grad": False}},
    takes={"x": Arg(None)},
    returns="``doubled = x + x`` in a no-grad block, ``shifted = x + 2`` from a no-grad "
    "function.\n\n"
    "Returns both, ``grad`` (of ``sum(doubled + shifted + x)`` w.r.t. ``x``) and, in torch, "
    "``context_requires_grad`` and ``decorator_requires_grad``.",
    ru=Text(
        title="no_grad как менеджер контекста и как декоратор против lax.stop_gradient",
        explanation="Зачем выключать запись: код, которому градиент не нужен (оценка модели, "
        "ручное обновление параметров), иначе записывал бы граф и держал его тензоры в памяти "
        "впустую. JAX ничего не записывает, пока функцию не дифференцируют, поэтому ему нужен "
        "лишь способ пометить значение внутри неё как константу; градиент через остальное тот же "
        "(единицы).",
        differs="torch.no_grad() (блок with или декоратор) выключает запись графа; в JAX значения "
        "оборачивают в lax.stop_gradient.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"x": uniform(rng, pick(size, test=3, lesson=3))}


def oracle(*, x: np.ndarray) -> Expected:
    x = x.astype(np.float64)
    # doubled and shifted are constants to autograd: only the plain `+ x` has a gradient.
    return {"doubled": 2 * x, "shifted": x + 2, "grad": np.ones_like(x)}
