"""The machine's matmul peak, measured in the same run: the yardstick for matmul-bound cases.

A float32 n×n matmul in NumPy, torch and jitted JAX; the report takes the best of the three
as the machine's BLAS peak and states every matmul-bound case as a share of it.
"""

from __future__ import annotations

import numpy as np
import pytest

from bench.harness import record
from shared.data import pick

FRAMEWORKS = ["numpy", "torch", "jax"]


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_matmul_peak(benchmark, framework: str, request: pytest.FixtureRequest) -> None:
    size = (request.config.getoption("bench_size") or ["test"])[0]
    n = pick(size, test=64, lesson=1000, cpu=1000, all=1000, sweep=1000)
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((n, n), dtype=np.float32) for _ in range(2))
    if framework == "numpy":
        fn, args = np.matmul, (a, b)
    elif framework == "torch":
        torch = pytest.importorskip("torch")
        fn, args = torch.mm, (torch.from_numpy(a), torch.from_numpy(b))
    else:
        jax = pytest.importorskip("jax")
        mm = jax.jit(lambda x, y: x @ y)
        args = (jax.device_put(a), jax.device_put(b))
        fn = lambda x, y: mm(x, y).block_until_ready()  # noqa: E731
    fn(*args)
    benchmark.group = "machine.matmul_peak"
    benchmark.extra_info.update(
        {
            "case_id": "machine.matmul_peak",
            "framework": framework,
            "device": "cpu",
            "mode": "jit" if framework == "jax" else "eager",
            "size": size,
            "variant": "matmul",
            "flops": 2.0 * n**3,
            "compile_s": 0.0,
        }
    )
    benchmark(fn, *args)
    record(request.config, benchmark)
