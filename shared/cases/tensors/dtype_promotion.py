from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.dtype_promotion",
    "float32 + float64 and float32 @ float64",
    (287, 301),
    "torch promotes dtypes in elementwise arithmetic, but its matmul wants one dtype on both "
    "sides, so the lesson's f32 @ f64 needs an explicit cast (cast_matmul). JAX's default has no "
    "64-bit types to mix; with them enabled it promotes + and @ alike, as NumPy does.",
    differs="torch: f32 + f64 gives float64, f32 @ f64 a RuntimeError; JAX without x64 "
    "computes both in float32.",
    expected={
        "torch": {"matmul_error": "RuntimeError"},
        "jax": {"matmul_error": "", "x64_add_dtype": "float64", "x64_matmul_dtype": "float64"},
    },
    inputs="numpy",  # JAX would turn float64 into float32 before the case could see it
    takes={"a32": Arg(("n",), ("float32",)), "b64": Arg(("n",), ("float64",))},
    dtypes={
        "add": {"torch": "float64", "jax": "float32"},
        "cast_matmul": {"torch": "float64", "jax": "float32"},
    },
    returns="float32 + float64 and float32 @ float64: resulting dtypes, or the error's class "
    "name.\n\n"
    'Returns ``add``, ``matmul_error`` (``""`` when none), ``cast_matmul`` (their dtypes are '
    "judged), and for JAX ``x64_add_dtype`` and ``x64_matmul_dtype`` under x64.",
    ru=Text(
        title="float32 + float64 и float32 @ float64",
        explanation="torch повышает тип в поэлементной арифметике, но его матричное умножение "
        "требует одного типа данных у обоих операндов, поэтому f32 @ f64 из урока нуждается в "
        "явном приведении (cast_matmul). В JAX по умолчанию 64-битных типов нет и смешивать "
        "нечего, а с включёнными он повышает тип для + и @ одинаково, как NumPy.",
        differs="torch: f32 + f64 даёт float64, а f32 @ f64 — RuntimeError; JAX без x64 вычисляет "
        "оба во float32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=10, lesson=10)
    return {"a32": np.zeros(n, np.float32), "b64": np.ones(n, np.float64)}


def oracle(*, a32: np.ndarray, b64: np.ndarray) -> Expected:
    return {"add": a32 + b64, "cast_matmul": a32.astype(np.float64) @ b64}
