"""The commands of ``jaxparity``: each validates its names before any work, claims ``--out``
(``outdir.py``) and runs its steps (``pipeline.py``); returns the exit status (``cli.py``)."""

from __future__ import annotations

import argparse
import sys
from contextlib import AbstractContextManager
from typing import Any

from rich.console import Console

from jaxparity import (
    bench_plan,
    check,
    compare_output,
    counts,
    listing,
    machine_json,
    outdir,
    pipeline,
    results,
    selection,
    selfcheck,
    show,
)
from jaxparity.console import say
from jaxparity.errors import CliError
from jaxparity.notebook_texts import LANGS
from jaxparity.outdir import ClaimedRun
from jaxparity.profiling import networks


def _bench_plan(args: argparse.Namespace, case_list: list, devices: list[str]) -> dict:
    return bench_plan.make_plan(
        case_list, devices, args.size, selection.resolve_modes(args.modes), args.passes
    )


def _asked_bench(plan: dict[str, Any]) -> dict[str, Any]:
    """What identifies a bench plan (its rows follow from it and the code)."""
    return {k: plan[k] for k in ("cases", "devices", "size", "modes", "passes")}


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
) -> AbstractContextManager[ClaimedRun]:
    return outdir.claim(args.out, asked, sections, fresh=args.fresh, force=args.force, say=say(out))


def _cmd_run(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    plan = _bench_plan(args, case_list, devices)
    if not plan["targets"] and args.modes is not None:  # asked to time, and nothing matches
        raise CliError(bench_plan.nothing_to_time(case_list, plan))
    checks = _check_plan(case_list, devices, "run")
    profile = {"networks": networks.select(args.profile)}
    asked = outdir.asked("run", check=checks, bench=_asked_bench(plan), profile=profile)
    sections = {"check": checks, "bench": plan, "selfcheck": selfcheck.plan(plan)}
    rc = 0
    with _claim(args, asked, {**sections, "profile": profile}, out) as run:
        if not run.finished:
            machine_json.save(run)
            try:
                pipeline.check_step(run, case_list)
                out.print(counts.line("check", pipeline.folder_counts(run.folder)["check"]))
                pipeline.artifacts_step(run, case_list, out)
                rc = pipeline.bench_step(run, case_list, out)
                pipeline.selfcheck_step(run, out)
                pipeline.profile_step(run, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; the report covers what finished", file=sys.stderr)
                pipeline.report_step(run.folder, out, args.lang)
                return 130
            run.finish_if_done()
        found = pipeline.report_step(run.folder, out, args.lang)
        pipeline.notebook_pages(run.folder, out)
    return 1 if _failed(found) or rc != 0 else 0


def _cmd_check(args: argparse.Namespace, out: Console) -> int:
    case_list, devices = _selection(args)
    checks = _check_plan(case_list, devices, args.size)
    with _claim(args, outdir.asked("check", check=checks), {"check": checks}, out) as run:
        if not run.finished:
            machine_json.save(run)
            try:
                pipeline.check_step(run, case_list)
                pipeline.artifacts_step(run, case_list, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; finished checks are saved", file=sys.stderr)
                return 130
            run.finish_if_done()
    out.print(check.table(results.load(args.out).checks))
    found = pipeline.folder_counts(args.out)["check"]
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
        raise CliError(bench_plan.nothing_to_time(case_list, plan))
    rc = 0
    sections = {"bench": plan, "selfcheck": selfcheck.plan(plan)}
    with _claim(args, outdir.asked("bench", bench=_asked_bench(plan)), sections, out) as run:
        if not run.finished:
            machine_json.save(run)
            try:
                rc = pipeline.bench_step(run, case_list, out)
                pipeline.selfcheck_step(run, out)
            except KeyboardInterrupt:
                print("jaxparity: interrupted; finished benchmarks are saved", file=sys.stderr)
                return 130
            run.finish_if_done()
    found = pipeline.folder_counts(args.out)["bench"]
    out.print(counts.line("bench", found))
    out.print(
        f"saved in {args.out / results.BENCH}; `jaxparity report --out {args.out}` for the report"
    )
    return 1 if rc != 0 or found["failed"] else 0


def _cmd_report(args: argparse.Namespace, out: Console) -> int:
    outdir.check_report_folder(args.out, args.force)
    return 1 if _failed(pipeline.report_step(args.out, out, args.lang)) else 0


def _cmd_show(args: argparse.Namespace, out: Console) -> int:
    if args.device == "gpu":
        selection.resolve_devices("gpu")
    return show.show(args.case, args.device, out, args.lang)


def _cmd_notebooks(args: argparse.Namespace, out: Console) -> int:
    from jaxparity import notebooks  # nbformat and nbclient: only for this command

    folder = args.out or notebooks.FOLDER
    langs = LANGS if args.lang == "all" else (args.lang,)
    notebooks.write(
        folder,
        langs,
        run=not args.no_run,
        topics=selection.names(args.topic, "--topic"),
        force=args.force,
        progress=lambda path, wrote: out.print(f"{'wrote' if wrote else 'up to date:'} {path}"),
    )
    if args.html is not None:
        for path in notebooks.render_html(args.html, folder):
            out.print(f"wrote {path}")
    return 0


def _cmd_generate(args: argparse.Namespace, out: Console) -> int:
    from jaxparity import generate  # nbformat and nbclient: only for this command

    return generate.main()


def _cmd_list(args: argparse.Namespace, out: Console) -> int:
    print(listing.listing(args.section))
    return 0


def _cmd_compare(args: argparse.Namespace, out: Console) -> int:
    return compare_output.command(args, out)


COMMANDS = {
    "run": _cmd_run,
    "check": _cmd_check,
    "bench": _cmd_bench,
    "report": _cmd_report,
    "show": _cmd_show,
    "compare": _cmd_compare,
    "list": _cmd_list,
    "notebooks": _cmd_notebooks,
    "generate": _cmd_generate,
}
