from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "devices.copy_on_transfer",
    "Changing the CPU copy after .to(device) leaves the device copy alone",
    (353, 361),
    "The lesson's point holds on a GPU: after .to the two copies are independent. The trap is the "
    "CPU, where the same line makes no copy at all, so code tried on a laptop and run on a GPU "
    "(or the reverse) can behave differently. Both frameworks skip the copy when the data is "
    "already on the target device; only torch lets the shared memory be written.",
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
        explanation="На GPU утверждение урока верно: после .to две копии независимы. Ловушка — "
        "CPU, где та же строка вообще не копирует, и код, опробованный на ноутбуке и запущенный "
        "на GPU (или наоборот), может вести себя по-разному. Оба фреймворка не копируют данные на "
        "устройство, на котором они уже лежат; писать в общую память позволяет только torch.",
        differs="В torch p_cpu -= 1 пишет в тензор на CPU; в JAX p_cpu -= 1 создаёт новый массив, "
        "и ни одна копия не меняется.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"p": rng.random(pick(size, test=10, lesson=10)).astype(np.float32)}


def oracle(*, p: np.ndarray) -> Expected:
    return {"host_after": p - 1}
