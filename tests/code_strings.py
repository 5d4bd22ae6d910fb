"""Every string the project's code writes, read from its source: what a translation keyed by
English text (``texts_ru.FOREIGN``, ``texts_ru.RECORDED``) must still find there.

An f-string is read as its template, each ``{expression}`` written ``{}``; strings the parser
joins (``"a " "b"``) are read joined.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("shared", "torch_impl", "jax_impl", "jaxparity", "bench")
TRANSLATIONS = ("jaxparity/report/texts_en/", "jaxparity/report/texts_ru/")
"""Where the translations live: not where an English text is written."""


def _template(node: ast.JoinedStr) -> str:
    return "".join(
        part.value.replace("{", "{{").replace("}", "}}")
        if isinstance(part, ast.Constant) and isinstance(part.value, str)
        else "{}"
        for part in node.values
    )


@cache
def strings() -> tuple[frozenset[str], frozenset[str]]:
    """(every plain string constant, every f-string's template) of the project's code."""
    plain: set[str] = set()
    templates: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if path.relative_to(ROOT).as_posix().startswith(TRANSLATIONS):
                continue
            tree = ast.parse(path.read_text(), str(path))
            in_fstring = {
                id(part)
                for node in ast.walk(tree)
                if isinstance(node, ast.JoinedStr)
                for part in node.values
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.JoinedStr):
                    templates.add(_template(node))
                elif (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in in_fstring
                ):
                    plain.add(node.value)
    return frozenset(plain), frozenset(templates)


def shape(template: str) -> str:
    """A template with each field written ``{}``: how an f-string's template reads."""
    return re.sub(r"\{[^{}]*\}", "{}", template)
