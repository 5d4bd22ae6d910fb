from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._inputs import _vector
from shared.cases.strict._record import FLOAT32, _compiled, _raised

CASE = Case(
    "strict.dynamic_shape",
    "`x[x > 0]`: an output whose shape depends on the values",
    (1300, 1305),
    "def positives(x): return x[x > 0] — how long the result is depends on the numbers. "
    "Eager torch and JAX without jit return it. torch.compile by default breaks the graph "
    "at the boolean index ('Dynamic shape operator'): the comparison is compiled, the "
    "indexing runs eagerly. With fullgraph=True it compiles instead, with the length as "
    "an unknown symbol (an unbacked size), since no graph break is allowed. jax.jit "
    "needs every shape before the values: the boolean index is refused "
    "(NonConcreteBooleanIndexError). The JAX way fixes the shape: jnp.nonzero(x > 0, "
    "size=len(x)) leaves room for every number, and the count cuts the result outside "
    "jit, giving torch's answer; jnp.where(x > 0, x, 0) keeps the shape and zeros the "
    "rest.",
    differs="torch.compile breaks the graph (or, fullgraph, makes the length a symbol); "
    "jax.jit refuses: size= or jnp.where.",
    expected={
        "torch": _compiled(1, "Dynamic shape operator"),
        "jax": _raised("NonConcreteBooleanIndexError", "Array boolean indices must be concrete"),
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
        explanation="`def positives(x): return x[x > 0]` — длина результата зависит от "
        "чисел. torch без компиляции и JAX без jit возвращают его. torch.compile по умолчанию "
        "разрывает граф на булевой индексации («Dynamic shape operator»): сравнение "
        "компилируется, индексация выполняется без компиляции. С `fullgraph=True` он вместо "
        "этого компилирует, а длину делает неизвестным символом, потому что разрывы графа "
        "запрещены. jax.jit нужны все формы до значений: булева индексация отклоняется "
        "(`NonConcreteBooleanIndexError`). В JAX форму фиксируют: "
        "`jnp.nonzero(x > 0, size=len(x))` оставляет место для всех чисел, а по их количеству "
        "результат обрезают вне jit — получается ответ torch; `jnp.where(x > 0, x, 0)` "
        "сохраняет форму и зануляет остальное.",
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
