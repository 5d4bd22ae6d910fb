"""The report and ``jaxparity show`` in Russian: every message of ``texts_en``, by the same id
and with the same ``{fields}``, written by hand in the lesson's own terms. Which Russian word
stands for which English one (кейс, батч, функция потерь, замер, прогон, …) and why is written
once, in ``docs/glossary.ru.md``; identifiers, names of functions and options are `code`;
quotes are «ёлочки», dashes —.
"""

from __future__ import annotations

from jaxparity.fmt import Units
from jaxparity.report.texts_ru import (
    beyond,
    cases,
    claim,
    distributed,
    method,
    page,
    table1,
    training,
)
from jaxparity.report.texts_ru.foreign import FOREIGN as FOREIGN
from jaxparity.report.texts_ru.foreign import RECORDED as RECORDED
from shared.cases import Case
from shared.cases.model import Text


def plural(n: int) -> int:
    """Which form of a noun goes with ``n``: 1 победа, 2 победы, 5 побед, 11 побед, 21 победа."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


NOUNS: dict[str, tuple[str, ...]] = {
    "win": ("победа", "победы", "побед"),
    "tie": ("ничья", "ничьи", "ничьих"),
    "loss": ("поражение", "поражения", "поражений"),
    "comparison": ("сравнение", "сравнения", "сравнений"),
    "compute comparison": (
        "сравнение вычислений",
        "сравнения вычислений",
        "сравнений вычислений",
    ),
    "function": ("функция", "функции", "функций"),
    "case": ("кейс", "кейса", "кейсов"),
    "step": ("шаг", "шага", "шагов"),
}

UNITS = Units(("с", "мс", "мкс", "нс"), ("ГиБ", "МиБ", "КиБ", "Б"))
"""ГОСТ 8.417's symbols: с, мс, мкс, нс; binary prefixes as IEC's, in Cyrillic (ГиБ)."""


def case_text(case: Case) -> Text:
    """A case's Russian texts: its record's ``ru``."""
    return case.ru


MESSAGES: dict[str, str] = {
    **page.MESSAGES,
    **claim.MESSAGES,
    **table1.MESSAGES,
    **cases.MESSAGES,
    **beyond.MESSAGES,
    **training.MESSAGES,
    **distributed.MESSAGES,
    **method.MESSAGES,
}
"""Every message by id, the parts' dicts merged (a test checks no id is in two of them)."""
