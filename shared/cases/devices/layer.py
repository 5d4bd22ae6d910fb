from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed, dot
from shared.cases.draws import normal
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick


def layer_flops(inputs: dict) -> float:
    """A (n×k)@(k×m) matmul is 2nkm FLOPs; the square adds nm (counted: it is real work)."""
    (n, k), m = inputs["a"].shape, inputs["b"].shape[1]
    return 2.0 * n * k * m + n * m


CASE = Case(
    "devices.layer",
    "A typical layer, (A @ B) ** 2 on 1000×1000, with and without the host→device copy",
    (363, 390),
    "Matmul-bound: both frameworks call a BLAS (CPU) or cuBLAS (GPU) and should reach the "
    "machine's matmul peak; jit cannot speed up the matmul itself, only fuse the square.",
    differs="torch runs the matmul, then the square, op by op; jax.jit compiles the layer, "
    "and XLA fuses the square in.",
    takes={"a": Arg(("n", "k")), "b": Arg(("k", "m"))},
    bench=Bench(
        variants={
            "on_device": "inputs already on the device",
            "with_transfer": "host arrays copied to the device inside the timed call",
        },
        sizes=("test", "lesson"),
        flops=layer_flops,
    ),
    returns="``c = (a @ b) ** 2``, the lesson's typical layer.",
    ru=Text(
        title="Типичный слой (A @ B) ** 2 на матрицах 1000×1000 с копированием хост→устройство и "
        "без него",
        explanation="Скорость упирается в матричное произведение: оба фреймворка вызывают BLAS "
        "(CPU) или cuBLAS (GPU) и должны достигать пиковой скорости матричного умножения на этой "
        "машине; jit не может ускорить само произведение, а может только слить с ним возведение в "
        "квадрат.",
        differs="torch выполняет произведение и квадрат по отдельности; jax.jit компилирует слой, "
        "и XLA сливает квадрат с произведением.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=64, lesson=1000)
    return {"a": normal(rng, n, n), "b": normal(rng, n, n)}


def oracle(*, a: np.ndarray, b: np.ndarray) -> Expected:
    """``c = (a @ b)²``. With ``s = a @ b`` off by ``δ ≤ γ·|a|@|b|``, the square is off by
    ``2|s|δ + δ²`` plus one rounding: where ``s`` cancels to zero only ``δ²`` is left."""
    s = dot(a, b)
    return {"c": Summed(s.value**2, 2 * np.abs(s.value) * s.magnitude, s.terms + 1, s.magnitude**2)}
