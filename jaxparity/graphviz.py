"""Graphviz's ``dot``, which turns ``autograd.graph_view``'s DOT into pictures.

Without it the graph files are written as DOT text only, and every view of a graph (the
report, the notebooks, ``jaxparity show``) shows the graph's readable text instead — torch's
tape as an indented tree, JAX's jaxpr — never the DOT source; the command says so once, with
how to install it.
"""

from __future__ import annotations

import re
import shutil
import subprocess

from shared.cases import Case

CASE = "autograd.graph_view"
INSTALL = (
    "apt install graphviz (Debian, Ubuntu), brew install graphviz (macOS) or "
    "conda install graphviz, then run again"
)
MISSING = f"Graphviz's dot is not installed; to get the pictures: {INSTALL}"
DOT_TIMEOUT_S = 60


def available() -> bool:
    """Whether Graphviz's ``dot`` is on the PATH, to draw pictures with."""
    return shutil.which("dot") is not None


def missing_note(case_list: list[Case]) -> str | None:
    """One line for a run that draws graphs on a machine without ``dot``, else ``None``."""
    if available() or all(c.id != CASE for c in case_list):
        return None
    return f"{CASE}: graph views are text (the tape as a tree, the jaxpr), not pictures — {MISSING}"


def is_dot(value: object) -> bool:
    """Whether ``value`` is a Graphviz DOT source: a drawing, never to be shown as text."""
    return isinstance(value, str) and re.match(r"\s*(strict\s+)?(di)?graph\b", value) is not None


_EDGE = re.compile(r"^(\s*)(\S+) -> (\S+)(.*)$")
_NODE = re.compile(r"^(\s*)(\S+)( \[.*)$")
_KEYWORDS = {"graph", "node", "edge"}


def canonical_ids(dot: str) -> str:
    """``dot`` with its nodes renamed ``n0``, ``n1``, … in order of appearance.

    torchviz names a node by ``id()`` of the object it draws, so the same tape gets new names
    in every process; its drawing (whose SVG carries the names) is then the same bytes each
    time. Only node and edge statements are touched: a label's text stays as it is.
    """
    names: dict[str, str] = {}

    def name(old: str) -> str:
        return names.setdefault(old, f"n{len(names)}")

    lines = []
    for line in dot.split("\n"):
        if edge := _EDGE.match(line):
            indent, tail, head, rest = edge.groups()
            line = f"{indent}{name(tail)} -> {name(head)}{rest}"
        elif (node := _NODE.match(line)) and node[2] not in _KEYWORDS:
            line = f"{node[1]}{name(node[2])}{node[3]}"
        lines.append(line)
    return "\n".join(lines)


def inline_svg(svg: str, prefix: str) -> str | None:
    """An SVG file (Graphviz's) as markup inside a page: no XML prolog, doctype or comments,
    and its ids prefixed, as two drawings in one page would both have ``graph0``, ``node1``…"""
    start = svg.find("<svg")
    if start < 0:
        return None
    body = re.sub(r"<!--.*?-->", "", svg[start:], flags=re.S)
    return re.sub(r'\bid="', f'id="{prefix}-', body).strip()


def drawing(dot: str, prefix: str) -> str | None:
    """``dot`` drawn as SVG markup to put inside a page (ids prefixed by ``prefix``), the same
    bytes for the same graph; ``None`` where Graphviz's ``dot`` is not installed."""
    if not available():
        return None
    svg = subprocess.run(
        ["dot", "-Tsvg"],
        input=canonical_ids(dot),
        capture_output=True,
        text=True,
        check=True,
        timeout=DOT_TIMEOUT_S,
    ).stdout
    return inline_svg(svg, prefix)
