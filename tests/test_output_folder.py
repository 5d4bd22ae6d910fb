"""An output folder belongs to one run (``jaxparity/outdir.py``): claimed before any work,
resumed by a rerun of the same plan, moved aside for another, never written over others'
files, and refused in one line when it cannot be written.

The parity checks are replaced by a fake that writes passing records at once: the point here
is the folder, not the checks (``test_cli.py`` runs real ones).
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from jaxparity import atomic, check, outdir, results
from jaxparity import bench_run as bench
from jaxparity.cli import main
from tests.fake_checks import FakeChecks

CASE = ["--case", "tensors.basic_ops", "--device", "cpu"]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The calls of the fake parity checks, each with what ``plan.json`` held then."""
    fake = FakeChecks()
    monkeypatch.setattr(check, "run_checks", fake)
    return fake.calls


def _one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line, no traceback
    return err


def _check_lines(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (folder / results.CHECK).read_text().splitlines()]


def test_the_run_id_and_plan_are_written_before_any_result(
    tmp_path: Path, checks: list[dict[str, Any]]
) -> None:
    assert main(["check", *CASE, "--out", str(tmp_path)]) == 0
    (call,) = checks
    plan = call["plan"]  # as the checks began
    assert plan["run_id"] and plan["command"] == "check"
    assert plan["asked"]["check"]["cases"] == ["tensors.basic_ops"]
    assert plan["check"]["cases"] == ["tensors.basic_ops"] and not plan["progress"]
    assert outdir.ours(tmp_path)["progress"] == {"check": True, "artifacts": True, "finished": True}


def test_a_rerun_of_a_finished_plan_runs_nothing(
    tmp_path: Path, checks: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", *CASE, "--out", str(tmp_path)]
    assert main(argv) == 0
    first = outdir.ours(tmp_path)["run_id"]
    assert main(argv) == 0
    assert len(checks) == 1  # nothing ran again
    out = capsys.readouterr().out
    assert f"already holds every result of this plan (run {first})" in out
    assert "every checked case agrees" in out  # the table, from the saved results
    assert len(_check_lines(tmp_path)) == 2


def test_an_interrupted_run_resumes_and_keeps_what_finished(
    tmp_path: Path,
    checks: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Interrupted in the artifacts step: the rerun keeps the finished checks and runs the
    rest; the artifacts step's partial file is not kept twice."""
    from jaxparity import artifacts

    def interrupted(*args: object, **kwargs: object) -> list:
        results.append(tmp_path / results.ARTIFACTS, {"partial": True})
        raise KeyboardInterrupt

    argv = ["check", "--case", "autograd.graph_view", "--device", "cpu", "--out", str(tmp_path)]
    monkeypatch.setattr(artifacts, "collect", interrupted)
    assert main(argv) == 130
    run_id = outdir.ours(tmp_path)["run_id"]
    assert outdir.ours(tmp_path)["progress"] == {"check": True}

    monkeypatch.setattr(artifacts, "collect", lambda *a, **k: [])
    assert main(argv) == 0
    assert len(checks) == 1  # the checks were not run again
    assert f"resuming run {run_id}" in capsys.readouterr().out
    assert outdir.ours(tmp_path)["run_id"] == run_id
    assert not (tmp_path / results.ARTIFACTS).exists()  # the partial file went
    assert len(_check_lines(tmp_path)) == 2


def test_another_plan_moves_the_earlier_run_aside(
    tmp_path: Path, checks: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --case X` into the folder of another run: the other run's results are moved,
    whole, to previous/<its id>/; nothing of it stays beside the new run."""
    assert main(["check", *CASE, "--out", str(tmp_path)]) == 0
    (tmp_path / results.BENCH).write_text("")  # the earlier run's benchmarks
    first = outdir.ours(tmp_path)["run_id"]
    argv = ["check", "--case", "tensors.inplace", "--device", "cpu", "--out", str(tmp_path)]
    assert main(argv) == 0
    moved = tmp_path / outdir.PREVIOUS / first
    assert f"run {first} (another plan) moved aside to {moved}" in capsys.readouterr().out
    assert {r["case"] for r in _check_lines(tmp_path)} == {"tensors.inplace"}
    assert {r["case"] for r in _check_lines(moved)} == {"tensors.basic_ops"}
    assert outdir.ours(moved)["run_id"] == first != outdir.ours(tmp_path)["run_id"]
    assert (moved / results.BENCH).exists() and not (tmp_path / results.BENCH).exists()


def test_fresh_starts_over_and_keeps_the_earlier_run(
    tmp_path: Path, checks: list[dict[str, Any]]
) -> None:
    argv = ["check", *CASE, "--out", str(tmp_path)]
    assert main(argv) == 0
    first = outdir.ours(tmp_path)["run_id"]
    assert main([*argv, "--fresh"]) == 0
    assert len(checks) == 2
    assert outdir.ours(tmp_path / outdir.PREVIOUS / first)["run_id"] == first


def test_a_plan_from_before_run_ids_is_moved_aside(
    tmp_path: Path, checks: list[dict[str, Any]]
) -> None:
    (tmp_path / results.PLAN).write_text(json.dumps({"tool": results.TOOL, "check": {}}))
    (tmp_path / results.CHECK).write_text("")
    assert main(["check", *CASE, "--out", str(tmp_path)]) == 0
    assert (tmp_path / outdir.PREVIOUS / "earlier" / results.CHECK).exists()


@pytest.mark.parametrize(
    "theirs", [results.REPORT_HTML, results.SUMMARY, results.CHECK, results.PLAN]
)
def test_files_jaxparity_did_not_write_are_never_overwritten(
    theirs: str, tmp_path: Path, checks: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / theirs).write_text("a user's own file\n")
    err = _one_line_error(capsys, ["check", *CASE, "--out", str(tmp_path)])
    assert "not written by" in err and "--force" in err
    assert (tmp_path / theirs).read_text() == "a user's own file\n" and not checks
    assert main(["check", *CASE, "--out", str(tmp_path), "--force"]) == 0
    assert outdir.ours(tmp_path) is not None and len(checks) == 1


def test_report_never_overwrites_files_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixture = Path(__file__).parent / "data" / "results"
    (tmp_path / results.CHECK).write_text((fixture / results.CHECK).read_text())  # no plan
    (tmp_path / results.REPORT_MD).write_text("# my notes\n")
    err = _one_line_error(capsys, ["report", "--out", str(tmp_path)])
    assert "not written by this tool" in err
    assert (tmp_path / results.REPORT_MD).read_text() == "# my notes\n"
    main(["report", "--out", str(tmp_path), "--force"])
    assert (tmp_path / results.REPORT_MD).read_text().startswith("# jaxparity")


def test_a_folder_in_use_is_refused(
    tmp_path: Path, checks: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fcntl", reason="advisory locks are POSIX")
    tmp_path.mkdir(exist_ok=True)
    held = outdir._lock(tmp_path, "run")  # another command (or its benchmark process)
    try:
        err = _one_line_error(capsys, ["check", *CASE, "--out", str(tmp_path)])
    finally:
        os.close(held)
    assert f"is in use by jaxparity run (pid {os.getpid()})" in err and not checks


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "a-file"
    path.write_text("")
    return path


UNWRITABLE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "an existing file": (_file, "is a file, not a folder"),
    "a path under a file": (lambda t: _file(t) / "out", "a-file is a file, not a folder"),
    "a folder in /proc": (lambda t: Path("/proc/jaxparity-out"), "takes no new files"),
    "/proc itself": (lambda t: Path("/proc"), "cannot write in /proc"),
}


@pytest.mark.parametrize("where", UNWRITABLE)
@pytest.mark.parametrize("command", ["check", "run"])
def test_an_unwritable_out_is_one_line_before_any_work(
    where: str,
    command: str,
    tmp_path: Path,
    checks: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if where.startswith(("a folder in /proc", "/proc")) and not Path("/proc/self").exists():
        pytest.skip("no /proc on this system")
    monkeypatch.setattr(bench, "run", lambda *a: pytest.fail("a benchmark started"))
    make, why = UNWRITABLE[where]
    argv = [command, *CASE, "--out", str(make(tmp_path))]
    assert why in _one_line_error(capsys, [*argv, "--size", "test"] if command == "run" else argv)
    assert not checks


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root writes into read-only folders: the file and /proc cases above stand in",
)
def test_a_read_only_folder_is_one_line(
    tmp_path: Path, checks: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    tmp_path.chmod(0o555)
    try:
        err = _one_line_error(capsys, ["check", *CASE, "--out", str(tmp_path / "out")])
    finally:
        tmp_path.chmod(0o755)
    assert "no permission to write there" in err and not checks


def test_too_little_room_is_refused_before_any_work(
    tmp_path: Path,
    checks: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(outdir.shutil, "disk_usage", lambda p: SimpleNamespace(free=5 << 20))
    err = _one_line_error(capsys, ["check", *CASE, "--out", str(tmp_path)])
    assert "only 5.0 MB free" in err and not checks


def test_a_full_disk_leaves_the_old_summary_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The disk fills while the report is written: one line, exit 2, and summary.json is
    still the previous one, whole (written to a temporary file, renamed only when complete)."""
    import shutil

    folder = tmp_path / "results"
    shutil.copytree(Path(__file__).parent / "data" / "results", folder)
    main(["report", "--out", str(folder)])
    before = (folder / results.SUMMARY).read_text()
    capsys.readouterr()
    checked = json.loads((folder / results.CHECK).read_text().splitlines()[0])
    results.append(folder / results.CHECK, {**checked, "case": "tensors.create"})  # news

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    err = _one_line_error(capsys, ["report", "--out", str(folder)])
    assert f"cannot write {folder / results.SUMMARY}: the disk is full" in err
    assert (folder / results.SUMMARY).read_text() == before
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
