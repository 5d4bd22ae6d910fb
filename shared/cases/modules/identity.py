from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modules.identity",
    "Identity module with a __repr__",
    (1000, 1050),
    "The smallest module shows the two base classes' contracts. torch's nn.Module keeps books for "
    "you (it registers parameters and runs hooks around forward), which is why a subclass must "
    "call super().__init__(); an NNX module is a plain Python object whose attributes Flax "
    "inspects when asked. Both give back the very input object, and both print what __repr__ "
    "says.",
    differs="torch's nn.Module needs super().__init__() and a forward; an NNX module's "
    "__call__ is the forward itself.",
    expected={
        "torch": {"is_input": True, "repr": "Identity()"},
        "jax": {"is_input": True, "repr": "Identity()"},
    },
    takes={"x": Arg(None)},
    returns="The lesson's ``Identity`` module applied to ``x``.\n\n"
    "Returns ``output``, ``is_input`` (the very object passed in) and ``repr``.",
    ru=Text(
        title="Модуль Identity с __repr__",
        explanation="Самый маленький модуль показывает договор двух базовых классов. nn.Module в "
        "torch ведёт учёт за вас (регистрирует параметры и запускает хуки вокруг forward), "
        "поэтому подкласс обязан вызвать super().__init__(); модуль NNX — обычный объект Python, "
        "атрибуты которого Flax просматривает, когда его об этом просят. Оба возвращают тот же "
        "самый входной объект, и оба печатают то, что возвращает __repr__.",
        differs="nn.Module в torch требует super().__init__() и forward; в модуле NNX __call__ и "
        "есть прямой проход.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"x": rng.standard_normal(pick(size, test=(3, 5), lesson=(3, 5))).astype(np.float32)}


def oracle(*, x: np.ndarray) -> Expected:
    return {"output": x}
