from __future__ import annotations

import numpy as np

from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.from_numpy_shared",
    "NumPy → tensor sharing the buffer: torch.from_numpy vs JAX",
    (239, 248),
    "Sharing saves the copy (tensors.conversion_speed times the difference), but it gives one "
    "buffer two names: a write through either is seen through both. That suits torch, whose "
    "tensors are mutable anyway. It cannot suit JAX, whose arrays are values that never change "
    "once made, so JAX offers no way to share a buffer that NumPy may still write to.",
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
        explanation="Общий буфер экономит копирование (разницу замеряет кейс "
        "tensors.conversion_speed), но даёт одному буферу два имени: запись через любое из них "
        "видна через оба. Это подходит torch, где тензоры и так изменяемы. JAX это подойти не "
        "может: его массивы — значения, которые после создания не меняются, поэтому JAX не даёт "
        "разделить буфер, в который NumPy ещё может писать.",
        differs="torch.from_numpy делит буфер с NumPy и видит u_np += 10; в JAX нет from_numpy, а "
        "jnp.asarray копирует.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(2, 3), lesson=(2, 3)), -1.0)}
