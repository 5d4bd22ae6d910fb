from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.api_names",
    "dim= vs axis=, view/reshape, .to/.type vs .astype",
    (264, 268),
    "jnp follows NumPy name for name; torch has names of its own. The view/reshape split says "
    "more: a torch view promises to share the tensor's memory, which only works for a compatible "
    "layout (a transpose has to be reshaped, which may copy). A JAX array's memory is never "
    "visible, so there is nothing to promise, and whether a reshape copies is up to XLA.",
    differs="torch: sum(dim=0), .view, .to(torch.float64); JAX: sum(axis=0), only reshape, "
    ".astype (float32 without x64).",
    expected={"torch": {"float64_warned": False}, "jax": {"float64_warned": True}},
    takes={"a": Arg((None, None))},
    dtypes={"as_float64": {"torch": "float64", "jax": "float32"}, "as_int32": "int32"},
    returns="``sum`` over dim/axis 0, ``view``/``reshape`` to (n, m), cast to float64 and int32.",
    ru=Text(
        title="dim= против axis=, view/reshape, .to/.type против .astype",
        explanation="jnp повторяет NumPy имя в имя; у torch имена свои. Различие view и reshape "
        "говорит больше: view в torch обещает общую с тензором память, а это возможно только при "
        "подходящем расположении в памяти (транспонированный тензор приходится переформировать "
        "через reshape, и тот может скопировать). Память массива JAX никогда не видна, обещать "
        "нечего, и копирует ли reshape, решает XLA.",
        differs="torch: sum(dim=0), .view, .to(torch.float64); JAX: sum(axis=0), только reshape, "
        ".astype (без x64 — float32).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"a": normal(rng, *pick(size, test=(3, 5), lesson=(3, 5)))}


def oracle(*, a: np.ndarray) -> Expected:
    m, n = a.shape
    return {
        "sum_axis0": a.sum(axis=0),
        "view": a.reshape(n, m),
        "reshape": a.T.reshape(m * n),
        "as_float64": a.astype(np.float64),
        "as_int32": a.astype(np.int32),  # truncation toward zero in all three libraries
    }
