"""What the distributed cases' inputs share (moved from shared/data/distributed.py)."""

from __future__ import annotations

import numpy as np

from shared.cases.modules._weights import LESSON_DIMS, init_weights, linear_layers
from shared.cases.modules.train_step import LEARNING_RATE, TRAIN_STEPS, TrainSize
from shared.names import pick

WORKERS = 2


def training_inputs(size: str, rng: np.random.Generator) -> dict:
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
