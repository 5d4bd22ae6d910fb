from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.conversion_speed",
    "Speed of NumPy → tensor: sharing vs copying a 1000×1000 float64 array",
    (250, 262),
    "Sharing (torch.from_numpy) costs microseconds whatever the size; copying costs a "
    "memory pass. JAX copies (jnp.asarray, jax.device_put); jnp.from_dlpack could wrap "
    "the buffer, but without x64 the float64 array must become float32, a copy too.",
    differs="torch.from_numpy wraps the array in microseconds; JAX copies here, as without "
    "x64 float64 becomes float32.",
    inputs="numpy",
    takes={"u_np": Arg((None, None), ("float64",))},
    dtypes={key: {"torch": "float64", "jax": "float32"} for key in ("share", "copy", "on_device")},
    bench=Bench(
        variants={
            "share": "torch.from_numpy / jnp.from_dlpack: wrap the buffer when possible",
            "copy": "torch.tensor / jnp.asarray: copy the data",
            "device_put": "torch.as_tensor(..., device) / jax.device_put: onto the device",
        },
        sizes=("test", "lesson"),
        # Conversions are not computations: there is nothing to compile on either side.
        modes={"torch": ("eager",), "jax": ("eager",)},
        unequal_work={
            "*": "a copy against a shared buffer (torch.from_numpy wraps NumPy's memory; "
            "JAX copies float64 into a float32 device array): memory traffic, not speed"
        },
    ),
    takes_device=True,
    returns="The three conversions the benchmark times; returns ``share``, ``copy``, "
    "``on_device``.",
    ru=Text(
        title="Скорость NumPy → тензор: общий буфер против копирования массива float64 размером "
        "1000×1000",
        explanation="Общий буфер (torch.from_numpy) стоит микросекунды при любом размере; "
        "копирование стоит прохода по памяти. JAX копирует (jnp.asarray, jax.device_put); "
        "jnp.from_dlpack мог бы обернуть буфер, но без x64 массив float64 должен стать float32 — "
        "это тоже копия.",
        differs="torch.from_numpy оборачивает массив за микросекунды; JAX здесь копирует: без x64 "
        "float64 становится float32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(100, 100), lesson=(1000, 1000)), 317.0)}


def oracle(*, u_np: np.ndarray) -> Expected:
    return {"share": u_np, "copy": u_np, "on_device": u_np}
