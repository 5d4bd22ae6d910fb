"""The lesson's ``.item()`` leak measured: device memory kept per stored loss (modes.item_leak).

Not a timing: each row runs the case once and records, besides the harness's keys, the bytes
kept per stored loss for its variant (``stored``: the framework's loss; ``item``: a Python
float), the total kept after all steps, the batch's size and how memory was seen
(``memory_probe``: the allocator on a GPU; on the CPU the storages autograd saved in torch and
the live arrays in JAX). There is no ``peak_bytes``: JAX cannot reset its peak counter and the
CPU has no allocator statistics, so the growth is the honest number for both. Rows are
harness targets, so their ids carry the case id as the timed benchmarks' do.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest

from bench import plan
from bench.harness import record
from bench.targets import load_on
from jaxparity.bench_targets import Target
from shared import backends, cases, data, parity, run_modes

CASE = cases.get("modes.item_leak")
VARIANTS = {
    "stored": "store the loss itself (torch: with its graph)",
    "item": "store loss.item() / float(loss)",
}
# JAX's loss is a jitted function, torch's is eager.
MODES = {"torch": run_modes.TORCH_EAGER.name, "jax": run_modes.JAX_JIT.name}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One row per size × framework × device × variant of the plan (``bench/plan.py``): the
    sizes its ``--size`` gives this case's data."""
    if "memory_target" not in metafunc.fixturenames:
        return
    found_plan = plan.of(metafunc.config)
    found = [
        Target(CASE.id, variant, size, framework, device, MODES[framework])
        for size in plan.case_sizes(found_plan, CASE.id)
        for framework in backends.backend_names()
        for device in found_plan["devices"]
        for variant in VARIANTS
    ]
    metafunc.parametrize("memory_target", found, ids=[t.id for t in found])


def test_item_leak_memory(benchmark, memory_target: Target, request) -> None:
    target = memory_target
    backend = load_on(target.backend, target.device)
    if target.device == "cpu" and target.size == "lesson":
        pytest.skip("the lesson's 50 stored 400 MB batches would keep 20 GB of host memory")
    runs: list[parity.CaseRun] = []
    benchmark.pedantic(
        lambda: runs.append(parity.run(backend, CASE.id, target.device, target.size)[0]),
        rounds=1,
        iterations=1,
    )
    (result,) = runs
    per_loss = result.observations[f"{target.variant}_bytes_per_loss"]
    inputs = data.inputs(CASE.id, target.size)
    benchmark.group = f"{CASE.id} [{target.size}]"
    benchmark.extra_info.update(
        {
            **asdict(target),
            "framework": target.backend,
            "compile_s": 0.0,
            "flops": None,
            "variant_doc": VARIANTS[target.variant],
            "bytes_per_stored_loss": per_loss,
            "kept_bytes": per_loss * inputs["steps"],
            "batch_bytes": inputs["x"].nbytes,
            "steps": inputs["steps"],
            "memory_probe": result.observations["probe"],
        }
    )
    record(request.config, benchmark)
