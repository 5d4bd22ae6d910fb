from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.basic_ops",
    "A + B.T, A @ B, sum and prod of 3×5 and 5×3 matrices",
    (213, 219),
    "Both libraries follow NumPy here: the same operators (+, @, .T) and the same names (sum, "
    "prod), so the lesson's first operations read alike in either, and in NumPy.",
    differs="Almost nothing: the same lines, with torch.sum where JAX writes jnp.sum.",
    takes={"a": Arg(("m", "n")), "b": Arg(("n", "m"))},
    returns="``a + b.T``, ``a @ b``, ``sum(a)``, ``prod(b)`` for ``a`` (m, n) and ``b`` (n, m).",
    ru=Text(
        title="A + B.T, A @ B, sum и prod для матриц 3×5 и 5×3",
        explanation="Здесь оба фреймворка следуют NumPy: те же операторы (+, @, .T) и те же имена "
        "(sum, prod), поэтому первые операции урока читаются одинаково в любом из них — и в "
        "NumPy.",
        differs="Почти ничего: те же строки, только вместо torch.sum в JAX пишут jnp.sum.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    m, n = pick(size, test=(3, 5), lesson=(3, 5))
    return {"a": normal(rng, m, n), "b": normal(rng, n, m)}


def oracle(*, a: np.ndarray, b: np.ndarray) -> Expected:
    return {"add_transposed": a + b.T, "matmul": a @ b, "sum": a.sum(), "prod": b.prod()}
