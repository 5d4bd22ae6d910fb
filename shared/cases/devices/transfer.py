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
    "Moving data is a copy, and between host and GPU it is often the slow part of a step "
    "(devices.layer times a layer with and without it). Commitment is JAX's own idea: an array "
    "put on a device explicitly stays there, and an operation refuses arrays committed to two "
    "devices (devices.cross_device_error), while an uncommitted array follows the others.",
    differs="a.to(device) in torch; jax.device_put(a, device) in JAX, which also commits the "
    "array to that device.",
    expected={"torch": {"on_device": True}, "jax": {"on_device": True}},
    takes={"a": Arg(None)},
    takes_device=True,
    returns="``a`` moved to ``device``: returns ``moved`` and ``on_device``.",
    ru=Text(
        title="Перенос данных на устройство: .to(device) и jax.device_put",
        explanation="Перенос данных — это копирование, и между хостом и GPU именно он часто "
        "оказывается медленной частью шага (devices.layer замеряет слой с переносом и без). "
        "Привязка — собственное понятие JAX: массив, явно помещённый на устройство, там и "
        "остаётся, и операция отказывается работать с массивами, привязанными к двум разным "
        "устройствам (devices.cross_device_error), а непривязанный массив следует за остальными.",
        differs="В torch a.to(device), в JAX jax.device_put(a, device), который к тому же "
        "привязывает массив к этому устройству.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def oracle(*, a: np.ndarray) -> Expected:
    return {"moved": a}
