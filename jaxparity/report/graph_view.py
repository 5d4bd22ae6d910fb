"""``autograd.graph_view``'s explainer: torch's tape and JAX's jaxpr drawn side by side, with
links to the files ``write_graph`` wrote."""

from __future__ import annotations

import re
from pathlib import Path

from jaxparity import graphviz
from jaxparity.document import Block, Details, Heading, Panel, Panels, Para
from jaxparity.fmt import anchor
from jaxparity.report.artifact_notes import FRAMEWORK_NAMES, failures, not_collected, of_case
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from shared.cases import Case


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (OSError, UnicodeDecodeError):
        return None


def inline_svg(svg: str, prefix: str) -> str | None:
    """An SVG file (Graphviz's) as markup inside the page: no XML prolog, doctype or comments,
    and its ids prefixed, as two drawings in one page would both have ``graph0``, ``node1``…"""
    start = svg.find("<svg")
    if start < 0:
        return None
    body = re.sub(r"<!--.*?-->", "", svg[start:], flags=re.S)
    return re.sub(r'\bid="', f'id="{prefix}-', body).strip()


def graph_files(res: Results, case: Case, t: Texts) -> list[Block]:
    """Links to the files ``write_graph`` wrote, both drawings side by side, the jaxpr text."""
    recs = of_case(res, case, "graph")
    blocks: list[Block] = [Heading(4, t("graph.heading"))]
    if not recs:
        return [*blocks, not_collected(res, case, "graph", t)]
    links, panels, texts = [], [], []
    for r in recs:
        files = r.get("files", []) if r["status"] == "pass" else []
        if not files:
            continue
        name = FRAMEWORK_NAMES.get(r["framework"], r["framework"])
        links.append(f"{name}: " + ", ".join(f"[`{Path(f).name}`]({f})" for f in files))
        svg_path, dot_path = _ending(files, ".svg"), _ending(files, ".dot")
        svg = _read(res.folder / svg_path) if svg_path else None
        dot = _read(res.folder / dot_path) if dot_path else None
        title = f"graph.title.{r['framework']}"
        panels.append(
            Panel(
                t(title) if title in t.messages else name,
                inline_svg(svg, f"{anchor(case.id)}-{r['framework']}") if svg else None,
                svg_path,
                t("graph.dot")
                + (t("graph.no_svg", why=t.quote(graphviz.MISSING)) if svg_path is None else ""),
                dot
                if dot is not None
                else t("graph.dot_missing", path=dot_path or t("graph.dot_file")),
            )
        )
        jaxpr = _ending(files, ".jaxpr.txt")
        text = _read(res.folder / jaxpr) if jaxpr else None
        if text is not None:
            texts.append(Details(t("graph.jaxpr", path=jaxpr), text.rstrip()))
    if links:
        blocks.append(Para(t("graph.files", links="; ".join(links))))
    if panels:
        blocks.append(Panels(panels))
    return blocks + texts + failures(recs, "graph", t)


def _ending(files: list[str], suffix: str) -> str | None:
    return next((f for f in files if f.endswith(suffix)), None)
