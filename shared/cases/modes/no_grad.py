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
    "Results made under torch.no_grad() (as a with-block or a decorator) have "
    "requires_grad=False and take no part in a later backward. JAX's counterpart is "
    "lax.stop_gradient on the value; the gradient through the rest is the same (ones).",
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
        explanation="Результаты, полученные под torch.no_grad() (в блоке with или через "
        "декоратор), имеют requires_grad=False и не участвуют в последующем backward. В JAX "
        "аналог — lax.stop_gradient на значении; градиент через остальное тот же (единицы).",
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
