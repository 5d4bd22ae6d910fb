"""LESSON_MAP.md is generated from the registry and the code: it must match them."""

from __future__ import annotations

import functools

import pytest

from jaxparity import lesson_map
from shared import cases
from shared.cases.lesson import SECTIONS, section_at

pytestmark = pytest.mark.registry


@functools.cache
def _built() -> str:
    """The map as the generator writes it, built once: it runs every case's oracle."""
    return lesson_map.build()


def test_committed_map_is_what_the_generator_writes() -> None:
    committed = lesson_map.PATH.read_text(encoding="utf-8")
    assert committed == _built(), (
        "LESSON_MAP.md is stale: run `python -m jaxparity.lesson_map` and commit the result"
    )


def test_every_case_has_a_row_under_its_lesson_heading() -> None:
    text = _built()
    for case in cases.select():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{case.id}`"))
        assert f"«{case.section.heading}» ({case.section.gloss})" in row


def test_sections_are_in_lesson_order_and_cover_every_case() -> None:
    lines = [s.line for s in SECTIONS]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert section_at(202).heading == "Базовые операции над тензорами"
    assert section_at(201).heading == "Общий обзор"  # a section runs until the next one
    for case in cases.select():
        assert case.section in SECTIONS
