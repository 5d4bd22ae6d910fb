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
    "Neither framework copies data between devices behind your back: such a copy can cost more "
    "than the operation itself, so both make the code say where data goes. The rule is checked "
    "without a GPU too, each side on a second device of its own (the code says how).",
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
        explanation="Ни один фреймворк не копирует данные между устройствами за вашей спиной: "
        "такое копирование может стоить дороже самой операции, поэтому оба требуют, чтобы код "
        "явно сказал, где быть данным. Правило проверяется и без GPU: каждая сторона — на втором "
        "устройстве, которое создаёт сама (как именно, видно в коде).",
        differs="Оба не смешивают устройства: torch падает с RuntimeError, JAX (массивы, "
        "привязанные к устройствам) — с ValueError.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}
