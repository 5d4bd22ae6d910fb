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

import argparse
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jaxparity import holding, machine, results
from jaxparity.errors import CliError
from jaxparity.fmt import fmt_ci, fmt_s, fmt_x
from jaxparity.paired import Ratio
from jaxparity.results import Results
from jaxparity.summary import ABOVE_S, REPRODUCIBLE, apart, build

Key = tuple[str, str, str, str, str, str]
VERDICTS = 0.95
"""Default ``--min-verdicts``: the share of win / tie / loss verdicts that must be alike ..."""
HELD = 0.80
"""... ``--min-held``: the share of speed-ups each run's interval must hold, both ways ..."""
WIDTH = 1.30
"""... and ``--max-width``: the widest median interval (``high / low``) either run may have."""


@dataclass
class Run:
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


def _run(res: Results, label: str) -> Run:
    timed = {
        (r["case"], r["variant"], r["size"], r["framework"], r["device"], r["mode"]): r
        for r in build(res).of(kind="bench", status="pass")
        if r["median_s"] and not r["case"].startswith("machine.") and r["blocks"]
    }
    return Run(label, timed, res.machine, res.plan.get("bench", {}).get("run_id"), res.folder)


def load(folder: Path) -> Run:
    return _run(results.load(folder), str(folder))


def halves(folder: Path) -> tuple[Run, Run]:
    """One run's two halves of passes, as two runs."""
    found = holding.halves(results.load(folder))
    if found is None:
        raise CliError(
            f"{folder} holds a run of one pass: name a second results folder to compare it with"
        )
    first, second = found
    return _run(first, f"{folder} (first passes)"), _run(second, f"{folder} (last passes)")


def same_run(a: Run, b: Run) -> str | None:
    """A note when the two are one folder, or one run (a copy): they agree by construction."""
    if a.folder.resolve() == b.folder.resolve():
        return f"{a.folder} and {b.folder} are the same folder: a run compared with itself agrees"
    if a.run_id is not None and a.run_id == b.run_id:
        return (
            f"{a.folder} and {b.folder} hold the same run ({a.run_id}), one a copy of the "
            "other: they agree unless one was edited"
        )
    return None


def pairs(a: Run, b: Run) -> list[dict[str, Any]]:
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


def _speedup(r: Ratio | None, other: Ratio | None) -> str:
    """A speed-up with its interval, red when the interval misses the other run's."""
    if r is None:
        return "—"
    text = f"{fmt_x(r.value)} {fmt_ci(r.low, r.high)}"
    return f"[red]{text}[/]" if other is not None and not r.holds(other.value) else text


def table(rows: list[dict[str, Any]], a: Run, b: Run, within: float) -> Table:
    t = Table(title=escape(f"Per benchmark: first {a.label}, second {b.label}"))
    for col in ("case", "variant", "size", "framework · mode", "device"):
        t.add_column(col, no_wrap=True)
    for col in ("first", "second", "slower by", "× torch first", "second", "verdicts"):
        t.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        case, variant, size, framework, device, mode = r["key"]
        gap = "—" if r["gap"] is None else f"{100 * r['gap']:.1f} %"
        style = "dim" if not r["counts"] else "red" if (r["gap"] or 0) > within else ""
        sa, sb = r["speedup_a"], r["speedup_b"]
        verdicts = "—"
        if sa is not None and sb is not None:
            same = sa.verdict == sb.verdict
            verdicts = sa.verdict if same else f"[red]{sa.verdict} → {sb.verdict}[/]"
        t.add_row(
            case,
            variant,
            size,
            f"{framework} · {mode}",
            device,
            fmt_s(r["a"]),
            fmt_s(r["b"]),
            f"[{style}]{gap}[/]" if style else gap,
            _speedup(sa, sb),
            _speedup(sb, sa),
            verdicts,
        )
    return t


def medians_within(rows: list[dict[str, Any]], within: float) -> tuple[int, int]:
    """(within, counted): medians above ``ABOVE_S`` no further apart than ``within``."""
    counted = [r for r in rows if r["counts"]]
    return sum(1 for r in counted if r["gap"] is not None and r["gap"] <= within), len(counted)


def machine_differences(a: Run, b: Run) -> list[str]:
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


def _typed(convert: Any) -> Any:
    def parse(text: str) -> float:
        try:
            return convert(text)
        except ValueError as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    parse.__name__ = convert.__name__  # argparse names the type in its messages
    return parse


def arguments(p: argparse.ArgumentParser) -> None:
    """``compare``'s arguments and options."""
    p.add_argument("first", type=Path, help="a results folder (--out of a run)")
    p.add_argument(
        "second",
        type=Path,
        nargs="?",
        help="another results folder; without it, the first run's first half of passes is "
        "compared with its second half",
    )
    p.add_argument(
        "--min-verdicts",
        type=_typed(percent),
        default=100 * VERDICTS,
        help="least share in %% of win / tie / loss verdicts that must be alike "
        f"(default: {100 * VERDICTS:g})",
    )
    p.add_argument(
        "--min-held",
        type=_typed(percent),
        default=100 * HELD,
        help="least share in %% of speed-ups each run's 95 %% interval must hold of the other "
        f"run's, in both directions (default: {100 * HELD:g})",
    )
    p.add_argument(
        "--max-width",
        type=_typed(factor),
        default=WIDTH,
        help="widest median interval (high / low, a factor ≥ 1) either run may have "
        f"(default: {WIDTH:g})",
    )
    p.add_argument(
        "--within",
        type=_typed(percent),
        default=100 * REPRODUCIBLE,
        help=f"gap in %% under which two medians above {ABOVE_S * 1e3:g} ms count as alike "
        f"(shown, decides nothing; default: {100 * REPRODUCIBLE:g})",
    )


def _figure(name: str, pair: tuple[int, int], least: float) -> tuple[str, bool]:
    ok = holding.share(pair) >= least / 100
    return (
        f"{name}: {pair[0]} of {pair[1]} ({100 * holding.share(pair):.0f} %, at least "
        f"{least:g} % asked) {'ok' if ok else 'TOO FEW'}",
        ok,
    )


def command(args: argparse.Namespace, out: Console) -> int:
    """``jaxparity compare``: the table, the figures, and 1 when one misses its threshold."""
    if args.second is None:
        first, second = halves(args.first)
    else:
        first, second = load(args.first), load(args.second)
    if args.second is not None and (note := same_run(first, second)):
        out.print(f"[yellow]note:[/] {escape(note)}")
    differ = machine_differences(first, second)
    for line in differ:
        out.print(f"[bold red]different machine or libraries:[/] {escape(line)}")
    rows = pairs(first, second)
    within = args.within / 100
    out.print(table(rows, first, second, within))
    near, counted = medians_within(rows, within)
    found = holding.holding(first.ratios, second.ratios)
    lines, oks = zip(
        _figure("verdicts alike", found.verdicts, args.min_verdicts),
        _figure("first's intervals hold second's speed-ups", found.first_holds, args.min_held),
        _figure("second's intervals hold first's speed-ups", found.second_holds, args.min_held),
        strict=True,
    )
    widths = [w for w in found.widths if w is not None]
    wide_ok = all(w <= args.max_width for w in widths)
    shown = ", ".join(f"×{w:.2f}" if w is not None else "—" for w in found.widths)
    out.print(
        f"medians: {near} of {counted} benchmarks above {ABOVE_S * 1e3:g} ms within "
        f"{args.within:g} % ({len(rows) - counted} shorter ones shown dimmed; decides nothing)\n"
        + "\n".join(lines)
        + f"\nmedian interval width (first, second): {shown} (at most ×{args.max_width:g} "
        f"asked) {'ok' if wide_ok else 'TOO WIDE'}"
        + (
            f"\n[bold red]the runs come from different machines or libraries ({len(differ)} "
            "differences above): they are not expected to agree[/]"
            if differ
            else ""
        )
    )
    return 0 if all(oks) and wide_ok else 1
