"""``jaxparity bench``: the planned benchmarks timed by pytest in ``bench/``, in subprocesses.

The plan (``bench_plan.py``) is in ``plan.json`` before anything runs. Every benchmark is then
timed in several *passes*: each pass is one fresh process

    python -m pytest bench/test_bench_cases.py <machine ids> <case modules> --benchmark-enable \\
        --bench-plan PASS_PLAN --bench-run-id ID --bench-pass N --bench-jsonl OUT/bench.jsonl \\
        --benchmark-json ... -p no:cacheprovider \\
        -p jaxparity.pytest_outcomes --bench-outcomes OUT/outcomes.jsonl \\
        -p jaxparity.orphan_guard --bench-parent-pid PID

where ``PASS_PLAN`` is the plan with what is left of that pass (its targets, machine rows):
the child's one source of what to time, at which sizes, on which devices, in how many blocks
(``bench/plan.py`` reads it). The harness appends each finished benchmark of each pass to
``bench.jsonl``, tagged with the run's id and the pass; the outcomes plugin records skips and
failures with reasons, tagged alike; the guard ends the process if jaxparity dies. A resumed
run times only what is left (``bench_resume.py``). The summary reports each benchmark's least
disturbed pass (``summary.py``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from jaxparity import atomic, bench_resume, results
from jaxparity.bench import GC_OFF_WHILE_TIMING, JAX_CACHE, JAX_CACHE_VARS, MALLOC_PINNED
from jaxparity.bench_plan import CASES_FILE, repo
from jaxparity.bench_resume import PassWork
from jaxparity.outdir import ClaimedRun


def command(plan: dict[str, Any], work: PassWork, folder: Path, plan_file: Path) -> list[str]:
    """The pytest command line that runs what is left of pass ``work.number`` of the plan
    (``plan_file`` lists its benchmarks) and saves into ``folder``.

    Whole bench modules (one-shot memory measurements) run in the first pass only."""
    folder = folder.resolve()
    return [
        sys.executable,
        "-m",
        "pytest",
        *([CASES_FILE] if work.targets else []),
        *[t["nodeid"] for t in work.machine],
        *[m["file"] for m in work.modules],
        *[f"--deselect={n}" for n in work.deselect],
        "--benchmark-enable",
        *(["--benchmark-disable-gc"] if GC_OFF_WHILE_TIMING else []),
        f"--bench-plan={plan_file}",
        f"--bench-run-id={plan['run_id']}",
        f"--bench-pass={work.number}",
        f"--bench-jsonl={folder / results.BENCH}",
        f"--benchmark-json={_pass_json(folder, work.number)}",
        "-p",
        "no:cacheprovider",
        "-p",
        "jaxparity.pytest_outcomes",
        f"--bench-outcomes={folder / results.OUTCOMES}",
        "-p",
        "jaxparity.orphan_guard",
        f"--bench-parent-pid={os.getpid()}",
        "-q",
    ]


CHILD_DROPS = ("PYTEST_XDIST_", "JAXPARITY_DEVICES")
"""Environment variables the benchmark process does not inherit (see ``child_env``)."""


def _count_lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except OSError:
        return []


def remaining(plan: dict[str, Any], run: ClaimedRun) -> list[PassWork]:
    """The passes still to run and what is left of each (everything, unless resumed); a
    resumed pass's unfinished blocks are removed from the saved results here."""
    passes = plan.get("passes", 1)
    done = run.passes_done()
    return [
        bench_resume.pass_work(plan, run.folder, n) for n in range(1, passes + 1) if n not in done
    ]


def run(
    plan: dict[str, Any], work: list[PassWork], claimed: ClaimedRun, advance: Callable[[str], None]
) -> int:
    """Run what is left of the planned benchmarks (``remaining``), pass after pass, marking
    each finished pass in the run's record; ``advance`` is called once per finished test. An
    interrupted run keeps every benchmark of every comparison group that finished.

    Returns the worst pytest exit status of the passes (0 when every benchmark passed or was
    skipped with a reason).
    """
    folder = claimed.folder
    outcomes = folder / results.OUTCOMES
    progress = {"seen": len(_count_lines(outcomes))}
    status = 0
    passes = plan.get("passes", 1)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="jaxparity-compile-cache-") as cache,
            _open_log(folder) as log,
        ):
            for todo in work:
                if todo.empty:
                    claimed.mark_pass(todo.number)
                    continue
                left = len(todo.targets) < len(plan["targets"])
                log.write(
                    f"=== pass {todo.number} of {passes}"
                    + (f", resumed: {len(todo.targets)} benchmarks left" if left else "")
                    + " ===\n"
                )
                log.flush()
                rc = _run_pass(
                    plan,
                    todo,
                    claimed,
                    Path(cache),
                    log,
                    lambda: _advance(outcomes, progress, advance),
                )
                if rc not in (0, 1, 5):  # pytest itself broke: another pass would too
                    status = rc
                    break
                status = max(status, rc % 5)  # 5: every test of the pass was done before
                claimed.mark_pass(todo.number)
    finally:
        _merge_json(folder, passes)
    return status


def _open_log(folder: Path) -> IO[str]:
    try:
        return (folder / results.BENCH_LOG).open("a")
    except OSError as e:
        raise atomic.cannot("write", folder / results.BENCH_LOG, e) from None


def _advance(outcomes: Path, progress: dict[str, int], advance: Callable[[str], None]) -> None:
    lines = _count_lines(outcomes)
    for line in lines[progress["seen"] :]:
        try:
            advance(json.loads(line)["nodeid"].split("[", 1)[-1].rstrip("]"))
        except (ValueError, KeyError):
            advance("")
    progress["seen"] = max(progress["seen"], len(lines))


def child_env(cache: Path) -> dict[str, str]:
    """The environment of a process that times (a benchmark pass, a self-check)."""
    return {
        # The first pass compiles with empty caches, torch.compile's and jax.jit's: its compile
        # seconds, the ones reported, are what a first run pays. Later passes reuse the run's
        # caches (2–6× faster here), only to save time. JAX's persistent cache is off by
        # default: here it keeps every compilation, however quick (op-by-op primitives too).
        **{name: str(cache / "jax") if name == JAX_CACHE else "0" for name in JAX_CACHE_VARS},
        # torch.compile's caches are the user's by default (/tmp/torchinductor_<user>): a run
        # after another on the same machine read its compilations from there and reported
        # 19.8 s of compiling where the run before, with a fresh venv, paid 37.1 s (2026-12-05)
        "TORCHINDUCTOR_CACHE_DIR": str(cache / "inductor"),
        "TRITON_CACHE_DIR": str(cache / "triton"),
        **MALLOC_PINNED,
        # unless the user chose a cache or an allocator setting on purpose; not the variables
        # of a pytest-xdist worker this may run under (a test), which disable pytest-benchmark,
        # nor a JAXPARITY_DEVICES of the caller's: the plan names the devices
        **{k: v for k, v in os.environ.items() if not k.startswith(CHILD_DROPS)},
    }


def _run_pass(
    plan: dict[str, Any],
    work: PassWork,
    claimed: ClaimedRun,
    cache: Path,
    log: IO[str],
    poll: Callable[[], None],
) -> int:
    env = child_env(cache)
    plan_file = cache / f"plan-pass-{work.number}.json"
    this_pass = {**plan, "targets": work.targets, "machine": work.machine}
    # the pass starts the self-check's second timer after a checked call's blocks
    this_pass["selfcheck"] = claimed.record.get("selfcheck") or {}
    plan_file.write_text(json.dumps({"bench": this_pass}))
    proc = subprocess.Popen(
        command(plan, work, claimed.folder, plan_file),
        cwd=repo(),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        # The child holds the folder's lock too: were it to outlive this process, no other
        # run could start writing beside it.
        pass_fds=(claimed.lock_fd,),
    )
    try:
        while proc.poll() is None:
            poll()
            time.sleep(0.3)
        poll()
    except KeyboardInterrupt:
        # The terminal's Ctrl-C reached pytest too; give it a moment to save, then stop it.
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise
    return proc.returncode


def _pass_json(folder: Path, number: int) -> Path:
    return folder / f"{results.BENCHMARK_JSON}.pass-{number}"


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _merge_json(folder: Path, passes: int) -> None:
    """One pytest-benchmark file for the whole run: every pass's benchmarks (``extra_info``
    says which pass), without each round's raw time — tens of thousands per benchmark; the
    statistics stay, and the file is committed with GPU and CPU results, so it must stay
    small. Machine and commit info come from the first file that has them: the file of an
    earlier, interrupted attempt of this run, else the first pass's. A benchmark timed again
    on resume replaces its cut-off attempt."""
    merged = _read_json(folder / results.BENCHMARK_JSON)
    added = False
    for number in range(1, passes + 1):
        path = _pass_json(folder, number)
        data = _read_json(path)
        path.unlink(missing_ok=True)
        if data is None:
            continue
        added = True
        merged = merged or {**data, "benchmarks": []}
        merged.setdefault("benchmarks", []).extend(data.get("benchmarks", []))
    if merged is None or not added:
        return
    latest: dict[tuple[Any, Any], dict[str, Any]] = {}
    for b in merged.get("benchmarks", []):
        b.get("stats", {}).pop("data", None)
        latest[b.get("fullname"), b.get("extra_info", {}).get("pass")] = b
    merged["benchmarks"] = list(latest.values())
    atomic.write_json(folder / results.BENCHMARK_JSON, merged)


def log_tail(folder: Path, lines: int = 15) -> str:
    """The end of pytest's output, to show when the benchmark run itself broke."""
    return "\n".join(_count_lines(folder / results.BENCH_LOG)[-lines:])
