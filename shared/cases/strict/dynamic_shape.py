from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._inputs import _vector
from shared.cases.strict._record import FLOAT32, _compiled, _raised

BREAK = "Dynamic shape operator"
"""Dynamo's reason for the graph break at the boolean index."""

ERROR = "NonConcreteBooleanIndexError"
"""What ``jax.jit`` raises at the boolean index."""

CASE = Case(
    "strict.dynamic_shape",
    "`x[x > 0]`: an output whose shape depends on the values",
    (1300, 1305),
    "def positives(x): return x[x > 0] — how long the result is depends on the numbers. Compilers "
    "plan memory from shapes, so an output whose shape is known only after computing is the "
    "hardest case. torch.compile handles it both ways: by default it breaks the graph "
    f"('{BREAK}'), and with fullgraph=True it compiles one graph with a symbolic length. jax.jit "
    f"needs every shape before any value ({ERROR}), so the JAX way fixes the shape in advance: "
    "jnp.nonzero with size= gives torch's answer after a cut outside jit, jnp.where keeps zeros "
    "in place of the rest.",
    differs="torch.compile breaks the graph (or, fullgraph, makes the length a symbol); "
    "jax.jit refuses: size= or jnp.where.",
    expected={
        "torch": _compiled(1, BREAK),
        "jax": _raised(ERROR, "Array boolean indices must be concrete"),
    },
    takes={"x": Arg(("n",), FLOAT32)},
    only={"compiled_answer": "torch", "where_answer": "jax"},
    dtypes={"compiled_answer": "float32", "where_answer": "float32"},
    returns="``x[x > 0]``: an output whose length depends on the values.\n\n"
    "Returns ``answer`` (torch: eager; JAX: ``jnp.nonzero(..., size=len(x))`` under ``jit``, cut "
    "to the count afterwards), JAX ``where_answer`` (``jnp.where(x > 0, x, 0)``: the shape kept), "
    "and what ``torch.compile`` and ``jax.jit`` did.",
    ru=Text(
        title="`x[x > 0]`: форма результата зависит от значений",
        explanation="`def positives(x): return x[x > 0]` — длина результата зависит от чисел. "
        "Компиляторы планируют память по формам, поэтому выход, форма которого известна только "
        "после вычисления, — самый трудный случай. torch.compile справляется с ним обоими "
        f"способами: по умолчанию разрывает граф («{BREAK}»), а с `fullgraph=True` компилирует "
        "один граф с символической длиной. jax.jit нужны все формы раньше любых значений "
        f"(`{ERROR}`), поэтому в JAX форму фиксируют заранее: `jnp.nonzero` с `size=` даёт ответ "
        "torch после обрезки вне jit, `jnp.where` оставляет нули на месте остального.",
        differs="torch.compile разрывает граф (с `fullgraph=True` — длина-символ); jax.jit "
        "отказывает: `size=` или `jnp.where`.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """Numbers of both signs, so that ``x[x > 0]`` is shorter than ``x`` and not empty."""
    x = _vector(size, rng)
    x[:2] = np.abs(x[:2]) * np.array([1, -1], np.float32)
    return {"x": x}


def oracle(*, x: np.ndarray) -> Expected:
    x = x.astype(np.float64)
    answer = x[x > 0]
    return {"answer": answer, "compiled_answer": answer, "where_answer": np.where(x > 0, x, 0)}
