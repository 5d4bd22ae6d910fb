from __future__ import annotations

import numpy as np

from shared.answers import Expected, dot
from shared.cases.advanced._linear import LINEAR, linear_inputs
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "advanced.vjp",
    "grad_outputs=v, a vector-Jacobian product == v @ X",
    (883, 890),
    "A backward pass never forms the Jacobian: for a vector output it computes v @ J, one "
    "combination of J's rows, for a small multiple of the forward pass's cost. Reverse mode is "
    "this product; a gradient is the special case of a scalar output, where v is 1. Here J is X, "
    "so the answer is v @ X.",
    differs="torch passes grad_outputs=v to autograd.grad; jax.vjp returns the output and a "
    "function mapping v to v @ J.",
    takes={**LINEAR, "v": Arg(("n",))},
    returns="``grad``: the vector-Jacobian product ``v @ J`` of ``w ↦ x @ w``.",
    ru=Text(
        title="grad_outputs=v: произведение вектора на якобиан == v @ X",
        explanation="Обратный проход никогда не строит якобиан: для векторного выхода он "
        "вычисляет v @ J — одну комбинацию строк J — по цене нескольких прямых проходов. Обратный "
        "режим дифференцирования и есть это произведение; градиент — частный случай скалярного "
        "выхода, где v равен 1. Здесь J — это X, поэтому ответ — v @ X.",
        differs="torch передаёт grad_outputs=v в autograd.grad; jax.vjp возвращает выход и "
        "функцию, переводящую v в v @ J.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(4, 6), lesson=(5, 10))
    return {**linear_inputs(rng, n, d), "v": normal(rng, n)}


def oracle(*, x: np.ndarray, w: np.ndarray, v: np.ndarray) -> Expected:
    return {"grad": dot(v, x)}
