from __future__ import annotations

import numpy as np

from shared.answers import Expected, dot
from shared.cases.advanced._linear import LINEAR, linear_inputs, quadratic_hessian, times_vector
from shared.cases.advanced._methods import HVP_METHODS
from shared.cases.draws import normal
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick

CASE = Case(
    "advanced.jvp_hvp",
    "(beyond the lesson) forward-mode JVP and Hessian-vector products without forming H",
    (907, 926),
    "A JVP pushes a direction forward through the function (one pass, J never formed). "
    "Differentiating the gradient function in direction v gives H @ v for the price of a "
    "couple of gradients, where forming H costs d of them.",
    differs="Next to nothing: torch.func.jvp, vjp and grad mirror jax.jvp, jax.vjp and "
    "jax.grad one to one.",
    takes={**LINEAR, "v": Arg(("d",))},
    bench=Bench(variants=HVP_METHODS, sizes=("test", "small", "large")),
    returns="``jvp``: the JVP of ``w ↦ x @ w`` in direction ``v`` (forward mode).\n\n"
    "``hvp_<method>``: the Hessian of ``S = w @ xᵀx @ w`` times ``v``, by each method.",
    ru=Text(
        title="(вне урока) JVP в прямом режиме и произведения гессиана на вектор без построения H",
        explanation="JVP передаёт направление вперёд через функцию (один проход, J не строится). "
        "Дифференцирование функции градиента по направлению v даёт H @ v по цене пары градиентов, "
        "тогда как построение H стоит d градиентов.",
        differs="Почти ничего: torch.func.jvp, vjp и grad один к одному повторяют jax.jvp, "
        "jax.vjp и jax.grad.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n, d = pick(size, test=(4, 6), small=(5, 10), large=(500, 1000))
    return {**linear_inputs(rng, n, d), "v": normal(rng, d)}


BOTH_HVP = ("forward_over_reverse", "reverse_over_reverse", "dense")


def oracle(*, x: np.ndarray, w: np.ndarray, v: np.ndarray) -> Expected:
    hv = times_vector(quadratic_hessian(x), v)
    return {"jvp": dot(x, v), **{f"hvp_{m}": hv for m in BOTH_HVP}}
