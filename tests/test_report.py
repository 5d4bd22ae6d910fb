"""The report builder, from small saved results (tests/data/results): nothing is re-run.

The fixture holds a pass (tensors.basic_ops), a behaviour failure (tensors.inplace on JAX),
timed benchmarks (devices.layer on_device, both frameworks, with the operations one call
dispatches; a matmul peak and the three floors), a failed one
(with_transfer on torch), a planned one that never finished (with_transfer on JAX), one left
out by the mode rules (torch.compile), and a planned check that is missing (devices.layer);
in artifacts.jsonl, the graph files of autograd.graph_view (torch with an SVG, JAX with only
DOT and its jaxpr) and matmul counts of autograd.backward_inputs (one of them failed); in
profile.json, a real profile of the three networks (``tests/test_profiling.py`` tests it); and
real check records of the ``strict`` cases (``tests/test_report_strict.py`` tests their table).
"""

from __future__ import annotations

import json
import math
import re
import shutil
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import pytest

from jaxparity import document, plots, report, results, sources, summary
from jaxparity.cli import main
from jaxparity.report import graph_view, scaling
from shared import cases


def _records(folder: Path) -> list[dict]:
    return json.loads((folder / results.SUMMARY).read_text())["records"]


def _one(records: list[dict], **where: object) -> dict:
    (found,) = [r for r in records if all(r[k] == v for k, v in where.items())]
    return found


def test_summary_covers_every_case_with_every_field(folder: Path) -> None:
    assert main(["report", "--out", str(folder)]) == 1  # the fixture holds a failure
    records = _records(folder)
    assert all(tuple(r) == summary.FIELDS for r in records)
    checked = {(r["case"], r["framework"]) for r in records if r["kind"] == "check"}
    assert checked == {(c, f) for c in cases.CASES for f in ("torch", "jax")}
    assert {r["status"] for r in records} == {"pass", "fail", "skip"}
    assert all(r["reason"] for r in records if r["status"] != "pass")


def test_pass_fail_and_skip_records(folder: Path) -> None:
    report.write(folder)
    records = _records(folder)
    ok = _one(records, case="tensors.basic_ops", framework="jax", kind="check")
    assert (ok["status"], ok["max_abs_err"], ok["max_abs_err_vs_other"]) == ("pass", 1e-7, 0.0)
    bad = _one(records, case="tensors.inplace", framework="jax", kind="check")
    assert bad["status"] == "fail" and "input_mutated" in bad["reason"]
    unplanned = _one(records, case="modules.api", framework="torch", kind="check")
    assert (unplanned["status"], unplanned["reason"]) == ("skip", "not checked in this run")

    jit = _one(records, case="devices.layer", variant="on_device", framework="jax", mode="jit")
    assert jit["speedup_vs_torch_eager"] == pytest.approx(4.0)
    assert jit["compile_s"] == 0.05 and jit["rounds"] == 50 and jit["iqr_s"] == 1e-6
    peak = 2.0 * 64**3 / 5e-6 / 1e9
    assert jit["pct_of_peak"] == pytest.approx(100 * 528384.0 / 1e-5 / 1e9 / peak)
    failed = _one(records, variant="with_transfer", framework="torch", mode="eager")
    assert (failed["status"], failed["reason"]) == ("fail", "RuntimeError: fixture failure")
    compiled = _one(records, variant="on_device", framework="torch", mode="compile")
    assert compiled["status"] == "skip" and "left out" in compiled["reason"]


def test_missing_results_are_marked(folder: Path) -> None:
    summ = report.write(folder)
    records = _records(folder)
    unfinished = _one(records, variant="with_transfer", framework="jax", mode="jit")
    assert (unfinished["status"], unfinished["reason"]) == ("skip", summary.MISSING)
    unchecked = _one(records, case="devices.layer", framework="torch", kind="check")
    assert unchecked["reason"] == summary.MISSING
    assert any("missing" in note for note in summ.notes)
    assert "did not finish" in (folder / results.REPORT_MD).read_text()


def test_html_is_self_contained_and_plots_are_svg(folder: Path) -> None:
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    # One inline script, the expand-all buttons' own, and nothing fetched from anywhere.
    assert page.count("<script") == 1 and document.EXPAND_SCRIPT in page
    for outside in ("<link", "src=", 'href="http', "@import", "url(", "fetch(", "XMLHttpRequest"):
        assert outside not in page
    assert "<svg" in page and "<style>" in page
    assert "def basic_ops" in page  # the code, side by side
    assert 'id="claim"' in page and "1 win, 0 ties, 0 losses of 1" in page
    svgs = sorted((folder / results.PLOTS).glob("*.svg"))
    assert [p.name for p in svgs] == ["compile-cpu.svg", "speedup-cpu.svg"]
    for svg in svgs:
        ET.fromstring(svg.read_text())  # well-formed XML
    md = (folder / results.REPORT_MD).read_text()
    assert "![speed-ups on cpu](plots/speedup-cpu.svg)" in md
    assert "Fixture CPU 9000" in md


def test_memory_measurement_joins_its_case(folder: Path) -> None:
    """A memory benchmark's result is found by what it records (``bench/test_memory_modes.py``),
    whatever its test id, and its byte counts are shown in its case's timings."""
    target = {"case_id": "modes.item_leak", "variant": "stored", "size": "test"}
    target |= {"backend": "torch", "device": "cpu", "mode": "eager"}
    line = {**target, "framework": "torch", "compile_s": 0.0, "flops": None, "variant_doc": ""}
    line |= {"kept_bytes": 51200, "stats": {"median": 0.01, "min": 0.01, "rounds": 1}}
    with (folder / results.BENCH).open("a") as f:
        f.write(json.dumps(line) + "\n")
    report.write(folder)
    found = _one(_records(folder), case="modes.item_leak", variant="stored", kind="bench")
    assert (found["status"], found["extra"]) == ("pass", {"kept_bytes": 51200})
    assert "`kept_bytes`: 50 KiB" in (folder / results.REPORT_MD).read_text()


def test_cut_off_last_line_is_ignored_with_a_note(folder: Path) -> None:
    with (folder / results.BENCH).open("a") as f:
        f.write('{"time": 1, "case_id": "devices.la')
    summ = report.write(folder)
    assert any("cut off" in note for note in summ.notes)


GRAPHS_MD = (
    "torch: [`autograd.graph_view.torch.dot`](graphs/autograd.graph_view.torch.dot), "
    "[`autograd.graph_view.torch.svg`](graphs/autograd.graph_view.torch.svg); JAX: "
    "[`autograd.graph_view.jax.jaxpr.txt`](graphs/autograd.graph_view.jax.jaxpr.txt), "
    "[`autograd.graph_view.jax.dot`](graphs/autograd.graph_view.jax.dot)."
)


def _bench_line(variant: str, framework: str, mode: str, median: float) -> str:
    stats = {"median": median, "iqr": median / 50, "q1": median, "q3": median, "rounds": 50}
    return json.dumps(
        {
            "case_id": "autograd.backward_inputs",
            "variant": variant,
            "size": "cpu",
            "framework": framework,
            "device": "cpu",
            "mode": mode,
            "stats": stats,
        }
    )


def test_graph_files_side_by_side(folder: Path) -> None:
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert GRAPHS_MD in md
    assert "![PyTorch — torchviz's drawing of the tape (backward nodes)]" in md
    page = (folder / results.REPORT_HTML).read_text()
    section = page[
        page.index('id="autograd-graph_view"') : page.index('id="autograd-unsupported_op"')
    ]
    panels = section[section.index('<div class="panels">') :]
    torch_panel, jax_panel = panels.split("<h5>")[1:3]
    # torch's SVG inline, without its prolog and with ids no other drawing repeats
    assert torch_panel.count("<svg") == 1 and "<?xml" not in torch_panel and "<!" not in torch_panel
    assert 'id="autograd-graph_view-torch-node1"' in torch_panel
    # no SVG for JAX: its jaxpr, collapsed, and never the DOT source
    assert "<svg" not in jax_panel and "<details>" in jax_panel
    assert "The graph as text" in jax_panel and "e:f32[4] = dot_general c a" in jax_panel
    assert "digraph" not in section and "in0 -&gt; op0" not in section
    ET.fromstring(
        graph_view.inline_svg((folder / "graphs/autograd.graph_view.torch.svg").read_text(), "x")
    )


def test_matrix_products_table_and_sentence(folder: Path) -> None:
    with (folder / results.BENCH).open("a") as f:
        for variant, torch_s, jax_s in (("b", 12.7e-3, 6e-6), ("A", 290e-3, 311e-3)):
            f.write(_bench_line(variant, "torch", "eager", torch_s) + "\n")
            f.write(_bench_line(variant, "jax", "jit", jax_s) + "\n")
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert "| matrix products | torch · `test` | JAX · `test` | torch · `cpu` | JAX · `cpu` |" in md
    assert "| `forward`: the loss alone | 4 | 1 | 201 | 1 |" in md
    assert "| `b`: only b's gradient | 0 | 0 | 0 | 0 |" in md
    assert (
        "At size `cpu` on cpu, eager torch's forward computes 201 matrix products (one per "
        "`A @ B` of the loop), the compiled JAX loss 1: XLA sees one product repeated and "
        "computes it once. `b` needs no matrix product at all in the compiled program, so JAX's "
        "6 µs is pure call overhead; torch's backward computes none either, yet takes 12.7 ms "
        "(2\u202f117× longer) going back through the tape its forward built. Where both compute "
        "the same products (`A` 201), the times are close (torch vs JAX: `A` 290 ms vs 311 ms): "
        "the products dominate." in md
    )
    assert "JAX (cpu, size `lesson`): no count — `raised MemoryError: fixture failure`" in md


def test_report_without_artifacts(folder: Path) -> None:
    (folder / results.ARTIFACTS).unlink()
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    for what, case in (("graph files", "graph_view"), ("matmul counts", "backward_inputs")):
        assert (
            f"> No {what} in this run: `artifacts.jsonl` holds none for this case "
            f"(`jaxparity check --case autograd.{case}` writes them)." in md
        )


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


def test_chart_ticks_stay_few_over_any_range() -> None:
    """An interval of two passes that disagree can span many decades: the ticks thin out
    (powers of ten, then every other one) instead of looping."""
    assert plots._ticks(0.5, 20) == [0.5, 1, 2, 5, 10, 20]
    wide = plots._ticks(1e-9, 1e10)
    assert 0 < len(wide) <= 8 and all(math.log10(v).is_integer() for v in wide)


def test_sweep_points_become_one_line_per_dimension() -> None:
    sweep = ["b4_w256_d4", "b64_w256_d4", "b1024_w256_d4", "b64_w32_d4", "b64_w1024_d4"]
    assert scaling.scaling_axes(sweep) == [
        ("b", ["b4_w256_d4", "b64_w256_d4", "b1024_w256_d4"], ["4", "64", "1024"]),
        ("w", ["b64_w32_d4", "b64_w256_d4", "b64_w1024_d4"], ["32", "256", "1024"]),
    ]
    assert scaling.scaling_axes(["small", "large"]) == [
        ("size", ["small", "large"], ["small", "large"])
    ]


def _add_block(folder: Path, number: int, block: int, scale: float, **where: str) -> None:
    """Append another block (in pass ``number``) of the matching benchmarks of pass 1 block 1,
    their times (and compile seconds) multiplied by ``scale``."""
    bench = folder / results.BENCH
    lines = [json.loads(line) for line in bench.read_text().splitlines()]
    first = [r for r in lines if r.get("pass", 1) == 1 and r.get("block", 1) == 1]
    again = [r for r in first if all(r[k] == v for k, v in where.items())]
    with bench.open("a") as f:
        for r in again:
            stats = {k: v * scale if k != "rounds" else v for k, v in r["stats"].items()}
            compile_s = r["compile_s"] * scale
            line = {**r, "pass": number, "stats": stats, "compile_s": compile_s}
            if "block" in r:
                line["block"] = block
            f.write(json.dumps(line) + "\n")


def test_blocks_and_passes_merge_into_one_record(folder: Path) -> None:
    """Blocks in two passes: the median of the blocks' medians is reported, with the spread
    between the passes; compile seconds are the first (cold) pass's."""
    where = {"case_id": "devices.layer", "framework": "jax"}
    _add_block(folder, 1, 2, 0.9, **where)
    _add_block(folder, 2, 1, 3.0, **where)  # a pass caught while other tenants took the CPU
    _add_block(folder, 2, 2, 3.0, **where)
    report.write(folder)
    jit = _one(_records(folder), case="devices.layer", variant="on_device", mode="jit")
    assert jit["median_s"] == pytest.approx(2e-5)  # median of 1, 0.9, 3, 3 (× 1e-5)
    assert (jit["blocks"], jit["passes"], jit["rounds"]) == (4, 2, 200)
    assert jit["pass_spread"] == pytest.approx(3.0 / 0.95 - 1)  # pass medians 0.95 and 3
    assert jit["min_s"] == pytest.approx(0.9 * 9e-6)
    assert jit["compile_s"] == 0.05  # pass 1's
    # Paired with torch's only block (pass 1, block 1): one ratio, 4e-5 / 1e-5.
    assert jit["speedup_vs_torch_eager"] == pytest.approx(4.0)
    assert (jit["pairs"], jit["verdict"]) == (1, "win")
    eager = _one(_records(folder), case="devices.layer", variant="on_device", mode="eager")
    assert eager["passes"] == 1 and eager["pass_spread"] is None


def test_paired_speedup_follows_the_machine(folder: Path) -> None:
    """Both frameworks slowed alike in pass 2 (the machine, not the code): the paired
    speed-up stays 4×, though the medians of the two sides moved."""
    _add_block(folder, 2, 1, 3.0, case_id="devices.layer", variant="on_device")
    report.write(folder)
    jit = _one(_records(folder), case="devices.layer", variant="on_device", mode="jit")
    assert jit["speedup_vs_torch_eager"] == pytest.approx(4.0)
    assert jit["speedup_low"] == pytest.approx(4.0) and jit["speedup_high"] == pytest.approx(4.0)
    assert jit["pairs"] == 2


def test_matmul_peak_per_pass(folder: Path) -> None:
    _add_block(folder, 2, 1, 2.0, case_id="machine.matmul_peak")  # the machine at half speed
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert "measured in this run: **105 GFLOP/s**" in md  # the best pass
    assert "Per pass: 105, 52.4 GFLOP/s" in md


def test_claim_comes_first_and_sets_non_compute_apart(folder: Path) -> None:
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert md.index('id="claim"') < md.index('id="glance"') < md.index('id="topic-tensors"')
    assert md.index('id="topic-strict"') < md.index('id="strict-code"')
    assert md.index('id="strict-code"') < md.index('id="differences"') < md.index('id="machine"')
    assert "**Jitted JAX against eager PyTorch, dispatch-bound** (1 compute comparison" in md


def test_each_comparison_is_placed_in_a_regime_from_this_runs_counts(folder: Path) -> None:
    """The fixture's eager torch: 40 µs for 2 operations, 20 µs each, 2.9 floors (7 µs):
    dispatch-bound. Jitted JAX at 10 µs beside its 9 µs floor is marked. No mean is taken
    over comparisons a run could not place."""
    report.write(folder)
    records = _records(folder)
    jit = _one(records, case="devices.layer", variant="on_device", mode="jit")
    assert (jit["regime"], jit["near_floor"]) == ("dispatch", True)
    assert jit["floors_per_op"] == pytest.approx(40 / 2 / 7)
    assert (
        jit["ops_per_call"],
        _one(records, case="devices.layer", variant="on_device", mode="eager")["ops_per_call"],
    ) == (1, 2)
    md = (folder / results.REPORT_MD).read_text()
    assert "| dispatch-bound (2.9) |" in md and "4× [4–4×] ‡" in md
    assert "In 1 of them the faster side runs within 2× of its own floor" in md
    assert "**At the lesson's own sizes**" not in md  # the fixture runs at `test`
    bench = folder / results.BENCH
    lines = [json.loads(x) for x in bench.read_text().splitlines()]
    bench.write_text("".join(json.dumps({**r, "ops_per_call": None}) + "\n" for r in lines))
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert "**Jitted JAX against eager PyTorch, not placed in a regime** (1 compute" in md
    assert "geometric mean" not in md.split("### The split")[0].split("not placed in a regime")[1]


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


def _declarations(css: str, selector: str) -> dict[str, str]:
    """The declarations of the CSS rule for exactly ``selector``."""
    (body,) = re.findall(rf"(?:^|}}|\n){re.escape(selector)}{{([^}}]*)}}", css)
    pairs = (d.split(":", 1) for d in body.replace("\n", "").split(";") if d.strip())
    return {k.strip(): v.strip() for k, v in pairs}


@pytest.mark.parametrize("grid", [".code2", ".panels"])
def test_two_columns_never_grow_past_half_the_page(grid: str) -> None:
    """A grid column's default minimum is its widest content: a long code line would push the
    JAX column off the page. Each column's minimum is 0, and the code wraps inside it."""
    rule = _declarations(document.CSS, grid)
    assert rule["display"] == "grid"
    assert rule["grid-template-columns"] == "minmax(0,1fr) minmax(0,1fr)"
    pre = _declarations(document.CSS, ".code2 pre")
    assert pre["white-space"] == "pre-wrap" and pre["overflow-x"] == "auto"
    assert "overflow-x:auto" in document.CSS.split(".table{", 1)[1].split("}", 1)[0]


def test_each_code_pair_has_its_differs_line_above_it(folder: Path) -> None:
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    md = (folder / results.REPORT_MD).read_text()
    pairs = re.findall(
        r'<p class="differs">(.*?)</p><details><summary>The code, side by side</summary>'
        r"<div class='code2'>",
        page,
    )
    assert page.count("<div class='code2'>") == len(pairs) == len(cases.CASES)
    for case, line in zip(cases.CASES.values(), pairs, strict=True):
        assert unescape(_untagged(line)) == f"What differs: {case.differs}", case.id
        assert (
            f"**What differs:** {case.differs}\n\n<details><summary>The code, side by side" in md
        ), case.id


def _untagged(html_text: str) -> str:
    """Markup without its inline tags (``<code>``, ``<strong>``)."""
    return re.sub(r"<[^>]+>", "", html_text)


def test_code_shown_is_the_sources_and_copies_as_is(folder: Path) -> None:
    """Each line is its own block for the hanging indent; the text is the code, unchanged."""
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    case = cases.get("autograd.custom_function")
    section = page[page.index('<h3 id="autograd-custom_function"') :]
    shown = re.findall(r"<pre>(.*?)</pre>", section, flags=re.S)[:2]
    for framework, pre in zip(("torch", "jax"), shown, strict=True):
        assert unescape(_untagged(pre)).rstrip("\n") == sources.source(framework, case)
    assert '<span style="--i:4">    return x**2\n</span>' in shown[1]


def test_expand_all_control(folder: Path) -> None:
    report.write(folder)
    page = (folder / results.REPORT_HTML).read_text()
    control = page[page.index('<div class="expand">') :]
    control = control[: control.index("</div>")]
    assert 'onclick="expandAll(true)">Expand all</button>' in control
    assert 'onclick="expandAll(false)">Collapse all</button>' in control
    assert "function expandAll(open)" in control
    assert page.index('<div class="expand">') < page.index("<details>")
    assert _declarations(document.CSS, ".expand")["position"] == "sticky"
    # Markdown viewers run no script: no buttons there
    assert "expandAll" not in (folder / results.REPORT_MD).read_text()


def test_a_long_chart_title_wraps_and_moves_the_chart_down() -> None:
    bars = [("case · variant", [("JAX jit", 2.0, "#000", None)])]
    short = plots.hbars(bars, "Short title")
    long = plots.hbars(bars, "A title much longer than the chart is wide " * 4)
    assert short.count("font-weight") == 1 and long.count("font-weight") == 2
    height = re.compile(r'height="([\d.]+)"')
    assert float(height.search(long)[1]) == float(height.search(short)[1]) + 16
    assert '<g transform="translate(0 16)">' in long
    ET.fromstring(long)  # well-formed
