"""The ``jaxparity`` command: error paths as one line and an exit status, and small real runs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from jaxparity import artifacts, results
from jaxparity import bench_plan as bench
from jaxparity.cli import main
from shared import backends, cases, parity


def _error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err  # one line, no traceback
    return captured.err


def test_unknown_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, ["check", "--case", "tensors.basic_op", "--out", str(tmp_path)])
    assert "unknown case 'tensors.basic_op' (did you mean 'tensors.basic_ops'?)" in err
    assert not (tmp_path / results.CHECK).exists()  # nothing ran


def test_unknown_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, ["run", "--topic", "tensor", "--out", str(tmp_path)])
    assert "unknown topic 'tensor' (did you mean 'tensors'?)" in err


def test_unknown_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, ["bench", "--modes", "jit,turbo", "--out", str(tmp_path)])
    assert "unknown mode 'turbo'" in err


def test_show_unknown_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert "unknown case 'layer'" in _error(capsys, ["show", "layer"])


def test_bad_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, ["check", "--size", "huge"])
    assert "invalid choice: 'huge'" in err


@pytest.mark.parametrize("passes", ["0", "two", "-1"])
def test_bad_passes(passes: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert "expected a whole number ≥ 1" in _error(capsys, ["bench", "--passes", passes])


def _has_gpu() -> bool:
    found, _ = backends.available()
    return any("gpu" in b.devices() for b in found)


@pytest.mark.skipif(_has_gpu(), reason="this machine has a GPU")
@pytest.mark.parametrize("command", ["check", "bench", "run"])
def test_gpu_without_gpu(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, [command, "--device", "gpu", "--out", str(tmp_path)])
    assert "no GPU visible to torch or JAX" in err


def test_check_one_case_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "--case", "tensors.basic_ops", "--device", "cpu", "--out", str(tmp_path)])
        == 0
    )
    out = capsys.readouterr().out
    assert "tensors.basic_ops" in out and "every checked case agrees" in out
    lines = [json.loads(x) for x in (tmp_path / results.CHECK).read_text().splitlines()]
    assert [(r["kind"], r.get("framework"), r["status"]) for r in lines] == [
        ("check", "torch", "pass"),
        ("check", "jax", "pass"),
        ("between", None, "pass"),
    ]
    assert all(c["ok"] for r in lines for c in r["checks"])
    # The report builds from the check alone; the benchmarks are simply not run.
    assert main(["report", "--out", str(tmp_path)]) == 0
    assert (tmp_path / results.REPORT_HTML).exists()


EXPLAINED = ["--case", "autograd.graph_view", "--case", "autograd.backward_inputs"]


def test_check_collects_artifacts_for_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", *EXPLAINED, "--device", "cpu", "--out", str(tmp_path)]) == 0
    assert "artifacts: 4 of 4" in capsys.readouterr().out
    lines = [json.loads(x) for x in (tmp_path / results.ARTIFACTS).read_text().splitlines()]
    assert [(r["kind"], r["framework"], r["size"], r["status"]) for r in lines] == [
        ("graph", "torch", "lesson", "pass"),
        ("graph", "jax", "lesson", "pass"),
        ("matmul_counts", "torch", "test", "pass"),
        ("matmul_counts", "jax", "test", "pass"),
    ]
    svg = shutil.which("dot") is not None
    torch_files, jax_files = (sorted(r["files"]) for r in lines[:2])
    assert torch_files == sorted(
        f"graphs/autograd.graph_view.torch.{x}" for x in ("dot", "tape.txt", "svg")[: 2 + svg]
    )
    assert jax_files == sorted(
        f"graphs/autograd.graph_view.jax.{x}" for x in ("dot", "jaxpr.txt", "svg")[: 2 + svg]
    )
    assert all((tmp_path / f).is_file() for f in torch_files + jax_files)
    # eager torch runs every A @ B of the loop; XLA computes it once; b needs no product
    torch_counts, jax_counts = lines[2]["counts"], lines[3]["counts"]
    assert (torch_counts["forward"], jax_counts["forward"]) == (4, 1)
    assert torch_counts["b"] == jax_counts["b"] == 0

    assert main(["report", "--out", str(tmp_path)]) == 0
    page = (tmp_path / results.REPORT_HTML).read_text()
    graphs = page[
        page.index('id="autograd-graph_view"') : page.index('id="autograd-unsupported_op"')
    ]
    panels = graphs[graphs.index('<div class="panels">') :]
    assert panels.count("<svg") == (2 if svg else 0) and "The jaxpr as text" in graphs
    counts = page[page.index('id="autograd-backward_inputs"') :]
    assert "Matrix products computed" in counts and "XLA sees one product repeated" in counts


def test_a_failing_artifact_is_a_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> dict:
        raise RuntimeError("Graphviz crashed\nsecond line")

    monkeypatch.setitem(artifacts.HOOKS, "autograd.graph_view", ("graph", broken, False))
    argv = ["check", "--case", "autograd.graph_view", "--device", "cpu", "--out", str(tmp_path)]
    assert main(argv) == 0  # parity decides the exit status, not an explanation's files
    assert "failed: raised RuntimeError: Graphviz crashed" in capsys.readouterr().out
    lines = [json.loads(x) for x in (tmp_path / results.ARTIFACTS).read_text().splitlines()]
    assert {(r["status"], r["reason"]) for r in lines} == {
        ("fail", "raised RuntimeError: Graphviz crashed")
    }
    main(["report", "--out", str(tmp_path)])
    assert "torch: no graph — `raised RuntimeError" in (tmp_path / results.REPORT_MD).read_text()


def test_check_draws_torchs_graph_without_torchviz(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The GPU machine has no torchviz: the check passes and torch_impl/tape_dot.py's walk
    draws the graph files, saying so in the check's observations."""
    monkeypatch.setitem(sys.modules, "torchviz", None)  # makes ``import torchviz`` raise
    argv = ["check", "--case", "autograd.graph_view", "--device", "cpu", "--out", str(tmp_path)]
    assert main(argv) == 0
    assert "artifacts: 2 of 2" in capsys.readouterr().out
    checks = [json.loads(x) for x in (tmp_path / results.CHECK).read_text().splitlines()]
    assert [(r["kind"], r.get("framework"), r["status"]) for r in checks] == [
        ("check", "torch", "pass"),
        ("check", "jax", "pass"),
        ("between", None, "pass"),
    ]
    assert checks[0]["observations"]["drawn_by"] == "jaxparity"
    lines = [json.loads(x) for x in (tmp_path / results.ARTIFACTS).read_text().splitlines()]
    assert [(r["framework"], r["status"]) for r in lines] == [("torch", "pass"), ("jax", "pass")]
    dot = (tmp_path / results.GRAPHS / "autograd.graph_view.torch.dot").read_text()
    assert dot.startswith("digraph {") and "MvBackward0" in dot and "Weight" in dot


def test_artifact_sizes_follow_the_bench_plan() -> None:
    case = cases.get("autograd.backward_inputs")
    plan = {
        "targets": [
            {"case_id": "autograd.backward_inputs", "size": "cpu"},
            {"case_id": "autograd.backward_inputs", "size": "cpu"},
            {"case_id": "devices.layer", "size": "lesson"},
        ]
    }
    n_backends = len(backends.backend_names())
    assert artifacts.planned([case], ["cpu"], plan) == 2 * n_backends  # test and cpu
    assert artifacts.planned([case], ["cpu"], None) == n_backends  # check: test only


def test_check_fails_on_a_disagreement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parity, "_behaviour_mismatches", lambda run: {"shared": (True, False)})
    argv = ["check", "--case", "tensors.basic_ops", "--device", "cpu", "--out", str(tmp_path)]
    assert main(argv) == 1
    out = capsys.readouterr().out
    assert "fail" in out and "shared (torch): expected True, observed False" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "tensors.inplace"]) == 0
    out = capsys.readouterr().out
    assert out.count("def inplace(") == 2  # torch and JAX, side by side
    assert "result_in_input_buffer" in out and "a.at[1].add(a[2])" in out


@pytest.mark.slow
def test_bench_one_tiny_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One real benchmark run: pytest-benchmark in two subprocesses (passes), each timing the
    comparison group in paired blocks; results saved, report built from both."""
    argv = ["bench", "--size", "test", "--case", "devices.layer", "--device", "cpu"]
    assert main([*argv, "--modes", "eager,jit", "--passes", "2", "--out", str(tmp_path)]) == 0
    timed = [json.loads(x) for x in (tmp_path / results.BENCH).read_text().splitlines()]
    cases_timed = [r for r in timed if r["case_id"] == "devices.layer"]
    # 2 variants × (torch eager, JAX jit, JAX op by op) × 2 blocks × 2 passes
    assert len(cases_timed) == 24
    assert {(r["pass"], r["block"]) for r in cases_timed} == {(1, 1), (1, 2), (2, 1), (2, 2)}
    assert {(r["framework"], r["mode"]) for r in cases_timed} == {
        ("torch", "eager"),
        ("jax", "jit"),
        ("jax", "eager"),
    }
    machine = {(r["case_id"], r["framework"], r["mode"]) for r in timed} - {
        ("devices.layer", f, m) for f, m in [("torch", "eager"), ("jax", "jit"), ("jax", "eager")]
    }
    assert machine == {
        ("machine.matmul_peak", "numpy", "eager"),
        ("machine.matmul_peak", "torch", "eager"),
        ("machine.matmul_peak", "jax", "jit"),
        ("machine.matmul_peak", "jax", "eager"),
        ("machine.dispatch", "torch", "eager"),
        ("machine.dispatch", "jax", "jit"),
        ("machine.dispatch", "jax", "eager"),
    }
    run_ids = {r["run_id"] for r in timed}
    assert len(run_ids) == 1 and None not in run_ids
    saved = json.loads((tmp_path / results.BENCHMARK_JSON).read_text())
    assert len(saved["benchmarks"]) == len(timed)  # both passes in one pytest-benchmark file
    assert all("data" not in b["stats"] for b in saved["benchmarks"])
    assert not list(tmp_path.glob(f"{results.BENCHMARK_JSON}.*"))  # per-pass files merged
    main(["report", "--out", str(tmp_path)])
    records = json.loads((tmp_path / results.SUMMARY).read_text())["records"]
    jit = [r for r in records if r["case"] == "devices.layer" and r["mode"] == "jit"]
    assert len(jit) == 2 and all(r["speedup_vs_torch_eager"] > 0 for r in jit)
    assert all(r["pairs"] == 4 and r["speedup_low"] <= r["speedup_high"] for r in jit)
    assert all(r["compile_factor"] > 0 and r["verdict"] for r in jit)
    assert all(r["passes"] == 2 and r["pass_spread"] is not None for r in jit)
    compiled = [r for r in records if r["mode"] == "compile"]
    assert compiled and all("not in --modes" in r["reason"] for r in compiled)


def test_bench_plan_takes_devices_from_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """JAXPARITY_DEVICES (as the GPU script sets it for its tests) must not empty a CPU plan."""
    monkeypatch.setenv("JAXPARITY_DEVICES", "gpu")
    plan = bench.make_plan(cases.select(["devices.layer"]), ["cpu"], "test", None)
    assert plan["targets"] and {t["device"] for t in plan["targets"]} == {"cpu"}


@pytest.mark.parametrize(
    ("argv", "why"),
    [
        (["--case", "tensors.basic_ops"], "tensors.basic_ops is not timed"),
        (
            ["--case", "devices.layer", "--modes", "nnx_jit", "--size", "test"],
            "left out",
        ),
    ],
)
def test_bench_with_nothing_to_time_is_a_usage_error(
    argv: list[str], why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["bench", *argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "nothing to time" in err and why in err
    assert not out.exists()  # refused before anything was written
