"""A case's code in each framework, as a student should read it (nothing imported, nothing run).

The case function ``<framework>_impl/<topic>.py::<name>`` with everything of its module it
uses, transitively: helper functions and classes (``MySquare``, ``_layer``), module-level
values (``_regression_grad = jax.jit(...)``) and the statements that complete them
(``my_square.defvjp(_square_fwd, _square_bwd)``), in the module's own order, so the code reads
top to bottom and runs as it stands. Helpers marked ``@tooling`` (plumbing, introspection,
measurement: ``shared.tooling``) are left out, and so is what only they use.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK_PACKAGES = {"torch": "torch_impl", "jax": "jax_impl"}


def path_of(framework: str, case: Case) -> Path:
    return ROOT / FRAMEWORK_PACKAGES[framework] / f"{case.topic}.py"


def companions(framework: str, topic: str) -> list[Path]:
    """The modules beside a topic's own, ``<package>/<topic>_<what>.py``: what a long topic keeps
    apart because a student need not read it (its timing setups, artifacts, plumbing), each
    mirrored by the module of the same name in the other package. Never shown."""
    return sorted((ROOT / FRAMEWORK_PACKAGES[framework]).glob(f"{topic}_*.py"))


@dataclass(frozen=True)
class _Module:
    lines: list[str]
    statements: list[ast.stmt]
    defined: dict[str, int]
    """Name → index of the statement that defines it (def, class or assignment)."""


@cache
def _module(path: Path) -> _Module:
    text = path.read_text(encoding="utf-8")
    statements = ast.parse(text).body
    defined: dict[str, int] = {}
    for i, node in enumerate(statements):
        for name in _binds(node):
            defined.setdefault(name, i)
    return _Module(text.splitlines(), statements, defined)


def _binds(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def _is_tooling(node: ast.stmt) -> bool:
    decorators = getattr(node, "decorator_list", [])
    return any(isinstance(d, ast.Name) and d.id == "tooling" for d in decorators)


def _names_used(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _completes(node: ast.stmt, names: set[str]) -> bool:
    """A bare module-level statement that works on a shown name: ``f.defvjp(fwd, bwd)``."""
    if not isinstance(node, ast.Expr) or not isinstance(node.value, ast.Call):
        return False
    target = node.value.func
    while isinstance(target, ast.Attribute):
        target = target.value
    return isinstance(target, ast.Name) and target.id in names


def _closure(module: _Module, start: int) -> list[int]:
    """Statements the one at ``start`` needs, itself included, in module order."""
    chosen, pending = set(), [start]
    while pending:
        index = pending.pop()
        if index in chosen:
            continue
        chosen.add(index)
        node = module.statements[index]
        for name in _names_used(node):
            target = module.defined.get(name)
            if target is not None and not _is_tooling(module.statements[target]):
                pending.append(target)
        shown = {name for i in chosen for name in _binds(module.statements[i])}
        pending += [
            i
            for i, other in enumerate(module.statements)
            if i not in chosen and _completes(other, shown)
        ]
    return sorted(chosen)


def _segment(module: _Module, node: ast.stmt) -> str:
    decorators = getattr(node, "decorator_list", [])
    start = min([node.lineno] + [d.lineno for d in decorators])
    return "\n".join(module.lines[start - 1 : node.end_lineno])


def source(framework: str, case: Case) -> str | None:
    """The case's code in ``framework`` (``None`` when the function does not exist)."""
    path = path_of(framework, case)
    if not path.is_file():
        return None
    module = _module(path)
    start = module.defined.get(case.name)
    if start is None:
        return None
    parts, previous = [], None
    for index in _closure(module, start):
        node = module.statements[index]
        # Statements that follow each other in the module and are not definitions stay
        # together; definitions get PEP 8's two blank lines.
        together = previous == index - 1 and not (
            _binds_def(node) or _binds_def(module.statements[previous])
        )
        parts.append(("" if not parts else "\n" if together else "\n\n\n") + _segment(module, node))
        previous = index
    return "".join(parts)


def _binds_def(node: ast.stmt) -> bool:
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)


def docstring(framework: str, case: Case) -> str:
    """The case function's docstring in ``framework`` (empty when it has none)."""
    module = _module(path_of(framework, case))
    index = module.defined.get(case.name)
    node = None if index is None else module.statements[index]
    return (ast.get_docstring(node) or "") if isinstance(node, ast.FunctionDef) else ""


def location(framework: str, case: Case) -> str:
    return f"{FRAMEWORK_PACKAGES[framework]}/{case.topic}.py::{case.name}"
