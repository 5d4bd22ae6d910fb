"""Training to accuracy, and what compute costs: the section of ``training.to_accuracy``.

From the rows ``bench/test_train_to_accuracy.py`` saved (variant ``to_accuracy``, one fresh
process per framework × mode × width): both frameworks' loss curves on one plot per width; a
table per width of time to accuracy, epochs, compile seconds, the steady step, the break-even
step count against eager torch and the process's peak memory while compiling and training;
then one generated sentence per resource (compile time, memory while compiling, memory while
training) saying where JAX needs more and where less, and what a GPU changes.

``summary.json`` holds every number shown: the records of case ``training.to_accuracy`` and
variant ``to_accuracy`` carry ``compile_s`` and ``peak_bytes`` (training's peak resident set)
as fields, and in ``extra`` ``time_to_accuracy_s``, ``steady_step_s``, ``epochs``,
``epoch_s``, ``rss_compile_peak_bytes``, ``losses``, …; the break-even step count is
:func:`break_even` of them.
"""

from __future__ import annotations

import statistics
from typing import Any

from jaxparity import plots
from jaxparity.document import Block, Bullets, Figure, Figures, Heading, Para, Table
from jaxparity.fmt import fmt_bytes, fmt_s, fmt_x, link
from jaxparity.report.texts import Texts
from jaxparity.summary import Summary
from shared import cases, run_modes
from shared.cases.training._inputs import SIZES, TEST_IMAGES
from shared.cases.training._record import (
    LEARNING_RATE,
    MOMENTUM,
    TARGET_ACCURACY,
    TO_ACCURACY,
    TO_ACCURACY_MODES,
)

CASE = "training.to_accuracy"
BASE = run_modes.TORCH_EAGER.key
ANCHOR = "training-to-accuracy"
COMPUTE = "compute"
"""The anchor of "More compute?": compile time and memory, measured."""
COLUMNS = (
    "mode",
    "reached",
    "epochs",
    "build",
    "compile",
    "first",
    "step",
    "epoch",
    "break_even",
    "rss_before",
    "rss_compile",
    "rss_train",
)
SAME = 0.10
"""Two numbers within 10 % of each other are called alike in the generated sentences."""


def shown_apart(record: dict[str, Any]) -> bool:
    """Whether a benchmark record is shown here rather than in its case's timings table."""
    return record["case"] == CASE and record["variant"] == TO_ACCURACY


def break_even(
    compile_s: float | None, eager_step_s: float | None, step_s: float | None
) -> float | None:
    """Steps after which a compiled mode has paid back its compilation against eager torch:
    ``compile_s / (eager_step_s − step_s)``; ``inf`` where its step is not faster (it never
    does), ``None`` where a number is missing."""
    if compile_s is None or eager_step_s is None or step_s is None:
        return None
    saved = eager_step_s - step_s
    return compile_s / saved if saved > 0 else float("inf")


def extra(r: dict[str, Any], key: str) -> Any:
    """A value the run recorded beside a row's fields (``time_to_accuracy_s``, …), or None."""
    return (r["extra"] or {}).get(key)


def runs(summ: Summary) -> dict[str, list[dict[str, Any]]]:
    """The finished rows per width, in the case's order of sizes and modes."""
    by_size: dict[str, list[dict[str, Any]]] = {}
    for r in summ.of(case=CASE, kind="bench", variant=TO_ACCURACY, status="pass"):
        by_size.setdefault(r["size"], []).append(r)
    return by_size


def section(summ: Summary, figures: dict[str, str], t: Texts) -> list[Block]:
    """The section: intro, then per width the loss curves and the table; the compute
    sentences; or why there is nothing to show."""
    case = cases.get(CASE)
    blocks: list[Block] = [
        Heading(3, t("training.heading"), ANCHOR, t("nav.training")),
        Para(
            t(
                "training.intro",
                case=link(CASE),
                target=f"{100 * TARGET_ACCURACY:g}",
                lr=f"{LEARNING_RATE:g}",
                momentum=f"{MOMENTUM:g}",
                modes=", ".join(t.mode(*m.key) for m in _modes()),
                test=TEST_IMAGES,
                batch=SIZES["lesson"].batch,
            )
        ),
    ]
    found = runs(summ)
    if not found:
        failed = summ.of(case=CASE, kind="bench", variant=TO_ACCURACY, status="fail")
        blocks.append(Para(t("training.none" if not failed else "training.failed")))
        return blocks
    assert case.bench is not None
    for size in [s for s in case.bench.sizes if s in found]:
        blocks += _width(size, found[size], figures, t)
    blocks.append(Heading(4, t("training.compute.heading"), COMPUTE, t("nav.compute")))
    blocks.append(Bullets([*_compute(found, t), t("training.compute.gpu")]))
    blocks.append(Para(t("training.method")))
    return blocks


def _modes() -> list[run_modes.RunMode]:
    return [
        m
        for framework, names in TO_ACCURACY_MODES.items()
        for name in names
        if (m := run_modes.find(framework, name)) is not None
    ]


def _width(size: str, rows: list[dict[str, Any]], figures: dict[str, str], t: Texts) -> list[Block]:
    hidden = SIZES[size].hidden_dim if size in SIZES else "?"
    blocks: list[Block] = [Heading(4, t("training.width", size=size, hidden=hidden))]
    series = [
        (
            t.mode(r["framework"], r["mode"]),
            run_modes.colour(r["framework"], r["mode"]),
            list(extra(r, "losses") or []),
        )
        for r in rows
    ]
    svg = plots.curves(series, t("training.plot", size=size, hidden=hidden), t("training.plot.x"))
    if svg:
        name = f"training-loss-{size}"
        figures[name] = svg
        blocks.append(Figures([Figure(name, svg, t("training.plot.alt", size=size))]))
        blocks += _curves_agree([vs for _, _, vs in series], t)
    base = pick(rows, BASE)
    eager_step = extra(base, "steady_step_s") if base else None
    blocks.append(Para(_fastest(rows, base, t)))
    missing = [t.mode(*m.key) for m in _modes() if pick(rows, m.key) is None]
    if missing:
        blocks.append(Para(t("training.missing", modes=", ".join(missing))))
    body = [[_cell(c, r, eager_step, t) for c in COLUMNS] for r in rows]
    blocks.append(
        Table(
            [t(f"training.col.{c}") for c in COLUMNS], body, numeric=tuple(range(1, len(COLUMNS)))
        )
    )
    return blocks


def _curves_agree(curves: list[list[float]], t: Texts) -> list[Block]:
    """How far apart the runs' losses are over the steps they all took (float32 rounding,
    carried forward by every update: the runs trained the same steps)."""
    common = min((len(c) for c in curves), default=0)
    if len(curves) < 2 or not common:
        return []
    apart = max(
        abs(a[i] - b[i]) for a in curves for b in curves for i in range(common) if a is not b
    )
    return [Para(t("training.curves", steps=common, runs=len(curves), diff=f"{apart:.2g}"))]


def _fastest(rows: list[dict[str, Any]], base: dict[str, Any] | None, t: Texts) -> str:
    """Which mode reached the target first, and eager torch beside it (or who did not)."""
    reached = [r for r in rows if extra(r, "time_to_accuracy_s") is not None]
    if not reached:
        return t("training.fastest.none", target=f"{100 * TARGET_ACCURACY:g}")
    best = min(reached, key=lambda r: extra(r, "time_to_accuracy_s"))
    seconds = extra(best, "time_to_accuracy_s")
    eager = extra(base, "time_to_accuracy_s") if base else None
    return t(
        "training.fastest",
        target=f"{100 * TARGET_ACCURACY:g}",
        mode=t.mode(best["framework"], best["mode"]),
        seconds=fmt_s(seconds),
        eager=t("training.fastest.eager", seconds=fmt_s(eager), ratio=fmt_x(eager / seconds))
        if eager and best is not base
        else "",
    )


def _cell(column: str, r: dict[str, Any], eager_step: float | None, t: Texts) -> str:
    if column == "mode":
        return t.mode(r["framework"], r["mode"])
    if column == "reached":
        seconds = extra(r, "time_to_accuracy_s")
        return fmt_s(seconds) if seconds is not None else t("training.not_reached")
    if column == "epochs":
        return t("training.epochs", epochs=extra(r, "epochs"), steps=extra(r, "steps"))
    if column == "build":
        return fmt_s(extra(r, "build_s"))
    if column == "compile":
        return fmt_s(r["compile_s"]) if run_modes.compiles(r["framework"], r["mode"]) else "—"
    if column == "first":
        return fmt_s(extra(r, "first_step_s"))
    if column == "step":
        return fmt_s(extra(r, "steady_step_s"))
    if column == "epoch":
        seconds = extra(r, "epoch_s") or []
        return fmt_s(statistics.median(seconds[1:] or seconds)) if seconds else "—"
    if column == "break_even":
        if (r["framework"], r["mode"]) == BASE or not run_modes.compiles(r["framework"], r["mode"]):
            return "—"
        steps = break_even(r["compile_s"], eager_step, extra(r, "steady_step_s"))
        if steps is None:
            return "—"
        return (
            t("training.never") if steps == float("inf") else f"{steps:,.0f}".replace(",", "\u202f")
        )
    return fmt_bytes(
        extra(
            r,
            {
                "rss_before": "rss_before_compile_bytes",
                "rss_compile": "rss_compile_peak_bytes",
                "rss_train": "rss_train_peak_bytes",
            }[column],
        )
    )


def pick(rows: list[dict[str, Any]], key: tuple[str, str]) -> dict[str, Any] | None:
    """The row of one framework × mode (``RunMode.key``), if the run has it."""
    return next((r for r in rows if (r["framework"], r["mode"]) == key), None)


RESOURCES = {
    "compile": (run_modes.TORCH_COMPILE.key, lambda r: r["compile_s"], fmt_s),
    "compile_memory": (
        run_modes.TORCH_COMPILE.key,
        lambda r: extra(r, "rss_compile_peak_bytes"),
        fmt_bytes,
    ),
    "train_memory": (BASE, lambda r: r["peak_bytes"], fmt_bytes),
}
"""Resource → the torch run JAX's compiled modes are held against, the number, its format:
compilation against ``torch.compile``'s (eager torch compiles nothing); memory while
training against eager torch's, the lesson's way."""


def _compute(runs: dict[str, list[dict[str, Any]]], t: Texts) -> list[str]:
    """One sentence per resource (:data:`RESOURCES`): where JAX needs more, where less, from
    every width and JAX mode measured, with the numbers."""
    sentences = []
    for resource, (against, value, fmt) in RESOURCES.items():
        groups: dict[str, list[str]] = {"more": [], "less": [], "alike": []}
        for size, rows in runs.items():
            base = pick(rows, against)
            for r in rows:
                if r["framework"] != "jax" or base is None:
                    continue
                mine, theirs = value(r), value(base)
                if mine is None or not theirs:
                    continue
                ratio = mine / theirs
                word = "alike" if abs(ratio - 1) <= SAME else "more" if ratio > 1 else "less"
                groups[word].append(
                    t(
                        "training.compute.one",
                        size=size,
                        mode=t.mode(r["framework"], r["mode"]),
                        jax=fmt(mine),
                        torch=fmt(theirs),
                    )
                )
        found = {k: v for k, v in groups.items() if v}
        if not found:
            lead = t("training.compute.missing", base=t.mode(*against))
        else:
            lead = "; ".join(
                t(f"training.compute.{k}", where=", ".join(v), same=f"{100 * SAME:g} %")
                for k, v in found.items()
            )
        sentences.append(t(f"training.compute.{resource}", base=t.mode(*against), lead=lead))
    return sentences
