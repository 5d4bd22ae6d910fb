"""The JAX :class:`shared.interface.Backend`."""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

import jax
import numpy as np

from shared.run_modes import EAGER, JIT, SCAN


def jax_device(device: str) -> jax.Device:
    """Neutral device name → a ``jax.Device`` (``cpu:1`` is the second forced host device)."""
    platform, _, index = device.partition(":")
    return jax.devices(platform)[int(index or 0)]


def place(device: str, *arrays: np.ndarray) -> tuple[jax.Array, ...]:
    """Copies of NumPy ``arrays`` on a neutral ``device``, for timed setups (outside timing)."""
    return tuple(jax.device_put(a, jax_device(device)) for a in arrays)


def timed_on_device(fn: Callable, *names: str) -> Callable:
    """A ``TIMED`` setup that places the named inputs on the device and times ``fn`` on them."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return fn, place(device, *(inputs[k] for k in names))

    return setup


class JaxBackend:
    name = "jax"
    modes = (JIT, EAGER)

    def version(self) -> str:
        return jax.__version__

    def devices(self) -> list[str]:
        try:
            jax.devices("gpu")
        except RuntimeError:  # raised when no GPU backend is installed or visible
            return ["cpu"]
        return ["cpu", "gpu"]

    def asarray(self, x: np.ndarray, /, device: str = "cpu") -> jax.Array:
        return place(device, x)[0]

    def to_numpy(self, x: Any, /) -> np.ndarray:
        return np.asarray(x)

    def sync(self, out: Any, /) -> Any:
        return jax.block_until_ready(out)

    def topic(self, name: str, /) -> ModuleType:
        return importlib.import_module(f"jax_impl.{name}")

    def prepare(self, fn: Callable, mode: str, args: tuple, /) -> tuple[Callable, float]:
        compile_s = 0.0
        if mode in (JIT, SCAN):  # scan: a plain function whose loop is a lax.scan
            fn = jax.jit(fn)
            # Trace + XLA compile, timed apart from the steady state (JAX's benchmarking guide).
            start = time.perf_counter()
            fn.lower(*args).compile()
            compile_s = time.perf_counter() - start
        elif mode != EAGER:
            # Other modes (e.g. nnx_jit) arrive already transformed by the case's setup;
            # their first call is their compilation.
            start = time.perf_counter()
            self.sync(fn(*args))
            compile_s = time.perf_counter() - start
        # jit's own cache is separate from lower().compile(): warm it outside the timed region.
        self.sync(fn(*args))
        return fn, compile_s

    def pin_precision(self) -> dict[str, str]:
        # On GPUs JAX's default float32 matmul is TF32; "highest" makes it true float32.
        jax.config.update("jax_default_matmul_precision", "highest")
        return {"jax_default_matmul_precision": "highest (true float32)"}

    def runtime_info(self) -> dict[str, Any]:
        import flax
        import jaxlib

        info: dict[str, Any] = {
            "jax": jax.__version__,
            "jaxlib": jaxlib.__version__,
            "flax": flax.__version__,
            "jax_backend": jax.default_backend(),
            "jax_devices": [str(d) for d in jax.devices()],
            "cpu_count": os.cpu_count(),
            "xla_flags": os.environ.get("XLA_FLAGS", ""),
        }
        return info


BACKEND = JaxBackend()
