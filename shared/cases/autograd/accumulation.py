from __future__ import annotations

import numpy as np

from shared.answers import Expected, f64
from shared.cases.autograd._regression import REGRESSION, regression_grads
from shared.cases.draws import normal, uniform
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick

CASE = Case(
    "autograd.accumulation",
    "Gradients accumulate over backward calls; chunked linear regression",
    (675, 759),
    "Accumulation is how a batch too big for the device still gives the whole batch's gradient: "
    "run it in chunks and add up the chunks' gradients. That is a sum, so each chunk's loss must "
    "divide by the whole batch size, not its own: the lesson's mean per half would double the "
    "gradient. torch accumulates by default, which is also why a training loop resets .grad every "
    "step.",
    differs="torch's backward() adds into .grad until it is set to None; JAX returns "
    "gradients, and you add them up.",
    takes={"x": Arg((None, None)), **REGRESSION},
    bench=Bench(
        variants={
            "full": "X (host memory) copied to the device whole inside the timed call, one "
            "gradient; on a CPU torch's .to('cpu') is free, JAX's device_put copies",
            "chunked": "X copied a chunk at a time inside the timed call, chunk gradients summed",
        },
        sizes=("test", "cpu", "lesson"),
        # X stays in host memory and is copied inside the call, as in the lesson. JAX's
        # mode "jit_grad": the setup jits the gradient step; the chunk loop is Python (one
        # jit around it would copy all of X to the device as one argument). "eager": the
        # same loop with the gradient step op by op.
        modes={"torch": ("eager",), "jax": ("jit_grad", "eager")},
        rounds=2,  # calls of 0.2–3 s on 1.6 GB: 4 rounds would cost a minute per pass
        unequal_work={
            "*": "on a CPU torch's .to('cpu') returns X itself while JAX's device_put "
            "copies all of it: a copy against a shared buffer, not a compute comparison"
        },
    ),
    returns="``first_grad`` (of Σx²), ``accumulated_grad`` (plus Σ2x's), ``after_reset_grad``; the "
    "regression's ``full_grad_*`` and the sum of ``chunks`` chunks' ``chunked_grad_*``.",
    ru=Text(
        title="Градиенты накапливаются между вызовами backward; линейная регрессия по частям",
        explanation="Накопление позволяет получить градиент всего батча, даже когда батч не "
        "помещается на устройство: его обрабатывают частями и складывают градиенты частей. Это "
        "сумма, поэтому функция потерь каждой части должна делиться на размер всего батча, а не "
        "своей части: среднее по каждой половине, как в уроке, удвоило бы градиент. torch "
        "накапливает по умолчанию — поэтому же цикл обучения обнуляет .grad на каждом шаге.",
        differs="backward() в torch прибавляет к .grad, пока тот не станет None; JAX возвращает "
        "градиенты, и складываете их вы сами.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """``x`` for the two-backward demo, and the big regression (lesson: 100 000 × 4 000, 1.6 GB;
    ``cpu``, the default run's, an eighth of it: the copy-against-share story is the same and
    the run spends seconds, not two and a half minutes, on it)."""
    n, dim, chunks = pick(size, test=(12, 5, 3), cpu=(25_000, 2_000, 2), lesson=(100_000, 4_000, 2))
    return {
        "x": normal(rng, 3, 3),
        "X": uniform(rng, n, dim),
        "y": uniform(rng, n),
        "w": uniform(rng, dim),
        "b": uniform(rng, 1),
        "chunks": chunks,
    }


def oracle(
    *, x: np.ndarray, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray, chunks: int
) -> Expected:
    """∂Σx²/∂x = 2x, then ∂Σ2x/∂x = 2 is added; chunks must add up to the full batch."""
    (x,) = f64(x)
    full = regression_grads(X, y, w, b)
    return {
        "first_grad": 2 * x,
        "accumulated_grad": 2 * x + 2,
        "after_reset_grad": np.full_like(x, 2.0),
        "full_grad_w": full["grad_w"],
        "full_grad_b": full["grad_b"],
        "chunked_grad_w": full["grad_w"],
        "chunked_grad_b": full["grad_b"],
    }
