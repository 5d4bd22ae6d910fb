"""The data-parallel step timed by its own workers, at 1 and 2 workers (distributed.data_parallel).

The harness times calls in its own process; a data-parallel step runs in several processes or
devices at once, so each framework's ``distributed_timing`` module times the steps where they
run (after a warm-up, the workers lined up, every step on its own clock, a step of the group
its slowest worker's) and this module records what they report: one row per variant (one
process without the engine; the engine at 1 worker; at 2 workers; JAX also 2 processes),
size, framework and device, the workers' step times as the row's rounds, and in
``extra_info`` the communication time where the engine tells it (DDP's hook), one
all-reduce of the gradients' size timed alone, and how the work was split. One launch per
framework, device and size gives all its rows (``_timings``).

Only timed runs launch workers (``jaxparity run``, ``pytest bench --benchmark-enable``); the
test suite's parity tests run the same engines. On GPUs (``--bench-device gpu``) each worker
gets a GPU of its own: with fewer than two, the rows are skipped with the reason.
"""

from __future__ import annotations

import functools
from dataclasses import asdict
from typing import Any

import pytest

from bench import plan
from bench.harness import Target, record
from bench.targets import load_on
from shared import backends, cases, data, run_modes

CASE = cases.get("distributed.data_parallel")
VARIANTS = {
    "single": "one process, one device, the whole batch: the plain step, no distributed engine",
    "workers_1": "the distributed step with one worker: the engine's own cost, nobody to talk to",
    "workers_2": "two workers (torch: processes, JAX: devices of one process), half the batch "
    "each, one core and one compute thread each",
    "processes_2": "JAX across processes: two joined by jax.distributed, one device each",
}
MODES = {"torch": run_modes.TORCH_EAGER.name, "jax": run_modes.JAX_JIT.name}
SIZES = {"lesson": (50, 300), "cpu": (3, 20)}
"""Timed sizes → (warm-up steps, timed steps): the lesson's network (batch 4: a step is all
overhead) and a step large enough that computing outweighs communicating (batch 1024, width
256, depth 4: ≈ 1.7 GFLOP)."""
UNTIMED = (
    "timed runs only (jaxparity run, or pytest bench --benchmark-enable): each launch starts "
    "worker processes; the parity tests run the same engines"
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One row per size × framework × device × variant, at the timed sizes among those the
    plan's ``--size`` gives this case (``bench/plan.py``: ``cpu`` by default, ``lesson`` both)."""
    if "step_target" not in metafunc.fixturenames:
        return
    found_plan = plan.of(metafunc.config)
    found = [
        Target(CASE.id, variant, size, framework, device, MODES[framework])
        for size in plan.case_sizes(found_plan, CASE.id)
        if size in SIZES
        for framework in backends.backend_names()
        for device in found_plan["devices"]
        for variant in VARIANTS
        if variant != "processes_2" or framework == "jax"
    ]
    metafunc.parametrize("step_target", found, ids=[t.id for t in found])


@functools.cache
def _timings(framework: str, device: str, size: str) -> dict[str, dict[str, Any]]:
    """Every variant's timing of one framework, device and size: one launch."""
    warmup, steps = SIZES[size]
    module = backends.load(framework).topic("distributed_timing")
    return module.time_data_parallel(data.inputs(CASE.id, size), device, warmup, steps)


def _replayed(benchmark: Any, times: list[float]) -> None:
    """pytest-benchmark's statistics of the times the workers measured, one round per step
    (its own clock timed nothing: the steps ran elsewhere)."""
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    stats = benchmark.stats.stats
    stats.data.clear()
    for seconds in times:
        stats.update(seconds)


def test_data_parallel_step(benchmark, step_target: Target, request: pytest.FixtureRequest) -> None:
    target = step_target
    if benchmark.disabled:
        pytest.skip(UNTIMED)
    load_on(target.backend, target.device)
    try:
        found = _timings(target.backend, target.device, target.size)
    except backends.BackendUnavailable as e:  # fewer GPUs than workers
        pytest.skip(str(e))
    measured = found[target.variant]
    benchmark.group = f"{CASE.id} [{target.size}]"
    _replayed(benchmark, measured["times"])
    benchmark.extra_info.update(
        {
            **asdict(target),
            "framework": target.backend,
            "compile_s": 0.0,
            "flops": None,
            "variant_doc": VARIANTS[target.variant],
            "threads_per_worker": 1,
            **{k: v for k, v in measured.items() if k != "times"},
        }
    )
    record(request.config, benchmark)
