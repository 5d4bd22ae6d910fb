"""Options shared by tests/ and bench/ (they must live in the root conftest to be known)."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench-size",
        action="append",
        default=None,
        help="data size(s) for bench/: test, lesson, cpu, …, all (each case's sizes) or "
        "sweep (scaling points); repeatable; default: test",
    )
    parser.addoption(
        "--bench-pass",
        type=int,
        default=1,
        help="which pass of a multi-process benchmark run this is (recorded with each result)",
    )
    parser.addoption(
        "--bench-device",
        action="append",
        default=None,
        help="device(s) for bench/ (cpu, gpu); repeatable; default: JAXPARITY_DEVICES or all",
    )
    parser.addoption(
        "--bench-plan",
        default=None,
        help="a jaxparity plan.json: time exactly its benchmarks, in its paired blocks",
    )
    parser.addoption(
        "--bench-run-id",
        default=None,
        help="the jaxparity run these results belong to (recorded with each result)",
    )
    parser.addoption(
        "--bench-jsonl",
        default=None,
        help="append each finished benchmark to this JSON-lines file as soon as it finishes",
    )


def pytest_configure(config: pytest.Config) -> None:
    """A bad ``JAXPARITY_BACKENDS`` / ``JAXPARITY_DEVICES`` stops the run with one line."""
    from shared import backends
    from shared.cases import UnknownNameError

    try:
        backends.backend_names()
        backends.device_names()
    except UnknownNameError as e:
        raise pytest.UsageError(str(e)) from None
