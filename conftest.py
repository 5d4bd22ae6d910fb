"""Options shared by tests/ and bench/ (they must live in the root conftest to be known)."""

from __future__ import annotations

import functools
import os
import re

import pytest

WORKERS = 2
"""Test processes for a whole-suite run where pytest-xdist is installed: the suite is mostly
Python, tracing and XLA compilation, one core at a time: on 2 cores two processes take it
from ≈ 200 s to ≈ 150 s."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--slow",
        action="store_true",
        help="also run the tests marked slow (a real benchmark run, every notebook headless in "
        "both languages): the work the main job and `jaxparity notebooks` do anyway, left out "
        "of a plain run for its time",
    )
    parser.addoption(
        "--case",
        action="append",
        default=None,
        metavar="ID",
        help="only what concerns these cases (repeatable or comma-separated): every test whose "
        "id names one of them, and the registry-wide checks (marker 'registry') they can break",
    )
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
    """A bad ``JAXPARITY_BACKENDS`` / ``JAXPARITY_DEVICES`` or ``--case`` stops the run with
    one line."""
    from shared import backends
    from shared.cases import UnknownNameError

    try:
        backends.backend_names()
        backends.device_names()
        chosen_cases(config)
    except UnknownNameError as e:
        raise pytest.UsageError(str(e)) from None


def chosen_cases(config: pytest.Config) -> list[str]:
    """The case ids given with ``--case`` (validated), or none."""
    from shared import cases

    given = config.getoption("case") or []
    return [cases.get(i.strip()).id for value in given for i in value.split(",") if i.strip()]


def concerns(item: pytest.Item, chosen: list[str]) -> bool:
    """Whether ``--case`` runs the test: its id names a chosen case, or it is a registry-wide
    check (``@pytest.mark.registry``) that names no other case and no other case's topic.

    A test names a case by its id as a whole word (``[torch-tensors.inplace]``); a registry
    check parametrised by topic (``[tensors-torch]``) runs for the chosen cases' topics only.
    """
    from shared import cases

    test = item.nodeid.split("::", 1)[-1]  # not the file's path: test_modules.py names no case
    named = set(_case_ids().findall(test))
    if named:
        return bool(named & set(chosen))
    if item.get_closest_marker("registry") is None:
        return False
    callspec = getattr(item, "callspec", None)
    topics = set(callspec.id.split("-")) & set(cases.TOPICS) if callspec else set()
    return not topics or bool(topics & {cases.get(c).topic for c in chosen})


@functools.cache
def _case_ids() -> re.Pattern[str]:
    """Any case id as a whole word, the longest first (``a.b_c`` before ``a.b``)."""
    from shared import cases

    ids = "|".join(re.escape(i) for i in sorted(cases.CASES, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{ids})(?![\w])")


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
        or config.getoption("case")  # a few dozen tests: one process collects once
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


SLOW_REASON = (
    "slow: the main job and `jaxparity notebooks` do this work; `pytest --slow` includes it"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = chosen_cases(config)
    if chosen:
        dropped = [item for item in items if not concerns(item, chosen)]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if concerns(item, chosen)]
    if not config.getoption("slow"):
        for item in items:
            if "slow" in item.keywords:
                item.add_marker(pytest.mark.skip(reason=SLOW_REASON))
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the workers collect; the order is theirs
        items.sort(key=lambda item: item.nodeid.split("::")[0] not in LONGEST_FIRST)
