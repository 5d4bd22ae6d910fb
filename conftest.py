"""Options shared by tests/ and bench/ (they must live in the root conftest to be known)."""

from __future__ import annotations

import os

import pytest

WORKERS = 2
"""Test processes for a whole-suite run where pytest-xdist is installed: the suite is mostly
Python, tracing and XLA compilation, one core at a time: on 2 cores two processes take it
from ≈ 200 s to ≈ 150 s."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench-size",
        default=None,
        help="bench/ without --bench-plan: the sizes to run, as jaxparity's --size (test, cpu, "
        "lesson or sweep; `jaxparity list sizes`); default: test",
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
        help="bench/ without --bench-plan: device(s) (cpu, gpu); repeatable; default: "
        "JAXPARITY_DEVICES or all",
    )
    parser.addoption(
        "--bench-plan",
        default=None,
        help="a jaxparity benchmark plan: time exactly its benchmarks, at its sizes, on its "
        "devices, in its paired blocks",
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


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """The whole suite (``pytest`` with no paths) runs in :data:`WORKERS` processes, each test
    file in one of them (``--dist loadfile``: a file's cached runs stay in one process).

    Only where pytest-xdist is installed (``.[test]`` has it; a machine with torch and JAX
    preinstalled may not, and runs in one process); never when ``-n`` is given (``-n 0``: one
    process), for chosen paths, in an xdist worker itself, or for timed benchmarks
    (``--benchmark-enable``: one process, nothing else running).
    """
    if (
        not config.pluginmanager.hasplugin("xdist")
        or config.option.numprocesses is not None
        or config.args != config.getini("testpaths")
        or os.environ.get("PYTEST_XDIST_WORKER")
        or config.getoption("benchmark_enable", False)
        or (os.cpu_count() or 1) < WORKERS
    ):
        return
    config.option.numprocesses, config.option.dist = WORKERS, "loadfile"


LONGEST_FIRST = ("tests/test_notebooks.py", "tests/test_cli.py")
"""Files whose tests take a minute or half of one (the notebooks run headless, real benchmark
runs): in two processes they start first, so the other process works through the rest
meanwhile instead of waiting for them at the end."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the workers collect; the order is theirs
        items.sort(key=lambda item: item.nodeid.split("::")[0] not in LONGEST_FIRST)
