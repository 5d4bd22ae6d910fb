"""The result files of an output folder: written as work finishes, read back with checks.

Every finished piece of work is one line appended to a JSON-lines file, so an interrupted run
keeps all it finished; a last line cut off mid-write is ignored with a note. A file that is not
JSON, or JSON that is not ours, stops the report with one line naming the file.

| file | written by | holds |
|---|---|---|
| ``plan.json`` | run, check, bench | the run's id, what was asked, the plan, each step's progress |
| ``machine.json`` | check, bench | CPU, GPU, versions, threads, precision pinned |
| ``check.jsonl`` | check | one line per case × framework × device, then per case × device pair |
| ``artifacts.jsonl`` | check | one line per graph file set (in ``graphs/``) or matmul count |
| ``bench.jsonl`` | the bench harness | one line per finished benchmark (``--bench-jsonl``) |
| ``outcomes.jsonl`` | ``jaxparity.pytest_outcomes`` | pass / fail / skip of every benchmark run |
| ``benchmark.json`` | pytest-benchmark | its own summary, at the end of a bench run |
| ``profile.json`` | ``jaxparity.profiling`` | runtime and flops per operator class, per network |
| ``selfcheck.jsonl`` | ``jaxparity.selfcheck_run`` | a few calls timed again by a second timer |

Benchmark results and outcomes carry the run's id: those of another run (a process that
outlived its own run) are left out with a note. ``outdir.py`` decides which run a folder holds.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jaxparity import atomic
from jaxparity.errors import CliError

TOOL = "jaxparity"
PLAN = "plan.json"
MACHINE = "machine.json"
CHECK = "check.jsonl"
ARTIFACTS = "artifacts.jsonl"
GRAPHS = "graphs"
BENCH = "bench.jsonl"
OUTCOMES = "outcomes.jsonl"
BENCHMARK_JSON = "benchmark.json"
BENCH_LOG = "bench.log"
SUMMARY = "summary.json"
REPORT_MD = "report.md"
REPORT_HTML = "report.html"
PLOTS = "plots"
NOTEBOOKS = "notebooks"
PROFILE = "profile.json"
SELFCHECK = "selfcheck.jsonl"

CHECK_FILES = (CHECK, ARTIFACTS)
BENCH_FILES = (BENCH, OUTCOMES, BENCHMARK_JSON, BENCH_LOG)
REPORT_FILES = (SUMMARY, REPORT_MD, REPORT_HTML)


def finite(x: float | None) -> float | None:
    """JSON has no infinity: a non-finite error becomes ``None`` (its reason says why)."""
    return x if x is None or math.isfinite(x) else None


def _jsonable(value: Any) -> Any:
    """NumPy scalars (``np.bool_`` from a comparison) as Python values; anything else as text."""
    return value.item() if hasattr(value, "item") else str(value)


def append(path: Path, record: dict[str, Any]) -> None:
    """Append one record as a line, flushed at once: it survives a kill right after."""
    atomic.append_line(path, json.dumps(record, default=_jsonable))


def write_machine(folder: Path, info: dict[str, Any]) -> None:
    atomic.write_json(folder / MACHINE, {"tool": TOOL, **info})


@dataclass
class Results:
    """Everything saved in an output folder, validated; ``notes`` says what was odd."""

    folder: Path
    plan: dict[str, Any] = field(default_factory=dict)
    machine: dict[str, Any] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    bench: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    benchmark_json: dict[str, Any] | None = None
    profile: dict[str, Any] | None = None
    """``profile.json``: ``None`` when this run did not profile (or came before it could)."""
    selfcheck: list[dict[str, Any]] = field(default_factory=list)
    """``selfcheck.jsonl``: the calls the second timer timed again (``jaxparity.selfcheck``)."""
    notes: list[str] = field(default_factory=list)


def _read_text(path: Path) -> str:
    try:
        return path.read_text()
    except UnicodeDecodeError:
        raise CliError(f"{path}: not text: a corrupt result file") from None
    except OSError as e:
        raise CliError(f"{path}: cannot read: {e.strerror}") from None


def read_json(path: Path, is_ours: Callable[[Any], bool], what: str) -> dict[str, Any]:
    try:
        value = json.loads(_read_text(path))
    except json.JSONDecodeError as e:
        raise CliError(
            f"{path}: not valid JSON ({e.msg}, line {e.lineno}): a corrupt file"
        ) from None
    if not is_ours(value):
        raise CliError(f"{path}: not a {what} (a foreign file?)")
    return value


def read_jsonl(
    path: Path, is_ours: Callable[[Any], bool], what: str, notes: list[str]
) -> list[dict[str, Any]]:
    text = _read_text(path)
    lines = text.split("\n")
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            if number == len(lines):  # no newline after it: cut off while being written
                notes.append(f"{path.name}: the last line was cut off (run interrupted?); ignored")
                continue
            raise CliError(f"{path}: line {number} is not JSON: a corrupt result file") from None
        if not is_ours(record):
            raise CliError(f"{path}: line {number} is not a {what} (a foreign file?)")
        records.append(record)
    return records


CHECK_KEYS = {"kind", "case", "device", "size", "status", "reason", "max_abs_err", "max_rel_err"}


def _is_check(r: Any) -> bool:
    return (
        isinstance(r, dict)
        and r.keys() >= CHECK_KEYS
        and r["kind"] in ("check", "between")
        and (r["kind"] == "between" or "framework" in r)
    )


ARTIFACT_KEYS = {"kind", "case", "framework", "device", "size", "status", "reason"}


def _is_artifact(r: Any) -> bool:
    return (
        isinstance(r, dict)
        and r.keys() >= ARTIFACT_KEYS
        and r["status"] in ("pass", "fail", "skip")
        and isinstance(r.get("files", []), list)
        and isinstance(r.get("counts", {}), dict)
    )


BENCH_KEYS = {"case_id", "variant", "size", "framework", "device", "mode", "stats"}


def _is_bench(r: Any) -> bool:
    return isinstance(r, dict) and r.keys() >= BENCH_KEYS and isinstance(r["stats"], dict)


SELFCHECK_KEYS = {"case_id", "variant", "size", "framework", "device", "mode", "status"}


def is_selfcheck(r: Any) -> bool:
    return isinstance(r, dict) and r.keys() >= SELFCHECK_KEYS


def _is_outcome(r: Any) -> bool:
    return isinstance(r, dict) and {"nodeid", "outcome"} <= r.keys()


def _is_ours(r: Any) -> bool:
    return isinstance(r, dict) and r.get("tool") == TOOL


def _is_profile(r: Any) -> bool:
    return _is_ours(r) and isinstance(r.get("records"), list)


def _is_benchmark_json(r: Any) -> bool:
    return isinstance(r, dict) and isinstance(r.get("benchmarks"), list) and "machine_info" in r


def _this_run(
    records: list[dict[str, Any]], run_id: str | None, path: Path, notes: list[str]
) -> list[dict[str, Any]]:
    """The records of run ``run_id`` (and older ones without an id); the others are noted."""
    kept = [r for r in records if run_id is None or r.get("run_id") in (None, run_id)]
    if len(kept) < len(records):
        notes.append(
            f"{path.name}: {len(records) - len(kept)} line(s) of another run than {run_id} "
            "left out (an earlier or orphaned process wrote them here)"
        )
    return kept


def load(folder: Path) -> Results:
    """Read and validate every result file in ``folder``; at least one must hold results."""
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} is a file, not a results folder (the --out of a run)")
    if not folder.is_dir():
        raise CliError(f"no results folder {folder} (make one with `jaxparity run --out {folder}`)")
    res = Results(folder)
    if (folder / PLAN).exists():
        res.plan = read_json(folder / PLAN, _is_ours, "jaxparity plan")
    if (folder / MACHINE).exists():
        res.machine = read_json(folder / MACHINE, _is_ours, "jaxparity machine record")
    if (folder / CHECK).exists():
        res.checks = read_jsonl(folder / CHECK, _is_check, "jaxparity check record", res.notes)
    if (folder / ARTIFACTS).exists():
        res.artifacts = read_jsonl(
            folder / ARTIFACTS, _is_artifact, "jaxparity artifact record", res.notes
        )
    run_id = res.plan.get("bench", {}).get("run_id")
    if (folder / BENCH).exists():
        found = read_jsonl(folder / BENCH, _is_bench, "jaxparity benchmark record", res.notes)
        res.bench = _this_run(found, run_id, folder / BENCH, res.notes)
    if (folder / OUTCOMES).exists():
        found = read_jsonl(folder / OUTCOMES, _is_outcome, "benchmark outcome", res.notes)
        res.outcomes = _this_run(found, run_id, folder / OUTCOMES, res.notes)
    if (folder / BENCHMARK_JSON).exists():
        res.benchmark_json = read_json(
            folder / BENCHMARK_JSON, _is_benchmark_json, "pytest-benchmark JSON file"
        )
        info = res.benchmark_json["machine_info"].get("jaxparity")
        if isinstance(info, dict):
            res.machine = {**info, **res.machine}
    if (folder / SELFCHECK).exists():
        found = read_jsonl(folder / SELFCHECK, is_selfcheck, "jaxparity self-check", res.notes)
        res.selfcheck = _this_run(found, run_id, folder / SELFCHECK, res.notes)
    if (folder / PROFILE).exists():
        res.profile = read_json(folder / PROFILE, _is_profile, "jaxparity profile")
    if not (res.checks or res.bench or res.outcomes):
        raise CliError(
            f"no jaxparity results in {folder}: none of {CHECK}, {BENCH}, {OUTCOMES} "
            "(run `jaxparity run` first)"
        )
    return res
