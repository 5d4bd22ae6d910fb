"""``jaxparity notebooks``: the lesson as Jupyter notebooks, generated from the tested code.

One notebook per topic and an index, in English and in Russian (``notebooks/en``,
``notebooks/ru``). For each case, in lesson order: the lesson's section and what it shows
(the case's title and explanation, ``Case.ru`` in Russian), what differs, the
PyTorch and the JAX/Flax code as runnable ``%%torch`` / ``%%jax`` cells (``jaxparity.sources``:
the case function and the helpers it uses, read from the implementations the tests check), a
cell that runs both on the same inputs through the project's judge, and for timed cases the
committed report's figures and a small live timing. Nothing is copied by hand, so nothing
drifts: ``tests/test_notebooks.py`` fails when the committed notebooks differ from what this
writes, and runs them headless.

Each notebook carries a fingerprint of what it is made of (``metadata.jaxparity.made_of``): its
cells, and the files of its topic that decide its outputs (the cases, their inputs, oracles
and both implementations; for the index, the list of cases it shows). ``write`` runs and
rewrites only the notebooks whose fingerprint changed, so the others keep their bytes —
outputs, live timings and all; nbclient's execution timestamps are not recorded. A change to
the shared machinery (the judge, ``notebook_runtime``) changes outputs everywhere without
changing a fingerprint: ``force`` rewrites then.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from jaxparity import atomic, fmt, sources
from jaxparity.fmt import fmt_ci, fmt_s, fmt_x
from jaxparity.machine import label
from jaxparity.notebook_runtime import overview
from jaxparity.notebook_texts import LANGS, text
from jaxparity.report import regimes, texts
from shared import cases
from shared.cases import Case

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "notebooks"
REFERENCE = ROOT / "bench" / "results" / "cpu-zen4-2core"
"""The committed report whose figures the notebooks quote."""
INDEX = "00_index"
CELL_TIMEOUT_S = 600

INSTALLER = "jaxparity/notebook_install.py"
"""Where a clone keeps the script that installs it (run by path: nothing is importable yet)."""
TOPIC_PACKAGES = ("shared/cases", "shared/interface", "shared/data", "shared/oracles")
"""Where a topic's files live besides its two implementations: ``<package>/<topic>.py`` or
``<package>/<topic>/``."""


def _install(lang: str, stem: str) -> str:
    """The first cell: nothing where the project is installed; else it installs the clone it
    finds (``JAXPARITY_SOURCE``, the folder the notebook runs in, a folder above or below
    it), or stops with one message in ``lang`` saying what to do — no traceback: IPython
    shows an exception's ``_render_traceback_()`` lines instead of one."""
    message = text(lang, "no_clone", path=f"notebooks/{lang}/{stem}.ipynb")
    return f"""\
# {text(lang, "install")}
import importlib.util, os, pathlib, runpy

if importlib.util.find_spec("jaxparity") is None:
    here, script = pathlib.Path.cwd(), "{INSTALLER}"
    places = [os.environ.get("JAXPARITY_SOURCE", here), here, *here.parents, *here.iterdir()]
    clone = next((p for p in map(pathlib.Path, places) if (p / script).is_file()), None)
    if clone is None:
        class NoClone(Exception): _render_traceback_ = lambda self: [str(self)]
        raise NoClone({message!r})
    runpy.run_path(str(clone / script), run_name="__main__")"""


def names() -> list[str]:
    """The notebooks' file stems, index first, then the topics in lesson order."""
    return [INDEX] + [_stem(topic) for topic in cases.TOPICS]


def _stem(topic: str) -> str:
    return f"{cases.TOPICS.index(topic) + 1:02d}_{topic}"


def build(lang: str, topics: Iterable[str] | None = None) -> dict[str, NotebookNode]:
    """The notebooks of ``lang``, unexecuted, by file stem: the index and every topic's, or
    the index and the ``topics`` named (an unknown name raises ``UnknownNameError``)."""
    chosen = cases.TOPICS if topics is None else list(topics)
    cases.select(topics=list(chosen))  # checks the names
    committed = _committed_records()
    notebooks = {INDEX: _index(lang)}
    for topic in (t for t in cases.TOPICS if t in chosen):
        notebooks[_stem(topic)] = _topic(topic, lang, committed)
    return notebooks


def _notebook(cells: list[NotebookNode], lang: str, made_of: Iterable[bytes]) -> NotebookNode:
    nb = new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nb.metadata.jaxparity = {
        "lang": lang,
        "generated_by": "jaxparity notebooks",
        "made_of": _fingerprint(cells, made_of),
    }
    return nb


def _fingerprint(cells: list[NotebookNode], made_of: Iterable[bytes]) -> str:
    """A hash of the cells (id, type, source) and of ``made_of``, the rest of what decides
    the notebook's outputs."""
    digest = hashlib.sha256(json.dumps(_said(cells)).encode())
    for part in made_of:
        digest.update(hashlib.sha256(part).digest())
    return f"sha256:{digest.hexdigest()}"


def _topic_files(topic: str) -> list[Path]:
    """The files of ``topic``: its cases, interface, inputs and oracles, both implementations
    (a module ``<package>/<topic>.py`` or a package ``<package>/<topic>/``) and the modules
    beside them (``sources.companions``: the timing setups a live timing runs, the weights)."""
    found = []
    for package in (*TOPIC_PACKAGES, *(sources.FRAMEWORK_PACKAGES.values())):
        module, folder = ROOT / package / f"{topic}.py", ROOT / package / topic
        found += [module] if module.is_file() else []
        found += sorted(folder.rglob("*.py")) if folder.is_dir() else []
    for framework in sources.FRAMEWORK_PACKAGES:
        found += sources.companions(framework, topic)
    return found


def _source_bytes(path: Path) -> bytes:
    """A file's bytes as the fingerprint sees them: the same on a checkout with CRLF endings."""
    return path.read_bytes().replace(b"\r\n", b"\n")


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
    links = [f"- [{t.topic(stem.split('_', 1)[1])}]({stem}.ipynb)" for stem in names()[1:]]
    report = REFERENCE.relative_to(ROOT) / "report.md"
    cells = [
        _markdown(
            "title",
            f"# {text(lang, 'index_title')}\n\n{text(lang, 'index_intro')}\n\n"
            + "\n".join(links)
            + f"\n\n{text(lang, 'index_run', report=f'`{report}`')}",
        ),
        _code("install", _install(lang, INDEX)),
        _code(
            "cases",
            f"# {text(lang, 'overview')}\nfrom jaxparity.notebook_runtime import overview\n\n"
            f'overview("{lang}")',
        ),
    ]
    shown = json.dumps(overview(lang).rows, ensure_ascii=False)  # every case's title, timed or not
    return _notebook(cells, lang, [shown.encode()])


def _topic(topic: str, lang: str, committed: list[dict[str, Any]]) -> NotebookNode:
    title = texts.of(lang).topic(topic)
    cells = [
        _markdown("title", f"# {text(lang, 'title', topic=title)}\n\n{text(lang, 'intro')}"),
        _code("install", _install(lang, _stem(topic))),
        _code(
            "setup",
            f"# {text(lang, 'setup')}\nfrom jaxparity.notebook_runtime import start\n\n"
            f'lesson = start("{topic}", "{lang}")',
        ),
    ]
    for number, case in enumerate(cases.select(topics=[topic]), start=1):
        cells += _case_cells(number, case, lang, committed)
    return _notebook(cells, lang, map(_source_bytes, _topic_files(topic)))


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
    """The committed report's timings of ``case`` at its first size, as the report gives them:
    each speed-up with its interval, its regime and the report's caveat (set apart from the
    verdict, or near the floor), in ``lang``'s words and units."""
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
        "| "
        + " | ".join(
            text(lang, c)
            for c in ("variant", "mode", "median", "speedup", "regime", "verdict", "caveat")
        )
        + " |",
        "|---|---|---:|---:|---|---|---|",
    ]
    with fmt.writing(t.units):
        for r in (r for r in rows if r["size"] == size):
            regime, caveat = regimes.note(r, lang)
            lines.append(
                f"| `{r['variant']}` | {t.mode(r['framework'], r['mode'])} "
                f"| {fmt_s(r['median_s'])} | {fmt_x(r.get('speedup_vs_torch_eager'))} "
                f"{fmt_ci(r.get('speedup_low'), r.get('speedup_high'))} "
                f"| {regime if r.get('speedup_vs_torch_eager') is not None else '—'} "
                f"| {t.verdict(r.get('verdict'))} | {caveat} |"
            )
    return "\n".join(lines)


def kernel_env() -> dict[str, str]:
    """The environment a notebook's kernel starts with: this checkout's code first on the
    path, so it runs what the cells were built from, whatever else is installed."""
    path = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


def execute(nb: NotebookNode, cwd: Path, km: Any = None) -> NotebookNode:
    """Run every cell headless (nbclient), in ``cwd``; a shared kernel manager ``km`` keeps
    one kernel across notebooks (the tests), none starts a fresh kernel (the generator).
    No execution timestamps are recorded: the notebook's bytes are its cells and outputs."""
    from nbclient import NotebookClient

    client = NotebookClient(
        nb, km=km, timeout=CELL_TIMEOUT_S, kernel_name="python3", record_timing=False
    )
    return client.execute(cwd=str(cwd), env=kernel_env())


def executed(nb: NotebookNode) -> bool:
    """Whether every code cell of ``nb`` ran."""
    return all(c.get("execution_count") for c in nb.cells if c.cell_type == "code")


def is_current(path: Path, nb: NotebookNode, run: bool = True) -> bool:
    """Whether the notebook at ``path`` is ``nb`` already: the same fingerprint and, when
    ``run``, executed."""
    try:
        there = nbformat.read(path, as_version=4)
    except (OSError, ValueError):  # missing, or not a notebook
        return False
    same = there.metadata.get("jaxparity", {}).get("made_of") == nb.metadata.jaxparity.made_of
    return same and (executed(there) or not run)


@dataclass
class Written:
    """What :func:`write` did: the notebooks it wrote, and those already current."""

    written: list[Path] = field(default_factory=list)
    current: list[Path] = field(default_factory=list)


def write(
    folder: Path = FOLDER,
    langs: Iterable[str] = LANGS,
    run: bool = True,
    topics: Iterable[str] | None = None,
    force: bool = False,
    progress: Callable[[Path, bool], None] | None = None,
) -> Written:
    """Write (and by default execute) the notebooks of ``langs`` under ``folder/<lang>``: the
    index and every topic's, or the index and ``topics``' — each only where its fingerprint
    changed, or all with ``force``. ``progress(path, wrote)`` hears of each as it is done."""
    done = Written()
    for lang in langs:
        target = folder / lang
        target.mkdir(parents=True, exist_ok=True)
        for stem, nb in build(lang, topics).items():
            path = target / f"{stem}.ipynb"
            wrote = force or not is_current(path, nb, run)
            if wrote:
                atomic.write_text(path, nbformat.writes(execute(nb, target) if run else nb) + "\n")
            (done.written if wrote else done.current).append(path)
            if progress is not None:
                progress(path, wrote)
    return done


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
    return _said(nb.cells)


def _said(cells: list[NotebookNode]) -> list[tuple[str, str, str]]:
    return [(c.get("id", ""), c.cell_type, c.source) for c in cells]
