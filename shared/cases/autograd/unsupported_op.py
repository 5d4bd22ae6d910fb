from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import COMPLEX, INTEGERS, OWN_ERROR_TEXT, Arg, Case, Text
from shared.names import pick

CASE = Case(
    "autograd.unsupported_op",
    "Backward through a complex Embedding and linalg.norm",
    (493, 506),
    "The lesson says the backward pass fails; the installed torch refuses earlier, in the "
    "forward, because the Embedding's weight requires grad and its complex output cannot be "
    "differentiated there. The operation itself is not the problem: the same rows, indexed "
    "directly, differentiate. The gradients then agree up to a convention: with a complex weight "
    "and a real-valued loss the two frameworks return complex conjugates of each other, so read a "
    "complex gradient by its framework's convention before stepping along it.",
    differs="torch's complex Embedding fails in the forward; JAX differentiates jnp.take + "
    "norm, gradient conjugated.",
    expected={
        "torch": {"error": "RuntimeError", "error_stage": "forward"},
        "jax": {"error": ""},
    },
    takes={"weight": Arg((None, None), COMPLEX), "idx": Arg((None,), INTEGERS)},
    dtypes={
        "loss": {"torch": "float64", "jax": "float32"},
        "grad_weight": {"torch": "complex128", "jax": "complex64"},
        "jax_grad_weight": "complex64",
    },
    only={"jax_grad_weight": "jax"},
    unchecked={"message": OWN_ERROR_TEXT},
    returns="``‖Embedding(weight)(idx)‖`` backward: ``error``, ``error_stage``, ``message`` of the "
    "lesson's code; ``loss`` and ``grad_weight`` (torch's convention) by a way that works.",
    ru=Text(
        title="Обратный проход через комплексный Embedding и linalg.norm",
        explanation="Урок говорит, что падает обратный проход; установленная версия torch "
        "отказывает раньше, на прямом проходе, потому что вес Embedding требует градиента, а его "
        "комплексный выход там дифференцировать нельзя. Дело не в самой операции: те же строки, "
        "взятые прямой индексацией, дифференцируются. Градиенты затем совпадают с точностью до "
        "соглашения: для вещественной функции потерь от комплексного веса фреймворки возвращают "
        "комплексно сопряжённые друг другу градиенты, поэтому комплексный градиент надо читать по "
        "соглашению своего фреймворка, прежде чем делать по нему шаг.",
        differs="Embedding в torch падает уже на прямом проходе; JAX дифференцирует jnp.take + "
        "norm, но градиент комплексно сопряжён.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """``Embedding(10, 10, dtype=complex128)``'s weight (N(0, 1) parts) and the lesson's ids."""
    num, dim = pick(size, test=(10, 10), lesson=(10, 10))
    weight = rng.standard_normal((num, dim)) + 1j * rng.standard_normal((num, dim))
    return {"weight": weight.astype(np.complex128), "idx": np.array([1, 2, 1, 3], np.int64)}


def oracle(*, weight: np.ndarray, idx: np.ndarray) -> Expected:
    """loss = ‖W[idx]‖: ∂/∂W[r] = count(r)·W[r]/loss as torch reports it for complex W
    (the steepest-ascent direction, ``∂/∂Re + i·∂/∂Im``)."""
    weight = np.asarray(weight, np.complex128)
    loss = np.linalg.norm(weight[idx])
    counts = np.bincount(idx, minlength=len(weight))[:, None]
    grad = counts * weight / loss
    return {"loss": loss, "grad_weight": grad, "jax_grad_weight": np.conj(grad)}
