"""Backends and devices as fixtures: every test is written once and runs on each of them.

Test ids name the backend (``torch``, ``jax``) and, off the CPU, the device (``torch-gpu``).
``JAXPARITY_BACKENDS`` / ``JAXPARITY_DEVICES`` narrow the set; a missing framework or GPU is a
skip with its reason, an unknown name an error listing the valid ones.
"""

from __future__ import annotations

import pytest

from shared import backends
from shared.interface import Backend

TARGETS = [(b, d) for b in backends.backend_names() for d in backends.device_names()]


def target_id(backend: str, device: str) -> str:
    return backend if device == "cpu" else f"{backend}-{device}"


def load_on(backend_name: str, device: str) -> Backend:
    """The backend, precision pinned, or a skip saying why it or the device is missing."""
    if backend_name not in backends.backend_names():
        pytest.skip(f"{backend_name} not selected by JAXPARITY_BACKENDS")
    try:
        backend = backends.load(backend_name)
    except backends.BackendUnavailable as e:
        pytest.skip(str(e))
    if device not in backend.devices():
        pytest.skip(f"no {device} visible to {backend_name} on this machine")
    backend.pin_precision()
    return backend


@pytest.fixture(params=[pytest.param(t, id=target_id(*t)) for t in TARGETS])
def target(request: pytest.FixtureRequest) -> tuple[Backend, str]:
    """(backend, device) for every installed backend and present device."""
    backend_name, device = request.param
    return load_on(backend_name, device), device


@pytest.fixture(params=[pytest.param(d, id=d) for d in backends.device_names()])
def both(request: pytest.FixtureRequest) -> tuple[Backend, Backend, str]:
    """(torch, jax, device) for the cross-framework comparisons."""
    device = request.param
    return load_on("torch", device), load_on("jax", device), device
