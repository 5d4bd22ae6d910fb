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
    "Backward needs the values the forward saved, and an in-place operation can overwrite them. "
    "torch cannot forbid that in advance, so it counts versions: a tensor's counter goes up on "
    "every in-place write, and backward checks that what it saved is still the version it saved. "
    "So the error comes late, far from the line at fault. JAX has nothing to check: no array can "
    "change, and its rewrites (jnp.where, x.at[mask].set(0)) make new arrays, so a saved value "
    "stays the one saved.",
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
        explanation="Обратному проходу нужны значения, сохранённые прямым проходом, а операция на "
        "месте может их перезаписать. Заранее запретить это torch не может, поэтому считает "
        "версии: счётчик тензора растёт при каждой записи на месте, и backward проверяет, что "
        "сохранённое — всё ещё та версия, что была сохранена. Поэтому ошибка появляется поздно, "
        "далеко от виноватой строки. В JAX проверять нечего: ни один массив не меняется, а его "
        "замены (jnp.where, x.at[mask].set(0)) создают новые массивы, так что сохранённое "
        "значение остаётся тем, что сохранили.",
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
