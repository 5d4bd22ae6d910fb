"""The report and ``jaxparity show`` in each language (``--lang``): every message written in
both, the Russian report left with no English template, and the option's usage errors."""

from __future__ import annotations

import json
import re
import shutil
import types
from dataclasses import dataclass
from html import unescape
from string import Formatter

import pytest

from jaxparity import results
from jaxparity.cli import main
from jaxparity.report import machine_and_method, texts, texts_en, texts_ru
from shared import cases
from tests.conftest import RESULTS

LATIN_WORDS = re.compile(r"[A-Za-z][a-z']*(?: [A-Za-z][a-z']*){2,}")
"""Three English-looking words in a row: a sentence, or a piece of one."""
ENGLISH_HEADINGS = (
    "The lesson's claim, from the numbers",
    "At a glance",
    "The split, case by case",
    "The code, side by side",
    "What differs:",
    "The machine",
    "How these numbers were made",
    "Expand all",
)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


NAMES = re.compile(
    r"\b(?:PyTorch|JAX|NumPy|XLA|Autograd|CPU|GPU|CUDA|Python|torch|jax|jaxlib|flax|numpy|jit)\b"
)
"""Names a Russian text writes as the English does."""


def _prose(template: str) -> str:
    """A template's own words: without its fields, `code`, links' targets, identifiers
    (``torch.compile``, ``XLA_FLAGS``) and names."""
    text = re.sub(r"\{[^}]*\}|`[^`]*`|\]\([^)]*\)|\w+(?:[._]\w+)+", " ", template)
    return NAMES.sub(" ", text)


@dataclass(frozen=True)
class Rendered:
    md: str
    html: str
    recorded: set[str]
    """What the run recorded in English (a skip's reason, an error's text), shown as is."""

    def own_words(self) -> str:
        """What the report says in its own words: both files without the code shown (its
        comments are English) and without what the run recorded."""
        md = re.sub(r"```.*?```", " ", self.md, flags=re.S)
        html = re.sub(r"<pre>.*?</pre>", " ", self.html, flags=re.S)
        text = md + "\n" + unescape(re.sub(r"<[^>]+>", " ", html))
        for words in sorted(self.recorded, key=len, reverse=True):
            text = text.replace(words, " ")
        return text


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    """The fixture's report in each language."""
    found = {}
    for lang in texts.LANGUAGES:
        folder = tmp_path_factory.mktemp(lang) / "results"
        shutil.copytree(RESULTS, folder)
        main(["report", "--out", str(folder), "--lang", lang])
        records = json.loads((folder / results.SUMMARY).read_text())["records"]
        found[lang] = Rendered(
            (folder / results.REPORT_MD).read_text(),
            (folder / results.REPORT_HTML).read_text(),
            {r["reason"] for r in records if r["reason"]},
        )
    return found


def test_every_language_has_every_message_with_its_fields() -> None:
    en = texts_en.MESSAGES
    for lang, module in texts.LANGUAGES.items():
        missing = sorted(set(en) - set(module.MESSAGES))
        unknown = sorted(set(module.MESSAGES) - set(en))
        assert not missing and not unknown, f"{lang}: missing {missing}, unknown {unknown}"
        for key, template in module.MESSAGES.items():
            # A language may leave a field out (Russian needs no English gloss), never add one.
            assert _fields(template) <= _fields(en[key]), f"{lang} {key}: {template!r}"
            assert _fields(en[key]) - _fields(template) <= {"gloss"}, f"{lang} {key}"
        assert set(module.NOUNS) == set(texts_en.NOUNS), lang


def test_each_message_lives_in_one_part_and_the_same_part_in_every_language() -> None:
    """Each language's messages are split by the part of the report that shows them
    (``texts_<lang>/<part>.py``): an id in two parts would be one silently overwritten, and
    a part's ids are the same in every language, so a translator finds them side by side."""
    for module in texts.LANGUAGES.values():
        parts = {
            name: set(vars(part)["MESSAGES"])
            for name, part in vars(module).items()
            if isinstance(part, types.ModuleType) and hasattr(part, "MESSAGES")
        }
        assert sum(len(ids) for ids in parts.values()) == len(module.MESSAGES), module.__name__
        english = {
            name: set(vars(part)["MESSAGES"])
            for name, part in vars(texts_en).items()
            if isinstance(part, types.ModuleType) and hasattr(part, "MESSAGES")
        }
        assert parts == english, module.__name__


def test_every_topic_and_machine_entry_has_a_name() -> None:
    for lang in texts.LANGUAGES:
        t = texts.of(lang)
        for topic in cases.TOPICS:
            assert t(f"topic.{topic}"), (lang, topic)
        for key in machine_and_method.MACHINE_KEYS:
            assert t(f"machine.key.{key}"), (lang, key)


def test_russian_messages_are_in_russian() -> None:
    """Each Russian message whose English has words of its own is written in Cyrillic."""
    for key, english in texts_en.MESSAGES.items():
        russian = texts_ru.MESSAGES[key]
        if re.search(r"[A-Za-z]{2,}", _prose(english)):
            assert re.search(r"[а-яё]", russian), f"{key} is not in Russian: {russian!r}"


RUSSIAN_WINS = {0: "побед", 1: "победа", 2: "победы", 4: "победы", 5: "побед", 11: "побед"}
RUSSIAN_WINS |= {12: "побед", 21: "победа", 22: "победы", 101: "победа", 111: "побед"}


@pytest.mark.parametrize(("n", "word"), RUSSIAN_WINS.items())
def test_russian_counts(n: int, word: str) -> None:
    assert texts.of("ru").count(n, "win") == f"{n} {word}"


def test_english_counts() -> None:
    t = texts.of("en")
    assert [t.count(n, "loss") for n in (0, 1, 2)] == ["0 losses", "1 loss", "2 losses"]


def test_russian_report_leaves_no_english_template(reports: dict[str, Rendered]) -> None:
    """No piece of an English sentence template is left in the Russian report, and the known
    headings are where they belong."""
    english, russian = reports["en"], reports["ru"]
    said = russian.own_words()
    left = set()
    for template in texts_en.MESSAGES.values():
        for piece in re.split(r"\{[^}]*\}", re.sub(r"`[^`]*`|\*+", " ", template)):
            left |= {words for words in LATIN_WORDS.findall(piece) if words in said}
    assert not left, f"English left in the Russian report: {sorted(left)}"
    for heading in ENGLISH_HEADINGS:
        assert heading in english.html and heading not in russian.html, heading
    assert "Утверждение урока в цифрах" in russian.md and "Развернуть всё" in russian.html
    assert '<html lang="ru">' in russian.html and '<html lang="en">' in english.html


def test_russian_report_shows_each_case_in_russian(reports: dict[str, Rendered]) -> None:
    md = reports["ru"].md
    for case in cases.CASES.values():
        text = case.ru
        assert f"`{case.id}` — {text.title}\n" in md, case.id
        assert text.explanation in md, case.id
        assert f"**В чём разница:** {text.differs}\n\n<details><summary>Код рядом" in md
        assert f"Из раздела урока «{case.section.heading}»" in md, case.id
        assert f"`{case.id}` — {case.title}\n" not in md, case.id


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", list(texts.LANGUAGES))
def test_show_in_each_language(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "tensors.inplace", "--lang", lang]) == 0
    out = _flat(capsys.readouterr().out)
    case = cases.get("tensors.inplace")
    t = texts.of(lang)
    words = t.case(case)
    assert _flat(words.title) in out and _flat(words.explanation) in out
    assert _flat(f"{t('differs.label')} {words.differs}") in out
    assert out.index(_flat(words.differs)) < out.index("def inplace(")  # above the code
    assert t("show.parity") in out and t("show.agree") in out
    other = texts.of("en" if lang == "ru" else "ru").case(case)
    assert _flat(other.differs) not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--lang", "xx"],
        ["run", "--lang", "xx"],
        ["show", "tensors.inplace", "--lang", "xx"],
    ],
)
def test_unknown_language_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line, no traceback
    assert "--lang: invalid choice: 'xx'" in err and "'ru'" in err
