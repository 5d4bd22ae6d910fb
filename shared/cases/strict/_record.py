"""What the strict cases' records share (moved from shared/cases/strict.py)."""

from __future__ import annotations

import re

CALLS = 3
"""Calls of a function with a side effect: one per row of its input."""


LENGTH = 5
"""``strict.new_shapes``' input length: the function is called on its prefixes of lengths 2, 3,
4 and 5, a new shape each time (Dynamo treats lengths 0 and 1 apart, so none below 2)."""


FLOAT32 = ("float32",)


def message_start(message: str) -> str:
    """An error message's stable start, as the cases observe it: its first line up to the
    first end of a sentence or clause (``.`` or ``;``). What follows names shapes, files,
    line numbers and links, which change with the input and the version."""
    first = message.strip().split("\n", 1)[0]
    return re.split(r"[.;](?:\s|$)", first, maxsplit=1)[0]


SECONDS = (
    "each call's wall seconds, machine-dependent: shown in the report; the compilations "
    "behind them are judged by their counts"
)


TORCH_STRICT = "Unsupported"
"""What ``torch.compile(fullgraph=True)`` raises at a graph break (``torch._dynamo.exc``)."""


def _compiled(graphs: int, graph_break: str = "", fullgraph_error: str = "") -> dict:
    """What ``torch.compile`` did: graphs captured, where it broke the graph, and whether
    ``fullgraph=True`` refused the function."""
    return {
        "compile_graphs": graphs,
        "graph_break": graph_break,
        "fullgraph_error": fullgraph_error,
    }


def _raised(error: str, message: str, op_by_op: tuple[str, str] = ("", "")) -> dict:
    """What ``jax.jit`` raised, and what the same function without ``jit`` did."""
    return {
        "jit_error": error,
        "jit_message": message,
        "op_by_op_error": op_by_op[0],
        "op_by_op_message": op_by_op[1],
    }


IMMUTABLE = "JAX arrays are immutable and do not support in-place item assignment"
