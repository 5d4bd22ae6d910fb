"""The lesson's ``x``, ``y`` and ``z = 3x³ − y²``, shared by the first autograd cases.

``v`` is a random cotangent: a backward pass seeded with it instead of ``.sum()``'s ones, so an
error that a sum would hide (a wrong sign on one element, a transposed gradient) shows.
"""

from __future__ import annotations

import numpy as np

from shared.cases.draws import normal
from shared.cases.model import Arg
from shared.names import pick

VECTORS = {"x": Arg(("n",)), "y": Arg(("n",)), "v": Arg(("n",))}


def xyv(size: str, rng: np.random.Generator) -> dict:
    """The lesson's ``x = y = [1, 2, 3]`` at ``lesson`` size; random ones for tests."""
    if pick(size, test=False, lesson=True):
        x, y = np.array([1.0, 2.0, 3.0], np.float32), np.array([1.0, 2.0, 3.0], np.float32)
    else:
        x, y = normal(rng, 3), normal(rng, 3)
    return {"x": x, "y": y, "v": normal(rng, 3)}


def lesson_z(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return 3 * x**3 - y**2
