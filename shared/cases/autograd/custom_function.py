from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._regression import REGRESSION, regression_inputs
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.custom_function",
    "MySquare as torch.autograd.Function and jax.custom_vjp",
    (506, 559),
    "A custom backward is a promise the framework cannot check: the lesson's first version "
    "(grad_output * 2, the x left out) runs without complaint and gives wrong gradients. Only a "
    "numerical check catches it, gradcheck in torch and check_grads in JAX, which compare the "
    "rule with finite differences. In both frameworks the custom rule is one opaque step of the "
    "graph, differentiated by your rule instead of the framework's own.",
    differs="torch: a torch.autograd.Function with ctx.save_for_backward; JAX: jax.custom_vjp "
    "with fwd and bwd functions.",
    expected={
        "torch": {"custom_node": "MySquareBackward"},
        "jax": {"custom_node": "custom_vjp_call"},
    },
    takes=REGRESSION,
    returns="The regression with ``ŷ = MySquare(Xw + b)``: ``loss``, ``grad_w``, ``grad_b``, the "
    "same with the built-in square (``builtin_grad_*``), and ``custom_node``.",
    ru=Text(
        title="MySquare как torch.autograd.Function и как jax.custom_vjp",
        explanation="Собственный backward — обещание, которое фреймворк проверить не может: "
        "первая версия из урока (grad_output * 2, без x) отрабатывает без единой жалобы и даёт "
        "неверные градиенты. Поймать её может только численная проверка — gradcheck в torch и "
        "check_grads в JAX, — которая сравнивает правило с конечными разностями. В обоих "
        "фреймворках собственное правило — один непрозрачный шаг графа, который дифференцируется "
        "по вашему правилу, а не по правилу фреймворка.",
        differs="torch: подкласс torch.autograd.Function с ctx.save_for_backward; JAX: "
        "jax.custom_vjp с функциями fwd и bwd.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return regression_inputs(size, rng)


def oracle(*, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> Expected:
    """ŷ = u², u = Xw + b, loss = mean((y − ŷ)²): ∂loss/∂u = −4(y − ŷ)u/n."""
    X, y, w, b = f64(X, y, w, b)
    u = X @ w + b
    du = -4 * (y - u**2) * u / len(y)
    grads = {"grad_w": X.T @ du, "grad_b": [du.sum()]}
    return {
        "loss": np.mean((y - u**2) ** 2),
        **grads,
        **{f"builtin_{k}": g for k, g in grads.items()},
    }
