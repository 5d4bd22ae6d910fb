"""Seeded inputs for the distributed cases (one function per case name).

Two workers: this CPU has two cores, one per worker. The training cases use the lesson's
``DeepNetwork`` in the shared weight format (``shared.data.modules``), at ``test`` size the
one ``modules.train_step`` trains, at ``lesson`` size the lesson's own (64, 32, 2, 2); ``cpu``
is a step large enough that computing outweighs communicating (timed only, by
``bench/test_distributed.py``).
"""

from __future__ import annotations

import numpy as np

from shared.data import pick
from shared.data.modules import (
    LEARNING_RATE,
    LESSON_DIMS,
    TRAIN_STEPS,
    TrainSize,
    init_weights,
    linear_layers,
)

WORKERS = 2


def all_reduce(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=5, lesson=5)
    return {"parts": rng.standard_normal((WORKERS, n)).astype(np.float32)}


def _training(size: str, rng: np.random.Generator) -> dict:
    point = pick(
        size,
        test=TrainSize(8, 16, 2),
        lesson=TrainSize(4, LESSON_DIMS["hidden_dim"], 2),
        cpu=TrainSize(1024, 256, 4),
    )
    dims = {**LESSON_DIMS, "hidden_dim": point.width, "num_layers": point.depth}
    return {
        **dims,
        "x": rng.standard_normal((point.batch, dims["input_dim"])).astype(np.float32),
        "labels": rng.integers(0, dims["num_classes"], point.batch).astype(np.int32),
        "weights": init_weights(linear_layers("deep", **dims), rng),
        "steps": TRAIN_STEPS,
        "lr": LEARNING_RATE,
        "workers": WORKERS,
    }


def data_parallel(size: str, rng: np.random.Generator) -> dict:
    return _training(size, rng)


def sharded_params(size: str, rng: np.random.Generator) -> dict:
    return _training(size, rng)


def multi_process(size: str, rng: np.random.Generator) -> dict:
    return _training(size, rng)
