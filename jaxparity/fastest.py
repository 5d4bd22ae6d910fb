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


def _gain(found: paired.Ratio | None) -> dict[str, Any]:
    """An idiom's paired speed-up over the lesson's spelling in the same framework."""
    values = (found.value, found.low, found.high, found.verdict) if found else (None,) * 4
    return dict(zip(("gain", "gain_low", "gain_high", "gain_verdict"), values, strict=True))


def rows(
    records: list[dict[str, Any]], blocks: dict[Key, list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """One row per comparison timed in both frameworks: each framework's fastest variant ×
    mode (``torch``, ``jax``: its ``variant``, ``mode``, ``median_s``, whether it is an
    ``idiom``, and its ``gain`` over the framework's fastest mode of the lesson's spelling,
    paired, where an idiom won) and JAX's fastest over torch's (``speedup`` > 1: JAX's is
    faster), paired, with its interval, ``pairs`` and ``verdict``."""
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for r in filter(_compute, records):
        groups.setdefault(comparison(r["case"], r["variant"], r["size"], r["device"]), []).append(r)

    def rounds(r: dict[str, Any]) -> dict[paired.Round, float]:
        key = (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"])
        return _rounds(blocks.get(key, []))

    out = []
    for (case_id, variant, size, device), found in groups.items():
        picks, best = {}, {}
        for fw in FRAMEWORKS:
            mine = [r for r in found if r["framework"] == fw]
            lesson = [r for r in mine if r["variant"] == variant]
            if not mine:
                break
            best[fw] = min(mine, key=lambda r: r["median_s"])
            idiom = is_idiom(best[fw])
            gain = None
            if idiom and lesson:  # how much the idiom gains on the lesson's spelling
                gain = paired.ratio(
                    rounds(min(lesson, key=lambda r: r["median_s"])), rounds(best[fw])
                )
            picks[fw] = {
                "variant": best[fw]["variant"],
                "mode": best[fw]["mode"],
                "median_s": best[fw]["median_s"],
                "idiom": idiom,
                **_gain(gain),
            }
        if len(picks) < len(FRAMEWORKS):
            continue
        ratio = paired.ratio(rounds(best["torch"]), rounds(best["jax"]))
        out.append(
            {
                "case": case_id,
                "variant": variant,
                "size": size,
                "device": device,
                **picks,
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
