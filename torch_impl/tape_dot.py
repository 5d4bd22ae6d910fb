"""torch's tape as Graphviz DOT: torchviz's ``make_dot`` where it is installed, else our walk.

Why this exists: the lesson draws its graph with torchviz, but the GPU machine's image has
neither torchviz nor the ``graphviz`` Python package it builds on, and torchviz 0.0.3 imports
``distutils``, which Python 3.12 has only through setuptools' shim. The drawing is a short walk
of the tape (``grad_fn`` → ``next_functions``; an ``AccumulateGrad`` node's ``.variable`` is
the leaf whose ``.grad`` it fills), so without torchviz ``walk`` draws it here, writing the DOT
text torchviz 0.0.3 writes with its default options (node ids, labels, colours, attribute
order, the graph's size). ``drawn_by`` says which of the two drew a graph.

Colours as in torchviz: backward nodes grey (the default fill), leaves that require grad light
blue (named by ``params``, with their shape), saved tensors of custom functions orange, the
output green, the base of an output that is a view dark green (a dotted edge).

Where there is nothing to draw pictures with (no Graphviz ``dot``), ``outline`` writes the same
tape as an indented tree of text, from the output back to the leaves.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import torch

TORCHVIZ = "torchviz"
WALK = "jaxparity"
"""``drawn_by``: torchviz's ``make_dot`` drew the graph, or this module's ``walk``."""

_NODE_ATTR = {
    "style": "filled",
    "shape": "box",
    "align": "left",
    "fontsize": "10",
    "ranksep": "0.1",
    "height": "0.2",
    "fontname": "monospace",
}
_ID = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


@dataclass(frozen=True)
class TapeDot:
    """A drawn tape: the DOT ``source``, its statements (``body``) and who drew it."""

    source: str
    body: tuple[str, ...]
    drawn_by: str

    @property
    def node_count(self) -> int:
        """Node statements: every box of the drawing (an edge's line has ``->``)."""
        return sum(1 for line in self.body if "[label=" in line and "->" not in line)


def renderer() -> str:
    """Who ``draw`` would use here: ``"torchviz"`` when it imports, else ``"jaxparity"``."""
    return TORCHVIZ if _torchviz_make_dot() is not None else WALK


def draw(
    var: torch.Tensor | tuple[torch.Tensor, ...], params: Mapping[str, torch.Tensor] | None = None
) -> TapeDot:
    """The tape behind ``var`` as DOT: by torchviz's ``make_dot`` if it imports, else ``walk``.

    ``params`` names tensors (``{"Weight": w}``); a leaf not named is drawn with its shape only.
    """
    make_dot = _torchviz_make_dot()
    if make_dot is None:
        return walk(var, params)
    with warnings.catch_warnings():  # torchviz 0.0.3 compares versions with distutils
        warnings.filterwarnings("ignore", "distutils Version classes are deprecated")
        graph = make_dot(var, params=dict(params) if params is not None else None)
    return TapeDot(graph.source, tuple(graph.body), TORCHVIZ)


def _torchviz_make_dot():
    """torchviz's ``make_dot``, or ``None`` where torchviz, ``graphviz`` or ``distutils`` is
    missing (imported on each call: a test can hide it with ``sys.modules["torchviz"] = None``)."""
    try:
        with warnings.catch_warnings():  # setuptools' distutils shim may warn on import
            warnings.simplefilter("ignore")
            from torchviz import make_dot
    except ImportError:
        return None
    return make_dot


def walk(
    var: torch.Tensor | tuple[torch.Tensor, ...], params: Mapping[str, torch.Tensor] | None = None
) -> TapeDot:
    """torchviz 0.0.3's ``make_dot(var, params)`` (default options), without torchviz.

    Nodes are named by ``id()`` as torchviz names them, so every object drawn is kept alive in
    ``seen`` until the walk ends (a freed node's id could be reused by the next). Iterative,
    in torchviz's recursive order: a long tape does not hit Python's recursion limit.
    """
    names = {id(t): name for name, t in (params or {}).items()}
    seen: dict[int, object] = {}
    body: list[str] = []

    def tensor_label(t: torch.Tensor, name: str = "") -> str:
        shape = "(" + ", ".join(f"{d:d}" for d in t.size()) + ")"
        return f"{name or names.get(id(t), '')}\n {shape}"

    def node(obj: object, label: str, fillcolor: str | None = None) -> None:
        colour = f" fillcolor={_quote(fillcolor)}" if fillcolor else ""
        body.append(f"\t{id(obj)} [label={_quote(label)}{colour}]\n")

    def edge(tail: object, head: object, **attrs: str) -> None:
        attr = " ".join(f"{k}={_quote(v)}" for k, v in sorted(attrs.items()))
        body.append(f"\t{id(tail)} -> {id(head)}" + (f" [{attr}]" if attr else "") + "\n")

    def visit(fn: object) -> Iterator[object]:
        """One backward node (torchviz's ``add_nodes``); yields the nodes to visit next."""
        if id(fn) in seen:
            return
        seen[id(fn)] = fn
        if hasattr(fn, "variable"):  # AccumulateGrad: the leaf tensor it fills
            leaf = fn.variable
            seen[id(leaf)] = leaf
            node(leaf, tensor_label(leaf), "lightblue")
            edge(leaf, fn)
        node(fn, type(fn).__name__)
        for next_fn, _ in getattr(fn, "next_functions", ()):
            if next_fn is not None:
                edge(next_fn, fn)
                yield next_fn
        for saved in getattr(fn, "saved_tensors", ()):  # custom autograd.Function nodes only
            seen[id(saved)] = saved
            edge(saved, fn, dir="none")
            node(saved, tensor_label(saved), "orange")

    def add_nodes(root: object) -> None:
        stack = [visit(root)]
        while stack:
            try:
                stack.append(visit(next(stack[-1])))
            except StopIteration:
                stack.pop()

    def add_output(t: torch.Tensor, colour: str = "darkolivegreen1") -> None:
        if id(t) in seen:
            return
        seen[id(t)] = t
        node(t, tensor_label(t), colour)
        if t.grad_fn is not None:
            add_nodes(t.grad_fn)
            edge(t.grad_fn, t)
        if t._is_view():
            add_output(t._base, "darkolivegreen3")
            edge(t._base, t, style="dotted")

    for t in var if isinstance(var, tuple) else (var,):
        add_output(t)
    size = max(12, len(body) * 0.15)  # torchviz's resize_graph
    node_attr = " ".join(f"{k}={_quote(v)}" for k, v in sorted(_NODE_ATTR.items()))
    head = [
        "digraph {\n",
        f"\tgraph [size={_quote(f'{size},{size}')}]\n",
        f"\tnode [{node_attr}]\n",
    ]
    return TapeDot("".join([*head, *body, "}\n"]), tuple(body), WALK)


def outline(
    var: torch.Tensor | tuple[torch.Tensor, ...], params: Mapping[str, torch.Tensor] | None = None
) -> str:
    """The tape behind ``var`` as an indented tree: each output, then the backward nodes
    ``backward()`` visits from it (``next_functions``), down to the leaves whose ``.grad`` they
    fill (an ``AccumulateGrad``'s ``.variable``, named by ``params``, with its shape) and the
    tensors a custom Function saved. A node reached a second time is marked ``(↑)``, its
    subtree already shown. Iterative: a long tape does not hit Python's recursion limit.
    """
    names = {id(t): name for name, t in (params or {}).items()}

    def tensor(t: torch.Tensor, what: str = "") -> str:
        shape = "(" + ", ".join(f"{d:d}" for d in t.size()) + ")"
        return f"{what or names.get(id(t), '')} {shape}".strip()

    def children(obj: object) -> list[tuple[str, object]]:
        if isinstance(obj, torch.Tensor):
            return [] if obj.grad_fn is None else [(type(obj.grad_fn).__name__, obj.grad_fn)]
        found = [(type(fn).__name__, fn) for fn, _ in obj.next_functions if fn is not None]
        if hasattr(obj, "variable"):  # AccumulateGrad: the leaf tensor it fills
            found.append((tensor(obj.variable), obj.variable))
        found += [(tensor(s, "saved"), s) for s in getattr(obj, "saved_tensors", ())]
        return found

    lines: list[str] = []
    seen: set[int] = set()
    roots = var if isinstance(var, tuple) else (var,)
    # (label, object, prefix of its own line, prefix of its children's lines)
    stack = [(tensor(t), t, "", "") for t in reversed(roots)]
    keep_alive = list(roots)  # ids are names only while their objects live
    while stack:
        label, obj, first, rest = stack.pop()
        keep_alive.append(obj)
        if id(obj) in seen and not isinstance(obj, torch.Tensor):
            lines.append(f"{first}{label} (↑)")
            continue
        seen.add(id(obj))
        lines.append(first + label)
        below = children(obj)
        for i, (child_label, child) in reversed(list(enumerate(below))):
            last = i == len(below) - 1
            stack.append(
                (
                    child_label,
                    child,
                    rest + ("└─ " if last else "├─ "),
                    rest + ("   " if last else "│  "),
                )
            )
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A DOT identifier as the ``graphviz`` package writes it: bare if it may be, else quoted."""
    if _ID.match(text) and text.lower() not in _KEYWORDS:
        return text
    return '"' + re.sub(r'(?<!\\)"', lambda _: '\\"', text) + '"'
