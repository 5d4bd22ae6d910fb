"""Run a case on a backend and judge it: the one judge of the project.

:func:`judge` returns a :class:`Judgement` — every comparison made, every behaviour that
differed, every output compared with nothing — and the tests, ``jaxparity check``, ``show``
and the report all read that judgement, so a number in the report means exactly what the test
asserted. Every output of a case is judged:

- an array against the NumPy oracle where the oracle names it (``shared.oracles``), against
  the other framework's array of the same name, and its dtype against the case's declared
  dtype (``Case.dtypes``) or, undeclared, the other framework's;
- an observation (bool, int, str) against the case's expectations;
- an output that nothing judges fails the judgement, unless the case says why in
  ``Case.unchecked``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from shared import data, oracles
from shared.cases import Case, get
from shared.interface import Backend
from shared.oracles import Count, Deep, Stat, Summed
from shared.tolerances import (
    DEEP_FACTOR,
    DEEP_REASON,
    SUMMED_REASON,
    coarser,
    for_dtype,
    gamma,
)
from shared.validation import check_inputs

Observation = bool | int | str
BETWEEN = "torch vs jax"


@dataclass(frozen=True)
class Check:
    """One output of ``backend`` (or ``"torch vs jax"``) compared with ``against``.

    ``against`` is ``"oracle"``, the other framework's name, or ``"dtype"``.
    """

    key: str
    backend: str
    against: str
    max_abs: float
    max_rel: float
    ok: bool
    detail: str = ""

    def line(self) -> str:
        if self.against == "dtype" or not np.isfinite(self.max_abs):
            return f"{self.key} ({self.backend}) vs {self.against}: {self.detail}"
        return (
            f"{self.key} ({self.backend}) vs {self.against}: max abs {self.max_abs:.3g}, "
            f"max rel {self.max_rel:.3g} {self.detail}"
        )


@dataclass
class CaseRun:
    """A case's outputs on one backend and device, as NumPy arrays and observations."""

    case: Case
    backend: str
    device: str
    arrays: dict[str, np.ndarray]
    observations: dict[str, Observation]


@dataclass(frozen=True)
class Judgement:
    """Everything the judge found for a case on one device, for one or both frameworks."""

    case: Case
    device: str
    checks: tuple[Check, ...] = ()
    mismatches: dict[str, dict[str, tuple[object, object]]] = field(default_factory=dict)
    """backend → output → (expected, observed) for behaviours that differ."""
    unjudged: tuple[tuple[str, str], ...] = ()
    """(backend, output) pairs that nothing compared and ``Case.unchecked`` does not excuse."""

    @property
    def ok(self) -> bool:
        return (
            all(c.ok for c in self.checks)
            and not any(self.mismatches.values())
            and not self.unjudged
        )

    def failures(self) -> list[str]:
        """One line per failure, in the order: comparisons, behaviour, outputs unjudged."""
        lines = [c.line() for c in self.checks if not c.ok]
        lines += [
            f"{key} ({backend}): expected {want!r}, observed {got!r}"
            for backend, found in self.mismatches.items()
            for key, (want, got) in found.items()
        ]
        lines += [
            f"{key} ({backend}): compared with nothing (no oracle, no counterpart in the "
            f"other framework, no expectation, not listed in Case.unchecked)"
            for backend, key in self.unjudged
        ]
        return lines

    def message(self, limit: int | None = None) -> str:
        """The failures as one line each (the first ``limit`` of them, then a count)."""
        lines = self.failures()
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], f"and {len(lines) - limit} more"]
        return "\n".join(lines)

    def of(self, backend: str) -> Judgement:
        """The part of the judgement about one framework's outputs (or ``BETWEEN``)."""
        return replace(
            self,
            checks=tuple(c for c in self.checks if c.backend == backend),
            mismatches={backend: self.mismatches[backend]} if backend in self.mismatches else {},
            unjudged=tuple(u for u in self.unjudged if u[0] == backend),
        )

    def worst(self) -> tuple[float | None, float | None]:
        """The largest absolute and relative error among the value comparisons."""
        values = [c for c in self.checks if c.against != "dtype"]
        if not values:
            return None, None
        return max(c.max_abs for c in values), max(c.max_rel for c in values)


def call(
    backend: Backend,
    case_id: str,
    device: str = "cpu",
    size: str = "test",
    seed: int = 0,
    inputs: dict[str, Any] | None = None,
    function: Callable[..., dict] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Run the case natively on ``inputs`` (default: the seeded data of ``size``).

    The inputs are checked against the case's contract first (``shared.validation``), so a
    wrong shape is the same ``CaseInputError`` on both backends. ``function`` replaces the
    backend's own case function (a notebook passes the one its cell defined). Returns the raw
    native outputs and the NumPy inputs used.
    """
    case = get(case_id)
    raw_inputs = data.inputs(case.id, size, seed) if inputs is None else inputs
    check_inputs(case, raw_inputs)
    fn = function or getattr(backend.topic(case.topic), case.name)
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
    function: Callable[..., dict] | None = None,
) -> tuple[CaseRun, dict[str, Any]]:
    """Run the case and bring its outputs back as NumPy; also returns the inputs used."""
    out, raw_inputs = call(backend, case_id, device, size, seed, inputs, function)
    arrays, observations = {}, {}
    for key, value in out.items():
        if isinstance(value, bool | int | str):
            observations[key] = value
        else:
            arrays[key] = np.asarray(backend.to_numpy(value))
    return CaseRun(get(case_id), backend.name, device, arrays, observations), raw_inputs


def judge(
    runs: Sequence[CaseRun], raw_inputs: dict[str, Any], expected: oracles.Expected | None = None
) -> Judgement:
    """Judge one framework's run, or both frameworks' runs of the same case and device.

    With one run, arrays the oracle does not name are left to the comparison with the other
    framework (not counted either way); with both, an output nothing compares fails.
    ``expected``: the oracle's answer for ``raw_inputs``, when the caller has it already (a
    deep network's takes seconds).
    """
    case, device = runs[0].case, runs[0].device
    if expected is None:
        expected = oracles.expected(case.id, raw_inputs)
    checks: list[Check] = []
    mismatches: dict[str, dict[str, tuple[object, object]]] = {}
    for run in runs:
        checks += _against_oracle(run, expected)
        checks += _declared_dtypes(run)
        mismatches[run.backend] = _behaviour_mismatches(run)
    if len(runs) == 2:
        checks += _between(*runs, expected)
        checks += _undeclared_single(*runs) + _undeclared_single(*reversed(runs))
    unjudged = tuple(
        (run.backend, key)
        for run in runs
        for key in [*run.arrays, *run.observations]
        if not _judged(key, run, runs, expected)
    )
    return Judgement(case, device, tuple(checks), mismatches, unjudged)


def _judged(key: str, run: CaseRun, runs: Sequence[CaseRun], expected: oracles.Expected) -> bool:
    if key in run.case.unchecked:
        return True
    if key in run.observations:
        return key in run.case.expectations(run.backend, run.device)
    if key in expected:
        return True
    others = [r for r in runs if r is not run]
    # Alone, an array without an oracle waits for the other framework's run.
    return not others or all(key in r.arrays for r in others)


def _applies(run: CaseRun, key: str) -> bool:
    owner = run.case.only.get(key)
    return owner is None or owner == run.backend


def _against_oracle(run: CaseRun, expected: oracles.Expected) -> list[Check]:
    checks = []
    for key, want in expected.items():
        if not _applies(run, key):
            continue
        if key not in run.arrays:
            checks.append(Check(key, run.backend, "oracle", np.inf, np.inf, False, "missing"))
        elif isinstance(want, Stat):
            checks.append(_statistic(key, run.backend, run.arrays[key], want))
        elif isinstance(want, Count):
            checks.append(_count(key, run.backend, "oracle", run.arrays[key], want, sides=1))
        else:
            checks.append(compare(key, run.backend, "oracle", run.arrays[key], want, sides=1))
    return checks


def _statistic(key: str, backend: str, actual: np.ndarray, want: Stat) -> Check:
    if actual.shape != ():
        return Check(key, backend, "oracle", np.inf, np.inf, False, f"shape {actual.shape} != ()")
    value = float(actual)
    err = abs(value - want.value)
    ok = bool(np.isfinite(value) and err <= want.atol)
    detail = f"atol={want.atol:g} ({want.reason})" + ("" if np.isfinite(value) else f"; {value}")
    return Check(key, backend, "oracle", err, err / max(abs(want.value), 1e-300), ok, detail)


def _count(
    key: str, backend: str, against: str, actual: np.ndarray, want: Count, *, sides: int
) -> Check:
    """Whole numbers within ``sides·atol`` of each other, elementwise (``Count``)."""
    ref = np.asarray(want.value)
    if actual.shape != ref.shape:
        detail = f"shape {actual.shape} != {ref.shape}"
        return Check(key, backend, against, np.inf, np.inf, False, detail)
    diff = np.abs(actual.astype(np.float64) - ref.astype(np.float64))
    max_abs = float(diff.max(initial=0.0))
    max_rel = float((diff / np.maximum(np.abs(ref), 1)).max(initial=0.0))
    ok = bool(np.all(diff <= sides * want.atol))
    detail = "" if ok else f"atol={sides * want.atol} ({want.reason})"
    return Check(key, backend, against, max_abs, max_rel, ok, detail)


def _between(a: CaseRun, b: CaseRun, expected: oracles.Expected) -> list[Check]:
    """Values, shapes and undeclared dtypes of the arrays both frameworks return.

    Statistics of random draws and outputs the case leaves unchecked are compared by shape
    only: the two random streams differ by design.
    """
    checks = []
    for key in a.arrays.keys() & b.arrays.keys():
        x, y = a.arrays[key], b.arrays[key]
        if a.case.declared_dtype(key, a.backend) is None and x.dtype != y.dtype:
            detail = f"{a.backend} {x.dtype}, {b.backend} {y.dtype}; declare it in Case.dtypes"
            checks.append(Check(key, BETWEEN, "dtype", np.inf, np.inf, False, detail))
        if key in a.case.unchecked or isinstance(expected.get(key), Stat):
            if x.shape != y.shape:
                detail = f"shape {x.shape} != {y.shape}"
                checks.append(Check(key, BETWEEN, b.backend, np.inf, np.inf, False, detail))
            continue
        want = expected.get(key)
        if isinstance(want, Count):
            other = Count(y, want.atol, want.reason)
            checks.append(_count(key, BETWEEN, b.backend, x, other, sides=2))
            continue
        bound = want if isinstance(want, Summed | Deep) else None
        checks.append(compare(key, BETWEEN, b.backend, x, y, sides=2, bound=bound))
    return sorted(checks, key=lambda c: list(a.arrays).index(c.key))


def _undeclared_single(run: CaseRun, other: CaseRun) -> list[Check]:
    """An array only ``run``'s framework returns has no counterpart to agree with on its
    dtype: the case must declare it."""
    detail = "only this framework returns it: declare its dtype in Case.dtypes"
    return [
        Check(key, run.backend, "dtype", np.inf, np.inf, False, detail)
        for key in run.arrays.keys() - other.arrays.keys()
        if run.case.declared_dtype(key, run.backend) is None
    ]


def _declared_dtypes(run: CaseRun) -> list[Check]:
    checks = []
    for key, value in run.arrays.items():
        want = run.case.declared_dtype(key, run.backend)
        if want is not None:
            ok = value.dtype == np.dtype(want)
            detail = f"declared {want}, got {value.dtype}"
            checks.append(Check(key, run.backend, "dtype", 0.0 if ok else np.inf, 0.0, ok, detail))
    return checks


def compare(
    key: str,
    backend: str,
    against: str,
    actual: np.ndarray,
    want: np.ndarray | Summed | Deep,
    *,
    sides: int,
    bound: Summed | Deep | None = None,
) -> Check:
    """``actual`` vs ``want`` elementwise, within the tolerance the arithmetic allows.

    ``sides`` is how many of the two carry rounding error (1 against the oracle, 2 between the
    frameworks); a :class:`Summed` reference adds its forward-error bound, a :class:`Deep` one
    the float32 error measured on its network.
    """
    if isinstance(want, Summed | Deep):
        bound, want = want, want.value
    ref = np.asarray(want)
    if actual.shape != ref.shape:
        return Check(
            key, backend, against, np.inf, np.inf, False, f"shape {actual.shape} != {ref.shape}"
        )
    dtype = coarser(actual.dtype, ref.dtype)
    tol = for_dtype(dtype)
    a = actual.astype(np.complex128 if actual.dtype.kind == "c" else np.float64)
    r = ref.astype(np.complex128 if ref.dtype.kind == "c" else np.float64)
    allowed = sides * (tol.atol + tol.rtol * np.abs(r))
    reason = f"rtol={tol.rtol:g} atol={tol.atol:g} ({tol.reason})"
    if isinstance(bound, Deep):
        allowed = allowed + sides * DEEP_FACTOR * bound.spread
        reason += f" + {DEEP_FACTOR:g}×{bound.spread:.2g} ({DEEP_REASON})"
    elif bound is not None:
        g = gamma(bound.terms, dtype)
        allowed = allowed + sides * (g * bound.magnitude + g**2 * bound.second_order)
        reason += f" + γ({bound.terms})={g:.2g}·magnitude ({SUMMED_REASON})"
    diff = np.abs(a - r)
    max_abs = float(diff.max(initial=0.0))
    max_rel = float((diff / np.maximum(np.abs(r), np.finfo(np.float64).tiny)).max(initial=0.0))
    ok = bool(np.all(diff <= allowed))  # NaN anywhere makes this False
    detail = "" if ok else reason
    bad = _non_finite(actual, ref)
    if bad:
        ok, detail = False, f"{bad}; {detail}".rstrip("; ")
    return Check(key, backend, against, max_abs, max_rel, ok, detail)


def _non_finite(actual: np.ndarray, ref: np.ndarray) -> str:
    """Names NaN and inf entries where the reference is finite ("3 NaN, 1 inf")."""
    if actual.dtype.kind not in "fc":
        return ""
    finite_ref = np.isfinite(ref) if ref.dtype.kind in "fc" else np.ones(ref.shape, bool)
    nan = int(np.sum(np.isnan(actual) & finite_ref))
    inf = int(np.sum(np.isinf(actual) & finite_ref))
    parts = [f"{nan} NaN"] * bool(nan) + [f"{inf} inf"] * bool(inf)
    return ", ".join(parts) + " where the reference is finite" if parts else ""


def _behaviour_mismatches(run: CaseRun) -> dict[str, tuple[object, object]]:
    want = run.case.expectations(run.backend, run.device)
    return {
        k: (v, run.observations.get(k, "<missing>"))
        for k, v in want.items()
        if run.observations.get(k, "<missing>") != v
    }
