"""Beyond one device: the ``distributed`` topic's engines side by side, after its cases.

What a student needs to read the four cases (who launches the processes, where the all-reduce
happens, what a sharding is), the parity figures that say the engines compute the same thing
(each run against the NumPy oracle, against the other framework, and against the same steps
on one device), and the data-parallel step timed at 1 and 2 workers by the workers
themselves (``bench/test_distributed.py``), with what two cores can and cannot show.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jaxparity.document import Block, Bullets, Heading, Para, Table
from jaxparity.fmt import fmt_err, fmt_s, fmt_x, link
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary
from shared import cases

TOPIC = "distributed"
TIMED_CASE = "distributed.data_parallel"
VARIANTS = ("single", "workers_1", "workers_2", "processes_2")
"""``bench/test_distributed.py``'s variants, in the order the table lists them."""
PARITY_COLUMNS = ("case", "framework", "device", "status", "processes", "oracle", "gap", "between")
TIMING_COLUMNS = ("size", "device", "framework", "variant", "median", "speed", "comm", "alone")


def section(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The section, or nothing when the run selected none of the topic's cases."""
    selected = set(res.plan.get("check", {}).get("cases", []))
    selected |= {r["case"] for r in summ.records if r["kind"] == "bench"}
    selected |= {r.get("case") for r in res.checks}
    if not any(case.id in selected for case in cases.select(topics=[TOPIC])):
        return []
    blocks: list[Block] = [
        Heading(2, t("distributed.heading"), "beyond-one-device", t("nav.distributed")),
        Para(t("distributed.intro")),
        Bullets(
            [
                t("distributed.who"),
                t("distributed.where", collectives=_collectives(res, t)),
                t("distributed.sharding"),
            ]
        ),
        Heading(3, t("distributed.parity.heading")),
        Para(t("distributed.parity.intro")),
    ]
    rows = _parity_rows(res, summ, t)
    blocks.append(
        Table(
            [t(f"distributed.col.{c}") for c in PARITY_COLUMNS],
            rows,
            numeric=(4, 5, 6, 7),
            statuses={t.status(s): s for s in ("pass", "fail", "skip")},
        )
        if rows
        else Para(t("distributed.parity.none"))
    )
    blocks += [Heading(3, t("distributed.timing.heading")), Para(t("distributed.timing.intro"))]
    timed = _timed(summ)
    if not timed:
        return [*blocks, Para(t("distributed.timing.none")), Para(t("distributed.two_cores"))]
    blocks.append(
        Table(
            [t(f"distributed.col.{c}") for c in TIMING_COLUMNS],
            _timing_rows(timed, t),
            (4, 5, 6, 7),
        )
    )
    scaling = _scaling(timed, t)
    if scaling:
        blocks.append(Para(t("distributed.scaling", lines="; ".join(scaling))))
    blocks.append(Para(t("distributed.two_cores")))
    return blocks


def _checks_of(res: Results, case_id: str, kind: str, **where: str) -> list[dict[str, Any]]:
    return [
        r
        for r in res.checks
        if r.get("case") == case_id
        and r.get("kind") == kind
        and all(r.get(k) == v for k, v in where.items())
    ]


def _largest(checks: Iterable[dict[str, Any]], prefix: str, against: str) -> float | None:
    """The largest absolute difference among the outputs named ``prefix…``."""
    found = [
        c["max_abs"]
        for c in checks
        if c["key"].startswith(prefix) and c["against"] == against and c["max_abs"] is not None
    ]
    return max(found) if found else None


def _parity_rows(res: Results, summ: Summary, t: Texts) -> list[list[str]]:
    rows = []
    for case in cases.select(topics=[TOPIC]):
        # the outputs that carry each case's answer: the sums, or the trained parameters
        answer = "sum" if case.name == "all_reduce" else "param."
        for r in summ.of(case=case.id, kind="check"):
            (saved,) = _checks_of(
                res, case.id, "check", framework=r["framework"], device=r["device"]
            ) or [{}]
            if not saved:  # not checked in this run
                continue
            (between,) = _checks_of(res, case.id, "between", device=r["device"]) or [{}]
            mine = saved.get("checks", [])
            rows.append(
                [
                    link(case.id),
                    r["framework"],
                    r["device"],
                    t.status(r["status"]),
                    str(saved.get("observations", {}).get("processes", "—")),
                    fmt_err(_largest(mine, answer, "oracle")),
                    fmt_err(_largest(mine, "vs_single.", "oracle")),
                    fmt_err(_largest(between.get("checks", []), answer, "jax")),
                ]
            )
    return rows


def _collectives(res: Results, t: Texts) -> str:
    """Which collectives XLA put in the compiled steps of this run, per case."""
    found = [
        f"{link(r['case'])}: `{r['observations']['collectives']}`"
        for r in res.checks
        if r.get("kind") == "check"
        and r.get("framework") == "jax"
        and r.get("case", "").startswith(f"{TOPIC}.")
        and r.get("observations", {}).get("collectives")
    ]
    return "; ".join(found) or t("distributed.collectives.none")


def _timed(summ: Summary) -> list[dict[str, Any]]:
    return [r for r in summ.of(case=TIMED_CASE, kind="bench") if r["status"] == "pass"]


def _single(timed: list[dict[str, Any]], r: dict[str, Any]) -> dict[str, Any] | None:
    """The same framework's one-process step at the same size and device."""
    return next(
        (
            s
            for s in timed
            if s["variant"] == "single"
            and (s["framework"], s["size"], s["device"]) == (r["framework"], r["size"], r["device"])
        ),
        None,
    )


def _speed(timed: list[dict[str, Any]], r: dict[str, Any]) -> float | None:
    """How fast the variant's step runs next to one process's (above 1: faster)."""
    single = _single(timed, r)
    return single["median_s"] / r["median_s"] if single and r["median_s"] else None


def _order(r: dict[str, Any]) -> tuple:
    variant = VARIANTS.index(r["variant"]) if r["variant"] in VARIANTS else len(VARIANTS)
    return (r["size"], r["device"], r["framework"] != "torch", variant)


def _timing_rows(timed: list[dict[str, Any]], t: Texts) -> list[list[str]]:
    rows = []
    for r in sorted(timed, key=_order):
        extra = r["extra"] or {}
        rows.append(
            [
                f"`{r['size']}`",
                r["device"],
                t.mode(r["framework"], r["mode"]),
                f"`{r['variant']}`",
                fmt_s(r["median_s"]),
                fmt_x(_speed(timed, r)),
                fmt_s(extra.get("comm_s")),
                fmt_s(extra.get("all_reduce_alone_s")),
            ]
        )
    return rows


def _scaling(timed: list[dict[str, Any]], t: Texts) -> list[str]:
    """One clause per size, device and framework timed at two workers."""
    lines = []
    for r in sorted(timed, key=_order):
        if r["variant"] != "workers_2" or _speed(timed, r) is None:
            continue
        comm = (r["extra"] or {}).get("comm_s")
        lines.append(
            t(
                "distributed.scaling.one",
                size=r["size"],
                device=r["device"],
                framework=t.mode(r["framework"], r["mode"]),
                speed=fmt_x(_speed(timed, r)),
                comm=t("distributed.scaling.comm", share=f"{100 * comm / r['median_s']:.0f}")
                if comm and r["median_s"]
                else "",
            )
        )
    return lines
