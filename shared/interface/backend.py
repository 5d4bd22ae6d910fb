"""The Protocol every framework backend implements."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Protocol, TypeAlias, runtime_checkable

import numpy as np

Array: TypeAlias = Any
"""A framework array: ``torch.Tensor`` or ``jax.Array`` (shared cannot name either)."""

Outputs: TypeAlias = dict[str, Any]
"""What a case returns: arrays (compared numerically) and observations (bool/int/str)."""

TimedSetup: TypeAlias = Callable[[Mapping[str, np.ndarray], str, str], tuple[Callable, tuple]]
"""``setup(inputs, device, mode) -> (fn, args)``: places the inputs (outside the timed region)
and returns the function to time with its arguments. Each topic module has
``TIMED: dict[case_id, dict[variant, TimedSetup]]`` (a long topic keeps it beside it, in
``<topic>_timing.py``, and finds it there: ``shared.tooling.timed_apart``)."""


@runtime_checkable
class Backend(Protocol):
    """One framework, seen through the operations the suite needs."""

    name: str
    """``"torch"`` or ``"jax"``: used in test ids, benchmark rows and the report."""

    modes: tuple[str, ...]
    """How this framework can run a timed function (``eager``, ``compile``, ``jit``, …)."""

    def version(self) -> str:
        """The framework's version string."""
        ...

    def devices(self) -> list[str]:
        """Neutral names of the devices present: ``"cpu"`` always, ``"gpu"`` when usable."""
        ...

    def asarray(self, x: np.ndarray, /, device: str = "cpu") -> Array:
        """A native array with ``x``'s values and dtype on ``device`` (a copy)."""
        ...

    def to_numpy(self, x: Array, /) -> np.ndarray:
        """The values of ``x`` as a NumPy array (moved to the host, detached from autograd)."""
        ...

    def sync(self, out: Any, /) -> Any:
        """Wait until every array in ``out`` (any pytree) is computed; return ``out``."""
        ...

    def topic(self, name: str, /) -> ModuleType:
        """The backend's module for a topic (imported on first use)."""
        ...

    def prepare(self, fn: Callable, mode: str, args: tuple, /) -> tuple[Callable, float]:
        """``fn`` made ready to time in ``mode``, and the seconds compilation took.

        Compilation and the first call happen here, outside any timed region.
        """
        ...

    def pin_precision(self) -> dict[str, str]:
        """Make float32 matmuls really float32 (no TF32); return what was set, for reports."""
        ...

    def runtime_info(self) -> dict[str, Any]:
        """Versions, threads and devices, recorded with every benchmark."""
        ...
