"""What each case must return, computed without either framework (NumPy, closed forms).

``expected(case_id, inputs)`` calls ``shared/oracles/<topic>.py::<name>(**inputs)``. An entry
is a NumPy array (exact values of a few roundings, compared within ``shared.tolerances``' per-dtype
tolerance, with the other framework too), a :class:`Summed` (a result of long sums, judged by
the forward-error bound of its arithmetic) or a :class:`Stat` (a statistic of random draws,
compared with its own bound, since the two frameworks' random streams differ).
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


@dataclass(frozen=True)
class Summed:
    """A result of long sums: its error scales with what was summed, not with its own size.

    Judged by the standard forward-error bound ``|computed − value| ≤ γ(terms)·magnitude``
    (``shared.tolerances.gamma``). For ``a @ b`` with reduction length K, ``magnitude`` is
    ``|a| @ |b|`` and ``terms`` is K: where the sum nearly cancels, the result is tiny while
    its rounding error is not, so a tolerance relative to the result fails a correct kernel.
    ``terms`` counts the roundings along the longest chain (sums, then the few operations
    after them), ``magnitude`` the same expression evaluated on absolute values. A function
    of a sum that is not linear in it (a square) adds ``γ(terms)²·second_order``: the error of
    the error, which is all that is left where the sum cancels to zero.
    """

    value: np.ndarray
    magnitude: np.ndarray
    terms: int
    second_order: np.ndarray | float = 0.0


def dot(a: np.ndarray, b: np.ndarray) -> Summed:
    """``a @ b`` in float64 with its bound: magnitude ``|a| @ |b|``, one term per product."""
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return Summed(a @ b, np.abs(a) @ np.abs(b), a.shape[-1])


Expected = dict[str, np.ndarray | Summed | Stat]


def expected(case_id: str, inputs: dict[str, Any]) -> Expected:
    """The oracle's answer for a case's inputs (empty for pure behaviour cases)."""
    case = get(case_id)
    module = importlib.import_module(f"shared.oracles.{case.topic}")
    oracle = getattr(module, case.name, None)
    return {} if oracle is None else oracle(**inputs)
