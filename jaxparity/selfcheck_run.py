"""The self-check's children: fresh processes per checked call (``jaxparity/selfcheck.py``).

Each runs ``python -m jaxparity.second_timer`` with the environment of the benchmark passes
(``bench_run.child_env``: the pinned allocator, the caches, no pytest-xdist variables) and
the orphan guard, never beside the benchmarks. A pass starts them itself, right after the
paired blocks of a checked call's comparison group (``bench/selfcheck_hook.py``), so the
harness's blocks and the second timer's are seconds apart and meet the same state of the
machine; :func:`run`, after the passes, times only what no pass did (a run resumed from
before, a pass that broke). Each finished check is one line appended to ``selfcheck.jsonl``
at once, tagged with the run's id and the pass (``process``) it follows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jaxparity import bench_run, results, selfcheck
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


def one(check: dict[str, Any], min_run_s: float, env: dict[str, str]) -> dict[str, Any]:
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


def record(check: dict[str, Any], found: dict[str, Any], run_id: str, process: int) -> dict:
    """The line ``selfcheck.jsonl`` keeps of one child: the check, what it found, and the
    pass it follows (``process``), the run and the moment."""
    return {
        "run_id": run_id,
        "time": time.time(),
        "process": process,
        **check,
        **found,
        "load_1m": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def _left(plan: dict[str, Any], folder: Path, run_id: str) -> list[tuple[int, dict[str, Any]]]:
    """The (process, check) pairs no pass of run ``run_id`` has timed, process after process,
    the checks in turn (a check's processes seconds apart, not back to back)."""
    path = folder / results.SELFCHECK
    found = (
        results.read_jsonl(path, results.is_selfcheck, "self-check", []) if path.exists() else []
    )
    done = {
        (selfcheck.key(r), r.get("process", 1))
        for r in found
        if r.get("run_id") == run_id and r["status"] in ("pass", "skip")
    }
    return [
        (process, check)
        for process in range(1, plan.get("processes", 1) + 1)
        for check in plan.get("checks", [])
        if (selfcheck.key(check), process) not in done
    ]


def run(
    plan: dict[str, Any], folder: Path, run_id: str, advance: Callable[[str], None]
) -> list[dict[str, Any]]:
    """Time every check of ``plan`` (``selfcheck.plan``) in the fresh processes no pass of
    this run has timed (:func:`_left`), one after another, appending each result to
    ``folder/selfcheck.jsonl``; ``advance`` is called once per finished process."""
    saved = []
    with tempfile.TemporaryDirectory(prefix="jaxparity-selfcheck-") as cache:
        env = bench_run.child_env(Path(cache))
        for process, check in _left(plan, folder, run_id):
            found = record(check, one(check, plan["min_run_s"], env), run_id, process)
            results.append(folder / results.SELFCHECK, found)
            saved.append(found)
            advance(f"{check['case_id']}-{check['variant']}-{check['backend']}")
    return saved


def missing(plan: dict[str, Any], folder: Path, run_id: str) -> int:
    """How many processes :func:`run` would start: the ones no pass timed."""
    return len(_left(plan, folder, run_id))
