from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import VECTORS, lesson_z, xyv
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.backward_basics",
    "z = 3x³ − y², z.sum().backward(), x.grad == 9x²",
    (391, 437),
    "torch marks tensors with requires_grad, records a tape, and backward() stores the "
    "gradients in x.grad and y.grad. JAX differentiates the function: jax.grad(f, "
    "argnums=(0, 1)) returns (9x², −2y) as values. Seeding with a random cotangent v "
    "(z.backward(v), jax.vjp) checks what a .sum() could hide.",
    differs="torch: requires_grad, z.sum().backward(), then x.grad; JAX: jax.grad(f, "
    "argnums=(0, 1)) returns the gradients.",
    expected={"torch": {"matches_9x2": True}, "jax": {"matches_9x2": True}},
    takes=VECTORS,
    returns="``z = 3x³ − y²`` and its gradients: ``grad_x`` (9x²), ``grad_y`` (−2y) of "
    "``z.sum()``, ``vjp_grad_x``/``vjp_grad_y`` with the cotangent ``v``; ``matches_9x2``.",
    ru=Text(
        title="Градиенты z = 3x³ − y²: z.sum().backward(), x.grad == 9x²",
        explanation="torch помечает тензоры флагом requires_grad, записывает граф вычислений, и "
        "backward() сохраняет градиенты в x.grad и y.grad. JAX дифференцирует функцию: "
        "jax.grad(f, argnums=(0, 1)) возвращает (9x², −2y) как значения. Обратный проход со "
        "случайным вектором v вместо единиц (z.backward(v), jax.vjp) проверяет то, что .sum() мог "
        "бы скрыть.",
        differs="torch: requires_grad, z.sum().backward(), затем x.grad; JAX: jax.grad(f, "
        "argnums=(0, 1)) возвращает градиенты.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return xyv(size, rng)


def oracle(*, x: np.ndarray, y: np.ndarray, v: np.ndarray) -> Expected:
    x, y, v = f64(x, y, v)
    return {
        "z": lesson_z(x, y),
        "grad_x": 9 * x**2,
        "grad_y": -2 * y,
        "vjp_grad_x": 9 * x**2 * v,
        "vjp_grad_y": -2 * y * v,
    }
