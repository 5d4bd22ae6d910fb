"""``jaxparity compare A B`` as printed: the machines, the table, how much the two runs agree
and whether that meets the thresholds (the numbers themselves: ``compare.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jaxparity import compare
from jaxparity.console import say
from jaxparity.fmt import fmt_s, fmt_x
from jaxparity.summary import ABOVE_S


def show(
    first_folder: Path,
    second_folder: Path,
    within_percent: float,
    min_speedups: float,
    min_verdicts: float,
    out: Console,
) -> int:
    """Compare two saved runs on ``out``; 0 when they agree at least as asked (percentages),
    else 1."""
    first, second = compare.load(first_folder), compare.load(second_folder)
    if note := compare.same_run(first, second):
        say(out)(note)
    differ = compare.machine_differences(first, second)
    for line in differ:
        out.print(f"[bold red]different machine or libraries:[/] {escape(line)}")
    rows = compare.pairs(first, second)
    within = within_percent / 100
    out.print(table(rows, first_folder, second_folder, within))
    agree = compare.agreement(rows, within)
    speedups_ok = compare.share(agree.speedups) >= min_speedups / 100
    verdicts_ok = compare.share(agree.verdicts) >= min_verdicts / 100
    out.print(
        f"medians: {agree.medians[0]} of {agree.medians[1]} benchmarks above "
        f"{ABOVE_S * 1e3:g} ms within {within_percent:g} % ({len(rows) - agree.medians[1]} "
        "shorter ones shown dimmed)\n"
        f"speed-ups: {agree.speedups[0]} of {agree.speedups[1]} within {within_percent:g} % "
        f"({100 * compare.share(agree.speedups):.0f} %, at least {min_speedups:g} % "
        f"asked) {'ok' if speedups_ok else 'TOO FEW'}\n"
        f"verdicts: {agree.verdicts[0]} of {agree.verdicts[1]} agree "
        f"({100 * compare.share(agree.verdicts):.0f} %, at least {min_verdicts:g} % asked)"
        f" {'ok' if verdicts_ok else 'TOO FEW'}"
        + (
            f"\n[bold red]the runs come from different machines or libraries ({len(differ)} "
            "differences above): they are not expected to agree[/]"
            if differ
            else ""
        )
    )
    return 0 if speedups_ok and verdicts_ok else 1


def table(rows: list[dict[str, Any]], a: Path, b: Path, within: float) -> Table:
    t = Table(title=escape(f"Per benchmark: first {a}, second {b}"))
    for col in ("case", "variant", "size", "framework · mode", "device"):
        t.add_column(col, no_wrap=True)
    for col in ("first", "second", "slower by", "× torch first", "second", "verdicts"):
        t.add_column(col, justify="right", no_wrap=True)
    for r in rows:
        case, variant, size, framework, device, mode = r["key"]
        gap = "—" if r["gap"] is None else f"{100 * r['gap']:.1f} %"
        style = "dim" if not r["counts"] else "red" if (r["gap"] or 0) > within else ""
        verdicts = "—"
        if r["verdict_a"]:
            same = r["verdict_a"] == r["verdict_b"]
            verdicts = r["verdict_a"] if same else f"[red]{r['verdict_a']} → {r['verdict_b']}[/]"
        t.add_row(
            case,
            variant,
            size,
            f"{framework} · {mode}",
            device,
            fmt_s(r["a"]),
            fmt_s(r["b"]),
            f"[{style}]{gap}[/]" if style else gap,
            fmt_x(r["speedup_a"]),
            fmt_x(r["speedup_b"]),
            verdicts,
        )
    return t
