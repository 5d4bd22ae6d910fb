"""What the strict cases' inputs share (moved from shared/data/strict.py)."""

from __future__ import annotations

import numpy as np

from shared.names import pick


def _vector(size: str, rng: np.random.Generator) -> np.ndarray:
    return rng.standard_normal(pick(size, test=6, lesson=6), dtype=np.float32)
