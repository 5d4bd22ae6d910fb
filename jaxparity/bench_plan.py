"""The benchmark plan: which case × variant × size × framework × device × mode a run times.

One function, :func:`make_plan`, turns a selection of cases, devices, a ``--size`` name
(``selection.bench_sizes`` resolves it per case), ``--modes`` and ``--passes`` into the plan,
with every benchmark left out and why. ``jaxparity`` saves it in ``plan.json`` before anything
runs (so the report knows what is missing when a run is cut short) and hands it, pass by pass,
to the pytest child as a file (``bench_run.py``); ``pytest bench/`` run by hand without a plan
builds its own through the same function (:func:`for_pytest`). The pytest harness in ``bench/``
only reads the plan: ``jaxparity`` never imports ``bench/``, it names its files by path.
"""

from __future__ import annotations

import ast
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jaxparity import bench, bench_targets, selection
from jaxparity.bench_machine import FLOOR, LIBRARIES, machine_id
from jaxparity.errors import CliError
from jaxparity.outdir import ROOT
from shared import backends, cases
from shared.cases import Case

CASES_FILE = "bench/test_bench_cases.py"
MACHINE_FILE = "bench/test_bench_machine.py"


def repo() -> Path:
    """The repository root, where ``bench/`` is: it is not part of the installed package."""
    if not (ROOT / CASES_FILE).is_file():
        raise CliError(f"{ROOT / 'bench'} not found: benchmarks run from a clone of the repository")
    return ROOT


def make_plan(
    case_list: list[Case],
    devices: list[str],
    size: str,
    modes: list[str] | None,
    passes: int | None = None,
) -> dict[str, Any]:
    """Every benchmark to run (with its pytest node id) and every one left out, with why.

    The run's id is added when the plan is saved (``outdir.claim``)."""
    repo()
    timed = [c for c in case_list if c.bench is not None]
    chosen = {c.id: selection.bench_sizes(c, size) for c in timed}
    sizes = list(dict.fromkeys(s for c in timed for s in chosen[c.id]))
    targets, excluded = [], []
    for t in bench_targets.targets(timed, devices, size):
        row = {**asdict(t), "framework": t.backend}
        why = selection.mode_excluded(t.backend, t.mode, t.size, chosen[t.case_id], size, modes)
        if why:
            excluded.append({**row, "reason": why})
        else:
            targets.append({**row, "nodeid": f"{CASES_FILE}::test_case[{t.id}]"})
    excluded += _left_out(timed, chosen, devices)
    selected = {c.id for c in case_list}
    modules = [m for m in case_modules() if m["case_id"] in selected and targets]
    no_sizes = [
        {"case_id": c.id, "reason": f"no {size} size declared for this case"}
        for c in timed
        if not chosen[c.id]
    ]
    return {
        "cases": [c.id for c in case_list],
        "size": size,
        "sizes": sizes,
        "devices": devices,
        "modes": modes or "all",
        "blocks": bench.BLOCKS[size],
        "block_s": bench.BLOCK_S[size],
        "passes": passes or bench.PASSES[size],
        "targets": targets,
        "machine": _machine_rows(devices, sizes[0]) if targets else [],
        "modules": modules,
        "excluded": excluded,
        "no_sizes": no_sizes,
        "started": time.time(),
    }


def for_pytest(size: str, devices: list[str]) -> dict[str, Any]:
    """The plan of ``pytest bench/`` run without ``--bench-plan`` (the test suite, or a timing
    by hand): every case at ``size``, every mode — an untimed run skips what it cannot afford
    (``harness.untimed_skip``) — in :data:`bench.PYTEST_BLOCKS` block of
    :data:`bench.PYTEST_BLOCK_S` seconds, one pass."""
    plan = make_plan(cases.select(None), devices, size, selection.all_modes(), passes=1)
    return {**plan, "blocks": bench.PYTEST_BLOCKS, "block_s": bench.PYTEST_BLOCK_S}


def nothing_to_time(case_list: list[Case], plan: dict[str, Any]) -> str:
    """Why a plan has no benchmark, in one line: untimed cases, or every one left out."""
    untimed = [c.id for c in case_list if c.bench is None]
    if len(untimed) == len(case_list):
        shown = ", ".join(untimed[:4]) + (" …" if len(untimed) > 4 else "")
        return (
            f"nothing to time: {shown} {'is' if len(untimed) == 1 else 'are'} not timed, only "
            "checked (`jaxparity list cases` marks the timed cases)"
        )
    reasons = sorted(
        {r["reason"] for r in plan["excluded"]} | {r["reason"] for r in plan["no_sizes"]}
    )
    return (
        "nothing to time: every benchmark of the selection is left out ("
        + "; ".join(reasons[:3])
        + ")"
    )


def _machine_rows(devices: list[str], size: str) -> list[dict[str, Any]]:
    """The floor and ceiling benchmarks (``bench_machine.py``) of every framework present on
    every device, NumPy on the CPU; the harness sizes the matmul by ``size``, the run's first."""
    present = backends.backend_names()
    rows = [("numpy", "cpu", m) for f, m in LIBRARIES if f == "numpy" and "cpu" in devices]
    rows += [(f, d, m) for f, m in LIBRARIES if f in present for d in devices]
    floor = [(f, d, m) for f, m in FLOOR if f in present for d in devices]
    return [
        _machine_row(test, variant, f, d, m, size)
        for test, variant, found in (("matmul_peak", "matmul", rows), ("dispatch", "call", floor))
        for f, d, m in found
    ]


def _machine_row(
    test: str, variant: str, framework: str, device: str, mode: str, size: str
) -> dict[str, Any]:
    return {
        "case_id": f"machine.{test}",
        "variant": variant,
        "size": size,
        "framework": framework,
        "device": device,
        "mode": mode,
        "nodeid": f"{MACHINE_FILE}::test_{test}[{machine_id(framework, device, mode)}]",
    }


def _left_out(
    timed: list[Case], chosen: dict[str, list[str]], devices: list[str]
) -> list[dict[str, Any]]:
    """The modes a case does not time, each with the case's reason (``Bench.left_out``)."""
    rows = []
    for case in timed:
        assert case.bench is not None
        for key, reason in case.bench.left_out.items():
            framework, mode = key.split("/")
            rows += [
                {
                    "case_id": case.id,
                    "variant": variant,
                    "size": s,
                    "backend": framework,
                    "framework": framework,
                    "device": d,
                    "mode": mode,
                    "reason": reason,
                }
                for variant in case.bench.variants
                for s in chosen[case.id]
                for d in devices
            ]
    return rows


def case_modules() -> list[dict[str, str]]:
    """Other bench modules that measure one case (e.g. memory), each naming it at module
    level as ``CASE = cases.get("<case id>")``: read from the file, not imported (they are
    pytest modules). They run whole, at the case's sizes for the plan's ``--size``; their
    results join the case's."""
    found = []
    for path in sorted((ROOT / "bench").glob("test_*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in (CASES_FILE, MACHINE_FILE):
            continue
        if case_id := _declared_case(path.read_text(), rel):
            found.append({"file": rel, "case_id": case_id})
    return found


def _declared_case(source: str, name: str) -> str | None:
    """The case id of the module-level ``CASE = cases.get("<id>")`` in ``source`` (the file
    ``name``), ``None`` without a ``CASE``; any other ``CASE`` is an error: that module would
    be left out of every run unseen."""
    for node in ast.parse(source, name).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, call = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, call = node.target, node.value
        else:
            continue
        if not (isinstance(target, ast.Name) and target.id == "CASE"):
            continue
        if (
            isinstance(call, ast.Call)
            and ast.unparse(call.func) in ("cases.get", "get")
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)
        ):
            return cases.get(call.args[0].value).id  # an unknown id fails here, naming it
        raise CliError(
            f'{name}: CASE must be cases.get("<case id>") with the id '
            f"written out, for jaxparity to plan it without importing it; found {ast.unparse(call)}"
        )
    return None
