"""The report's "stricter code" parts: the table of the ``strict`` cases, read from the
fixture's ``check.jsonl`` (real records of ``jaxparity check --topic strict``, with
``strict.new_shapes`` at its ``lesson`` size, compiled by Inductor), and the list of
behaviours that differ (``report/differences.py``), which says which framework refuses what."""

from __future__ import annotations

import json
from pathlib import Path

from jaxparity import document, results, summary
from jaxparity.report import differences, strict_code, texts
from jaxparity.summary import Summary
from shared import cases


def _rows(folder: Path, lang: str = "en") -> dict[str, list[str]]:
    """The strict table's cells by case id, as the Markdown report writes them."""
    res, t = results.load(folder), texts.of(lang)
    md = document.markdown(strict_code.section(res, summary.build(res), t), results.PLOTS, "")
    assert md.startswith('<a id="strict-code"></a>\n### ' + t("strict.heading"))
    rows = {}
    for line in md.splitlines():
        if line.startswith("| [strict."):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0].split("]")[0].lstrip("[")] = cells[1:]
    return rows


def _rewrite(folder: Path, change: dict[tuple[str, str], dict | None]) -> None:
    """``check.jsonl`` with records changed (a dict of new fields) or left out (``None``),
    by (case, framework or ``between``)."""
    path = folder / results.CHECK
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    kept = []
    for r in lines:
        key = (r["case"], r.get("framework", "between"))
        if key in change and change[key] is None:
            continue
        kept.append({**r, **(change.get(key) or {})})
    path.write_text("".join(json.dumps(r) + "\n" for r in kept))


def test_one_row_per_strict_case_with_what_each_way_did(folder: Path) -> None:
    rows = _rows(folder)
    assert list(rows) == [c.id for c in cases.select(topics=["strict"])]
    eager, compiled, jit, rewrite = rows["strict.python_if"]
    assert eager == "ran"
    assert compiled == (
        "ran; graphs compiled: 3; graph break: `Data-dependent branching`; "
        "`fullgraph=True` raised `Unsupported`"
    )
    assert jit.startswith("raised `TracerBoolConversionError`: `Attempted boolean conversion")
    assert jit.endswith("without `jit`: ran")
    assert rewrite == "`jnp.where`, `lax.cond`; eager torch's answer"
    _, compiled, jit, rewrite = rows["strict.new_shapes"]
    assert "graphs compiled: 2; of them with a dynamic length: 1" in compiled
    assert "seconds per call (`inductor`): 30.1 s, 3.06 s, 77.8 µs, 33 µs" in compiled
    assert jit.startswith("ran; compilations: 4 for 4 shapes; seconds per call: 185 ms")
    assert "compilations: 1 for 4 shapes" in rewrite
    _, _, jit, _ = rows["strict.side_effect_print"]
    assert "`print` ran in 1 of 3 calls; what it printed: `JitTracer(float32[])`" in jit
    _, _, jit, _ = rows["strict.inplace_update"]
    assert jit.endswith("without `jit`: the same error")


def test_only_what_the_judge_accepted_is_shown(folder: Path) -> None:
    """A failed check shows no numbers, a missing one says so, and the JAX way's answer is
    torch's only where the two were compared and agreed."""
    _rewrite(
        folder,
        {
            ("strict.python_if", "torch"): {"status": "fail", "reason": "compile_graphs"},
            ("strict.dynamic_shape", "jax"): None,
            ("strict.dynamic_shape", "between"): None,
            ("strict.inplace_update", "between"): {"status": "fail"},
        },
    )
    rows = _rows(folder)
    assert rows["strict.python_if"][:2] == ["failed (see the case)"] * 2
    assert rows["strict.dynamic_shape"][2:] == ["not run", "not run"]
    assert rows["strict.dynamic_shape"][1].startswith("ran; graphs compiled: 1")
    assert rows["strict.inplace_update"][3].endswith("not eager torch's answer")


def test_what_a_framework_said_is_code_as_written(folder: Path) -> None:
    """A message is shown as code: a backtick in it (Dynamo's hints have them) cannot end
    the code early."""
    said = "Data-dependent branching: use `torch.cond`"
    _rewrite(folder, {("strict.python_if", "torch"): {"observations": {"graph_break": said}}})
    compiled = _rows(folder)["strict.python_if"][1]
    assert compiled == "ran; graph break: `Data-dependent branching: use ′torch.cond′`"


def test_the_table_in_russian(folder: Path) -> None:
    eager, compiled, jit, rewrite = _rows(folder, "ru")["strict.side_effect_append"]
    assert eager == "выполнилась; `append` выполнился в 3 из 3 вызовов"
    assert "скомпилировано графов: 3; без разрыва графа" in compiled
    assert "в список попал трейсер: при его использовании — исключение" in jit
    assert rewrite.endswith("тот же ответ, что у torch без компиляции")


def test_the_differences_say_which_framework_refuses() -> None:
    """torch's refusals are not JAX's strictness: each differing behaviour names who refuses,
    and the count of who refuses what (the first screen's) leaves out both and neither."""
    passed = [
        {"case": case_id, "kind": "check", "device": "cpu", "status": "pass"}
        for case_id in ("tensors.dtype_promotion", "autograd.inplace_error", "tensors.inplace")
    ]
    summ = Summary(passed, ["cpu"])
    (line,) = differences._behaviour(summ, texts.of("en"))
    assert "(torch refuses: `matmul_error`: torch 'RuntimeError', JAX '')" in line
    assert "(both refuse, differently: `exp_error`" in line
    assert "(`result_in_input_buffer`: torch True, JAX False)" in line
    assert "In 3 of the" not in line and "in 3 of the" in line
    assert "(#strict-code)" in line
    assert differences.refusing(differences.differing(summ)) == {"torch": 1}
