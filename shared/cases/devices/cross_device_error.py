from __future__ import annotations

import numpy as np

from shared.cases.devices._machine import MACHINE
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "devices.cross_device_error",
    "An operation on tensors on two devices fails",
    (347, 351),
    "torch refuses `a.cuda() + a` with a RuntimeError (without a GPU: the meta device shows "
    "the same rule). JAX refuses arrays committed to two devices with a ValueError; "
    "without a GPU, two forced host devices show it.",
    differs="Both refuse to mix devices: torch with a RuntimeError, JAX (arrays committed to "
    "devices) with a ValueError.",
    expected={
        "torch": {"error": "RuntimeError"},
        "jax": {"error": "ValueError"},
    },
    takes={"a": Arg(None)},
    unchecked={
        "message": "the framework's own wording, shown to the student "
        "(tests/test_devices.py checks it is about devices)",
        "other": MACHINE,
    },
    takes_device=True,
    returns="Combine ``a`` on ``device`` with a copy on a second device.\n\n"
    'Returns ``error`` (the exception\'s class name, ``""`` if none), ``message`` and ``other`` '
    "(the second device used: the GPU or CPU when both exist, otherwise each framework's honest "
    "stand-in for a second device; see the implementations).",
    ru=Text(
        title="Операция над тензорами на двух разных устройствах завершается ошибкой",
        explanation="torch отказывается выполнять `a.cuda() + a`: RuntimeError (без GPU то же "
        "правило показывает устройство meta). JAX отказывается работать с массивами, привязанными "
        "к двум разным устройствам: ValueError; без GPU это показывают два принудительно "
        "созданных устройства CPU.",
        differs="Оба не смешивают устройства: torch падает с RuntimeError, JAX (массивы, "
        "привязанные к устройствам) — с ValueError.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}
