"""What the summary derives from paired blocks: each timing's speed-up over eager torch with
its interval and verdict, a compiled JAX timing's factor over JAX op by op and over
``torch.compile``, its share of the machine's matmul peak, and whether it compares compute."""

from __future__ import annotations

from typing import Any

from jaxparity import paired
from shared import cases
from shared.run_modes import JAX_OP_BY_OP, TORCH_COMPILE, TORCH_EAGER

Key = tuple[str, str, str, str, str, str]
"""A benchmark: case, variant, size, framework, device, mode."""


def _rounds(blocks: list[dict[str, Any]]) -> dict[paired.Round, float]:
    """Block medians by (pass, block): what pairs with another target's same round."""
    return {
        (r.get("pass", 1), r["block"]): r["stats"]["median"]
        for r in blocks
        if r.get("block") is not None and r["stats"].get("median")
    }


def _put(r: dict[str, Any], name: str, found: paired.Ratio) -> None:
    if name == "speedup_vs_torch_eager":
        r[name], r["speedup_low"], r["speedup_high"] = found.value, found.low, found.high
        r["pairs"], r["verdict"] = found.pairs, found.verdict
    else:
        r[name], r[f"{name}_low"], r[f"{name}_high"] = found.value, found.low, found.high


def derive(
    records: list[dict[str, Any]],
    peaks: dict[str, dict[str, Any]],
    blocks: dict[Key, list[dict[str, Any]]],
) -> None:
    """Paired speed-ups (over eager torch, torch.compile and JAX op by op), verdicts, shares
    of the matmul peak, and which comparisons are not of compute. Every interval of the run
    is moderated by the run's other comparisons (``paired.ratios``)."""
    rounds = {key: _rounds(found) for key, found in blocks.items()}

    def of(r: dict[str, Any], framework: str, mode: str) -> dict[paired.Round, float]:
        return rounds.get((r["case"], r["variant"], r["size"], framework, r["device"], mode), {})

    found: dict[tuple[int, str], paired.Paired] = {}
    for i, r in enumerate(records):
        if r["kind"] != "bench" or not r["median_s"] or r["case"].startswith("machine."):
            continue
        peak = peaks.get(r["device"])
        if r["gflops"] and peak:
            r["pct_of_peak"] = 100.0 * r["gflops"] / peak["gflops"]
        case = cases.CASES.get(r["case"])
        if case is not None and case.bench is not None:
            r["unequal_work"] = case.bench.not_compute(r["variant"])
        mine = of(r, r["framework"], r["mode"])
        if not mine or (r["framework"], r["mode"]) == TORCH_EAGER.key:
            continue
        bases = {"speedup_vs_torch_eager": TORCH_EAGER}
        if r["framework"] == JAX_OP_BY_OP.framework and r["mode"] != JAX_OP_BY_OP.name:
            bases |= {"compile_factor": JAX_OP_BY_OP, "vs_torch_compile": TORCH_COMPILE}
        for name, base in bases.items():
            if (p := paired.pair(of(r, *base.key), mine)) is not None:
                found[i, name] = p
    for (i, name), ratio in paired.ratios(found).items():
        _put(records[i], name, ratio)
