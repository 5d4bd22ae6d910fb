"""Find backends by name, import them only when asked, and say why one is missing.

``JAXPARITY_BACKENDS=torch`` (comma-separated) narrows the set for tests and benchmarks;
``JAXPARITY_DEVICES=cpu`` does the same for devices.
"""

from __future__ import annotations

import importlib
import os
from functools import cache

from shared.cases.model import UnknownNameError
from shared.interface import Backend

KNOWN: dict[str, str] = {"torch": "torch_impl", "jax": "jax_impl"}
"""Backend name → the package implementing it (each exposes ``BACKEND``)."""

DEVICES: tuple[str, ...] = ("cpu", "gpu")


class BackendUnavailable(RuntimeError):
    """The backend's framework is not installed or does not import; the message says why."""


class NotTimed(RuntimeError):
    """A ``TIMED`` setup cannot run this mode with the installed framework version; the
    message says why. The harness reports the benchmark as skipped with that reason."""


def _names(
    kind: str, env: str, valid: tuple[str, ...] | dict[str, str], given: list[str] | None
) -> list[str]:
    raw = given if given is not None else os.environ.get(env, "").split(",")
    names = [n.strip() for n in raw if n.strip()] or list(valid)
    for n in names:
        if n not in valid:
            raise UnknownNameError(kind, n, valid)
    return names


def target_id(backend: str, device: str) -> str:
    """A backend on a device in test and benchmark ids: ``torch`` on the CPU, ``torch-gpu``
    elsewhere."""
    return backend if device == "cpu" else f"{backend}-{device}"


def backend_names(given: list[str] | None = None) -> list[str]:
    """The backends asked for (``given``, else ``$JAXPARITY_BACKENDS``, else all), validated."""
    return _names("backend", "JAXPARITY_BACKENDS", KNOWN, given)


def device_names(given: list[str] | None = None) -> list[str]:
    """The devices asked for (``given``, else ``$JAXPARITY_DEVICES``, else all), validated."""
    return _names("device", "JAXPARITY_DEVICES", DEVICES, given)


@cache
def load(name: str) -> Backend:
    """The backend called ``name``, importing its framework now."""
    if name not in KNOWN:
        raise UnknownNameError("backend", name, KNOWN)
    try:
        module = importlib.import_module(KNOWN[name])
    except ImportError as e:
        raise BackendUnavailable(f"{name} backend unavailable: {e}") from None
    return module.BACKEND


def available(names: list[str] | None = None) -> tuple[list[Backend], dict[str, str]]:
    """Loadable backends among ``names``, and the reason for each one that is not."""
    found, missing = [], {}
    for name in backend_names(names):
        try:
            found.append(load(name))
        except BackendUnavailable as e:
            missing[name] = str(e)
    return found, missing


def ready(name: str, device: str) -> Backend:
    """The backend called ``name`` with its precision pinned, able to run on ``device``;
    ``BackendUnavailable`` says why not (not selected, not installed, no such device)."""
    if name not in backend_names():
        raise BackendUnavailable(f"{name} not selected by JAXPARITY_BACKENDS")
    backend = load(name)
    if device not in backend.devices():
        raise BackendUnavailable(f"no {device} visible to {name} on this machine")
    backend.pin_precision()
    return backend
