"""``summary.json``: one record per case × variant × framework × device × mode × size.

Built from saved results only (``results.load``), never from a re-run. Every case of the
lesson map appears: a parity record per framework × device (``variant`` null, mode ``eager``:
the case function called as a student calls it), plus one record per planned benchmark
(``variant`` set). What did not run is a ``skip`` with the reason — a framework or device
missing, left out by ``--modes``/``--size``, or missing because the run was cut short.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jaxparity import fastest, regimes, selfcheck, speedups
from jaxparity.results import Results
from jaxparity.speedups import Key
from shared import backends, cases, run_modes

FRAMEWORKS = tuple(backends.KNOWN)
PEAK_CASE = "machine.matmul_peak"
DISPATCH_CASE = "machine.dispatch"
MISSING = "missing: did not finish (run interrupted?)"

FIELDS = (
    "case",
    "topic",
    "kind",
    "variant",
    "framework",
    "device",
    "mode",
    "size",
    "status",
    "reason",
    "max_abs_err",
    "max_rel_err",
    "max_abs_err_vs_other",
    "max_rel_err_vs_other",
    "median_s",
    "iqr_s",
    "q1_s",
    "q3_s",
    "min_s",
    "rounds",
    "passes",
    "pass_spread",
    "compile_s",
    "peak_bytes",
    "flops",
    "ops_per_call",
    "gflops",
    "pct_of_peak",
    "blocks",
    "speedup_vs_torch_eager",
    "speedup_low",
    "speedup_high",
    "pairs",
    "verdict",
    "compile_factor",
    "compile_factor_low",
    "compile_factor_high",
    "vs_torch_compile",
    "vs_torch_compile_low",
    "vs_torch_compile_high",
    "unequal_work",
    "regime",
    "floors_per_op",
    "near_floor",
    "load_1m",
    "extra",
)
"""Every record has all of these (``None`` where they do not apply). Speed-ups are paired
(``jaxparity.paired``): ``speedup_vs_torch_eager`` with its 95 % interval
(``speedup_low``/``speedup_high``, from ``pairs`` rounds) and ``verdict``; on a compiled JAX
record ``compile_factor`` is its paired speed-up over the same function op by op (JAX
``eager``) and ``vs_torch_compile`` over ``torch.compile``. The JAX ``eager`` record's own
speed-up over eager torch is the kernel-and-dispatch factor. ``unequal_work`` says why a
comparison is not one of compute (one side does less or other work). ``ops_per_call``: the
operations one call dispatches, counted outside the timed region (``bench/op_counts.py``);
``regime`` (``dispatch`` / ``kernel``, ``None`` when the run lacks the counts or the floor) and
``floors_per_op`` (eager torch's time per operation, in floors) are the comparison's, on every
record of it; ``near_floor`` marks a speed-up whose faster side runs near its own floor
(``jaxparity.regimes``)."""


def _record(**values: Any) -> dict[str, Any]:
    unknown = values.keys() - set(FIELDS)
    assert not unknown, unknown
    return {f: values.get(f) for f in FIELDS}


@dataclass
class Summary:
    records: list[dict[str, Any]]
    devices: list[str]
    peaks: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per device: the best matmul-peak record of this run (``gflops``, ``framework``, ``n``)."""
    notes: list[str] = field(default_factory=list)
    fastest: list[dict[str, Any]] = field(default_factory=list)
    """Per comparison, each framework's fastest idiomatic variant × mode (``fastest.rows``)."""
    selfcheck: list[dict[str, Any]] = field(default_factory=list)
    """The calls a second timer timed again, beside the harness (``selfcheck.rows``)."""

    def of(self, **where: Any) -> list[dict[str, Any]]:
        return [r for r in self.records if all(r[k] == v for k, v in where.items())]


def _devices(res: Results) -> list[str]:
    seen = set(res.plan.get("check", {}).get("devices", []))
    seen |= set(res.plan.get("bench", {}).get("devices", []))
    seen |= {r["device"] for r in res.checks} | {r.get("device", "cpu") for r in res.bench}
    return [d for d in ("cpu", "gpu") if d in seen] or ["cpu"]


def _check_records(res: Results, devices: list[str]) -> list[dict[str, Any]]:
    found = {
        (r["case"], r["framework"], r["device"]): r for r in res.checks if r["kind"] == "check"
    }
    between = {(r["case"], r["device"]): r for r in res.checks if r["kind"] == "between"}
    plan = res.plan.get("check", {})
    planned = set(plan.get("cases", []))
    out = []
    for case in cases.CASES.values():
        for framework in FRAMEWORKS:
            for device in devices:
                r = found.get((case.id, framework, device))
                other = between.get((case.id, device), {})
                common = {
                    "case": case.id,
                    "topic": case.topic,
                    "kind": "check",
                    "framework": framework,
                    "device": device,
                    "mode": run_modes.EAGER,
                    "max_abs_err_vs_other": other.get("max_abs_err"),
                    "max_rel_err_vs_other": other.get("max_rel_err"),
                }
                if r is None:
                    if case.id in planned and device in plan.get("devices", []):
                        reason = MISSING
                    else:
                        reason = "not checked in this run"
                    out.append(
                        _record(**common, size=plan.get("size"), status="skip", reason=reason)
                    )
                    continue
                status, reason = r["status"], r.get("reason")
                if other.get("status") == "fail":
                    status = "fail"
                    reason = "; ".join(filter(None, [reason, f"torch vs jax: {other['reason']}"]))
                out.append(
                    _record(
                        **common,
                        size=r["size"],
                        status=status,
                        reason=reason,
                        max_abs_err=r.get("max_abs_err"),
                        max_rel_err=r.get("max_rel_err"),
                    )
                )
    return out


def _key(r: dict[str, Any]) -> Key:
    return (r["case_id"], r["variant"], r["size"], r["framework"], r["device"], r["mode"])


HARNESS_KEYS = {
    "time",
    "run_id",
    "case_id",
    "variant",
    "size",
    "backend",
    "device",
    "mode",
    "framework",
    "compile_s",
    "flops",
    "ops_per_call",
    "peak_bytes",
    "variant_doc",
    "stats",
    "pass",
    "block",
}


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _timing(records: list[dict[str, Any]]) -> dict[str, Any]:
    """One benchmark's numbers from its blocks (``bench/harness.py``), across passes.

    ``median_s`` is the median of the blocks' medians (of the least disturbed pass for the
    unpaired machine measurements), ``q1_s``/``q3_s`` their quartiles (how much the blocks
    moved), ``min_s`` the fastest round, ``rounds`` all rounds timed.
    ``pass_spread``: how much slower the slowest pass was than the fastest, each pass by the
    median of its blocks, as a fraction (what a second process could see). ``compile_s``
    comes from the first pass, the one that compiled with cold caches."""
    timed = [r for r in records if r["stats"].get("median") is not None]
    if not timed:
        timed = records[:1]
    medians = [r["stats"]["median"] for r in timed if r["stats"].get("median") is not None]
    per_pass: dict[int, list[float]] = defaultdict(list)
    for r in timed:
        if r["stats"].get("median") is not None:
            per_pass[r.get("pass", 1)].append(r["stats"]["median"])
    pass_medians = [_median(v) for v in per_pass.values()]
    blocked = [r for r in timed if r.get("block") is not None]
    # Unpaired measurements (the machine's floor and ceiling, once per pass) report their
    # least disturbed pass: what the machine can do, not what its neighbours left of it.
    median = (_median(medians) if blocked else min(medians)) if medians else None
    q1 = q3 = iqr = None
    if len(medians) >= 2:
        q1, _, q3 = statistics.quantiles(medians, n=4, method="inclusive")
        iqr = q3 - q1
    elif medians:  # one block: the spread of its rounds
        s = timed[0]["stats"]
        q1, q3, iqr = s.get("q1"), s.get("q3"), s.get("iqr")
    first = min(records, key=lambda r: r.get("pass", 1))
    flops = first.get("flops")
    peaks = [r["peak_bytes"] for r in records if r.get("peak_bytes") is not None]
    return {
        "median_s": median,
        "iqr_s": iqr,
        "q1_s": q1,
        "q3_s": q3,
        "min_s": min((r["stats"]["min"] for r in timed if "min" in r["stats"]), default=None),
        "rounds": sum(r["stats"].get("rounds") or 0 for r in timed) or None,
        "passes": len(per_pass) or None,
        "blocks": len(blocked) or None,
        "pass_spread": apart(max(pass_medians), min(pass_medians))
        if len(pass_medians) > 1
        else None,
        "compile_s": first.get("compile_s"),
        "peak_bytes": max(peaks) if peaks else None,
        "flops": flops,
        "ops_per_call": first.get("ops_per_call"),
        "gflops": flops / median / 1e9 if flops and median else None,
        "extra": {k: v for k, v in first.items() if k not in HARNESS_KEYS} or None,
    }


REPRODUCIBLE = 0.10
"""The run-to-run target: medians of two runs within 10 % of each other ..."""
ABOVE_S = 1e-3
"""... for benchmarks above 1 ms (below it, timer and dispatch jitter dominate)."""


def apart(a: float, b: float) -> float | None:
    """How much slower the slower of two timings is, as a fraction of the faster."""
    fast, slow = sorted((a, b))
    return (slow - fast) / fast if fast > 0 else None


_BLOCK_SUFFIX = re.compile(r"-block\d+\]$")


def _base_nodeid(nodeid: str) -> str:
    """A block's node id → its target's (``...[target-block3]`` → ``...[target]``)."""
    return _BLOCK_SUFFIX.sub("]", nodeid)


def _bench_records(res: Results) -> tuple[list[dict[str, Any]], list[str], dict]:
    plan = res.plan.get("bench", {})
    notes: list[str] = []
    by_node = {t["nodeid"]: _key(t) for t in plan.get("targets", []) + plan.get("machine", [])}
    timed: dict[Key, list[dict[str, Any]]] = {}
    for r in res.bench:  # of this run only (results.load)
        timed.setdefault(_key(r), []).append(r)
    outcome: dict[Key, dict[str, Any]] = {}
    loads: dict[Key, list[float]] = {}
    for o in res.outcomes:
        key = by_node.get(_base_nodeid(o["nodeid"]))
        if key is None:
            continue
        if o["outcome"] != "passed":
            outcome[key] = o
        if o.get("load_1m") is not None:
            loads.setdefault(key, []).append(o["load_1m"])
    rows: dict[Key, dict[str, Any]] = {}
    for t in plan.get("targets", []) + plan.get("machine", []):
        rows[_key(t)] = {"status": "skip", "reason": MISSING}
    for t in plan.get("excluded", []):
        rows[_key(t)] = {"status": "skip", "reason": t["reason"]}
    for key, o in outcome.items():
        status = "skip" if o["outcome"] == "skipped" else "fail"
        rows[key] = {"status": status, "reason": o.get("reason")}
    for key, found in timed.items():
        if rows.get(key, {}).get("status") == "fail":
            continue  # failed in some block: the failure is the result, not the other blocks
        load = max(loads.get(key, []), default=None)
        rows[key] = {"status": "pass", "reason": None, **_timing(found), "load_1m": load}
    out = []
    for key, values in rows.items():
        case_id, variant, size, framework, device, mode = key
        topic = case_id.split(".", 1)[0]
        out.append(
            _record(
                case=case_id,
                topic=topic,
                kind="bench",
                variant=variant,
                framework=framework,
                device=device,
                mode=mode,
                size=size,
                **values,
            )
        )
    for c in plan.get("no_sizes", []):
        notes.append(f"{c['case_id']}: not timed — {c['reason']}")
    return out, notes, timed


def _peaks(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["case"] != PEAK_CASE or not r["gflops"]:
            continue
        if r["device"] not in best or r["gflops"] > best[r["device"]]["gflops"]:
            n = round((r["flops"] / 2) ** (1 / 3))
            best[r["device"]] = {
                "gflops": r["gflops"],
                "framework": r["framework"],
                "mode": r["mode"],
                "n": n,
            }
    return best


def _floors(records: Iterable[dict[str, Any]]) -> regimes.Floors:
    """The run's floors: one dispatched call doing almost nothing, per device × framework ×
    mode (``machine.dispatch``)."""
    return {
        (r["device"], r["framework"], r["mode"]): r["median_s"]
        for r in records
        if r["case"] == DISPATCH_CASE and r["status"] == "pass" and r["median_s"]
    }


def build(res: Results) -> Summary:
    """The summary of everything saved in ``res``, with what is missing marked."""
    devices = _devices(res)
    bench, notes, blocks = _bench_records(res)
    records = _check_records(res, devices) + sorted(bench, key=_bench_order)
    peaks = _peaks(records)
    speedups.derive(records, peaks, blocks)
    regimes.place(records, _floors(records))
    missing = sum(1 for r in records if r["reason"] == MISSING)
    if missing:
        notes.insert(0, f"{missing} planned results are missing: the run did not finish")
    return Summary(
        records,
        devices,
        peaks,
        res.notes + notes,
        fastest.rows(records, blocks),
        selfcheck.rows(res.selfcheck, records, blocks),
    )


_ORDER = {case_id: i for i, case_id in enumerate(cases.CASES)}


def _position(item: str, order: Iterable[str]) -> tuple[int, str]:
    listed = list(order)
    return (listed.index(item), "") if item in listed else (len(listed), item)


def _bench_order(r: dict[str, Any]) -> tuple:
    """Lesson order: case, then the case's own order of variants, sizes and modes; torch
    first. A measurement named after a variant (``full_memory``) follows that variant."""
    case = cases.CASES.get(r["case"])
    bench = case.bench if case is not None else None
    variants = list(bench.variants) if bench else []
    base = next((v for v in variants if r["variant"].startswith(v + "_")), r["variant"])
    sizes = [*bench.sizes, *bench.sweep] if bench else []
    modes = bench.modes.get(r["framework"], ()) if bench else ()
    return (
        _ORDER.get(r["case"], len(_ORDER)),
        _position(base, variants),
        r["variant"] != base,
        _position(r["size"], sizes),
        r["device"],
        _position(r["framework"], FRAMEWORKS),
        _position(r["mode"], modes),
    )
