"""``jaxparity compare A [B]`` as printed: its options, the machines, the table, and whether
the figures meet the thresholds (the numbers themselves: ``compare.py``, ``holding.py``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jaxparity import holding
from jaxparity.compare import (
    HELD,
    VERDICTS,
    WIDTH,
    SavedRun,
    factor,
    halves,
    load,
    machine_differences,
    medians_within,
    pairs,
    percent,
    same_run,
)
from jaxparity.fmt import fmt_ci, fmt_s, fmt_x
from jaxparity.paired import Ratio
from jaxparity.summary import ABOVE_S, REPRODUCIBLE


def _speedup(r: Ratio | None, other: Ratio | None) -> str:
    """A speed-up with its interval, red when the interval misses the other run's."""
    if r is None:
        return "—"
    text = f"{fmt_x(r.value)} {fmt_ci(r.low, r.high)}"
    return f"[red]{text}[/]" if other is not None and not r.holds(other.value) else text


def table(rows: list[dict[str, Any]], a: SavedRun, b: SavedRun, within: float) -> Table:
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
