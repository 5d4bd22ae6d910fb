"""The lesson's ``.item()`` leak measured: device memory kept per stored loss (modes.item_leak).

Not a timing: each row runs the case once and records, besides the harness's keys, the bytes
kept per stored loss for its variant (``stored``: the framework's loss; ``item``: a Python
float), the total kept after all steps, the batch's size and how memory was seen
(``memory_probe``: the allocator on a GPU; on the CPU the storages autograd saved in torch and
the live arrays in JAX). There is no ``peak_bytes``: JAX cannot reset its peak counter and the
CPU has no allocator statistics, so the growth is the honest number for both.
"""

from __future__ import annotations

import pytest

from bench.harness import record
from shared import backends, cases, data, parity
from tests.targets import load_on, target_id

CASE = cases.get("modes.item_leak")
VARIANTS = {
    "stored": "store the loss itself (torch: with its graph)",
    "item": "store loss.item() / float(loss)",
}
TARGETS = [(b, d) for b in backends.backend_names() for d in backends.device_names()]
MODES = {"torch": "eager", "jax": "jit"}  # JAX's loss is a jitted function, torch's is eager


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Sizes from ``--bench-size`` (``all``: every size the case's data has; default ``test``)."""
    if "size" not in metafunc.fixturenames:
        return
    wanted = metafunc.config.getoption("bench_size") or ["test"]
    known = data.sizes(CASE.id)
    sizes = [s for s in known if s in wanted or "all" in wanted]
    metafunc.parametrize("size", sizes)


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize(("framework", "device"), TARGETS, ids=[target_id(*t) for t in TARGETS])
def test_item_leak_memory(
    benchmark, framework: str, device: str, variant: str, size: str, request
) -> None:
    backend = load_on(framework, device)
    if device == "cpu" and size == "lesson":
        pytest.skip("the lesson's 50 stored 400 MB batches would keep 20 GB of host memory")
    runs: list[parity.Run] = []
    benchmark.pedantic(
        lambda: runs.append(parity.run(backend, CASE.id, device, size)[0]),
        rounds=1,
        iterations=1,
    )
    (result,) = runs
    per_loss = result.observations[f"{variant}_bytes_per_loss"]
    inputs = data.inputs(CASE.id, size)
    benchmark.group = f"{CASE.id} [{size}]"
    benchmark.extra_info.update(
        {
            "case_id": CASE.id,
            "variant": variant,
            "size": size,
            "backend": framework,
            "device": device,
            "mode": MODES[framework],
            "framework": framework,
            "compile_s": 0.0,
            "flops": None,
            "variant_doc": VARIANTS[variant],
            "bytes_per_stored_loss": per_loss,
            "kept_bytes": per_loss * inputs["steps"],
            "batch_bytes": inputs["x"].nbytes,
            "steps": inputs["steps"],
            "memory_probe": result.observations["probe"],
        }
    )
    record(request.config, benchmark)
