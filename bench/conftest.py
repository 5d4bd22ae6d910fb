"""pytest-benchmark set-up: pinned precision, machine info, per-result saving."""

from __future__ import annotations

import platform
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench import harness
from shared import backends


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
    found, missing = backends.available()
    for backend in found:
        info.update(backend.runtime_info())
        info.update(backend.pin_precision())
    info["missing_backends"] = missing
    return info


def pytest_benchmark_update_machine_info(config: pytest.Config, machine_info: dict) -> None:
    machine_info["jaxparity"] = describe_machine()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One benchmark per target; ``--bench-size`` picks sizes (default: ``test``)."""
    if "bench_target" in metafunc.fixturenames:
        found = harness.targets(metafunc.config.getoption("bench_size") or ["test"])
        metafunc.parametrize("bench_target", found, ids=[t.id for t in found])
