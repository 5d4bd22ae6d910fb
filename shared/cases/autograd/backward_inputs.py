from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed, f64
from shared.cases.draws import uniform
from shared.cases.model import Arg, Bench, Case, Text
from shared.names import pick

CASE = Case(
    "autograd.backward_inputs",
    "calc_loss: backward() vs backward(inputs=[A]) vs [b] vs an unused [c]",
    (561, 673),
    "Asking for fewer gradients should mean less work, and how much less depends on who sees the "
    "whole computation. torch's tape is pruned only backwards: the forward, all num_iters + 1 "
    "matmuls of it, has already run before anyone asked. Under jit XLA sees forward and backward "
    "as one program and drops everything the requested gradient does not use. matmul_counts() in "
    "each backend shows what each side computes.",
    differs="torch: backward(inputs=[A]), and an unused c's .grad is None; JAX: argnums of "
    "jax.grad, and c gets zeros.",
    expected={
        "torch": {"A_only_filled": "A", "b_only_filled": "b", "unused_grad": "None"},
        "jax": {"unused_grad": "zeros"},
    },
    takes={"A": Arg(("d", "d")), "B": Arg(("d", "d")), "b": Arg(()), "c": Arg(("d", "d"))},
    bench=Bench(
        variants={
            "all": "gradients of every input",
            "A": "only A's gradient",
            "b": "only b's gradient",
            "unused": "the gradient of an input the loss does not use",
        },
        sizes=("test", "cpu", "lesson"),
        # torch times backward() over a tape built in the setup, as the lesson's %%time;
        # there is nothing for torch.compile there. JAX times jax.grad under jit, and op
        # by op (the forward's num_iters + 1 products and their backward, all computed).
        modes={"torch": ("eager",), "jax": ("jit", "eager")},
        rounds=4,  # calls of 0.3–1.6 s at lesson size on 2 cores
        left_out={
            "torch/compile": "torch times backward() over a tape built before the call: "
            "there is no function for torch.compile to compile"
        },
        unequal_work={
            "b": "XLA removes every matmul b's gradient does not need (0 products in the "
            "compiled program) while torch's tape replays all of them",
            "unused": "XLA returns zeros for an unused input without computing anything "
            "while torch's backward still runs the whole tape",
        },
    ),
    returns="``calc_loss``'s gradients: all of them (``grad_A``, ``grad_B``, ``grad_b``), only "
    "``A``'s (``A_only_grad_A``), only ``b``'s (``b_only_grad_b``), and ``unused_grad`` "
    '(``"None"`` or ``"zeros"``) for ``c``, which the loss never uses.',
    ru=Text(
        title="calc_loss: backward() против backward(inputs=[A]), [b] и неиспользуемого [c]",
        explanation="Меньше запрошенных градиентов должно значить меньше работы, а насколько "
        "меньше, зависит от того, кто видит всё вычисление целиком. Граф torch обрезается только "
        "в обратном проходе: прямой проход — все его num_iters + 1 матричных произведений — уже "
        "выполнен до того, как кто-то что-то запросил. Под jit XLA видит прямой и обратный проход "
        "как одну программу и выбрасывает всё, что запрошенному градиенту не нужно. "
        "matmul_counts() в каждой реализации показывает, что вычисляет каждая сторона.",
        differs="torch: backward(inputs=[A]), и .grad неиспользуемого c равен None; JAX: argnums "
        "в jax.grad, и c получает нули.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """``calc_loss``'s inputs: ``cpu`` is what 2 cores time in tens of milliseconds (a 300×300
    product 101 times: ≈ 5 GFLOP forward); ``lesson`` (500×500, 2000 times) is for a GPU."""
    d, num_iters = pick(size, test=(4, 3), cpu=(300, 100), lesson=(500, 2000))
    return {
        "A": uniform(rng, d, d),
        "B": uniform(rng, d, d),
        "b": np.array(1.0, np.float32),
        "c": uniform(rng, d, d),
        "q": 0.9,
        "num_iters": num_iters,
    }


def oracle(
    *, A: np.ndarray, B: np.ndarray, b: np.ndarray, c: np.ndarray, q: float, num_iters: int
) -> Expected:
    """C₀ = A + AB + B, Cₖ = qCₖ₋₁ + AB + b, loss = mean(C_N) unrolls to
    C_N = qᴺC₀ + s(AB + b), s = 1 + q + … + qᴺ⁻¹. With J the all-ones matrix over d²:
    ∂/∂A = (qᴺJ + (qᴺ + s)JBᵀ)/d², ∂/∂B = (qᴺJ + (qᴺ + s)AᵀJ)/d², ∂/∂b = s."""
    A, B = f64(A, B)
    d, qn = A.shape[0], q**num_iters
    s = sum(q**k for k in range(num_iters))
    J = np.ones((d, d))
    # Backward through the loop: one product by q per step, d-term matmuls, the steps' sum;
    # b's gradient sums all d² entries of every step. |·| changes nothing (A, B, q ≥ 0 here,
    # and |·| of the formula bounds it otherwise).
    mag_A = (qn * J + (qn + s) * J @ np.abs(B).T) / d**2
    mag_B = (qn * J + (qn + s) * np.abs(A).T @ J) / d**2
    grad_A = Summed((qn * J + (qn + s) * J @ B.T) / d**2, mag_A, 2 * num_iters + d + 3)
    grad_B = Summed((qn * J + (qn + s) * A.T @ J) / d**2, mag_B, 2 * num_iters + d + 3)
    grad_b = Summed(np.float64(s), np.float64(abs(s)), d * d + 2 * num_iters)
    return {
        "grad_A": grad_A,
        "grad_B": grad_B,
        "grad_b": grad_b,
        "A_only_grad_A": grad_A,
        "b_only_grad_b": grad_b,
    }
