"""``summary.json``: one record per case × variant × framework × device × mode × size.

Built from saved results only (``results.load``), never from a re-run. Every case of the
lesson map appears: a parity record per framework × device (``variant`` null, mode ``eager``:
the case function called as a student calls it), plus one record per planned benchmark
(``variant`` set). What did not run is a ``skip`` with the reason — not implemented yet, left
out by ``--modes``/``--size``, or missing because the run was cut short.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jaxparity.results import Results
from shared import cases
from shared.cases import Case

FRAMEWORKS = ("torch", "jax")
PEAK_CASE = "machine.matmul_peak"
NOT_IMPLEMENTED = "not implemented yet"
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
    "gflops",
    "pct_of_peak",
    "speedup_vs_torch_eager",
    "load_1m",
    "extra",
)
"""Every record has all of these (``None`` where they do not apply)."""


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

    def of(self, **where: Any) -> list[dict[str, Any]]:
        return [r for r in self.records if all(r[k] == v for k, v in where.items())]

    def counts(self, kind: str | None = None) -> dict[str, int]:
        out = {"pass": 0, "fail": 0, "skip": 0}
        for r in self.records:
            if kind is None or r["kind"] == kind:
                out[r["status"]] += 1
        return out


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
                    "mode": "eager",
                    "max_abs_err_vs_other": other.get("max_abs_err"),
                    "max_rel_err_vs_other": other.get("max_rel_err"),
                }
                if r is None:
                    if not case.implemented:
                        reason = NOT_IMPLEMENTED
                    elif case.id in planned and device in plan.get("devices", []):
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


Key = tuple[str, str, str, str, str, str]


def _key(r: dict[str, Any]) -> Key:
    return (r["case_id"], r["variant"], r["size"], r["framework"], r["device"], r["mode"])


HARNESS_KEYS = {
    "time",
    "case_id",
    "variant",
    "size",
    "backend",
    "device",
    "mode",
    "framework",
    "compile_s",
    "flops",
    "peak_bytes",
    "variant_doc",
    "stats",
    "pass",
}
MIN_ROUNDS = 5
"""Fewer rounds (a one-shot memory measurement) give no spread: no speed-up is computed."""


def _timing(passes: list[dict[str, Any]]) -> dict[str, Any]:
    """One benchmark's numbers from its passes (separate processes, minutes apart).

    The reported pass is the least disturbed one, the pass with the lowest median: on a shared
    machine a slower pass measures the neighbours (see ``jaxparity.bench.PASSES``). Its median,
    quartiles and rounds are reported; ``min_s`` is the fastest round of any pass, and
    ``pass_spread`` how much slower the slowest pass's median was than the fastest's, as a
    fraction (what a second run could see). ``compile_s`` comes from the first pass, the one
    that compiled with cold caches."""
    timed = [r for r in passes if r["stats"].get("median") is not None]
    best = min(timed, key=lambda r: r["stats"]["median"]) if timed else passes[0]
    s = best["stats"]
    median = s.get("median")
    medians = [r["stats"]["median"] for r in timed]
    first = min(passes, key=lambda r: r.get("pass", 1))
    flops = best.get("flops")
    peaks = [r["peak_bytes"] for r in passes if r.get("peak_bytes") is not None]
    return {
        "median_s": median,
        "iqr_s": s.get("iqr"),
        "q1_s": s.get("q1"),
        "q3_s": s.get("q3"),
        "min_s": min((r["stats"]["min"] for r in timed if "min" in r["stats"]), default=None),
        "rounds": s.get("rounds"),
        "passes": len(passes),
        "pass_spread": apart(max(medians), min(medians)) if len(medians) > 1 else None,
        "compile_s": first.get("compile_s"),
        "peak_bytes": max(peaks) if peaks else None,
        "flops": flops,
        "gflops": flops / median / 1e9 if flops and median else None,
        "extra": {k: v for k, v in best.items() if k not in HARNESS_KEYS} or None,
    }


REPRODUCIBLE = 0.10
"""The run-to-run target: medians of two runs within 10 % of each other ..."""
ABOVE_S = 1e-3
"""... for benchmarks above 1 ms (below it, timer and dispatch jitter dominate)."""


def apart(a: float, b: float) -> float | None:
    """How much slower the slower of two timings is, as a fraction of the faster."""
    fast, slow = sorted((a, b))
    return (slow - fast) / fast if fast > 0 else None


def _bench_records(res: Results) -> tuple[list[dict[str, Any]], list[str]]:
    plan = res.plan.get("bench", {})
    notes: list[str] = []
    by_node = {t["nodeid"]: _key(t) for t in plan.get("targets", []) + plan.get("machine", [])}
    timed: dict[Key, list[dict[str, Any]]] = {}
    for r in res.bench:
        timed.setdefault(_key(r), []).append(r)
    outcome: dict[Key, dict[str, Any]] = {}
    for o in res.outcomes:
        if o["nodeid"] in by_node and o["outcome"] != "passed":
            outcome[by_node[o["nodeid"]]] = o
    rows: dict[Key, dict[str, Any]] = {}
    for t in plan.get("targets", []) + plan.get("machine", []):
        rows[_key(t)] = {"status": "skip", "reason": MISSING}
    for t in plan.get("excluded", []):
        rows[_key(t)] = {"status": "skip", "reason": t["reason"]}
    for key, o in outcome.items():
        status = "skip" if o["outcome"] == "skipped" else "fail"
        rows[key] = {"status": status, "reason": o.get("reason")}
    loads: dict[Key, list[float]] = {}
    for o in res.outcomes:
        if o["nodeid"] in by_node and o.get("load_1m") is not None:
            loads.setdefault(by_node[o["nodeid"]], []).append(o["load_1m"])
    for key, passes in timed.items():
        if rows.get(key, {}).get("status") == "fail":
            continue  # failed in some pass: the failure is the result, not the other passes
        load = max(loads.get(key, []), default=None)
        rows[key] = {"status": "pass", "reason": None, **_timing(passes), "load_1m": load}
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
    return out, notes


def _peaks(records: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for r in records:
        if r["case"] != PEAK_CASE or not r["gflops"]:
            continue
        if r["device"] not in best or r["gflops"] > best[r["device"]]["gflops"]:
            n = round((r["flops"] / 2) ** (1 / 3))
            best[r["device"]] = {"gflops": r["gflops"], "framework": r["framework"], "n": n}
    return best


def _derive(records: list[dict[str, Any]], peaks: dict[str, dict[str, Any]]) -> None:
    eager = {
        (r["case"], r["variant"], r["size"], r["device"]): r["median_s"]
        for r in records
        if r["kind"] == "bench"
        and (r["framework"], r["mode"]) == ("torch", "eager")
        and (r["rounds"] or 0) >= MIN_ROUNDS
    }
    for r in records:
        if r["kind"] != "bench" or not r["median_s"] or r["case"] == PEAK_CASE:
            continue
        if (r["rounds"] or 0) < MIN_ROUNDS:
            continue
        base = eager.get((r["case"], r["variant"], r["size"], r["device"]))
        if base and not (r["framework"] == "torch" and r["mode"] == "eager"):
            r["speedup_vs_torch_eager"] = base / r["median_s"]
        peak = peaks.get(r["device"])
        if r["gflops"] and peak:
            r["pct_of_peak"] = 100.0 * r["gflops"] / peak["gflops"]


def build(res: Results) -> Summary:
    """The summary of everything saved in ``res``, with what is missing marked."""
    devices = _devices(res)
    bench, notes = _bench_records(res)
    records = _check_records(res, devices) + sorted(bench, key=_bench_order)
    peaks = _peaks(records)
    _derive(records, peaks)
    missing = sum(1 for r in records if r["reason"] == MISSING)
    if missing:
        notes.insert(0, f"{missing} planned results are missing: the run did not finish")
    return Summary(records, devices, peaks, res.notes + notes)


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


def case_of(record: dict[str, Any]) -> Case | None:
    return cases.CASES.get(record["case"])
