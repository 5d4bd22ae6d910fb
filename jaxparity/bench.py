"""``jaxparity bench``: the pytest-benchmark harness in ``bench/``, run in subprocesses.

The plan — which case × variant × size × framework × device × mode to time — is computed here
from ``bench.harness.targets`` and the ``--size`` / ``--modes`` rules (``selection.py``), and
saved in ``plan.json`` before anything runs, so the report knows what is missing when a run is
cut short. Every benchmark is then timed in several *passes*: each pass is one fresh process

    python -m pytest <benchmark ids> --benchmark-enable --bench-size ... --bench-pass N \\
        --bench-jsonl OUT/bench.jsonl --benchmark-json ... -p no:cacheprovider \\
        -p jaxparity.pytest_outcomes --bench-outcomes OUT/outcomes.jsonl \\
        -p jaxparity.orphan_guard --bench-parent-pid PID

with ``JAXPARITY_DEVICES`` set to the chosen devices. The harness appends each finished
benchmark of each pass to ``bench.jsonl``, tagged with the run's id and the pass; the outcomes
plugin records skips and failures with reasons, tagged alike; the guard ends the process if
jaxparity dies. A resumed run times only what is left (``bench_resume.py``). The summary
reports each benchmark's least disturbed pass (``summary.py``).
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from jaxparity import atomic, bench_resume, results, selection
from jaxparity.bench_resume import PassWork
from jaxparity.errors import CliError
from jaxparity.outdir import Run
from shared import backends
from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = "bench/test_bench_cases.py"
MACHINE_FILE = "bench/test_bench_machine.py"
WARMUP_CALLS = 3
"""Untimed calls before each block: caches, allocator pools, thread pools settle ..."""
WARMUP_S = 0.05
"""... but no call that would take the warm-up past this: a 50 ms call does not notice a cold
thread pool, and every block of every pass pays for the warm-up."""
BLOCK_DESIGN = {
    "measured": "(A @ A) ** 2, 500×500 float32, median ms per call, torch eager / JAX jit, "
    "range of two runs of python -m bench.block_design on the 2-core AMD EPYC Zen 4, "
    "2026-12-03, while other tenants loaded the machine",
    "each alone": "1.90–2.72 / 1.65–1.73",
    "call by call": "2.30–2.34 / 2.51–2.97",
    "blocks of 20, no warm-up": "1.65–2.13 / 1.54–2.26",
    "blocks of 20, 3 warm-up calls": "1.62–1.89 / 1.54–1.80",
    "blocks of 20 after a 20 ms pause": "1.72–1.73 / 1.51–1.57",
    "blocks of 20 after a 20 ms pause, 3 warm-up calls": "1.65 / 1.50–1.55",
    "conclusion": "interleaving call by call slows JAX 1.5–1.8×; blocks with their own warm-up "
    "run as fast as each framework alone",
}
"""What ``python -m bench.block_design`` measured when the block design was chosen; quoted by
the report's method section."""
BLOCKS = {"test": 2, "cpu": 4, "lesson": 4, "sweep": 3}
"""Paired rounds per comparison group and pass (``bench/harness.py``): each member of the
group — eager torch, torch.compile, jitted JAX, JAX op by op — is timed once per round, the
members' order reversed every round. Each round gives one ratio per comparison."""
BLOCK_S = {"test": 0.02, "cpu": 0.1, "lesson": 0.1, "sweep": 0.08}
"""Seconds of timed calls per block (at least one call, however long it takes)."""
PASSES = {"test": 1, "cpu": 2, "lesson": 2, "sweep": 2}
"""Fresh processes the whole plan runs in, one after another (``--passes`` overrides); the
pairs of all passes are pooled. Some timings are bimodal per process (JAX's large-MLP
vmap(grad) ran at 19 or 34 ms, a state kept for the process's life): two processes keep one
such state from deciding a verdict.

Chosen by measurement, two back-to-back default runs per design on the 2-core Zen 4
(2026-12-03), counting speed-ups of benchmarks above 1 ms within 10 % and verdicts alike:
2 passes × 4 blocks of 0.1 s (this design; 8–9 min a run): 39 of 57 and 94 of 95;
2 passes × 8 blocks of 0.04 s, GC off while timing (8.5 min): 40 of 59 and 92 of 95;
4 passes × 2 blocks of 0.08 s (13 min): 36 of 58 and 91 of 95. One round's ratio scatters
by ≈ 14 % (log scale) between blocks, and the passes of one run differ as much as two runs
do: on this shared machine neither more blocks nor more processes buy steadier speed-ups
within the run's 10 minutes. The report shows each speed-up's interval for that reason."""


def repo() -> Path:
    """The repository root, importable: ``bench/`` and ``tests/`` are not installed packages."""
    if not (ROOT / CASES_FILE).is_file():
        raise CliError(f"{ROOT / 'bench'} not found: benchmarks run from a clone of the repository")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return ROOT


def make_plan(
    case_list: list[Case],
    devices: list[str],
    size: str,
    modes: list[str] | None,
    passes: int | None = None,
) -> dict[str, Any]:
    """Every benchmark to run (with its pytest node id) and every one left out, with why.

    The run's id is added when the plan is saved (``outdir.claim``)."""
    repo()
    from bench import harness  # imports pytest and the backends: only when benchmarking
    from bench.test_bench_machine import FLOOR, LIBRARIES, machine_id

    timed = [c for c in case_list if c.bench is not None]
    chosen = {c.id: selection.bench_sizes(c, size) for c in timed}
    sizes = list(dict.fromkeys(s for c in timed for s in chosen[c.id]))
    targets, excluded = [], []
    found = harness.targets(sizes, [c.id for c in timed], devices) if sizes else []
    for t in found:
        if t.size not in chosen[t.case_id]:
            continue
        row = {**asdict(t), "framework": t.backend}
        why = selection.mode_excluded(t.backend, t.mode, t.size, chosen[t.case_id], size, modes)
        if why:
            excluded.append({**row, "reason": why})
        else:
            targets.append({**row, "nodeid": f"{CASES_FILE}::test_case[{t.id}]"})
    excluded += _left_out(timed, chosen, devices)
    machine = []
    if targets:
        present = backends.backend_names()
        rows = [("numpy", "cpu", m) for f, m in LIBRARIES if f == "numpy" and "cpu" in devices]
        rows += [(f, d, m) for f, m in LIBRARIES if f in present for d in devices]
        machine = [
            _machine_row("matmul_peak", "matmul", f, d, m, sizes[0], machine_id(f, d, m))
            for f, d, m in rows
        ]
        machine += [
            _machine_row("dispatch", "call", f, d, m, sizes[0], machine_id(f, d, m))
            for (f, m) in FLOOR
            if f in present
            for d in devices
        ]
    selected = {c.id for c in case_list}
    modules = [m for m in _case_modules() if m["case_id"] in selected and targets]
    no_sizes = [
        {"case_id": c.id, "reason": f"no {size} size declared for this case"}
        for c in timed
        if not chosen[c.id]
    ]
    return {
        "cases": [c.id for c in case_list],
        "size": size,
        "sizes": sizes,
        "devices": devices,
        "modes": modes or "all",
        "blocks": BLOCKS[size],
        "block_s": BLOCK_S[size],
        "passes": passes or PASSES[size],
        "targets": targets,
        "machine": machine,
        "modules": modules,
        "excluded": excluded,
        "no_sizes": no_sizes,
        "started": time.time(),
    }


def nothing_to_time(case_list: list[Case], plan: dict[str, Any]) -> str:
    """Why a plan has no benchmark, in one line: untimed cases, or every one left out."""
    untimed = [c.id for c in case_list if c.bench is None]
    if len(untimed) == len(case_list):
        shown = ", ".join(untimed[:4]) + (" …" if len(untimed) > 4 else "")
        return (
            f"nothing to time: {shown} {'is' if len(untimed) == 1 else 'are'} not timed, only "
            "checked (`jaxparity list cases` marks the timed cases)"
        )
    reasons = sorted(
        {r["reason"] for r in plan["excluded"]} | {r["reason"] for r in plan["no_sizes"]}
    )
    return (
        "nothing to time: every benchmark of the selection is left out ("
        + "; ".join(reasons[:3])
        + ")"
    )


def _machine_row(
    test: str, variant: str, framework: str, device: str, mode: str, size: str, test_id: str
) -> dict[str, Any]:
    """One floor or ceiling benchmark (``bench/test_bench_machine.py``); the harness sizes
    the matmul by the run's first size."""
    return {
        "case_id": f"machine.{test}",
        "variant": variant,
        "size": size,
        "framework": framework,
        "device": device,
        "mode": mode,
        "nodeid": f"{MACHINE_FILE}::test_{test}[{test_id}]",
    }


def _left_out(
    timed: list[Case], chosen: dict[str, list[str]], devices: list[str]
) -> list[dict[str, Any]]:
    """The modes a case does not time, each with the case's reason (``Bench.left_out``)."""
    rows = []
    for case in timed:
        assert case.bench is not None
        for key, reason in case.bench.left_out.items():
            framework, mode = key.split("/")
            rows += [
                {
                    "case_id": case.id,
                    "variant": variant,
                    "size": s,
                    "backend": framework,
                    "framework": framework,
                    "device": d,
                    "mode": mode,
                    "reason": reason,
                }
                for variant in case.bench.variants
                for s in chosen[case.id]
                for d in devices
            ]
    return rows


def _case_modules() -> list[dict[str, str]]:
    """Other bench modules that measure one case (e.g. memory): each names it as ``CASE``.

    They run whole, sized by ``--bench-size`` like the rest; their results join the case's.
    """
    found = []
    for path in sorted((ROOT / "bench").glob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in (CASES_FILE, MACHINE_FILE):
            continue
        case = getattr(importlib.import_module(f"bench.{path.stem}"), "CASE", None)
        if isinstance(case, Case):
            found.append({"file": rel, "case_id": case.id})
    return found


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
        *[f"--bench-size={s}" for s in plan["sizes"]],
        *[f"--bench-device={d}" for d in plan["devices"]],
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


def _count_lines(path: Path) -> list[str]:
    try:
        return path.read_text().splitlines()
    except OSError:
        return []


MALLOC_PINNED = {"MALLOC_MMAP_THRESHOLD_": str(256 << 20), "MALLOC_TRIM_THRESHOLD_": str(512 << 20)}
"""glibc's allocator for the benchmark process, fixed. By default glibc raises its mmap
threshold each time it frees a large mapped block, so whether an eager torch call gets fresh,
page-faulting memory or reuses its heap depends on what ran before it: measured here, the
same per-sample-gradient benchmark took 23 ms alone and 5.9 ms after other benchmarks. Setting
the thresholds switches that adjustment off, so every benchmark, in both frameworks, sees the
same warm-heap regime whatever the order."""


def remaining(plan: dict[str, Any], run: Run) -> list[PassWork]:
    """The passes still to run and what is left of each (everything, unless resumed); a
    resumed pass's unfinished blocks are removed from the saved results here."""
    passes = plan.get("passes", 1)
    done = run.passes_done()
    return [
        bench_resume.pass_work(plan, run.folder, n) for n in range(1, passes + 1) if n not in done
    ]


def run(
    plan: dict[str, Any], work: list[PassWork], claimed: Run, advance: Callable[[str], None]
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


def _run_pass(
    plan: dict[str, Any],
    work: PassWork,
    claimed: Run,
    cache: Path,
    log: IO[str],
    poll: Callable[[], None],
) -> int:
    env = {
        # torch.compile's first pass starts cold, as jax.jit does (JAX keeps no compilation
        # cache on disk by default): its compile seconds, the ones reported, are what a first
        # run pays. Later passes reuse the run's cache (2–6× faster here), only to save time.
        "TORCHINDUCTOR_CACHE_DIR": str(cache / "inductor"),
        "TRITON_CACHE_DIR": str(cache / "triton"),
        **MALLOC_PINNED,
        # unless the user chose a cache or an allocator setting on purpose; not the variables
        # of a pytest-xdist worker this may run under (a test), which disable pytest-benchmark
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST_")},
        "JAXPARITY_DEVICES": ",".join(plan["devices"]),
    }
    plan_file = cache / f"plan-pass-{work.number}.json"
    plan_file.write_text(json.dumps({"bench": {**plan, "targets": work.targets}}))
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
