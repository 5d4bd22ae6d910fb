"""``jaxparity show CASE``: one case in both frameworks, side by side, with what each returns.

The code is ``jaxparity.sources``'s, as in the report; the words are the report's
(``jaxparity.report.texts``), in the language asked for."""

from __future__ import annotations

import contextlib
import io
import warnings

import numpy as np
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from jaxparity import graphviz, sources
from jaxparity.report import texts
from shared import backends, cases, parity

FRAMEWORKS = tuple(backends.KNOWN)


def _value(v: object, t: texts.Texts) -> str:
    if isinstance(v, np.ndarray):
        body = np.array2string(
            v, precision=4, threshold=12, edgeitems=2, suppress_small=True, max_line_width=60
        )
        return f"{v.dtype}{list(v.shape)}\n{body}"
    if graphviz.is_dot(v):  # a drawing's source is no text to read: the report draws it
        return t("show.drawing")
    if isinstance(v, str) and "\n" in v:  # a text to read (a tape, a jaxpr): as it is
        return v.rstrip("\n")
    return repr(v)


def show(case_id: str, device: str, console: Console, lang: str = texts.DEFAULT) -> int:
    """Print the case's explanation, what differs, both implementations and their outputs at
    size ``test``, in ``lang`` (one of ``texts.LANGUAGES``).

    Returns 1 when an output disagrees with the oracle or the other framework, else 0.
    """
    t = texts.of(lang)
    case = cases.get(case_id)
    words = t.case(case)
    lo, hi = case.seed_lines
    console.rule(f"[bold]{case.id}[/] — {escape(words.title)}")
    lesson = t("show.lesson", heading=case.section.heading, gloss=case.section.gloss, lo=lo, hi=hi)
    console.print(escape(lesson), escape(words.explanation), sep=" ")
    console.print(f"[bold]{escape(t('differs.label'))}[/] {escape(words.differs)}")
    code = Table(expand=True, show_lines=False)
    for framework in FRAMEWORKS:
        code.add_column(sources.location(framework, case), ratio=1)
    code.add_row(
        *[
            Syntax(sources.source(f, case) or t("code.missing"), "python", word_wrap=True)
            for f in FRAMEWORKS
        ]
    )
    console.print(code)

    found, missing = backends.available(list(FRAMEWORKS))
    runs: dict[str, parity.CaseRun] = {}
    printed: dict[str, str] = {}
    raw_inputs: dict = {}
    for backend in found:
        if device not in backend.devices():
            missing[backend.name] = t("show.no_device", device=device, framework=backend.name)
            continue
        backend.pin_precision()
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()) as text:
            warnings.simplefilter("ignore")  # the case's own warnings are part of its output
            runs[backend.name], raw_inputs = parity.run(backend, case.id, device, "test")
        printed[backend.name] = text.getvalue().strip()
    outputs = Table(title=t("show.outputs", device=device), expand=True)
    outputs.add_column(t("show.key"))
    for framework in FRAMEWORKS:
        outputs.add_column(framework, ratio=1)
    keys = list(dict.fromkeys(k for r in runs.values() for k in [*r.arrays, *r.observations]))
    for key in keys:
        cells = []
        for framework in FRAMEWORKS:
            run = runs.get(framework)
            if run is None:
                cells.append(escape(missing.get(framework, "—")))
            else:
                value = run.arrays.get(key, run.observations.get(key, "—"))
                cells.append(escape(_value(value, t)))
        outputs.add_row(key, *cells)
    if any(printed.values()):
        outputs.add_row(t("show.printed"), *[escape(printed.get(f, "")) for f in FRAMEWORKS])
    console.print(outputs)

    lines = []
    if runs:
        judgement = parity.judge(list(runs.values()), raw_inputs)
        worst, _ = judgement.worst()
        status = f"[green]{t('show.agree')}[/]" if judgement.ok else f"[red]{t('show.differ')}[/]"
        lines.append(
            t(
                "show.judgement",
                judged=t("show.and").join(runs),
                status=status,
                others=t("show.others") if len(runs) == 2 else "",
                largest="" if worst is None else t("show.largest", worst=f"{worst:.2g}"),
            )
        )
        lines += [f"[red]{escape(line)}[/]" for line in judgement.failures()]
    console.print(Panel(Group(*lines), title=t("show.parity")))
    return 0 if runs and judgement.ok else 1
