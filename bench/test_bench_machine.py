"""The machine's floor and ceiling (``jaxparity/bench_machine.py``), measured in the same run as
the cases, for each row of the plan's ``machine``.

* **Ceiling** (``machine.matmul_peak``): a float32 n×n matmul in NumPy (CPU), eager torch,
  jitted JAX and JAX op by op, on each device. Each library's rate is its BLAS or XLA kernel,
  not compilation: the report shows every one beside the best, and states every matmul-bound
  case as a share of the best.
* **Floor** (``machine.dispatch``): the cost of one dispatched call that does almost nothing —
  one tiny eager torch op, an empty ``jax.jit`` function, one tiny JAX op by op. A small
  case's time near this floor is dispatch overhead, not arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from bench import plan
from bench.harness import record
from bench.targets import load_on
from jaxparity.bench_machine import FLOOR, machine_id
from jaxparity.summary import DISPATCH_CASE, PEAK_CASE
from shared.run_modes import JAX_JIT

FIXTURES = {"library": PEAK_CASE, "floor": DISPATCH_CASE}
"""Each test's parameter and the plan rows it takes (by their case id)."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    for name, case_id in FIXTURES.items():
        if name in metafunc.fixturenames:
            rows = [
                (r["framework"], r["device"], r["mode"], r["size"])
                for r in plan.of(metafunc.config)["machine"]
                if r["case_id"] == case_id
            ]
            metafunc.parametrize(name, rows, ids=[machine_id(*r[:3]) for r in rows])


def _time(benchmark: Any, request: pytest.FixtureRequest, fn: Callable, info: dict) -> None:
    fn()
    benchmark.extra_info.update({"compile_s": 0.0, "backend": info["framework"], **info})
    benchmark(fn)
    record(request.config, benchmark)


def test_matmul_peak(benchmark, library: tuple[str, str, str, str], request) -> None:
    framework, device, mode, size = library
    n = 64 if size == "test" else 1000 if device == "cpu" else 8192
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((n, n), dtype=np.float32) for _ in range(2))
    if framework == "numpy":
        fn: Callable = lambda: a @ b  # noqa: E731
    else:
        backend = load_on(framework, device)
        args = (backend.asarray(a, device), backend.asarray(b, device))
        matmul, _ = backend.prepare(lambda x, y: x @ y, mode, args)

        def fn() -> Any:
            return backend.sync(matmul(*args))

    benchmark.group = f"{PEAK_CASE} [{device}]"
    info = {"case_id": PEAK_CASE, "variant": "matmul", "size": size, "flops": 2.0 * n**3}
    _time(benchmark, request, fn, {**info, "framework": framework, "device": device, "mode": mode})


def test_dispatch(benchmark, floor: tuple[str, str, str, str], request) -> None:
    framework, device, mode, size = floor
    backend = load_on(framework, device)
    x = backend.asarray(np.ones(1, np.float32), device)
    work = (lambda x: x) if (framework, mode) == JAX_JIT.key else (lambda x: x + 1)
    call, _ = backend.prepare(work, mode, (x,))

    def fn() -> Any:
        return backend.sync(call(x))

    benchmark.group = f"{DISPATCH_CASE} [{device}]"
    info = {"case_id": DISPATCH_CASE, "variant": "call", "size": size, "flops": None}
    info["variant_doc"] = FLOOR[framework, mode]
    _time(benchmark, request, fn, {**info, "framework": framework, "device": device, "mode": mode})
