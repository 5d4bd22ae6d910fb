"""pytest-benchmark set-up: pinned precision, machine info, per-result saving."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import harness
from jaxparity.machine import describe_machine


def pytest_benchmark_update_machine_info(config: pytest.Config, machine_info: dict) -> None:
    machine_info["jaxparity"] = describe_machine()


def _plan(config: pytest.Config) -> dict[str, Any]:
    """The benchmark plan to run: ``--bench-plan``'s (``jaxparity bench`` writes it), else
    every target at ``--bench-size`` on ``--bench-device`` (default: ``JAXPARITY_DEVICES``)
    in one block."""
    path = config.getoption("bench_plan")
    if path:
        plan = json.loads(Path(path).read_text())["bench"]
        found = [harness.Target.from_row(t) for t in plan["targets"]]
        return {"targets": found, "blocks": plan["blocks"], "block_s": plan["block_s"]}
    devices = config.getoption("bench_device") or None
    found = harness.targets(config.getoption("bench_size") or ["test"], devices=devices)
    return {"targets": found, "blocks": 1, "block_s": harness.BLOCK_S}


@pytest.fixture
def bench_plan(request: pytest.FixtureRequest) -> dict[str, Any]:
    return request.config.stash[PLAN]


PLAN = pytest.StashKey[dict[str, Any]]()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One test per block of each target, in the paired schedule (``harness.schedule``)."""
    if "bench_block" in metafunc.fixturenames:
        if PLAN not in metafunc.config.stash:
            metafunc.config.stash[PLAN] = _plan(metafunc.config)
        plan = metafunc.config.stash[PLAN]
        order = harness.schedule(plan["targets"], plan["blocks"])
        metafunc.parametrize("bench_block", order, ids=[harness.block_id(t, b) for t, b in order])
