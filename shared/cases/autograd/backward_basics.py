from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import VECTORS, lesson_z, xyv
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.backward_basics",
    "z = 3x³ − y², z.sum().backward(), x.grad == 9x²",
    (391, 437),
    "Two designs of automatic differentiation meet in one line. torch records the operations on "
    "flagged tensors as they run and, on backward(), walks that record back, leaving each "
    "gradient on its input. JAX transforms the function itself: its gradient is another function, "
    "whose results are the gradients. Why .sum()? A gradient needs a scalar, and summing weighs "
    "every element by 1, which could hide a wrong element; so the case also runs the backward "
    "pass with a random vector v.",
    differs="torch: requires_grad, z.sum().backward(), then x.grad; JAX: jax.grad(f, "
    "argnums=(0, 1)) returns the gradients.",
    expected={"torch": {"matches_9x2": True}, "jax": {"matches_9x2": True}},
    takes=VECTORS,
    returns="``z = 3x³ − y²`` and its gradients: ``grad_x`` (9x²), ``grad_y`` (−2y) of "
    "``z.sum()``, ``vjp_grad_x``/``vjp_grad_y`` with the cotangent ``v``; ``matches_9x2``.",
    ru=Text(
        title="Градиенты z = 3x³ − y²: z.sum().backward(), x.grad == 9x²",
        explanation="В одной строке встречаются два устройства автоматического дифференцирования. "
        "torch записывает операции над помеченными тензорами по мере их выполнения и при "
        "backward() проходит эту запись в обратном порядке, оставляя каждый градиент на его "
        "входе. JAX преобразует саму функцию: её градиент — другая функция, результаты которой и "
        "есть градиенты. Зачем .sum()? Градиент считается от скаляра, а сумма даёт каждому "
        "элементу вес 1, что может скрыть ошибку в отдельном элементе; поэтому кейс выполняет и "
        "обратный проход со случайным вектором v.",
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
