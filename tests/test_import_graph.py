"""The import graph of ``jaxparity/``, ``bench/`` and ``shared/``, read from the source: no
cycle, and one direction between the product and the benchmarks.

Every ``import`` and ``from … import`` counts, at module level or inside a function (or under
``if TYPE_CHECKING``): an import deferred into a function is still a dependency, only a later
one, and deferring it is how a cycle hides (``jaxparity/bench.py`` and ``bench/harness.py`` once
imported each other that way). An edge goes to the module named — ``from jaxparity import
results`` to ``jaxparity.results``, ``from jaxparity.results import load`` to
``jaxparity.results`` — not to the packages above it, whose ``__init__`` Python runs first but
which a module does not depend on by design.

The direction: ``bench/`` (the pytest harness that times) and ``tests/`` import the product
(``jaxparity/``, ``shared/``); the product never imports them (``jaxparity`` launches pytest on
``bench/`` files by path).
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("jaxparity", "bench", "shared")
"""Whose modules are the graph's nodes."""
PRODUCT = ("jaxparity", "shared")
TESTS = ("bench", "tests")
"""What the product must not import: the harness and test modules (``bench/test_*.py``,
``tests/``, the conftest files among them)."""

Edge = tuple[str, str, str]
"""(importing module, imported module, where: ``path:line``)."""


def _module(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(root: Path, name: str) -> bool:
    path = root.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(
    root: Path, node: ast.Import | ast.ImportFrom, module: str, is_package: bool
) -> list[str]:
    """The project modules an import statement names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    base = node.module or ""
    if node.level:  # relative: from the importing module's package
        package = module.split(".")
        package = package if is_package else package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *([base] if base else [])])
    found = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        found.append(sub if _exists(root, sub) else base)
    return found


def _edges(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> list[Edge]:
    """Every import in ``packages`` (folders of ``root``) of a module of ``packages`` or
    ``TESTS``."""
    edges = []
    for path in sorted(p for pkg in packages for p in (root / pkg).rglob("*.py")):
        module = _module(root, path)
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _imported(root, node, module, path.name == "__init__.py"):
                if target.split(".")[0] in (*packages, *TESTS) and target != module:
                    edges.append((module, target, f"{path.relative_to(root)}:{node.lineno}"))
    return edges


def _cycles(edges: list[Edge]) -> list[list[str]]:
    """One cycle through each strongly connected set of modules (Tarjan's algorithm): fixing
    it may leave another in the same set, so the test names the whole set too
    (:func:`_tangled`)."""
    graph: dict[str, set[str]] = {}
    for a, b, _ in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_path_within(graph, c) for c in components]


def _tangled(edges: list[Edge], cycle: list[str]) -> set[str]:
    """Every module on some cycle with ``cycle``'s: those reachable from its first module and
    reaching it back."""
    graph: dict[str, set[str]] = {}
    for a, b, _ in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())

    def reach(start: str, step: dict[str, set[str]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for w in step[todo.pop()] - seen:
                seen.add(w)
                todo.append(w)
        return seen

    back: dict[str, set[str]] = {v: set() for v in graph}
    for a, targets in graph.items():
        for b in targets:
            back[b].add(a)
    return reach(cycle[0], graph) & reach(cycle[0], back)


def _path_within(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """A shortest cycle through the component's first module, staying inside it."""
    start = min(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            for w in sorted(graph[v] & component):
                if w == start:
                    return [*paths[v], start]
                if w not in paths:
                    paths[w] = [*paths[v], w]
                    following.append(w)
        frontier = following
    raise AssertionError(f"no cycle through {start} in {sorted(component)}")


def _where(edges: list[Edge], cycle: list[str]) -> str:
    lines = {(a, b): w for a, b, w in edges}
    return ", ".join(lines[a, b] for a, b in itertools.pairwise(cycle))


def test_the_reader_counts_every_kind_of_import(tmp_path: Path) -> None:
    """Module level or deferred into a function, absolute or relative, a module or a name
    from it: each is an edge to the module named; cycles are found and shown in order."""
    for name, text in {
        "pkg/__init__.py": "from .sub import thing\n",
        "pkg/sub.py": "def f():\n    from pkg import other\n",
        "pkg/other.py": "import pkg.deep.leaf\nfrom pkg.sub import f\n",
        "pkg/deep/__init__.py": "",
        "pkg/deep/leaf.py": "from .. import other\nfrom ..sub import f\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    edges = _edges(tmp_path, ("pkg",))
    assert sorted((a, b) for a, b, _ in edges) == [
        ("pkg", "pkg.sub"),
        ("pkg.deep.leaf", "pkg.other"),
        ("pkg.deep.leaf", "pkg.sub"),
        ("pkg.other", "pkg.deep.leaf"),
        ("pkg.other", "pkg.sub"),
        ("pkg.sub", "pkg.other"),
    ]
    (cycle,) = _cycles(edges)
    assert cycle == ["pkg.deep.leaf", "pkg.other", "pkg.deep.leaf"]
    assert _tangled(edges, cycle) == {"pkg.deep.leaf", "pkg.other", "pkg.sub"}
    assert _where(edges, ["pkg.other", "pkg.sub", "pkg.other"]) == ("pkg/other.py:2, pkg/sub.py:2")


def test_no_import_cycle() -> None:
    edges = _edges()
    found = []
    for cycle in _cycles(edges):
        more = sorted(_tangled(edges, cycle) - set(cycle))
        found.append(
            f"{' → '.join(cycle)} ({_where(edges, cycle)})"
            + (f"; tangled with it: {', '.join(more)}" if more else "")
        )
    assert not found, "import cycles:\n" + "\n".join(found)


def test_the_product_imports_no_benchmark_or_test_module() -> None:
    wrong = sorted(
        {
            f"{a} imports {b} ({where})"
            for a, b, where in _edges()
            if a.split(".")[0] in PRODUCT and b.split(".")[0] in TESTS
        }
    )
    assert not wrong, "\n".join(wrong)
