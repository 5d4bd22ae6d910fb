"""Random draws the cases' inputs share: float32, as the lesson's tensors are."""

from __future__ import annotations

import numpy as np


def normal(rng: np.random.Generator, *shape: int) -> np.ndarray:
    """``torch.randn``'s distribution: standard normal (drawn in float64, then rounded)."""
    return rng.standard_normal(shape).astype(np.float32)


def uniform(rng: np.random.Generator, *shape: int) -> np.ndarray:
    """``torch.rand``'s distribution, which the lesson uses for its regressions: U[0, 1)."""
    return rng.random(shape, dtype=np.float32)
