from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import CALLS, FLOAT32, _compiled
from shared.names import pick

CASE = Case(
    "strict.side_effect_append",
    "Appending to a list outside the function: every call, or a tracer once",
    (1300, 1305),
    f"double_and_log(x) appends x.sum() to a list defined outside it and returns x * 2; "
    f"called {CALLS} times. Eager torch appends on every call. torch.compile captures the "
    "append without a graph break and replays it after each call, so the list gets the "
    "same values — but the graph is guarded by the list's length, which every append "
    f"changes, so every call compiles again ({CALLS} graphs; past 8 Dynamo gives up and "
    "runs the function eagerly). jax.jit appends once, while tracing, and what it "
    "appends is a tracer of a trace that has ended: using it raises "
    "UnexpectedTracerError. The JAX way returns what to log and appends it outside the "
    "compiled function, on every call.",
    differs="torch.compile appends every call but recompiles every call; jax.jit appends "
    "one tracer, once.",
    expected={
        "torch": {"eager_appends": CALLS, "compile_appends": CALLS, **_compiled(CALLS)},
        "jax": {
            "jit_appends": 1,
            "jit_logged_use_error": "UnexpectedTracerError",
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
        f"возвращает `x * 2`; её вызывают {CALLS} раза. torch без компиляции добавляет при "
        "каждом вызове. torch.compile захватывает `append` без разрыва графа и повторяет его "
        "после каждого вызова, так что в списке те же значения, — но граф защищён проверкой "
        "длины списка, а каждый `append` её меняет, поэтому каждый вызов компилирует заново "
        f"({CALLS} графа; после 8 torch.compile сдаётся и выполняет функцию без компиляции). "
        "jax.jit добавляет один раз, при трассировке, и добавляет трейсер уже закончившейся "
        "трассировки: при попытке его использовать — `UnexpectedTracerError`. В JAX функция "
        "возвращает то, что нужно записать, а добавляют это вне скомпилированной функции, "
        "при каждом вызове.",
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
