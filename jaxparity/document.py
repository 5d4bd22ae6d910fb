"""A report written once as blocks, rendered twice: Markdown (report.md) and HTML (report.html).

Text in blocks uses a little Markdown — `code`, **bold**, *italics*, [link](#anchor) — which
the HTML renderer turns into tags after escaping. The HTML is self-contained: inline CSS, inline
SVG, and one inline script (``jaxparity.document_style``) behind the "expand all" buttons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from jaxparity.document_style import CSS, EXPAND_SCRIPT

STATUSES = ("pass", "fail", "skip")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str = ""
    nav: str = ""
    """The section's name in the navigation bar (``report.header.navigation``); empty: not
    listed there."""


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Note:
    text: str
    warn: bool = False


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()
    """Indices of right-aligned columns."""
    statuses: dict[str, str] = field(default_factory=lambda: {s: s for s in STATUSES})
    """A cell's text → the status it shows (coloured in the HTML), in the report's language."""


@dataclass(frozen=True)
class Figure:
    name: str
    svg: str
    alt: str


@dataclass(frozen=True)
class Figures:
    items: list[Figure]


@dataclass(frozen=True)
class SideBySide:
    """Two programs in two columns, collapsed under ``summary``; ``lead``, one line shown
    above them even when collapsed, says what differs between them."""

    lead: str
    summary: str
    left_title: str
    left: str
    right_title: str
    right: str


@dataclass(frozen=True)
class ExpandAll:
    """Buttons that open or close every collapsed block of the HTML page (nothing in
    Markdown, whose viewers run no script)."""

    expand: str
    collapse: str


@dataclass(frozen=True)
class Details:
    """Plain text (a program, a file's content), collapsed under ``summary``."""

    summary: str
    text: str


@dataclass(frozen=True)
class Fold:
    """Blocks collapsed under ``summary`` (a table of statistics behind a toggle): a
    ``<details>`` in both files, which Markdown viewers open as HTML does."""

    summary: str
    blocks: list[Block]


@dataclass(frozen=True)
class Panel:
    """One of several drawings shown side by side: the SVG inline in the HTML and as an image
    link in the Markdown, or, with no SVG, its ``source`` text collapsed."""

    title: str
    svg: str | None
    svg_path: str | None
    """The SVG file's path relative to the report."""
    source_summary: str
    source: str


@dataclass(frozen=True)
class Panels:
    items: list[Panel]


Block = (
    Heading
    | Para
    | Note
    | Bullets
    | Table
    | Figure
    | Figures
    | SideBySide
    | ExpandAll
    | Details
    | Fold
    | Panels
)


def inline(text: str) -> str:
    """A text's little Markdown as HTML, the text escaped."""
    out = escape(text, quote=False)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])", r"<em>\1</em>", out)
    return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', out)


BREAK_AFTER = re.compile(r"(?<=[A-Za-z0-9])([._/])(?=[A-Za-z_])")
"""Where an identifier may wrap in a narrow cell: after the dot, underscore or slash between its
parts (``advanced.`` ``per_`` ``sample_`` ``grads``), before anything is cut at random."""


def _cell(text: str) -> str:
    """A table cell's text as HTML, with a line-break opportunity (``<wbr>``) inside each long
    identifier, in text only (never in a tag or a link's target)."""
    return re.sub(r"(^|>)([^<]+)", lambda m: m[1] + BREAK_AFTER.sub(r"\1<wbr>", m[2]), inline(text))


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_details(summary: str, text: str) -> str:
    head = f"<details><summary>{escape(summary, quote=False)}</summary>"
    return f"{head}\n\n```text\n{text}\n```\n\n</details>"


def _md_block(b: Block, plots_dir: str, warning: str) -> list[str]:
    """One block as Markdown: its paragraphs (a panel group is several)."""
    if isinstance(b, Heading):
        anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
        return [f"{anchor}{'#' * b.level} {b.text}"]
    if isinstance(b, Para):
        return [b.text]
    if isinstance(b, Note):
        return [f"> {f'**{warning}** ' if b.warn else ''}{b.text}"]
    if isinstance(b, Bullets):
        return ["\n".join(f"- {item}" for item in b.items)]
    if isinstance(b, Table):
        align = ["---:" if i in b.numeric else "---" for i in range(len(b.header))]
        rows = [b.header, align, *b.rows]
        return ["\n".join("| " + " | ".join(map(_md_cell, r)) + " |" for r in rows)]
    if isinstance(b, Figure | Figures):
        figures = [b] if isinstance(b, Figure) else b.items
        return ["\n".join(f"![{f.alt}]({plots_dir}/{f.name}.svg)" for f in figures)]
    if isinstance(b, SideBySide):
        return [
            f"{b.lead}\n\n<details><summary>{escape(b.summary)}</summary>\n\n"
            f"{b.left_title}\n\n```python\n{b.left}\n```\n\n"
            f"{b.right_title}\n\n```python\n{b.right}\n```\n\n</details>"
        ]
    if isinstance(b, ExpandAll):
        return []  # a Markdown viewer runs no script: each block opens by its own summary
    if isinstance(b, Details):
        return [_md_details(b.summary, b.text)]
    if isinstance(b, Fold):
        inner = [part for block in b.blocks for part in _md_block(block, plots_dir, warning)]
        summary = f"<details><summary>{escape(b.summary, quote=False)}</summary>"
        return [summary, *inner, "</details>"]
    assert isinstance(b, Panels)
    return [
        f"**{p.title}**\n\n"
        + (
            f"![{p.title}]({p.svg_path})"
            if p.svg is not None and p.svg_path
            else _md_details(p.source_summary, p.source)
        )
        for p in b.items
    ]


def markdown(blocks: list[Block], plots_dir: str, warning: str) -> str:
    """The page in Markdown; ``warning`` marks a warning note (the HTML colours it instead)."""
    return "\n\n".join(part for b in blocks for part in _md_block(b, plots_dir, warning)) + "\n"


WORD_CHARS = 32
"""A cell of one token up to this long (a verdict, a size, a variant) stays on one line."""
LONG_CHARS = 48
"""A cell longer than this (a reason, a note, a list) may wrap anywhere, in a column at least
``document_style.LONG_MIN_EM`` wide; a shorter one wraps between its words and at its
identifiers' ``<wbr>`` only."""
WITH_INTERVAL = re.compile(r"[^ \[]+ \[[^\]]+\].*")
"""A number and its interval (``0.84× [0.79–0.89×]``, a mark after it): each part, split at
the first plain space (a thousands separator is a narrow no-break one), stays on one line;
the interval may go under the number, so that a wide table of them fits (Russian headings
are longer)."""


def _html_details(summary: str, text: str) -> str:
    return (
        f"<details><summary>{inline(summary)}</summary>"
        f'<pre class="text">{escape(text)}</pre></details>'
    )


def _code(text: str) -> str:
    """A program as one block per line, each carrying its indentation (``--i``) for the
    hanging indent of its wrapped part; the text itself is unchanged, so it copies as is."""
    return "".join(
        f'<span style="--i:{len(line) - len(line.lstrip())}">{escape(line)}\n</span>'
        for line in text.splitlines()
    )


def visible(text: str) -> str:
    """What a cell shows of its little Markdown: no backticks, stars or link targets."""
    return re.sub(r"\]\([^)\s]*\)|[`*\[]", "", text)


def cell_class(b: Table, i: int, cell: str) -> str:
    """How a cell may wrap, as the class the CSS gives it: a status (coloured), a number or a
    word (one line), a long text (anywhere), or a short text (between words: no class)."""
    if cell in b.statuses:
        return b.statuses[cell]
    if i in b.numeric:
        return "num ratio" if WITH_INTERVAL.fullmatch(cell) else "num"
    shown = visible(cell)
    if len(shown) <= WORD_CHARS and not re.search(r"\s", shown):
        return "word"
    return "long" if len(shown) > LONG_CHARS else ""


def _cell_html(cell: str, cls: str) -> str:
    if cls in ("", "long"):
        return _cell(cell)
    if cls == "num ratio":
        return " ".join(f"<span>{inline(part)}</span>" for part in cell.split(" ", 1))
    return inline(cell)


def _html_table(b: Table) -> str:
    head = "".join(f"<th>{inline(h)}</th>" for h in b.header)
    body = []
    for row in b.rows:
        cells = []
        for i, cell in enumerate(row):
            cls = cell_class(b, i, cell)
            attr = f' class="{cls}"' if cls else ""
            cells.append(f"<td{attr}>{_cell_html(cell, cls)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _html_block(b: Block) -> str:
    if isinstance(b, Heading):
        anchor = f' id="{escape(b.anchor)}"' if b.anchor else ""
        return f"<h{b.level}{anchor}>{inline(b.text)}</h{b.level}>"
    if isinstance(b, Para):
        return f"<p>{inline(b.text)}</p>"
    if isinstance(b, Note):
        return f'<div class="note{" warn" if b.warn else ""}">{inline(b.text)}</div>'
    if isinstance(b, Bullets):
        return "<ul>" + "".join(f"<li>{inline(i)}</li>" for i in b.items) + "</ul>"
    if isinstance(b, Table):
        return _html_table(b)
    if isinstance(b, Figure):
        return f"<figure>{b.svg}</figure>"
    if isinstance(b, Figures):
        return '<div class="figs">' + "".join(f.svg for f in b.items) + "</div>"
    if isinstance(b, SideBySide):
        return (
            f'<p class="differs">{inline(b.lead)}</p>'
            f"<details><summary>{inline(b.summary)}</summary><div class='code2'>"
            f"<div><h5>{inline(b.left_title)}</h5><pre>{_code(b.left)}</pre></div>"
            f"<div><h5>{inline(b.right_title)}</h5><pre>{_code(b.right)}</pre></div>"
            "</div></details>"
        )
    if isinstance(b, ExpandAll):
        return (
            f'<div class="expand">{EXPAND_SCRIPT}'
            f'<button type="button" onclick="expandAll(true)">{escape(b.expand)}</button>'
            f'<button type="button" onclick="expandAll(false)">{escape(b.collapse)}</button>'
            "</div>"
        )
    if isinstance(b, Details):
        return _html_details(b.summary, b.text)
    if isinstance(b, Fold):
        inner = "".join(_html_block(block) for block in b.blocks)
        return f"<details><summary>{inline(b.summary)}</summary>{inner}</details>"
    assert isinstance(b, Panels)
    panels = "".join(
        f"<div><h5>{inline(p.title)}</h5>"
        + (p.svg if p.svg is not None else _html_details(p.source_summary, p.source))
        + "</div>"
        for p in b.items
    )
    return f'<div class="panels">{panels}</div>'


def html(blocks: list[Block], title: str, lang: str = "en") -> str:
    """The page: ``lang`` is the language it is written in (``<html lang>``)."""
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>",
    ]
    out += [_html_block(b) for b in blocks]
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
