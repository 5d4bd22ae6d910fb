"""The report builder's records and the page's structure, from small saved results
(tests/data/results): nothing is re-run. Beside this file: a case's section and its explainers
(``test_report_cases.py``), the page's columns, controls and charts (``test_report_page.py``),
results it cannot read (``test_report_bad_results.py``) and ``jaxparity compare``
(``test_compare.py``), all from the same fixture.

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
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from jaxparity import document, report, results, summary
from jaxparity.cli import main
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
