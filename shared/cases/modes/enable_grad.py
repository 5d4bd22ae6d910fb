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
    "Inside torch.no_grad(), torch.enable_grad() records again: `on` requires grad, `off` "
    "does not, and the gradient flows only through `on`. JAX has no switch to flip: what "
    "jax.grad differentiates is the function it is given, and lax.stop_gradient marks a "
    "value (not a region) as constant.",
    differs="torch turns recording back on inside no_grad with enable_grad(); JAX has no "
    "modes, only lax.stop_gradient.",
    expected={"torch": {"off_requires_grad": False, "on_requires_grad": True}},
    takes={"x": Arg(None)},
    returns="Inside a no-grad region: ``off = 3x``; re-enabled inside it: ``on = 2x``.\n\n"
    "Returns ``on``, ``off``, ``grad`` (of ``sum(on + off)`` w.r.t. ``x``) and, in torch, "
    "``on_requires_grad`` and ``off_requires_grad``.",
    ru=Text(
        title="enable_grad внутри no_grad",
        explanation="Внутри torch.no_grad() вызов torch.enable_grad() снова включает запись "
        "графа: `on` требует градиента, `off` — нет, и градиент течёт только через `on`. В JAX "
        "переключателя нет: jax.grad дифференцирует ту функцию, которую ему дали, а "
        "lax.stop_gradient помечает как константу значение (а не участок кода).",
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
