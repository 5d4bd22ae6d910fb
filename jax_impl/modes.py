"""Section 5, grad modes, the JAX way: there are none, and here is why none are needed.

Compare with ``torch_impl/modes.py``: same names, same order. A JAX computation records
nothing while it runs. A gradient exists only where a function is handed to ``jax.grad`` or
``jax.vjp``, which trace it anew; outside them every computation is already "no_grad", and
inside them ``lax.stop_gradient`` marks a *value* as a constant. So there is no mode to switch
on or off, no flag on an array, and no graph for a stored result to keep alive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from jax_impl.advanced import network
from jax_impl.backend import jax_device
from shared.tooling import tooling


def enable_grad(*, x: jax.Array) -> dict:
    """``off`` is marked constant with ``stop_gradient``, ``on`` is an ordinary value, and
    ``jax.grad`` differentiates the function as written.
    """

    def total(x: jax.Array) -> tuple[jax.Array, tuple]:
        off = jax.lax.stop_gradient(x * 3)
        on = x * 2
        return (on + off).sum(), (on, off)

    grad, (on, off) = jax.grad(total, has_aux=True)(x)
    return {"on": on, "off": off, "grad": grad}


def _add_two(x: jax.Array) -> jax.Array:
    """The lesson's ``@torch.no_grad() def foo(x)``: JAX has no decorator for it, the function
    marks its result as a constant instead."""
    return jax.lax.stop_gradient(x + 2)


def no_grad(*, x: jax.Array) -> dict:
    """``lax.stop_gradient`` marks the values as constants: the same values, and no gradient flows
    back through them.
    """

    def total(x: jax.Array) -> tuple[jax.Array, tuple]:
        doubled = jax.lax.stop_gradient(x + x)
        shifted = _add_two(x)
        return (doubled + shifted + x).sum(), (doubled, shifted)

    grad, (doubled, shifted) = jax.grad(total, has_aux=True)(x)
    return {"doubled": doubled, "shifted": shifted, "grad": grad}


@jax.jit
def _double(x: jax.Array) -> jax.Array:
    return x * 2


def inference_mode(*, x: jax.Array, w: jax.Array) -> dict:
    """``jax.jit`` of the plain forward is the fast path, and its outputs are ordinary arrays: using
    them in a gradient later is nothing special, so nothing is refused.
    """
    y = _double(x)
    try:
        grad, error, message = jax.grad(lambda w: jnp.sum(y * w))(w), "", ""
    except Exception as e:  # torch refuses here; JAX should not: report it, do not hide it
        grad, error, message = jnp.full_like(w, jnp.nan), type(e).__name__, str(e)
    return {"y": y, "error": error, "message": message, "grad": grad}


@tooling
def _live_bytes(device: jax.Device) -> int:
    """Device memory in use: the allocator's count on a GPU; on the CPU, where JAX keeps no
    statistics, the bytes of every live ``jax.Array`` on the device (buffers only, no
    allocator overhead)."""
    stats = device.memory_stats()
    if stats is not None:
        return stats["bytes_in_use"]
    return sum(a.nbytes for a in jax.live_arrays() if device in a.devices())


def _store(step: Callable, keep: Callable, steps: int, device: jax.Device) -> tuple:
    """Run ``steps`` steps, storing ``keep(loss)`` each time: (stored, bytes kept per loss)."""
    jax.block_until_ready(step())  # one step first: compilation is not a leak
    before = _live_bytes(device)
    stored = [keep(step()) for _ in range(steps)]
    jax.block_until_ready(stored)  # freed inputs are returned to the allocator when done
    return stored, (_live_bytes(device) - before) // steps


@jax.jit
def _loss(batch: jax.Array, w: jax.Array) -> jax.Array:
    return jnp.linalg.norm(batch @ w)


def item_leak(*, x: np.ndarray, w: np.ndarray, steps: int, device: str) -> dict:
    """A stored JAX loss is a 0-d array: it keeps its own 4-byte buffer, never the batch, since
    nothing records how it was computed. ``float(loss)`` waits for the device and keeps nothing
    on it.
    """
    dev = jax_device(device)
    weights = jax.device_put(w, dev)

    def step() -> jax.Array:
        batch = jax.device_put(x, dev)  # a fresh batch on the device, as a loader gives
        return _loss(batch, weights)

    stored, stored_bytes = _store(step, lambda loss: loss, steps, dev)
    items, item_bytes = _store(step, float, steps, dev)
    return {
        "stored_losses": jnp.stack(stored),
        "item_losses": np.array(items, dtype=np.float32),  # float32 values, held in floats
        "stored_bytes_per_loss": stored_bytes,
        "item_bytes_per_loss": item_bytes,
        "stored_keeps_batch": stored_bytes >= x.nbytes,
        "item_keeps_batch": item_bytes >= x.nbytes,
        "probe": "live arrays" if dev.memory_stats() is None else "XLA allocator",
    }


def _forward_grad(graphdef: nnx.GraphDef, params: nnx.State, x: jax.Array) -> tuple:
    """torch's grad mode, said in JAX: ``jax.vjp`` computes the output and keeps the residuals a
    backward pass needs (in the returned vjp function)."""
    return jax.vjp(lambda params: nnx.merge(graphdef, params)(x), params)


def _forward_no_grad(graphdef: nnx.GraphDef, params: nnx.State, x: jax.Array) -> jax.Array:
    """The plain forward: nothing kept for a backward pass, as always in JAX."""
    return nnx.merge(graphdef, params)(x)


FORWARD = {"grad": _forward_grad, "no_grad": _forward_no_grad}


def forward(*, x: jax.Array, weights: Mapping[str, np.ndarray], dims: tuple, device: str) -> dict:
    """The lesson's DeepNetwork forward, jitted: as ``jax.vjp`` (the output and the residuals a
    backward pass needs) and plain.

    There is no inference mode: ``jax.jit`` of the plain forward is the fast path.
    """
    graphdef, params = nnx.split(network(weights, dims, device))
    tracked, _ = jax.jit(_forward_grad, static_argnums=0)(graphdef, params, x)
    untracked = jax.jit(_forward_no_grad, static_argnums=0)(graphdef, params, x)
    return {"out_tracked": tracked, "out_untracked": untracked}


def _forward_setup(run: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        graphdef, params = nnx.split(network(inputs["weights"], inputs["dims"], device))
        x = jax.device_put(inputs["x"], jax_device(device))
        return (lambda params, x: run(graphdef, params, x)), (params, x)

    return setup


TIMED = {"modes.forward": {name: _forward_setup(run) for name, run in FORWARD.items()}}
