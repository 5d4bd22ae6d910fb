"""The ``--lang ru`` report in Russian throughout: no Latin word left in its prose but named
ones, its units Cyrillic, every text it quotes from other modules and from a run translated
(and every translation still finding its English in the code), the lesson's closing sentence
quoted as the lesson wrote it, and the terms the glossary keeps out kept out."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from jaxparity import bench, fmt, graphviz, results, selection
from jaxparity.cli import main
from jaxparity.document import inline
from jaxparity.machine import libraries, naming
from jaxparity.report import claim, texts, texts_en, texts_ru
from shared import backends, cases, run_modes
from tests.code_strings import ROOT, shape, strings
from tests.conftest import RESULTS
from tests.latin_words import latin_words, latin_words_in, prose

REFERENCE = ROOT / "bench" / "results" / "cpu-zen4-2core"
"""The committed reference run: what a real run records, every case timed."""
GLOSSARY = ROOT / "docs" / "glossary.ru.md"
LESSON_CLOSES = (
    "Jax позволяет обучать модели быстрее благодаря оптимизации и компиляции, но требует более "
    "строгое кода и большого количества вычислительных ресурсов"
)
"""The lesson's closing sentence, as its notebook has it (typos included: a quotation)."""

PENDING: dict[str, str] = {}
"""English the Russian report still shows because a module another helper owns renders a
recorded text as is, with what wiring it takes; each must still be found (once wired, the
test says to delete its entry)."""
FIXTURE_NAMES = {"Fixture": "the fixture's CPU model name, «Fixture CPU 9000»"}
CASE_TEXT_NAMES = {
    "in": "shape tuples written without backticks: (out, in), (kh, kw, in, out)",
    "with": "«в блоке with», Python's statement",
    "fwd": "jax.custom_vjp's fwd and bwd functions, by name",
    "bwd": "the same",
    "mask": "x.at[mask], an argument",
    "hidden": "DeepNetwork(in, hidden, classes, num_layers), its arguments",
    "classes": "the same",
    "new": "new = 0.9·old + 0.1·batch, a formula's variable",
    "gradcheck": "torch.autograd.gradcheck, by name",
    "Weight": "torchviz's leaf nodes, by their labels",
    "Bias": "the same",
    "In-place": "the lesson's «Inplace операции»",
    "JVP": "the abbreviation (Jacobian-vector product), as Russian texts write it",
    "MSE": "the abbreviation (mean squared error), as Russian texts write it",
    "MLP": "the abbreviation (multilayer perceptron), as Russian texts write it",
    "torchvision": "the package, by name",
    "NCHW": "a memory layout, by name",
    "NHWC": "the same",
    "OIHW": "the same",
    "HWIO": "the same",
    "DDP": "DistributedDataParallel, by its usual name",
    "gloo": "torch.distributed's CPU backend, by name",
    "NCCL": "NVIDIA's collectives library, by name",
    "all-reduce": "a collective operation, by the name both frameworks' documentation uses",
    "all-gather": "the same",
    "reduce-scatter": "the same",
    "multi-controller": "JAX's name for one process per host, quoted beside its Russian",
    "DTensor": "torch.distributed's sharded tensor class, by name",
}
"""Latin words of the case texts (each record's ``ru``): identifiers written without
backticks, names and abbreviations. Each must still be found, so the list only shrinks."""


def _render(folder: Path, lang: str) -> str:
    main(["report", "--out", str(folder), "--lang", lang])
    return (folder / results.REPORT_HTML).read_text()


@pytest.fixture(scope="module")
def russian(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture's report in Russian, its machine record the reference run's (with the CPU
    identity the fixture's old record lacks)."""
    folder = tmp_path_factory.mktemp("ru") / "results"
    shutil.copytree(RESULTS, folder)
    shutil.copy(REFERENCE / results.MACHINE, folder / results.MACHINE)
    return _render(folder, "ru")


def _split(html: str) -> tuple[str, str]:
    """(the report's own prose, the case texts it shows), ``PENDING`` left out."""
    text = prose(html)
    for english, wiring in PENDING.items():
        assert english in text, f"no longer shown ({wiring}): delete it from PENDING"
        text = text.replace(english, " ")
    quoted = []
    for case in cases.CASES.values():
        for words in vars(texts_ru.case_text(case)).values():
            shown = prose(f"<p>{inline(words)}</p>").strip()  # its `code` aside
            if shown and shown in text:
                text = text.replace(shown, " ")
                quoted.append(shown)
    return text, "\n".join(quoted)


def test_russian_report_has_no_latin_word_but_named_ones(russian: str) -> None:
    own, case_texts = _split(russian)
    found = latin_words_in(own, set(FIXTURE_NAMES))
    assert not found, f"Latin words in the Russian report: {found.most_common()}"
    found = latin_words_in(case_texts, set(CASE_TEXT_NAMES), code_names=True)
    assert not found, f"Latin words in the case texts: {found.most_common()}"
    unused = [
        w for w in CASE_TEXT_NAMES if not re.search(rf"(?<![\w-]){w}(?![\w-])", own + case_texts)
    ]
    assert not unused, f"CASE_TEXT_NAMES no longer needed: {unused}"


def test_counting_finds_english_left_in_prose() -> None:
    """The count sees an English clause and leaves code, quotations, names and identifiers."""
    page = (
        "<p>JAX с <code>jax.jit</code> быстрее: «No grad mode» — заголовок урока; "
        "per_sample_grads, float32, PyTorch.</p><table><tr><td>кейс</td><td>kept bytes</td>"
        "</tr></table><svg role='img'><text>median time</text></svg>"
        "<svg><text>Weight</text></svg>"
    )
    assert latin_words(page) == {"kept": 1, "bytes": 1, "median": 1, "time": 1}


def test_russian_units(russian: str) -> None:
    """Every number the Russian report writes with a unit has the Cyrillic one; the English
    report has the English ones (the formatters default to English outside a report)."""
    english_unit = re.compile(r"\d (?:s|ms|µs|ns|B|KiB|MiB|GiB)\b")
    own, case_texts = _split(russian)
    assert not english_unit.findall(own + case_texts)
    assert re.search(r"\d (?:мс|мкс) ", own) and "ГиБ" not in fmt.fmt_bytes(2**31)
    t = texts.of("ru")
    assert fmt.fmt_s(0.0146, t.units) == "14.6 мс" and fmt.fmt_s(2e-6, t.units) == "2 мкс"
    assert fmt.fmt_bytes(1.6e9, t.units) == "1.49 ГиБ" and fmt.fmt_s(3.0) == "3 s"
    with fmt.writing(t.units):
        assert (fmt.fmt_s(5e-9), fmt.fmt_bytes(40), fmt.fmt_whole_s(0.107)) == (
            "5 нс",
            "40 Б",
            "0.11 с",
        )
        assert naming.size("32 MiB") == "32 МиБ"
    assert fmt.fmt_s(5e-9) == "5 ns" and naming.size("32 MiB") == "32 MiB"


def test_lesson_closes_in_its_own_words(russian: str) -> None:
    assert claim.LESSON_CLOSES == LESSON_CLOSES
    assert f"Урок заканчивается так: «{LESSON_CLOSES}»." in prose(russian)
    assert "JAX обучает быстрее" not in russian


def _producers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts with values the code records, made by the code that records them."""
    made = [
        selection.mode_excluded("torch", "eager", "test", ["test"], "test", ["jit"]),
        selection.mode_excluded("torch", "compile", "test", ["test"], "test", None),
        selection.mode_excluded("torch", "compile", "large", ["small", "large"], "cpu", None),
    ]
    no_devices = type("Backend", (), {"devices": list})()
    real_load = backends.load.__wrapped__  # uncached: nothing of the real one is kept
    with monkeypatch.context() as m:
        m.setenv("JAXPARITY_BACKENDS", "jax")
        m.setattr(backends, "load", lambda name: no_devices)
        m.setitem(backends.KNOWN, "torch", "no_such_package_here")
        for call in (
            lambda: backends.ready("torch", "cpu"),  # not selected
            lambda: backends.ready("jax", "gpu"),  # no such device
            lambda: real_load("torch"),  # not installed
        ):
            with pytest.raises(backends.BackendUnavailable) as e:
                call()
            made.append(str(e.value))
    notes: list[str] = []
    results._this_run([{"run_id": "a"}, {"run_id": "b"}], "a", tmp_path / "bench.jsonl", notes)
    return made + notes


def _reference_texts() -> list[str]:
    """What the reference run recorded in words: reasons, set-apart reasons, measurements."""
    records = json.loads((REFERENCE / results.SUMMARY).read_text())["records"]
    said = {r["reason"] for r in records if r["reason"] and r["status"] == "skip"}
    said |= {r["unequal_work"] for r in records if r["unequal_work"]}
    said |= {v for r in records for v in (r["extra"] or {}).values() if isinstance(v, str)}
    machine = json.loads((REFERENCE / results.MACHINE).read_text())
    said |= {machine["torch_float32_matmul"], machine["jax_default_matmul_precision"]}
    return sorted(said)


def _quoted() -> list[str]:
    """Every text of another module the Russian report quotes in words, from the code."""
    benches = [c.bench for c in cases.CASES.values() if c.bench]
    return [
        *(m.label for m in run_modes.TABLE.values()),
        *(m.description for m in run_modes.TABLE.values()),
        *(k for k in bench.BLOCK_DESIGN if k not in ("measured", "conclusion")),
        bench.BLOCK_DESIGN["measured"],
        bench.BLOCK_DESIGN["conclusion"],
        selection.COMPILE_COST,
        graphviz.MISSING,
        libraries.JAX_KERNELS,
        *naming.WORDS.values(),
        *(text for b in benches for text in (*b.variants.values(), *b.left_out.values())),
        *(text for b in benches for text in b.unequal_work.values()),
    ]


def test_every_quoted_and_recorded_text_is_translated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every text the Russian report quotes — other modules' words, what the reference run
    and the code record — has its translation (``FOREIGN``) or its template's
    (``RECORDED``); a translation never shows English words of its key."""
    t = texts.of("ru")
    wanted = [*_quoted(), *_reference_texts(), *_producers(tmp_path, monkeypatch)]
    missing = [q for q in wanted if q not in texts_ru.FOREIGN and t.quote(q) == q]
    assert not missing, f"texts_ru lacks a translation of: {missing}"
    for english in wanted:
        said = re.sub(r"`[^`]*`|\{\w+\}", " ", t.quote(english))  # code and fields aside
        assert not latin_words_in(said), t.quote(english)


def test_every_translation_still_finds_its_english() -> None:
    """A ``FOREIGN`` key is a string the code still writes, a ``RECORDED`` key the template
    of an f-string it still writes: a changed English leaves no stale translation behind."""
    plain, templates = strings()
    quoted = set(_quoted())
    stale = [k for k in texts_ru.FOREIGN if k not in plain and k not in quoted]
    assert not stale, f"texts_ru.FOREIGN translates texts nothing writes: {stale}"
    shapes = {shape(x) for x in templates}
    stale = [k for k in texts_ru.RECORDED if shape(k) not in shapes]
    assert not stale, f"texts_ru.RECORDED translates templates nothing writes: {stale}"
    for english, russian in texts_ru.RECORDED.items():
        fields = texts.template_fields(english)
        assert sorted(texts.template_fields(russian)) == sorted(fields), english
    assert not texts_en.FOREIGN and not texts_en.RECORDED


def test_recorded_text_translated_with_its_values() -> None:
    t = texts.of("ru")
    assert t.quote("no gpu visible to torch on this machine") == "torch не видит gpu на этой машине"
    cost = selection.mode_excluded("torch", "compile", "large", ["small", "large"], "cpu", None)
    assert t.quote(cost) == (
        "`torch.compile` замеряется на одном размере для каждого кейса (small): "
        + texts_ru.FOREIGN[selection.COMPILE_COST]
    )
    assert t.reason("raised ValueError: `x` < 0") == "`raised ValueError: \u2032x\u2032 < 0`"
    assert t.reason("RuntimeError: boom", failed=True) == "`RuntimeError: boom`"
    assert t.quote("an English text nobody translated") == "an English text nobody translated"
    assert texts.of("en").reason("not checked in this run") == "not checked in this run"


def _avoided() -> dict[str, str]:
    """The glossary's words we do not write: each → the one we write instead."""
    found = {}
    for line in GLOSSARY.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[3] and not set(cells[3]) <= set("-: "):
            for word in re.findall(r"«([^»]+)»", cells[3]):
                found[word] = cells[1]
    return found


def test_glossary_terms_in_the_russian_texts() -> None:
    """The Russian report's texts point to the glossary and use none of the words it keeps
    out (calques, the words the lesson does not use)."""
    avoided = _avoided()
    assert {"пример", "тетрадка", "бок о бок", "Выходы"} <= set(avoided), avoided
    assert "docs/glossary.ru.md" in (texts_ru.__doc__ or "")
    written = [*texts_ru.MESSAGES.values(), *texts_ru.FOREIGN.values(), *texts_ru.RECORDED.values()]
    written += list(texts_ru.NOUNS["case"])
    for word, instead in avoided.items():
        pattern = re.compile(rf"(?<![а-яёА-ЯЁ]){re.escape(word)}(?![а-яёА-ЯЁ])", re.I)
        used = [w for w in written if pattern.search(w)]
        assert not used, f"«{word}» (write {instead}): {used}"
