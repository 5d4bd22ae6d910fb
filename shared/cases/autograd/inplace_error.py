from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.draws import normal, uniform
from shared.cases.model import OWN_ERROR_TEXT, Arg, Case, Text
from shared.names import pick

CASE = Case(
    "autograd.inplace_error",
    "In-place ops on tensors autograd needs vs immutable arrays",
    (761, 792),
    "torch lets y.exp_() run after z = y**2 saved y, and fails at backward (RuntimeError: "
    "modified by an inplace operation); x[x > 0.5] = 0 on a leaf that requires grad "
    "fails at once. JAX arrays are immutable: any item assignment is a TypeError, and "
    "jnp.where or x.at[mask].set(0) make new arrays.",
    differs="torch's y.exp_() runs and backward fails later; writing into a JAX array is a "
    "TypeError at once.",
    expected={
        "torch": {
            "exp_error": "RuntimeError",
            "exp_error_stage": "backward",
            "mask_error": "RuntimeError",
        },
        "jax": {
            "exp_error": "TypeError",
            "exp_error_stage": "assignment",
            "mask_error": "TypeError",
        },
    },
    takes={"x": Arg(("m", "n")), "m": Arg(("m", "n")), "v": Arg(("m", "n"))},
    unchecked={"exp_message": OWN_ERROR_TEXT, "mask_message": OWN_ERROR_TEXT},
    returns="``y.exp_()`` after ``z = y**2`` and ``m[m > 0.5] = 0``: ``exp_error``, "
    "``exp_error_stage``, ``mask_error`` and messages; the ways that work: ``where``, "
    "``where_grad``, ``masked_copy``, ``out_of_place_grad``.",
    ru=Text(
        title="In-place операции над тензорами, нужными autograd, против неизменяемых массивов",
        explanation="torch позволяет выполнить y.exp_() после того, как z = y**2 сохранил y, и "
        "падает на backward (RuntimeError: «modified by an inplace operation»); x[x > 0.5] = 0 "
        "над листовым тензором с requires_grad падает сразу. Массивы JAX неизменяемы: любое "
        "присваивание элементу — TypeError, а jnp.where или x.at[mask].set(0) создают новые "
        "массивы.",
        differs="В torch y.exp_() выполняется, а падает потом backward; запись в массив JAX — "
        "сразу TypeError.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    shape = pick(size, test=(3, 3), lesson=(3, 3))
    return {"x": normal(rng, *shape), "m": uniform(rng, *shape), "v": normal(rng, *shape)}


def oracle(*, x: np.ndarray, m: np.ndarray, v: np.ndarray) -> Expected:
    """``where(m > 0.5, 0, m)`` passes gradient where it kept ``m``; z = (2x)² has ∂z/∂x = 8x."""
    x, m, v = f64(x, m, v)
    return {
        "where": np.where(m > 0.5, 0.0, m),
        "masked_copy": np.where(m > 0.5, 0.0, m),
        "where_grad": v * (m <= 0.5),
        "out_of_place_grad": 8 * x * v,
    }
