from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.dtype_promotion",
    "float32 + float64 and float32 @ float64",
    (287, 301),
    "torch promotes f32 + f64 to f64 but refuses f32 @ f64 with a RuntimeError. JAX by "
    "default has no float64 at all (x64 off: the f64 array is silently f32); with x64 on "
    "it promotes both + and @ to f64.",
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
        explanation="torch приводит f32 + f64 к f64, но отказывается вычислять f32 @ f64 "
        "(RuntimeError). В JAX по умолчанию float64 нет вообще (x64 выключен: массив f64 молча "
        "становится f32); с включённым x64 и +, и @ дают f64.",
        differs="torch: f32 + f64 даёт float64, а f32 @ f64 — RuntimeError; JAX без x64 вычисляет "
        "оба во float32.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=10, lesson=10)
    return {"a32": np.zeros(n, np.float32), "b64": np.ones(n, np.float64)}


def oracle(*, a32: np.ndarray, b64: np.ndarray) -> Expected:
    return {"add": a32 + b64, "cast_matmul": a32.astype(np.float64) @ b64}
