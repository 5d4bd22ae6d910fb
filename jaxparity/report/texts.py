"""The words of the report and of ``jaxparity show``, in each language they are written in.

Every heading, table header, label and sentence is a template in one dict per language, keyed
by a message id: ``texts_en.MESSAGES`` and ``texts_ru.MESSAGES``. The report's modules fill
them in — ``t("claim.heading")``, ``t("claim.verdict", head=…, count=…)`` — and build no
sentence of words themselves, so the logic is written once and a language is one file. A
case's title, explanation and ``differs`` line are its record's (English) or
``Case.ru`` (Russian); the units each language writes (``fmt.Units``) are its
module's ``UNITS``. All of it is written by us, in the repository: nothing is translated at
run time. The Russian terms, and why each, are in ``docs/glossary.ru.md``.

A few texts the report quotes belong to other modules (a measurement's description in
``jaxparity.bench``, a mode's in ``shared.run_modes``, a benchmark variant's description, a
reason a run recorded for leaving a benchmark out): a language other than English translates
them in its ``FOREIGN`` dict, keyed by the English text itself, so a change there shows up as a
missing translation (``tests/test_report_texts.py``) rather than as a stale one. A text a run
recorded with values in it (``no gpu visible to torch on this machine``) is translated in its
``RECORDED`` dict, keyed by the English template that made it (``no {device} visible to
{framework} on this machine``): its values go into the translated template, each quoted in
turn. What a program said on failing (an exception, the judge's diagnosis) is shown as the
program wrote it, as code, in every language (:meth:`Texts.reason`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from string import Formatter
from types import ModuleType
from typing import Any

from jaxparity import fmt
from jaxparity.errors import RAISED
from jaxparity.machine import naming
from jaxparity.report import texts_en, texts_ru
from shared import cases, run_modes
from shared.cases import Case
from shared.cases.model import Text

LANGUAGES: dict[str, ModuleType] = {"en": texts_en, "ru": texts_ru}
"""Language code (``--lang``, ``<html lang>``) → its module of texts."""
DEFAULT = "en"
PRIME = "\u2032"
"""Stands in for a backtick inside a program's words shown as code (a backtick would end it)."""


def template_fields(template: str) -> list[str]:
    """The ``{fields}`` of a template, in order."""
    return [name for _, name, _, _ in Formatter().parse(template) if name]


def _pattern(template: str) -> re.Pattern[str]:
    """A regular expression matching what ``template`` makes, a group per field."""
    parts = []
    for literal, name, _, _ in Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.S)


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
    recorded: Mapping[str, str] = field(default_factory=dict)
    """The English template of a text a run recorded with values in it → this language's."""
    units: fmt.Units = fmt.ENGLISH
    """The unit symbols this language writes (``fmt.writing`` puts them in force)."""

    def __call__(self, key: str, **fields: object) -> str:
        """The message ``key`` with its ``{fields}`` filled in."""
        return self.messages[key].format(**fields)

    def count(self, n: int, noun: str) -> str:
        """A number and its noun: ``1 win``, ``2 wins``; ``1 победа``, ``5 побед``."""
        return f"{n} {self.nouns[noun][self.plural(n)]}"

    @cached_property
    def _templates(self) -> list[tuple[re.Pattern[str], str]]:
        return [(_pattern(k), v) for k, v in self.recorded.items()]

    def quote(self, english: str) -> str:
        """A text another module wrote in English, in this language: its translation, or the
        translation of the template that made it with the same values; else as it is."""
        if english in self.foreign:
            return self.foreign[english]
        for pattern, template in self._templates:
            found = pattern.fullmatch(english)
            if found:
                return template.format(**{k: self.quote(v) for k, v in found.groupdict().items()})
        return english

    def reason(self, text: str | None, failed: bool = False) -> str:
        """Why a result is what it is, as the run recorded it: ours (a skip's reason) in this
        language; a program's words (a failure's, or an exception a skip caught: ``raised
        Type: …``) as the program wrote them, as code."""
        if not text:
            return ""
        if failed or text.startswith(RAISED):
            return f"`{text.replace('`', PRIME)}`"
        return self.quote(text)

    def value(self, v: Any, prefix: str = "") -> str:
        """A value a run recorded about the machine or a library, as the report shows it: a
        text in our words (``highest (TF32 off)``) in this language, the machine's and the
        libraries' own names and versions as code, numbers as they are, a mapping as ``key:
        value`` pairs (nested keys dotted), a list comma-separated; nothing is ``—``."""
        if isinstance(v, Mapping):
            pairs = [
                self.value(x, f"{prefix}{k}.")
                if isinstance(x, Mapping)
                else f"`{prefix}{k}`: {self.value(x)}"
                for k, x in v.items()
            ]
            return "; ".join(pairs) or "—"
        if isinstance(v, list | tuple):
            return ", ".join(self.value(x) for x in v) or "—"
        if isinstance(v, int | float) and not isinstance(v, bool):
            return f"{v:.3g}" if isinstance(v, float) else str(v)
        if isinstance(v, str):
            if not v:
                return "—"
            if self.quote(v) != v:
                return self.quote(v)
        return f"`{str(v).replace('`', PRIME)}`"

    def mode(self, framework: str, mode: str) -> str:
        """What the report calls a framework × mode (``JAX op by op``)."""
        return self.quote(run_modes.label(framework, mode))

    def machine(self, identity: Mapping[str, Any]) -> str:
        """A machine identity in one line (``jaxparity.machine.naming.label``), in these words."""
        return naming.label(dict(identity), {k: self.quote(v) for k, v in naming.WORDS.items()})

    def topic(self, name: str) -> str:
        """A topic's title as the report and notebooks number it: ``3. Autograd`` (the
        number is its place in ``shared.cases.TOPICS``, written nowhere else)."""
        return f"{cases.TOPICS.index(name) + 1}. {self(f'topic.{name}')}"

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
        module.RECORDED,
        module.UNITS,
    )
