"""Every case's texts in both languages (its record's own and its ``ru``): non-empty, Russian
really in Russian, and a ``differs`` line short enough for the one line above the two code
columns."""

from __future__ import annotations

import re

import pytest

from shared import cases
from shared.cases.model import Text

pytestmark = pytest.mark.registry

DIFFERS_MAX = 120
"""Characters of a ``differs`` line, in either language."""

FIELDS = ("title", "explanation", "differs")
LATIN_WORD = re.compile(r"[A-Za-z]+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def english(case: cases.Case) -> Text:
    return Text(case.title, case.explanation, case.differs)


def foreign_letters(russian: str, english: Text) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters of words the English texts do not have).

    A Russian text keeps code identifiers, numbers and names (``x.grad``, ``JAX``) as the
    English has them, and those are not counted; any other Latin word is. An English text left
    untranslated thus has no Cyrillic letter at all.
    """
    names = set(LATIN_WORD.findall(" ".join((english.title, english.explanation, english.differs))))
    latin = sum(len(w) for w in LATIN_WORD.findall(russian) if w not in names)
    return len(CYRILLIC.findall(russian)), latin


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_texts_are_complete_and_russian(case_id: str) -> None:
    case = cases.get(case_id)
    en, ru = english(case), case.ru
    for field in FIELDS:
        for lang, text in (("en", getattr(en, field)), ("ru", getattr(ru, field))):
            assert text.strip(), f"{case_id}: {lang} {field} is empty"
        cyrillic, latin = foreign_letters(getattr(ru, field), en)
        assert cyrillic and cyrillic >= latin, (
            f"{case_id}: the Russian {field} is not in Russian ({cyrillic} Cyrillic letters, "
            f"{latin} Latin ones outside the English text's names): {getattr(ru, field)!r}"
        )
    for lang, text in (("en", en.differs), ("ru", ru.differs)):
        assert len(text) <= DIFFERS_MAX, (
            f"{case_id}: the {lang} differs line has {len(text)} characters (at most "
            f"{DIFFERS_MAX}): {text!r}"
        )
        assert "\n" not in text, f"{case_id}: the {lang} differs line is one line"


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_russian_typography(case_id: str) -> None:
    """Quotes are «ёлочки» and a dash is —, not a hyphen between spaces."""
    for field in FIELDS:
        text = getattr(cases.get(case_id).ru, field)
        assert '"' not in text, f"{case_id}: use «» for quotes in the Russian {field}"
        assert " - " not in text, f"{case_id}: use — for a dash in the Russian {field}"
