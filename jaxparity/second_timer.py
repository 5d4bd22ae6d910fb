"""The second timer: one benchmark target timed by each framework's own way of timing, alone.

The self-check (``jaxparity/selfcheck.py``) runs this module once per checked call, each time
in a fresh process that imports only that call's framework:

    python -m jaxparity.second_timer '{"case_id": …, "variant": …, "size": …, "backend": …,
        "device": …, "mode": …}' --min-run-time 1.0 --parent-pid PID

It sets the call up exactly as the harness does — the inputs (``shared.data``), the case's
``TIMED`` setup and ``Backend.prepare`` (compilation, the first call) — and times the same
call, ``sync(fn(*args))``, with none of the harness's machinery:

* torch: ``torch.utils.benchmark.Timer(...).blocked_autorange(min_run_time=…)`` with
  ``num_threads=torch.get_num_threads()`` (the thread count the run's process has), which
  times blocks of calls under ``timeit`` (garbage collection off) and reports the median of
  the blocks' per-call means;
* JAX: a plain loop of ``jax.block_until_ready(fn(*args))``, each call timed with
  ``time.perf_counter`` after :data:`WARMUP_CALLS` untimed ones, for ``min_run_time`` seconds;
  its median.

It prints one JSON object: the median seconds per call (``second_s``), how many calls were
timed and by which timer, or ``skip`` with the reason the harness would have skipped it for.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from jaxparity.bench_targets import Target
from shared import backends, cases, data

WARMUP_CALLS = 10
"""Untimed calls after compilation, before the JAX loop times (torch's Timer warms up itself,
while it sizes its blocks)."""
MIN_CALLS = 5
"""At least this many timed calls, however long each takes."""

TORCH_TIMER = "torch.utils.benchmark.Timer.blocked_autorange"
JAX_LOOP = "jax.block_until_ready loop, time.perf_counter per call"


def _torch_timer(call: Callable[[], Any], min_run_time: float) -> tuple[float, int]:
    import torch
    from torch.utils import benchmark

    timer = benchmark.Timer(
        stmt="call()", globals={"call": call}, num_threads=torch.get_num_threads()
    )
    found = timer.blocked_autorange(min_run_time=min_run_time)
    return found.median, found.number_per_run * len(found.raw_times)


def _plain_loop(call: Callable[[], Any], min_run_time: float) -> tuple[float, int]:
    for _ in range(WARMUP_CALLS):
        call()
    times: list[float] = []
    end = time.perf_counter() + min_run_time
    while time.perf_counter() < end or len(times) < MIN_CALLS:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(times)


def measure(target: Target, min_run_time: float) -> dict[str, Any]:
    """Set ``target`` up as the harness does and time it with its framework's own timer."""
    backend = backends.ready(target.backend, target.device)
    case = cases.get(target.case_id)
    inputs = data.inputs(case.id, target.size)
    setup = backend.topic(case.topic).TIMED[case.id][target.variant]
    fn, args = setup(inputs, target.device, target.mode)
    ready, compile_s = backend.prepare(fn, target.mode, args)

    def call() -> Any:
        return backend.sync(ready(*args))

    timed = _torch_timer if target.backend == "torch" else _plain_loop
    second_s, calls = timed(call, min_run_time)
    return {
        "second_s": second_s,
        "calls": calls,
        "timer": TORCH_TIMER if target.backend == "torch" else JAX_LOOP,
        "compile_s": compile_s,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m jaxparity.second_timer")
    parser.add_argument("target", help="the target as JSON: case_id, variant, size, backend, …")
    parser.add_argument("--min-run-time", type=float, required=True)
    parser.add_argument("--parent-pid", type=int, default=None)
    args = parser.parse_args(argv)
    if args.parent_pid:
        from shared.parent_death import die_with_parent

        die_with_parent(args.parent_pid)
    target = Target.from_row(json.loads(args.target))
    try:
        found = measure(target, args.min_run_time)
    except (backends.BackendUnavailable, backends.NotTimed) as e:  # as the harness skips
        found = {"skip": str(e)}
    print(json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
