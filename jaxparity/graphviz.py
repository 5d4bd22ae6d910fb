"""Graphviz's ``dot``, which turns ``autograd.graph_view``'s DOT files into pictures.

Without it the graph files are written as DOT text only and the report shows that text
instead of the drawings; the command says so once, with how to install it.
"""

from __future__ import annotations

import shutil

from shared.cases import Case

CASE = "autograd.graph_view"
INSTALL = (
    "apt install graphviz (Debian, Ubuntu), brew install graphviz (macOS) or "
    "conda install graphviz, then run again"
)
MISSING = f"Graphviz's dot is not installed; to get the pictures: {INSTALL}"


def missing_note(case_list: list[Case]) -> str | None:
    """One line for a run that draws graphs on a machine without ``dot``, else ``None``."""
    if shutil.which("dot") is not None or all(c.id != CASE for c in case_list):
        return None
    return f"{CASE}: graph views are DOT text, not pictures — {MISSING}"
