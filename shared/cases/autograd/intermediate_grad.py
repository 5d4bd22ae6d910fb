from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import VECTORS, xyv
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.intermediate_grad",
    "z.grad is None; retain_grad() vs jax.vjp at an intermediate",
    (439, 456),
    "torch keeps gradients only for leaves: z.grad is None, with a warning, unless "
    "z.retain_grad() was called. JAX stores no gradients anywhere: the gradient w.r.t. "
    "an intermediate z is the gradient w.r.t. a zero added to z.",
    differs="torch keeps z.grad only after z.retain_grad(); JAX differentiates with respect "
    "to a zero added to z.",
    expected={"torch": {"grad_none_without_retain": True, "warned": True}},
    takes=VECTORS,
    returns="Gradients w.r.t. the intermediate ``z``: ``grad_z`` (of ``z.sum()``: ones), "
    "``vjp_grad_z`` (= ``v``), ``vjp_grad_x``; in torch what ``z.grad`` is without "
    "``retain_grad()``.",
    ru=Text(
        title="z.grad равен None; retain_grad() против jax.vjp в промежуточной вершине графа",
        explanation="torch хранит градиенты только для листьев графа: z.grad равен None (с "
        "предупреждением), если не был вызван z.retain_grad(). JAX нигде не хранит градиенты: "
        "градиент по промежуточному z — это градиент по нулю, прибавленному к z.",
        differs="torch сохраняет z.grad только после z.retain_grad(); JAX дифференцирует по нулю, "
        "прибавленному к z.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return xyv(size, rng)


def oracle(*, x: np.ndarray, y: np.ndarray, v: np.ndarray) -> Expected:
    x, v = f64(x, v)
    return {"grad_z": np.ones_like(x), "vjp_grad_z": v, "vjp_grad_x": 9 * x**2 * v}
