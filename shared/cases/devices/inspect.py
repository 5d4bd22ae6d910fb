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
    "The defaults differ more than the names: torch makes every new tensor on the CPU unless told "
    "otherwise, so code moves data to the GPU explicitly; JAX makes new arrays on its default "
    "device, the GPU when there is one, so the same code runs on the GPU without a word about it.",
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
        explanation="Умолчания различаются сильнее имён: torch создаёт каждый новый тензор на "
        "CPU, если не указано иное, поэтому код переносит данные на GPU явно; JAX создаёт новые "
        "массивы на устройстве по умолчанию — на GPU, если она есть, — и тот же код работает на "
        "GPU, ни словом о ней не упоминая.",
        differs="torch: x.device и torch.cuda.is_available(); JAX: x.devices() — множество "
        "устройств — и jax.devices().",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}
