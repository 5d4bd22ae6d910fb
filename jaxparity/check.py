"""``jaxparity check``: every case on each framework and device, judged by ``shared.parity``.

The same helper the tests use, so a number in the report means what the test asserted: each
output against the NumPy oracle, the two frameworks against each other, and observed
behaviour against the case's expectations. Each result is appended to ``check.jsonl`` as soon
as it is known.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from jaxparity import results
from jaxparity.errors import one_line
from jaxparity.results import finite
from shared import backends, parity
from shared.cases import Case, UnknownNameError
from shared.interface import Backend


def _checks_json(checks: tuple[parity.Check, ...]) -> list[dict[str, Any]]:
    return [
        {
            "key": c.key,
            "backend": c.backend,
            "against": c.against,
            "max_abs": finite(c.max_abs),
            "max_rel": finite(c.max_rel),
            "ok": c.ok,
            "detail": c.detail,
        }
        for c in checks
    ]


def _worst(judgement: parity.Judgement) -> tuple[float | None, float | None]:
    max_abs, max_rel = judgement.worst()
    return (None, None) if max_abs is None else (finite(max_abs), finite(max_rel))


def _failure(judgement: parity.Judgement) -> str | None:
    return None if judgement.ok else judgement.message(limit=3).replace("\n", "; ")


def _skip(case: Case, framework: str, device: str, size: str, reason: str) -> dict[str, Any]:
    return {
        "kind": "check",
        "case": case.id,
        "framework": framework,
        "device": device,
        "size": size,
        "status": "skip",
        "reason": reason,
        "max_abs_err": None,
        "max_rel_err": None,
    }


def check_one(
    backend: Backend, case: Case, device: str, size: str
) -> tuple[dict[str, Any], parity.CaseRun | None, dict[str, Any]]:
    """Run one case on one backend and device: its record, its run and the inputs used."""
    start = time.perf_counter()
    printed = io.StringIO()  # cases that print (as the lesson does) must not break the table
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(printed):
        warnings.simplefilter("always")
        try:
            run, raw_inputs = parity.run(backend, case.id, device, size)
            judgement = parity.judge([run], raw_inputs)
        except UnknownNameError as e:
            if (e.kind, e.name) != ("size", size):
                raise
            sizes = ", ".join(e.valid)
            return (
                _skip(case, backend.name, device, size, f"no {size} data (sizes: {sizes})"),
                None,
                {},
            )
        except backends.BackendUnavailable as e:  # the machine lacks what the case needs
            return _skip(case, backend.name, device, size, str(e)), None, {}
        except Exception as e:  # a failing case is a result to report, not a crash
            record = _skip(case, backend.name, device, size, "")
            record.update(status="fail", reason=one_line(e))
            return record, None, {}
    max_abs, max_rel = _worst(judgement)
    mismatches = judgement.mismatches.get(backend.name, {})
    record = {
        "kind": "check",
        "case": case.id,
        "framework": backend.name,
        "device": device,
        "size": size,
        "status": "pass" if judgement.ok else "fail",
        "reason": _failure(judgement),
        "max_abs_err": max_abs,
        "max_rel_err": max_rel,
        "checks": _checks_json(judgement.checks),
        "behaviour": {k: [want, got] for k, (want, got) in mismatches.items()},
        "observations": run.observations,
        "seconds": time.perf_counter() - start,
        "warnings": sorted({f"{w.category.__name__}: {w.message}"[:200] for w in caught}),
        "printed": printed.getvalue()[:2000],
    }
    return record, run, raw_inputs


def between_one(
    a: parity.CaseRun, b: parity.CaseRun, raw_inputs: dict[str, Any], size: str
) -> dict:
    """The two frameworks' outputs compared with each other, and every output of both
    judged by something (the oracle, the other framework, an expectation)."""
    both = parity.judge([a, b], raw_inputs)
    judgement = dataclasses.replace(both.of(parity.BETWEEN), unjudged=both.unjudged)
    max_abs, max_rel = _worst(judgement)
    return {
        "kind": "between",
        "case": a.case.id,
        "device": a.device,
        "size": size,
        "frameworks": [a.backend, b.backend],
        "status": "pass" if judgement.ok else "fail",
        "reason": _failure(judgement),
        "max_abs_err": max_abs,
        "max_rel_err": max_rel,
        "checks": _checks_json(judgement.checks),
    }


def planned(case_list: list[Case], devices: list[str]) -> int:
    """How many case × framework × device results a check writes (for the progress bar)."""
    return len(case_list) * len(backends.backend_names()) * len(devices)


def run_checks(
    case_list: list[Case],
    devices: list[str],
    asked: str,
    folder: Path,
    advance: Callable[[str], None] = lambda _: None,
) -> list[dict[str, Any]]:
    """Check every case on each framework and device, appending each record as it finishes.
    ``asked``: a size name, or ``run`` (each case at its ``Case.run_size``)."""
    path = folder / results.CHECK
    found, missing = backends.available()
    by_name = {b.name: b for b in found}
    records: list[dict[str, Any]] = []

    def keep(record: dict[str, Any]) -> None:
        records.append(record)
        results.append(path, record)

    for device in devices:
        runs: dict[tuple[str, str], tuple[parity.CaseRun, dict[str, Any]]] = {}
        # One framework after the other, as in the benchmarks: no thread pools fighting.
        for name in backends.backend_names():
            backend = by_name.get(name)
            if backend is not None:
                backend.pin_precision()
            for case in case_list:
                advance(f"{case.id} · {name} · {device}")
                size = _size(case, asked)
                if backend is None:
                    keep(_skip(case, name, device, size, missing[name]))
                elif device not in backend.devices():
                    keep(_skip(case, name, device, size, f"no {device} visible to {name}"))
                else:
                    record, run, raw_inputs = check_one(backend, case, device, size)
                    keep(record)
                    if run is not None:
                        runs[case.id, name] = run, raw_inputs
        for case in case_list:
            if (case.id, "torch") in runs and (case.id, "jax") in runs:
                torch_run, raw_inputs = runs[case.id, "torch"]
                keep(
                    between_one(torch_run, runs[case.id, "jax"][0], raw_inputs, _size(case, asked))
                )
    return records


def _size(case: Case, asked: str) -> str:
    """The size a case is checked at: the one asked for, or under ``run`` its own."""
    return case.run_size if asked == "run" else asked


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:.2g}"


STYLE = {"pass": "green", "fail": "bold red", "skip": "yellow"}


def table(records: list[dict[str, Any]]) -> Table:
    """Every case × framework × device: status, worst error vs the oracle and vs the other."""
    between = {(r["case"], r["device"]): r for r in records if r["kind"] == "between"}
    t = Table(title="Parity: each framework vs the NumPy oracle, and torch vs JAX")
    t.add_column("case", no_wrap=True)
    for col in ("framework", "device", "status"):
        t.add_column(col, no_wrap=True, min_width=len(col))
    for col in ("max abs err", "max rel err", "torch vs jax"):
        t.add_column(col, justify="right", no_wrap=True)
    t.add_column("note", overflow="fold")
    order = {case: i for i, case in enumerate(dict.fromkeys(r["case"] for r in records))}
    rows = sorted(
        (r for r in records if r["kind"] == "check"),
        key=lambda r: (
            order[r["case"]],
            r["device"],
            backends.backend_names().index(r["framework"]),
        ),
    )
    for r in rows:
        other = between.get((r["case"], r["device"]))
        vs = "—" if other is None else f"{_num(other['max_abs_err'])} {other['status']}"
        note = "; ".join(filter(None, [r.get("reason"), other and other.get("reason")]))
        t.add_row(
            r["case"],
            r["framework"],
            r["device"],
            f"[{STYLE[r['status']]}]{r['status']}[/]",
            _num(r["max_abs_err"]),
            "n/a (ref ≈ 0)" if (r["max_rel_err"] or 0) > 1e12 else _num(r["max_rel_err"]),
            vs,
            escape(note),
        )
    return t


def failed(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["status"] == "fail"]
