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
    "clone and detach are easy to mix up: clone copies the data and stays in the graph, detach "
    "keeps the data and leaves the graph. 'No gradient' then has two spellings: None in torch, "
    "where nothing flowed (and a loss with no path to a parameter cannot even be backpropagated), "
    "and zeros in JAX, the gradient of a function that does not depend on its input. A detached "
    "tensor shares the original's memory, so writing into it changes the original; a stopped JAX "
    "array may share memory too, harmlessly, since nobody can write into it.",
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
        explanation="clone и detach легко перепутать: clone копирует данные и остаётся в графе, "
        "detach сохраняет данные и выходит из графа. «Нет градиента» тогда записывается двумя "
        "способами: None в torch, где ничего не протекло (а функцию потерь, от которой нет пути к "
        "параметру, нельзя даже продифференцировать обратным проходом), и нули в JAX — градиент "
        "функции, которая не зависит от своего входа. Отсоединённый тензор разделяет память с "
        "исходным, поэтому запись в него меняет оригинал; остановленный массив JAX тоже может "
        "разделять память, но безвредно: в него никто не может записать.",
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
