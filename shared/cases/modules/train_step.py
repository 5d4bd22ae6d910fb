from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from shared.answers import Expected
from shared.cases.model import Bench, Case, Text
from shared.cases.modules._numpy import forward_backward
from shared.cases.modules._weights import (
    BATCH,
    LESSON_DIMS,
    batch_inputs,
    init_weights,
    linear_layers,
)
from shared.names import pick

SWEEP_SIZES: tuple[str, ...] = tuple(
    dict.fromkeys(
        f"b{b}_w{w}_d{d}"
        for b, w, d in [
            *((b, 256, 4) for b in (4, 64, 1024)),
            *((64, w, 4) for w in (32, 256, 1024)),
            *((64, 256, d) for d in (2, 4, 8)),
        ]
    )
)
"""Sizes for scaling plots (``--bench-size sweep``): batch, width (``hidden_dim``) and depth
(``num_layers``) varied one at a time around ``b64_w256_d4``, so each plot changes one thing
(7 points instead of the 27 of the full product)."""

CASE = Case(
    "modules.train_step",
    "(beyond the lesson) K SGD steps with cross-entropy, for the closing claim",
    (1300, 1305),
    "The step every training loop repeats, timed for the lesson's closing claim. On the JAX side "
    "the form matters: the nnx.jit step updates the module object for you, walking its Python "
    "graph on every call, while a jax.jit step over nnx.split state is a pure function of arrays, "
    "the fastest JAX form. All reach the NumPy SGD oracle's parameters.",
    differs="torch's optimizer.step() changes parameters in place; a JAX step computes new "
    "parameters from the old ones.",
    bench=Bench(
        variants={"step": "one SGD step (cross-entropy) on a DeepNetwork"},
        sizes=("test", "lesson"),
        sweep=SWEEP_SIZES,
        modes={"torch": ("eager", "compile"), "jax": ("jit", "eager", "nnx_jit", "jit_donated")},
    ),
    takes=BATCH,
    takes_device=True,
    returns="``steps`` SGD steps (learning rate ``lr``) of cross-entropy on one batch, from "
    "``weights``: ``losses`` (one per step, before its update) and ``param.<name>`` after.",
    ru=Text(
        title="(вне урока) K шагов SGD с кросс-энтропией — к заключительному утверждению урока",
        explanation="Шаг, который повторяет каждый цикл обучения, замеренный для заключительного "
        "утверждения урока. На стороне JAX важна форма: шаг под nnx.jit сам обновляет объект "
        "модуля, обходя его граф объектов Python при каждом вызове, а шаг под jax.jit над "
        "состоянием из nnx.split — чистая функция от массивов, самый быстрый вариант в JAX. Все "
        "варианты приходят к тем же параметрам, что и эталонный SGD на NumPy.",
        differs="optimizer.step() в torch меняет параметры на месте; шаг в JAX вычисляет новые "
        "параметры из старых.",
    ),
)


class TrainSize(NamedTuple):
    """A point of the training benchmark, named like ``b64_w256_d4``."""

    batch: int
    width: int
    depth: int

    @classmethod
    def parse(cls, name: str) -> TrainSize:
        match = re.fullmatch(r"b(\d+)_w(\d+)_d(\d+)", name)
        if match is None:
            raise ValueError(f"a sweep size looks like 'b64_w256_d4', not {name!r}")
        return cls(*map(int, match.groups()))


TRAIN_STEPS = 3
LEARNING_RATE = 0.1


def inputs(size: str, rng: np.random.Generator) -> dict:
    """A DeepNetwork and a batch; ``test``/``lesson`` and the sweep points of the benchmark."""
    point = pick(
        size,
        test=TrainSize(8, 16, 2),
        lesson=TrainSize(4, 32, 2),
        **{name: TrainSize.parse(name) for name in SWEEP_SIZES},
    )
    dims = {**LESSON_DIMS, "hidden_dim": point.width, "num_layers": point.depth}
    return {
        **batch_inputs(rng, point.batch, dims["input_dim"], dims["num_classes"]),
        "weights": init_weights(linear_layers("deep", **dims), rng),
        **dims,
        "steps": TRAIN_STEPS,
        "lr": LEARNING_RATE,
    }


def oracle(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
) -> Expected:
    """Plain SGD: ``p ← p − lr·∇p`` for ``steps`` steps on the same batch."""
    layers = linear_layers("deep", input_dim, hidden_dim, num_classes, num_layers)
    params = {k: np.asarray(v, np.float64) for k, v in weights.items()}
    losses = []
    for _ in range(steps):
        _, loss, grads = forward_backward(layers, params, x, labels)
        losses.append(loss)
        params = {k: p - lr * grads[k] for k, p in params.items()}
    return {"losses": np.array(losses), **{f"param.{k}": p for k, p in params.items()}}
