from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed, f64
from shared.cases.advanced._linear import LINEAR, linear_inputs
from shared.cases.model import Case, Text
from shared.names import pick

CASE = Case(
    "advanced.grad_mean",
    "autograd.grad(mean(X @ w), w) == X.mean(0)",
    (867, 881),
    "autograd.grad is torch's closest match to JAX's style: the gradient comes back as a value "
    "and .grad is left alone, so nothing needs resetting. The answer is easy to check by hand: "
    "the mean of X @ w is linear in w, so its gradient is the mean row of X, X.mean(0).",
    differs="torch.autograd.grad differentiates a recorded graph; jax.grad(f) turns f into "
    "its gradient function.",
    takes=LINEAR,
    returns="``grad``: the gradient of ``mean(x @ w)`` with respect to ``w``.",
    ru=Text(
        title="Градиент среднего: autograd.grad(mean(X @ w), w) == X.mean(0)",
        explanation="autograd.grad ближе всего в torch к стилю JAX: градиент возвращается как "
        "значение, а .grad не трогается, так что ничего не нужно обнулять. Ответ легко проверить "
        "вручную: среднее X @ w линейно по w, поэтому его градиент — средняя строка X, то есть "
        "X.mean(0).",
        differs="torch.autograd.grad дифференцирует записанный граф; jax.grad(f) превращает f в "
        "функцию её градиента.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return linear_inputs(rng, *pick(size, test=(4, 6), lesson=(5, 10)))


def oracle(*, x: np.ndarray, w: np.ndarray) -> Expected:
    (x,) = f64(x)
    return {"grad": Summed(x.mean(axis=0), np.abs(x).mean(axis=0), len(x) + 1)}
