"""The lesson's closing words, the JAX way: the same ordinary Python under ``jax.jit``, and the
rewrite that works.

Compare with ``torch_impl/strict.py``: same names, same order, and the same ordinary functions
(``double_or_shift``, ``affine``, …) written alike on both sides. ``jax.jit`` runs the Python
function once per input shape and dtype with *tracers*, abstract values that know their shape
but not their numbers, records the operations into a jaxpr and compiles that with XLA; later
calls of the same shape run the compiled program and not the Python. So Python cannot look at
a value (an ``if``, a boolean index), Python side effects happen once, at trace time, and a new
shape is a new trace and compilation. Arrays are values, never buffers: nothing writes into
them, with ``jit`` or without. Compilations are counted by JAX's own monitoring events.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Callable, Iterator

import jax
import jax.numpy as jnp
import numpy as np

from shared.cases.strict._record import message_start
from shared.tooling import tooling

COMPILE_EVENT = "/jax/core/compile/backend_compile_duration"
"""The event JAX records each time XLA compiles a program (``jax.monitoring``)."""


@tooling
def _raised(fn: Callable, *args: object) -> tuple[str, str]:
    """The class and message start of what ``fn(*args)`` raises; ``("", "")`` when it runs.
    Whatever it raises is reported, not hidden: the case's expectations judge it."""
    try:
        jax.block_until_ready(fn(*args))
    except Exception as e:
        return type(e).__name__, message_start(str(e))
    return "", ""


@tooling
@contextlib.contextmanager
def _compilations(fn: Callable) -> Iterator[list[float]]:
    """The XLA compilations of ``jax.jit(fn)`` inside the block, each one's seconds."""
    seconds: list[float] = []

    def listen(event: str, duration: float, **tags: object) -> None:
        if event == COMPILE_EVENT and tags.get("fun_name") == f"jit({fn.__name__})":
            seconds.append(duration)

    jax.monitoring.register_event_duration_secs_listener(listen)
    try:
        yield seconds
    finally:
        jax.monitoring.unregister_event_duration_listener(listen)


@tooling
@contextlib.contextmanager
def _printed() -> Iterator[io.StringIO]:
    """What is printed inside the block (the lines are counted: how often a print ran)."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        yield out
        jax.effects_barrier()  # jax.debug.print runs when the device gets there


@tooling
def _timed_calls(fn: Callable, calls: list) -> tuple[list, str]:
    """``fn`` on each input, and each call's wall seconds (space-separated): a call that
    traces and compiles pays for both."""
    outputs, seconds = [], []
    for x in calls:
        start = time.perf_counter()
        outputs.append(jax.block_until_ready(fn(x)))
        seconds.append(time.perf_counter() - start)
    return outputs, " ".join(f"{s:.3g}" for s in seconds)


def _jitted(fn: Callable) -> Callable:
    """``jax.jit(fn)`` from a clean slate: JAX forgets earlier traces and compilations of
    ``fn`` (it keeps them per function, for the whole process)."""
    fn_jit = jax.jit(fn)
    fn_jit.clear_cache()
    return fn_jit


def double_or_shift(x: jax.Array) -> jax.Array:
    if x.sum() > 0:  # a Python `if` on a tensor's value
        return x * 2
    return x - 1


def _double_or_shift_where(x: jax.Array) -> jax.Array:
    """Both branches computed, the value picks one: ``jnp.where``."""
    return jnp.where(x.sum() > 0, x * 2, x - 1)


def _double_or_shift_cond(x: jax.Array) -> jax.Array:
    """Both branches compiled, only the one the value picks runs: ``lax.cond``."""
    return jax.lax.cond(x.sum() > 0, lambda x: x * 2, lambda x: x - 1, x)


def python_if(*, x: jax.Array) -> dict:
    """Under ``jit``, ``x.sum() > 0`` is a tracer: Python's ``if`` needs a ``bool`` that does
    not exist yet (``TracerBoolConversionError``). Without ``jit`` the values are concrete and
    the ``if`` works. ``jnp.where`` and ``lax.cond`` say the branch in JAX's terms."""
    inputs = (x, -x)  # a positive sum, then a negative one: one call down each branch
    jit_error, jit_message = _raised(_jitted(double_or_shift), x)
    op_by_op_error, op_by_op_message = _raised(double_or_shift, x)
    where, cond = jax.jit(_double_or_shift_where), jax.jit(_double_or_shift_cond)
    return {
        "answer": jnp.stack([where(v) for v in inputs]),
        "cond_answer": jnp.stack([cond(v) for v in inputs]),
        "jit_error": jit_error,
        "jit_message": jit_message,
        "op_by_op_error": op_by_op_error,
        "op_by_op_message": op_by_op_message,
    }


def affine(x: jax.Array) -> jax.Array:
    return x * 2 + 1


def new_shapes(*, x: jax.Array, backend: str) -> dict:
    """``jax.jit`` traces and compiles once per input shape: four lengths, four compilations
    (``backend`` is not used: ``jit`` always compiles with XLA). The rewrite pads every input to
    one length before the call, as a data loader would, and cuts the result back: one compilation
    serves them all.
    """
    lengths = range(2, len(x) + 1)
    calls = [x[:n] for n in lengths]  # a new length every call
    with _compilations(affine) as per_shape:
        outputs, seconds = _timed_calls(_jitted(affine), calls)
    host = np.asarray(x)
    padded = [np.pad(host[:n], (0, len(host) - n)) for n in lengths]  # one length for all
    affine_jit = _jitted(affine)
    with _compilations(affine) as one_shape:
        answer = [np.asarray(affine_jit(p))[:n] for p, n in zip(padded, lengths, strict=True)]
    return {
        "answer": jnp.asarray(np.concatenate(answer)),
        "jit_answer": jnp.concatenate(outputs),
        "jit_compiles": len(per_shape),
        "rewrite_compiles": len(one_shape),
        "jit_seconds": seconds,
    }


def double_and_print(x: jax.Array) -> jax.Array:
    print(x.sum())  # a side effect
    return x * 2


def _double_and_debug_print(x: jax.Array) -> jax.Array:
    """``jax.debug.print`` becomes part of the compiled program: it runs on every call."""
    jax.debug.print("{}", x.sum())
    return x * 2


def side_effect_print(*, xs: jax.Array) -> dict:
    """Under ``jit`` the print runs once, while tracing, and prints a tracer, not a number;
    later calls run the compiled program, which has no print in it. Without ``jit`` it runs on
    every call. ``jax.debug.print`` puts the print into the compiled program."""
    with _printed() as op_by_op:
        for x in xs:
            double_and_print(x)
    double_and_print_jit = _jitted(double_and_print)
    with _printed() as by_jit:
        jit_answer = jnp.stack([double_and_print_jit(x) for x in xs])
    debug_print = jax.jit(_double_and_debug_print)
    with _printed() as by_rewrite:
        answer = jnp.stack([debug_print(x) for x in xs])
    return {
        "answer": answer,
        "jit_answer": jit_answer,
        "op_by_op_prints": len(op_by_op.getvalue().splitlines()),
        "jit_prints": len(by_jit.getvalue().splitlines()),
        "jit_printed": by_jit.getvalue().split("\n", 1)[0],
        "rewrite_prints": len(by_rewrite.getvalue().splitlines()),
    }


def logging_double() -> tuple[Callable, list]:
    """A function that appends to a list outside it, and that list."""
    log = []

    def double_and_log(x: jax.Array) -> jax.Array:
        log.append(x.sum())  # a side effect
        return x * 2

    return double_and_log, log


def _double_and_sum(x: jax.Array) -> tuple[jax.Array, jax.Array]:
    """What the function would log, returned instead: the caller appends it."""
    return x * 2, x.sum()


def side_effect_append(*, xs: jax.Array) -> dict:
    """Under ``jit`` the append runs once, while tracing, and appends a tracer: a value of the
    trace that has ended, which fails as soon as it is used (``UnexpectedTracerError``). The
    rewrite returns what to log, and the caller appends it: a JAX function has no side
    effects."""
    double_and_log, jit_log = logging_double()
    double_and_log_jit = _jitted(double_and_log)
    for x in xs:
        double_and_log_jit(x)
    use_error, _ = _raised(jnp.stack, jit_log)
    double_and_sum = jax.jit(_double_and_sum)
    log = []
    for x in xs:
        _, total = double_and_sum(x)
        log.append(total)  # outside the compiled function: every call
    return {
        "logged": jnp.stack(log),
        "jit_appends": len(jit_log),
        "jit_logged_use_error": use_error,
        "rewrite_appends": len(log),
    }


def zero_first(x: jax.Array) -> jax.Array:
    x[0] = 0  # an in-place update
    return x


def _zero_first_at(x: jax.Array) -> jax.Array:
    """A new array with element 0 set: ``.at[0].set`` (inside a jitted function XLA writes in
    place where the old value is not needed any more)."""
    return x.at[0].set(0)


def inplace_update(*, x: jax.Array) -> dict:
    """A JAX array is a value: ``x[0] = 0`` is a ``TypeError``, with ``jit`` or without, and
    the message names the rewrite, ``x.at[0].set(0)``, which returns a new array and leaves
    ``x`` as it was."""
    jit_error, jit_message = _raised(_jitted(zero_first), x)
    op_by_op_error, op_by_op_message = _raised(zero_first, x)
    before = np.array(x)
    answer = jax.jit(_zero_first_at)(x)
    return {
        "answer": answer,
        "rewrite_mutates_input": not np.array_equal(np.asarray(x), before),
        "jit_error": jit_error,
        "jit_message": jit_message,
        "op_by_op_error": op_by_op_error,
        "op_by_op_message": op_by_op_message,
    }


def positives(x: jax.Array) -> jax.Array:
    return x[x > 0]  # as long as there are positive numbers


def _positives_padded(x: jax.Array) -> tuple[jax.Array, jax.Array]:
    """The positives first, then filler, in room for all of ``x``: a shape known before the
    values (``size=``), and how many of them are real."""
    (index,) = jnp.nonzero(x > 0, size=x.shape[0])
    return x[index], jnp.sum(x > 0)


def _positives_where(x: jax.Array) -> jax.Array:
    """The shape kept: zeros where the numbers are not positive."""
    return jnp.where(x > 0, x, 0)


def dynamic_shape(*, x: jax.Array) -> dict:
    """Under ``jit`` the mask is a tracer and the result's length unknown: a boolean index is
    refused (``NonConcreteBooleanIndexError``); without ``jit`` it works. The rewrites fix the
    shape: ``jnp.nonzero(..., size=)`` with room for every number, cut to the count outside
    ``jit``, or ``jnp.where``, which keeps the zeros."""
    jit_error, jit_message = _raised(_jitted(positives), x)
    op_by_op_error, op_by_op_message = _raised(positives, x)
    padded, count = jax.jit(_positives_padded)(x)
    return {
        "answer": padded[: int(count)],  # outside jit the count is a number
        "where_answer": jax.jit(_positives_where)(x),
        "jit_error": jit_error,
        "jit_message": jit_message,
        "op_by_op_error": op_by_op_error,
        "op_by_op_message": op_by_op_message,
    }
