"""``jaxparity compare A B``: are two runs' timings the same, benchmark by benchmark?

The run-to-run check a reader of the report needs before trusting a speed-up: match every
timed benchmark of two saved runs (case × variant × size × framework × device × mode) and say
how far apart their medians are. Only benchmarks above ``summary.ABOVE_S`` count towards the
verdict; below it, timer and dispatch jitter are the larger part of what is measured. The same
measure (``summary.apart``) gives each benchmark's spread between the passes of one run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from jaxparity import results
from jaxparity.errors import CliError
from jaxparity.report import fmt_s
from jaxparity.summary import ABOVE_S, MIN_ROUNDS, PEAK_CASE, apart, build

Key = tuple[str, str, str, str, str, str]


def _timed(folder: Path) -> dict[Key, dict[str, Any]]:
    summ = build(results.load(folder))
    return {
        (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"]): r
        for r in summ.of(kind="bench", status="pass")
        if r["median_s"] and r["case"] != PEAK_CASE and (r["rounds"] or 0) >= MIN_ROUNDS
    }


def pairs(a: Path, b: Path) -> list[dict[str, Any]]:
    """Every benchmark timed in both runs, the most different first."""
    first, second = _timed(a), _timed(b)
    both = first.keys() & second.keys()
    if not both:
        raise CliError(f"no benchmark was timed in both {a} and {b}")
    rows = []
    for key in both:
        x, y = first[key]["median_s"], second[key]["median_s"]
        gap = apart(x, y)
        rows.append({"key": key, "a": x, "b": y, "gap": gap, "counts": max(x, y) > ABOVE_S})
    return sorted(rows, key=lambda r: (not r["counts"], -(r["gap"] or 0), r["key"]))


def table(rows: list[dict[str, Any]], a: Path, b: Path, within: float) -> Table:
    t = Table(title=escape(f"Median time per benchmark: first {a}, second {b}"))
    for col in ("case", "variant", "size", "framework · mode", "device"):
        t.add_column(col, no_wrap=True)
    for col in ("first", "second", "slower by"):
        t.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        case, variant, size, framework, device, mode = r["key"]
        gap = "—" if r["gap"] is None else f"{100 * r['gap']:.1f} %"
        style = "dim" if not r["counts"] else "red" if (r["gap"] or 0) > within else ""
        t.add_row(
            case,
            variant,
            size,
            f"{framework} · {mode}",
            device,
            fmt_s(r["a"]),
            fmt_s(r["b"]),
            f"[{style}]{gap}[/]" if style else gap,
        )
    return t


def verdict(rows: list[dict[str, Any]], within: float) -> tuple[int, int]:
    """(how many benchmarks above ``ABOVE_S`` agree within ``within``, how many there are)."""
    counted = [r for r in rows if r["counts"]]
    return sum(1 for r in counted if r["gap"] is not None and r["gap"] <= within), len(counted)
