"""The machine's matmul peak, measured in the same run: the yardstick for matmul-bound cases.

A float32 n×n matmul in NumPy (CPU), torch and jitted JAX, on each device; the report takes the
best of them per device as the machine's peak and states every matmul-bound case as a share.
"""

from __future__ import annotations

import numpy as np
import pytest

from bench.harness import record
from shared import backends
from tests.targets import load_on, target_id

TARGETS = [("numpy", "cpu")] + [
    (b, d) for b in backends.backend_names() for d in backends.device_names()
]


@pytest.mark.parametrize(("framework", "device"), TARGETS, ids=[target_id(*t) for t in TARGETS])
def test_matmul_peak(benchmark, framework: str, device: str, request) -> None:
    size = (request.config.getoption("bench_size") or ["test"])[0]
    n = 64 if size == "test" else 1000 if device == "cpu" else 8192
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((n, n), dtype=np.float32) for _ in range(2))
    if framework == "numpy":
        fn, args = np.matmul, (a, b)
    else:
        backend = load_on(framework, device)
        args = (backend.asarray(a, device), backend.asarray(b, device))
        mode = "jit" if framework == "jax" else "eager"
        matmul, _ = backend.prepare(lambda x, y: x @ y, mode, args)

        def fn(x, y):
            return backend.sync(matmul(x, y))

    fn(*args)
    benchmark.group = f"machine.matmul_peak [{device}]"
    benchmark.extra_info.update(
        {
            "case_id": "machine.matmul_peak",
            "variant": "matmul",
            "size": size,
            "backend": framework,
            "framework": framework,
            "device": device,
            "mode": "jit" if framework == "jax" else "eager",
            "flops": 2.0 * n**3,
            "compile_s": 0.0,
        }
    )
    benchmark(fn, *args)
    record(request.config, benchmark)
