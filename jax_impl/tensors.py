"""Section 1, tensors, the JAX way: immutable ``jax.Array`` values and explicit random keys.

Compare with ``torch_impl/tensors.py``: same names, same order. A JAX array never changes
after it is made: "in-place" updates are ``x.at[i].add(v)`` returning a new array (which XLA
turns back into an in-place update under ``jit``), NumPy views are read-only, randomness is a
function of an explicit key, and float64 exists only with x64 enabled.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Mapping

import jax
import jax.numpy as jnp
import numpy as np

from jax_impl.backend import jax_device


def create(*, shape: tuple[int, ...], sample_size: int, seed: int) -> dict:
    """``jax.random.normal`` needs a key: one per draw, split from the seed's key."""
    key_randn, key_sample = jax.random.split(jax.random.key(seed))
    sample = jax.random.normal(key_sample, (sample_size,))
    return {
        "zeros": jnp.zeros(shape),
        "ones": jnp.ones(shape, dtype=jnp.int32),
        "randn": jax.random.normal(key_randn, shape),
        "sample_mean": sample.mean(),
        "sample_std": sample.std(ddof=1),  # torch.std is the unbiased one by default
    }


def basic_ops(*, a: jax.Array, b: jax.Array) -> dict:
    """``a + b.T``, ``a @ b``, ``jnp.sum(a)`` and ``b.prod()``: NumPy's operators and names."""
    return {"add_transposed": a + b.T, "matmul": a @ b, "sum": jnp.sum(a), "prod": b.prod()}


def to_numpy(*, w: jax.Array) -> dict:
    """``np.asarray(w)`` gives a read-only array: the buffer belongs to an immutable value."""
    w_np = np.asarray(w)
    values = w_np.copy()
    with contextlib.suppress(ValueError):  # "assignment destination is read-only"
        w_np[0] += 100.0
    return {
        "values": values,
        "numpy_writeable": bool(w_np.flags.writeable),
        "write_through": bool(float(w[0]) == values[0] + 100.0),
    }


def from_numpy_copy(*, v_np: np.ndarray) -> dict:
    """``jnp.asarray(v_np)`` copies: ``v_np += 1`` afterwards changes only the NumPy array.

    Without x64 the copy also narrows NumPy's int64 to int32.
    """
    v = jnp.asarray(v_np)  # copies (and would make int64 int32 without x64)
    v_np += 1
    return {"array": v, "sees_mutation": bool(np.array_equal(np.asarray(v), v_np))}


def from_numpy_shared(*, u_np: np.ndarray) -> dict:
    """JAX has no ``from_numpy``: ``jnp.asarray`` copies, so the mutation is not seen.

    ``jnp.from_dlpack`` may alias a suitably aligned CPU buffer, but a JAX array is a value:
    mutating the source afterwards is undefined behaviour, so it is not a way to share.
    """
    u = jnp.asarray(u_np)
    u_np += 10.0
    return {"sees_mutation": bool(np.array_equal(np.asarray(u), u_np))}


def conversion_speed(*, u_np: np.ndarray, device: str) -> dict:
    """NumPy → array three ways: ``jnp.from_dlpack`` (wraps the buffer when it can),
    ``jnp.asarray``, and ``jax.device_put`` onto the device; here all three copy.

    Without x64 the float64 array must become float32, so even ``jnp.from_dlpack`` copies.
    """
    return {
        "share": jnp.from_dlpack(u_np),
        "copy": jnp.asarray(u_np),
        "on_device": jax.device_put(u_np, jax_device(device)),
    }


def api_names(*, a: jax.Array) -> dict:
    """``axis=`` as in NumPy; only ``reshape`` (no ``view``): XLA decides whether to copy.

    ``astype(float64)`` without x64 warns and gives float32 (see ``dtype_promotion``).
    """
    m, n = a.shape
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        as_float64 = a.astype(jnp.float64)
    return {
        "sum_axis0": jnp.sum(a, axis=0),
        "view": a.reshape(n, m),
        "reshape": a.T.reshape(m * n),
        "as_float64": as_float64,
        "float64_warned": any("float64" in str(w.message) for w in caught),
        "as_int32": a.astype(jnp.int32),
    }


def inplace(*, a: jax.Array) -> dict:
    """Each "in-place" step returns a new array in new memory; ``a`` itself never changes.

    The row update runs once more under ``jax.jit`` with ``donate_argnums``, to see where its result
    lands.
    """
    row_added = a.at[1].add(a[2])
    zeroed = jnp.zeros_like(row_added)
    donated = jnp.array(a)  # a copy the case may give away
    buffer = donated.unsafe_buffer_pointer()
    jitted = jax.jit(lambda x: x.at[1].add(x[2]), donate_argnums=0)(donated)
    return {
        "row_added": row_added,
        "zeroed": zeroed,
        "exp": jnp.exp(zeroed),
        "result_in_input_buffer": row_added.unsafe_buffer_pointer() == a.unsafe_buffer_pointer(),
        "jit_donated_result_in_input_buffer": jitted.unsafe_buffer_pointer() == buffer,
    }


def dtype_promotion(*, a32: np.ndarray, b64: np.ndarray) -> dict:
    """Without x64, JAX has no float64: ``b64`` silently becomes float32 and nothing fails.

    Under ``jax.enable_x64(True)`` both ``+`` and ``@`` give float64.
    """
    a, b = jnp.asarray(a32), jnp.asarray(b64)
    try:
        a @ b
        matmul_error = ""
    except TypeError as e:
        matmul_error = type(e).__name__
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Explicitly requested dtype float64")  # as api_names
        cast_matmul = a.astype(jnp.float64) @ b
    with jax.enable_x64(True):
        a_x64, b_x64 = jnp.asarray(a32), jnp.asarray(b64)
        x64_add_dtype = str((a_x64 + b_x64).dtype)
        x64_matmul_dtype = str((a_x64 @ b_x64).dtype)
    return {
        "add": a + b,
        "matmul_error": matmul_error,
        "cast_matmul": cast_matmul,
        "x64_add_dtype": x64_add_dtype,
        "x64_matmul_dtype": x64_matmul_dtype,
    }


def useful_functions(*, a: jax.Array, b: jax.Array, x: jax.Array) -> dict:
    """The lesson's helpers in NumPy's names: ``concatenate``, ``expand_dims``, ``transpose``.

    ``jnp.max`` and ``jnp.argmax`` are two calls, ``lax.top_k`` gives the k largest, and
    ``jnp.array_split`` of 10 rows into 3 gives 4+3+3.
    """
    top_values, top_indices = jax.lax.top_k(x.ravel(), 3)
    chunks = jnp.array_split(x, 3, axis=0)  # as even as possible: 4, 3, 3
    return {
        "cat": jnp.concatenate([a, b], axis=0),
        "stack": jnp.stack([a, b], axis=0),
        "unsqueeze": jnp.expand_dims(a, 1),
        "squeeze": jnp.squeeze(jnp.expand_dims(a, 1), 1),
        "chunks_rejoined": jnp.concatenate(chunks, axis=0),
        "chunk_sizes": ",".join(str(len(c)) for c in chunks),
        "transpose": jnp.swapaxes(a, 0, 1),
        "permute": jnp.transpose(a.reshape(2, -1, a.shape[1]), (2, 0, 1)),
        "tile": jnp.tile(a, (2, 1)),
        "repeat_interleave": jnp.repeat(a, 2, axis=0),
        "max_values": jnp.max(a, axis=1),  # values and indices are two calls
        "max_indices": jnp.argmax(a, axis=1),
        "maximum": jnp.maximum(a, b),
        "ravel": a.ravel(),
        "flatten": x.reshape(x.shape[0], -1),
        "topk_values": top_values,
        "topk_indices": top_indices,
    }


def random_seeding(*, seed: int, shape: tuple[int, ...]) -> dict:
    """A key is a value: reuse it and you get the same numbers; ``split`` for new ones."""
    key = jax.random.key(seed)
    first = jax.random.uniform(key, shape)
    _, next_key = jax.random.split(key)
    second = jax.random.uniform(next_key, shape)
    again = jax.random.uniform(jax.random.key(seed), shape)
    jax.random.uniform(jax.random.key(seed + 1), (1,))  # a draw elsewhere in the program
    after_other_draw = jax.random.uniform(key, shape)
    return {
        "same_seed_same_values": bool(jnp.array_equal(first, again)),
        "second_draw_differs": not bool(jnp.array_equal(first, second)),
        "other_draw_changes_values": not bool(jnp.array_equal(first, after_other_draw)),
    }


def _conversion(convert: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return (lambda u_np: convert(u_np, device)), (inputs["u_np"],)

    return setup


TIMED = {
    "tensors.conversion_speed": {
        "share": _conversion(lambda u, d: jnp.from_dlpack(u)),
        "copy": _conversion(lambda u, d: jnp.asarray(u)),
        "device_put": _conversion(lambda u, d: jax.device_put(u, jax_device(d))),
    },
}
