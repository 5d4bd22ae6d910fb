"""A pytest plugin for ``jaxparity bench``: every benchmark's outcome as one JSON line.

The harness saves the timings of benchmarks that finished; this records every outcome —
passed, skipped with its reason, failed with its error — as each test ends, so the report can
say why a number is missing and the progress bar can count. Loaded by ``jaxparity bench`` as
``-p jaxparity.pytest_outcomes --bench-outcomes PATH``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jaxparity import results


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench-outcomes",
        default=None,
        help="append each test's outcome (passed, skipped + reason, failed + error) here",
    )


def _reason(report: pytest.TestReport) -> str | None:
    if report.passed:
        return None
    longrepr = report.longrepr
    if report.skipped and isinstance(longrepr, tuple):
        return str(longrepr[2]).removeprefix("Skipped: ")
    crash = getattr(longrepr, "reprcrash", None)
    text = crash.message if crash is not None else str(longrepr)
    return (text.strip().splitlines() or [""])[0][:300]


def _load() -> float | None:
    """The 1-minute load average as the test ends: above the core count, other processes
    competed for the CPU and the timing is inflated (the report says so)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on every platform
        return None


class Outcomes:
    def __init__(self, path: Path, run_id: str | None, number: int) -> None:
        self.path, self.run_id, self.number = path, run_id, number

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # One line per test: its call when it ran, else the phase that skipped or failed it.
        if report.when == "call" or not report.passed:
            results.append(
                self.path,
                {
                    # A resumed run keeps what its earlier attempt finished, pass by pass;
                    # a stray process's outcomes, of another run, are left out.
                    "run_id": self.run_id,
                    "pass": self.number,
                    "nodeid": report.nodeid,
                    "outcome": report.outcome,
                    "when": report.when,
                    "reason": _reason(report),
                    "duration_s": report.duration,
                    "load_1m": _load(),
                },
            )


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("bench_outcomes")
    if path:
        plugin = Outcomes(
            Path(path),
            config.getoption("bench_run_id", None),
            config.getoption("bench_pass", 1),
        )
        config.pluginmanager.register(plugin, "jaxparity-outcomes")
