from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.from_numpy_copy",
    "NumPy → tensor by copying: later NumPy mutation is invisible",
    (228, 237),
    "A copy is the safe default: the new tensor or array no longer depends on the NumPy array, "
    "whatever happens to it later (tensors.from_numpy_shared shows the alternative, sharing). The "
    "int64 that becomes int32 in JAX is not the copy's doing: without x64 JAX has no 64-bit types "
    "at all, which spares accelerators NumPy's habit of promoting everything to 64 bits.",
    differs="Both copy (torch.tensor, jnp.asarray); JAX without x64 also turns NumPy's int64 "
    "into int32.",
    expected={"torch": {"sees_mutation": False}, "jax": {"sees_mutation": False}},
    inputs="numpy",
    takes={"v_np": Arg((None,), ("int64",))},
    dtypes={"array": {"torch": "int64", "jax": "int32"}},
    returns="Copy ``v_np`` into a framework array, then ``v_np += 1``.\n\n"
    "Returns ``array`` (the framework array afterwards) and ``sees_mutation``.",
    ru=Text(
        title="NumPy → тензор с копированием: последующие изменения массива NumPy не видны",
        explanation="Копия — надёжный выбор по умолчанию: новый тензор или массив больше не "
        "зависит от массива NumPy, что бы с тем потом ни случилось (альтернативу, общий буфер, "
        "показывает кейс tensors.from_numpy_shared). int64, ставший int32 в JAX, — дело не копии: "
        "без x64 в JAX вообще нет 64-битных типов, и ускорители избавлены от привычки NumPy "
        "повышать всё до 64 бит.",
        differs="Оба копируют (torch.tensor, jnp.asarray); JAX без x64 к тому же превращает int64 "
        "из NumPy в int32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"v_np": np.arange(pick(size, test=10, lesson=10))}


def oracle(*, v_np: np.ndarray) -> Expected:
    return {"array": v_np}  # the values before `v_np += 1`
