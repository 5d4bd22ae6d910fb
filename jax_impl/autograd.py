"""Section 3, autograd, the JAX way: differentiate functions, by argument, and get values back.

Compare with ``torch_impl/autograd.py``: same names, same order. JAX has no
``requires_grad``, no tape, no ``.grad`` attribute and no ``backward()``. ``jax.grad(f,
argnums=...)`` is a new function that returns the gradients of ``f`` w.r.t. the arguments you
name; nothing is stored, so nothing accumulates, and arrays are immutable, so nothing saved for
the backward pass can be overwritten. Where torch says ``detach()``, JAX says
``lax.stop_gradient``.

Beside it, what a student need not read: ``autograd_timing.py`` (the benchmark setups,
``TIMED``), ``autograd_artifacts.py`` (``write_graph``, ``matmul_counts``) and ``jaxpr_dot.py``
(the drawing ``graph_view`` returns).
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable

import jax
import jax.extend.core
import jax.numpy as jnp
import numpy as np
from jax import lax

from jax_impl.jaxpr_dot import draw as _jaxpr_dot  # named as graph_view's code calls it
from shared.tooling import timed_apart, tooling


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


_regression_grad = jax.jit(jax.grad(regression_loss, argnums=(0, 1)), static_argnames="total")
"""∂loss/∂(w, b), compiled once per shape: the step each chunk of the batch runs."""


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


__getattr__ = timed_apart(__name__)  # TIMED, the benchmark setups: autograd_timing.py
