"""Section 1, tensors, the PyTorch way: a mutable ``torch.Tensor`` that can share memory.

Compare with ``jax_impl/tensors.py``: same names, same order. The differences a student
should notice are mutation (``+=``, ``zero_()``, ``exp_()`` change the tensor), shared
buffers with NumPy, global random state, and strict dtype rules for ``@``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

import numpy as np
import torch

from torch_impl.backend import torch_device


def create(*, shape: tuple[int, ...], sample_size: int, seed: int) -> dict:
    """``torch.randn`` draws from the global generator that ``manual_seed`` resets."""
    torch.manual_seed(seed)
    sample = torch.randn(sample_size)
    return {
        "zeros": torch.zeros(shape),
        "ones": torch.ones(shape, dtype=torch.int32),
        "randn": torch.randn(shape),
        "sample_mean": sample.mean(),
        "sample_std": sample.std(),
    }


def basic_ops(*, a: torch.Tensor, b: torch.Tensor) -> dict:
    """``a + b.T``, ``a @ b``, ``torch.sum(a)`` and ``b.prod()``: NumPy's operators and names."""
    return {"add_transposed": a + b.T, "matmul": a @ b, "sum": torch.sum(a), "prod": b.prod()}


def to_numpy(*, w: torch.Tensor) -> dict:
    """``w.numpy()`` is a view of the tensor's memory: writing to it writes to ``w``.

    A CUDA tensor has no host memory to view: ``numpy(force=True)`` copies it to the CPU first.
    """
    w_np = w.numpy(force=True)
    values = w_np.copy()
    w_np[0] += 100.0
    return {
        "values": values,
        "numpy_writeable": bool(w_np.flags.writeable),
        "write_through": bool(w[0].item() == values[0] + 100.0),
    }


def from_numpy_copy(*, v_np: np.ndarray) -> dict:
    """``torch.tensor(v_np)`` copies: ``v_np += 1`` afterwards changes only the NumPy array.

    The copy keeps NumPy's dtype, int64.
    """
    v = torch.tensor(v_np)  # copies
    v_np += 1
    return {"array": v, "sees_mutation": bool(np.array_equal(v.numpy(), v_np))}


def from_numpy_shared(*, u_np: np.ndarray) -> dict:
    """``torch.from_numpy(u_np)`` wraps NumPy's buffer: ``u_np += 10`` shows up in the tensor."""
    u = torch.from_numpy(u_np)  # wraps the same buffer
    u_np += 10.0
    return {"sees_mutation": bool(np.array_equal(u.numpy(), u_np))}


def conversion_speed(*, u_np: np.ndarray, device: str) -> dict:
    """NumPy → tensor three ways: ``torch.from_numpy`` shares, ``torch.tensor`` copies, and
    ``torch.as_tensor(u_np, device=...)`` shares on the CPU but copies onto a GPU.
    """
    return {
        "share": torch.from_numpy(u_np),
        "copy": torch.tensor(u_np),
        "on_device": torch.as_tensor(u_np, device=torch_device(device)),
    }


def api_names(*, a: torch.Tensor) -> dict:
    """``dim=`` where NumPy says ``axis=``; ``.view`` shares memory and needs contiguity."""
    m, n = a.shape
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        as_float64 = a.to(torch.float64)
    return {
        "sum_axis0": torch.sum(a, dim=0),
        "view": a.view(n, m),
        "reshape": a.T.reshape(m * n),  # a.T.view(-1) would fail: the transpose isn't contiguous
        "as_float64": as_float64,
        "float64_warned": bool(caught),
        "as_int32": a.type(torch.int32),
    }


def inplace(*, a: torch.Tensor) -> dict:
    """The lesson mutates ``A`` itself: each step overwrites the previous one's result, in
    the same memory (the clones keep each step for the comparison)."""
    buffer = a.data_ptr()
    a[1] += a[2]
    row_added = a.clone()
    a.zero_()
    zeroed = a.clone()
    a.exp_()
    return {
        "row_added": row_added,
        "zeroed": zeroed,
        "exp": a,
        "result_in_input_buffer": a.data_ptr() == buffer,
    }


def dtype_promotion(*, a32: np.ndarray, b64: np.ndarray) -> dict:
    """``+`` promotes to float64; ``@`` refuses mixed dtypes instead of promoting."""
    a, b = torch.from_numpy(a32), torch.from_numpy(b64)
    added = a + b
    try:
        a @ b
        matmul_error = ""
    except RuntimeError as e:
        matmul_error = type(e).__name__
    return {"add": added, "matmul_error": matmul_error, "cast_matmul": a.to(torch.float64) @ b}


def useful_functions(*, a: torch.Tensor, b: torch.Tensor, x: torch.Tensor) -> dict:
    """NumPy's ideas under torch's names: ``cat``, ``unsqueeze``, ``permute``, ``chunk``, ``topk``.

    ``torch.max(a, dim=1)`` returns values and indices in one call; ``torch.chunk`` of 10 rows into
    3 gives 4+4+2.
    """
    values, indices = torch.max(a, dim=1)  # one call, both answers
    top_values, top_indices = torch.topk(x.flatten(), k=3)
    chunks = torch.chunk(x, 3, dim=0)  # ceil(10/3) = 4 rows each, the rest last: 4, 4, 2
    return {
        "cat": torch.cat([a, b], dim=0),
        "stack": torch.stack([a, b], dim=0),
        "unsqueeze": a.unsqueeze(1),
        "squeeze": a.unsqueeze(1).squeeze(1),
        "chunks_rejoined": torch.cat(chunks, dim=0),
        "chunk_sizes": ",".join(str(len(c)) for c in chunks),
        "transpose": a.transpose(0, 1),
        "permute": a.reshape(2, -1, a.shape[1]).permute(2, 0, 1),
        "tile": a.tile((2, 1)),
        "repeat_interleave": a.repeat_interleave(2, dim=0),
        "max_values": values,
        "max_indices": indices,
        "maximum": torch.maximum(a, b),
        "ravel": a.ravel(),
        "flatten": x.flatten(start_dim=1),
        "topk_values": top_values,
        "topk_indices": top_indices,
    }


def random_seeding(*, seed: int, shape: tuple[int, ...]) -> dict:
    """``manual_seed`` resets one hidden global generator that every draw advances."""
    torch.manual_seed(seed)
    first = torch.rand(shape)
    second = torch.rand(shape)  # the very same call as `first`: the hidden state moved on
    torch.manual_seed(seed)
    again = torch.rand(shape)
    torch.manual_seed(seed)
    torch.rand(1)  # a draw elsewhere in the program (a dropout mask, a shuffle)
    after_other_draw = torch.rand(shape)
    return {
        "same_seed_same_values": torch.equal(first, again),
        "second_draw_differs": not torch.equal(first, second),
        "other_draw_changes_values": not torch.equal(first, after_other_draw),
    }


def _conversion(convert: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return (lambda u_np: convert(u_np, device)), (inputs["u_np"],)

    return setup


TIMED = {
    "tensors.conversion_speed": {
        "share": _conversion(lambda u, d: torch.from_numpy(u)),
        "copy": _conversion(lambda u, d: torch.tensor(u)),
        "device_put": _conversion(lambda u, d: torch.as_tensor(u, device=torch_device(d))),
    },
}
