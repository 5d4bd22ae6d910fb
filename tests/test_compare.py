"""``jaxparity compare``: two runs, or one run's first and last passes, side by side.

From the fixture run (``tests/data/results``; ``tests/test_report.py`` says what it holds),
copied, rescaled and re-timed: the verdicts, whether each run's intervals hold the other's
speed-ups and the intervals' widths decide the exit status; the medians decide nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from jaxparity import results
from jaxparity.cli import main


def _scale_run(run: Path, scale: float, jax_scale: float | None = None) -> None:
    lines = [json.loads(line) for line in (run / results.BENCH).read_text().splitlines()]
    with (run / results.BENCH).open("w") as f:
        for r in lines:
            k = jax_scale if jax_scale and r["framework"] == "jax" else scale
            stats = {n: v * k if n != "rounds" else v for n, v in r["stats"].items()}
            f.write(json.dumps({**r, "stats": stats}) + "\n")


def _passes(run: Path, *ratios: list[float]) -> None:
    """devices.layer on_device timed in ``len(ratios)`` passes, eager torch over jitted JAX
    giving each pass's ``ratios`` round by round (torch at 1 ms, JAX at 1 ms / ratio)."""
    lines = [json.loads(line) for line in (run / results.BENCH).read_text().splitlines()]
    where = {"case_id": "devices.layer", "variant": "on_device"}
    kept = [r for r in lines if not all(r[k] == v for k, v in where.items())]
    torch, jax = (
        next(r for r in lines if all(r[k] == v for k, v in where.items()) and r["framework"] == f)
        for f in ("torch", "jax")
    )
    for number, values in enumerate(ratios, 1):
        for block, ratio in enumerate(values, 1):
            for r, seconds in ((torch, 1e-3), (jax, 1e-3 / ratio)):
                stats = {**r["stats"], "median": seconds}
                kept.append({**r, "pass": number, "block": block, "stats": stats})
    (run / results.BENCH).write_text("".join(json.dumps(r) + "\n" for r in kept))


def test_compare_two_runs(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two runs' verdicts, whether each run's intervals hold the other's speed-ups, and their
    widths decide the exit status; the medians are shown and decide nothing."""
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    assert main(["compare", str(folder), str(other)]) == 0
    # Both frameworks 15 % slower: medians differ, the paired speed-up and verdict do not.
    _scale_run(folder, 1000.0)
    _scale_run(other, 1150.0)
    capsys.readouterr()
    assert main(["compare", str(folder), str(other)]) == 0
    out = capsys.readouterr().out
    assert "medians: 0 of 2 benchmarks above 1 ms within 10 %" in out and "decides nothing" in out
    assert "verdicts alike: 1 of 1 (100 %, at least 95 % asked) ok" in out
    assert "first's intervals hold second's speed-ups: 1 of 1" in out
    # JAX alone 5× slower in the second run: speed-up 4× → 0.8×, a win becomes a loss.
    _scale_run(other, 1.0, jax_scale=5.0)
    capsys.readouterr()
    assert main(["compare", str(folder), str(other)]) == 1
    out = capsys.readouterr().out
    assert (
        "verdicts alike: 0 of 1" in out
        and "second's intervals hold first's speed-ups: 0 of 1" in out
    )
    assert "TOO FEW" in out and "win → loss" in out
    assert main(["compare", str(folder), str(other), "--min-verdicts", "0", "--min-held", "0"]) == 0


def test_compare_figures_from_two_runs_of_passes(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two passes × 4 rounds each: intervals with a width, which ``--max-width`` judges. One
    comparison alone borrows nothing from a run: its two passes give one degree of freedom,
    and the first run's passes lie apart, hence its wide interval."""
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    _passes(folder, [4.0, 4.4, 3.8, 4.2], [4.6, 4.1, 4.3, 4.5])
    _passes(other, [4.3, 4.5, 4.0, 4.2], [3.9, 4.4, 4.1, 4.6])
    assert main(["compare", str(folder), str(other)]) == 1
    out = capsys.readouterr().out
    assert "TOO WIDE" in out and "TOO FEW" not in out
    assert "hold second's speed-ups: 1 of 1" in out and "hold first's speed-ups: 1 of 1" in out
    width = re.search(r"median interval width \(first, second\): ×([\d.]+), ×([\d.]+)", out)
    assert width is not None
    widest = max(float(width[1]), float(width[2]))
    assert widest > 1.0
    assert main(["compare", str(folder), str(other), "--max-width", f"{widest + 0.01:.2f}"]) == 0
    assert main(["compare", str(folder), str(other), "--max-width", f"{widest - 0.01:.2f}"]) == 1
    assert "TOO WIDE" in capsys.readouterr().out


def test_compare_one_run_passes_against_each_other(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given one folder: its first pass against its second, each with its rounds' intervals."""
    assert main(["compare", str(folder)]) == 2  # the fixture has one pass
    assert "holds a run of one pass" in capsys.readouterr().err
    _passes(folder, [4.0, 4.4, 3.8, 4.2], [2.0, 2.1, 1.9, 2.05])  # pass 2 at half the speed-up
    assert main(["compare", str(folder)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "(first passes)" in out and "(last passes)" in out
    assert "first's intervals hold second's speed-ups: 0 of 1" in out


def test_compare_says_when_machines_differ(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    record = json.loads((other / results.MACHINE).read_text())
    (other / results.MACHINE).write_text(json.dumps({**record, "torch": "9.9.9"}))
    main(["compare", str(folder), str(other)])
    out = capsys.readouterr().out
    assert "different machine or libraries" in out and "9.9.9" in out


@pytest.mark.parametrize(
    "option",
    [
        *(["--within", bad] for bad in ("nan", "-5", "1e400", "x")),
        ["--max-width", "0.9"],
        ["--min-held", "101"],
    ],
)
def test_compare_rejects_bad_thresholds(
    option: list[str], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", str(folder), str(folder), *option]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


def test_compare_needs_common_benchmarks(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(folder / results.CHECK, other / results.CHECK)  # results, but no timings
    assert main(["compare", str(folder), str(other)]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "no benchmark was timed in both" in err
    assert main(["compare", str(folder), str(tmp_path / "absent")]) == 2
