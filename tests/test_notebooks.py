"""The lesson notebooks: generated from the tested code, committed with outputs, and run here.

The English notebooks run headless in one kernel (nbclient); the Russian ones have the very
same code cells (checked cell by cell), so running them again would test nothing new — the
generator (``python -m jaxparity.notebooks``) runs both languages, each notebook in a fresh
kernel, when it writes them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import numpy as np
import pytest

from jaxparity import notebook_runtime, notebooks
from jaxparity.notebook_texts import LANGS, MESSAGES
from shared import cases


@pytest.mark.parametrize("lang", LANGS)
def test_committed_notebooks_are_what_the_generator_writes(lang: str) -> None:
    generated = notebooks.build(lang)
    committed = sorted((notebooks.FOLDER / lang).glob("*.ipynb"))
    assert [p.stem for p in committed] == sorted(generated), "run python -m jaxparity.notebooks"
    for path in committed:
        nb = nbformat.read(path, as_version=4)
        assert notebooks.cells_of(nb) == notebooks.cells_of(generated[path.stem]), (
            f"{path} is stale: run `python -m jaxparity.notebooks` and commit the result"
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
        ran = [c for c in nb.cells if c.cell_type == "code" and c.get("execution_count")]
        assert len(ran) == sum(c.cell_type == "code" for c in nb.cells), f"{path} not executed"


def test_both_languages_say_the_same_code() -> None:
    by_lang = {lang: notebooks.build(lang) for lang in LANGS}
    for stem in notebooks.names():
        # Only the set-up cells' comments and the language they pass are the notebook's own.
        code = [
            [
                c.source.split("\n", 1)[-1].replace(f'"{lang}")', '"<lang>")')
                for c in nbs[stem].cells
                if c.cell_type == "code"
            ]
            for lang, nbs in by_lang.items()
        ]
        assert all(cells == code[0] for cells in code), stem


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


def test_english_notebooks_run_headless(tmp_path: Path) -> None:
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(tmp_path))
    try:
        for stem, nb in notebooks.build("en").items():
            done = notebooks.execute(nb, tmp_path, km=km)  # raises on an error in any cell
            compared = [c for c in done.cells if c.get("id", "").endswith("-compare")]
            for cell in compared:
                (shown,) = [o.data["text/plain"] for o in cell.outputs if "data" in o]
                assert shown.endswith(MESSAGES["en"]["agree"]), (stem, cell.id, shown)
    finally:
        km.shutdown_kernel(now=True)


def test_the_comparison_runs_the_cells_version() -> None:
    """Change the code in a %%torch cell and the comparison judges the changed code."""
    lesson = notebook_runtime.start("tensors", "en")
    assert lesson.compare("tensors.basic_ops").verdict.ok
    lesson.run_cell(
        "torch",
        "def basic_ops(*, a, b):\n"
        "    return {'add_transposed': a + b.T, 'matmul': a @ b + 1, 'sum': a.sum(),"
        " 'prod': b.prod()}\n",
    )
    shown = lesson.compare("tensors.basic_ops")
    assert not shown.verdict.ok
    assert "matmul (torch) vs oracle" in repr(shown)
    assert np.all(shown.runs[0].arrays["matmul"] != shown.runs[1].arrays["matmul"])
