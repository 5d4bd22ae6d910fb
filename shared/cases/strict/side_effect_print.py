from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import CALLS, FLOAT32, TORCH_STRICT, _compiled
from shared.names import pick

GRAPHS = 2
"""torch.compile's graphs: the sum before the print, ``x * 2`` after it."""

BREAK = "Failed to trace builtin operator"
"""Dynamo's reason for the graph break at ``print``."""

PRINTED = "JitTracer(float32[])"
"""What the print shows under ``jax.jit``: the tracer, not a number."""

CASE = Case(
    "strict.side_effect_print",
    "`print` inside the function: every call, or once while tracing",
    (1300, 1305),
    f"def double_and_print(x): print(x.sum()); return x * 2, called {CALLS} times. A compiled "
    "program cannot contain a Python call, so each compiler decides what becomes of it. "
    f"torch.compile keeps Python's behaviour and pays with a graph break ('{BREAK}'): {GRAPHS} "
    "graphs, with Python running the print between them. jax.jit keeps the compiled program pure: "
    f"the print happens during tracing only, and shows a tracer ({PRINTED}), not a number. To see "
    "values from compiled JAX code there is jax.debug.print, which becomes part of the program.",
    differs="torch prints every call (compile: a graph break); jax.jit prints once, a "
    "tracer, at trace time (jax.debug.print).",
    expected={
        "torch": {
            "eager_prints": CALLS,
            "compile_prints": CALLS,
            **_compiled(GRAPHS, BREAK, TORCH_STRICT),
        },
        "jax": {
            "op_by_op_prints": CALLS,
            "jit_prints": 1,
            "jit_printed": PRINTED,
            "rewrite_prints": CALLS,
        },
    },
    takes={"xs": Arg((CALLS, "n"), FLOAT32)},
    only={"compiled_answer": "torch", "jit_answer": "jax"},
    dtypes={"compiled_answer": "float32", "jit_answer": "float32"},
    returns="``print(x.sum())`` inside ``x * 2``, called once per row of ``xs``.\n\n"
    "Returns ``answer`` and how many times the print ran: torch eager and compiled, JAX under "
    "``jit`` (with what it printed) and the ``jax.debug.print`` rewrite.",
    ru=Text(
        title="`print` внутри функции: при каждом вызове или один раз при трассировке",
        explanation=f"`def double_and_print(x): print(x.sum()); return x * 2`, вызванная {CALLS} "
        "раза. Скомпилированная программа не может содержать вызов Python, и каждый компилятор "
        "решает, что с ним делать. torch.compile сохраняет поведение Python и платит за это "
        f"разрывом графа («{BREAK}»): {GRAPHS} графа, а `print` между ними выполняет Python. "
        "jax.jit сохраняет скомпилированную программу чистой: `print` срабатывает только при "
        f"трассировке и показывает трейсер (`{PRINTED}`), а не число. Чтобы видеть значения в "
        "скомпилированном коде JAX, есть `jax.debug.print`: он становится частью программы.",
        differs="torch печатает при каждом вызове (torch.compile — с разрывом графа); jax.jit "
        "— один раз, трейсер (`jax.debug.print`).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=4, lesson=4)
    return {"xs": rng.standard_normal((CALLS, n), dtype=np.float32)}


def oracle(*, xs: np.ndarray) -> Expected:
    answer = xs.astype(np.float64) * 2
    return {"answer": answer, "compiled_answer": answer, "jit_answer": answer}
