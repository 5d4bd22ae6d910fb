"""Seeded inputs for the modes cases (one function per case name)."""

from __future__ import annotations

import numpy as np

from shared.data import pick
from shared.data.advanced import network


def _uniform(rng: np.random.Generator, *shape: int) -> np.ndarray:
    """The lesson's ``torch.rand``."""
    return rng.random(shape, dtype=np.float32)


def enable_grad(size: str, rng: np.random.Generator) -> dict:
    return {"x": _uniform(rng, pick(size, test=3, lesson=3))}


def no_grad(size: str, rng: np.random.Generator) -> dict:
    return {"x": _uniform(rng, pick(size, test=3, lesson=3))}


def inference_mode(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=3, lesson=3)
    return {"x": _uniform(rng, n), "w": _uniform(rng, n)}


def item_leak(size: str, rng: np.random.Generator) -> dict:
    """The lesson stores 50 losses of a 10000×10000 batch (400 MB each): 20 GB if kept, so
    ``lesson`` is for a large GPU; ``small`` keeps 160 MB."""
    (m, n), steps = pick(
        size, test=((32, 16), 4), small=((2000, 2000), 10), lesson=((10_000, 10_000), 50)
    )
    return {
        "x": rng.standard_normal((m, n), dtype=np.float32),
        "w": rng.standard_normal(n, dtype=np.float32),
        "steps": steps,
    }


def forward(size: str, rng: np.random.Generator) -> dict:
    """A DeepNetwork's forward: (batch, input_dim, hidden_dim, num_classes, num_layers);
    ``small`` is the lesson's DeepNetwork(64, 32, 2, 2)."""
    n, *dims = pick(
        size, test=(4, 6, 8, 3, 2), small=(64, 64, 32, 2, 2), large=(1024, 512, 512, 10, 2)
    )
    return {"x": rng.standard_normal((n, dims[0]), dtype=np.float32), **network(rng, *dims)}
