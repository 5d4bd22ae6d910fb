from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "devices.copy_on_transfer",
    "Changing the CPU copy after .to(device) leaves the device copy alone",
    (353, 361),
    "In torch `p_cpu -= 1` mutates the CPU tensor, and the device copy keeps the old values "
    "(on the CPU, .to('cpu') returns the same tensor, so it changes too!). "
    "jax.device_put onto the same device shares the memory as well, but nothing can "
    "write into a JAX array: `p_cpu -= 1` makes a new one, so the question does not arise.",
    differs="torch's p_cpu -= 1 writes into the CPU tensor; JAX's p_cpu -= 1 makes a new "
    "array, so no copy changes.",
    expected={
        "torch": {"device_copy_shares_memory": False, "device_copy_changed": False},
        "torch/cpu": {"device_copy_shares_memory": True, "device_copy_changed": True},
        "jax": {"device_copy_shares_memory": False},
        "jax/cpu": {"device_copy_shares_memory": True},
    },
    takes={"p": Arg(None)},
    takes_device=True,
    returns="``p_dev = p.to(device)``, then ``p -= 1`` on the host copy.\n\n"
    "Returns ``host_after``, ``device_copy_shares_memory`` and, in torch, ``device_copy_changed``.",
    ru=Text(
        title="Изменение копии на CPU после .to(device) не трогает копию на устройстве",
        explanation="В torch `p_cpu -= 1` изменяет тензор на CPU, а копия на устройстве сохраняет "
        "старые значения (на CPU .to('cpu') возвращает тот же самый тензор, так что он тоже "
        "меняется!). jax.device_put на то же устройство тоже разделяет память, но в массив JAX "
        "ничего нельзя записать: `p_cpu -= 1` создаёт новый массив, так что вопрос не возникает.",
        differs="В torch p_cpu -= 1 пишет в тензор на CPU; в JAX p_cpu -= 1 создаёт новый массив, "
        "и ни одна копия не меняется.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"p": rng.random(pick(size, test=10, lesson=10)).astype(np.float32)}


def oracle(*, p: np.ndarray) -> Expected:
    return {"host_after": p - 1}
