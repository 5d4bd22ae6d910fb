"""What each case must return, computed without either framework (NumPy, closed forms).

``expected(case_id, inputs)`` calls the case module's ``oracle(**inputs)``
(``shared/cases/<topic>/<name>.py``; a case without one judges behaviour only). The kinds of
answer (a plain array, :class:`Summed`, :class:`Deep`, :class:`Stat`, :class:`Count`) are
``shared.answers``'s, re-exported here.
"""

from __future__ import annotations

from typing import Any

from shared.answers import Count, Deep, Expected, Stat, Summed, dot, f64
from shared.cases import module_of


def expected(case_id: str, inputs: dict[str, Any]) -> Expected:
    """The oracle's answer for a case's inputs (empty for pure behaviour cases)."""
    oracle = getattr(module_of(case_id), "oracle", None)
    return {} if oracle is None else oracle(**inputs)


__all__ = ["Count", "Deep", "Expected", "Stat", "Summed", "dot", "expected", "f64"]
