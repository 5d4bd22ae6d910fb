from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import CALLS, FLOAT32, TORCH_STRICT, _compiled
from shared.names import pick

CASE = Case(
    "strict.side_effect_print",
    "`print` inside the function: every call, or once while tracing",
    (1300, 1305),
    f"def double_and_print(x): print(x.sum()); return x * 2, called {CALLS} times. "
    "Eager torch and JAX without jit print on every call. torch.compile also prints "
    "every time: Dynamo cannot put print into a graph, so it breaks the graph there "
    "('Failed to trace builtin operator'), runs the print in Python and compiles the rest: "
    "2 graphs, reused on later calls (fullgraph=True refuses it: Unsupported). jax.jit "
    "prints once, while tracing, and what it prints is a tracer (JitTracer(float32[])), "
    "not a number: the compiled program has no print in it. jax.debug.print puts the "
    "print into the program, and it runs on every call.",
    differs="torch prints every call (compile: a graph break); jax.jit prints once, a "
    "tracer, at trace time (jax.debug.print).",
    expected={
        "torch": {
            "eager_prints": CALLS,
            "compile_prints": CALLS,
            **_compiled(2, "Failed to trace builtin operator", TORCH_STRICT),
        },
        "jax": {
            "op_by_op_prints": CALLS,
            "jit_prints": 1,
            "jit_printed": "JitTracer(float32[])",
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
        explanation="`def double_and_print(x): print(x.sum()); return x * 2`, вызванная "
        f"{CALLS} раза. torch без компиляции и JAX без jit печатают при каждом вызове. "
        "torch.compile тоже печатает каждый раз: он не может поместить `print` в граф, "
        "поэтому разрывает граф на нём («Failed to trace builtin operator»), выполняет "
        "`print` в Python и компилирует остальное: 2 графа, которые переиспользуются при "
        "следующих вызовах (`fullgraph=True` отказывает: `Unsupported`). jax.jit печатает "
        "один раз, при трассировке, и печатает трейсер (`JitTracer(float32[])`), а не число: "
        "в скомпилированной программе `print` нет. `jax.debug.print` встраивает печать в "
        "программу, и она выполняется при каждом вызове.",
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
