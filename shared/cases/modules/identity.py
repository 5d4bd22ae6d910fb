from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modules.identity",
    "Identity module with a __repr__",
    (1000, 1050),
    "An nn.Module's forward is reached through __call__ (which also runs hooks); an NNX "
    "module's __call__ is the forward itself. Both return the very input object, and both "
    "print what __repr__ says.",
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
        explanation="forward модуля nn.Module вызывается через __call__ (который также запускает "
        "хуки); __call__ модуля NNX и есть прямой проход. Оба возвращают тот же самый входной "
        "объект, и оба печатают то, что возвращает __repr__.",
        differs="nn.Module в torch требует super().__init__() и forward; в модуле NNX __call__ и "
        "есть прямой проход.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"x": rng.standard_normal(pick(size, test=(3, 5), lesson=(3, 5))).astype(np.float32)}


def oracle(*, x: np.ndarray) -> Expected:
    return {"output": x}
