from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import VECTORS
from shared.cases.draws import normal, uniform
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "autograd.clone_detach",
    "clone keeps the graph, detach cuts it; lax.stop_gradient",
    (794, 866),
    "In sum(x + x.clone() + y.detach()) x's gradient is 2 (the clone is a second path) "
    "and y gets none: torch leaves y.grad None, JAX's lax.stop_gradient gives zeros. "
    "detach() shares memory with the original, so writing into it changes the original; "
    "a loss built only from a detached copy cannot be backpropagated in torch, while JAX "
    "just returns a zero gradient. lax.stop_gradient outside a trace returns the array "
    "itself, memory and all, and that is harmless: nobody can write into it.",
    differs="torch: x.clone() stays in the graph, y.detach() leaves it (y.grad None); JAX: "
    "lax.stop_gradient(y), zeros.",
    expected={
        "torch": {
            "y_grad": "None",
            "clone_requires_grad": True,
            "detach_requires_grad": False,
            "detached_backward": "RuntimeError",
            "detach_shares_memory": True,
            "write_through_detached": True,
        },
        "jax": {
            "y_grad": "zeros",
            "detached_backward": "zeros",
            "detach_shares_memory": True,
        },
    },
    takes={**VECTORS, "p": Arg((None, None))},
    returns="``sum(x + x.clone() + y.detach())``: ``grad_x`` (2), ``vjp_grad_x``, ``y_grad`` "
    '(``"None"``/``"zeros"``); ``clone_grad`` (10), ``detached_backward``, '
    "``detach_shares_memory`` (and in torch ``write_through_detached``).",
    ru=Text(
        title="clone сохраняет связь с графом, detach её разрывает; lax.stop_gradient",
        explanation="В sum(x + x.clone() + y.detach()) градиент по x равен 2 (клон — второй путь "
        "к x), а y не получает ничего: torch оставляет y.grad равным None, lax.stop_gradient в "
        "JAX даёт нули. detach() разделяет память с исходным тензором, поэтому запись в результат "
        "меняет оригинал; функцию потерь, построенную только из отсоединённой копии, в torch "
        "нельзя продифференцировать обратным проходом, а JAX просто возвращает нулевой градиент. "
        "lax.stop_gradient вне трассировки возвращает сам массив, вместе с его памятью, и это "
        "безвредно: в него никто не может записать.",
        differs="torch: x.clone() остаётся в графе, y.detach() выходит из него (y.grad — None); "
        "JAX: lax.stop_gradient(y), нули.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(3, 4), lesson=(3, 4))
    return {
        "x": uniform(rng, n),
        "y": uniform(rng, n),
        "v": normal(rng, n),
        "p": uniform(rng, d, d),
    }


def oracle(*, x: np.ndarray, y: np.ndarray, v: np.ndarray, p: np.ndarray) -> Expected:
    """x + x.clone() + y.detach(): the clone is a second path to x (2), y gets nothing."""
    x, v, p = f64(x, v, p)
    return {"grad_x": 2 * np.ones_like(x), "vjp_grad_x": 2 * v, "clone_grad": 10 * np.ones_like(p)}
