"""Honest timing of every timed case, written once for both frameworks.

A benchmark *target* is case × variant × size × backend × device × mode. For each:
1. the NumPy inputs are made and the backend's ``TIMED`` setup places them on the device;
2. ``Backend.prepare`` compiles (``torch.compile``, ``jax.jit`` lowered and compiled) and
   warms up, with compile seconds measured apart;
3. pytest-benchmark times ``sync(fn(*args))``: the work and the wait for it, nothing else.
Each finished result is also appended at once to a JSON-lines file (``--bench-jsonl``), so an
interrupted run keeps what it finished.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from shared import backends, cases, data
from shared.cases import Case
from tests.targets import load_on

WARMUP_CALLS = 3
"""Calls after compilation and before timing: caches, allocator pools, thread pools settle."""
WARMUP_S = 0.5
"""No further warm-up call once this long has gone (one is always made): a 2 s call needs no
three rehearsals, and every pass pays them."""


@dataclass(frozen=True)
class Target:
    case_id: str
    variant: str
    size: str
    backend: str
    device: str
    mode: str

    @property
    def id(self) -> str:
        device = "" if self.device == "cpu" else f"-{self.device}"
        return f"{self.case_id}-{self.variant}-{self.size}-{self.backend}{device}-{self.mode}"

    @property
    def group(self) -> str:
        return f"{self.case_id} [{self.size}]"


def sizes_for(case: Case, wanted: list[str]) -> list[str]:
    """Which of a case's sizes to run: ``all`` (its listed sizes), ``sweep``, or named ones."""
    assert case.bench is not None
    chosen: list[str] = []
    for w in wanted:
        if w == "all":
            chosen += case.bench.sizes
        elif w == "sweep":
            chosen += case.bench.sweep
        elif w in case.bench.sizes or w in case.bench.sweep:
            chosen.append(w)
    return list(dict.fromkeys(chosen))


def _variants(case: Case, backend_name: str) -> list[str]:
    """The variants the backend implements (all declared ones if it cannot be imported)."""
    assert case.bench is not None
    try:
        timed = getattr(backends.load(backend_name).topic(case.topic), "TIMED", {})
    except backends.BackendUnavailable:
        return list(case.bench.variants)
    return [v for v in case.bench.variants if v in timed.get(case.id, {})]


def targets(wanted_sizes: list[str], case_filter: list[str] | None = None) -> list[Target]:
    """Every target, ordered so that one framework's benchmarks all run before the other's."""
    found = [
        Target(case.id, variant, size, b, d, mode)
        for case in cases.select(case_filter, implemented_only=True)
        if case.bench is not None
        for b in backends.backend_names()
        for d in backends.device_names()
        for mode in case.bench.modes.get(b, ())
        for variant in _variants(case, b)
        for size in sizes_for(case, wanted_sizes)
    ]
    # Never alternate frameworks: each keeps its thread pool spinning for a while after work,
    # which slows the other 3–6× on this machine.
    order = backends.backend_names()
    return sorted(found, key=lambda t: (order.index(t.backend), t.device))


def run(benchmark: Any, target: Target, config: pytest.Config) -> None:
    """Time one target with pytest-benchmark (or run it once under --benchmark-disable)."""
    backend = load_on(target.backend, target.device)
    # pyproject's addopts say --benchmark-disable; --benchmark-enable overrides it.
    disabled = benchmark.disabled
    if disabled and target.mode == "compile" and not os.environ.get("JAXPARITY_BENCH_COMPILE"):
        pytest.skip(
            "torch.compile takes 11–18 s per function here; timed runs include it "
            "(set JAXPARITY_BENCH_COMPILE=1 to run it with --benchmark-disable)"
        )
    case = cases.get(target.case_id)
    inputs = data.inputs(case.id, target.size)
    setup = backend.topic(case.topic).TIMED[case.id][target.variant]
    fn, args = setup(inputs, target.device, target.mode)
    ready, compile_s = backend.prepare(fn, target.mode, args)
    if not disabled:
        warm_up(lambda: backend.sync(ready(*args)))

    assert case.bench is not None
    flops = None
    if case.bench.flops:
        flops = getattr(importlib.import_module(f"shared.data.{case.topic}"), case.bench.flops)(
            inputs
        )
    benchmark.group = target.group
    benchmark.extra_info.update(
        {
            **asdict(target),
            "framework": target.backend,
            "compile_s": compile_s,
            "flops": flops,
            "variant_doc": case.bench.variants[target.variant],
        }
    )
    benchmark(lambda: backend.sync(ready(*args)))
    record(config, benchmark)


def warm_up(call: Callable[[], Any]) -> None:
    """``WARMUP_CALLS`` calls, or fewer if they take longer than ``WARMUP_S`` together."""
    start = time.perf_counter()
    for _ in range(WARMUP_CALLS):
        call()
        if time.perf_counter() - start > WARMUP_S:
            break


def record(config: pytest.Config, benchmark: Any) -> None:
    """Append the finished benchmark to ``--bench-jsonl``, tagged with its ``--bench-pass``."""
    path = config.getoption("bench_jsonl", None)
    benchmark.extra_info["pass"] = config.getoption("bench_pass", 1)
    stats = getattr(benchmark, "stats", None)
    if not path or stats is None:
        return
    record = {
        "time": time.time(),
        **benchmark.extra_info,
        "stats": stats.as_dict(include_data=False)["stats"],
    }
    with Path(path).open("a") as f:
        f.write(json.dumps(record) + "\n")
