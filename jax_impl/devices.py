"""Section 2, device placement, the JAX way: default devices, commitment, ``device_put``.

Compare with ``torch_impl/devices.py``. JAX puts new arrays on the default device (the first
GPU when present) without being told; an array becomes *committed* to a device when you
``device_put`` it there, and committed arrays on different devices cannot be combined.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping

import jax
import numpy as np

from jax_impl.backend import jax_device
from shared.tooling import tooling

_TWO_HOST_DEVICES = "--xla_force_host_platform_device_count=2"


@tooling
def _neutral(device: jax.Device) -> str:
    return "gpu" if device.platform in ("gpu", "cuda", "rocm") else device.platform


def _gpu_available() -> bool:
    try:
        return bool(jax.devices("gpu"))
    except RuntimeError:
        return False


def inspect(*, a: jax.Array, device: str) -> dict:
    """``a.dtype`` and ``a.devices()``: a set, since an array may be sharded over several devices.

    ``jax.devices("gpu")`` raises a RuntimeError when there is no GPU (``_gpu_available`` catches
    it).
    """
    return {
        "dtype": str(a.dtype),
        "on_device": {_neutral(d) for d in a.devices()} == {device},
        "gpu_available": _gpu_available(),
    }


def select() -> dict:
    """The lesson's "GPU if available, else CPU": ``jax.devices("gpu")[0]`` or the first CPU.

    Rarely needed: the default device already is the first accelerator when one exists.
    """
    device = jax.devices("gpu")[0] if _gpu_available() else jax.devices("cpu")[0]
    return {"selected": _neutral(device)}


def transfer(*, a: jax.Array, device: str) -> dict:
    """``jax.device_put(a, device)`` copies the array onto the device and commits it there."""
    moved = jax.device_put(a, jax_device(device))
    return {"moved": moved, "on_device": {_neutral(d) for d in moved.devices()} == {device}}


def cross_device_error(*, a: jax.Array, device: str) -> dict:
    """Committed arrays on two devices are refused. Without a GPU, XLA can split the host into
    two CPU devices, but only before JAX starts: then the demonstration runs in a fresh Python
    with ``XLA_FLAGS=--xla_force_host_platform_device_count=2``."""
    if device == "gpu":
        other = "cpu"
    elif _gpu_available():
        other = "gpu"
    elif len(jax.devices("cpu")) > 1:
        other = "cpu:1"
    else:
        return _in_two_device_python(np.asarray(a))
    b = jax.device_put(a, jax_device(other))
    try:
        a + b
    except ValueError as e:
        return {"error": type(e).__name__, "message": str(e), "other": other}
    return {"error": "", "message": "", "other": other}


@tooling
def _in_two_device_python(a: np.ndarray) -> dict:
    env = {**os.environ, "XLA_FLAGS": f"{os.environ.get('XLA_FLAGS', '')} {_TWO_HOST_DEVICES}"}
    code = (
        "import json, sys, numpy as np, jax\n"
        "from jax_impl.devices import cross_device_error\n"
        "a = jax.device_put(np.asarray(json.loads(sys.argv[1]), np.float32), jax.devices()[0])\n"
        "print(json.dumps(cross_device_error(a=a, device='cpu')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(a.tolist())],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_on_transfer(*, p: jax.Array, device: str) -> dict:
    """``device_put`` onto the device an array is already on shares its memory, but nothing can
    write into it: ``p_cpu -= 1`` makes a new array.
    """
    host = jax.device_put(p, jax.devices("cpu")[0])
    on_device = jax.device_put(host, jax_device(device))
    shares = on_device.unsafe_buffer_pointer() == host.unsafe_buffer_pointer()
    host -= 1  # rebinds the name to a new array
    return {"host_after": host, "device_copy_shares_memory": shares}


def layer(*, a: jax.Array, b: jax.Array) -> dict:
    """Compiled, as JAX code runs its layers: XLA fuses the square into the matmul's output."""
    return {"c": jax.jit(_layer)(a, b)}


def _layer(a: jax.Array, b: jax.Array) -> jax.Array:
    c = a @ b
    return c**2


def _layer_on_device(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    d = jax_device(device)
    return _layer, (jax.device_put(inputs["a"], d), jax.device_put(inputs["b"], d))


def _layer_with_transfer(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    d = jax_device(device)

    def layer_after_copy(a: np.ndarray, b: np.ndarray) -> jax.Array:
        return _layer(jax.device_put(a, d), jax.device_put(b, d))

    # NumPy arrays: every call copies them onto the device first.
    return layer_after_copy, (inputs["a"], inputs["b"])


TIMED = {
    "devices.layer": {"on_device": _layer_on_device, "with_transfer": _layer_with_transfer},
}
