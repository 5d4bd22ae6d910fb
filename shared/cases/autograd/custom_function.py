from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._regression import REGRESSION, regression_inputs
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.custom_function",
    "MySquare as torch.autograd.Function and jax.custom_vjp",
    (506, 559),
    "A torch.autograd.Function is one node on the tape (MySquareBackward) whose backward "
    "you write, with ctx.save_for_backward; jax.custom_vjp is one custom_vjp_call in the "
    "jaxpr, with fwd returning residuals and bwd a tuple of cotangents. Both give the "
    "built-in square's gradients; the lesson's first backward (grad_output * 2) runs "
    "without complaint and only gradcheck / check_grads catch it.",
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
        explanation="torch.autograd.Function — это один узел графа вычислений (MySquareBackward), "
        "backward которого вы пишете сами, с ctx.save_for_backward; jax.custom_vjp — один "
        "custom_vjp_call в jaxpr, где fwd возвращает значения, сохраняемые для обратного прохода, "
        "а bwd — кортеж градиентов по входам. Оба дают те же градиенты, что и встроенное "
        "возведение в квадрат; первый backward из урока (grad_output * 2) отрабатывает без единой "
        "жалобы, и поймать его могут только gradcheck / check_grads.",
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
