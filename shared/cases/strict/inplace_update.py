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
    "def zero_first(x): x[0] = 0; return x. Unlike a print or an append, a write into the input "
    "is nothing torch.compile has to work around: a tensor is a buffer, and the compiled graph "
    "writes into it as eager code does, so the caller's x changes. JAX arrays are values, "
    "compiled or not, so the line is refused, and the error message names the rewrite. The "
    "rewrite costs no copy inside a jitted function: XLA makes such updates in place where the "
    "old value is not needed any more.",
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
        explanation="`def zero_first(x): x[0] = 0; return x`. В отличие от `print` и `append`, "
        "запись во вход — не то, что torch.compile приходится обходить: тензор — это буфер, и "
        "скомпилированный граф пишет в него так же, как код без компиляции, так что `x` у "
        "вызывающего меняется. Массив JAX — значение, с компиляцией или без, поэтому строка "
        "отвергается, а сообщение об ошибке подсказывает замену. Внутри скомпилированной функции "
        "замена не стоит копирования: XLA делает такие обновления на месте, если старое значение "
        "больше не нужно.",
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
