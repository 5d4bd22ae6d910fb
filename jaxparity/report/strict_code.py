"""The claim's "stricter code", shown as code: one row per ``strict`` case, what eager torch,
``torch.compile`` and ``jax.jit`` did with the same ordinary Python, and the JAX way.

Every cell is read from the run's ``check.jsonl``: the observations a case returned
(``jaxparity.check`` stores them), shown only where the judge accepted them — a failed check
says so, a missing one says "not run". Which observation goes in which column, and in what
words, is the table :data:`PIECES`; the words themselves are ``strict.*`` texts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jaxparity.document import Block, Heading, Para, Table
from jaxparity.fmt import fmt_s, link
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from jaxparity.summary import Summary
from shared import cases
from shared.cases.strict._record import CALLS, LENGTH

ANCHOR = "strict-code"
PRIME = "\u2032"
"""Stands in for a backtick inside a framework's words shown as code (one would end it)."""
SHAPES = LENGTH - 1
"""The shapes ``strict.new_shapes`` calls its function with (lengths 2 … ``LENGTH``)."""

Piece = Callable[[Any, dict[str, Any], Texts], str]


def _code(text: object) -> str:
    """What a framework said (an error message, a graph break's reason), to show as code."""
    return str(text).replace("`", PRIME)


def _count(key: str, calls: int) -> Piece:
    return lambda n, obs, t: t(key, n=n, calls=calls)


def _flag(true: str, false: str) -> Piece:
    return lambda value, obs, t: t(true if value else false)


def _seconds(value: Any, obs: dict[str, Any], t: Texts) -> str:
    try:
        shown = ", ".join(fmt_s(float(s)) for s in str(value).split())
    except ValueError:  # not what the case writes: shown as recorded
        shown = str(value)
    backend = obs.get("compile_backend")
    return t(
        "strict.seconds",
        seconds=shown,
        backend=t("strict.backend", backend=backend) if backend else "",
    )


def _raised(message_key: str) -> Piece:
    def piece(error: Any, obs: dict[str, Any], t: Texts) -> str:
        if not error:
            return t("strict.ran")
        message = obs.get(message_key)
        return (
            t("strict.raised", error=error, message=_code(message))
            if message
            else t("strict.raised_class", error=error)
        )

    return piece


def _op_by_op(error: Any, obs: dict[str, Any], t: Texts) -> str:
    """What the same function did without ``jit``: often the very error ``jit`` raised."""
    same = error and (error, obs.get("op_by_op_message")) == (
        obs.get("jit_error"),
        obs.get("jit_message"),
    )
    what = t("strict.same_error") if same else _raised("op_by_op_message")(error, obs, t)
    return t("strict.op_by_op", what=what)


PIECES: dict[str, dict[str, Piece]] = {
    "eager": {
        "eager_prints": _count("strict.prints", CALLS),
        "eager_appends": _count("strict.appends", CALLS),
        "eager_mutates_input": _flag("strict.changed", "strict.unchanged"),
    },
    "compile": {
        "compile_graphs": lambda n, obs, t: t("strict.graphs", n=n),
        "dynamic_graphs": lambda n, obs, t: t("strict.dynamic", n=n) if n else "",
        "graph_break": lambda r, obs, t: (
            t("strict.break", reason=_code(r)) if r else t("strict.no_break")
        ),
        "compile_prints": _count("strict.prints", CALLS),
        "compile_appends": _count("strict.appends", CALLS),
        "compile_mutates_input": _flag("strict.changed", "strict.unchanged"),
        "compile_seconds": _seconds,
        "fullgraph_error": lambda e, obs, t: (
            t("strict.fullgraph", error=e) if e else t("strict.fullgraph_ok")
        ),
    },
    "jit": {
        "jit_error": _raised("jit_message"),
        "jit_compiles": _count("strict.compiles", SHAPES),
        "jit_seconds": _seconds,
        "jit_prints": _count("strict.prints", CALLS),
        "jit_printed": lambda text, obs, t: t("strict.printed", text=_code(text)),
        "jit_appends": _count("strict.appends", CALLS),
        "jit_logged_use_error": lambda e, obs, t: t("strict.use_error", error=e) if e else "",
        "op_by_op_error": _op_by_op,
        "op_by_op_prints": lambda n, obs, t: t(
            "strict.op_by_op", what=t("strict.prints", n=n, calls=CALLS)
        ),
    },
    "rewrite": {
        "rewrite_compiles": _count("strict.compiles", SHAPES),
        "rewrite_prints": _count("strict.prints", CALLS),
        "rewrite_appends": _count("strict.appends", CALLS),
        "rewrite_mutates_input": _flag("strict.changed", "strict.unchanged"),
    },
}
"""Column → observation → its words. A column's cell joins the pieces of the observations the
case returned, in this order; observations not named here are not shown."""

SAYS_RAN = ("eager", "compile", "jit")
"""Columns whose cell starts by saying the function ran (unless ``jit_error`` says what it
raised instead); the rewrite's cell starts with the rewrite's name."""


def section(res: Results, summ: Summary, t: Texts) -> list[Block]:
    """The heading, what the table shows, and the table (one per device that has results)."""
    strict = cases.select(topics=["strict"])
    ids = {case.id for case in strict}
    records = [r for r in res.checks if r["case"] in ids]
    devices = [d for d in summ.devices if any(r["device"] == d for r in records)] or ["cpu"]
    blocks: list[Block] = [
        Heading(3, t("strict.heading"), ANCHOR, t("nav.strict")),
        Para(t("strict.intro")),
    ]
    for device in devices:
        if len(devices) > 1:
            blocks.append(Para(t("strict.device", device=device)))
        found = {
            (r["case"], "between" if r["kind"] == "between" else r["framework"]): r
            for r in records
            if r["device"] == device
        }
        blocks.append(
            Table(
                [t(f"strict.col.{c}") for c in ("case", "eager", "compile", "jit", "rewrite")],
                [_row(case, found, t) for case in strict],
            )
        )
    return blocks


def _row(case: cases.Case, found: dict[tuple[str, str], dict[str, Any]], t: Texts) -> list[str]:
    torch, jax = found.get((case.id, "torch")), found.get((case.id, "jax"))
    rewrite = t(f"strict.rewrite.{case.name}")
    versus = _versus(found.get((case.id, "between")), t)
    return [
        f"{link(case.id)}: {t.case(case).title}",
        _cell("eager", torch, t),
        _cell("compile", torch, t),
        _cell("jit", jax, t),
        _cell("rewrite", jax, t, first=rewrite, last=versus),
    ]


def _cell(
    column: str, record: dict[str, Any] | None, t: Texts, first: str = "", last: str = ""
) -> str:
    """What one way of running did, from its framework's check record: its observations only
    where the judge accepted them, between ``first`` and ``last``."""
    if record is None or record["status"] == "skip":
        return t("strict.not_run")
    if record["status"] != "pass":
        return t("strict.failed")
    obs = record.get("observations") or {}
    ran = column in SAYS_RAN and not (column == "jit" and "jit_error" in obs)
    said = [say(obs[key], obs, t) for key, say in PIECES[column].items() if key in obs]
    return "; ".join(p for p in [first, t("strict.ran") if ran else "", *said, last] if p)


def _versus(between: dict[str, Any] | None, t: Texts) -> str:
    """Whether the JAX way's answer is eager torch's, as the judge compared them."""
    if between is None:
        return t("strict.not_compared")
    return t("strict.same") if between["status"] == "pass" else t("strict.differs")
