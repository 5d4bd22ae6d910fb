"""Section 3, autograd, the JAX way: differentiate functions, by argument, and get values back.

Compare with ``torch_impl/autograd.py``: same names, same order. JAX has no
``requires_grad``, no tape, no ``.grad`` attribute and no ``backward()``. ``jax.grad(f,
argnums=...)`` is a new function that returns the gradients of ``f`` w.r.t. the arguments you
name; nothing is stored, so nothing accumulates, and arrays are immutable, so nothing saved for
the backward pass can be overwritten. Where torch says ``detach()``, JAX says
``lax.stop_gradient``.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path

import jax
import jax.extend.core
import jax.numpy as jnp
import numpy as np
from jax import lax

from jax_impl.backend import jax_device
from shared import data
from shared.run_modes import EAGER
from shared.tooling import tooling


@tooling
def _grad_kind(grad: jax.Array) -> str:
    """Never ``"None"``, unlike torch's: ``jax.grad`` returns an array for every argnum."""
    return "zeros" if not bool(jnp.any(grad)) else "nonzero"


# The lesson's functions. tests/test_autograd.py runs them through jax.test_util.check_grads.


def lesson_z(x: jax.Array, y: jax.Array) -> jax.Array:
    return 3 * x**3 - y**2


def predict(w: jax.Array, b: jax.Array, X: jax.Array) -> jax.Array:
    return X @ w + b  # (n,)


def mse(y_hat: jax.Array, y: jax.Array, total: int | None = None) -> jax.Array:
    """``mean((y − ŷ)²)``; a chunk of a bigger batch divides by the whole batch's ``total``
    instead, so that the chunks' gradients add up to the full batch's gradient."""
    squared = (y - y_hat) ** 2
    return jnp.mean(squared) if total is None else jnp.sum(squared) / total


def regression_loss(
    w: jax.Array, b: jax.Array, X: jax.Array, y: jax.Array, total: int | None = None
) -> jax.Array:
    return mse(predict(w, b, X), y, total)


def calc_loss(A: jax.Array, B: jax.Array, q: float, b: jax.Array, num_iters: int) -> jax.Array:
    """The lesson's big graph, traced: the Python loop unrolls into ``num_iters + 1`` matmuls
    in the jaxpr (XLA then notices they are all the same ``A @ B``)."""
    C = A + A @ B + B
    for _ in range(num_iters):
        C = q * C + A @ B + b
    return jnp.mean(C)


def rows_norm(weight: jax.Array, idx: jax.Array) -> jax.Array:
    """``‖weight[idx]‖``: the lesson's embedding lookup (``jnp.take`` of rows) + norm."""
    return jnp.linalg.norm(jnp.take(weight, idx, axis=0))


def masked_zero(m: jax.Array) -> jax.Array:
    """The lesson's ``m[m > 0.5] = 0``, the only way JAX has: a new array."""
    return jnp.where(m > 0.5, 0.0, m)


def clone_and_detach(x: jax.Array, y: jax.Array) -> jax.Array:
    """The lesson's ``x + x.clone() + y.detach()``: a copy is a value, detach is stop_gradient."""
    return x + jnp.copy(x) + lax.stop_gradient(y)


@jax.custom_vjp
def my_square(x: jax.Array) -> jax.Array:
    """The lesson's ``MySquare`` as ``jax.custom_vjp``: ``fwd`` returns the output and the
    residuals (``x``), ``bwd`` maps residuals and cotangent to a tuple of input cotangents.

    torch instead: a ``torch.autograd.Function`` with ``ctx.save_for_backward``.
    """
    return x**2


def _square_fwd(x: jax.Array) -> tuple[jax.Array, jax.Array]:
    return x**2, x


def _square_bwd(x: jax.Array, g: jax.Array) -> tuple[jax.Array]:
    return (2 * x * g,)


my_square.defvjp(_square_fwd, _square_bwd)


@jax.custom_vjp
def my_square_wrong(x: jax.Array) -> jax.Array:
    """The lesson's first backward, ``grad_output * 2``: it forgets the factor ``x``.

    Kept as a teaching example: nothing fails when it runs, only ``check_grads`` notices.
    """
    return x**2


my_square_wrong.defvjp(_square_fwd, lambda x, g: (g * 2,))


def backward_basics(*, x: jax.Array, y: jax.Array, v: jax.Array) -> dict:
    """``jax.grad(f, argnums=(0, 1))`` of ``sum(3x³ − y²)`` returns (9x², −2y) as values.

    A cotangent ``v`` other than ones is ``jax.vjp``: it returns ``z`` and a pullback that can be
    called as often as you like.
    """
    grad_x, grad_y = jax.grad(lambda x, y: jnp.sum(lesson_z(x, y)), argnums=(0, 1))(x, y)
    z, pullback = jax.vjp(lesson_z, x, y)
    vjp_grad_x, vjp_grad_y = pullback(v)
    return {
        "z": z,
        "grad_x": grad_x,
        "grad_y": grad_y,
        "vjp_grad_x": vjp_grad_x,
        "vjp_grad_y": vjp_grad_y,
        "matches_9x2": bool(jnp.allclose(grad_x, 9 * x**2)),
    }


def requires_grad(*, x: jax.Array, y: jax.Array) -> dict:
    """Arrays carry no flag and record nothing: ``z`` is a plain array.

    What to differentiate is chosen when calling ``jax.grad(f, argnums=...)``; the graph exists only
    as the jaxpr JAX traces from ``f``, whose last operation is ``sub``.
    """
    x = jnp.array(x)  # this function's own copy: nothing else keeps it alive
    z = lesson_z(x, y)
    jaxpr = jax.make_jaxpr(lesson_z)(x, y)
    x_alive = weakref.ref(x)
    del x  # z is a plain value: nothing in it refers back to x
    return {
        "z": z,
        "output_op": jaxpr.eqns[-1].primitive.name,
        "result_keeps_input_alive": x_alive() is not None,
    }


def intermediate_grad(*, x: jax.Array, y: jax.Array, v: jax.Array) -> dict:
    """The gradient w.r.t. an intermediate ``z`` is the gradient w.r.t. a zero added to it.

    ``f(x, dz) = sum(v · (z(x) + dz))`` at ``dz = 0``: ``∂f/∂dz`` is ``∂f/∂z``, and the same call
    gives ``∂f/∂x``.
    """
    zero = jnp.zeros_like(x)
    grad_z = jax.grad(lambda dz: jnp.sum(lesson_z(x, y) + dz))(zero)
    vjp_grad_x, vjp_grad_z = jax.grad(
        lambda x, dz: jnp.sum(v * (lesson_z(x, y) + dz)), argnums=(0, 1)
    )(x, zero)
    return {
        "grad_z": grad_z,
        "vjp_grad_z": vjp_grad_z,
        "vjp_grad_x": vjp_grad_x,
    }


_PARAM_NAMES = ("Weight", "Bias", "X", "y")
"""The regression loss's arguments as the graph labels them (torchviz's ``params`` names)."""


def graph_view(*, X: jax.Array, y: jax.Array, w: jax.Array, b: jax.Array) -> dict:
    """The lesson's MSE as a jaxpr, and that jaxpr drawn as Graphviz DOT.

    A jaxpr is the traced *forward* program, every argument an input (``X`` and ``y`` too: nothing
    marks parameters); ``jax.grad`` derives the backward program from it (``grad_jaxpr``).
    """
    jaxpr = jax.make_jaxpr(regression_loss)(w, b, X, y)
    grad_jaxpr = jax.make_jaxpr(jax.grad(regression_loss, argnums=(0, 1)))(w, b, X, y)
    loss, (grad_w, grad_b) = jax.value_and_grad(regression_loss, argnums=(0, 1))(w, b, X, y)
    dot, node_count = _jaxpr_dot(jaxpr.jaxpr, _PARAM_NAMES)
    used = {v for e in jaxpr.eqns for v in e.invars if isinstance(v, jax.extend.core.Var)}
    return {
        "loss": loss,
        "grad_w": grad_w,
        "grad_b": grad_b,
        "graph_text": dot,
        "jaxpr": jaxpr.pretty_print(use_color=False),  # str() colours it in a notebook
        "grad_jaxpr": grad_jaxpr.pretty_print(use_color=False),
        "node_count": node_count,
        "ops": ",".join(sorted({eqn.primitive.name for eqn in jaxpr.eqns})),
        "leaves": ",".join(
            sorted(
                name for name, v in zip(_PARAM_NAMES, jaxpr.jaxpr.invars, strict=True) if v in used
            )
        ),
        "matmul_op": next(e.primitive.name for e in jaxpr.eqns if "dot" in e.primitive.name),
    }


@tooling
def _jaxpr_dot(jaxpr: jax.extend.core.Jaxpr, names: tuple[str, ...]) -> tuple[str, int]:
    """A jaxpr as Graphviz DOT: one box per input, equation and output, edges along vars.

    Drawn in torchviz's colours (inputs light blue, the output green), top-level equations
    only: a nested ``jit`` or ``custom_vjp_call`` is one box named after its primitive.
    """
    lines = [
        "digraph {",
        '\tgraph [size="12,12"]',
        "\tnode [fontname=monospace fontsize=10 height=0.2 shape=box style=filled]",
    ]
    producer: dict[object, str] = {}

    def aval(var: object) -> str:
        return var.aval.str_short()

    for i, (var, name) in enumerate(zip(jaxpr.invars, names, strict=True)):
        producer[var] = f"in{i}"
        lines.append(f'\tin{i} [label="{name}\\n{aval(var)}" fillcolor=lightblue]')
    for i, eqn in enumerate(jaxpr.eqns):
        consts = [f" {v.val}" for v in eqn.invars if isinstance(v, jax.extend.core.Literal)]
        scalars = [f" {k}={v}" for k, v in eqn.params.items() if isinstance(v, int | float)]
        label = eqn.primitive.name + "".join(scalars + consts)
        lines.append(f'\top{i} [label="{label}\\n{aval(eqn.outvars[0])}" fillcolor=white]')
        lines += [
            f"\t{producer[v]} -> op{i}"
            for v in eqn.invars
            if not isinstance(v, jax.extend.core.Literal) and v in producer
        ]
        producer.update({v: f"op{i}" for v in eqn.outvars})
    for i, var in enumerate(jaxpr.outvars):
        lines.append(f'\tout{i} [label="Loss\\n{aval(var)}" fillcolor=darkolivegreen1]')
        lines.append(f"\t{producer[var]} -> out{i}")
    lines.append("}")
    nodes = len(jaxpr.invars) + len(jaxpr.eqns) + len(jaxpr.outvars)
    return "\n".join(lines) + "\n", nodes


def write_graph(out_dir: str | Path) -> list[Path]:
    """Write ``graph_view``'s jaxpr (forward and gradient) and its DOT graph for the lesson's
    data: ``.jaxpr.txt`` and ``.dot`` always, ``.svg`` when Graphviz's ``dot`` is installed.
    Returns the files written."""
    out = graph_view(**data.inputs("autograd.graph_view", "lesson"))
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    text = directory / "autograd.graph_view.jax.jaxpr.txt"
    text.write_text(f"# the loss\n{out['jaxpr']}\n\n# jax.grad of it\n{out['grad_jaxpr']}\n")
    dot = directory / "autograd.graph_view.jax.dot"
    dot.write_text(out["graph_text"])
    return [text, dot, *_render_svg(dot)]


def _render_svg(dot_file: Path) -> list[Path]:
    if shutil.which("dot") is None:
        return []
    svg = dot_file.with_suffix(".svg")
    subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(svg)], check=True)
    return [svg]


def unsupported_op(*, weight: jax.Array, idx: jax.Array) -> dict:
    """The lesson's complex embedding lookup (``jnp.take`` of rows) + norm differentiates.

    Without x64 the complex128 weight is complex64. ``jax.grad`` of a real function of a complex
    array returns the *conjugate* of ``∂/∂Re + i·∂/∂Im`` (JAX's convention: a step ``w - lr *
    conj(g)`` descends), so ``grad_weight`` conjugates it back for the comparison and
    ``jax_grad_weight`` is JAX's own answer.
    """
    error = ""
    try:
        loss, grad = jax.value_and_grad(rows_norm)(weight, idx)
    except TypeError as e:  # what jax.grad raises for a complex *output*; none is expected
        error, loss, grad = type(e).__name__, jnp.nan, jnp.full_like(weight, jnp.nan)
    return {
        "loss": loss,
        "grad_weight": jnp.conj(grad),
        "jax_grad_weight": grad,
        "error": error,
    }


def custom_function(*, X: jax.Array, y: jax.Array, w: jax.Array, b: jax.Array) -> dict:
    """``my_square`` inside the lesson's regression gives the built-in ``**2``'s gradients.

    In the jaxpr a ``custom_vjp`` function is one ``custom_vjp_call`` equation; ``jax.grad`` calls
    its ``bwd`` rule there.
    """

    def custom(w: jax.Array, b: jax.Array) -> jax.Array:
        return mse(my_square(predict(w, b, X)), y)

    def builtin(w: jax.Array, b: jax.Array) -> jax.Array:
        return mse(predict(w, b, X) ** 2, y)

    loss, (grad_w, grad_b) = jax.value_and_grad(custom, argnums=(0, 1))(w, b)
    builtin_grad_w, builtin_grad_b = jax.grad(builtin, argnums=(0, 1))(w, b)
    eqns = jax.make_jaxpr(custom)(w, b).eqns
    return {
        "loss": loss,
        "grad_w": grad_w,
        "grad_b": grad_b,
        "builtin_grad_w": builtin_grad_w,
        "builtin_grad_b": builtin_grad_b,
        "custom_node": next(e.primitive.name for e in eqns if "custom" in e.primitive.name),
    }


_ARGNUMS = {"all": (0, 1, 2), "A": (0,), "b": (2,), "unused": (3,)}
"""Bench variant → ``argnums`` of ``jax.grad`` over ``(A, B, b, c)`` (``c`` is never used)."""


def _calc_loss_of(q: float, num_iters: int) -> Callable:
    """``calc_loss`` as a function of the arrays ``(A, B, b, c)`` alone, ``c`` unused."""

    def loss(A: jax.Array, B: jax.Array, b: jax.Array, c: jax.Array) -> jax.Array:
        return calc_loss(A, B, q, b, num_iters)

    return loss


def backward_inputs(
    *,
    A: jax.Array,
    B: jax.Array,
    b: jax.Array,
    c: jax.Array,
    q: float,
    num_iters: int,
) -> dict:
    """``jax.grad(argnums=...)`` returns only the gradients asked for; under ``jit`` (the benchmark)
    XLA also computes only those: for ``b`` alone no matmul is left, and not even the forward
    pass (see :func:`matmul_counts`). An unused argument's gradient is zeros.
    """
    loss = _calc_loss_of(q, num_iters)
    grad = {v: jax.grad(loss, argnums=n)(A, B, b, c) for v, n in _ARGNUMS.items()}
    grad_A, grad_B, grad_b = grad["all"]
    return {
        "grad_A": grad_A,
        "grad_B": grad_B,
        "grad_b": grad_b,
        "A_only_grad_A": grad["A"][0],
        "b_only_grad_b": grad["b"][0],
        "unused_grad": _grad_kind(grad["unused"][0]),
    }


def _backward_arrays(inputs: Mapping[str, np.ndarray], device: str) -> tuple[jax.Array, ...]:
    d = jax_device(device)
    return tuple(jax.device_put(inputs[k], d) for k in "ABbc")


def matmul_counts(inputs: Mapping[str, np.ndarray], device: str = "cpu") -> dict[str, int]:
    """Matrix products in the XLA program each bench variant really runs, and the forward's.

    Counted in the optimised HLO of ``jax.jit(jax.grad(loss, argnums))``: every ``dot`` and
    every matmul library call, times the number of places it is called from. XLA computes
    the loop's repeated ``A @ B`` once (the forward count is 1), drops the forward from
    every gradient, and folds ``b``'s gradient into a constant.
    """
    args = _backward_arrays(inputs, device)
    loss = _calc_loss_of(inputs["q"], inputs["num_iters"])
    counts = {"forward": _hlo_matmuls(jax.jit(loss).lower(*args).compile().as_text())}
    for variant, argnums in _ARGNUMS.items():
        compiled = jax.jit(jax.grad(loss, argnums=argnums)).lower(*args).compile()
        counts[variant] = _hlo_matmuls(compiled.as_text())
    return counts


def _hlo_matmuls(hlo: str) -> int:
    """Matmuls executed by an HLO module: ``dot`` ops and cuBLAS/oneDNN matmul custom calls,
    each computation counted once per call site (fusions are computations called by name)."""
    own: dict[str, int] = {}
    calls: dict[str, list[str]] = {}
    entry = name = ""
    for line in hlo.splitlines():
        header = re.match(r"(ENTRY )?%?([\w.\-]+) \(.*\{$", line)
        if header and not line.startswith(" "):
            name = header.group(2)
            entry = name if header.group(1) else entry
            own[name], calls[name] = 0, []
            continue
        if not name:
            continue
        own[name] += bool(re.search(r"= \S+ dot\(", line)) + bool(
            re.search(r'custom_call_target="[^"]*(gemm|matmul)[^"]*"', line, re.IGNORECASE)
        )
        calls[name] += re.findall(r"(?:calls|body|to_apply)=%?([\w.\-]+)", line)

    def total(computation: str) -> int:
        return own.get(computation, 0) + sum(total(c) for c in calls.get(computation, []))

    return total(entry)


def _backward_setup(argnums: tuple[int, ...]) -> Callable:
    """A plain function of ``(A, B, b, c)``: the harness jits it, as one would in practice."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        loss = _calc_loss_of(inputs["q"], inputs["num_iters"])
        return jax.grad(loss, argnums=argnums), _backward_arrays(inputs, device)

    return setup


_regression_grad = jax.jit(jax.grad(regression_loss, argnums=(0, 1)), static_argnames="total")
"""∂loss/∂(w, b), compiled once per shape: the step each chunk of the batch runs."""
_regression_grad_op_by_op = jax.grad(regression_loss, argnums=(0, 1))
"""The same step uncompiled: each primitive dispatched on its own (the benchmark's ``eager``)."""


def accumulation(
    *,
    x: jax.Array,
    X: jax.Array,
    y: jax.Array,
    w: jax.Array,
    b: jax.Array,
    chunks: int,
) -> dict:
    """Gradients are returned, never stored: two gradients add up only if you add them.

    ``after_reset_grad`` needs no reset: a second ``jax.grad`` call knows nothing of the first. The
    chunked regression sums the chunks' gradients explicitly.
    """
    first = jax.grad(lambda x: jnp.sum(x * x))(x)
    second = jax.grad(lambda x: jnp.sum(2 * x))(x)
    full_w, full_b = jax.grad(regression_loss, argnums=(0, 1))(w, b, X, y)
    chunked_w, chunked_b = _chunked_gradients(
        w, b, X, y, chunks, next(iter(X.devices())), _regression_grad
    )
    return {
        "first_grad": first,
        "accumulated_grad": first + second,
        "after_reset_grad": second,
        "full_grad_w": full_w,
        "full_grad_b": full_b,
        "chunked_grad_w": chunked_w,
        "chunked_grad_b": chunked_b,
    }


def _chunked_gradients(
    w: jax.Array,
    b: jax.Array,
    X: np.ndarray | jax.Array,
    y: jax.Array,
    parts: int,
    device: jax.Device,
    step: Callable,
) -> tuple[jax.Array, jax.Array]:
    """One compiled gradient per chunk of rows, each chunk put on ``device`` first; summed.

    JAX dispatches asynchronously: without waiting for each chunk, the next chunk's copy is
    made while the previous one is still alive, and the peak is the full batch again
    (measured on the CPU at the lesson's size: 1.6 GB instead of 0.8 GB for two chunks).
    """
    summed = None
    for rows in _row_chunks(len(y), parts):
        grads = step(w, b, jax.device_put(X[rows], device), y[rows], total=len(y))
        jax.block_until_ready(grads)  # frees this chunk before the next one is copied
        summed = grads if summed is None else jax.tree.map(jnp.add, summed, grads)
    return summed


def _row_chunks(n: int, parts: int) -> list[slice]:
    """``torch.tensor_split``'s chunks (the first ``n % parts`` one row longer), as slices
    that work on host NumPy arrays and device arrays alike."""
    sizes = [n // parts + (i < n % parts) for i in range(parts)]
    starts = np.cumsum([0, *sizes])
    return [slice(int(a), int(b)) for a, b in itertools.pairwise(starts)]


def _accumulation_setup(chunked: bool) -> Callable:
    """As in the lesson, ``X`` stays in host memory (NumPy) and moves to the device inside
    the call, whole (``full``) or a chunk at a time (``chunked``); ``y``, ``w`` and ``b``
    live there. The gradient step is compiled (``_regression_grad``, mode ``jit_grad``) or
    op by op (mode ``eager``); the loop over chunks and the copies are Python, so the harness
    must not wrap it in one ``jit``: that would turn ``X`` into one argument copied to the
    device whole."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        d = jax_device(device)
        w, b, y = (jax.device_put(inputs[k], d) for k in "wby")
        parts = inputs["chunks"] if chunked else 1
        step = _regression_grad_op_by_op if mode == EAGER else _regression_grad

        def gradients(w: jax.Array, b: jax.Array, X: np.ndarray, y: jax.Array) -> tuple:
            return _chunked_gradients(w, b, X, y, parts, d, step)

        return gradients, (w, b, inputs["X"], y)

    return setup


def inplace_error(*, x: jax.Array, m: jax.Array, v: jax.Array) -> dict:
    """Arrays are immutable: any item assignment is a TypeError, at once.

    ``y = jnp.exp(y)`` just names a new array, so ``z = y**2`` keeps the old one and its gradient is
    right. ``jnp.where`` and ``m.at[mask].set(0)`` return new arrays.
    """
    y = 2 * x
    exp_error, exp_message = "", ""
    try:
        y[...] = jnp.exp(y)
    except TypeError as e:
        exp_error, exp_message = type(e).__name__, str(e)

    def rebinding(x: jax.Array) -> jax.Array:
        y = 2 * x
        z = y**2
        y = jnp.exp(y)  # a new array: the y that z used is untouched
        return z

    mask_error, mask_message = "", ""
    try:
        m[m > 0.5] = 0
    except TypeError as e:
        mask_error, mask_message = type(e).__name__, str(e)
    kept, pullback = jax.vjp(masked_zero, m)
    return {
        "out_of_place_grad": jax.vjp(rebinding, x)[1](v)[0],
        "where": kept,
        "where_grad": pullback(v)[0],
        "masked_copy": m.at[m > 0.5].set(0.0),
        "exp_error": exp_error,
        "exp_error_stage": "assignment" if exp_error else "",
        "exp_message": exp_message,
        "mask_error": mask_error,
        "mask_message": mask_message,
    }


def clone_detach(*, x: jax.Array, y: jax.Array, v: jax.Array, p: jax.Array) -> dict:
    """``lax.stop_gradient(y)`` makes ``y``'s gradient zeros (not absent: ``jax.grad`` returns an
    array for every argument asked for).

    A copy (``jnp.copy``) is just another value on the differentiated path, and a stopped array
    cannot be written to, so nothing leaks back into ``p``.
    """
    grad_x, grad_y = jax.grad(lambda x, y: jnp.sum(clone_and_detach(x, y)), argnums=(0, 1))(x, y)
    clone_grad = jax.grad(lambda p: jnp.sum(jnp.copy(p) * 10))(p)
    detached = jax.grad(lambda p: jnp.sum(lax.stop_gradient(p) * 10))(p)  # no error: zeros
    stopped = lax.stop_gradient(p)  # outside a trace: p itself, nothing to stop
    return {
        "grad_x": grad_x,
        "vjp_grad_x": jax.vjp(clone_and_detach, x, y)[1](v)[0],
        "clone_grad": clone_grad,
        "y_grad": _grad_kind(grad_y),
        "detached_backward": _grad_kind(detached),
        "detach_shares_memory": stopped.unsafe_buffer_pointer() == p.unsafe_buffer_pointer(),
    }


TIMED = {
    "autograd.backward_inputs": {v: _backward_setup(n) for v, n in _ARGNUMS.items()},
    "autograd.accumulation": {
        "full": _accumulation_setup(chunked=False),
        "chunked": _accumulation_setup(chunked=True),
    },
}
