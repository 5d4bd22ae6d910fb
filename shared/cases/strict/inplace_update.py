from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._inputs import _vector
from shared.cases.strict._record import FLOAT32, IMMUTABLE, _compiled, _raised

CASE = Case(
    "strict.inplace_update",
    "`x[0] = 0`: writing into a tensor, or a new array with `.at[0].set(0)`",
    (1300, 1305),
    "def zero_first(x): x[0] = 0; return x. A torch tensor is a buffer: the assignment "
    "writes into it, eagerly and compiled alike (Dynamo captures the write and applies "
    "it to the input: one graph), and the caller's x changes. A JAX array is a value: "
    "the assignment is a TypeError with jit or without, and the message names the "
    "rewrite, x.at[0].set(0), which returns a new array and leaves x as it was (inside "
    "a jitted function XLA makes such updates in place where the old value is not "
    "needed any more).",
    differs="torch writes into x (compiled too); a JAX array refuses item assignment: "
    "x.at[0].set(0) returns a new one.",
    expected={
        "torch": {
            "eager_mutates_input": True,
            "compile_mutates_input": True,
            **_compiled(1),
        },
        "jax": {
            "rewrite_mutates_input": False,
            **_raised("TypeError", IMMUTABLE, ("TypeError", IMMUTABLE)),
        },
    },
    takes={"x": Arg(("n",), FLOAT32)},
    only={"compiled_answer": "torch"},
    dtypes={"compiled_answer": "float32"},
    returns="``x[0] = 0; return x``.\n\n"
    "Returns ``answer`` (torch: eager; JAX: the ``x.at[0].set(0)`` rewrite), whether each way "
    "changed the input, and the errors JAX raises with and without ``jit``.",
    ru=Text(
        title="`x[0] = 0`: запись в тензор или новый массив через `.at[0].set(0)`",
        explanation="`def zero_first(x): x[0] = 0; return x`. Тензор torch — это буфер: "
        "присваивание пишет прямо в него, и без компиляции, и с torch.compile (он "
        "захватывает запись и применяет её ко входу: один граф), — и `x` у вызывающего "
        "меняется. Массив JAX — это значение: присваивание — `TypeError` и с jit, и без "
        "него, а сообщение подсказывает замену, `x.at[0].set(0)`: она возвращает новый массив "
        "и оставляет `x` как был (внутри скомпилированной функции XLA делает такие обновления "
        "на месте, если старое значение больше не нужно).",
        differs="torch пишет в `x` (и скомпилированный тоже); массив JAX не даёт присваивать: "
        "`x.at[0].set(0)` вернёт новый.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"x": _vector(size, rng)}


def oracle(*, x: np.ndarray) -> Expected:
    answer = x.astype(np.float64)
    answer[0] = 0
    return {"answer": answer, "compiled_answer": answer}
