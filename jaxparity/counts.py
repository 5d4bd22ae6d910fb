"""One set of counts per run: the same numbers in the command's output, the report's header
and ``summary.json``, all computed here from the summary's records and the plan.

Units: for parity, case × framework × device (a torch-vs-JAX disagreement fails both
frameworks' results); for benchmarks, case × variant × size × framework × device × mode, the
machine's floor and ceiling included. Every result is exactly one of:

* **passed** or **failed**: it ran (``run`` = passed + failed);
* **skipped**, with its reason: selected but not run on purpose (a framework missing, no
  GPU, a mode left out by ``--modes``/``--size`` or by the case);
* **missing**: planned, but the run stopped before it finished;
* **not selected**: a case or device left out by ``--case``/``--topic``/``--device`` (parity
  only: the report lists every case's parity, but benchmarks only of the selected cases).

``planned`` = run + skipped + missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jaxparity import results
from jaxparity.summary import MISSING, Summary
from shared import cases

KINDS = {
    "check": "parity (case × framework × device)",
    "bench": "benchmarks (case × variant × size × framework × device × mode)",
}


@dataclass(frozen=True)
class Tally:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    missing: int = 0
    not_selected: int = 0

    @property
    def run(self) -> int:
        return self.passed + self.failed

    @property
    def planned(self) -> int:
        return self.run + self.skipped + self.missing

    def as_dict(self) -> dict[str, int]:
        return {
            "planned": self.planned,
            "run": self.run,
            "passed": self.passed,
            "failed": self.failed,
            "skipped": self.skipped,
            "missing": self.missing,
            "not_selected": self.not_selected,
        }


def _class(record: dict[str, Any], selected: bool) -> str:
    if not selected:
        return "not_selected"
    if record["status"] == "pass":
        return "passed"
    if record["status"] == "fail":
        return "failed"
    return "missing" if record["reason"] == MISSING else "skipped"


def tally(summ: Summary, plan: dict[str, Any], kind: str) -> Tally:
    """The counts of one kind (``check`` or ``bench``) of ``summ``'s records."""
    check = plan.get("check", {})
    cases_checked, devices = set(check.get("cases", [])), set(check.get("devices", []))
    found = {"passed": 0, "failed": 0, "skipped": 0, "missing": 0, "not_selected": 0}
    for r in summ.records:
        if r["kind"] != kind:
            continue
        # Every benchmark record comes from the plan; parity lists every case of the lesson.
        selected = kind == "bench" or (r["case"] in cases_checked and r["device"] in devices)
        found[_class(r, selected)] += 1
    return Tally(**found)


def selected_cases(plan: dict[str, Any]) -> list[str]:
    """The cases a run was asked for, in lesson order, from either step's plan."""
    bench = plan.get("bench", {})
    named = set(plan.get("check", {}).get("cases", [])) | set(bench.get("cases", []))
    # Plans written before the bench step named its cases: they are in its rows.
    named |= {t["case_id"] for t in bench.get("targets", []) + bench.get("excluded", [])}
    return [c for c in cases.CASES if c in named]


def of(summ: Summary, plan: dict[str, Any]) -> dict[str, Any]:
    """Every count of a run, as saved in ``summary.json``."""
    return {
        "cases": {"selected": len(selected_cases(plan)), "in_lesson": len(cases.CASES)},
        **{kind: tally(summ, plan, kind).as_dict() for kind in KINDS},
    }


def line(kind: str, counts: dict[str, int]) -> str:
    """``parity (…): 12 planned: 10 run (9 passed, 1 failed), 2 skipped with a reason, …``"""
    text = (
        f"{KINDS[kind]}: {counts['planned']} planned: {counts['run']} run "
        f"({counts['passed']} passed, {counts['failed']} failed), {counts['skipped']} "
        f"skipped with a reason, {counts['missing']} missing"
    )
    return text + (f"; {counts['not_selected']} not selected" if kind == "check" else "")


def lines(counts: dict[str, Any]) -> list[str]:
    """The counts as text, one line for the cases and one per kind."""
    c = counts["cases"]
    return [
        f"cases: {c['selected']} of {c['in_lesson']} selected",
        *(line(kind, counts[kind]) for kind in KINDS),
    ]


def document(summ: Summary, plan: dict[str, Any]) -> dict[str, Any]:
    """``summary.json``: the run's id, its counts, one record per result, each comparison's
    fastest idioms (``fastest.rows``) and the self-check (``selfcheck.rows``)."""
    return {
        "tool": results.TOOL,
        "run_id": plan.get("run_id") or plan.get("bench", {}).get("run_id"),
        "counts": of(summ, plan),
        "records": summ.records,
        "fastest": summ.fastest,
        "selfcheck": summ.selfcheck,
    }
