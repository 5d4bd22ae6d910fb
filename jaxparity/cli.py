"""The ``jaxparity`` command: run, check, bench, report, compare, show, list.

Exit status: 0 all good; 1 a disagreement or a failed benchmark; 2 a usage problem (unknown
name, empty selection, no GPU for ``--device gpu``, an ``--out`` that cannot be written or
holds others' files, missing or unreadable results), reported as one line on stderr; 130
interrupted (the report is still written from what finished, and a rerun resumes: see
``outdir.py``). An artifact that fails (a graph file, a matmul count: ``jaxparity.artifacts``)
is reported, not counted.
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
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
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

from jaxparity import (
    artifacts,
    bench,
    check,
    compare,
    counts,
    graphviz,
    listing,
    outdir,
    report,
    results,
    selection,
    show,
    summary,
    user_paths,
)
from jaxparity.errors import CliError, one_line
from jaxparity.notebook_texts import LANGS
from jaxparity.outdir import Run
from jaxparity.profiling import collect as profiling
from jaxparity.profiling import networks
from jaxparity.report import texts
from shared.cases import UnknownNameError

# torch.func.jacfwd/hessian warn once per process about their own use of torch.jit.script.
warnings.filterwarnings(
    "ignore", message="`torch.jit.script` is deprecated", category=DeprecationWarning
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return int(text)


def _choices(names: dict[str, str]) -> str:
    return "; ".join(f"{name}: {what}" for name, what in names.items())


EXIT_STATUS = (
    "exit status: 0 all good; 1 a disagreement or a failed benchmark; 2 a usage problem (one "
    "line on stderr: a bad option or name, an empty selection, an unusable --out, missing or "
    "foreign result files); 130 interrupted (finished results are kept, and a rerun resumes)"
)
REPORT_LANGUAGE = (
    "the report, which replaces the one in --out (same file names: a report in each language "
    "needs its own --out)"
)
FOLDER_RULES = (
    "--out holds one run: a rerun of the same plan resumes it (keeping what finished), any "
    "other run there is first moved to --out/previous/<run id>/."
)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="jaxparity",
        description="The PyTorch lesson in PyTorch and JAX: parity checks, benchmarks, report.",
        epilog=f"`jaxparity COMMAND --help` describes each command. {EXIT_STATUS}",
    )
    sub = p.add_subparsers(
        dest="command", required=True, parser_class=_Parser, title="commands", metavar="COMMAND"
    )

    def command(name: str, summary: str, more: str = "") -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=summary, description=f"{summary}. {more}".strip(), epilog=EXIT_STATUS
        )

    def out_folder(sp: argparse.ArgumentParser, *, fresh: bool) -> None:
        sp.add_argument(
            "--out",
            type=Path,
            default=Path("out"),
            help="results folder (default: out/), relative to the directory you run this in",
        )
        sp.add_argument(
            "--force",
            action="store_true",
            help="write into a folder holding files of jaxparity's names that jaxparity did "
            "not write (they are overwritten); without it such a folder is refused",
        )
        if fresh:
            sp.add_argument(
                "--fresh",
                action="store_true",
                help="start over instead of resuming the run of the same plan in --out (its "
                "results are moved to --out/previous/<run id>/)",
            )

    def filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--device",
            choices=("cpu", "gpu", "all"),
            help="devices to use (default: every device present; `jaxparity list devices`)",
        )
        sp.add_argument(
            "--case",
            action="append",
            help="case id(s), e.g. tensors.basic_ops; repeatable or comma-separated "
            "(`jaxparity list cases`)",
        )
        sp.add_argument(
            "--topic",
            action="append",
            help="topic(s), e.g. autograd; repeatable or comma-separated; with --case, the "
            "cases in both (`jaxparity list topics`)",
        )

    def language(sp: argparse.ArgumentParser, what: str) -> None:
        sp.add_argument(
            "--lang",
            choices=tuple(texts.LANGUAGES),
            default=texts.DEFAULT,
            help=f"the language of {what} (default: {texts.DEFAULT})",
        )

    def sizes(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--size",
            choices=selection.SIZES,
            default=selection.DEFAULT_SIZE,
            help=f"benchmark sizes — {_choices(selection.SIZES)}",
        )
        sp.add_argument(
            "--modes",
            help="comma-separated modes to time, or all (the default; torch.compile then at "
            "one size per case and not at --size test) — " + _choices(selection.described_modes()),
        )
        sp.add_argument(
            "--passes",
            type=_positive,
            help="processes the benchmarks are timed in, one after another, each in paired "
            "blocks; the report pools every pass's pairs (default: 2, or 1 at --size test)",
        )

    run_p = command(
        "run",
        "parity checks, benchmarks, then the report",
        f"{FOLDER_RULES} An interrupted run (Ctrl-C, SIGTERM) still writes the report.",
    )
    out_folder(run_p, fresh=True)
    filters(run_p)
    sizes(run_p)
    run_p.add_argument(
        "--profile",
        default=networks.ALL,
        help="networks whose forward pass is profiled after the benchmarks, for the lesson's "
        "Table 1 (flops and runtime per operator class): comma-separated, all (the default) "
        "or none — " + _choices({n.id: n.code for n in networks.NETWORKS.values()}),
    )
    language(run_p, REPORT_LANGUAGE)
    check_p = command("check", "parity only: a table; exit 1 on any disagreement", FOLDER_RULES)
    out_folder(check_p, fresh=True)
    filters(check_p)
    check_p.add_argument(
        "--size",
        choices=selection.CHECK_SIZES,
        default="test",
        help=f"input size of the checks — {_choices(selection.CHECK_SIZES)}",
    )
    bench_p = command(
        "bench",
        "benchmarks only (pytest-benchmark), saved as they finish",
        f"{FOLDER_RULES} `jaxparity report` then writes the report.",
    )
    out_folder(bench_p, fresh=True)
    filters(bench_p)
    sizes(bench_p)
    report_p = command(
        "report",
        "rebuild the report from saved results",
        "Writes report.html, report.md, plots/ and summary.json into --out, re-running "
        "nothing; what did not finish is marked.",
    )
    out_folder(report_p, fresh=False)
    language(report_p, REPORT_LANGUAGE)
    compare_p = command(
        "compare",
        "two saved runs side by side (or one run's passes): verdicts, whether each run's "
        "intervals hold the other's speed-ups, interval widths, medians, machines; exit 1 "
        "when a figure misses its threshold",
    )
    compare.arguments(compare_p)
    show_p = command(
        "show",
        "one case's two implementations side by side",
        "The explanation, both functions' code, their outputs at the test size and how they "
        "agree; exit 1 when they do not.",
    )
    show_p.add_argument("case", help="a case id, e.g. devices.layer (`jaxparity list cases`)")
    show_p.add_argument(
        "--device", choices=("cpu", "gpu"), default="cpu", help="where to run it (default: cpu)"
    )
    language(show_p, "the case's texts and the labels")
    notebooks_p = command(
        "notebooks",
        "the lesson as Jupyter notebooks, one per topic and an index, in English and Russian",
        "Generated from the tested code into notebooks/<lang>/ and run, each in a fresh "
        "kernel, so they are saved with their outputs (a few minutes).",
    )
    notebooks_p.add_argument(
        "--lang", choices=(*LANGS, "all"), default="all", help="which language (default: all)"
    )
    notebooks_p.add_argument(
        "--out",
        type=Path,
        help="folder to write <lang>/*.ipynb into (default: the repository's notebooks/)",
    )
    notebooks_p.add_argument(
        "--no-run", action="store_true", help="write the notebooks without running them"
    )
    notebooks_p.add_argument(
        "--html",
        type=Path,
        help="also render the notebooks written, with their outputs, as HTML pages here",
    )
    list_p = command(
        "list",
        "the names the other commands accept: cases, topics, sizes, modes, devices present",
        "With a section, only its rows, the name first (for scripts).",
    )
    list_p.add_argument(
        "section", nargs="?", choices=listing.SECTIONS, help="one section only (default: all)"
    )
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


def _save_machine(run: Run) -> None:
    """The machine, once per run: a resumed run keeps the record of its first start."""
    if (run.folder / results.MACHINE).exists():
        return
    from jaxparity.machine import describe_machine  # as pytest-benchmark records it

    info: dict[str, Any] = {
        **describe_machine(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": _git_commit(),
        "load_1m_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    results.write_machine(run.folder, info)


def _say(out: Console) -> Callable[[str], None]:
    return lambda text: out.print(f"[yellow]note:[/] {escape(text)}")


def _folder_counts(folder: Path) -> dict[str, Any]:
    """The counts of what ``folder`` holds now (``counts.py``)."""
    res = results.load(folder)
    return counts.of(summary.build(res), res.plan)


def _check_step(run: Run, case_list: list) -> None:
    """The parity checks, unless this run finished them before (an interrupted step runs
    again whole: a minute at most)."""
    if run.done("check"):
        return
    plan = run.record["check"]
    run.reset(results.CHECK)
    with _progress("check", check.planned(case_list, plan["devices"])) as advance:
        check.run_checks(case_list, plan["devices"], plan["size"], run.folder, advance)
    run.mark("check")


def _artifacts_step(run: Run, case_list: list, out: Console) -> None:
    """Graph files and matmul counts for the cases whose explanation needs them."""
    if run.done("artifacts"):
        return
    plan, devices = run.record.get("bench"), run.record["check"]["devices"]
    n = artifacts.planned(case_list, devices, plan)
    if n:
        run.reset(results.ARTIFACTS)
        if note := graphviz.missing_note(case_list):
            _say(out)(note)
        with _progress("artifacts", n) as advance:
            records = artifacts.collect(run.folder, case_list, devices, plan, advance)
        bad = artifacts.failed(records)
        out.print(
            f"artifacts: {len(records) - len(bad)} of {len(records)} in "
            f"{run.folder / results.ARTIFACTS}"
            + "".join(f"; {r['case']} · {r['framework']} failed: {r['reason']}" for r in bad[:3])
        )
    run.mark("artifacts")


def _bench_plan(args: argparse.Namespace, case_list: list, devices: list[str]) -> dict:
    return bench.make_plan(
        case_list, devices, args.size, selection.resolve_modes(args.modes), args.passes
    )


def _asked_bench(plan: dict[str, Any]) -> dict[str, Any]:
    """What identifies a bench plan (its rows follow from it and the code)."""
    return {k: plan[k] for k in ("cases", "devices", "size", "modes", "passes")}


def _bench_step(run: Run, case_list: list, out: Console) -> int:
    """The benchmarks this run has not timed yet; returns pytest's worst exit status."""
    plan = run.record["bench"]
    if not plan["targets"]:
        out.print(f"bench: {bench.nothing_to_time(case_list, plan)}")
        return 0
    work = bench.remaining(plan, run)
    saved_plan = results.Results(run.folder, plan=run.record)  # every benchmark still missing
    planned = counts.tally(summary.build(saved_plan), run.record, "bench")
    total = len(plan["targets"]) + len(plan["machine"])
    left = [f"pass {w.number}: {len(w.targets) + len(w.machine)} of {total}" for w in work]
    out.print(
        f"bench: {planned.planned} planned: {planned.missing} to time ({len(plan['targets'])} "
        f"of the cases, {len(plan['machine'])} of the machine), {planned.skipped} skipped with "
        f"a reason; {plan['blocks']} paired blocks each, {plan['passes']} "
        f"pass{'es' if plan['passes'] > 1 else ''}"
        + (f"; left to time in {', '.join(left) or 'no pass'}" if run.resumed else "")
        + f"; log in {run.folder / results.BENCH_LOG}"
    )
    with _progress("bench", sum(w.blocks + len(w.machine) for w in work)) as advance:
        rc = bench.run(plan, work, run, advance)
    if rc not in (0, 1):  # 1: some benchmarks failed, recorded; anything else: pytest broke
        tail = bench.log_tail(run.folder)
        print(
            f"jaxparity: pytest exited with status {rc}; the end of its log:\n{tail}",
            file=sys.stderr,
        )
    return rc


def _profile_step(run: Run, out: Console) -> None:
    """The lesson's Table 1 measured, unless this run did it before (an interrupted profile
    runs again whole: well under 2 minutes)."""
    ids = run.record.get("profile", {}).get("networks")
    if not ids or run.done("profile"):
        return
    run.reset(results.PROFILE)
    with _progress("profile", profiling.planned(ids)) as advance:
        found = profiling.collect(run.folder, ids, advance)
    out.print(profiling.line(found, run.folder / results.PROFILE))
    run.mark("profile")


def _report(folder: Path, out: Console, lang: str) -> dict[str, Any]:
    """Write the report in ``lang``; print where, the counts and the notes; return the counts."""
    summ = report.write(folder, lang)
    found = counts.of(summ, outdir.ours(folder) or {})
    out.print(
        f"report: {folder / results.REPORT_HTML}, {folder / results.REPORT_MD}, "
        f"{folder / results.SUMMARY}"
    )
    for text in counts.lines(found):
        out.print(f"  {text}")
    for note in summ.notes:
        out.print(f"[yellow]note:[/] {escape(note)}")
    return found


def _failed(found: dict[str, Any]) -> bool:
    return bool(found["check"]["failed"] or found["bench"]["failed"])


def _selection(args: argparse.Namespace) -> tuple[list, list[str]]:
    """Cases and devices, every name validated before any work starts."""
    case_list = selection.select_cases(
        selection.names(args.case, "--case"), selection.names(args.topic, "--topic")
    )
    if getattr(args, "modes", None) is not None:
        selection.resolve_modes(args.modes)
    return case_list, selection.resolve_devices(args.device)


def _check_plan(case_list: list, devices: list[str], size: str) -> dict[str, Any]:
    return {"size": size, "devices": devices, "cases": [c.id for c in case_list]}


def _claim(
    args: argparse.Namespace, asked: dict, sections: dict, out: Console
) -> AbstractContextManager[Run]:
    return outdir.claim(
        args.out, asked, sections, fresh=args.fresh, force=args.force, say=_say(out)
    )


def _cmd_run(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    plan = _bench_plan(args, case_list, devices)
    if not plan["targets"] and args.modes is not None:  # asked to time, and nothing matches
        raise CliError(bench.nothing_to_time(case_list, plan))
    checks = _check_plan(case_list, devices, "run")
    profile = {"networks": networks.select(args.profile)}
    asked = outdir.asked("run", check=checks, bench=_asked_bench(plan), profile=profile)
    rc = 0
    with _claim(args, asked, {"check": checks, "bench": plan, "profile": profile}, out) as run:
        if not run.finished:
            _save_machine(run)
            try:
                _check_step(run, case_list)
                out.print(counts.line("check", _folder_counts(run.folder)["check"]))
                _artifacts_step(run, case_list, out)
                rc = _bench_step(run, case_list, out)
                _profile_step(run, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; the report covers what finished", file=sys.stderr)
                _report(run.folder, out, args.lang)
                return 130
            run.finish_if_done()
        found = _report(run.folder, out, args.lang)
        _notebook_pages(run.folder, out)
    return 1 if _failed(found) or rc != 0 else 0


def _cmd_check(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    checks = _check_plan(case_list, devices, args.size)
    with _claim(args, outdir.asked("check", check=checks), {"check": checks}, out) as run:
        if not run.finished:
            _save_machine(run)
            try:
                _check_step(run, case_list)
                _artifacts_step(run, case_list, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; finished checks are saved", file=sys.stderr)
                return 130
            run.finish_if_done()
    out.print(check.table(results.load(args.out).checks))
    found = _folder_counts(args.out)["check"]
    out.print(counts.line("check", found))
    out.print(
        f"{found['failed']} of {found['run']} results disagree"
        if found["failed"]
        else "every checked case agrees",
        f"— saved in {args.out / results.CHECK}",
    )
    return 1 if found["failed"] else 0


def _cmd_bench(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    plan = _bench_plan(args, case_list, devices)
    if not plan["targets"]:  # say why before anything in --out is touched
        raise CliError(bench.nothing_to_time(case_list, plan))
    rc = 0
    with _claim(args, outdir.asked("bench", bench=_asked_bench(plan)), {"bench": plan}, out) as run:
        if not run.finished:
            _save_machine(run)
            try:
                rc = _bench_step(run, case_list, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; finished benchmarks are saved", file=sys.stderr)
                return 130
            run.finish_if_done()
    found = _folder_counts(args.out)["bench"]
    out.print(counts.line("bench", found))
    out.print(
        f"saved in {args.out / results.BENCH}; `jaxparity report --out {args.out}` for the report"
    )
    return 1 if rc != 0 or found["failed"] else 0


def _cmd_report(args: argparse.Namespace, out: Console) -> int:
    outdir.check_report_folder(args.out, args.force)
    return 1 if _failed(_report(args.out, out, args.lang)) else 0


def _cmd_show(args: argparse.Namespace, out: Console) -> int:
    if args.device == "gpu":
        selection.resolve_devices("gpu")
    return show.show(args.case, args.device, out, args.lang)


def _cmd_notebooks(args: argparse.Namespace, out: Console) -> int:
    from jaxparity import notebooks  # nbformat and nbclient: only for this command

    folder = args.out or notebooks.FOLDER
    langs = LANGS if args.lang == "all" else (args.lang,)
    for path in notebooks.write(folder, langs, run=not args.no_run):
        out.print(f"wrote {path}")
    if args.html is not None:
        for path in notebooks.render_html(args.html, folder):
            out.print(f"wrote {path}")
    return 0


def _notebook_pages(folder: Path, out: Console) -> None:
    """The committed notebooks as HTML beside the report (nbconvert), when there are any."""
    from jaxparity import notebooks

    try:
        pages = notebooks.render_html(folder / results.NOTEBOOKS)
    except Exception as e:  # an extra beside the report: say so, keep the run's result
        out.print(f"notebooks: not rendered ({one_line(e)})")
        return
    if pages:
        out.print(f"notebooks: {len(pages)} pages in {folder / results.NOTEBOOKS}")


def _cmd_list(args: argparse.Namespace, out: Console) -> int:
    print(listing.listing(args.section))
    return 0


def _cmd_compare(args: argparse.Namespace, out: Console) -> int:
    return compare.command(args, out)


COMMANDS = {
    "run": _cmd_run,
    "check": _cmd_check,
    "bench": _cmd_bench,
    "report": _cmd_report,
    "show": _cmd_show,
    "compare": _cmd_compare,
    "list": _cmd_list,
    "notebooks": _cmd_notebooks,
}
PATHS = ("out", "first", "second", "html")
"""The arguments that are paths, resolved against the caller's directory (``user_paths``)."""


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help, or a usage error already printed as one line
        return int(e.code or 0)
    for name in PATHS:
        if getattr(args, name, None) is not None:
            setattr(args, name, user_paths.resolve(getattr(args, name)))
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
