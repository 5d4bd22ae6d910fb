"""Benchmarks that are never lost nor mixed: an interrupted bench resumes group by group and
pass by pass (``jaxparity/bench_resume.py``), results of another run are left out, and the
benchmark process dies with jaxparity (``jaxparity/orphan_guard.py``).

The pytest child is replaced by a fake that writes what the harness and the outcomes plugin
would, block by block, and can stop half-way as Ctrl-C would: the point is which blocks run
and which records stay, not the timings.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from jaxparity import bench_run as bench
from jaxparity import counts, outdir, results, summary
from jaxparity.cli import main

ROOT = Path(__file__).resolve().parent.parent
BENCH = ["bench", "--case", "devices.layer", "--device", "cpu", "--size", "test"]
BENCH += ["--modes", "eager,jit", "--passes", "2"]
GROUP = 6
"""Tests in one comparison group of devices.layer here: 3 members × 2 paired blocks."""


def _write(folder: Path, plan: dict, number: int, row: dict, block: int | None, nodeid: str):
    record = {
        "time": 0,
        "run_id": plan["run_id"],
        **{k: row[k] for k in ("case_id", "variant", "size", "framework", "device", "mode")},
        "backend": row["framework"],
        "pass": number,
        "stats": {"median": 1e-3, "min": 1e-3, "rounds": 10, "q1": 1e-3, "q3": 1e-3, "iqr": 0},
    }
    if block is not None:
        record["block"] = block
    results.append(folder / results.BENCH, record)
    outcome = {"run_id": plan["run_id"], "pass": number, "nodeid": nodeid, "outcome": "passed"}
    results.append(folder / results.OUTCOMES, outcome)


@pytest.fixture
def child(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The fake benchmark process; ``stop_after`` blocks in all, it raises KeyboardInterrupt."""
    from jaxparity import bench_targets as harness

    state: dict[str, Any] = {"stop_after": None, "timed": []}

    def fake(plan: dict, work: Any, claimed: outdir.ClaimedRun, *rest: object) -> int:
        by_target = {harness.Target.from_row(r): r for r in work.targets}
        for target, block in harness.schedule(list(by_target), plan["blocks"]):
            if state["stop_after"] is not None and len(state["timed"]) >= state["stop_after"]:
                raise KeyboardInterrupt
            row = by_target[target]
            nodeid = f"{row['nodeid'][:-1]}-block{block}]"
            _write(claimed.folder, plan, work.number, row, block, nodeid)
            state["timed"].append((work.number, target.id, block))
        for row in work.machine:
            _write(claimed.folder, plan, work.number, row, None, row["nodeid"])
        return 0

    monkeypatch.setattr(bench, "_run_pass", fake)
    return state


def _saved(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (folder / results.BENCH).read_text().splitlines()]


@pytest.mark.parametrize("stop_after", [GROUP // 2, GROUP], ids=["mid-group", "after-a-group"])
def test_an_interrupted_bench_resumes_where_it_stopped(
    stop_after: int,
    tmp_path: Path,
    child: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    child["stop_after"] = stop_after
    assert main([*BENCH, "--out", str(tmp_path)]) == 130
    run_id = outdir.ours(tmp_path)["run_id"]
    assert len(_saved(tmp_path)) == stop_after
    with (tmp_path / results.BENCH).open("a") as f:
        f.write('{"time": 1, "run_id": "')  # a line cut off by a kill

    child.update(stop_after=None, timed=[])
    assert main([*BENCH, "--out", str(tmp_path)]) == 0
    out = " ".join(capsys.readouterr().out.split())  # as rich wrapped it, unwrapped
    assert f"resuming run {run_id}" in out
    # A group cut off in the middle is timed again whole; a finished group is not.
    redone = 2 * GROUP if stop_after < GROUP else GROUP
    assert f"left to time in pass 1: {redone // 2 + 7} of 13, pass 2: 13 of 13" in out
    assert Counter(n for n, _, _ in child["timed"]) == {1: redone, 2: 2 * GROUP}

    saved = _saved(tmp_path)
    keys = Counter(
        (r["pass"], r["case_id"], r["variant"], r["framework"], r["mode"], r.get("block"))
        for r in saved
    )
    assert max(keys.values()) == 1  # no block twice: the partial group's blocks were dropped
    assert len(saved) == 2 * (2 * GROUP + 7) and {r["run_id"] for r in saved} == {run_id}
    res = results.load(tmp_path)
    assert not res.notes  # the cut-off line was repaired, not glued to the next one
    tally = counts.tally(summary.build(res), res.plan, "bench")
    assert (tally.passed, tally.missing, tally.failed) == (13, 0, 0)
    assert outdir.ours(tmp_path)["progress"] == {"passes": [1, 2], "finished": True}


def test_results_of_another_run_are_left_out(tmp_path: Path) -> None:
    """What a stray process (another run's, orphaned) appends is rejected by its run id."""
    folder = tmp_path / "results"
    shutil.copytree(Path(__file__).parent / "data" / "results", folder)
    plan = json.loads((folder / results.PLAN).read_text())
    plan["bench"]["run_id"] = "this-run"
    (folder / results.PLAN).write_text(json.dumps(plan))
    before = counts.of(summary.build(results.load(folder)), plan)
    # The fixture's JAX with_transfer never finished: a stray failure must not count for it.
    (target,) = [
        t
        for t in plan["bench"]["targets"]
        if (t["variant"], t["framework"]) == ("with_transfer", "jax")
    ]
    stray = json.loads((folder / results.BENCH).read_text().splitlines()[0])
    results.append(folder / results.BENCH, {**stray, "run_id": "orphan", "stats": {"median": 9}})
    results.append(
        folder / results.OUTCOMES,
        {"run_id": "orphan", "pass": 1, "nodeid": target["nodeid"], "outcome": "failed"},
    )
    res = results.load(folder)
    assert counts.of(summary.build(res), plan) == before
    assert f"{results.BENCH}: 1 line(s) of another run than this-run left out" in res.notes[0]
    assert f"{results.OUTCOMES}: 1 line(s) of another run" in res.notes[1]


def test_the_benchmark_process_is_told_its_run_and_parent() -> None:
    plan = {"run_id": "abc", "sizes": ["test"], "devices": ["cpu"]}
    work = bench.bench_resume.PassWork(2, deselect=["bench/test_memory_x.py::t[a]"])
    line = bench.command(plan, work, Path("out"), Path("plan.json"))
    assert bench.CASES_FILE not in line  # nothing of the cases left in this pass
    assert "--bench-run-id=abc" in line and "--bench-pass=2" in line
    assert "--deselect=bench/test_memory_x.py::t[a]" in line
    guard = line.index("jaxparity.orphan_guard")
    assert line[guard - 1] == "-p" and f"--bench-parent-pid={os.getpid()}" in line


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's adopter may not reap it at once)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


CHILD = (
    "import sys, threading, time; from jaxparity import orphan_guard; "
    "orphan_guard.die_with_parent(int(sys.argv[1]), use_signal=sys.argv[2] == 'True'); "
    "watching = any(t.name == 'orphan-guard' for t in threading.enumerate()); "
    "print('armed', 'watchdog' if watching else 'signal', flush=True); time.sleep(120)"
)
PARENT = (
    "import os, subprocess, sys; "
    "child = subprocess.Popen([sys.executable, '-c', sys.argv[1], str(os.getpid()), sys.argv[2]]); "
    "print(child.pid, flush=True); child.wait()"
)


@pytest.mark.parametrize(
    "use_signal",
    [
        pytest.param(
            True,
            id="parent-death-signal",
            marks=pytest.mark.skipif(
                not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG) is Linux's"
            ),
        ),
        pytest.param(False, id="watchdog"),
    ],
)
def test_the_benchmark_process_dies_with_jaxparity(use_signal: bool) -> None:
    """SIGKILL of the parent alone (no chance to stop its child): the child ends too."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, CHILD, str(use_signal)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert parent.stdout.readline().split() == ["armed", "signal" if use_signal else "watchdog"]
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60  # a bound on waiting, not a measured speed
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _running(pid)
    if alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "the child outlived its parent"


def test_a_pass_compiles_into_the_runs_own_caches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pass's compile seconds are a first run's: torch.compile's and JAX's caches
    are the run's, not the user's (where an earlier run left its compilations), unless the
    user named one."""
    for name in ("TORCHINDUCTOR_CACHE_DIR", "TRITON_CACHE_DIR", "JAX_COMPILATION_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    env = bench.child_env(tmp_path)
    assert env["TORCHINDUCTOR_CACHE_DIR"] == str(tmp_path / "inductor")
    assert env["TRITON_CACHE_DIR"] == str(tmp_path / "triton")
    assert env["JAX_COMPILATION_CACHE_DIR"] == str(tmp_path / "jax")
    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", "/mine")
    assert bench.child_env(tmp_path)["TORCHINDUCTOR_CACHE_DIR"] == "/mine"
