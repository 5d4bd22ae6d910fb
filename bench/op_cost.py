"""What one eager torch operation costs to dispatch, in floors: ``python -m bench.op_cost``.

The measurement behind ``jaxparity.regimes.DISPATCH_FLOORS``. On one-element inputs a kernel
costs nothing, so a call's time divided by the operations it dispatches (counted as the
benchmarks count them, ``bench/op_counts.py``) is dispatch alone. Three ways an operation is
dispatched in the lesson's code — plain, under autograd (forward and backward) and under
torch.func's ``vmap(grad(…))`` — each against the floor (``x + 1`` on one element, as
``machine.dispatch`` times it). Run it on a quiet machine: it prints floors per operation.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench import op_counts

CHAIN = 50
"""Multiply-adds per chain: 100 operations forward, enough to drown the call's own cost."""


def _seconds(call: Callable[[], Any], calls: int) -> float:
    """The fastest of 7 repetitions of ``calls`` calls, per call (after a warm-up)."""
    for _ in range(calls // 10):
        call()
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def measure() -> dict[str, float]:
    """Floors per dispatched operation: plain, under autograd, under ``vmap(grad)``."""
    import torch
    from torch.func import grad, vmap

    def chain(x: torch.Tensor) -> torch.Tensor:
        for _ in range(CHAIN):
            x = x * 1.0001 + 0.5
        return x

    def backward(x: torch.Tensor) -> torch.Tensor:
        leaf = x.detach().requires_grad_()
        chain(leaf).sum().backward()
        return leaf.grad

    one = torch.ones(1)
    floor = _seconds(lambda: one + 1, 5000)
    ways: dict[str, tuple[Callable, torch.Tensor]] = {
        "plain": (chain, one),
        "autograd (forward and backward)": (backward, one),
        "vmap(grad)": (vmap(grad(lambda x: chain(x).sum())), torch.ones(1, 1)),
    }
    found = {}
    for name, (fn, x) in ways.items():
        ops = op_counts.per_call("torch", "eager", fn, (x,))
        assert ops, name
        found[name] = _seconds(lambda fn=fn, x=x: fn(x), 200) / ops / floor
    return found


if __name__ == "__main__":
    for name, floors in measure().items():
        print(f"{name}: {floors:.2f} floors per operation")
