from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "devices.transfer",
    "Moving data to a device: .to(device) vs jax.device_put",
    (343, 345),
    "Both copy the data onto another device; onto the device it is already on, torch's "
    ".to returns the tensor itself and jax.device_put shares its memory "
    "(devices.copy_on_transfer). The values are equal either way.",
    differs="a.to(device) in torch; jax.device_put(a, device) in JAX, which also commits the "
    "array to that device.",
    expected={"torch": {"on_device": True}, "jax": {"on_device": True}},
    takes={"a": Arg(None)},
    takes_device=True,
    returns="``a`` moved to ``device``: returns ``moved`` and ``on_device``.",
    ru=Text(
        title="Перенос данных на устройство: .to(device) и jax.device_put",
        explanation="Оба копируют данные на другое устройство; на то же устройство .to в torch "
        "возвращает сам тензор, а jax.device_put разделяет с массивом память "
        "(devices.copy_on_transfer). Значения в любом случае совпадают.",
        differs="В torch a.to(device), в JAX jax.device_put(a, device), который к тому же "
        "привязывает массив к этому устройству.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def oracle(*, a: np.ndarray) -> Expected:
    return {"moved": a}
