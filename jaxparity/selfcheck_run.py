"""The self-check's children: fresh processes per checked call (``jaxparity/selfcheck.py``).

Each runs ``python -m jaxparity.second_timer`` with the environment of the benchmark passes
(``bench_run.child_env``: the pinned allocator, the caches, no pytest-xdist variables) and
the orphan guard, one after another, never beside the benchmarks. Each finished check is one
line appended to ``selfcheck.jsonl`` at once, tagged with the run's id.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jaxparity import bench_run, results
from jaxparity.bench_plan import repo

TIMEOUT_S = 300
"""A check that has not printed its result by then is recorded as failed: it should take
seconds (a cold compile of a large case is the slowest part)."""

TARGET_KEYS = ("case_id", "variant", "size", "backend", "device", "mode")


def command(check: dict[str, Any], min_run_s: float) -> list[str]:
    """The command line of one check's child."""
    target = {k: check[k] for k in TARGET_KEYS}
    return [
        sys.executable,
        "-m",
        "jaxparity.second_timer",
        json.dumps(target),
        f"--min-run-time={min_run_s}",
        f"--parent-pid={os.getpid()}",
    ]


def _one(check: dict[str, Any], min_run_s: float, env: dict[str, str]) -> dict[str, Any]:
    """Run one check's child; its result, or why there is none."""
    try:
        done = subprocess.run(
            command(check, min_run_s),
            cwd=repo(),
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return {"status": "fail", "reason": f"no result within {TIMEOUT_S} s"}
    lines = done.stdout.strip().splitlines()
    try:
        found = json.loads(lines[-1]) if done.returncode == 0 and lines else None
    except ValueError:
        found = None
    if not isinstance(found, dict):
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"status": "fail", "reason": tail[0][:300]}
    if "skip" in found:
        return {"status": "skip", "reason": found["skip"]}
    return {"status": "pass", "reason": None, **found}


def _pooled(check: dict[str, Any], plan: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    """One check in ``plan["processes"]`` fresh processes, one after another: the median of
    their medians (``second_each``), or the first failure or skip."""
    found = []
    for _ in range(plan.get("processes", 1)):
        one = _one(check, plan["min_run_s"], env)
        if one["status"] != "pass":
            return one
        found.append(one)
    return {
        **found[0],
        "second_s": statistics.median(f["second_s"] for f in found),
        "second_each": [f["second_s"] for f in found],
        "calls": sum(f["calls"] for f in found),
    }


def run(
    plan: dict[str, Any], folder: Path, run_id: str, advance: Callable[[str], None]
) -> list[dict[str, Any]]:
    """Time every check of ``plan`` (``selfcheck.plan``) in its own process, appending each
    result to ``folder/selfcheck.jsonl``; ``advance`` is called once per finished check."""
    saved = []
    with tempfile.TemporaryDirectory(prefix="jaxparity-selfcheck-") as cache:
        env = bench_run.child_env(Path(cache))
        for check in plan["checks"]:
            found = _pooled(check, plan, env)
            record = {
                "run_id": run_id,
                "time": time.time(),
                **check,
                **found,
                "load_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
            }
            results.append(folder / results.SELFCHECK, record)
            saved.append(record)
            advance(f"{check['case_id']}-{check['variant']}-{check['backend']}-{check['mode']}")
    return saved
