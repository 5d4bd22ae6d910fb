from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.inplace",
    "A[1] += A[2], zero_(), exp_(): in-place in torch, new arrays in JAX",
    (270, 285),
    "torch mutates the tensor it was given, in its own memory. A JAX array cannot "
    "change: x.at[1].add(x[2]) returns a new array in new memory. Under jax.jit with "
    "donate_argnums the caller gives the input up, and XLA writes the result into the "
    "donated memory: in place after all, without anyone seeing a mutation.",
    differs="torch changes A in its own memory; JAX's A.at[1].add(A[2]) returns a new array "
    "and A stays as it was.",
    expected={
        "torch": {"result_in_input_buffer": True},
        "jax": {"result_in_input_buffer": False, "jit_donated_result_in_input_buffer": True},
    },
    takes={"a": Arg((None, None))},
    returns="``a[1] += a[2]``, then zeroing, then ``exp``; where the result lives.\n\n"
    "Returns ``row_added``, ``zeroed``, ``exp`` and ``result_in_input_buffer`` (and for JAX "
    "``jit_donated_result_in_input_buffer``: the same update under ``jit`` with donation).",
    ru=Text(
        title="A[1] += A[2], zero_(), exp_(): на месте в torch, новые массивы в JAX",
        explanation="torch изменяет переданный ему тензор в его собственной памяти. Массив JAX "
        "измениться не может: x.at[1].add(x[2]) возвращает новый массив в новой памяти. Под "
        "jax.jit с donate_argnums вызывающий код отдаёт свой входной массив, и XLA записывает "
        "результат в отданную память: всё-таки на месте, но так, что изменения никто не видит.",
        differs="torch меняет A в его собственной памяти; в JAX A.at[1].add(A[2]) возвращает "
        "новый массив, а A остаётся прежним.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def oracle(*, a: np.ndarray) -> Expected:
    row_added = a.copy()
    row_added[1] += row_added[2]
    return {"row_added": row_added, "zeroed": np.zeros_like(a), "exp": np.ones_like(a)}
