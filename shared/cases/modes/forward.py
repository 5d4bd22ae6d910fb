from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Bench, Case, Text
from shared.cases.modules._numpy import forward_backward
from shared.cases.modules._weights import linear_layers, network
from shared.names import pick

CASE = Case(
    "modes.forward",
    "MLP forward with grad on, no_grad, inference_mode vs jitted JAX",
    (927, 960),
    "Recording has a price in the forward pass itself: building the graph takes time, and what "
    "backward will need takes memory. The timings measure that price. The variants are named "
    "after torch's modes; on the JAX side `grad` is jax.vjp and `no_grad` the plain forward, both "
    "jitted.",
    differs="torch records the graph unless no_grad/inference_mode; a JAX forward never does: "
    "jax.vjp keeps the residuals.",
    expected={
        "torch": {
            "tracked_requires_grad": True,
            "untracked_requires_grad": False,
            "inference_is_inference": True,
        }
    },
    takes={"x": Arg(("n", None))},
    only={"out_inference": "torch"},
    dtypes={"out_inference": "float32"},
    bench=Bench(
        variants={
            "grad": "forward that keeps what backward needs: grad mode on / jax.vjp",
            "no_grad": "forward only: torch.no_grad / the plain function",
            "inference_mode": "torch.inference_mode (torch only)",
        },
        sizes=("test", "small", "large"),
    ),
    takes_device=True,
    returns="``DeepNetwork(*dims)``'s logits: ``out_tracked`` (ready for backward), "
    "``out_untracked`` and, in torch, ``out_inference``; torch's flags for each.",
    ru=Text(
        title="Прямой проход MLP с градиентами, под no_grad и inference_mode против JAX под jit",
        explanation="У записи графа есть цена уже в прямом проходе: построение графа занимает "
        "время, а сохранённое для backward — память. Замеры показывают эту цену. Варианты названы "
        "по режимам torch; на стороне JAX вариант `grad` — это jax.vjp, а `no_grad` — обычный "
        "прямой проход, оба под jit.",
        differs="torch записывает граф вне no_grad/inference_mode; JAX не записывает никогда, а "
        "значения для backward хранит jax.vjp.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """A DeepNetwork's forward: (batch, input_dim, hidden_dim, num_classes, num_layers);
    ``small`` is the lesson's DeepNetwork(64, 32, 2, 2)."""
    n, *dims = pick(
        size, test=(4, 6, 8, 3, 2), small=(64, 64, 32, 2, 2), large=(1024, 512, 512, 10, 2)
    )
    return {"x": rng.standard_normal((n, dims[0]), dtype=np.float32), **network(rng, *dims)}


def oracle(*, x: np.ndarray, weights: Mapping[str, np.ndarray], dims: tuple) -> Expected:
    no_labels = np.zeros(len(x), np.int64)  # the logits do not depend on them
    logits, _, _ = forward_backward(linear_layers("deep", *dims), weights, x, no_labels)
    return {"out_tracked": logits, "out_untracked": logits, "out_inference": logits}
