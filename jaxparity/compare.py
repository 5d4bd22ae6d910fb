"""``jaxparity compare A B``: do two runs give the same answer, benchmark by benchmark?

The run-to-run check a reader of the report needs before trusting a speed-up. Three measures,
each over what both runs timed (case × variant × size × framework × device × mode):

* medians within ``--within`` % (benchmarks above ``summary.ABOVE_S``: below it, timer and
  dispatch jitter are the larger part of what is measured);
* paired speed-ups over eager torch within ``--within`` % (where either side is above
  ``ABOVE_S``);
* the same win / tie / loss verdict.

Two runs from different machines or library versions are not expected to agree: the machine
records are compared first and every difference is said before the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jaxparity import machine, results
from jaxparity.errors import CliError
from jaxparity.summary import ABOVE_S, apart, build

Key = tuple[str, str, str, str, str, str]
VERDICTS = 0.95
"""Default ``--min-verdicts``: the share of win / tie / loss verdicts that must agree ..."""
SPEEDUPS = 0.90
"""... and ``--min-speedups``: the share of speed-ups above 1 ms within ``--within``."""


@dataclass
class SavedRun:
    folder: Path
    timed: dict[Key, dict[str, Any]]
    machine: dict[str, Any]
    run_id: str | None


def load(folder: Path) -> SavedRun:
    res = results.load(folder)
    summ = build(res)
    timed = {
        (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"]): r
        for r in summ.of(kind="bench", status="pass")
        if r["median_s"] and not r["case"].startswith("machine.") and r["blocks"]
    }
    return SavedRun(folder, timed, res.machine, res.plan.get("bench", {}).get("run_id"))


def same_run(a: SavedRun, b: SavedRun) -> str | None:
    """A note when the two are one folder, or one run (a copy): they agree by construction."""
    if a.folder.resolve() == b.folder.resolve():
        return f"{a.folder} and {b.folder} are the same folder: a run compared with itself agrees"
    if a.run_id is not None and a.run_id == b.run_id:
        return (
            f"{a.folder} and {b.folder} hold the same run ({a.run_id}), one a copy of the "
            "other: they agree unless one was edited"
        )
    return None


def pairs(a: SavedRun, b: SavedRun) -> list[dict[str, Any]]:
    """Every benchmark timed in both runs, the most different first."""
    both = a.timed.keys() & b.timed.keys()
    if not both:
        raise CliError(f"no benchmark was timed in both {a.folder} and {b.folder}")
    rows = []
    for key in both:
        x, y = a.timed[key], b.timed[key]
        sx, sy = x["speedup_vs_torch_eager"], y["speedup_vs_torch_eager"]
        rows.append(
            {
                "key": key,
                "a": x["median_s"],
                "b": y["median_s"],
                "gap": apart(x["median_s"], y["median_s"]),
                "counts": max(x["median_s"], y["median_s"]) > ABOVE_S,
                "speedup_a": sx,
                "speedup_b": sy,
                "speedup_gap": apart(sx, sy) if sx and sy else None,
                "verdict_a": x["verdict"],
                "verdict_b": y["verdict"],
            }
        )
    return sorted(rows, key=lambda r: (not r["counts"], -(r["gap"] or 0), r["key"]))


@dataclass
class Agreement:
    medians: tuple[int, int]
    speedups: tuple[int, int]
    verdicts: tuple[int, int]


def agreement(rows: list[dict[str, Any]], within: float) -> Agreement:
    """(agreeing, counted) for medians above ``ABOVE_S``, speed-ups whose benchmarks are above
    it, and verdicts."""
    counted = [r for r in rows if r["counts"]]
    medians = sum(1 for r in counted if r["gap"] is not None and r["gap"] <= within)
    rated = [r for r in counted if r["speedup_gap"] is not None]
    speedups = sum(1 for r in rated if r["speedup_gap"] <= within)
    judged = [r for r in rows if r["verdict_a"] and r["verdict_b"]]
    verdicts = sum(1 for r in judged if r["verdict_a"] == r["verdict_b"])
    return Agreement((medians, len(counted)), (speedups, len(rated)), (verdicts, len(judged)))


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def machine_differences(a: SavedRun, b: SavedRun) -> list[str]:
    return machine.differences(a.machine, b.machine)


def percent(text: str) -> float:
    """An argparse type: a finite percentage from 0 to 100."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise ValueError(f"{text!r} is not a percentage from 0 to 100")
    return value
