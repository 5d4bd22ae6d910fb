"""One output folder, one run: results are never lost, never mixed, never written over others'.

``run``, ``check`` and ``bench`` *claim* their ``--out`` folder before any work:

1. The folder is created, its disk must have room, and a lock (``.jaxparity.lock``, held until
   the command ends, and by its benchmark process while that lives) keeps a second command
   out of it. An existing file as ``--out``, a path under a file, a read-only or missing file
   system, a full disk: one line, before anything runs.
2. ``plan.json`` is written first: the run's id, the command, what was asked (cases, devices,
   sizes, modes, passes, plus the version of the code and libraries) and the plan; then the
   progress of each step as it finishes. A folder holding files of this tool's names but no
   ``plan.json`` of it holds someone else's files: refused, unless ``--force``.
3. A folder holding a run of the *same* plan resumes it: what finished is kept, the rest runs
   (the parity checks, artifacts and profile step by step, the benchmarks comparison group
   by group and pass by pass, ``jaxparity.bench_resume``); a finished one is only reported
   again.
   ``--fresh`` starts over instead.
4. Any other run there (another plan, another version of the code, or ``--fresh``) is moved
   aside whole, into ``previous/<its run id>/``, before the new run writes anything: nothing
   is deleted, nothing mixed.

Benchmark results carry the run id; ``results.load`` leaves out those of another run (a
process this run did not start).
"""

from __future__ import annotations

import errno
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jaxparity import atomic, results
from jaxparity.errors import CliError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; run ids still keep runs apart
    fcntl = None  # type: ignore[assignment]

LOCK = ".jaxparity.lock"
PREVIOUS = "previous"
MIN_FREE_BYTES = 32 << 20
"""A full run writes about 5 MB here; less room than this is refused before any work."""
RESULT_FILES = (
    results.MACHINE,
    *results.CHECK_FILES,
    *results.BENCH_FILES,
    results.PROFILE,
    results.SELFCHECK,
    *results.REPORT_FILES,
    results.PLAN,  # last: moved aside only once everything else is
)
RESULT_DIRS = (results.PLOTS, results.GRAPHS, results.NOTEBOOKS)
ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("shared", "torch_impl", "jax_impl", "bench", "jaxparity")
LIBRARIES = ("numpy", "torch", "jax", "jaxlib", "flax", "optax")


@cache
def code_version() -> dict[str, Any]:
    """The code a result comes from: a digest of the project's Python files and the libraries'
    versions. A run resumed after an edit or an upgrade would mix two codes' results."""
    digest = hashlib.sha256()
    for path in sorted(p for d in SOURCES for p in (ROOT / d).rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return {"sources": digest.hexdigest()[:16], "libraries": versions}


def asked(command: str, **what: Any) -> dict[str, Any]:
    """What a command was asked to do, as saved and compared: two runs with equal ``asked``
    are the same plan."""
    return json.loads(json.dumps({"command": command, **what, "code": code_version()}))


def ours(folder: Path) -> dict[str, Any] | None:
    """``folder``'s ``plan.json`` when this tool wrote it, else ``None``."""
    try:
        record = json.loads((folder / results.PLAN).read_text())
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("tool") == results.TOOL else None


def _present(folder: Path) -> list[str]:
    """The names this tool writes that exist in ``folder``, files first, ``plan.json`` last."""
    names = [n for n in RESULT_FILES if (folder / n).is_file()]
    names += sorted(p.name for p in folder.glob(f"{results.BENCHMARK_JSON}.pass-*"))
    names += [n for n in RESULT_DIRS if (folder / n).is_dir()]
    if results.PLAN in names:
        names.remove(results.PLAN)
        names.append(results.PLAN)
    return names


def _file_above(path: Path) -> Path | None:
    """The first part of ``path`` that exists and is not a folder."""
    for part in [*reversed(path.parents), path]:
        if part.exists() and not part.is_dir():
            return part
    return None


def make(folder: Path) -> None:
    """Create ``folder`` (and its parents), or say in one line why it cannot be."""
    blocking = _file_above(folder)
    if blocking == folder:
        raise CliError(f"--out {folder} is a file, not a folder: choose another --out")
    if blocking is not None:
        raise CliError(f"--out {folder}: {blocking} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _refused("create", folder, e) from None


def _refused(action: str, path: Path, e: OSError) -> CliError:
    """A folder that cannot be made or written to; ENOENT there means a file system that
    takes no new files (``/proc``, ``/sys``), not a missing path."""
    if e.errno == errno.ENOENT:
        return CliError(f"cannot {action} {path}: its file system takes no new files")
    return atomic.cannot(action, path, e)


def _check_room(folder: Path) -> None:
    free = shutil.disk_usage(folder).free
    if free < MIN_FREE_BYTES:
        raise CliError(
            f"only {free / 2**20:.1f} MB free on the disk holding {folder}; a run needs "
            f"{MIN_FREE_BYTES >> 20} MB: free some space or choose another --out"
        )


def _lock(folder: Path, command: str) -> int:
    """Hold ``folder``'s lock (an open file descriptor), or say who holds it."""
    path = folder / LOCK
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise _refused("write in", folder, e) from None
    if fcntl is None:
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 200).decode(errors="replace").strip() or "another process"
        os.close(fd)
        raise CliError(
            f"{folder} is in use by {holder}, or by a benchmark process it left running: "
            "wait for it to end or stop it, or choose another --out"
        ) from None
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"jaxparity {command} (pid {os.getpid()})".encode())
    except OSError as e:
        os.close(fd)
        raise atomic.cannot("write in", folder, e) from None
    return fd


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "earlier"


def move_aside(folder: Path, run_id: str) -> Path:
    """Move this tool's files in ``folder`` into ``previous/<run_id>/`` (a new folder)."""
    dest = folder / PREVIOUS / _safe(run_id)
    n = 1
    while dest.exists():
        n += 1
        dest = folder / PREVIOUS / f"{_safe(run_id)}-{n}"
    try:
        dest.mkdir(parents=True)
        for name in _present(folder):
            os.replace(folder / name, dest / name)
    except OSError as e:
        raise atomic.cannot("move the earlier results aside into", dest, e) from None
    return dest


def _remove(folder: Path, names: list[str]) -> None:
    """``--force``: the files in the way go (folders stay; files in them are overwritten)."""
    try:
        for name in names:
            if (folder / name).is_file():
                (folder / name).unlink()
    except OSError as e:
        raise atomic.cannot("remove files in", folder, e) from None


@dataclass
class ClaimedRun:
    """The claimed folder's run: its ``plan.json`` record and what it has done."""

    folder: Path
    record: dict[str, Any]
    resumed: bool
    lock_fd: int

    @property
    def run_id(self) -> str:
        return self.record["run_id"]

    @property
    def progress(self) -> dict[str, Any]:
        return self.record.setdefault("progress", {})

    @property
    def finished(self) -> bool:
        return bool(self.progress.get("finished"))

    def done(self, step: str) -> bool:
        return bool(self.progress.get(step))

    def mark(self, step: str) -> None:
        """Record that ``step`` finished (``plan.json`` rewritten atomically)."""
        self.progress[step] = True
        self.save()

    def passes_done(self) -> list[int]:
        return list(self.progress.get("passes", []))

    def mark_pass(self, number: int) -> None:
        self.progress["passes"] = sorted({*self.passes_done(), number})
        self.save()

    def finish_if_done(self) -> None:
        """Mark the run finished once every step of its plan is done: a rerun of the same
        plan then only rebuilds the report."""
        steps = [s for s in ("check", "artifacts") if "check" in self.record]
        steps += ["profile"] if self.record.get("profile", {}).get("networks") else []
        steps += ["selfcheck"] if self.record.get("selfcheck", {}).get("checks") else []
        bench = self.record.get("bench")
        passes = bench["passes"] if bench and bench["targets"] else 0
        if all(map(self.done, steps)) and set(self.passes_done()) >= set(range(1, passes + 1)):
            self.mark("finished")

    def reset(self, name: str) -> None:
        """Remove a result file an unfinished step left, before the step runs again."""
        try:
            (self.folder / name).unlink(missing_ok=True)
        except OSError as e:
            raise atomic.cannot("remove", self.folder / name, e) from None

    def save(self) -> None:
        atomic.write_json(self.folder / results.PLAN, self.record)


def _describe(progress: dict[str, Any], record: dict[str, Any]) -> str:
    passes = record.get("bench", {}).get("passes")
    done = [
        what
        for step, what in (
            ("check", "parity checks"),
            ("artifacts", "artifacts"),
            ("profile", "the profile"),
            ("selfcheck", "the self-check"),
        )
        if progress.get(step)
    ]
    done += [f"benchmark pass {n} of {passes}" for n in progress.get("passes", [])]
    return "".join(f"; {what} done" for what in done)


def _earlier(
    folder: Path, asked_for: dict[str, Any], fresh: bool, force: bool, say: Callable[[str], None]
) -> dict[str, Any] | None:
    """The record of the run of the same plan in ``folder``, to resume; otherwise ``None``,
    once the way is clear: another run moved aside, others' files refused (or, ``force``,
    removed)."""
    old = ours(folder)
    present = _present(folder)
    if old is None and present:
        if not force:
            what = (
                f"{folder / results.PLAN} was not written by jaxparity"
                if results.PLAN in present
                else f"{folder} holds {', '.join(present[:3])} but no plan.json of a "
                "jaxparity run: not written by this tool"
            )
            raise CliError(f"{what}; choose another --out, or --force to overwrite them")
        _remove(folder, present)
        say(f"--force: overwriting {', '.join(present[:3])} in {folder}")
    elif old is not None and old.get("asked") == asked_for and not fresh:
        return old
    elif old is not None:
        old_id = old.get("run_id") or old.get("bench", {}).get("run_id") or "earlier"
        why = "--fresh" if old.get("asked") == asked_for else "another plan"
        say(f"run {old_id} ({why}) moved aside to {move_aside(folder, old_id)}")
    return None


def _new_record(asked_for: dict[str, Any], sections: dict[str, dict[str, Any]]) -> dict:
    run_id = uuid.uuid4().hex[:12]
    record: dict[str, Any] = {
        "tool": results.TOOL,
        "run_id": run_id,
        "command": asked_for["command"],
        "asked": asked_for,
        "started": time.time(),
        "progress": {},
    }
    for name, content in sections.items():
        # The benchmark process tags its results with the id (``bench_run.command``).
        record[name] = {**content, "run_id": run_id} if name == "bench" else content
    return record


@contextmanager
def claim(
    folder: Path,
    asked_for: dict[str, Any],
    sections: dict[str, dict[str, Any]],
    *,
    fresh: bool = False,
    force: bool = False,
    say: Callable[[str], None] = print,
) -> Iterator[ClaimedRun]:
    """Claim ``folder`` for a run asked ``asked_for`` (see :func:`asked`) with its plan
    ``sections`` (``check``, ``bench``), resuming a run of the same plan there unless
    ``fresh``. Held until the ``with`` block ends."""
    make(folder)
    fd = _lock(folder, asked_for["command"])
    try:
        _check_room(folder)
        old = _earlier(folder, asked_for, fresh, force, say)
        if old is None:
            run = ClaimedRun(folder, _new_record(asked_for, sections), False, fd)
            run.save()
        elif (run := ClaimedRun(folder, old, True, fd)).finished:
            say(
                f"{folder} already holds every result of this plan (run {run.run_id}): "
                "nothing to run, the report is rebuilt (--fresh runs it again)"
            )
        else:
            say(
                f"resuming run {run.run_id} in {folder}, keeping what finished"
                f"{_describe(run.progress, old)}; --fresh starts over"
            )
        yield run
    finally:
        os.close(fd)


def check_report_folder(folder: Path, force: bool) -> None:
    """``jaxparity report`` writes ``summary.json``, the report and its plots into a folder of
    saved results: never over files this tool did not write, unless ``force``."""
    if ours(folder) is not None or force:
        return
    there = [n for n in (*results.REPORT_FILES, results.PLOTS) if (folder / n).exists()]
    if there:
        raise CliError(
            f"{folder} holds {', '.join(there)} but no plan.json of a jaxparity run: not "
            "written by this tool; --force to overwrite them"
        )
