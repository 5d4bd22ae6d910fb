"""Turning a (backend, device) name pair into a ready backend, or a skip with the reason."""

from __future__ import annotations

import pytest

from shared import backends
from shared.interface import Backend


def load_on(backend_name: str, device: str) -> Backend:
    """The backend, precision pinned, or a skip saying why it or the device is missing."""
    try:
        return backends.ready(backend_name, device)
    except backends.BackendUnavailable as e:
        pytest.skip(str(e))
