"""Peak memory of the big regression gradient, full batch vs chunks (autograd.accumulation).

Not a timing: each row runs the case's timed function once in a fresh Python (see
``bench/memory.py``) and records, besides the harness's keys, ``peak_bytes`` (what the call
needed beyond the host data, compilation excluded), ``baseline_bytes``, ``memory_probe`` (how
memory was read) and ``input_bytes`` (the host data, ``X`` above all). The variant
is named ``<variant>_memory`` so that these rows do not replace the same variant's timings.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest

from bench import harness, plan
from bench.memory import measure
from bench.targets import load_on
from jaxparity.bench_targets import Target
from shared import cases, run_modes

CASE = cases.get("autograd.accumulation")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One row per framework × device × mode × variant × size of the plan (``bench/plan.py``)."""
    if "memory_target" in metafunc.fixturenames:
        # JAX op by op holds the same arrays as its compiled step: its peak adds nothing.
        found = [
            t
            for t in plan.case_targets(plan.of(metafunc.config), CASE.id)
            if (t.backend, t.mode) != run_modes.JAX_OP_BY_OP.key
        ]
        metafunc.parametrize("memory_target", found, ids=[t.id for t in found])


def test_accumulation_peak_memory(
    benchmark, memory_target: Target, request: pytest.FixtureRequest
) -> None:
    target = memory_target
    load_on(target.backend, target.device)  # a skip with the reason if it is missing
    results: list[dict[str, Any]] = []
    benchmark.pedantic(lambda: results.append(measure(target)), rounds=1, iterations=1)
    (result,) = results
    assert CASE.bench is not None
    benchmark.group = f"{CASE.id} memory [{target.size}]"
    benchmark.extra_info.update(
        {
            **asdict(target),
            "variant": f"{target.variant}_memory",
            "framework": target.backend,
            "compile_s": None,
            "flops": None,
            "variant_doc": f"peak memory: {CASE.bench.variants[target.variant]}",
            **result,
        }
    )
    harness.record(request.config, benchmark)
