"""What each case must return, computed without either framework (NumPy, closed forms).

``expected(case_id, inputs)`` calls ``shared/oracles/<topic>.py::<name>(**inputs)``. An entry
is a NumPy array (exact values, compared within ``shared.tolerances`` and also between the two
frameworks) or a :class:`Stat` (a statistic of random draws, compared with its own bound,
since the two frameworks' random streams differ).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from shared.cases import get


@dataclass(frozen=True)
class Stat:
    """A statistic of random draws that must lie within ``atol`` of ``value``."""

    value: float
    atol: float
    reason: str


Expected = dict[str, np.ndarray | Stat]


def expected(case_id: str, inputs: dict[str, Any]) -> Expected:
    """The oracle's answer for a case's inputs (empty for pure behaviour cases)."""
    case = get(case_id)
    module = importlib.import_module(f"shared.oracles.{case.topic}")
    oracle = getattr(module, case.name, None)
    return {} if oracle is None else oracle(**inputs)
