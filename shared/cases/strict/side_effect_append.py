from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import CALLS, FLOAT32, _compiled
from shared.names import pick

ERROR = "UnexpectedTracerError"
"""What using the tracer ``jax.jit`` appended raises."""

CASE = Case(
    "strict.side_effect_append",
    "Appending to a list outside the function: every call, or a tracer once",
    (1300, 1305),
    "double_and_log(x) appends x.sum() to a list defined outside it and returns x * 2; called "
    f"{CALLS} times. A compiled function must not depend on outside state without saying so. "
    "torch.compile keeps the append working, at a price: the list's length is part of what each "
    f"graph was compiled for, so {CALLS} calls make {CALLS} graphs. jax.jit keeps the function "
    "pure instead: the append happens during tracing only and leaves in the list a tracer that "
    f"fails when used ({ERROR}). In JAX what to log is a returned value.",
    differs="torch.compile appends every call but recompiles every call; jax.jit appends "
    "one tracer, once.",
    expected={
        "torch": {"eager_appends": CALLS, "compile_appends": CALLS, **_compiled(CALLS)},
        "jax": {
            "jit_appends": 1,
            "jit_logged_use_error": ERROR,
            "rewrite_appends": CALLS,
        },
    },
    takes={"xs": Arg((CALLS, "n"), FLOAT32)},
    only={"compiled_logged": "torch"},
    dtypes={"compiled_logged": "float32"},
    returns="``log.append(x.sum())`` to a list outside ``x * 2``, called once per row of "
    "``xs``.\n\n"
    "Returns ``logged`` (the values appended; JAX: returned by the function and appended outside "
    "it) and how many times the append ran in each way, with the compilations.",
    ru=Text(
        title="Добавление в список вне функции: при каждом вызове или один трейсер",
        explanation="`double_and_log(x)` добавляет `x.sum()` в список, объявленный вне её, и "
        f"возвращает `x * 2`; её вызывают {CALLS} раза. Скомпилированная функция не должна "
        "незаметно зависеть от внешнего состояния. torch.compile сохраняет работу `append`, но "
        "дорогой ценой: длина списка входит в то, под что скомпилирован каждый граф, поэтому "
        f"{CALLS} вызова дают {CALLS} графа. jax.jit вместо этого сохраняет функцию чистой: "
        "`append` срабатывает только при трассировке и оставляет в списке трейсер, который падает "
        f"при использовании (`{ERROR}`). В JAX то, что нужно записать, функция возвращает.",
        differs="torch.compile добавляет при каждом вызове, но и компилирует каждый раз; "
        "jax.jit добавляет один трейсер.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=4, lesson=4)
    return {"xs": rng.standard_normal((CALLS, n), dtype=np.float32)}


def oracle(*, xs: np.ndarray) -> Expected:
    xs = xs.astype(np.float64)
    sums = Summed(xs.sum(axis=1), np.abs(xs).sum(axis=1), xs.shape[1])
    return {"logged": sums, "compiled_logged": sums}
