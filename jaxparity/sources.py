"""A case's code in each framework, read from the files (nothing imported, nothing run).

The case function ``<framework>_impl/<topic>.py::<name>`` with the module-level functions and
classes it uses by name (one level: ``_layer`` behind ``layer``, ``MyFirstNetwork`` behind
``first_network``), so a student sees the whole idea, not a call to something hidden.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK_PACKAGES = {"torch": "torch_impl", "jax": "jax_impl"}


def path_of(framework: str, case: Case) -> Path:
    return ROOT / FRAMEWORK_PACKAGES[framework] / f"{case.topic}.py"


@cache
def _module(path: Path) -> tuple[list[str], dict[str, ast.stmt]]:
    text = path.read_text()
    tree = ast.parse(text)
    defs: dict[str, ast.stmt] = {
        n.name: n
        for n in tree.body
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    return text.splitlines(), defs


def _segment(lines: list[str], node: ast.stmt) -> str:
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno] + [d.lineno for d in decorators])
    return "\n".join(lines[start - 1 : node.end_lineno])


def source(framework: str, case: Case) -> str | None:
    """The case's code in ``framework`` (``None`` when the function does not exist yet)."""
    path = path_of(framework, case)
    if not path.is_file():
        return None
    lines, defs = _module(path)
    node = defs.get(case.name)
    if node is None:
        return None
    used = [
        n.id
        for n in ast.walk(node)
        if isinstance(n, ast.Name) and n.id in defs and n.id != case.name
    ]
    helpers = [defs[name] for name in dict.fromkeys(used)]
    return "\n\n\n".join(_segment(lines, n) for n in [node, *helpers])


def location(framework: str, case: Case) -> str:
    return f"{FRAMEWORK_PACKAGES[framework]}/{case.topic}.py::{case.name}"
