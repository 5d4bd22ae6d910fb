"""What a lesson notebook calls: its ``%%torch`` / ``%%jax`` cells, the comparison, a timing.

``lesson = start("autograd", "en")`` registers two cell magics. A ``%%torch`` cell runs in a
namespace that starts as a copy of ``torch_impl/autograd.py``'s globals, so the code shown (the
case function and the helpers it uses, ``jaxparity.sources``) runs as it stands, with the
module's imports and tooling behind it; ``%%jax`` likewise for ``jax_impl``. Then
``lesson.compare(case_id)`` runs the functions those cells defined on the same inputs, through
the project's one judge (``shared.parity.judge``), and shows both outputs and the judgement.
"""

from __future__ import annotations
import __future__

import html
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from jaxparity import graphviz
from jaxparity.fmt import fmt_s
from jaxparity.notebook_texts import text
from jaxparity.report import texts
from shared import backends, cases, data, parity
from shared.interface import Backend
from shared.run_modes import EAGER

FRAMEWORKS = tuple(backends.KNOWN)
TIMING_S = 0.1
"""Seconds each live timing loops for: enough for a median of small calls, quick to rerun."""


@dataclass
class Lesson:
    """One notebook's state: the two namespaces its cells define functions in."""

    topic: str
    lang: str
    sides: dict[str, dict[str, Any]] = field(default_factory=dict)
    loaded: dict[str, Backend] = field(default_factory=dict)

    def run_cell(self, framework: str, code: str) -> None:
        """Execute a ``%%torch`` / ``%%jax`` cell in that framework's namespace."""
        flags = __future__.annotations.compiler_flag  # as in the modules the code comes from
        exec(compile(code, f"<{framework} cell>", "exec", flags=flags), self.sides[framework])

    def compare(self, case_id: str) -> Comparison:
        """Run both frameworks' versions of the case on the same inputs and judge them."""
        case = cases.get(case_id)
        runs, raw_inputs = [], {}
        for framework in FRAMEWORKS:  # one after the other: no two thread pools at once
            function = self.sides[framework].get(case.name)
            run, raw_inputs = parity.run(self.loaded[framework], case.id, function=function)
            runs.append(run)
        return Comparison(runs, parity.judge(runs, raw_inputs), self.lang)

    def time_case(self, case_id: str) -> Timings:
        """Time the case's first variant at test size: eager torch, then jitted JAX."""
        case = cases.get(case_id)
        assert case.bench is not None, f"{case_id} is not timed"
        variant = next(iter(case.bench.variants))
        inputs = data.inputs(case.id, "test")
        rows = []
        for framework, mode in (("torch", EAGER), ("jax", _jax_mode(case))):
            backend = self.loaded[framework]
            setup = backend.topic(case.topic).TIMED[case.id].get(variant)
            if setup is None:
                rows.append((framework, mode, None, None, 0))
                continue
            fn, args = setup(inputs, "cpu", mode)
            ready, compile_s = backend.prepare(fn, mode, args)
            median, calls = _median_time(backend, ready, args)
            rows.append((framework, mode, median, compile_s, calls))
        return Timings(variant, rows, self.lang)


def start(topic: str, lang: str = "en") -> Lesson:
    """Set up a topic's notebook: both backends loaded, precision pinned, the cell magics."""
    lesson = Lesson(topic, lang)
    for framework in FRAMEWORKS:
        backend = backends.load(framework)
        backend.pin_precision()
        lesson.loaded[framework] = backend
        lesson.sides[framework] = dict(vars(backend.topic(topic)))
    _register_magics(lesson)
    return lesson


def overview(lang: str = "en") -> Overview:
    """Every case, by topic, with its title in ``lang`` and whether it is timed."""
    t = texts.of(lang)
    rows = [
        [t.topic(case.topic), case.id, t.case(case).title, "✓" if case.timed else ""]
        for case in cases.select()
    ]
    return Overview(lang, rows)


def _register_magics(lesson: Lesson) -> None:
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:  # plain Python: the cells can be run with lesson.run_cell
        return
    for framework in FRAMEWORKS:

        def magic(line: str, cell: str, framework: str = framework) -> None:
            lesson.run_cell(framework, cell)

        shell.register_magic_function(magic, magic_kind="cell", magic_name=framework)


def _jax_mode(case: cases.Case) -> str:
    """The compiled way JAX runs this case; op by op where nothing is compiled (conversions)."""
    assert case.bench is not None
    return next((m for m in case.bench.modes["jax"] if m != EAGER), EAGER)


def _median_time(backend: Backend, fn: Callable, args: tuple) -> tuple[float, int]:
    """The median of synchronised calls over :data:`TIMING_S` (at least 3), and their count."""
    times = []
    deadline = time.perf_counter() + TIMING_S
    while len(times) < 3 or time.perf_counter() < deadline:
        start = time.perf_counter()
        backend.sync(fn(*args))
        times.append(time.perf_counter() - start)
    return float(np.median(times)), len(times)


def _value(value: object) -> str:
    if isinstance(value, np.ndarray):
        body = np.array2string(value, precision=4, threshold=12, edgeitems=2, suppress_small=True)
        return f"{value.dtype}{list(value.shape)}\n{body}"
    if _is_text(value):  # as it reads
        return str(value).rstrip("\n")
    return repr(value)


def _is_text(value: object) -> bool:
    """Whether ``value`` is a text of several lines to read (a tape, a jaxpr), not a drawing."""
    return isinstance(value, str) and "\n" in value and not graphviz.is_dot(value)


LEFT = "text-align:left;vertical-align:top"
"""Notebook front ends right-align table cells; arrays read better from the left."""


class Markup(str):
    """A table cell that is HTML already (a drawing), put in as it is."""


def _table(header: list[str], rows: list[list[str]], *, code: bool = True) -> str:
    """An HTML table; ``code`` cells keep their line breaks and alignment (arrays), others
    are text that wraps at word boundaries; :class:`Markup` cells go in as they are."""

    def wrap(cell: str) -> str:
        if isinstance(cell, Markup):
            return cell
        return f"<pre>{html.escape(cell)}</pre>" if code else html.escape(cell)

    cells = "".join(f'<th style="{LEFT}">{html.escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td style="{LEFT}">{wrap(c)}</td>' for c in row) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{cells}</tr>{body}</table>"


@dataclass
class Comparison:
    """Both runs of a case and the judgement, shown as a table (HTML and plain text)."""

    runs: list[parity.CaseRun]
    judgement: parity.Judgement
    lang: str

    def _outputs(self) -> list[tuple[str, list[object]]]:
        """Each output's name and its value in each framework (``—`` where it has none)."""
        keys = dict.fromkeys(k for r in self.runs for k in [*r.arrays, *r.observations])
        return [
            (key, [r.arrays.get(key, r.observations.get(key, "—")) for r in self.runs])
            for key in keys
        ]

    def _rows(self, *, draw: bool = False) -> list[list[str]]:
        """One row per output: its name, then each framework's value as text. A drawing (DOT)
        is never shown as its source: with ``draw``, as a picture where Graphviz's ``dot``
        is installed; else a line saying what it is (the graph's text form is another row)."""
        return [
            [key, *(self._shown(r, v, draw) for r, v in zip(self.runs, values, strict=True))]
            for key, values in self._outputs()
        ]

    def _shown(self, run: parity.CaseRun, value: object, draw: bool) -> str:
        if not graphviz.is_dot(value):
            return _value(value)
        if not graphviz.available():
            return text(self.lang, "not_drawn")
        if not draw:
            return text(self.lang, "drawn")
        svg = graphviz.drawing(str(value), f"{run.case.id}-{run.backend}".replace(".", "-"))
        return Markup(svg) if svg is not None else text(self.lang, "not_drawn")

    def _summary(self) -> list[str]:
        if self.judgement.ok:
            return [text(self.lang, "agree")]
        return [text(self.lang, "disagree"), *self.judgement.failures()]

    def _repr_html_(self) -> str:
        header = [text(self.lang, "output"), *FRAMEWORKS]
        summary = "<br>".join(html.escape(line) for line in self._summary())
        return _table(header, self._rows(draw=True)) + f"<p>{summary}</p>"

    def __repr__(self) -> str:
        """One line per output; a text of several lines (a tape, a jaxpr) as it reads, each
        framework's under its name."""
        lines = []
        for (key, raw), (_, *values) in zip(self._outputs(), self._rows(), strict=True):
            if not any(_is_text(v) for v in raw):
                lines.append(f"{key}: " + " | ".join(v.replace("\n", " ") for v in values))
                continue
            lines.append(f"{key}:")
            for framework, value in zip(FRAMEWORKS, values, strict=True):
                lines += [f"  {framework}:", *(f"    {line}" for line in value.splitlines())]
        return "\n".join([*lines, *self._summary()])


@dataclass
class Timings:
    """A live timing: per framework and mode, the median call and the compile seconds."""

    variant: str
    rows: list[tuple[str, str, float | None, float | None, int]]
    lang: str

    def _cells(self) -> list[list[str]]:
        return [
            [f"{framework} {mode}", fmt_s(median), fmt_s(compile_s or None), str(calls)]
            for framework, mode, median, compile_s, calls in self.rows
        ]

    def _header(self) -> list[str]:
        t = self.lang
        return [text(t, "mode"), text(t, "median"), text(t, "compile"), text(t, "calls")]

    def _repr_html_(self) -> str:
        return f"<p><code>{html.escape(self.variant)}</code></p>" + _table(
            self._header(), self._cells()
        )

    def __repr__(self) -> str:
        lines = [" | ".join(self._header())] + [" | ".join(row) for row in self._cells()]
        return "\n".join([self.variant, *lines])


@dataclass
class Overview:
    """The lesson's cases as a table: part, case id, title, timed."""

    lang: str
    rows: list[list[str]]

    def _header(self) -> list[str]:
        return [text(self.lang, key) for key in ("topic", "case", "title_column", "timed")]

    def _repr_html_(self) -> str:
        return _table(self._header(), self.rows, code=False)

    def __repr__(self) -> str:
        return "\n".join(" | ".join(row) for row in [self._header(), *self.rows])
