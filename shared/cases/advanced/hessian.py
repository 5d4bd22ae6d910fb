from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.advanced._linear import LINEAR, linear_inputs, quadratic_hessian, times_vector
from shared.cases.advanced._methods import HESSIAN_METHODS, NO_TORCH_COMPILE, NO_TORCH_COMPILE_RU
from shared.cases.model import Bench, Case, Text
from shared.names import pick

CASE = Case(
    "advanced.hessian",
    "Hessian of S = w @ XᵀX @ w: double backward, functional.hessian, torch.func, jax.hessian",
    (907, 926),
    "A Hessian is a gradient's gradient: the lesson differentiates the gradient once more, "
    "backward with the rows of eye(d) (is_grads_batched=True), and gets 2XᵀX. Its cell omits "
    "is_grads_batched, which torch refuses (the (d, d) grad_outputs does not match the (d,) "
    "gradient). The functional forms agree across the frameworks: torch.func.hessian and "
    "jax.hessian are both jacfwd(jacrev(f)). " + NO_TORCH_COMPILE,
    differs="torch differentiates a gradient again only with create_graph=True; JAX's "
    "jax.grad(f) is just another function.",
    takes=LINEAR,
    only={"hessian_functional": "torch", "hessian_functional_vectorized": "torch"},
    dtypes={"hessian_functional": "float32", "hessian_functional_vectorized": "float32"},
    bench=Bench(
        variants=HESSIAN_METHODS,
        sizes=("test", "small", "large"),
        modes={"torch": ("eager",), "jax": ("jit", "eager")},
        left_out={"torch/compile": NO_TORCH_COMPILE},
    ),
    returns="``S = w @ xᵀx @ w``: ``grad`` (made with a graph, for a second backward) and "
    "``hessian_<method>`` (d, d) by every method the framework has.",
    ru=Text(
        title="Гессиан S = w @ XᵀX @ w: двойной backward, functional.hessian, torch.func и "
        "jax.hessian",
        explanation="Гессиан — это градиент градиента: урок дифференцирует градиент ещё раз, "
        "обратным проходом со строками eye(d) (is_grads_batched=True), и получает 2XᵀX. В ячейке "
        "урока нет is_grads_batched, и torch такое отвергает (grad_outputs формы (d, d) не "
        "совпадает с градиентом формы (d,)). Функциональные формы в двух фреймворках совпадают: "
        "torch.func.hessian и jax.hessian оба устроены как jacfwd(jacrev(f)). "
        + NO_TORCH_COMPILE_RU,
        differs="torch дифференцирует градиент повторно только с create_graph=True; в JAX "
        "jax.grad(f) — просто ещё одна функция.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return linear_inputs(rng, *pick(size, test=(4, 6), small=(5, 10), large=(500, 200)))


BOTH_HESSIAN = ("double_backward", "func", "jacfwd_jacrev")
TORCH_HESSIAN = ("functional", "functional_vectorized")
"""``torch.autograd.functional.hessian``, the lesson's own, without and with ``vectorize``."""


def oracle(*, x: np.ndarray, w: np.ndarray) -> Expected:
    h = quadratic_hessian(x)
    return {
        "grad": times_vector(h, w),
        **{f"hessian_{m}": h for m in BOTH_HESSIAN + TORCH_HESSIAN},
    }
