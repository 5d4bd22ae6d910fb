"""pytest-benchmark set-up: machine info, and one test per paired block of the plan."""

from __future__ import annotations

from typing import Any

import pytest

from bench import plan, selfcheck_hook
from jaxparity.bench_targets import block_id, schedule
from jaxparity.machine import describe_machine


def pytest_configure(config: pytest.Config) -> None:
    plan.check_options(config)


def pytest_benchmark_update_machine_info(config: pytest.Config, machine_info: dict) -> None:
    machine_info["jaxparity"] = describe_machine()


@pytest.fixture
def bench_plan(request: pytest.FixtureRequest) -> dict[str, Any]:
    """This process's plan (``bench/plan.py``), its targets as ``Target``s."""
    found = plan.of(request.config)
    return {**found, "targets": plan.targets(found)}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per block of each target, in the paired schedule (``bench_targets.schedule``)."""
    if "bench_block" in metafunc.fixturenames:
        found = plan.of(metafunc.config)
        order = schedule(plan.targets(found), found["blocks"])
        metafunc.parametrize("bench_block", order, ids=[block_id(t, b) for t, b in order])


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """After a comparison group's last block, the self-check's second timer of its checked
    calls (``bench/selfcheck_hook.py``), while the machine is as the blocks met it."""
    selfcheck_hook.after(item, nextitem)
