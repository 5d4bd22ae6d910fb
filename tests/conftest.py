"""Backends and devices as fixtures: every test is written once and runs on each of them.

Test ids name the backend (``torch``, ``jax``) and, off the CPU, the device (``torch-gpu``).
``JAXPARITY_BACKENDS`` / ``JAXPARITY_DEVICES`` narrow the set; a missing framework or GPU is a
skip with its reason, an unknown name an error listing the valid ones.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.targets import load_on
from shared import backends
from shared.cases import UnknownNameError
from shared.interface import Backend

try:
    BACKENDS, DEVICES = backends.backend_names(), backends.device_names()
except UnknownNameError:  # the root conftest's pytest_configure says so in one line
    BACKENDS, DEVICES = [], []
TARGETS = [(b, d) for b in BACKENDS for d in DEVICES]


@pytest.fixture(params=[pytest.param(t, id=backends.target_id(*t)) for t in TARGETS])
def target(request: pytest.FixtureRequest) -> tuple[Backend, str]:
    """(backend, device) for every installed backend and present device."""
    backend_name, device = request.param
    return load_on(backend_name, device), device


@pytest.fixture(params=[pytest.param(d, id=d) for d in DEVICES])
def both(request: pytest.FixtureRequest) -> tuple[Backend, Backend, str]:
    """(torch, jax, device) for the cross-framework comparisons."""
    device = request.param
    return load_on("torch", device), load_on("jax", device), device


RESULTS = Path(__file__).parent / "data" / "results"
"""A small saved run (parity, benchmarks, machine, and a real ``profile.json`` of the three
networks) the report and the CLI are tested on."""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of :data:`RESULTS` the test may write into."""
    out = tmp_path / "results"
    shutil.copytree(RESULTS, out)
    return out
