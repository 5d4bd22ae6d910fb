"""The words of the report and of ``jaxparity show``, in each language they are written in.

Every heading, table header, label and sentence is a template in one dict per language, keyed
by a message id: ``texts_en.MESSAGES`` and ``texts_ru.MESSAGES``. The report's modules fill
them in — ``t("claim.heading")``, ``t("claim.verdict", head=…, count=…)`` — and build no
sentence of words themselves, so the logic is written once and a language is one file. A
case's title, explanation and ``differs`` line are its record's (English) or
``Case.ru`` (Russian). All of it is written by us, in the repository: nothing is
translated at run time.

A few texts the report quotes belong to other modules (a measurement's description in
``jaxparity.bench``, a mode's in ``shared.run_modes``): a language other than English
translates them in its ``FOREIGN`` dict, keyed by the English text itself, so a change there
shows up as a missing translation (``tests/test_report_texts.py``) rather than as a stale one.
What a run recorded (a skip's or failure's reason, an exception's text) is shown as recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType

from jaxparity.report import texts_en, texts_ru
from shared import run_modes
from shared.cases import Case
from shared.cases.model import Text

LANGUAGES: dict[str, ModuleType] = {"en": texts_en, "ru": texts_ru}
"""Language code (``--lang``, ``<html lang>``) → its module of texts."""
DEFAULT = "en"


@dataclass(frozen=True)
class Texts:
    """One language's texts, as the report and ``show`` use them."""

    lang: str
    messages: Mapping[str, str]
    nouns: Mapping[str, tuple[str, ...]]
    """Noun → its forms for a count, in the order ``plural`` picks them."""
    plural: Callable[[int], int]
    """Which of a noun's forms goes with a number (English two, Russian three)."""
    case: Callable[[Case], Text]
    """A case's title, explanation and ``differs`` line in this language."""
    foreign: Mapping[str, str]
    """A text of another module (in English) → this language's (English: none)."""

    def __call__(self, key: str, **fields: object) -> str:
        """The message ``key`` with its ``{fields}`` filled in."""
        return self.messages[key].format(**fields)

    def count(self, n: int, noun: str) -> str:
        """A number and its noun: ``1 win``, ``2 wins``; ``1 победа``, ``5 побед``."""
        return f"{n} {self.nouns[noun][self.plural(n)]}"

    def quote(self, english: str) -> str:
        """A text another module wrote in English, in this language."""
        return self.foreign.get(english, english)

    def mode(self, framework: str, mode: str) -> str:
        """What the report calls a framework × mode (``JAX op by op``)."""
        return self.quote(run_modes.label(framework, mode))

    def verdict(self, verdict: str | None) -> str:
        """``win``, ``tie`` or ``loss`` as a word of this language; ``—`` when none."""
        return self(f"verdict.{verdict}") if verdict else "—"

    def status(self, status: str) -> str:
        """``pass``, ``fail`` or ``skip`` as a word of this language."""
        return self(f"status.{status}")


def of(lang: str) -> Texts:
    """The texts of ``lang``, one of :data:`LANGUAGES` (``KeyError`` otherwise)."""
    module = LANGUAGES[lang]
    return Texts(
        lang,
        module.MESSAGES,
        module.NOUNS,
        module.plural,
        module.case_text,
        module.FOREIGN,
    )
