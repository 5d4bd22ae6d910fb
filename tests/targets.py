"""Turning a (backend, device) name pair into a ready backend, or a skip with the reason."""

from __future__ import annotations

import pytest

from shared import backends
from shared.interface import Backend


def target_id(backend: str, device: str) -> str:
    """Test-id part: ``torch`` on the CPU, ``torch-gpu`` elsewhere."""
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
