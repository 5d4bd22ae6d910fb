"""The lesson notebooks: generated from the tested code, committed with outputs, and run here.

A plain test run executes the English notebooks headless in one kernel (nbclient) but the two
heaviest, and two Russian ones (the Russian code cells are the English ones, checked cell by
cell); ``pytest --slow`` runs the rest, and the generator (``jaxparity notebooks``) runs both
languages, each notebook in a fresh kernel, whenever it writes them. What it writes is checked
cheaply: each committed notebook's cells and fingerprint against what the generator builds
now, without running anything.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from jaxparity import notebook_install, notebook_runtime, notebooks
from jaxparity.notebook_texts import LANGS, MESSAGES, text
from shared import cases


@pytest.mark.parametrize("lang", LANGS)
def test_committed_notebooks_are_what_the_generator_writes(lang: str) -> None:
    generated = notebooks.build(lang)
    committed = sorted((notebooks.FOLDER / lang).glob("*.ipynb"))
    assert [p.stem for p in committed] == sorted(generated), "run `jaxparity notebooks`"
    for path in committed:
        nb = nbformat.read(path, as_version=4)
        topic = path.stem.split("_", 1)[1]
        narrow = f" --topic {topic}" if topic in cases.TOPICS else ""  # the index goes with any
        again = f"run `jaxparity notebooks{narrow}` and commit the result"
        assert notebooks.cells_of(nb) == notebooks.cells_of(generated[path.stem]), (
            f"{path} is stale: {again}"
        )
        assert notebooks.is_current(path, generated[path.stem]), (
            f"{path} was run on other sources than its topic's files now: {again}"
        )
        errors = [
            o
            for c in nb.cells
            if c.cell_type == "code"
            for o in c.get("outputs", [])
            if o.output_type == "error"
        ]
        assert not errors, f"{path} was committed with an error output"
        shown = [c for c in nb.cells if c.cell_type == "code" and c.get("outputs")]
        assert shown, f"{path} shows no output: a viewer would show only its code"
        assert notebooks.executed(nb), f"{path} not executed"
        assert not any("execution" in c.metadata for c in nb.cells), f"{path}: timestamps"


def _code_without_words(lang: str, stem: str, nb: nbformat.NotebookNode) -> list[str]:
    """The code cells, less what is the notebook's own: each first line (a comment), the
    language passed on, and the install cell's message."""
    message = repr(text(lang, "no_clone", path=f"notebooks/{lang}/{stem}.ipynb"))
    return [
        c.source.split("\n", 1)[-1].replace(f'"{lang}")', '"<lang>")').replace(message, "<msg>")
        for c in nb.cells
        if c.cell_type == "code"
    ]


def test_both_languages_say_the_same_code() -> None:
    by_lang = {lang: notebooks.build(lang) for lang in LANGS}
    for stem in notebooks.names():
        code = [_code_without_words(lang, stem, nbs[stem]) for lang, nbs in by_lang.items()]
        assert all(cells == code[0] for cells in code), stem
        assert "<msg>" in code[0][0], stem  # the message was found, and only it differs


@pytest.mark.registry
def test_every_case_has_its_cells() -> None:
    for lang in LANGS:
        built = notebooks.build(lang)
        for case in cases.select():
            stem = next(s for s in built if s.endswith(f"_{case.topic}"))
            ids = {c.id for c in built[stem].cells}
            for part in ("about", "torch", "jax", "compare"):
                assert notebooks._cell_id(f"{case.id}-{part}") in ids, (lang, case.id, part)
            if case.timed:
                assert notebooks._cell_id(f"{case.id}-live") in ids, (lang, case.id)


def test_both_languages_have_every_message() -> None:
    assert MESSAGES["en"].keys() == MESSAGES["ru"].keys()


GUARD = """\
import os, runpy, subprocess, sys
sys.modules["jaxparity"] = None  # find_spec says: not installed
tried = []  # what the cell would run instead of running it
runpy.run_path = lambda *args, **kwargs: tried.append(("run_path", *args))
subprocess.Popen = lambda *args, **kwargs: tried.append(("Popen", *args))"""


def test_the_first_cell_installs_from_a_clone_or_says_what_to_do(tmp_path: Path) -> None:
    """In an empty folder, in each language: one message in that language, no traceback,
    nothing run or installed; in a clone, the clone's installer, by path."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    first = {lang: notebooks.build(lang, [])[notebooks.INDEX].cells[1].source for lang in LANGS}
    cells = [new_code_cell(GUARD)]
    cells += [new_code_cell(first[lang]) for lang in LANGS]
    cells += [new_code_cell("print(tried); tried.clear()")]
    cells += [
        new_code_cell(f"os.chdir({str(notebooks.FOLDER / 'en')!r})"),
        new_code_cell(first["en"]),
    ]
    cells += [new_code_cell("print(tried)")]
    nb = new_notebook(cells=cells)
    env = {k: v for k, v in os.environ.items() if k != "JAXPARITY_SOURCE"}
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(tmp_path), env=env)
    try:
        NotebookClient(nb, km=km, allow_errors=True, timeout=60).execute()
    finally:
        km.shutdown_kernel(now=True)
    for lang, cell in zip(LANGS, nb.cells[1:3], strict=True):
        message = text(lang, "no_clone", path=f"notebooks/{lang}/{notebooks.INDEX}.ipynb")
        ((shown,),) = [o.traceback for o in cell.outputs]  # the one message, no traceback
        assert shown == message and len(cell.outputs) == 1, (lang, cell.outputs)
    assert nb.cells[3].outputs[0].text == "[]\n"  # nothing run, nothing installed
    assert list(tmp_path.iterdir()) == []
    assert not nb.cells[5].get("outputs"), nb.cells[5].outputs  # in a clone: no message
    installer = notebooks.ROOT / notebooks.INSTALLER
    assert nb.cells[6].outputs[0].text == f"[('run_path', {str(installer)!r})]\n"


def test_the_installer_brings_torch_cpu_build_where_there_is_no_gpu() -> None:
    root = Path("/clone")
    pip = [sys.executable, "-m", "pip", "install", "--quiet"]
    cpu = [*pip, "torch", "--extra-index-url", notebook_install.CPU_WHEELS]
    assert notebook_install.commands(root, has_torch=False, has_gpu=False) == [
        cpu,
        [*pip, "/clone"],
    ]
    for has_torch, has_gpu in ((True, False), (False, True), (True, True)):
        steps = notebook_install.commands(root, has_torch=has_torch, has_gpu=has_gpu)
        assert steps == [[*pip, "/clone"]], (has_torch, has_gpu)
    assert notebook_install.ROOT == notebooks.ROOT


def _fingerprints() -> dict[tuple[str, str], str]:
    return {
        (lang, stem): nb.metadata.jaxparity.made_of
        for lang in LANGS
        for stem, nb in notebooks.build(lang).items()
    }


def test_a_topics_change_makes_only_its_notebooks_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit of a case's record (here its explanation): the topic's notebooks, in both
    languages, and nothing else; the same again: the same fingerprints."""
    before = _fingerprints()
    assert _fingerprints() == before
    case = cases.get("autograd.graph_view")
    record = notebooks.ROOT / "shared" / "cases" / "autograd" / "graph_view.py"
    assert record in notebooks._topic_files(case.topic)
    read = notebooks._source_bytes
    edited = read(record).replace(case.explanation[:40].encode(), b"An edited explanation")
    assert edited != read(record)
    monkeypatch.setattr(notebooks, "_source_bytes", lambda p: edited if p == record else read(p))
    edited_case = dataclasses.replace(case, explanation="An edited explanation")
    monkeypatch.setitem(cases.CASES, case.id, edited_case)  # the record, as loaded
    after = _fingerprints()
    assert {k for k in before if before[k] != after[k]} == {
        ("en", "03_autograd"),
        ("ru", "03_autograd"),
    }


def test_writing_again_rewrites_nothing_current(tmp_path: Path) -> None:
    """The index (the cheapest notebook to run): written and run once; written again, left
    alone; forced, run again — and the same bytes, as nothing in it depends on the time."""
    done = notebooks.write(tmp_path, ["en"], topics=[])
    (path,) = done.written
    first = path.read_bytes()
    nb = nbformat.reads(first, as_version=4)
    assert notebooks.executed(nb) and not any("execution" in c.metadata for c in nb.cells)
    again = notebooks.write(tmp_path, ["en"], topics=[])
    assert (again.written, again.current) == ([], [path])
    assert notebooks.write(tmp_path, ["en"], topics=[], force=True).written == [path]
    assert path.read_bytes() == first
    assert notebooks.write(tmp_path, ["en"], topics=[], run=False).written == []  # keeps its run


HEAVY = {
    "07_resnet": "ResNet-101 built and compiled in both frameworks, ≈ 18 s",
    "10_distributed": "worker processes started for every case, ≈ 24 s",
}
"""English notebooks a plain test run leaves to ``--slow`` (of ≈ 72 s for all eleven): their
cases are run by the parity tests, their committed outputs are checked above, and a change to
their code marks them stale, so `jaxparity notebooks` runs them again before they are
committed."""
RUSSIAN = ("00_index", "03_autograd")
"""Russian notebooks a plain test run executes: their code cells are the English ones
(``test_both_languages_say_the_same_code``), so these two — the index's table and the
graph section's pictures — show the Russian runtime's words; ``--slow`` runs them all."""


def _run_headless(lang: str, stems: Iterable[str], cwd: Path) -> None:
    """Execute ``stems`` of ``lang`` in one kernel: no cell may fail, and every comparison
    cell must say the two frameworks agree."""
    from jupyter_client.manager import KernelManager

    chosen = notebooks.build(lang)
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(cwd), env=notebooks.kernel_env())
    try:
        for stem in stems:
            done = notebooks.execute(chosen[stem], cwd, km=km)  # raises on an error in any cell
            compared = [c for c in done.cells if c.get("id", "").endswith("-compare")]
            for cell in compared:
                (shown,) = [o.data["text/plain"] for o in cell.outputs if "data" in o]
                assert shown.endswith(MESSAGES[lang]["agree"]), (stem, cell.id, shown)
    finally:
        km.shutdown_kernel(now=True)


def test_notebooks_run_headless(tmp_path: Path) -> None:
    """Every English notebook but the :data:`HEAVY` ones, and :data:`RUSSIAN`."""
    _run_headless("en", [s for s in notebooks.names() if s not in HEAVY], tmp_path)
    _run_headless("ru", RUSSIAN, tmp_path)


@pytest.mark.slow
def test_every_notebook_runs_headless(tmp_path: Path) -> None:
    """The rest: the heavy English notebooks, and every other Russian one."""
    _run_headless("en", list(HEAVY), tmp_path)
    _run_headless("ru", [s for s in notebooks.names() if s not in RUSSIAN], tmp_path)


def test_the_comparison_runs_the_cells_version() -> None:
    """Change the code in a %%torch cell and the comparison judges the changed code."""
    lesson = notebook_runtime.start("tensors", "en")
    assert lesson.compare("tensors.basic_ops").judgement.ok
    lesson.run_cell(
        "torch",
        "def basic_ops(*, a, b):\n"
        "    return {'add_transposed': a + b.T, 'matmul': a @ b + 1, 'sum': a.sum(),"
        " 'prod': b.prod()}\n",
    )
    shown = lesson.compare("tensors.basic_ops")
    assert not shown.judgement.ok
    assert "matmul (torch) vs oracle" in repr(shown)
    assert np.all(shown.runs[0].arrays["matmul"] != shown.runs[1].arrays["matmul"])
