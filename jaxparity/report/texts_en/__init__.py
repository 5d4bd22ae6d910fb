"""The report and ``jaxparity show`` in English: every message, by id (``texts`` explains).

``{name}`` marks a value the report fills in (a number, a case id, a sentence built from
other messages); ``**bold**``, ``*italics*``, ```code``` and ``[link](#anchor)`` are the little
Markdown the report renders. ``texts_ru`` has the same ids with the same fields.
"""

from __future__ import annotations

from jaxparity.fmt import ENGLISH, Units
from jaxparity.report.texts_en import (
    beyond,
    cases,
    claim,
    distributed,
    method,
    page,
    table1,
    training,
)
from shared.cases import Case
from shared.cases.model import Text


def plural(n: int) -> int:
    """Which form of a noun goes with ``n``: ``1 win``, ``0 wins``, ``2 wins``."""
    return 0 if n == 1 else 1


NOUNS: dict[str, tuple[str, ...]] = {
    "win": ("win", "wins"),
    "tie": ("tie", "ties"),
    "loss": ("loss", "losses"),
    "comparison": ("comparison", "comparisons"),
    "compute comparison": ("compute comparison", "compute comparisons"),
    "function": ("function", "functions"),
    "case": ("case", "cases"),
    "step": ("step", "steps"),
}


def case_text(case: Case) -> Text:
    """A case's English texts are its record's own."""
    return Text(case.title, case.explanation, case.differs)


UNITS: Units = ENGLISH

FOREIGN: dict[str, str] = {}
"""English quotes the other modules' texts as they are."""
RECORDED: dict[str, str] = {}
"""… and what a run recorded, too."""


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
