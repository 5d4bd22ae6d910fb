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
    "Saving memory is what in-place operations are for: the result needs no buffer of its own. "
    "JAX keeps that saving without mutation: when a jitted function's input is donated, XLA may "
    "reuse its buffer for the output, because nobody can read the input afterwards. The program "
    "still reads as if every step made a new array.",
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
        explanation="Ради экономии памяти операции на месте и нужны: результату не нужен свой "
        "буфер. JAX сохраняет эту экономию без изменения массивов: если вход скомпилированной "
        "функции отдан ей (donate_argnums), XLA может взять его буфер под результат — ведь вход "
        "после этого уже никто не прочитает. Программа при этом читается так, будто каждый шаг "
        "создаёт новый массив.",
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
