from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.answers import Expected
from shared.cases.advanced._linear import LINEAR, linear_inputs
from shared.cases.advanced._methods import (
    NO_TORCH_COMPILE,
    NO_TORCH_COMPILE_RU,
    PER_SAMPLE_IDIOMS,
    PER_SAMPLE_METHODS,
)
from shared.cases.model import INTEGERS, Arg, Bench, Case, Text
from shared.cases.modules._numpy import forward_backward
from shared.cases.modules._weights import linear_layers, network
from shared.names import pick

CASE = Case(
    "advanced.per_sample_grads",
    "Per-sample gradients: loop, is_grads_batched, torch.func.vmap, jacrev vs JAX",
    (892, 906),
    "A batch's backward pass adds the samples' gradients up; per-sample gradients keep them "
    "apart. The lesson's loop runs one backward pass per sample through one kept graph. "
    "is_grads_batched and jax.vmap over the vjp run all backward passes as one batched "
    "pass; vmap(grad) vectorises one sample's gradient; jacrev does the same as a "
    "Jacobian. All give X for X @ w, and for the lesson's DeepNetwork what a loop over "
    "single samples gives. What the compiler makes of the method matters as much: at the "
    "large size XLA:CPU (jax 0.10) computes vmap(grad)'s first-layer gradients, 256 × 1000 "
    "× 64 floats, in transposed order and then copies them into the kernel's layout, most "
    "of that variant's time; the copy shows in jax.jit(f).lower(*args).compile().as_text(). "
    + NO_TORCH_COMPILE,
    differs="torch's loop needs retain_graph=True to backward again; JAX's vjp function can "
    "be called any number of times.",
    expected={"torch": {"reuse_error": "RuntimeError"}, "jax": {"reuse_error": ""}},
    takes={**LINEAR, "labels": Arg(("n",), INTEGERS)},
    unchecked={
        "reuse_message": "the framework's own error text, shown to the student; the "
        "error type is judged"
    },
    bench=Bench(
        variants={
            **PER_SAMPLE_METHODS,
            **{f"mlp_{k}": f"{v}; on a DeepNetwork" for k, v in PER_SAMPLE_METHODS.items()},
            **PER_SAMPLE_IDIOMS,
        },
        sizes=("test", "small", "large"),
        modes={"torch": ("eager",), "jax": ("jit", "eager")},
        left_out={"torch/compile": NO_TORCH_COMPILE},
        idioms={"vmap_grad_1d": "vmap_grad"},
    ),
    takes_device=True,
    returns="Per-sample gradients by every method the framework has.\n\n"
    "``grads_<method>`` (n, d): the gradient of each ``(x @ w)[i]`` with respect to ``w``. "
    "``grads_mlp_<method>`` (n, P): the gradient of each sample's cross-entropy "
    "(``DeepNetwork(*dims)`` on ``x``, class ``labels``) with respect to the network's parameters, "
    "in the shared (torch) layout, concatenated by sorted parameter name. Methods: "
    "``shared.cases.advanced._methods``. ``reuse_error`` and ``reuse_message``: what a second "
    'backward pass through the same graph (vjp function) without ``retain_graph`` raises (``""`` '
    "if nothing).",
    ru=Text(
        title="Градиенты по элементам батча: цикл, is_grads_batched, torch.func.vmap, jacrev и JAX",
        explanation="Обратный проход по батчу складывает градиенты элементов; градиенты по "
        "элементам батча — это они же, но по отдельности. Цикл из урока делает по одному "
        "обратному проходу на элемент через один сохранённый граф. is_grads_batched и jax.vmap "
        "над функцией vjp выполняют все обратные проходы как один проход по батчу; vmap(grad) "
        "векторизует градиент одного элемента; jacrev делает то же через якобиан. Все дают X для "
        "X @ w, а для DeepNetwork из урока — то же, что цикл по отдельным элементам. Не менее "
        "важно, что компилятор делает из метода: на большом размере XLA:CPU (jax 0.10) вычисляет "
        "градиенты первого слоя в vmap(grad), 256 × 1000 × 64 чисел с плавающей точкой, в "
        "транспонированном порядке, а затем копирует их в раскладку, нужную ядру, — это большая "
        "часть времени этого варианта; копия видна в jax.jit(f).lower(*args).compile().as_text(). "
        "" + NO_TORCH_COMPILE_RU,
        differs="Циклу в torch нужен retain_graph=True для повторного backward; функцию vjp в JAX "
        "можно вызывать сколько угодно раз.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """X @ w, and a DeepNetwork taking the same X: (n, d, hidden, classes, hidden layers)."""
    n, d, h, c, depth = pick(
        size, test=(4, 6, 8, 3, 2), small=(5, 10, 16, 2, 2), large=(256, 1000, 64, 2, 2)
    )
    labels = rng.integers(0, c, n).astype(np.int32)
    return {**linear_inputs(rng, n, d), "labels": labels, **network(rng, d, h, c, depth)}


BOTH_PER_SAMPLE = ("loop", "batched", "vmap_grad", "jacrev")


def network_per_sample_grads(
    x: np.ndarray, labels: np.ndarray, weights: Mapping[str, np.ndarray], dims: tuple
) -> np.ndarray:
    """A per-sample loop over the hand-written backward pass of ``shared.cases.modules._numpy``:
    row i is the gradient of sample i's cross-entropy, its parameters in the shared (torch)
    layout, concatenated in the order of their sorted names."""
    layers = linear_layers("deep", *dims)
    rows = []
    for i in range(len(x)):
        _, _, grads = forward_backward(layers, weights, x[i : i + 1], labels[i : i + 1])
        rows.append(np.concatenate([grads[name].ravel() for name in sorted(grads)]))
    return np.stack(rows)


def oracle(
    *,
    x: np.ndarray,
    w: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: tuple,
) -> Expected:
    mlp = network_per_sample_grads(x, labels, weights, dims)
    # d (x @ w)[i] / dw = x[i]: the per-sample gradients of X @ w are the rows of X.
    return {
        **{f"grads_{m}": x.astype(np.float64) for m in BOTH_PER_SAMPLE},
        **{f"grads_mlp_{m}": mlp for m in BOTH_PER_SAMPLE},
    }
