"""``jaxparity bench``: the pytest-benchmark harness in ``bench/``, run in a subprocess.

The plan — which case × variant × size × framework × device × mode to time — is computed here
from ``bench.harness.targets`` and the ``--size`` / ``--modes`` rules (``selection.py``), and
saved in ``plan.json`` before anything runs, so the report knows what is missing when a run is
cut short. The subprocess is

    python -m pytest <benchmark ids> --benchmark-enable --bench-size ... \\
        --bench-jsonl OUT/bench.jsonl --benchmark-json OUT/benchmark.json -p no:cacheprovider \\
        -p jaxparity.pytest_outcomes --bench-outcomes OUT/outcomes.jsonl

with ``JAXPARITY_DEVICES`` set to the chosen devices. The harness appends each finished
benchmark to ``bench.jsonl``; the outcomes plugin records skips and failures with reasons.
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
from typing import Any

from jaxparity import results, selection
from jaxparity.errors import CliError
from shared import backends
from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = "bench/test_bench_cases.py"
MACHINE_FILE = "bench/test_bench_machine.py"
MAX_TIME_S = {"test": 0.2, "cpu": 2.0, "lesson": 2.0, "sweep": 1.0}
"""pytest-benchmark's --benchmark-max-time per --size: seconds of timed rounds per benchmark
(at least 5 rounds whatever it takes). On the shared 2-core machine, 0.5 s medians of the same
benchmark came out bimodal across runs (1.64 / 3.07 ms, equal minima): the machine stalls for
seconds at a time. 2 s of rounds averages over that (1.60–1.70 ms in four runs)."""


def repo() -> Path:
    """The repository root, importable: ``bench/`` and ``tests/`` are not installed packages."""
    if not (ROOT / CASES_FILE).is_file():
        raise CliError(f"{ROOT / 'bench'} not found: benchmarks run from a clone of the repository")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return ROOT


def _target_id(framework: str, device: str) -> str:
    return framework if device == "cpu" else f"{framework}-{device}"


def make_plan(
    case_list: list[Case], devices: list[str], size: str, modes: list[str] | None
) -> dict[str, Any]:
    """Every benchmark to run (with its pytest node id) and every one left out, with why."""
    repo()
    from bench import harness  # imports pytest and the backends: only when benchmarking

    timed = [c for c in case_list if c.bench is not None and c.implemented]
    chosen = {c.id: selection.bench_sizes(c, size) for c in timed}
    sizes = list(dict.fromkeys(s for c in timed for s in chosen[c.id]))
    targets, excluded = [], []
    found = harness.targets(sizes, [c.id for c in timed]) if sizes else []
    for t in found:
        if t.device not in devices or t.size not in chosen[t.case_id]:
            continue
        row = {**asdict(t), "framework": t.backend}
        why = selection.mode_excluded(t.backend, t.mode, t.size, chosen[t.case_id], size, modes)
        if why:
            excluded.append({**row, "reason": why})
        else:
            targets.append({**row, "nodeid": f"{CASES_FILE}::test_case[{t.id}]"})
    machine = []
    if targets:
        pairs = [("numpy", "cpu")] if "cpu" in devices else []
        pairs += [(b, d) for b in backends.backend_names() for d in devices]
        machine = [
            {
                "case_id": "machine.matmul_peak",
                "variant": "matmul",
                "size": sizes[0],  # the harness sizes the peak's matmul by the first size
                "framework": b,
                "device": d,
                "mode": "jit" if b == "jax" else "eager",
                "nodeid": f"{MACHINE_FILE}::test_matmul_peak[{_target_id(b, d)}]",
            }
            for b, d in pairs
        ]
    selected = {c.id for c in case_list}
    modules = [m for m in _case_modules() if m["case_id"] in selected and targets]
    no_sizes = [
        {"case_id": c.id, "reason": f"no {size} size declared for this case"}
        for c in timed
        if not chosen[c.id]
    ]
    return {
        "size": size,
        "sizes": sizes,
        "devices": devices,
        "modes": modes or "all",
        "max_time_s": MAX_TIME_S[size],
        "targets": targets,
        "machine": machine,
        "modules": modules,
        "excluded": excluded,
        "no_sizes": no_sizes,
        "started": time.time(),
    }


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


def command(plan: dict[str, Any], folder: Path) -> list[str]:
    """The pytest command line that runs the plan and saves into ``folder``."""
    folder = folder.resolve()
    return [
        sys.executable,
        "-m",
        "pytest",
        *[t["nodeid"] for t in plan["targets"] + plan["machine"]],
        *[m["file"] for m in plan["modules"]],
        "--benchmark-enable",
        *[f"--bench-size={s}" for s in plan["sizes"]],
        f"--bench-jsonl={folder / results.BENCH}",
        f"--benchmark-json={folder / results.BENCHMARK_JSON}",
        f"--benchmark-max-time={plan['max_time_s']}",
        "-p",
        "no:cacheprovider",
        "-p",
        "jaxparity.pytest_outcomes",
        f"--bench-outcomes={folder / results.OUTCOMES}",
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


def run(plan: dict[str, Any], folder: Path, advance: Callable[[str], None]) -> int:
    """Run the planned benchmarks; ``advance`` is called once per finished test.

    Returns pytest's exit status (0 when every benchmark passed or was skipped with a reason).
    """
    if not plan["targets"]:
        return 0
    outcomes = folder / results.OUTCOMES
    seen = 0
    with (
        tempfile.TemporaryDirectory(prefix="jaxparity-compile-cache-") as cache,
        (folder / results.BENCH_LOG).open("w") as log,
    ):
        env = {
            # torch.compile starts cold, as jax.jit does (JAX keeps no compilation cache on
            # disk by default): compile seconds are what a first run pays. Inductor's disk
            # cache would otherwise cut them 2–6× from the second run on.
            "TORCHINDUCTOR_CACHE_DIR": str(Path(cache) / "inductor"),
            "TRITON_CACHE_DIR": str(Path(cache) / "triton"),
            **MALLOC_PINNED,
            **os.environ,  # unless the user chose a cache or an allocator setting on purpose
            "JAXPARITY_DEVICES": ",".join(plan["devices"]),
        }
        proc = subprocess.Popen(
            command(plan, folder), cwd=repo(), env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            while True:
                done = proc.poll() is not None
                lines = _count_lines(outcomes)
                for line in lines[seen:]:
                    try:
                        advance(json.loads(line)["nodeid"].split("[", 1)[-1].rstrip("]"))
                    except (ValueError, KeyError):
                        advance("")
                seen = max(seen, len(lines))
                if done:
                    break
                time.sleep(0.3)
        except KeyboardInterrupt:
            # The terminal's Ctrl-C reached pytest too; give it a moment to save, then stop it.
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
    _strip_rounds(folder / results.BENCHMARK_JSON)
    return proc.returncode


def _strip_rounds(path: Path) -> None:
    """Drop every round's raw time from benchmark.json (tens of thousands per benchmark; the
    statistics stay): the file is committed with GPU and CPU results, so it must stay small."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return
    for b in data.get("benchmarks", []):
        b.get("stats", {}).pop("data", None)
    path.write_text(json.dumps(data, indent=1) + "\n")


def log_tail(folder: Path, lines: int = 15) -> str:
    """The end of pytest's output, to show when the benchmark run itself broke."""
    return "\n".join(_count_lines(folder / results.BENCH_LOG)[-lines:])
