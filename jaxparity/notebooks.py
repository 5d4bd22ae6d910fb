"""``jaxparity notebooks``: the lesson as Jupyter notebooks, generated from the tested code.

One notebook per topic and an index, in English and in Russian (``notebooks/en``,
``notebooks/ru``). For each case, in lesson order: the lesson's section and what it shows
(the case's title and explanation, ``shared/cases/ru.py`` in Russian), what differs, the
PyTorch and the JAX/Flax code as runnable ``%%torch`` / ``%%jax`` cells (``jaxparity.sources``:
the case function and the helpers it uses, read from the implementations the tests check), a
cell that runs both on the same inputs through the project's judge, and for timed cases the
committed report's figures and a small live timing. Nothing is copied by hand, so nothing
drifts: ``tests/test_notebooks.py`` fails when the committed notebooks differ from what this
writes, and runs them headless.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from jaxparity import atomic, sources
from jaxparity.fmt import fmt_ci, fmt_s, fmt_x
from jaxparity.machine import label
from jaxparity.notebook_texts import LANGS, text
from jaxparity.report import texts
from shared import cases
from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks"
REFERENCE = ROOT / "bench" / "results" / "cpu-zen4-2core"
"""The committed report whose figures the notebooks quote."""
INDEX = "00_index"
CELL_TIMEOUT_S = 600

INSTALL = """\
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

if importlib.util.find_spec("jaxparity") is None:
    # The repository this notebook was opened from, else JAXPARITY_SOURCE (a path or pip URL).
    here = [Path.cwd(), *Path.cwd().parents]
    root = next((p for p in here if (p / "jaxparity" / "cli.py").is_file()), None)
    source = os.environ.get("JAXPARITY_SOURCE") or (str(root) if root else None)
    if source is None:
        raise RuntimeError(
            "Open this notebook from a clone of the jaxparity repository, "
            "or set JAXPARITY_SOURCE to where pip can install it from."
        )
    pip = [sys.executable, "-m", "pip", "install", "--quiet"]
    if importlib.util.find_spec("torch") is None and shutil.which("nvidia-smi") is None:
        # No GPU: torch's CPU build (a plain install fetches a CUDA build of several GB).
        cpu = "https://download.pytorch.org/whl/cpu"
        subprocess.check_call([*pip, "torch", "--extra-index-url", cpu])
    subprocess.check_call([*pip, source])"""


def names() -> list[str]:
    """The notebooks' file stems, index first, then the topics in lesson order."""
    return [INDEX] + [f"{i:02d}_{topic}" for i, topic in enumerate(cases.TOPICS, start=1)]


def build(lang: str) -> dict[str, NotebookNode]:
    """Every notebook of ``lang``, unexecuted, by file stem."""
    committed = _committed_records()
    notebooks = {INDEX: _index(lang)}
    for stem in names()[1:]:
        topic = stem.split("_", 1)[1]
        notebooks[stem] = _topic(topic, lang, committed)
    return notebooks


def _notebook(cells: list[NotebookNode], lang: str) -> NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nb.metadata.jaxparity = {"lang": lang, "generated_by": "python -m jaxparity.notebooks"}
    return nb


def _markdown(cell_id: str, source: str) -> NotebookNode:
    cell = new_markdown_cell(source)
    cell.id = _cell_id(cell_id)
    return cell


def _code(cell_id: str, source: str) -> NotebookNode:
    cell = new_code_cell(source)
    cell.id = _cell_id(cell_id)
    return cell


def _cell_id(name: str) -> str:
    """Stable ids (nbformat ≥ 4.5): a regenerated notebook differs only where its text does."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)[:64]


def _index(lang: str) -> NotebookNode:
    t = texts.of(lang)
    links = [f"- [{t('topic.' + stem.split('_', 1)[1])}]({stem}.ipynb)" for stem in names()[1:]]
    report = REFERENCE.relative_to(ROOT) / "report.md"
    cells = [
        _markdown(
            "title",
            f"# {text(lang, 'index_title')}\n\n{text(lang, 'index_intro')}\n\n"
            + "\n".join(links)
            + f"\n\n{text(lang, 'index_run', report=f'`{report}`')}",
        ),
        _code("install", f"# {text(lang, 'install')}\n{INSTALL}"),
        _code(
            "cases",
            f"# {text(lang, 'overview')}\nfrom jaxparity.notebook_runtime import overview\n\n"
            f'overview("{lang}")',
        ),
    ]
    return _notebook(cells, lang)


def _topic(topic: str, lang: str, committed: list[dict[str, Any]]) -> NotebookNode:
    title = texts.of(lang)(f"topic.{topic}")
    cells = [
        _markdown("title", f"# {text(lang, 'title', topic=title)}\n\n{text(lang, 'intro')}"),
        _code("install", f"# {text(lang, 'install')}\n{INSTALL}"),
        _code(
            "setup",
            f"# {text(lang, 'setup')}\nfrom jaxparity.notebook_runtime import start\n\n"
            f'lesson = start("{topic}", "{lang}")',
        ),
    ]
    for number, case in enumerate(cases.select(topics=[topic]), start=1):
        cells += _case_cells(number, case, lang, committed)
    return _notebook(cells, lang)


def _case_cells(
    number: int, case: Case, lang: str, committed: list[dict[str, Any]]
) -> list[NotebookNode]:
    words = texts.of(lang).case(case)
    lo, hi = case.seed_lines
    section = case.section
    where = text(lang, "section", heading=section.heading, gloss=section.gloss, lo=lo, hi=hi)
    intro = (
        f"## {number}. {words.title}\n\n{where} {text(lang, 'case_id', case_id=case.id)}\n\n"
        f"{words.explanation}\n\n{text(lang, 'differs', differs=words.differs)}"
    )
    cells = [
        _markdown(f"{case.id}-about", intro),
        _code(f"{case.id}-torch", f"%%torch\n{sources.source('torch', case)}"),
        _code(f"{case.id}-jax", f"%%jax\n{sources.source('jax', case)}"),
        _code(f"{case.id}-compare", f'lesson.compare("{case.id}")'),
    ]
    if case.bench is not None:
        table = _committed_table(case, lang, committed)
        if table:
            cells.append(_markdown(f"{case.id}-committed", table))
        cells += [
            _markdown(f"{case.id}-live-about", text(lang, "live")),
            _code(f"{case.id}-live", f'lesson.time_case("{case.id}")'),
        ]
    return cells


def _committed_records() -> list[dict[str, Any]]:
    """The committed report's timed records (its ``summary.json``), or none."""
    path = REFERENCE / "summary.json"
    if not path.is_file():
        return []
    document = json.loads(path.read_text(encoding="utf-8"))
    records = document["records"] if isinstance(document, dict) else document
    return [r for r in records if r.get("variant") and r.get("status") == "pass"]


def _committed_table(case: Case, lang: str, committed: list[dict[str, Any]]) -> str:
    rows = [r for r in committed if r["case"] == case.id and r["device"] == "cpu"]
    if not rows:
        return ""
    size, t = rows[0]["size"], texts.of(lang)
    machine = label(json.loads((REFERENCE / "machine.json").read_text(encoding="utf-8")))
    lines = [
        text(
            lang,
            "committed",
            report=f"`{REFERENCE.relative_to(ROOT)}`",
            machine=machine,
            size=size,
        ),
        "",
        f"| {text(lang, 'variant')} | {text(lang, 'mode')} | {text(lang, 'median')} "
        f"| {text(lang, 'speedup')} | {text(lang, 'verdict')} |",
        "|---|---|---:|---:|---|",
    ]
    for r in (r for r in rows if r["size"] == size):
        lines.append(
            f"| `{r['variant']}` | {t.mode(r['framework'], r['mode'])} "
            f"| {fmt_s(r['median_s'])} | {fmt_x(r.get('speedup_vs_torch_eager'))} "
            f"{fmt_ci(r.get('speedup_low'), r.get('speedup_high'))} "
            f"| {t.verdict(r.get('verdict'))} |"
        )
    return "\n".join(lines)


def execute(nb: NotebookNode, cwd: Path, km: Any = None) -> NotebookNode:
    """Run every cell headless (nbclient), in ``cwd``; a shared kernel manager ``km`` keeps
    one kernel across notebooks (the tests), none starts a fresh kernel (the generator)."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT_S, kernel_name="python3")
    return client.execute(cwd=str(cwd))


def write(folder: Path = FOLDER, langs: Iterable[str] = LANGS, run: bool = True) -> list[Path]:
    """Write (and by default execute) every notebook of ``langs`` under ``folder/<lang>``."""
    written = []
    for lang in langs:
        target = folder / lang
        target.mkdir(parents=True, exist_ok=True)
        for stem, nb in build(lang).items():
            if run:
                nb = execute(nb, target)
            path = target / f"{stem}.ipynb"
            atomic.write_text(path, nbformat.writes(nb) + "\n")
            written.append(path)
    return written


def render_html(out: Path, folder: Path = FOLDER) -> list[Path]:
    """The committed notebooks, with their outputs, as HTML pages under ``out/<lang>``."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    written = []
    for path in sorted(folder.glob("*/*.ipynb")):
        body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
        target = out / path.parent.name / f"{path.stem}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(target, body)
        written.append(target)
    return written


def cells_of(nb: NotebookNode) -> list[tuple[str, str, str]]:
    """What a notebook says, outputs aside: (id, type, source) per cell."""
    return [(c.get("id", ""), c.cell_type, c.source) for c in nb.cells]


def main() -> int:
    for path in write():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
