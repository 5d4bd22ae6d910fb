"""The ``jaxparity`` command: run, check, bench, report, show.

Exit status: 0 all good; 1 a disagreement or a failed benchmark; 2 a usage problem (unknown
case or topic, no GPU for ``--device gpu``, missing or unreadable results), reported as one
line on stderr; 130 interrupted (the report is still written from what finished). An artifact
that fails (a graph file, a matmul count: ``jaxparity.artifacts``) is reported, not counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from jaxparity import artifacts, bench, check, compare, report, results, selection, show
from jaxparity.errors import CliError
from jaxparity.summary import ABOVE_S, REPRODUCIBLE, Summary
from shared.cases import UnknownNameError

# torch.func.jacfwd/hessian warn once per process about their own use of torch.jit.script.
warnings.filterwarnings(
    "ignore", message="`torch.jit.script` is deprecated", category=DeprecationWarning
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _names(values: list[str] | None) -> list[str] | None:
    """``--case a --case b,c`` → ``[a, b, c]``."""
    if not values:
        return None
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="jaxparity",
        description="The PyTorch lesson in PyTorch and JAX: parity checks, benchmarks, report.",
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(sp: argparse.ArgumentParser, *, filters: bool = True) -> None:
        sp.add_argument("--out", type=Path, default=Path("out"), help="results folder (out/)")
        if filters:
            sp.add_argument(
                "--device",
                choices=("cpu", "gpu", "all"),
                help="devices to use (default: every device present)",
            )
            sp.add_argument(
                "--case", action="append", help="case id(s), e.g. tensors.basic_ops (repeatable)"
            )
            sp.add_argument("--topic", action="append", help="topic(s), e.g. autograd (repeatable)")

    def sizes(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--size",
            choices=selection.SIZES,
            default=selection.DEFAULT_SIZE,
            help="benchmark sizes: test (tiny), cpu (default: one CPU-sized size per case), "
            "lesson (the lesson's sizes), sweep (scaling points)",
        )
        sp.add_argument(
            "--modes",
            help="comma-separated modes to time (eager: torch eager and JAX op by op, compile, "
            "jit, jit_grad, nnx_jit) or 'all'; default: all, with torch.compile at one size "
            "per case and none at --size test",
        )
        sp.add_argument(
            "--passes",
            type=_positive,
            help="processes the benchmarks are timed in, one after another, each in paired "
            "blocks; the report pools every pass's pairs (default: 2, or 1 at --size test)",
        )

    run_p = sub.add_parser("run", help="parity checks, benchmarks, then the report")
    common(run_p)
    sizes(run_p)
    check_p = sub.add_parser("check", help="parity only: a table; exit 1 on any disagreement")
    common(check_p)
    check_p.add_argument("--size", choices=("test", "lesson"), default="test")
    bench_p = sub.add_parser(
        "bench", help="benchmarks only (pytest-benchmark), saved as they finish"
    )
    common(bench_p)
    sizes(bench_p)
    report_p = sub.add_parser("report", help="rebuild the report from saved results")
    common(report_p, filters=False)
    compare_p = sub.add_parser(
        "compare",
        help="two saved runs side by side: medians, speed-ups, verdicts, machines; exit 1 "
        "when they agree less than the thresholds",
    )
    compare_p.add_argument("first", type=Path, help="a results folder (--out of a run)")
    compare_p.add_argument("second", type=Path, help="another results folder")
    compare_p.add_argument(
        "--within",
        type=_percent,
        default=100 * REPRODUCIBLE,
        help=f"tolerated gap in %% between two medians or two speed-ups, for benchmarks "
        f"above {ABOVE_S * 1e3:g} ms (default: {100 * REPRODUCIBLE:g})",
    )
    compare_p.add_argument(
        "--min-speedups",
        type=_percent,
        default=100 * compare.SPEEDUPS,
        help="least share in %% of speed-ups above 1 ms that must lie --within of each other "
        f"(default: {100 * compare.SPEEDUPS:g})",
    )
    compare_p.add_argument(
        "--min-verdicts",
        type=_percent,
        default=100 * compare.VERDICTS,
        help=f"least share in %% of win / tie / loss verdicts that must agree "
        f"(default: {100 * compare.VERDICTS:g})",
    )
    show_p = sub.add_parser("show", help="one case's two implementations side by side")
    show_p.add_argument("case", help="a case id, e.g. devices.layer")
    show_p.add_argument("--device", choices=("cpu", "gpu"), default="cpu")
    return p


@contextmanager
def _progress(label: str, total: int) -> Iterator[Callable[[str], None]]:
    err = Console(stderr=True)
    columns = (
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("", total=total)
        done = 0

        def advance(what: str) -> None:
            nonlocal done
            done += 1
            # Whole bench modules (e.g. memory) add tests the plan cannot count in advance.
            bar.update(task, completed=done, total=max(done, total), description=what)

        yield advance


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=bench.ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def _save_machine(folder: Path) -> None:
    from jaxparity.machine import describe_machine  # as pytest-benchmark records it

    info: dict[str, Any] = {
        **describe_machine(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": _git_commit(),
        "load_1m_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    results.write_machine(folder, info)


def _check(args: argparse.Namespace, case_list: list, devices: list[str], size: str) -> list:
    results.update_plan(
        args.out,
        "check",
        {
            "size": size,
            "devices": devices,
            "cases": [c.id for c in case_list],
            "started": time.time(),
        },
    )
    with _progress("check", check.planned(case_list, devices)) as advance:
        return check.run_checks(case_list, devices, size, args.out, advance)


def _artifacts(
    args: argparse.Namespace, case_list: list, devices: list[str], plan: dict | None, out: Console
) -> None:
    """Graph files and matmul counts for the cases whose explanation needs them."""
    n = artifacts.planned(case_list, devices, plan)
    if not n:
        return
    with _progress("artifacts", n) as advance:
        records = artifacts.collect(args.out, case_list, devices, plan, advance)
    bad = artifacts.failed(records)
    out.print(
        f"artifacts: {len(records) - len(bad)} of {len(records)} in "
        f"{args.out / results.ARTIFACTS}"
        + "".join(f"; {r['case']} · {r['framework']} failed: {r['reason']}" for r in bad[:3])
    )


def _plan_bench(args: argparse.Namespace, case_list: list, devices: list[str]) -> dict:
    """Plan the benchmarks and save the plan before any work, so a cut-short run knows."""
    modes = selection.resolve_modes(args.modes)
    plan = bench.make_plan(case_list, devices, args.size, modes, args.passes)
    results.update_plan(args.out, "bench", plan)
    return plan


def _bench(args: argparse.Namespace, plan: dict, out: Console) -> int:
    n = (bench.planned_blocks(plan) + len(plan["machine"])) * plan["passes"]
    out.print(
        f"bench: {len(plan['targets'])} benchmarks at --size {args.size}, "
        f"{plan['blocks']} paired blocks each, "
        f"{plan['passes']} pass{'es' if plan['passes'] > 1 else ''} "
        f"({len(plan['excluded'])} left out by the mode rules); log in "
        f"{args.out / results.BENCH_LOG}"
    )
    with _progress("bench", n) as advance:
        rc = bench.run(plan, args.out, advance)
    if rc not in (0, 1):  # 1: some benchmarks failed, recorded; anything else: pytest broke
        tail = bench.log_tail(args.out)
        print(
            f"jaxparity: pytest exited with status {rc}; the end of its log:\n{tail}",
            file=sys.stderr,
        )
    return rc


def _report(folder: Path, out: Console) -> Summary:
    summ = report.write(folder)
    c, b = summ.counts("check"), summ.counts("bench")
    out.print(
        f"report: {folder / results.REPORT_HTML}, {folder / results.REPORT_MD}, "
        f"{folder / results.SUMMARY} — parity {c['pass']} pass / {c['fail']} fail / "
        f"{c['skip']} skip; benchmarks {b['pass']} timed / {b['fail']} failed / {b['skip']} not run"
    )
    for note in summ.notes:
        out.print(f"[yellow]note:[/] {note}")
    return summ


def _selection(args: argparse.Namespace) -> tuple[list, list[str]]:
    case_list = selection.select_cases(_names(args.case), _names(args.topic))
    if getattr(args, "modes", None) is not None:
        selection.resolve_modes(args.modes)  # validate before any work starts
    return case_list, selection.resolve_devices(args.device)


def _cmd_run(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    names = (results.PLAN, results.MACHINE, *results.CHECK_FILES, *results.BENCH_FILES)
    results.start_fresh(args.out, names + results.REPORT_FILES)
    _save_machine(args.out)
    plan = _plan_bench(args, case_list, devices)
    try:
        records = _check(args, case_list, devices, "test")
        out.print(f"check: {len(check.failed(records))} failed of {len(records)} results")
        _artifacts(args, case_list, devices, plan, out)
        rc = _bench(args, plan, out)
    except KeyboardInterrupt:
        print("jaxparity: interrupted; the report covers what finished", file=sys.stderr)
        _report(args.out, out)
        return 130
    summ = _report(args.out, out)
    return 1 if summ.counts()["fail"] or rc not in (0, 5) else 0


def _cmd_check(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    results.start_fresh(args.out, results.CHECK_FILES)
    _save_machine(args.out)
    records = _check(args, case_list, devices, args.size)
    out.print(check.table(records))
    _artifacts(args, case_list, devices, None, out)
    bad = check.failed(records)
    out.print(
        f"{len(bad)} disagreement(s)" if bad else "every checked case agrees",
        f"— saved in {args.out / results.CHECK}",
    )
    return 1 if bad else 0


def _cmd_bench(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    plan = bench.make_plan(
        case_list, devices, args.size, selection.resolve_modes(args.modes), args.passes
    )
    if not plan["targets"]:  # say why before anything in --out is touched
        raise CliError(bench.nothing_to_time(case_list, plan))
    results.start_fresh(args.out, results.BENCH_FILES)
    _save_machine(args.out)
    results.update_plan(args.out, "bench", plan)
    try:
        rc = _bench(args, plan, out)
    except KeyboardInterrupt:
        print("jaxparity: interrupted; finished benchmarks are saved", file=sys.stderr)
        return 130
    out.print(
        f"saved in {args.out / results.BENCH}; `jaxparity report --out {args.out}` for the report"
    )
    return 0 if rc in (0, 5) else 1


def _cmd_report(args: argparse.Namespace, out: Console) -> int:
    summ = _report(args.out, out)
    return 1 if summ.counts()["fail"] else 0


def _cmd_show(args: argparse.Namespace, out: Console) -> int:
    if args.device == "gpu":
        selection.resolve_devices("gpu")
    return show.show(args.case, args.device, out)


def _percent(text: str) -> float:
    try:
        return compare.percent(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _cmd_compare(args: argparse.Namespace, out: Console) -> int:
    first, second = compare.load(args.first), compare.load(args.second)
    if args.first.resolve() == args.second.resolve():
        out.print(f"[yellow]note:[/] {args.first} is compared with itself: everything agrees")
    differ = compare.machine_differences(first, second)
    for line in differ:
        out.print(f"[bold red]different machine or libraries:[/] {escape(line)}")
    rows = compare.pairs(first, second)
    within = args.within / 100
    out.print(compare.table(rows, args.first, args.second, within))
    agree = compare.agreement(rows, within)
    speedups_ok = compare.share(agree.speedups) >= args.min_speedups / 100
    verdicts_ok = compare.share(agree.verdicts) >= args.min_verdicts / 100
    out.print(
        f"medians: {agree.medians[0]} of {agree.medians[1]} benchmarks above "
        f"{ABOVE_S * 1e3:g} ms within {args.within:g} % ({len(rows) - agree.medians[1]} "
        "shorter ones shown dimmed)\n"
        f"speed-ups: {agree.speedups[0]} of {agree.speedups[1]} within {args.within:g} % "
        f"({100 * compare.share(agree.speedups):.0f} %, at least {args.min_speedups:g} % "
        f"asked) {'ok' if speedups_ok else 'TOO FEW'}\n"
        f"verdicts: {agree.verdicts[0]} of {agree.verdicts[1]} agree "
        f"({100 * compare.share(agree.verdicts):.0f} %, at least {args.min_verdicts:g} % asked)"
        f" {'ok' if verdicts_ok else 'TOO FEW'}"
        + (
            f"\n[bold red]the runs come from different machines or libraries ({len(differ)} "
            "differences above): they are not expected to agree[/]"
            if differ
            else ""
        )
    )
    return 0 if speedups_ok and verdicts_ok else 1


COMMANDS = {
    "run": _cmd_run,
    "check": _cmd_check,
    "bench": _cmd_bench,
    "report": _cmd_report,
    "show": _cmd_show,
    "compare": _cmd_compare,
}


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help, or a usage error already printed as one line
        return int(e.code or 0)
    # A pipe or file gets wide tables rather than rich's 80 columns.
    out = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 150)
    with _terminate_as_interrupt():
        try:
            return COMMANDS[args.command](args, out)
        except (CliError, UnknownNameError) as e:
            print(f"jaxparity {args.command}: error: {e}", file=sys.stderr)
            return 2


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``timeout``, a scheduler) ends a run like Ctrl-C: the report is still written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
