"""The steps of ``run``, ``check`` and ``bench``, each resumable: a step a rerun of the same
plan finds done is skipped (its progress is in ``plan.json``, kept by ``outdir.ClaimedRun``), an
interrupted one runs again whole — the benchmarks pass by pass and comparison group by group
(``bench_resume.py``).

In the order ``run`` takes them: the parity checks, the artifacts that explain two cases, the
benchmarks, the self-check of a few of their calls by a second timer, the profile behind the
lesson's Table 1, then the report (always rebuilt) and the committed notebooks as pages
beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from jaxparity import (
    artifacts,
    bench_plan,
    bench_run,
    check,
    counts,
    graphviz,
    outdir,
    report,
    results,
    selfcheck,
    selfcheck_run,
    summary,
)
from jaxparity.console import progress, say
from jaxparity.errors import one_line
from jaxparity.outdir import ClaimedRun
from jaxparity.profiling import collect as profiling


def folder_counts(folder: Path) -> dict[str, Any]:
    """The counts of what ``folder`` holds now (``counts.py``)."""
    res = results.load(folder)
    return counts.of(summary.build(res), res.plan)


def check_step(run: ClaimedRun, case_list: list) -> None:
    """The parity checks, unless this run finished them before (an interrupted step runs
    again whole: a minute at most)."""
    if run.done("check"):
        return
    plan = run.record["check"]
    run.reset(results.CHECK)
    with progress("check", check.planned(case_list, plan["devices"])) as advance:
        check.run_checks(case_list, plan["devices"], plan["size"], run.folder, advance)
    run.mark("check")


def artifacts_step(run: ClaimedRun, case_list: list, out: Console) -> None:
    """Graph files and matmul counts for the cases whose explanation needs them."""
    if run.done("artifacts"):
        return
    plan, devices = run.record.get("bench"), run.record["check"]["devices"]
    n = artifacts.planned(case_list, devices, plan)
    if n:
        run.reset(results.ARTIFACTS)
        if note := graphviz.missing_note(case_list):
            say(out)(note)
        with progress("artifacts", n) as advance:
            records = artifacts.collect(run.folder, case_list, devices, plan, advance)
        bad = artifacts.failed(records)
        out.print(
            f"artifacts: {len(records) - len(bad)} of {len(records)} in "
            f"{run.folder / results.ARTIFACTS}"
            + "".join(f"; {r['case']} · {r['framework']} failed: {r['reason']}" for r in bad[:3])
        )
    run.mark("artifacts")


def bench_step(run: ClaimedRun, case_list: list, out: Console) -> int:
    """The benchmarks this run has not timed yet; returns pytest's worst exit status."""
    plan = run.record["bench"]
    if not plan["targets"]:
        out.print(f"bench: {bench_plan.nothing_to_time(case_list, plan)}")
        return 0
    work = bench_run.remaining(plan, run)
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
    with progress("bench", sum(w.blocks + len(w.machine) for w in work)) as advance:
        rc = bench_run.run(plan, work, run, advance)
    if rc not in (0, 1):  # 1: some benchmarks failed, recorded; anything else: pytest broke
        tail = bench_run.log_tail(run.folder)
        print(
            f"jaxparity: pytest exited with status {rc}; the end of its log:\n{tail}",
            file=sys.stderr,
        )
    return rc


def selfcheck_step(run: ClaimedRun, out: Console) -> None:
    """The self-check's verdict: a few of the benchmarks' calls timed again by a second timer,
    each in a fresh process (``selfcheck.py``). The passes time them, right after their
    blocks; this times only what no pass did (a pass that broke, a run resumed from before)."""
    plan = run.record.get("selfcheck") or {}
    if not plan.get("checks") or run.done("selfcheck"):
        return
    left = selfcheck_run.missing(plan, run.folder, run.run_id)
    if left:
        with progress("self-check", left) as advance:
            selfcheck_run.run(plan, run.folder, run.run_id, advance)
    checked = summary.build(results.load(run.folder)).selfcheck
    off = selfcheck.outside(checked)
    timed = [r for r in checked if r["ratio"] is not None]
    out.print(
        f"self-check: {len(timed)} of {len(checked)} calls timed again by a second timer in "
        f"{run.folder / results.SELFCHECK}; "
        + (
            f"{len(off)} differ from the harness by more than {selfcheck.WITHIN:.0%}: "
            + ", ".join(f"{r['case']} · {r['variant']} {r['mode']} {r['ratio']:.2f}×" for r in off)
            if off
            else f"all within {selfcheck.WITHIN:.0%} of the harness"
        )
    )
    run.mark("selfcheck")


def profile_step(run: ClaimedRun, out: Console) -> None:
    """The lesson's Table 1 measured, unless this run did it before (an interrupted profile
    runs again whole: well under 2 minutes)."""
    ids = run.record.get("profile", {}).get("networks")
    if not ids or run.done("profile"):
        return
    run.reset(results.PROFILE)
    with progress("profile", profiling.planned(ids)) as advance:
        found = profiling.collect(run.folder, ids, advance)
    out.print(profiling.line(found, run.folder / results.PROFILE))
    run.mark("profile")


def report_step(folder: Path, out: Console, lang: str) -> dict[str, Any]:
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
        say(out)(note)
    return found


def notebook_pages(folder: Path, out: Console) -> None:
    """The committed notebooks as HTML beside the report (nbconvert), when there are any."""
    from jaxparity import notebooks

    try:
        pages = notebooks.render_html(folder / results.NOTEBOOKS)
    except Exception as e:  # an extra beside the report: say so, keep the run's result
        out.print(f"notebooks: not rendered ({one_line(e)})")
        return
    if pages:
        out.print(f"notebooks: {len(pages)} pages in {folder / results.NOTEBOOKS}")
