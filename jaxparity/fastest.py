"""Each framework at its fastest idiom: the verdict's "fastest" column, from paired blocks.

The verdict compares the lesson's spelling of each idea, which is not always a framework's
fastest idiomatic one (``vmap(grad)`` over samples unsqueezed to batches of one, a parameter
dict, against the same over 1-D samples). A case lists such respellings as idiom variants
(``Bench.idioms``); they are timed in the lesson variant's paired blocks
(``bench_targets.comparison``). Per comparison — case, lesson variant, size, device — this
module picks each framework's fastest variant × mode among the lesson's variant and its
idioms, every mode the framework was timed in (compiled or not), by median, and pairs the two
picks round by round (``paired.ratio``): both were timed in the same rounds.
"""

from __future__ import annotations

from typing import Any

from jaxparity import paired
from jaxparity.bench_targets import comparison
from shared import cases

FRAMEWORKS = ("torch", "jax")

Key = tuple[str, str, str, str, str, str]
"""A benchmark: case, variant, size, framework, device, mode (``speedups.Key``)."""


def _rounds(blocks: list[dict[str, Any]]) -> dict[paired.Round, float]:
    return {
        (b.get("pass", 1), b["block"]): b["stats"]["median"]
        for b in blocks
        if b.get("block") is not None and b["stats"].get("median")
    }


def _compute(r: dict[str, Any]) -> bool:
    """A timed record of a case whose variant compares compute (not set apart)."""
    case = cases.CASES.get(r["case"])
    return (
        r["kind"] == "bench"
        and r["status"] == "pass"
        and bool(r["median_s"])
        and case is not None
        and case.bench is not None
        and case.bench.not_compute(r["variant"]) is None
    )


def _pick(r: dict[str, Any]) -> dict[str, Any]:
    case = cases.get(r["case"])
    assert case.bench is not None
    return {
        "variant": r["variant"],
        "mode": r["mode"],
        "median_s": r["median_s"],
        "idiom": r["variant"] in case.bench.idioms,
    }


def rows(
    records: list[dict[str, Any]], blocks: dict[Key, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """One row per comparison timed in both frameworks: each framework's fastest variant ×
    mode (``torch``, ``jax``: its ``variant``, ``mode``, ``median_s`` and whether it is an
    ``idiom``) and JAX's paired speed-up over torch there (``speedup`` > 1: JAX's fastest is
    faster), with its interval and verdict."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for r in filter(_compute, records):
        groups.setdefault(comparison(r["case"], r["variant"], r["size"], r["device"]), []).append(r)
    out = []
    for (case_id, variant, size, device), found in groups.items():
        best = {
            fw: min(mine, key=lambda r: r["median_s"])
            for fw in FRAMEWORKS
            if (mine := [r for r in found if r["framework"] == fw])
        }
        if len(best) < len(FRAMEWORKS):
            continue

        def of(r: dict[str, Any]) -> dict[paired.Round, float]:
            key = (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"])
            return _rounds(blocks.get(key, []))

        ratio = paired.ratio(of(best["torch"]), of(best["jax"]))
        out.append(
            {
                "case": case_id,
                "variant": variant,
                "size": size,
                "device": device,
                **{fw: _pick(r) for fw, r in best.items()},
                "speedup": ratio.value if ratio else None,
                "speedup_low": ratio.low if ratio else None,
                "speedup_high": ratio.high if ratio else None,
                "pairs": ratio.pairs if ratio else None,
                "verdict": ratio.verdict if ratio else None,
            }
        )
    return out


def of(found: list[dict[str, Any]], r: dict[str, Any]) -> dict[str, Any] | None:
    """The fastest-idiom row of the comparison a record belongs to, if there is one."""
    key = comparison(r["case"], r["variant"], r["size"], r["device"])
    return next((f for f in found if _comparison(f) == key), None)


def _comparison(f: dict[str, Any]) -> tuple[str, str, str, str]:
    return (f["case"], f["variant"], f["size"], f["device"])


def is_idiom(r: dict[str, Any]) -> bool:
    """Whether a record times an idiom variant (``Bench.idioms``), not the lesson's spelling."""
    case = cases.CASES.get(r["case"])
    return case is not None and case.bench is not None and r["variant"] in case.bench.idioms
