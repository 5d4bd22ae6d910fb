from __future__ import annotations

import numpy as np

from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.from_numpy_shared",
    "NumPy → tensor sharing the buffer: torch.from_numpy vs JAX",
    (239, 248),
    "torch.from_numpy wraps the NumPy buffer, so `u_np += 10` shows up in the tensor. JAX "
    "has no shared mutable buffer: jnp.asarray copies, and even a zero-copy DLPack import "
    "is a snapshot a program must not mutate afterwards, since a JAX array is a value.",
    differs="torch.from_numpy shares NumPy's buffer and sees u_np += 10; JAX has no "
    "from_numpy: jnp.asarray copies.",
    expected={"torch": {"sees_mutation": True}, "jax": {"sees_mutation": False}},
    inputs="numpy",
    takes={"u_np": Arg(None, ("float64",))},
    returns="Make a framework array over ``u_np`` without copying if possible, then ``u_np += "
    "10``.\n\n"
    "Returns ``sees_mutation``: whether the framework array shows the change.",
    ru=Text(
        title="NumPy → тензор с общим буфером: torch.from_numpy и JAX",
        explanation="torch.from_numpy оборачивает буфер NumPy, поэтому `u_np += 10` видно и в "
        "тензоре. В JAX общего изменяемого буфера нет: jnp.asarray копирует, и даже импорт через "
        "DLPack без копирования — это снимок, который программе нельзя потом менять, ведь массив "
        "JAX — это значение.",
        differs="torch.from_numpy делит буфер с NumPy и видит u_np += 10; в JAX нет from_numpy, а "
        "jnp.asarray копирует.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(2, 3), lesson=(2, 3)), -1.0)}
