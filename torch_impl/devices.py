"""Section 2, device placement, the PyTorch way: every tensor has one ``device``.

Compare with ``jax_impl/devices.py``. torch never moves data implicitly: ``.to(device)``
copies, and mixing devices in one operation is a RuntimeError.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch

from shared.tooling import tooling
from torch_impl.backend import torch_device


@tooling
def _neutral(device: torch.device) -> str:
    return "gpu" if device.type == "cuda" else device.type


def inspect(*, a: torch.Tensor, device: str) -> dict:
    """A tensor's ``dtype`` and its one ``device``; ``torch.cuda.is_available()`` asks for a GPU."""
    return {
        "dtype": str(a.dtype).removeprefix("torch."),
        "on_device": _neutral(a.device) == device,
        "gpu_available": torch.cuda.is_available(),
    }


def select() -> dict:
    """The lesson's ``cuda:0`` if available, else ``cpu``: a ``torch.device`` to pass around."""
    device = torch.device("cuda", 0) if torch.cuda.is_available() else torch.device("cpu")
    return {"selected": _neutral(device)}


def transfer(*, a: torch.Tensor, device: str) -> dict:
    """``a.to(device)`` copies the tensor onto the device (to the device it is on: ``a`` itself)."""
    moved = a.to(torch_device(device))
    return {"moved": moved, "on_device": _neutral(moved.device) == device}


def cross_device_error(*, a: torch.Tensor, device: str) -> dict:
    """``a.cuda() + a`` fails. Without a GPU, the ``meta`` device (shapes, no data) is the
    honest second device: torch checks devices before computing, with the same RuntimeError."""
    if device == "gpu":
        other = torch.device("cpu")
    elif torch.cuda.is_available():
        other = torch.device("cuda", 0)
    else:
        other = torch.device("meta")
    try:
        a.to(other) + a
    except RuntimeError as e:
        return {"error": type(e).__name__, "message": str(e), "other": _neutral(other)}
    return {"error": "", "message": "", "other": _neutral(other)}


def copy_on_transfer(*, p: torch.Tensor, device: str) -> dict:
    """``.to`` copies only when the device changes; to the same device it returns ``p`` itself,
    so on the CPU the "copy" shares memory and ``host -= 1`` changes it too."""
    host = p.cpu()
    on_device = host.to(torch_device(device))
    before = on_device.clone()
    host -= 1
    return {
        "host_after": host,
        "device_copy_shares_memory": on_device.data_ptr() == host.data_ptr(),
        "device_copy_changed": not torch.equal(on_device, before),
    }


def layer(*, a: torch.Tensor, b: torch.Tensor) -> dict:
    """The lesson's layer ``(a @ b) ** 2``, op by op: the matmul, then the square over ``c``.

    The benchmark times it with the inputs already on the device and with the host→device copy
    inside the call.
    """
    return {"c": _layer(a, b)}


def _layer(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    c = a @ b
    return c**2


def _layer_on_device(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    d = torch_device(device)
    return _layer, (torch.from_numpy(inputs["a"]).to(d), torch.from_numpy(inputs["b"]).to(d))


def _layer_with_transfer(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    d = torch_device(device)

    def layer_after_copy(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        return _layer(a.to(d), b.to(d))

    # Host tensors (pinned memory would be faster; the lesson uses plain ones).
    return layer_after_copy, (torch.from_numpy(inputs["a"]), torch.from_numpy(inputs["b"]))


TIMED = {
    "devices.layer": {"on_device": _layer_on_device, "with_transfer": _layer_with_transfer},
}
