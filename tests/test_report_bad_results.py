"""A results folder the report cannot read is one line on stderr and exit status 2, never a
traceback: the fixture run (``tests/data/results``) spoiled one file at a time (not JSON,
binary, another tool's JSON, a record of the wrong kind), and folders without results.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jaxparity import results
from jaxparity.cli import main


@pytest.mark.parametrize(
    ("line", "error"),
    [
        ("{not json", "artifacts.jsonl: line 2 is not JSON"),
        ('{"kind": "graph"}', "artifacts.jsonl: line 2 is not a jaxparity artifact record"),
    ],
)
def test_corrupt_artifacts(
    folder: Path, capsys: pytest.CaptureFixture[str], line: str, error: str
) -> None:
    lines = (folder / results.ARTIFACTS).read_text().splitlines()
    lines.insert(1, line)
    (folder / results.ARTIFACTS).write_text("\n".join(lines) + "\n")
    assert error in _error(capsys, ["report", "--out", str(folder)])


def _error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line, no traceback
    return err


def test_corrupt_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = (folder / results.CHECK).read_text().splitlines()
    lines.insert(1, "{not json")
    (folder / results.CHECK).write_text("\n".join(lines) + "\n")
    err = _error(capsys, ["report", "--out", str(folder)])
    assert "check.jsonl: line 2 is not JSON" in err


def test_binary_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / results.BENCH).write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "not text" in _error(capsys, ["report", "--out", str(folder)])


def test_foreign_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / results.BENCHMARK_JSON).write_text('{"name": "something else"}')
    err = _error(capsys, ["report", "--out", str(folder)])
    assert "benchmark.json: not a pytest-benchmark JSON file (a foreign file?)" in err


def test_foreign_jsonl(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / results.BENCH).write_text('{"name": "a"}\n{"name": "b"}\n')
    assert "line 1 is not a jaxparity benchmark record" in _error(
        capsys, ["report", "--out", str(folder)]
    )


def test_missing_results_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, ["report", "--out", str(tmp_path / "nowhere")])
    assert "no results folder" in err


def test_folder_without_results(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no jaxparity results" in _error(capsys, ["report", "--out", str(tmp_path)])
