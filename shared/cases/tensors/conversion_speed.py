from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.conversion_speed",
    "Speed of NumPy → tensor: sharing vs copying a 1000×1000 float64 array",
    (250, 262),
    "Sharing is constant work, whatever the size; a copy reads and writes every byte, so its time "
    "grows with the array. JAX must copy this array, so the two columns compare a shared pointer "
    "with a pass over memory, not the libraries' speed.",
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
        explanation="Общий буфер — постоянная работа при любом размере; копирование читает и "
        "пишет каждый байт, и его время растёт вместе с массивом. JAX этот массив обязан "
        "скопировать, так что две колонки сравнивают общий указатель с проходом по памяти, а не "
        "скорость библиотек.",
        differs="torch.from_numpy оборачивает массив за микросекунды; JAX здесь копирует: без x64 "
        "float64 становится float32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"u_np": np.full(pick(size, test=(100, 100), lesson=(1000, 1000)), 317.0)}


def oracle(*, u_np: np.ndarray) -> Expected:
    return {"share": u_np, "copy": u_np, "on_device": u_np}
