"""``autograd.graph_view``'s explainer: torch's tape and JAX's jaxpr drawn side by side, with
links to the files ``write_graph`` wrote.

Each framework's panel is its SVG where Graphviz's ``dot`` drew one, else the graph's readable
text (its ``.txt`` file: torch's tape as an indented tree, JAX's jaxpr); the DOT source is
only linked, never shown.
"""

from __future__ import annotations

from pathlib import Path

from jaxparity import graphviz
from jaxparity.document import Block, Details, Heading, Panel, Panels, Para
from jaxparity.fmt import anchor
from jaxparity.graphviz import inline_svg
from jaxparity.report.artifact_notes import FRAMEWORK_NAMES, failures, not_collected, of_case
from jaxparity.report.texts import Texts
from jaxparity.results import Results
from shared.cases import Case

__all__ = ["graph_files", "inline_svg"]


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (OSError, UnicodeDecodeError):
        return None


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
        svg_path, text_path = _ending(files, ".svg"), _ending(files, ".txt")
        svg = _read(res.folder / svg_path) if svg_path else None
        text = _read(res.folder / text_path) if text_path else None
        drawn = inline_svg(svg, f"{anchor(case.id)}-{r['framework']}") if svg else None
        title = f"graph.title.{r['framework']}"
        panels.append(
            Panel(
                t(title) if title in t.messages else name,
                drawn,
                svg_path,
                t("graph.text")
                + (t("graph.no_svg", why=t.quote(graphviz.MISSING)) if svg_path is None else ""),
                text.rstrip() if text is not None else t("graph.text_missing"),
            )
        )
        if text is not None and drawn is not None and text_path.endswith(".jaxpr.txt"):
            # beside a drawing, the jaxpr's text still says what the boxes cannot (jax.grad's)
            texts.append(Details(t("graph.jaxpr", path=text_path), text.rstrip()))
    if links:
        blocks.append(Para(t("graph.files", links="; ".join(links))))
    if panels:
        blocks.append(Panels(panels))
    return blocks + texts + failures(recs, "graph", t)


def _ending(files: list[str], suffix: str) -> str | None:
    return next((f for f in files if f.endswith(suffix)), None)
