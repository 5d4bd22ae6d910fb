"""Seeded NumPy inputs for every case: the same numbers reach both frameworks.

``inputs(case_id, size, seed)`` calls ``shared/data/<topic>.py::<name>(size, rng)``. Sizes are
named: ``test`` (tiny, for CI), ``lesson`` (the seed's own sizes), and per case others such as
``cpu``, ``small``, ``large`` or sweep points; :func:`pick` validates them.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np

from shared.cases import get
from shared.cases.model import UnknownNameError


def pick(size: str, **by_size: Any) -> Any:
    """The value for ``size`` among the keyword choices, or an error naming the valid sizes."""
    try:
        return by_size[size]
    except KeyError:
        raise UnknownNameError("size", size, by_size) from None


def inputs(case_id: str, size: str = "test", seed: int = 0) -> dict[str, Any]:
    """Fresh inputs for a case: NumPy arrays, plus plain Python values (shapes, seeds)."""
    case = get(case_id)
    module = importlib.import_module(f"shared.data.{case.topic}")
    make = getattr(module, case.name, None)
    if make is None:
        return {}
    return make(size, np.random.default_rng(seed))


def sizes(case_id: str) -> tuple[str, ...]:
    """The size names a case's data accepts (read from the error :func:`pick` raises)."""
    try:
        inputs(case_id, size="\0")
    except UnknownNameError as e:
        return tuple(e.valid)
    return ("test",)
