"""The registry of lesson cases: one source of truth for tests, benchmarks and the report.

Each case id (``topic.name``) is stable; ``LESSON_MAP.md`` is generated from this registry. A
case's function in each backend is ``<backend>_impl/<topic>.py::<name>``, declared by the
topic's Protocol in ``shared.interface``.
"""

from __future__ import annotations

from shared.cases import advanced, autograd, devices, distributed, modes, modules, resnet, tensors
from shared.cases.model import Bench, Case, UnknownNameError

TOPICS: tuple[str, ...] = (
    "tensors",
    "devices",
    "autograd",
    "advanced",
    "modes",
    "modules",
    "resnet",
    "distributed",
)

CASES: dict[str, Case] = {
    case.id: case
    for topic in (tensors, devices, autograd, advanced, modes, modules, resnet, distributed)
    for case in topic.CASES
}


def get(case_id: str) -> Case:
    """The case called ``case_id``, or an :class:`UnknownNameError` listing the valid ids."""
    try:
        return CASES[case_id]
    except KeyError:
        raise UnknownNameError("case", case_id, CASES) from None


def select(
    cases: list[str] | None = None,
    topics: list[str] | None = None,
) -> list[Case]:
    """Cases in lesson order, narrowed to the given ids and/or topics (names are validated)."""
    for topic in topics or ():
        if topic not in TOPICS:
            raise UnknownNameError("topic", topic, TOPICS)
    wanted = {get(c).id for c in cases} if cases else None
    return [
        case
        for case in CASES.values()
        if (wanted is None or case.id in wanted) and (not topics or case.topic in topics)
    ]


__all__ = ["CASES", "TOPICS", "Bench", "Case", "UnknownNameError", "get", "select"]
