"""One way through the benchmark plan: one size resolver (``selection.bench_sizes``), the plan
built by one function (``jaxparity/bench_plan.py``) for ``jaxparity`` and a plain
``pytest bench/`` alike, and handed to the pytest child as its one source of what to time."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bench import plan as child_plan
from jaxparity import bench_plan, bench_run, selection
from jaxparity.bench_resume import PassWork
from jaxparity.errors import CliError
from shared import cases

ROOT = Path(__file__).resolve().parent.parent


def _config(**options: Any) -> SimpleNamespace:
    """What ``bench/plan.py`` asks of pytest's config: the options given, else their default."""
    return SimpleNamespace(getoption=lambda name, default=None: options.get(name, default))


def test_the_resolver_reads_each_size_name_per_case() -> None:
    resnet, leak = cases.get("resnet.forward"), cases.get("modes.item_leak")
    train, grads = cases.get("modules.train_step"), cases.get("autograd.backward_inputs")
    assert selection.bench_sizes(grads, "cpu") == ["cpu"]  # a cpu size where declared
    assert selection.bench_sizes(resnet, "cpu") == ["lesson"]  # else the lesson's
    assert selection.bench_sizes(grads, "lesson") == ["cpu", "lesson"]
    assert selection.bench_sizes(resnet, "test") == ["test"]
    assert selection.bench_sizes(train, "sweep") == list(train.bench.sweep)
    assert selection.bench_sizes(resnet, "sweep") == ["batch8"]
    # an untimed case with a bench module (memory) resolves among its data's sizes
    assert sorted(selection.bench_sizes(leak, "cpu")) == ["lesson", "small"]
    with pytest.raises(CliError, match="unknown size 'huge'"):
        selection.bench_sizes(resnet, "huge")


def test_the_plan_times_each_case_at_its_resolved_sizes() -> None:
    timed = [cases.get(c) for c in ("resnet.forward", "autograd.backward_inputs")]
    plan = bench_plan.make_plan(timed, ["cpu"], "cpu", None)
    found = {(t["case_id"], t["size"]) for t in plan["targets"] + plan["excluded"]}
    assert found == {(c.id, s) for c in timed for s in selection.bench_sizes(c, "cpu")}
    assert plan["sizes"] == ["lesson", "cpu"]
    assert {r["size"] for r in plan["machine"]} == {"lesson"}  # the run's first size


def test_pytest_without_a_plan_builds_one_the_same_way() -> None:
    found = child_plan.of(_config(bench_size="cpu", bench_device=["cpu"]))
    made = bench_plan.make_plan(cases.select(None), ["cpu"], "cpu", selection.all_modes(), passes=1)
    assert found["targets"] == made["targets"] and found["machine"] == made["machine"]
    assert (found["blocks"], found["passes"]) == (1, 1)  # untimed: every target once


def test_the_child_reads_its_plan_file_and_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "plan-pass-1.json"
    path.write_text(json.dumps({"bench": {"size": "lesson", "devices": ["gpu"], "targets": []}}))
    assert child_plan.of(_config(bench_plan=str(path)))["devices"] == ["gpu"]
    with pytest.raises(pytest.UsageError, match="--bench-plan names its sizes and devices"):
        child_plan.of(_config(bench_plan=str(path), bench_size="test"))
    with pytest.raises(pytest.UsageError, match="valid sizes are test, cpu, lesson, sweep"):
        child_plan.of(_config(bench_size="small"))


def test_the_command_line_carries_no_size_or_device() -> None:
    plan = {"run_id": "abc", "sizes": ["lesson"], "devices": ["cpu", "gpu"]}
    work = PassWork(1, targets=[{"nodeid": "x"}])
    line = bench_run.command(plan, work, Path("out"), Path("plan.json"))
    assert "--bench-plan=plan.json" in line
    assert not [a for a in line if a.startswith(("--bench-size", "--bench-device"))]


def test_case_modules_are_found_without_importing_them() -> None:
    """What the planner reads from the files is what the modules say when imported."""
    imported = {}
    for path in sorted((ROOT / "bench").glob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel not in (bench_plan.CASES_FILE, bench_plan.MACHINE_FILE):
            case = getattr(importlib.import_module(f"bench.{path.stem}"), "CASE", None)
            if case is not None:
                imported[rel] = case.id
    found = {m["file"]: m["case_id"] for m in bench_plan.case_modules()}
    assert found == imported and found


def test_a_case_module_naming_its_case_otherwise_is_refused() -> None:
    source = "from shared import cases\nCASE = cases.CASES['modes.item_leak']\n"
    with pytest.raises(CliError, match=r"bench/test_x.py: CASE must be cases.get\(\"<case id>\"\)"):
        bench_plan._declared_case(source, "bench/test_x.py")
    assert bench_plan._declared_case("CASE = cases.get('modes.item_leak')", "x") == (
        "modes.item_leak"
    )
    assert bench_plan._declared_case("def f():\n    CASE = 1\n", "x") is None


def test_bench_modules_take_sizes_and_devices_from_the_plan() -> None:
    """Only ``bench/plan.py`` reads ``--bench-size`` and ``--bench-device``: a module reading
    them would miss what ``jaxparity`` plans (the plan file carries them)."""
    option = re.compile(r"getoption\(\s*[\"']bench_(size|device)[\"']")
    readers = [p.name for p in (ROOT / "bench").glob("*.py") if option.search(p.read_text())]
    assert readers == ["plan.py"]
