from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._answers import _double_or_shift
from shared.cases.strict._inputs import _vector
from shared.cases.strict._record import FLOAT32, TORCH_STRICT, _compiled, _raised

GRAPHS = 3
"""torch.compile's graphs: the comparison, then each branch when first taken."""

BREAK = "Data-dependent branching"
"""Dynamo's reason for the graph break at the ``if``."""

ERROR = "TracerBoolConversionError"
"""What ``jax.jit`` raises at the ``if``."""

CASE = Case(
    "strict.python_if",
    "A Python `if` on a tensor's value: eager torch, torch.compile, jax.jit",
    (1300, 1305),
    "def double_or_shift(x): if x.sum() > 0: return x * 2; return x - 1 — the same lines in both "
    "frameworks, called on x and on -x. A compiler sees the program before the values, so a "
    "branch on a value is a question it cannot answer alone. torch.compile hands the question "
    f"back to Python at run time ('{BREAK}'), {GRAPHS} graphs in all. jax.jit refuses to guess "
    f"({ERROR}), so the JAX way states the branch in the program: jnp.where computes both branches "
    "and picks, lax.cond compiles both and runs one; both give torch's answer. Dynamo's decisions "
    "are watched with a backend that counts the graphs and runs them as captured (no code "
    "generated).",
    differs="Python's if on a value: torch.compile breaks the graph and runs it; jax.jit "
    "refuses it (jnp.where, lax.cond).",
    expected={
        "torch": _compiled(GRAPHS, BREAK, TORCH_STRICT),
        "jax": _raised(
            ERROR,
            "Attempted boolean conversion of traced array with shape bool[]",
        ),
    },
    takes={"x": Arg(("n",), FLOAT32)},
    only={"compiled_answer": "torch", "cond_answer": "jax"},
    dtypes={"compiled_answer": "float32", "cond_answer": "float32"},
    returns="``x * 2 if x.sum() > 0 else x - 1``, written with Python's ``if``, on ``x`` and "
    "``-x`` (one call down each branch).\n\n"
    "Returns ``answer`` (torch: eager; JAX: the ``jnp.where`` rewrite under ``jit``); torch "
    "``compiled_answer`` and what ``torch.compile`` did (``compile_graphs``, ``graph_break``, "
    "``fullgraph_error``); JAX ``cond_answer`` (``lax.cond``) and what ``jax.jit`` and op by op "
    "did (``jit_error``, ``jit_message``, ``op_by_op_error``, ``op_by_op_message``).",
    ru=Text(
        title="`if` в Python по значению тензора: torch без компиляции, torch.compile, jax.jit",
        explanation="`double_or_shift(x)` возвращает `x * 2`, если `x.sum() > 0`, а иначе "
        "уменьшает `x` на 1; ветку выбирает оператор `if` языка Python. Строки одни и те же в "
        "обоих фреймворках, вызов — на `x` и на `-x`. Компилятор видит программу раньше значений, "
        "поэтому ветвление по значению — вопрос, на который он сам ответить не может. "
        f"torch.compile возвращает этот вопрос Python во время выполнения («{BREAK}»), всего "
        f"{GRAPHS} графа. jax.jit гадать отказывается (`{ERROR}`), поэтому в JAX ветвление "
        "записывают в самой программе: `jnp.where` вычисляет обе ветки и выбирает, `lax.cond` "
        "компилирует обе и выполняет одну; оба дают ответ torch. Графы torch.compile наблюдаются "
        "через бэкенд, который считает их и выполняет как есть, не генерируя код.",
        differs="`if` по значению: torch.compile разрывает граф и выполняет; jax.jit "
        "отказывает (`jnp.where`, `lax.cond`).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """A sum above zero: ``x`` takes the ``if`` branch and ``-x`` the other one."""
    x = _vector(size, rng)
    return {"x": x if x.sum() > 0 else -x}


def oracle(*, x: np.ndarray) -> Expected:
    x = x.astype(np.float64)
    answer = np.stack([_double_or_shift(x), _double_or_shift(-x)])
    return {"answer": answer, "compiled_answer": answer, "cond_answer": answer}
