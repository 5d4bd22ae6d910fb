"""The registry of lesson cases: one source of truth for tests, benchmarks and the report.

Each case id (``topic.name``) is stable; ``LESSON_MAP.md`` is generated from this registry. A
case is one module, ``shared/cases/<topic>/<name>.py`` (``shared.cases.model`` says what it
holds); its function in each backend is ``<backend>_impl/<topic>.py::<name>``, declared by the
topic's generated Protocol in ``shared.interface``.

Order is written in two places only: :data:`TOPICS` (the topics in lesson order) and each
topic package's ``ORDER`` (its cases in lesson order). Everything else derives it from here.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from shared.cases.model import Bench, Case, Text, UnknownNameError

TOPICS: tuple[str, ...] = (
    "tensors",
    "devices",
    "autograd",
    "advanced",
    "modes",
    "modules",
    "resnet",
    "training",
    "strict",
    "distributed",
)
"""The topics in lesson order: the packages ``shared/cases/<topic>/``."""


def _topic_cases(topic: str) -> list[Case]:
    """The topic's records, in its ``ORDER``; a module whose id is not its path is refused."""
    order = import_module(f"shared.cases.{topic}").ORDER
    found = []
    for name in order:
        case = import_module(f"shared.cases.{topic}.{name}").CASE
        if case.id != f"{topic}.{name}":
            raise ValueError(
                f"shared/cases/{topic}/{name}.py declares {case.id!r}: a case's id is "
                f"'{topic}.{name}', its topic and module name"
            )
        found.append(case)
    return found


CASES: dict[str, Case] = {case.id: case for topic in TOPICS for case in _topic_cases(topic)}


def get(case_id: str) -> Case:
    """The case called ``case_id``, or an :class:`UnknownNameError` listing the valid ids."""
    try:
        return CASES[case_id]
    except KeyError:
        raise UnknownNameError("case", case_id, CASES) from None


def module_of(case_id: str) -> ModuleType:
    """The module of the case called ``case_id``: its record, ``inputs`` and ``oracle``."""
    case = get(case_id)
    return import_module(f"shared.cases.{case.topic}.{case.name}")


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


__all__ = [
    "CASES",
    "TOPICS",
    "Bench",
    "Case",
    "Text",
    "UnknownNameError",
    "get",
    "module_of",
    "select",
]
