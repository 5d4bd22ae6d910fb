"""The lesson's closing words, the PyTorch way: ordinary Python, eagerly and through
``torch.compile``.

Compare with ``jax_impl/strict.py``: same names, same order, and the same ordinary functions
(``double_or_shift``, ``affine``, …) written alike on both sides. Eager torch runs Python as it
comes. ``torch.compile`` hands the function to Dynamo, which reads its bytecode and captures
the tensor work as graphs: where it cannot (a Python ``if`` on a value, a ``print``) it *breaks*
the graph, runs that part in Python and goes on compiling after it; where a captured graph's
assumptions (its *guards*: shapes, a list's length) fail on a later call, it compiles again.
Those are Dynamo's decisions, made before any backend generates code, so the cases watch them
through a backend that counts the graphs it is handed (``GraphCounter``) and runs them as
captured; only ``new_shapes`` at the ``lesson`` size hands them to Inductor, for its seconds.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable, Iterator

import torch

from shared.cases.strict._record import message_start
from shared.tooling import tooling


class GraphCounter:
    """A ``torch.compile`` backend that counts the graphs Dynamo captures, then compiles each
    with a named backend (``eager``: runs it as captured; ``inductor``: generates code)."""

    def __init__(self, backend: str = "eager") -> None:
        self.compile = torch._dynamo.lookup_backend(backend)
        self.graphs = 0
        self.dynamic = 0  # graphs with a symbolic size: a dimension Dynamo made dynamic

    def __call__(self, graph: torch.fx.GraphModule, example_inputs: list) -> Callable:
        self.graphs += 1
        self.dynamic += any(isinstance(a, torch.SymInt) for a in example_inputs)
        return self.compile(graph, example_inputs)


def _compiled(fn: Callable, graphs: GraphCounter) -> Callable:
    """``torch.compile(fn)`` from a clean slate: Dynamo forgets every earlier compilation."""
    torch._dynamo.reset()
    return torch.compile(fn, backend=graphs)


@tooling
def _graph_break(fn: Callable, *args: object) -> str:
    """Where ``torch.compile`` breaks ``fn``'s graph, and why: the start of what Dynamo raises
    at its first graph break under ``error_on_graph_break(True)`` (otherwise the default
    settings); ``""`` when one graph holds the whole function."""
    torch._dynamo.reset()
    try:
        with torch._dynamo.error_on_graph_break(True):
            torch.compile(fn, backend="eager")(*args)
    except torch._dynamo.exc.Unsupported as e:
        return message_start(str(e))
    return ""


@tooling
def _fullgraph_error(fn: Callable, *args: object) -> str:
    """The class of what ``torch.compile(fn, fullgraph=True)`` raises: torch's strict mode,
    one graph or an error; ``""`` when it compiles."""
    torch._dynamo.reset()
    try:
        torch.compile(fn, backend="eager", fullgraph=True)(*args)
    except torch._dynamo.exc.Unsupported as e:
        return type(e).__name__
    return ""


@tooling
@contextlib.contextmanager
def _printed() -> Iterator[io.StringIO]:
    """What is printed inside the block (the lines are counted: how often a print ran)."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        yield out


@tooling
def _timed_calls(fn: Callable, calls: list[torch.Tensor]) -> tuple[list, str]:
    """``fn`` on each input, and each call's wall seconds (space-separated), with torch's
    compile caches off: a call that compiles pays what a first run pays."""
    outputs, seconds = [], []
    with torch.compiler.config.patch(force_disable_caches=True):
        for x in calls:
            start = time.perf_counter()
            outputs.append(fn(x))
            seconds.append(time.perf_counter() - start)
    return outputs, " ".join(f"{s:.3g}" for s in seconds)


def double_or_shift(x: torch.Tensor) -> torch.Tensor:
    if x.sum() > 0:  # a Python `if` on a tensor's value
        return x * 2
    return x - 1


def python_if(*, x: torch.Tensor) -> dict:
    """Eager torch takes the branch the value picks. ``torch.compile`` breaks the graph at the
    ``if``: the comparison is compiled, Python reads its value and picks the branch, and each
    branch is compiled as its own graph when first taken. With ``fullgraph=True`` the same code
    is refused (``Unsupported``).
    """
    inputs = (x, -x)  # a positive sum, then a negative one: one call down each branch
    graphs = GraphCounter()
    double_or_shift_compiled = _compiled(double_or_shift, graphs)
    return {
        "answer": torch.stack([double_or_shift(v) for v in inputs]),
        "compiled_answer": torch.stack([double_or_shift_compiled(v) for v in inputs]),
        "compile_graphs": graphs.graphs,
        "graph_break": _graph_break(double_or_shift, x),
        "fullgraph_error": _fullgraph_error(double_or_shift, x),
    }


def affine(x: torch.Tensor) -> torch.Tensor:
    return x * 2 + 1


def new_shapes(*, x: torch.Tensor, backend: str) -> dict:
    """``torch.compile`` compiles for the first shape it sees, with the length fixed. A second
    length fails that graph's guard: Dynamo compiles again, this time with the length as a
    symbol (a dynamic dimension), and that graph serves every later length."""
    calls = [x[:n] for n in range(2, len(x) + 1)]  # a new length every call
    graphs = GraphCounter(backend)
    outputs, seconds = _timed_calls(_compiled(affine, graphs), calls)
    return {
        "answer": torch.cat([affine(v) for v in calls]),
        "compiled_answer": torch.cat(outputs),
        "compile_graphs": graphs.graphs,
        "dynamic_graphs": graphs.dynamic,
        "compile_seconds": seconds,
        "compile_backend": backend,
        "graph_break": _graph_break(affine, x),
        "fullgraph_error": _fullgraph_error(affine, x),
    }


def double_and_print(x: torch.Tensor) -> torch.Tensor:
    print(x.sum())  # a side effect
    return x * 2


def side_effect_print(*, xs: torch.Tensor) -> dict:
    """The print runs on every call, eager or compiled: Dynamo cannot capture ``print`` and
    breaks the graph there (the sum before it is one graph, ``x * 2`` after it another), then
    reuses both graphs on later calls."""
    with _printed() as eager:
        answer = torch.stack([double_and_print(x) for x in xs])
    graphs = GraphCounter()
    double_and_print_compiled = _compiled(double_and_print, graphs)
    with _printed() as by_compile:
        compiled_answer = torch.stack([double_and_print_compiled(x) for x in xs])
    return {
        "answer": answer,
        "compiled_answer": compiled_answer,
        "eager_prints": len(eager.getvalue().splitlines()),
        "compile_prints": len(by_compile.getvalue().splitlines()),
        "compile_graphs": graphs.graphs,
        "graph_break": _graph_break(double_and_print, xs[0]),
        "fullgraph_error": _fullgraph_error(double_and_print, xs[0]),
    }


def logging_double() -> tuple[Callable, list]:
    """A function that appends to a list outside it, and that list."""
    log = []

    def double_and_log(x: torch.Tensor) -> torch.Tensor:
        log.append(x.sum())  # a side effect
        return x * 2

    return double_and_log, log


def side_effect_append(*, xs: torch.Tensor) -> dict:
    """Dynamo captures the append, no graph break: the compiled function appends the same
    values on every call. But the graph is guarded by the list's length, which the append
    changes, so every call compiles again (past 8, Dynamo gives up and runs it eagerly)."""
    double_and_log, eager_log = logging_double()
    for x in xs:
        double_and_log(x)
    graphs = GraphCounter()
    double_and_log, compiled_log = logging_double()
    double_and_log_compiled = _compiled(double_and_log, graphs)
    for x in xs:
        double_and_log_compiled(x)
    double_and_log, _ = logging_double()  # a list of its own for the two checks below
    return {
        "logged": torch.stack(eager_log),
        "compiled_logged": torch.stack(compiled_log),
        "eager_appends": len(eager_log),
        "compile_appends": len(compiled_log),
        "compile_graphs": graphs.graphs,
        "graph_break": _graph_break(double_and_log, xs[0]),
        "fullgraph_error": _fullgraph_error(double_and_log, xs[0]),
    }


def zero_first(x: torch.Tensor) -> torch.Tensor:
    x[0] = 0  # an in-place update
    return x


def inplace_update(*, x: torch.Tensor) -> dict:
    """A tensor is a buffer: ``x[0] = 0`` writes into it, eagerly and compiled alike (Dynamo
    captures the write and replays it on the input). ``zero_first`` returns ``x`` itself."""
    eager_x, compiled_x = x.clone(), x.clone()
    answer = zero_first(eager_x)
    graphs = GraphCounter()
    compiled_answer = _compiled(zero_first, graphs)(compiled_x)
    return {
        "answer": answer,
        "compiled_answer": compiled_answer,
        "eager_mutates_input": not torch.equal(eager_x, x),
        "compile_mutates_input": not torch.equal(compiled_x, x),
        "compile_graphs": graphs.graphs,
        "graph_break": _graph_break(zero_first, x.clone()),
        "fullgraph_error": _fullgraph_error(zero_first, x.clone()),
    }


def positives(x: torch.Tensor) -> torch.Tensor:
    return x[x > 0]  # as long as there are positive numbers


def dynamic_shape(*, x: torch.Tensor) -> dict:
    """By default ``torch.compile`` breaks the graph at the boolean index (its output's length
    depends on the data): the comparison is compiled, the indexing runs eagerly. With
    ``fullgraph=True`` it compiles instead, with the length as an unknown symbol (an unbacked
    size), since a graph break is not allowed there."""
    graphs = GraphCounter()
    return {
        "answer": positives(x),
        "compiled_answer": _compiled(positives, graphs)(x),
        "compile_graphs": graphs.graphs,
        "graph_break": _graph_break(positives, x),
        "fullgraph_error": _fullgraph_error(positives, x),
    }
