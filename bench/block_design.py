"""Which block design keeps torch and JAX from disturbing each other when timed in turn?

``python -m bench.block_design`` times one small compute-bound function, ``(A @ A) ** 2`` on a
500×500 float32 matrix, in eager torch and jitted JAX under several schedules, and prints each
framework's median per call. The paired benchmarks (``bench/harness.py``) use the design this
measurement favours; the report quotes the figures recorded in ``jaxparity.bench.BLOCK_DESIGN``.
Run it on a quiet machine: it takes about a minute.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import jax
import numpy as np
import torch

N = 500
SECONDS = 4.0


def _functions() -> dict[str, Callable[[], object]]:
    a = np.random.default_rng(0).standard_normal((N, N), dtype=np.float32)
    at, aj = torch.from_numpy(a.copy()), jax.device_put(a)
    square = jax.jit(lambda x: (x @ x) ** 2)
    square(aj).block_until_ready()
    return {
        "torch": lambda: (at @ at) ** 2,
        "jax": lambda: square(aj).block_until_ready(),
    }


def _time(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def schedule(block: int, warmup: int, pause_s: float) -> dict[str, float]:
    """Median seconds per call of each framework: blocks of ``block`` timed calls in turn,
    each block preceded by ``warmup`` untimed calls and a ``pause_s`` pause."""
    fns = _functions()
    times: dict[str, list[float]] = {k: [] for k in fns}
    end = time.perf_counter() + SECONDS
    turn = 0
    while time.perf_counter() < end:
        name = list(fns)[turn % 2]
        turn += 1
        if pause_s:
            time.sleep(pause_s)
        for _ in range(warmup):
            fns[name]()
        block_times = [_time(fns[name]) for _ in range(block)]
        times[name].append(statistics.median(block_times))
    return {k: statistics.median(v) for k, v in times.items()}


def alone() -> dict[str, float]:
    """Each framework on its own, one after the other: the reference."""
    fns = _functions()
    out = {}
    for name, fn in fns.items():
        for _ in range(5):
            fn()
        end = time.perf_counter() + SECONDS / 2
        t = []
        while time.perf_counter() < end:
            t.append(_time(fn))
        out[name] = statistics.median(t)
    return out


DESIGNS: dict[str, Callable[[], dict[str, float]]] = {
    "alone (all torch, then all JAX)": alone,
    "call by call": lambda: schedule(1, 0, 0.0),
    "blocks of 20, no warm-up": lambda: schedule(20, 0, 0.0),
    "blocks of 20, 3 warm-up calls": lambda: schedule(20, 3, 0.0),
    "blocks of 20, 20 ms pause, no warm-up": lambda: schedule(20, 0, 0.02),
    "blocks of 20, 20 ms pause, 3 warm-up calls": lambda: schedule(20, 3, 0.02),
}


def main() -> None:
    print(f"(A @ A) ** 2, {N}×{N} float32; median ms per call (torch eager / JAX jit)")
    for name, design in DESIGNS.items():
        m = design()
        print(f"{name:45s} {1e3 * m['torch']:7.3f} {1e3 * m['jax']:7.3f}")


if __name__ == "__main__":
    main()
