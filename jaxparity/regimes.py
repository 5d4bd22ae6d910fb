"""Which regime a comparison is in, measured in the same run: dispatch-bound or kernel-bound.

One mean over every comparison mixes two stories. Where a call is many small operations, each
costs about what dispatching it costs, and compilation wins by removing dispatch (one call
instead of hundreds); where it is a few large kernels, the libraries' kernels decide (the
machine's ceiling, ``machine.matmul_peak``, compares them), and compilation has little to
remove. Which story a comparison tells is read from three measurements of the same run:

* eager torch's median time per call, and the operations one call dispatches
  (``ops_per_call``, counted by ``bench/op_counts.py`` outside the timed region);
* the floor (``machine.dispatch``): one dispatched call of a tiny operation, per framework.

The rule: a comparison (case, variant, size, device) is **dispatch-bound** when eager torch
spends at most :data:`DISPATCH_FLOORS` floors per dispatched operation, else **kernel-bound**.
It is not placed (``None``) when the run lacks the count or the floor (runs made before the
counts were recorded). Every record of the comparison carries its regime, and
``floors_per_op`` (eager torch's time per operation, in floors) shows how far it is from the
line. Separately, a speed-up whose faster side runs within :data:`NEAR_FLOOR` of that side's
own floor is marked ``near_floor``: that side does almost nothing but be called, so the ratio
measures the two floors more than the work (an 11.5 µs jitted call beside a 10.2 µs floor).
"""

from __future__ import annotations

from typing import Any

from shared import run_modes
from shared.cases.training._record import TO_ACCURACY
from shared.run_modes import JAX_JIT, JAX_OP_BY_OP, TORCH_EAGER

DISPATCH = "dispatch"
KERNEL = "kernel"
REGIMES = (DISPATCH, KERNEL)
Floors = dict[tuple[str, str, str], float]
"""The run's floors (``machine.dispatch``'s medians) by device, framework and mode."""

DISPATCH_FLOORS = 4.0
"""The rule's one constant: at most this many floors per operation is dispatch-bound.

Why 4: an operation inside a real function costs more to dispatch than the floor's lone
``x + 1`` — autograd records it and the backward engine schedules its gradient, torch.func's
transforms (``vmap``, ``grad``, ``jacrev``) wrap and unwrap it once per level. On one-element
inputs, where kernels cost nothing, ``python -m bench.op_cost`` measures that cost per
operation, plain, under autograd (forward and backward) and under ``vmap(grad)``: on a loaded
2-core machine (2026-12-05, to be measured again on a quiet one) about 1, 1.5–2 and 2.5–4
floors. A call whose operations average no more than 4 floors could be dispatch alone; above
it, its kernels take time of their own. Only the ratio to the floor enters, so a slower or
faster machine moves the floor and the calls together."""
NEAR_FLOOR = 2.0
"""A speed-up is marked when its faster side runs within this factor of that side's floor:
at least half of that call is the floor itself."""


TIMED_AS_ITS = {("training.to_accuracy", TO_ACCURACY): "step"}
"""A variant timed outside the paired harness → the paired variant of the same case whose
regime it has. Training to accuracy runs in one fresh process per framework × mode, where no
operation is counted; what it repeats, step after step, is the ``step`` the harness times
beside it (same network, batch and size), so its regime is that step's: per-op dispatch at
the lesson's width, the matrix products at the wide one."""


def floor_of(found: Floors, device: str, framework: str, mode: str) -> float | None:
    """The floor a timing of ``framework`` × ``mode`` stands on: JAX compiled in any way on
    the empty jitted call's, JAX op by op on one op's, torch (``torch.compile`` too: no
    compiled floor is timed, compiling even an empty function costs seconds) on eager
    torch's one op."""
    if framework == JAX_JIT.framework:
        key = JAX_JIT.key if run_modes.compiles(framework, mode) else JAX_OP_BY_OP.key
    else:
        key = TORCH_EAGER.key
    return found.get((device, *key))


def _group(r: dict[str, Any]) -> tuple[str, str, str, str]:
    return r["case"], r["variant"], r["size"], r["device"]


def place(records: list[dict[str, Any]], found: Floors) -> None:
    """Set ``regime``, ``floors_per_op`` and ``near_floor`` on the benchmark records (those of
    the machine itself excepted), from this run's counts and its floors ``found``."""
    timed = [
        r
        for r in records
        if r["kind"] == "bench" and r["status"] == "pass" and not r["case"].startswith("machine.")
    ]
    eager = {_group(r): r for r in timed if (r["framework"], r["mode"]) == TORCH_EAGER.key}
    for r in timed:
        base = eager.get(_group(r))
        floor = floor_of(found, r["device"], *TORCH_EAGER.key)
        if base is not None and base["ops_per_call"] and floor:
            r["floors_per_op"] = base["median_s"] / base["ops_per_call"] / floor
            r["regime"] = DISPATCH if r["floors_per_op"] <= DISPATCH_FLOORS else KERNEL
        if r["speedup_vs_torch_eager"] and base is not None:
            r["near_floor"] = _near_floor(r, base, found)
    _inherit(timed, eager)


def _inherit(timed: list[dict[str, Any]], eager: dict[tuple[str, ...], dict[str, Any]]) -> None:
    """Give the variants of :data:`TIMED_AS_ITS` their paired variant's regime."""
    for r in timed:
        paired_variant = TIMED_AS_ITS.get((r["case"], r["variant"]))
        if paired_variant is None or r["regime"] is not None:
            continue
        base = eager.get((r["case"], paired_variant, r["size"], r["device"]))
        if base is not None:
            r["regime"], r["floors_per_op"] = base["regime"], base["floors_per_op"]


def _near_floor(r: dict[str, Any], base: dict[str, Any], found: Floors) -> bool | None:
    """Whether the faster of ``r`` and eager torch (``base``) runs within ``NEAR_FLOOR`` of
    its own floor; ``None`` when the run has no floor for it."""
    faster = r if r["speedup_vs_torch_eager"] >= 1 else base
    floor = floor_of(found, faster["device"], faster["framework"], faster["mode"])
    if floor is None:
        return None
    return faster["median_s"] <= NEAR_FLOOR * floor
