"""The torch :class:`shared.interface.Backend`."""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.utils._pytree as pytree

from shared.run_modes import COMPILE, EAGER


def torch_device(device: str) -> torch.device:
    """Neutral device name → ``torch.device`` (``gpu`` is the first CUDA device)."""
    return torch.device("cuda", 0) if device == "gpu" else torch.device(device)


def place(device: str, *arrays: np.ndarray) -> tuple[torch.Tensor, ...]:
    """Copies of NumPy ``arrays`` on a neutral ``device``, for timed setups (outside timing)."""
    return tuple(torch.tensor(a, device=torch_device(device)) for a in arrays)


def timed_on_device(fn: Callable, *names: str) -> Callable:
    """A ``TIMED`` setup that places the named inputs on the device and times ``fn`` on them."""

    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return fn, place(device, *(inputs[k] for k in names))

    return setup


class TorchBackend:
    name = "torch"
    modes = (EAGER, COMPILE)

    def version(self) -> str:
        return torch.__version__

    def devices(self) -> list[str]:
        return ["cpu", "gpu"] if torch.cuda.is_available() else ["cpu"]

    def asarray(self, x: np.ndarray, /, device: str = "cpu") -> torch.Tensor:
        return place(device, x)[0]

    def to_numpy(self, x: Any, /) -> np.ndarray:
        if isinstance(x, torch.Tensor):
            return x.detach().cpu().resolve_conj().numpy()
        return np.asarray(x)

    def sync(self, out: Any, /) -> Any:
        # CUDA kernels run asynchronously: a timed call must wait for them.
        if any(t.is_cuda for t in pytree.tree_leaves(out) if isinstance(t, torch.Tensor)):
            torch.cuda.synchronize()
        return out

    def topic(self, name: str, /) -> ModuleType:
        return importlib.import_module(f"torch_impl.{name}")

    def prepare(self, fn: Callable, mode: str, args: tuple, /) -> tuple[Callable, float]:
        if mode == COMPILE:
            # Forget earlier compilations: otherwise a second size of the same function is a
            # recompile with dynamic shapes (and past 8 a silent fall-back to eager), and its
            # compile seconds would not be what a user pays.
            torch._dynamo.reset()
            fn = torch.compile(fn)
        elif mode != EAGER:
            raise ValueError(f"torch has no mode {mode!r}; modes: {', '.join(self.modes)}")
        # The first call compiles (compile mode) or warms caches and the allocator (eager).
        start = time.perf_counter()
        self.sync(fn(*args))
        first = time.perf_counter() - start
        return fn, (first if mode == COMPILE else 0.0)

    def pin_precision(self) -> dict[str, str]:
        # TF32 would make GPU float32 matmuls ~1e-3 accurate: off, as in Keras' conftest.
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
        torch.set_float32_matmul_precision("highest")
        return {"torch_float32_matmul": "highest (TF32 off)"}

    def runtime_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "torch": torch.__version__,
            "torch_threads": torch.get_num_threads(),
            "torch_interop_threads": torch.get_num_interop_threads(),
            "cpu_count": os.cpu_count(),
        }
        if torch.cuda.is_available():
            info["torch_cuda"] = torch.version.cuda
            info["torch_gpu"] = torch.cuda.get_device_name(0)
        return info


BACKEND = TorchBackend()
