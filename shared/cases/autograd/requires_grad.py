from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._vectors import lesson_z, xyv
from shared.cases.model import Arg, Case, Text

CASE = Case(
    "autograd.requires_grad",
    "requires_grad flags and grad_fn vs differentiating by argument",
    (400, 420),
    "A torch tensor carries a requires_grad flag (False by default), and results of "
    "tracked tensors carry a grad_fn (here SubBackward0) that keeps what backward needs "
    "alive: z holds on to x. A JAX array has neither flag nor grad_fn, and z refers to "
    "nothing: what to differentiate is the argnums of jax.grad, and the graph is the "
    "jaxpr JAX traces, whose last operation is the same sub.",
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
        explanation="У тензора torch есть флаг requires_grad (по умолчанию False), а результаты "
        "операций над отслеживаемыми тензорами — grad_fn (здесь SubBackward0), который держит в "
        "памяти всё нужное для backward: z удерживает x. У массива JAX нет ни флага, ни grad_fn, "
        "и z ни на что не ссылается: по чему дифференцировать, задаёт argnums в jax.grad, а граф "
        "— это jaxpr, который трассирует JAX; его последняя операция — то же вычитание sub.",
        differs="Тензоры torch несут requires_grad и grad_fn; у массивов JAX нет ни того, ни "
        "другого: входы выбирает argnums в jax.grad.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    drawn = xyv(size, rng)
    return {"x": drawn["x"], "y": drawn["y"]}


def oracle(*, x: np.ndarray, y: np.ndarray) -> Expected:
    return {"z": lesson_z(*f64(x, y))}
