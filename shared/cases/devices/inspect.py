from __future__ import annotations

import numpy as np

from shared.cases.devices._machine import MACHINE
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "devices.inspect",
    "dtype and device of a tensor; is a GPU available?",
    (320, 332),
    "torch: x.device, torch.cuda.is_available(). JAX: x.devices() (an array may be sharded "
    "over several), jax.devices(). torch puts new tensors on the CPU unless told; JAX puts "
    "new arrays on its default device, the GPU when there is one.",
    differs="torch: x.device and torch.cuda.is_available(); JAX: x.devices(), a set, and "
    "jax.devices().",
    expected={
        "torch": {"dtype": "float32", "on_device": True},
        "jax": {"dtype": "float32", "on_device": True},
    },
    takes={"a": Arg(None)},
    unchecked={"gpu_available": MACHINE},
    takes_device=True,
    returns="``dtype`` and whether ``a`` lives on ``device`` (``on_device``); ``gpu_available``.",
    ru=Text(
        title="dtype и device тензора; доступна ли GPU?",
        explanation="torch: x.device, torch.cuda.is_available(). JAX: x.devices() (массив может "
        "быть распределён по нескольким устройствам), jax.devices(). torch создаёт новые "
        "тензоры на CPU, если не указано иное; JAX — на устройстве по умолчанию, то есть на GPU, "
        "если она есть.",
        differs="torch: x.device и torch.cuda.is_available(); JAX: x.devices() — множество "
        "устройств — и jax.devices().",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}
