"""Section 1, tensors: one method per case id ``tensors.<name>``."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from shared.interface.backend import Array, Outputs


class Tensors(Protocol):
    def create(self, *, shape: tuple[int, ...], sample_size: int, seed: int) -> Outputs:
        """``zeros``/``ones(int32)``/``randn`` of ``shape``; moments of ``sample_size`` draws.

        Returns ``zeros``, ``ones``, ``randn`` (its dtype and shape judged, not its values),
        ``sample_mean`` and ``sample_std`` of a large standard-normal sample.
        """
        ...

    def basic_ops(self, *, a: Array, b: Array) -> Outputs:
        """``a + b.T``, ``a @ b``, ``sum(a)``, ``prod(b)`` for ``a`` (m, n) and ``b`` (n, m)."""
        ...

    def to_numpy(self, *, w: Array) -> Outputs:
        """Convert ``w`` to NumPy, try to write into the result, and report what happened.

        Returns ``values`` (the NumPy array, before any write), ``numpy_writeable`` and
        ``write_through`` (did a write to the NumPy array change the framework array).
        """
        ...

    def from_numpy_copy(self, *, v_np: np.ndarray) -> Outputs:
        """Copy ``v_np`` into a framework array, then ``v_np += 1``.

        Returns ``array`` (the framework array afterwards) and ``sees_mutation``.
        """
        ...

    def from_numpy_shared(self, *, u_np: np.ndarray) -> Outputs:
        """Make a framework array over ``u_np`` without copying if possible, then ``u_np += 10``.

        Returns ``sees_mutation``: whether the framework array shows the change.
        """
        ...

    def conversion_speed(self, *, u_np: np.ndarray, device: str) -> Outputs:
        """The three conversions the benchmark times; returns ``share``, ``copy``, ``on_device``."""
        ...

    def api_names(self, *, a: Array) -> Outputs:
        """``sum`` over dim/axis 0, ``view``/``reshape`` to (n, m), cast to float64 and int32."""
        ...

    def inplace(self, *, a: Array) -> Outputs:
        """``a[1] += a[2]``, then zeroing, then ``exp``; where the result lives.

        Returns ``row_added``, ``zeroed``, ``exp`` and ``result_in_input_buffer`` (and for JAX
        ``jit_donated_result_in_input_buffer``: the same update under ``jit`` with donation).
        """
        ...

    def dtype_promotion(self, *, a32: np.ndarray, b64: np.ndarray) -> Outputs:
        """float32 + float64 and float32 @ float64: resulting dtypes, or the error's class name.

        Returns ``add``, ``matmul_error`` (``""`` when none), ``cast_matmul`` (their dtypes
        are judged), and for JAX ``x64_add_dtype`` and ``x64_matmul_dtype`` under x64.
        """
        ...

    def useful_functions(self, *, a: Array, b: Array, x: Array) -> Outputs:
        """cat, stack, unsqueeze/squeeze, chunk, transpose, permute, tile, repeat, max with
        indices, maximum, ravel, flatten, topk; ``chunk_sizes`` of 3 chunks of ``x``."""
        ...

    def random_seeding(self, *, seed: int, shape: tuple[int, ...]) -> Outputs:
        """Whether the same seed reproduces draws, a second draw differs, and a draw elsewhere
        changes the next one (``other_draw_changes_values``: global state)."""
        ...
