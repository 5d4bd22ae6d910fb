"""What two cases' explanations need beyond parity and timings, saved in ``artifacts.jsonl``.

``autograd.graph_view`` is explained by files a student opens side by side: torch's tape as DOT
(torchviz's drawing, or without torchviz the same drawing by ``torch_impl/tape_dot.py``; the
check's ``drawn_by`` observation says which), and JAX's jaxpr with a drawing of it (each
backend's ``write_graph``, into ``graphs/``; an SVG beside each DOT file only where Graphviz's
``dot`` is installed, the DOT text always). ``autograd.backward_inputs`` is explained by the
matrix products each side really computes per bench variant (each backend's ``matmul_counts``),
at every size the benchmarks of this run time it, and at ``test``. Both functions live in each
backend's ``autograd_artifacts.py`` (:data:`MODULE`). ``jaxparity run`` and ``check`` collect
them right after the parity checks, for the selected cases only; each result is appended as soon
as it is known, and a failure is a record with a one-line reason, as in ``check.jsonl``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from jaxparity import results
from jaxparity.errors import one_line
from shared import backends, data
from shared.cases import Case


def _graph(module: ModuleType, folder: Path, device: str, size: str) -> dict[str, Any]:
    files = module.write_graph(folder / results.GRAPHS)
    return {"files": [Path(p).relative_to(folder).as_posix() for p in files]}


def _matmul_counts(module: ModuleType, folder: Path, device: str, size: str) -> dict[str, Any]:
    inputs = data.inputs("autograd.backward_inputs", size)
    return {"counts": module.matmul_counts(inputs, device)}


Hook = Callable[[ModuleType, Path, str, str], dict[str, Any]]

MODULE = "{topic}_artifacts"
"""The backend module a hook calls: ``torch_impl/autograd_artifacts.py`` beside
``torch_impl/autograd.py`` (plumbing and measurement, kept out of the code a student reads)."""

HOOKS: dict[str, tuple[str, Hook, bool]] = {
    # case id: (record kind, what to call on the backend's artifacts module, per device × size?)
    "autograd.graph_view": ("graph", _graph, False),
    "autograd.backward_inputs": ("matmul_counts", _matmul_counts, True),
}
GRAPH_DATA = ("cpu", "lesson")
"""``write_graph`` draws the lesson's own data, on the CPU, whatever this run's devices."""


def _sizes(case: Case, plan: dict[str, Any] | None) -> list[str]:
    """``test``, then every size this run's benchmarks time the case at (the bench plan)."""
    timed = [t["size"] for t in (plan or {}).get("targets", []) if t["case_id"] == case.id]
    return list(dict.fromkeys(["test", *timed]))


def _targets(case: Case, devices: list[str], plan: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The (device, size) pairs a case's hook runs at, on each framework."""
    if not HOOKS[case.id][2]:
        return [GRAPH_DATA]
    return [(d, s) for d in devices for s in _sizes(case, plan)]


def _selected(case_list: list[Case]) -> list[Case]:
    return [c for c in case_list if c.id in HOOKS]


def planned(case_list: list[Case], devices: list[str], plan: dict[str, Any] | None) -> int:
    """How many records ``collect`` writes (for the progress bar)."""
    n = sum(len(_targets(c, devices, plan)) for c in _selected(case_list))
    return n * len(backends.backend_names())


def collect(
    folder: Path,
    case_list: list[Case],
    devices: list[str],
    plan: dict[str, Any] | None = None,
    advance: Callable[[str], None] = lambda _: None,
) -> list[dict[str, Any]]:
    """Run the hook of every selected case that has one on each framework (and device and
    size, where it depends on them), appending each record to ``artifacts.jsonl``."""
    path = folder / results.ARTIFACTS
    found, missing = backends.available()
    by_name = {b.name: b for b in found}
    records: list[dict[str, Any]] = []
    for case in _selected(case_list):
        kind, hook, _ = HOOKS[case.id]
        for name in backends.backend_names():
            backend = by_name.get(name)
            for device, size in _targets(case, devices, plan):
                advance(f"{case.id} · {name} · {device} · {size}")
                record: dict[str, Any] = {
                    "kind": kind,
                    "case": case.id,
                    "framework": name,
                    "device": device,
                    "size": size,
                    "status": "skip",
                    "reason": None,
                }
                start = time.perf_counter()
                if backend is None:
                    record["reason"] = missing[name]
                elif device not in backend.devices():
                    record["reason"] = f"no {device} visible to {name}"
                else:
                    try:
                        module = backend.topic(MODULE.format(topic=case.topic))
                        record.update(hook(module, folder, device, size))
                        record["status"] = "pass"
                    except Exception as e:  # an artifact that fails is a result, not a crash
                        record.update(status="fail", reason=one_line(e))
                record["seconds"] = time.perf_counter() - start
                records.append(record)
                results.append(path, record)
    return records


def failed(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["status"] == "fail"]
