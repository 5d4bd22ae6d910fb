"""The plan this pytest process times, the one source of what, where and at which size.

``jaxparity bench`` hands the child its pass's plan as a file (``--bench-plan``, written by
``jaxparity.bench_run``); ``pytest bench/`` run by hand builds the same kind of plan from
``--bench-size`` (a ``--size`` name: ``test``, the default, ``cpu``, ``lesson`` or ``sweep``)
and ``--bench-device`` (default: ``JAXPARITY_DEVICES``, else every device), through
``jaxparity.bench_plan.for_pytest``. Every bench module reads sizes and devices from here,
never from those options.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from jaxparity import bench_plan, bench_targets, selection
from jaxparity.bench_targets import Target
from shared import backends, cases


def of(config: pytest.Config) -> dict[str, Any]:
    """The plan (``jaxparity.bench_plan.make_plan``'s layout) of this process."""
    check_options(config)
    path = config.getoption("bench_plan", None)
    if path:
        return _read(path)
    devices = config.getoption("bench_device", None) or backends.device_names()
    return _build(config.getoption("bench_size", None) or "test", tuple(devices))


def check_options(config: pytest.Config) -> None:
    """A plan given with sizes or devices beside it, or an unknown size: one line."""
    size = config.getoption("bench_size", None)
    if config.getoption("bench_plan", None) and (size or config.getoption("bench_device", None)):
        raise pytest.UsageError(
            "--bench-plan names its sizes and devices: leave out --bench-size and --bench-device"
        )
    if size is not None and size not in selection.SIZES:
        raise pytest.UsageError(
            f"--bench-size {size!r}: valid sizes are {', '.join(selection.SIZES)} "
            "(`jaxparity list sizes`)"
        )


@cache
def _read(path: str) -> dict[str, Any]:
    return json.loads(Path(path).read_text())["bench"]


@cache
def _build(size: str, devices: tuple[str, ...]) -> dict[str, Any]:
    return bench_plan.for_pytest(size, list(devices))


def targets(plan: dict[str, Any]) -> list[Target]:
    """The plan's benchmarks of the cases."""
    return [Target.from_row(row) for row in plan["targets"]]


def case_targets(plan: dict[str, Any], case_id: str) -> list[Target]:
    """Every target of one case at the plan's ``--size`` on its devices, every mode: what a
    bench module measuring that case (memory) runs, whatever the plan left out of the
    timings."""
    return bench_targets.targets([cases.get(case_id)], plan["devices"], plan["size"])


def case_sizes(plan: dict[str, Any], case_id: str) -> list[str]:
    """The data sizes of one case at the plan's ``--size`` (``selection.bench_sizes``)."""
    return selection.bench_sizes(cases.get(case_id), plan["size"])
