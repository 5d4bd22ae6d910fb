"""Run a case on a backend and judge it: against the oracle, the other framework, expectations.

The one parity helper that the tests, ``jaxparity check`` and the report all use, so that a
number in the report means exactly what the test asserted.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import numpy as np

from shared import data, oracles
from shared.cases import Case, get
from shared.interface import Backend
from shared.oracles import Stat
from shared.tolerances import coarser, for_dtype

Observation = bool | int | str


@dataclass(frozen=True)
class Check:
    """One output compared with a reference (``oracle`` or the other framework's name)."""

    key: str
    against: str
    max_abs: float
    max_rel: float
    ok: bool
    detail: str = ""


@dataclass
class Run:
    """A case's outputs on one backend and device, as NumPy arrays and observations."""

    case: Case
    backend: str
    device: str
    arrays: dict[str, np.ndarray]
    observations: dict[str, Observation]


def call(
    backend: Backend,
    case_id: str,
    device: str = "cpu",
    size: str = "test",
    seed: int = 0,
    inputs: dict[str, Any] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Run the case natively on ``inputs`` (default: the seeded data of ``size``).

    Returns the raw native outputs and the NumPy inputs used.
    """
    case = get(case_id)
    raw_inputs = data.inputs(case.id, size, seed) if inputs is None else inputs
    fn = getattr(backend.topic(case.topic), case.name)
    kwargs = {k: _argument(backend, case, v, device) for k, v in raw_inputs.items()}
    if "device" in inspect.signature(fn).parameters:
        kwargs["device"] = device
    return backend.sync(fn(**kwargs)), raw_inputs


def _argument(backend: Backend, case: Case, value: Any, device: str) -> Any:
    if not isinstance(value, np.ndarray):
        return value
    # A fresh copy either way: conversion cases mutate their NumPy inputs on purpose.
    return backend.asarray(value, device) if case.inputs == "native" else value.copy()


def run(
    backend: Backend,
    case_id: str,
    device: str = "cpu",
    size: str = "test",
    seed: int = 0,
    inputs: dict[str, Any] | None = None,
) -> tuple[Run, dict[str, Any]]:
    """Run the case and bring its outputs back as NumPy; also returns the inputs used."""
    out, raw_inputs = call(backend, case_id, device, size, seed, inputs)
    arrays, observations = {}, {}
    for key, value in out.items():
        if isinstance(value, bool | int | str):
            observations[key] = value
        else:
            arrays[key] = np.asarray(backend.to_numpy(value))
    return Run(get(case_id), backend.name, device, arrays, observations), raw_inputs


def _compare(
    key: str, against: str, actual: np.ndarray, ref: np.ndarray, grad: bool = False
) -> Check:
    if actual.shape != ref.shape:
        return Check(key, against, np.inf, np.inf, False, f"shape {actual.shape} != {ref.shape}")
    tol = for_dtype(coarser(actual.dtype, ref.dtype), grad=grad)
    a, r = actual.astype(np.complex128 if actual.dtype.kind == "c" else np.float64), ref
    diff = np.abs(a - r)
    max_abs = float(diff.max(initial=0.0))
    max_rel = float((diff / np.maximum(np.abs(r), np.finfo(np.float64).tiny)).max(initial=0.0))
    ok = bool(np.all(diff <= tol.atol + tol.rtol * np.abs(r)))
    return Check(
        key,
        against,
        max_abs,
        max_rel,
        ok,
        "" if ok else f"rtol={tol.rtol:g} atol={tol.atol:g} ({tol.reason})",
    )


def is_grad(key: str) -> bool:
    """Outputs whose name contains ``grad`` are gradients and get the gradient tolerance."""
    return "grad" in key


def against_oracle(result: Run, raw_inputs: dict[str, Any]) -> list[Check]:
    """Every oracle entry compared with the run's output of the same name."""
    checks = []
    for key, want in oracles.expected(result.case.id, raw_inputs).items():
        if key not in result.arrays:
            checks.append(Check(key, "oracle", np.inf, np.inf, False, "output missing"))
        elif isinstance(want, Stat):
            err = abs(float(result.arrays[key]) - want.value)
            checks.append(
                Check(
                    key,
                    "oracle",
                    err,
                    err / max(abs(want.value), 1e-300),
                    err <= want.atol,
                    f"atol={want.atol:g} ({want.reason})",
                )
            )
        else:
            checks.append(
                _compare(key, "oracle", result.arrays[key], np.asarray(want), is_grad(key))
            )
    return checks


def between(a: Run, b: Run, raw_inputs: dict[str, Any]) -> list[Check]:
    """The two frameworks compared on every exact (non-statistical) oracle key."""
    keys = [
        k for k, v in oracles.expected(a.case.id, raw_inputs).items() if not isinstance(v, Stat)
    ]
    return [
        _compare(k, b.backend, a.arrays[k], b.arrays[k], is_grad(k))
        for k in keys
        if k in a.arrays and k in b.arrays
    ]


def behaviour_mismatches(result: Run) -> dict[str, tuple[object, object]]:
    """Expected observations that differ: ``{key: (expected, observed)}``."""
    want = result.case.expectations(result.backend, result.device)
    return {
        k: (v, result.observations.get(k, "<missing>"))
        for k, v in want.items()
        if result.observations.get(k, "<missing>") != v
    }
