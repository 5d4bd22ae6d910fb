"""The whole machine record a run saves (``machine.json``, pytest-benchmark's machine info)."""

from __future__ import annotations

import platform
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from jaxparity.machine.cpu import cpu_identity
from jaxparity.machine.environment import kernel_environment
from jaxparity.machine.libraries import library_identity
from shared import backends


def identity() -> dict[str, Any]:
    """Which CPU, which kernels, which settings: the identity a record holds."""
    libraries = library_identity()
    # After the imports: JAX sets TF_CPP_MIN_LOG_LEVEL and threadpoolctl KMP_DUPLICATE_LIB_OK
    # when imported, so reading the environment first would make the record depend on what the
    # caller happened to have imported.
    return {"cpu": cpu_identity(), "libraries": libraries, "kernel_env": kernel_environment()}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


@cache
def describe_machine() -> dict[str, Any]:
    """What a reader needs to judge the numbers: CPU, GPU, versions, threads, precision."""
    info: dict[str, Any] = {"cpu_model": _cpu_model(), "numpy": np.__version__}
    info["identity"] = identity()
    found, missing = backends.available()
    for backend in found:
        info.update(backend.runtime_info())
        info.update(backend.pin_precision())
    info["missing_backends"] = missing
    return info
