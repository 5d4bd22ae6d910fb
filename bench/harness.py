"""Honest timing of every planned benchmark, written once for both frameworks.

The plan (``bench/plan.py``) lists the *targets* — case × variant × size × backend × device ×
mode (``jaxparity.bench_targets``) — and the order of their blocks. Within a process, a
comparison group (the targets of one case, variant, size and device: eager torch,
``torch.compile``, jitted JAX, JAX op by op, …) is timed in *paired blocks*:

1. every member of the group is set up first: the NumPy inputs are placed on the device by
   the backend's ``TIMED`` setup, and ``Backend.prepare`` compiles (``torch.compile``,
   ``jax.jit`` lowered and compiled), with compile seconds measured apart;
2. then ``blocks`` rounds follow; in each, every member in turn gets its own short warm-up
   (a switch of framework leaves the other's thread pool spinning and this one's cold) and
   one block of timed calls — pytest-benchmark times ``sync(fn(*args))``, the work and the
   wait for it, nothing else. The members' order reverses every block, so neither framework
   always runs first.

Two members' blocks of the same round are seconds apart, so a drift of the shared machine hits
both: the report's speed-up is the median of the per-round ratios (``jaxparity.paired``). Each
block is appended at once to a JSON-lines file (``--bench-jsonl``), so an interrupted run keeps
what it finished. The warm-up's numbers are the design's (``jaxparity/bench.py``).
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bench import op_counts
from jaxparity.bench import WARMUP_CALLS, WARMUP_S
from jaxparity.bench_targets import Comparison, Target
from jaxparity.selection import COMPILE_COST
from shared import backends, cases, data, run_modes


@dataclass
class Member:
    """One target of the group being timed, set up and compiled: ``call()`` is what is timed."""

    call: Callable[[], Any]
    compile_s: float
    call_s: float
    flops: float | None
    ops_per_call: int | None


class _Group:
    """The comparison group whose members are set up; one at a time, freed when the next
    group starts (a group may hold gigabytes of inputs)."""

    key: ClassVar[Comparison | None] = None
    members: ClassVar[dict[Target, Member | BaseException]] = {}

    @classmethod
    def member(
        cls, target: Target, listed: list[Target], timed: bool, count: bool = False
    ) -> Member:
        if cls.key != target.comparison:
            cls.key, cls.members = target.comparison, {}
            if timed:  # the previous group's arrays may be gigabytes held in cycles
                gc.collect()
            group = [m for m in listed if m.comparison == target.comparison] or [target]
            if not timed:  # what the untimed run skips is not set up (nor compiled)
                group = [m for m in group if not untimed_skip(m)]
            for t in group:
                try:
                    cls.members[t] = _set_up(t, timed, count)
                except (Exception, pytest.skip.Exception) as e:  # the others are still timed
                    cls.members[t] = e
        found = cls.members.get(target) or _set_up(target, timed, count)
        if isinstance(found, BaseException):
            raise found
        return found


def _set_up(target: Target, timed: bool, count: bool = False) -> Member:
    try:
        backend = backends.ready(target.backend, target.device)
    except backends.BackendUnavailable as e:
        pytest.skip(str(e))
    case = cases.get(target.case_id)
    assert case.bench is not None
    inputs = data.inputs(case.id, target.size)
    setup = backend.topic(case.topic).TIMED[case.id][target.variant]
    try:
        fn, args = setup(inputs, target.device, target.mode)
    except backends.NotTimed as e:
        pytest.skip(str(e))
    ready, compile_s = backend.prepare(fn, target.mode, args)

    def call() -> Any:
        return backend.sync(ready(*args))

    call_s, ops = 0.0, None
    if timed:  # one call's seconds, to size the warm-up and the blocks
        start = time.perf_counter()
        call()
        call_s = time.perf_counter() - start
        if count:
            ops = op_counts.per_call(target.backend, target.mode, ready, args)
    flops = None
    if case.bench.flops:
        flops = case.bench.flops(inputs)
    return Member(call, compile_s, call_s, flops, ops)


def untimed_skip(target: Target) -> str | None:
    """Why a target is not run under ``--benchmark-disable`` (the test suite), or ``None``."""
    if (target.backend, target.mode) == run_modes.TORCH_COMPILE.key:
        return (
            f"{COMPILE_COST}; timed runs include it "
            "(jaxparity bench, or pytest bench --benchmark-enable)"
        )
    if (target.backend, target.mode) == run_modes.JAX_OP_BY_OP.key:
        return (
            "JAX op by op is the jitted function uncompiled, and its first call compiles "
            "every primitive on its own (≈ 11 s for all cases here); timed runs include it"
        )
    return None


def run(
    benchmark: Any,
    target: Target,
    block: int,
    config: pytest.Config,
    listed: list[Target],
    block_s: float,
) -> None:
    """Time one block of one target with pytest-benchmark (once, untimed, under
    ``--benchmark-disable``). ``listed``: every target of this process, to set up the group."""
    # pyproject's addopts say --benchmark-disable; --benchmark-enable overrides it.
    disabled = benchmark.disabled
    why = untimed_skip(target) if disabled else None
    if why:
        pytest.skip(why)
    # Operations are counted once per benchmark, in the first pass: the count does not change
    # between passes, and counting eager torch under a dispatch mode is slow (oneDNN's
    # convolutions are off under it: ResNet-101 counts for about a minute).
    count = not disabled and config.getoption("bench_pass", 1) == 1
    member = _Group.member(target, listed, not disabled, count)
    case = cases.get(target.case_id)
    assert case.bench is not None
    if not disabled and config.getoption("benchmark_disable_gc", False):
        gc.collect()  # the garbage of the blocks before, collected outside this one
    estimate = member.call_s if disabled else warm_up(member.call, member.call_s)
    benchmark.group = target.group
    benchmark.extra_info.update(
        {
            **asdict(target),
            "framework": target.backend,
            "block": block,
            "compile_s": member.compile_s,
            "flops": member.flops,
            "ops_per_call": member.ops_per_call,
            "variant_doc": case.bench.variants[target.variant],
        }
    )
    rounds = max(1, min(10_000, round(block_s / max(estimate, 1e-7))))
    benchmark.pedantic(member.call, rounds=rounds, iterations=1, warmup_rounds=0)
    record(config, benchmark)


def warm_up(call: Callable[[], Any], estimate: float) -> float:
    """Up to ``WARMUP_CALLS`` calls, none that would end past ``WARMUP_S``; returns the
    latest estimate of one call's seconds."""
    start = time.perf_counter()
    for _ in range(WARMUP_CALLS):
        if time.perf_counter() - start + estimate > WARMUP_S:
            break
        began = time.perf_counter()
        call()
        estimate = time.perf_counter() - began
    return estimate


def record(config: pytest.Config, benchmark: Any) -> None:
    """Append the finished benchmark to ``--bench-jsonl``, tagged with its ``--bench-pass``."""
    path = config.getoption("bench_jsonl", None)
    benchmark.extra_info["pass"] = config.getoption("bench_pass", 1)
    stats = getattr(benchmark, "stats", None)
    if not path or stats is None:
        return
    line = {
        "time": time.time(),
        "run_id": config.getoption("bench_run_id", None),
        **benchmark.extra_info,
        "stats": stats.as_dict(include_data=False)["stats"],
    }
    with Path(path).open("a") as f:
        f.write(json.dumps(line) + "\n")
