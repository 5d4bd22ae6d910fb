from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import lesson_z, xyv
from shared.cases.model import Arg, Case, Text

CASE = Case(
    "autograd.requires_grad",
    "requires_grad flags and grad_fn vs differentiating by argument",
    (400, 420),
    "The flag decides what gets recorded, and the record has a cost: z's grad_fn (SubBackward0) "
    "keeps alive what backward needs, x included, for as long as z lives. In JAX the choice moves "
    "from the data to the call, so an array holds on to nothing; the graph exists only while JAX "
    "traces the function, and its last operation is the same subtraction.",
    differs="torch tensors carry requires_grad and grad_fn; JAX arrays carry neither: argnums "
    "of jax.grad picks the inputs.",
    expected={
        "torch": {
            "default_requires_grad": False,
            "output_requires_grad": True,
            "records_graph": True,
            "output_op": "sub",
            "grad_before_backward": "None",
            "result_keeps_input_alive": True,
        },
        "jax": {"output_op": "sub", "result_keeps_input_alive": False},
    },
    takes={"x": Arg(("n",)), "y": Arg(("n",))},
    returns="``z`` and how each framework marks what to differentiate: ``output_op`` (the last "
    "operation: ``sub``), ``result_keeps_input_alive``; in torch the flags, ``records_graph`` and "
    "``grad_before_backward``.",
    ru=Text(
        title="Флаги requires_grad и grad_fn против дифференцирования по аргументу",
        explanation="Флаг решает, что будет записано, и у записи есть цена: grad_fn тензора z "
        "(SubBackward0) держит в памяти всё нужное для backward, включая x, пока жив z. В JAX "
        "выбор переходит от данных к вызову, поэтому массив ни на что не ссылается; граф "
        "существует только пока JAX трассирует функцию, и его последняя операция — то же "
        "вычитание.",
        differs="Тензоры torch несут requires_grad и grad_fn; у массивов JAX нет ни того, ни "
        "другого: входы выбирает argnums в jax.grad.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    drawn = xyv(size, rng)
    return {"x": drawn["x"], "y": drawn["y"]}


def oracle(*, x: np.ndarray, y: np.ndarray) -> Expected:
    return {"z": lesson_z(*f64(x, y))}
