from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import uniform
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modes.enable_grad",
    "enable_grad inside no_grad",
    (931, 934),
    "A mode is global state, and nested blocks can switch it back and forth, so whether a line is "
    "recorded depends on every block around it: here `on` requires grad and `off` does not, and "
    "the gradient flows only through `on`. JAX has no such state: lax.stop_gradient marks a value "
    "(not a region) as constant, so what is differentiated can be read off the function.",
    differs="torch turns recording back on inside no_grad with enable_grad(); JAX has no "
    "modes, only lax.stop_gradient.",
    expected={"torch": {"off_requires_grad": False, "on_requires_grad": True}},
    takes={"x": Arg(None)},
    returns="Inside a no-grad region: ``off = 3x``; re-enabled inside it: ``on = 2x``.\n\n"
    "Returns ``on``, ``off``, ``grad`` (of ``sum(on + off)`` w.r.t. ``x``) and, in torch, "
    "``on_requires_grad`` and ``off_requires_grad``.",
    ru=Text(
        title="enable_grad внутри no_grad",
        explanation="Режим — это глобальное состояние, и вложенные блоки могут переключать его "
        "туда и обратно, так что запишется ли строка, зависит от всех блоков вокруг неё: здесь "
        "`on` требует градиента, а `off` — нет, и градиент течёт только через `on`. В JAX такого "
        "состояния нет: lax.stop_gradient помечает как константу значение (а не участок кода), "
        "поэтому что дифференцируется, видно из самой функции.",
        differs="torch снова включает запись внутри no_grad через enable_grad(); в JAX режимов "
        "нет, есть только lax.stop_gradient.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"x": uniform(rng, pick(size, test=3, lesson=3))}


def oracle(*, x: np.ndarray) -> Expected:
    x = x.astype(np.float64)
    # Only `on = 2x` was recorded: d sum(on + off) / dx = 2.
    return {"on": 2 * x, "off": 3 * x, "grad": np.full_like(x, 2.0)}
