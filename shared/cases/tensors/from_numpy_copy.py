from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.from_numpy_copy",
    "NumPy → tensor by copying: later NumPy mutation is invisible",
    (228, 237),
    "torch.tensor(np) and jnp.asarray(np) both copy, so `v_np += 1` afterwards changes "
    "only the NumPy array.",
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
        explanation="torch.tensor(np) и jnp.asarray(np) оба копируют данные, поэтому последующее "
        "`v_np += 1` меняет только массив NumPy.",
        differs="Оба копируют (torch.tensor, jnp.asarray); JAX без x64 к тому же превращает int64 "
        "из NumPy в int32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"v_np": np.arange(pick(size, test=10, lesson=10))}


def oracle(*, v_np: np.ndarray) -> Expected:
    return {"array": v_np}  # the values before `v_np += 1`
