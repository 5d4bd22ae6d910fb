"""The self-check: a few of the run's own calls timed again by a second timer, to compare.

The harness (``bench/harness.py``) times every call through pytest-benchmark in paired blocks,
with both frameworks in one process. A reader checks a number with their own ``%timeit``; the
self-check does that for them: each call in :data:`CHECKED` that the run's plan timed is set
up again in a fresh process of its own, with only its framework imported, and timed by that
framework's own way of timing (``jaxparity/second_timer.py``: ``torch.utils.benchmark.Timer``
for torch, a ``block_until_ready`` loop for JAX), once per pass, right after the pass's blocks
of the call (``bench/selfcheck_hook.py``): this machine's speed moves in episodes of seconds
to tens of seconds, by up to a third on these multi-threaded calls (docs/method.md), and a
second timer minutes away from the harness's blocks compared two states of the machine, not
two timers. The report shows the harness's median ÷ the second timer's per call, and warns
where the two differ by more than :data:`WITHIN`.

This module is the list and the arithmetic: what to check for a plan, and the rows the summary
and the report show. ``selfcheck_run.py`` launches the children.
"""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass
from typing import Any

from jaxparity.bench_targets import Target

WITHIN = 0.15
"""The harness's median and the second timer's may differ by this fraction of the faster one;
beyond it the report warns (issue 26's bound)."""
MIN_RUN_S = 0.5
"""Seconds of timed calls per check and process (``blocked_autorange``'s ``min_run_time``,
the JAX loop's length). Each also pays a fresh process: Python, one framework and the case
imported, the inputs made, compilation. Counted on the shared 2-core machine (2026-12-05, CPU
seconds, which the load hardly changes here: these children run one core): 2.3–4.0 s a
process, 19 s for :data:`CHECKED`'s six, so about 40 s with the default run's 2 passes, spent
inside the passes."""


@dataclass(frozen=True)
class Checked:
    """One call the self-check times again; ``bound``: what its time is mostly made of."""

    case_id: str
    variant: str
    size: str
    framework: str
    mode: str
    bound: str
    """``kernel``: the arithmetic (matmuls); ``dispatch``: Python and per-op dispatch."""

    def target(self, device: str) -> Target:
        return Target(self.case_id, self.variant, self.size, self.framework, device, self.mode)


CHECKED: tuple[Checked, ...] = (
    Checked("advanced.hessian", "double_backward", "large", "torch", "eager", "kernel"),
    Checked("advanced.per_sample_grads", "loop", "large", "torch", "eager", "dispatch"),
    Checked("advanced.per_sample_grads", "vmap_grad", "large", "torch", "eager", "dispatch"),
    Checked("advanced.per_sample_grads", "vmap_grad_1d", "large", "torch", "eager", "dispatch"),
    Checked("advanced.hessian", "func", "large", "jax", "jit", "kernel"),
    Checked("modules.train_step", "step", "lesson", "jax", "jit", "dispatch"),
)
"""The checked calls: the rows of issue 26 (the Hessian of ``w @ XᵀX @ w`` with X 500×200,
per-sample gradients of 256×1000 by torch's loop, ``vmap(grad)`` as the lesson writes it and
as an idiom) and a dispatch-bound JAX call (one jitted SGD step of the lesson's small
network): for each framework at least one call bound by its kernels and one by dispatch, all
of them timed by the default plan (``--size cpu``), on every device the run has. torch.compile
is not checked: a fresh process would compile again (11–18 s a function here)."""


def plan(bench: dict[str, Any]) -> dict[str, Any]:
    """The self-check of a benchmark plan: the checked calls it times, on each of its
    devices (none when the plan times none of them), each in one fresh process per pass of
    the plan, timed right after that pass's blocks of the call: the same call's median moved
    by a third between two fresh processes on the quiet Zen 4 (``jaxparity.bench.INFLATION``),
    and the harness's median pools its passes; so does the second timer's."""
    timed = {Target.from_row(row).id for row in bench.get("targets", [])}
    checks = [
        {**asdict(target), "framework": c.framework, "bound": c.bound}
        for device in bench.get("devices", [])
        for c in CHECKED
        if (target := c.target(device)).id in timed
    ]
    processes = bench.get("passes", 1)
    return {"checks": checks, "min_run_s": MIN_RUN_S, "within": WITHIN, "processes": processes}


def key(r: dict[str, Any]) -> tuple[str, ...]:
    """What identifies a check, its line in ``selfcheck.jsonl`` and the harness's blocks of
    the same call: case, variant, size, framework, device, mode."""
    return (r["case_id"], r["variant"], r["size"], r["framework"], r["device"], r["mode"])


def pooled(saved: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per check from ``selfcheck.jsonl``'s one per process: the median of its
    processes' medians (``second_s``), each in pass order (``second_each``), or the first
    failure or skip. A later line of the same process (a resumed pass) replaces an earlier."""
    by_check: dict[tuple[str, ...], dict[int, dict[str, Any]]] = {}
    for s in saved:
        by_check.setdefault(key(s), {})[s.get("process", 1)] = s
    out = []
    for found in by_check.values():
        each = [found[p] for p in sorted(found)]
        broken = next((s for s in each if s["status"] != "pass"), None)
        if broken:
            out.append(broken)
            continue
        seconds = [x for s in each for x in s.get("second_each") or [s["second_s"]]]
        out.append(
            {
                **each[0],
                "second_s": statistics.median(seconds),
                "second_each": seconds,
                "calls": sum(s.get("calls") or 0 for s in each),
                "load_1m": max(
                    (s["load_1m"] for s in each if s.get("load_1m") is not None), default=None
                ),
            }
        )
    return out


def _per_pass(blocks: list[dict[str, Any]]) -> list[float]:
    """The harness's median of one target per pass (process), from its blocks' medians."""
    found: dict[int, list[float]] = {}
    for b in blocks:
        if b["stats"].get("median"):
            found.setdefault(b.get("pass", 1), []).append(b["stats"]["median"])
    return [statistics.median(v) for _, v in sorted(found.items())]


def _agreement(ratio: float | None, passes: list[float], each: list[float]) -> str | None:
    """``within``: the two medians within :data:`WITHIN`; ``states``: they are not, but one of
    the harness's processes and one of the second timer's agree within it (a state of the
    machine one side met and the other did not, not the harness's way of timing); ``differs``: no
    process of one agrees with any of the other's."""
    if ratio is None:
        return None
    if apart(ratio) <= WITHIN:
        return "within"
    closest = min((apart(h / s) for h in passes for s in each if h and s), default=None)
    return "states" if closest is not None and closest <= WITHIN else "differs"


def rows(
    saved: list[dict[str, Any]],
    records: list[dict[str, Any]],
    blocks: dict[tuple[str, ...], list[dict[str, Any]]] | None = None,
) -> list[dict[str, Any]]:
    """The self-check as the summary keeps it: per saved check, the harness's median of the
    same call (``records``: the summary's) and its median per pass (from ``blocks``), the
    second timer's (pooled over its processes, and each), their ratio, and how they agree
    (:func:`_agreement`)."""
    harness = {
        (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"]): r
        for r in records
        if r["kind"] == "bench" and r["status"] == "pass"
    }
    out = []
    for s in pooled(saved):
        found = harness.get(key(s))
        harness_s = found["median_s"] if found else None
        second_s = s.get("second_s")
        ratio = harness_s / second_s if harness_s and second_s else None
        passes = _per_pass((blocks or {}).get(key(s), [])) or ([harness_s] if harness_s else [])
        each = s.get("second_each") or ([second_s] if second_s else [])
        agreement = _agreement(ratio, passes, each)
        out.append(
            {
                "case": s["case_id"],
                "variant": s["variant"],
                "size": s["size"],
                "framework": s["framework"],
                "device": s["device"],
                "mode": s["mode"],
                "bound": s.get("bound"),
                "status": s["status"],
                "reason": s.get("reason"),
                "harness_s": harness_s,
                "harness_passes": passes,
                "second_s": second_s,
                "second_each": each,
                "ratio": ratio,
                "agreement": agreement,
                "within": None if agreement is None else agreement != "differs",
                "timer": s.get("timer"),
                "calls": s.get("calls"),
                "load_1m": s.get("load_1m"),
            }
        )
    return out


def apart(ratio: float) -> float:
    """How far apart two timings of ratio ``ratio`` are, as a fraction of the faster one."""
    return max(ratio, 1 / ratio) - 1


def outside(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The checks whose two timers differ by more than :data:`WITHIN`, process for process."""
    return [r for r in found if r["within"] is False]
