"""What a new user meets first: empty selections refused with the reason, paths relative to
where they typed the command, one set of counts everywhere, `compare` notes, `jaxparity list`,
help for every option, and the Graphviz hint. Nothing here runs a benchmark."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jaxparity import artifacts, check, counts, graphviz, listing, results, selection
from jaxparity.cli import main, parser
from shared import cases
from tests.fake_checks import FakeChecks

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("argv", "why"),
    [
        (["check", "--case", "tensors.basic_ops", "--topic", "autograd"], "tensors.basic_ops is"),
        (["run", "--case", "tensors.basic_ops", "--topic", "autograd"], "in topic tensors"),
        (["run", "--modes", ""], "--modes '' names no mode"),
        (["bench", "--modes", " , "], "names no mode; valid: eager, compile, jit, jit_grad"),
        (["check", "--case", ""], "--case '': an empty name"),
        (["run", "--topic", "autograd,"], "--topic 'autograd,': an empty name"),
        (
            ["run", "--case", "devices.layer", "--modes", "nnx_jit", "--size", "test"],
            "nothing to time: every benchmark of the selection is left out",
        ),
    ],
)
def test_an_empty_selection_is_a_usage_error(
    argv: list[str], why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main([*argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and why in err, err
    assert not out.exists()  # refused before anything was written


def test_relative_paths_mean_the_callers_directory(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`cd elsewhere && venv-run jaxparity report --out t1`: venv-run runs the command at the
    repository root and says where the user was in JAXPARITY_CWD."""
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(folder, elsewhere / "t1")
    root = tmp_path / "root"
    root.mkdir()
    monkeypatch.chdir(root)
    monkeypatch.setenv("JAXPARITY_CWD", str(elsewhere))
    main(["report", "--out", "t1"])
    assert (elsewhere / "t1" / results.REPORT_HTML).exists()
    assert not (root / "t1").exists()


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="venv-run needs sha256sum")
def test_venv_run_passes_the_callers_directory(tmp_path: Path) -> None:
    """venv-run itself, in a copy of the repository whose .venv is already set up (so it
    installs nothing): the command runs at the root and sees where it was typed."""
    repo = tmp_path / "repo"
    (repo / ".venv" / "bin").mkdir(parents=True)
    for name in ("venv-run", "pyproject.toml"):
        shutil.copy2(ROOT / name, repo / name)
    (repo / ".venv" / "bin" / "python").symlink_to(shutil.which("python3") or "/bin/true")
    # the digest venv-run compares with: pyproject.toml and venv-run as set up last time
    digest = hashlib.sha256(
        b"".join((ROOT / n).read_bytes() for n in ("pyproject.toml", "venv-run"))
    )
    (repo / ".venv" / ".jaxparity-installed").write_text(digest.hexdigest() + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = subprocess.run(
        [str(repo / "venv-run"), "sh", "-c", 'echo "$JAXPARITY_CWD|$PWD"'],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == f"{elsewhere}|{repo}", shown.stderr


def _text(s: str) -> str:
    return " ".join(s.split())


def test_one_set_of_counts_in_the_output_the_report_and_the_summary(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["report", "--out", str(folder)])
    printed = _text(capsys.readouterr().out)
    saved = json.loads((folder / results.SUMMARY).read_text())
    found = saved["counts"]
    for line in counts.lines(found):
        assert line in printed
        assert line in _text((folder / results.REPORT_MD).read_text())
    # The fixture: 3 cases and the strict topic's 6 checked on the CPU, the others not
    # selected (2 of the checks never finished); its benchmarks as planned (one failed, one
    # never finished, one left out by the mode rules).
    records = saved["records"]
    checked = [r for r in records if r["kind"] == "check"]
    assert found["cases"] == {"selected": 9, "in_lesson": len(cases.CASES)}
    assert found["check"]["not_selected"] == len(checked) - 9 * 2
    assert found["check"]["planned"] == 18 and found["check"]["missing"] == 2
    bench_records = [r for r in records if r["kind"] == "bench"]
    assert found["bench"]["planned"] == len(bench_records)
    assert found["bench"]["failed"] == 1 and found["bench"]["missing"] == 1
    for kind in ("check", "bench"):
        c = found[kind]
        assert c["run"] == c["passed"] + c["failed"]
        assert c["planned"] == c["run"] + c["skipped"] + c["missing"]


def test_a_topic_run_counts_unselected_cases_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check --topic advanced`: the other topics' cases are not selected, not skipped."""
    selected = cases.select(topics=["advanced"])
    monkeypatch.setattr(check, "run_checks", FakeChecks())
    monkeypatch.setattr(artifacts, "collect", lambda *a, **k: [])
    assert main(["check", "--topic", "advanced", "--device", "cpu", "--out", str(tmp_path)]) == 0
    n = 2 * len(selected)
    others = 2 * (len(cases.CASES) - len(selected))
    assert (
        f"{n} planned: {n} run ({n} passed, 0 failed), 0 skipped with a reason, 0 missing; "
        f"{others} not selected" in _text(capsys.readouterr().out)
    )


def test_compare_notes_a_run_compared_with_itself(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["compare", str(folder), str(folder)])
    assert "are the same folder: a run compared with itself" in _text(capsys.readouterr().out)
    plan = json.loads((folder / results.PLAN).read_text())
    plan["bench"]["run_id"] = "r1"
    (folder / results.PLAN).write_text(json.dumps(plan))
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    main(["compare", str(folder), str(copy)])
    assert "hold the same run (r1), one a copy of the other" in _text(capsys.readouterr().out)


def test_compare_names_a_file_given_for_a_folder(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(folder), str(folder / results.PLAN)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "plan.json is a file, not a results folder" in err


def test_list_names_what_the_commands_accept(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "cases"]) == 0
    assert [row.split()[0] for row in capsys.readouterr().out.splitlines()] == list(cases.CASES)
    assert main(["list", "modes"]) == 0
    assert [row.split()[0] for row in capsys.readouterr().out.splitlines()] == [
        *selection.all_modes(),
        "all",
    ]
    assert main(["list"]) == 0
    everything = capsys.readouterr().out
    for title, _ in listing.SECTIONS.values():
        assert f"{title}:" in everything
    assert "cpu   present" in everything and "advanced.hessian" in everything


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


@pytest.mark.parametrize("name", list(_subcommands()))
def test_every_command_and_option_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    sub = _subcommands()[name]
    assert sub.description
    for action in sub._actions:
        assert action.help, f"{name} {action.option_strings or action.dest} has no help"
    assert main([name, "--help"]) == 0
    assert _text(sub.description) in _text(capsys.readouterr().out)


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name, sub in _subcommands().items():
        # A name longer than the column has its summary on the next line.
        assert re.search(rf"^    {name}( |$)", out, re.MULTILINE) and sub.description
    assert "exit status" in out


def test_modes_help_lists_every_mode() -> None:
    text = _text(_subcommands()["run"].format_help())
    for mode, what in selection.described_modes().items():
        assert f"{mode}: {_text(what)}" in text


def test_a_missing_graphviz_is_said_once_with_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(graphviz.shutil, "which", lambda name: None)
    monkeypatch.setattr(check, "run_checks", FakeChecks())
    monkeypatch.setattr(artifacts, "collect", lambda *a, **k: [])
    argv = ["check", "--case", "autograd.graph_view", "--case", "autograd.backward_inputs"]
    assert main([*argv, "--device", "cpu", "--out", str(tmp_path)]) == 0
    out = _text(capsys.readouterr().out)
    assert out.count("Graphviz's dot is not installed") == 1
    assert "apt install graphviz" in out and "brew install graphviz" in out
    assert graphviz.missing_note(cases.select(["tensors.basic_ops"])) is None


def test_the_report_says_how_to_get_the_missing_pictures(folder: Path) -> None:
    main(["report", "--out", str(folder)])  # the fixture's JAX graph has no SVG
    assert graphviz.INSTALL in _text((folder / results.REPORT_MD).read_text())
