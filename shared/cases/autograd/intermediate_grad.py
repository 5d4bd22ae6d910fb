from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import VECTORS, xyv
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.intermediate_grad",
    "z.grad is None; retain_grad() vs jax.vjp at an intermediate",
    (439, 456),
    "Why only leaves: the leaves are the parameters an optimizer updates, and keeping every "
    "intermediate's gradient would hold a tensor per operation for nothing. JAX has nowhere to "
    "keep a gradient, so it asks the question differently: adding a zero to z changes no value, "
    "but turns z's gradient into the gradient with respect to an input.",
    differs="torch keeps z.grad only after z.retain_grad(); JAX differentiates with respect "
    "to a zero added to z.",
    expected={"torch": {"grad_none_without_retain": True, "warned": True}},
    takes=VECTORS,
    returns="Gradients w.r.t. the intermediate ``z``: ``grad_z`` (of ``z.sum()``: ones), "
    "``vjp_grad_z`` (= ``v``), ``vjp_grad_x``; in torch what ``z.grad`` is without "
    "``retain_grad()``.",
    ru=Text(
        title="z.grad равен None; retain_grad() против jax.vjp в промежуточной вершине графа",
        explanation="Почему только листья: листья — это параметры, которые обновляет оптимизатор, "
        "а хранить градиент каждого промежуточного тензора значило бы без всякой пользы держать "
        "по тензору на каждую операцию. В JAX градиент хранить негде, поэтому вопрос ставится "
        "иначе: прибавленный к z ноль не меняет ни одного значения, но превращает градиент по z в "
        "градиент по входу.",
        differs="torch сохраняет z.grad только после z.retain_grad(); JAX дифференцирует по нулю, "
        "прибавленному к z.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return xyv(size, rng)


def oracle(*, x: np.ndarray, y: np.ndarray, v: np.ndarray) -> Expected:
    x, v = f64(x, v)
    return {"grad_z": np.ones_like(x), "vjp_grad_z": v, "vjp_grad_x": 9 * x**2 * v}
