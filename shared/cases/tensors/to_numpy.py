from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "tensors.to_numpy",
    "Tensor → NumPy: torch shares memory, JAX hands out a read-only view or copy",
    (220, 226),
    "On the CPU neither copies: NumPy gets the framework's own buffer. What differs is who may "
    "write into it. A torch tensor is mutable, so its NumPy array may be written too, and the "
    "tensor sees the write; a JAX array is a value that must never change, so NumPy gets it "
    "read-only.",
    differs="w.numpy() is a writable array over the tensor's memory; np.asarray(w) of a JAX "
    "array is read-only.",
    expected={
        "torch": {"numpy_writeable": True, "write_through": True},
        "torch/gpu": {"write_through": False},
        "jax": {"numpy_writeable": False, "write_through": False},
    },
    takes={"w": Arg((None,))},
    returns="Convert ``w`` to NumPy, try to write into the result, and report what happened.\n\n"
    "Returns ``values`` (the NumPy array, before any write), ``numpy_writeable`` and "
    "``write_through`` (did a write to the NumPy array change the framework array).",
    ru=Text(
        title="Тензор → NumPy: в torch общая память, JAX отдаёт представление или копию только "
        "для чтения",
        explanation="На CPU ни один из фреймворков не копирует: NumPy получает собственный буфер "
        "фреймворка. Различается то, кто может в него писать. Тензор torch изменяем, поэтому в "
        "его массив NumPy тоже можно писать, и тензор видит запись; массив JAX — значение, "
        "которое не должно меняться никогда, поэтому NumPy получает его только для чтения.",
        differs="w.numpy() — массив поверх памяти тензора, доступный для записи; np.asarray(w) от "
        "массива JAX — только для чтения.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return {"w": np.array([1, 2, 3.0], dtype=np.float32)}


def oracle(*, w: np.ndarray) -> Expected:
    return {"values": w}
