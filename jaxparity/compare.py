"""``jaxparity compare A [B]``: do two runs give the same answer, and do their intervals hold?

The run-to-run check a reader of the report needs before trusting a speed-up. Over what both
runs timed (case × variant × size × framework × device × mode), each speed-up over eager torch
with its 95 % interval (``jaxparity.paired``):

* **verdicts alike**: the same win / tie / loss;
* **intervals that hold**: the first run's interval holds the second run's speed-up, and the
  second's the first's (``jaxparity.holding``: honest intervals do about 83 % of the time);
* **median interval width** of each run, as a factor: holding by being wide says nothing.

The exit status is 1 when a figure misses its threshold (``--min-verdicts``, ``--min-held``,
``--max-width``). The medians themselves are shown beside them, with how many of those above
``summary.ABOVE_S`` lie ``--within`` of each other: the machine's drift moves them, which is
why speed-ups are paired, so they decide nothing. Given one folder, the run's first half of
passes is compared with its second half (``holding.halves``).

Two runs from different machines or library versions are not expected to agree: the machine
records are compared first and every difference is said before the numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jaxparity import holding, machine, results
from jaxparity.errors import CliError
from jaxparity.paired import Ratio
from jaxparity.results import Results
from jaxparity.summary import ABOVE_S, apart, build

Key = tuple[str, str, str, str, str, str]
VERDICTS = 0.95
"""Default ``--min-verdicts``: the share of win / tie / loss verdicts that must be alike ..."""
HELD = 0.80
"""... ``--min-held``: the share of speed-ups each run's interval must hold, both ways ..."""
WIDTH = 1.30
"""... and ``--max-width``: the widest median interval (``high / low``) either run may have."""


@dataclass
class SavedRun:
    label: str
    timed: dict[Key, dict[str, Any]]
    machine: dict[str, Any]
    run_id: str | None
    folder: Path

    @property
    def ratios(self) -> dict[Key, Ratio]:
        """Each timing's speed-up over eager torch, with its interval."""
        return {
            key: Ratio(r["speedup_vs_torch_eager"], r["speedup_low"], r["speedup_high"], r["pairs"])
            for key, r in self.timed.items()
            if r["speedup_vs_torch_eager"] is not None
        }


def _run(res: Results, label: str) -> SavedRun:
    timed = {
        (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"]): r
        for r in build(res).of(kind="bench", status="pass")
        if r["median_s"] and not r["case"].startswith("machine.") and r["blocks"]
    }
    return SavedRun(label, timed, res.machine, res.plan.get("bench", {}).get("run_id"), res.folder)


def load(folder: Path) -> SavedRun:
    return _run(results.load(folder), str(folder))


def halves(folder: Path) -> tuple[SavedRun, SavedRun]:
    """One run's two halves of passes, as two runs."""
    found = holding.halves(results.load(folder))
    if found is None:
        raise CliError(
            f"{folder} holds a run of one pass: name a second results folder to compare it with"
        )
    first, second = found
    return _run(first, f"{folder} (first passes)"), _run(second, f"{folder} (last passes)")


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
        raise CliError(f"no benchmark was timed in both {a.label} and {b.label}")
    ra, rb = a.ratios, b.ratios
    rows = []
    for key in both:
        x, y = a.timed[key], b.timed[key]
        rows.append(
            {
                "key": key,
                "a": x["median_s"],
                "b": y["median_s"],
                "gap": apart(x["median_s"], y["median_s"]),
                "counts": max(x["median_s"], y["median_s"]) > ABOVE_S,
                "speedup_a": ra.get(key),
                "speedup_b": rb.get(key),
            }
        )
    return sorted(rows, key=lambda r: (not r["counts"], -(r["gap"] or 0), r["key"]))


def medians_within(rows: list[dict[str, Any]], within: float) -> tuple[int, int]:
    """(within, counted): medians above ``ABOVE_S`` no further apart than ``within``."""
    counted = [r for r in rows if r["counts"]]
    return sum(1 for r in counted if r["gap"] is not None and r["gap"] <= within), len(counted)


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


def factor(text: str) -> float:
    """An argparse type: a finite factor of at least 1 (``1.3``, or ``×1.3``)."""
    try:
        value = float(text.removeprefix("×").removeprefix("x"))
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value < 1:
        raise ValueError(f"{text!r} is not a factor of at least 1")
    return value
