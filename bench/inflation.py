"""Where does the harness's inflation come from? Issue 26's five calls, one suspect at a time.

``python -m bench.inflation`` times the issue's calls (:data:`CALLS`) the harness's own way —
a real benchmark pass, ``pytest bench/test_bench_cases.py`` on a plan of their comparison
groups as the default run has them (every member alternating in paired blocks) — once as the
run does it and once per suspected cause toggled (:data:`CONDITIONS`), each pass a fresh
process; then each call by the second timer (``jaxparity.second_timer``, a fresh process per
call, only its framework imported). It prints the median ms per call under each condition and
its ratio to the second timer. About 3 minutes on 2 cores.

Run it on a quiet machine: ``--wait-quiet`` first waits until the 1-minute load average stays
below :data:`QUIET_LOAD` for :data:`QUIET_FOR_S` (checked every :data:`POLL_S`), and gives up
after :data:`GIVE_UP_S`. ``--json PATH`` keeps the numbers. ``--counts`` instead counts
garbage collections and page faults per call, with the pinned allocator (counts, not times:
valid on a busy machine too). What they found is in ``jaxparity.bench.INFLATION`` and
``jaxparity.bench.GC_OFF_WHILE_TIMING``.

Loaded as a pytest plugin (``-p bench.inflation``) it applies the toggles that live inside
the harness process: the warm-up (``--inflation-warmup CALLS,SECONDS``) and one timer around
a whole block instead of one per call (``--inflation-per-block``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from jaxparity import bench, bench_plan
from jaxparity.bench_targets import Target
from shared import cases

CALLS: tuple[Target, ...] = (
    Target("advanced.hessian", "double_backward", "large", "torch", "cpu", "eager"),
    Target("advanced.hessian", "func", "large", "jax", "cpu", "jit"),
    Target("advanced.per_sample_grads", "loop", "large", "torch", "cpu", "eager"),
    Target("advanced.per_sample_grads", "vmap_grad", "large", "torch", "cpu", "eager"),
    Target("advanced.per_sample_grads", "vmap_grad_1d", "large", "torch", "cpu", "eager"),
)
"""Issue 26's rows: the Hessian of ``w @ XᵀX @ w`` (X 500×200) by torch's double backward and
by ``jax.jit(jax.hessian)``; per-sample gradients 256×1000 by torch's loop of
``autograd.grad``, by ``torch.func.vmap(grad)`` as the case writes it, and over 1-D samples."""

CONDITIONS: dict[str, dict[str, Any]] = {
    "as the run times": {},
    "GC off while timing": {"pytest": ["--benchmark-disable-gc"]},
    "allocator not pinned": {"unpin": True},
    "blocks of 0.5 s": {"block_s": 0.5},
    "no warm-up": {"pytest": ["--inflation-warmup=0,0"]},
    "warm-up up to 0.5 s": {"pytest": ["--inflation-warmup=1000,0.5"]},
    "alone, no other member": {"alone": True},
    "OpenMP threads sleep at once": {"env": {"OMP_WAIT_POLICY": "PASSIVE"}},
    "one timer per block": {"pytest": ["--inflation-per-block"]},
}
"""Each suspect toggled alone from the run's way: garbage collection during the timed calls
(pytest-benchmark leaves it on; ``timeit``, under torch's Timer, turns it off), the pinned
allocator (``bench.MALLOC_PINNED``), the block length, the warm-up before each block, the
other members' blocks in between (the other framework's thread pool just used), OpenMP's
spin-waiting (GNU OpenMP spins before sleeping; XLA's Eigen pool has no such switch, the
"alone" row covers it), pytest-benchmark's per-call timing."""

QUIET_LOAD = 0.6
QUIET_FOR_S = 120
POLL_S = 30
GIVE_UP_S = 3600
SECOND_TIMER_S = 1.0
"""Seconds of timed calls per call for the second timer (more than the self-check's)."""


def wait_quiet() -> bool:
    """Wait for a quiet machine; ``False`` when it never got quiet within :data:`GIVE_UP_S`."""
    start = quiet_since = time.monotonic()
    while time.monotonic() - start < GIVE_UP_S:
        load = os.getloadavg()[0]
        now = time.monotonic()
        if load >= QUIET_LOAD:
            quiet_since = now
        elif now - quiet_since >= QUIET_FOR_S:
            return True
        print(f"load {load:.2f}, quiet for {now - quiet_since:.0f} s", file=sys.stderr)
        time.sleep(POLL_S)
    return False


def _plan(alone: bool, block_s: float) -> dict[str, Any]:
    """The default run's plan of the calls' comparison groups (only the calls, ``alone``)."""
    wanted = [cases.get(c) for c in dict.fromkeys(t.case_id for t in CALLS)]
    plan = bench_plan.make_plan(wanted, ["cpu"], "cpu", None, passes=1)
    groups = {t.comparison for t in CALLS}
    keep = [
        row
        for row in plan["targets"]
        if (t := Target.from_row(row)) in CALLS or (not alone and t.comparison in groups)
    ]
    return {**plan, "targets": keep, "machine": [], "modules": [], "block_s": block_s}


def _medians(path: Path) -> dict[Target, float]:
    """Per target, the median of its blocks' medians (as ``summary.py`` makes it)."""
    blocks: dict[Target, list[float]] = {}
    for line in path.read_text().splitlines():
        r = json.loads(line)
        blocks.setdefault(Target.from_row(r), []).append(r["stats"]["median"])
    return {t: statistics.median(v) for t, v in blocks.items()}


def harness_pass(condition: dict[str, Any], folder: Path) -> dict[Target, float]:
    """One benchmark pass of the calls' groups under ``condition``; median per call."""
    plan = _plan(condition.get("alone", False), condition.get("block_s", bench.BLOCK_S["cpu"]))
    plan_file, jsonl = folder / "plan.json", folder / "bench.jsonl"
    plan_file.write_text(json.dumps({"bench": plan}))
    jsonl.unlink(missing_ok=True)
    env = {**os.environ, **bench.MALLOC_PINNED, **condition.get("env", {})}
    if condition.get("unpin"):
        env = {k: v for k, v in env.items() if k not in bench.MALLOC_PINNED}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            bench_plan.CASES_FILE,
            "--benchmark-enable",
            f"--bench-plan={plan_file}",
            f"--bench-jsonl={jsonl}",
            "-p",
            "no:cacheprovider",
            "-p",
            "bench.inflation",
            "-q",
            *condition.get("pytest", []),
        ],
        cwd=bench_plan.repo(),
        env={k: v for k, v in env.items() if not k.startswith("PYTEST_XDIST_")},
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {t: m for t, m in _medians(jsonl).items() if t in CALLS}


def second(target: Target) -> float:
    """The second timer's median for one call, in a fresh process."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "jaxparity.second_timer",
            json.dumps(asdict(target)),
            f"--min-run-time={SECOND_TIMER_S}",
        ],
        cwd=bench_plan.repo(),
        env={**os.environ, **bench.MALLOC_PINNED},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])["second_s"]


def counts(calls: int = 200) -> None:
    """Garbage collection and page faults counted, not timed (so the machine's load does not
    matter): per call of each of :data:`CALLS`, set up as the harness does in a process holding
    both frameworks, the collections of each generation (and their share of the calls' time)
    and the minor page faults (fresh memory from the kernel)."""
    import gc
    import resource

    from bench import harness

    members = {t: harness._set_up(t, True) for t in CALLS}
    print(f"tracked objects {len(gc.get_objects())}, thresholds {gc.get_threshold()}")
    seen: dict[str, Any] = {}

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen["start"] = time.perf_counter()
        else:
            seen[info["generation"]] = seen.get(info["generation"], 0) + 1
            seen["s"] = seen.get("s", 0.0) + time.perf_counter() - seen["start"]

    gc.callbacks.append(count)
    for t, member in members.items():
        seen.clear()
        n = max(1, min(calls, round(1.0 / max(member.call_s, 1e-6))))
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        start = time.perf_counter()
        for _ in range(n):
            member.call()
        total = time.perf_counter() - start
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
        per = " ".join(f"gen{g} {seen.get(g, 0) / n:.2f}" for g in range(3))
        print(
            f"{_name(t):24s} per call: {per}; collecting {seen.get('s', 0.0) / total:.1%}; "
            f"page faults {faults / n:.1f}"
        )
    gc.callbacks.remove(count)


def _name(t: Target) -> str:
    return f"{t.variant} {t.backend}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.inflation", description=__doc__)
    parser.add_argument("--wait-quiet", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here too")
    parser.add_argument("--only", action="append", default=None, help="these conditions only")
    parser.add_argument(
        "--counts", action="store_true", help="count collections and page faults per call"
    )
    args = parser.parse_args(argv)
    if args.counts:
        if any(os.environ.get(k) != v for k, v in bench.MALLOC_PINNED.items()):
            # the allocator reads its settings at start: again, as the benchmark passes run
            env = {**os.environ, **bench.MALLOC_PINNED}
            os.execve(sys.executable, [sys.executable, "-m", "bench.inflation", "--counts"], env)
        counts()
        return
    if args.wait_quiet and not wait_quiet():
        sys.exit(f"the machine never got quiet (1-minute load < {QUIET_LOAD}) within an hour")
    started, load = time.time(), os.getloadavg()
    ref = {t: second(t) for t in CALLS}
    found: dict[str, dict[Target, float]] = {}
    with tempfile.TemporaryDirectory(prefix="jaxparity-inflation-") as tmp:
        for name, condition in CONDITIONS.items():
            if args.only is None or name in args.only:
                found[name] = harness_pass(condition, Path(tmp))
    print("median ms per call (harness ÷ second timer)")
    print(f"{'':32s}" + "".join(f"{_name(t):>24s}" for t in CALLS))
    print(f"{'second timer':32s}" + "".join(f"{1e3 * ref[t]:24.3f}" for t in CALLS))
    for name, medians in found.items():
        cells = "".join(
            f"{1e3 * medians[t]:13.3f} ({medians[t] / ref[t]:5.2f}×)" if t in medians else " " * 24
            for t in CALLS
        )
        print(f"{name:32s}{cells}")
    end_load = os.getloadavg()
    print(f"load average at start {load[0]:.2f}, at the end {end_load[0]:.2f}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "started": started,
                    "load_start": load,
                    "load_end": end_load,
                    "second_timer": {t.id: ref[t] for t in CALLS},
                    "harness": {n: {t.id: m for t, m in ms.items()} for n, ms in found.items()},
                },
                indent=1,
            )
        )


# As a pytest plugin, inside the benchmark pass: the toggles of the harness's own process.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--inflation-warmup", default=None, help="CALLS,SECONDS before each block")
    parser.addoption("--inflation-per-block", action="store_true", help="one timer per block")


def pytest_configure(config: pytest.Config) -> None:
    from bench import harness

    warmup = config.getoption("inflation_warmup")
    if warmup:
        calls, seconds = warmup.split(",")
        harness.WARMUP_CALLS, harness.WARMUP_S = int(calls), float(seconds)
    if config.getoption("inflation_per_block"):
        from pytest_benchmark.fixture import BenchmarkFixture

        timed = BenchmarkFixture.pedantic

        def per_block(self: Any, target: Any, rounds: int = 1, **kw: Any) -> Any:
            # one timer around the block's calls: its mean per call, no per-call overhead
            return timed(self, target, rounds=1, iterations=rounds, warmup_rounds=0)

        BenchmarkFixture.pedantic = per_block  # type: ignore[method-assign]


if __name__ == "__main__":
    main()
