"""Every case's texts in both languages (its record's own and its ``ru``): non-empty, Russian
really in Russian, a ``differs`` line short enough for the one line above the two code
columns, and each fact written once across a case's six texts.

The six texts are the explanation and the ``differs`` line in English and in Russian, and the
two case functions' docstrings (English, shown in the code columns; their first paragraph is
the lesson map's row). Each has its job: a docstring says what its own framework's code does,
the ``differs`` line the contrast between the two columns, the explanation the idea and why.
Three checks keep them from restating one another:

- a docstring names nothing of the other framework (its names, its APIs): the contrast is the
  ``differs`` line's, shown right above both columns;
- the explanation shares no run of :data:`SHARED_RUN` words with the ``differs`` line (same
  language) or with either docstring: a sentence copied from one to the other;
- the numbers of a Russian text are the English text's: a fact written in both languages
  cannot drift apart (a number the record knows is formatted into both from one constant).

They cannot catch a paraphrase: the same fact said in other words, or a docstring contrasting
its framework with the other without naming it ("no flags", "nothing is recorded").
"""

from __future__ import annotations

import re

import pytest

from jaxparity import sources
from shared import cases
from shared.cases.model import Text

pytestmark = pytest.mark.registry

DIFFERS_MAX = 120
"""Characters of a ``differs`` line, in either language."""

FIELDS = ("title", "explanation", "differs")
LATIN_WORD = re.compile(r"[A-Za-z]+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def english(case: cases.Case) -> Text:
    return Text(case.title, case.explanation, case.differs)


def foreign_letters(russian: str, english: Text) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters of words the English texts do not have).

    A Russian text keeps code identifiers, numbers and names (``x.grad``, ``JAX``) as the
    English has them, and those are not counted; any other Latin word is. An English text left
    untranslated thus has no Cyrillic letter at all.
    """
    names = set(LATIN_WORD.findall(" ".join((english.title, english.explanation, english.differs))))
    latin = sum(len(w) for w in LATIN_WORD.findall(russian) if w not in names)
    return len(CYRILLIC.findall(russian)), latin


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_texts_are_complete_and_russian(case_id: str) -> None:
    case = cases.get(case_id)
    en, ru = english(case), case.ru
    for field in FIELDS:
        for lang, text in (("en", getattr(en, field)), ("ru", getattr(ru, field))):
            assert text.strip(), f"{case_id}: {lang} {field} is empty"
        cyrillic, latin = foreign_letters(getattr(ru, field), en)
        assert cyrillic and cyrillic >= latin, (
            f"{case_id}: the Russian {field} is not in Russian ({cyrillic} Cyrillic letters, "
            f"{latin} Latin ones outside the English text's names): {getattr(ru, field)!r}"
        )
    for lang, text in (("en", en.differs), ("ru", ru.differs)):
        assert len(text) <= DIFFERS_MAX, (
            f"{case_id}: the {lang} differs line has {len(text)} characters (at most "
            f"{DIFFERS_MAX}): {text!r}"
        )
        assert "\n" not in text, f"{case_id}: the {lang} differs line is one line"


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_russian_typography(case_id: str) -> None:
    """Quotes are «ёлочки» and a dash is —, not a hyphen between spaces."""
    for field in FIELDS:
        text = getattr(cases.get(case_id).ru, field)
        assert '"' not in text, f"{case_id}: use «» for quotes in the Russian {field}"
        assert " - " not in text, f"{case_id}: use — for a dash in the Russian {field}"


OTHER_SIDE = {
    "torch": re.compile(
        r"\b(?:JAX|jax|jnp|lax|Flax|flax|NNX|nnx|XLA|optax|jaxpr|stop_gradient|device_put"
        r"|custom_vjp|shard_map)\b|\.at\["
    ),
    "jax": re.compile(
        r"\b(?:torch|PyTorch|torchvision|torchviz|torchrun|Dynamo|Inductor|TorchInductor|DDP"
        r"|FSDP2?|DTensor|autograd|requires_grad_?|grad_fn|retain_graph|retain_grad|create_graph"
        r"|detach|zero_grad)\b|\bnn\.|\.backward\(|(?<!jax)(?<!nnx)\.grad\b|\.item\(\)"
    ),
}
"""What names the *other* framework in a case function's docstring: the library and its tools,
and the APIs only it has (``jax.grad`` is JAX's, ``x.grad`` torch's). Names both have are not
here: ``vmap``, ``jacrev`` or ``jvp`` (``torch.func`` has them too), ``jit``, and the case
names that are torch's modes (``no_grad``), which both modules define."""

SHARED_RUN = 6
"""Words in a row the explanation may not share with the ``differs`` line or a docstring: a
formula or an API with its arguments is up to five; a copied clause is longer."""

WORD_EDGES = ".,;:!?()`'\"«»—–"
NUMBER = re.compile(r"(?<![\w.])\d+(?:[ \u202f,]\d{3})*(?:\.\d+)?")
"""A number as prose writes it (``44,549,160``, ``44 549 160``, ``0.02``), not a digit inside an
identifier (``float32``, ``x64``)."""


def _words(text: str) -> list[str]:
    return [w for w in (word.strip(WORD_EDGES).lower() for word in text.split()) if w]


def shared_run(a: str, b: str) -> str:
    """The longest run of words ``a`` and ``b`` share (case and punctuation aside)."""
    x, y = _words(a), _words(b)
    best, end = 0, 0
    previous = [0] * (len(y) + 1)
    for i in range(1, len(x) + 1):
        current = [0] * (len(y) + 1)
        for j in range(1, len(y) + 1):
            if x[i - 1] == y[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, end = current[j], i
        previous = current
    return " ".join(x[end - best : end])


def numbers(text: str) -> list[str]:
    return sorted(re.sub(r"[ \u202f,]", "", n) for n in NUMBER.findall(text))


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_docstrings_speak_of_their_own_framework(case_id: str) -> None:
    """A case function's docstring says what its own code does; the contrast with the other
    framework is the ``differs`` line's."""
    case = cases.get(case_id)
    for framework, other in OTHER_SIDE.items():
        named = sorted({m.group() for m in other.finditer(sources.docstring(framework, case))})
        assert not named, (
            f"{sources.location(framework, case)}: its docstring names the other framework "
            f"({', '.join(named)}); say that in the differs line, once"
        )


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_explanation_does_not_repeat_the_code_texts(case_id: str) -> None:
    """Shown above the differs line and the code, the explanation says the idea and why, not
    again what the line or the docstrings say."""
    case = cases.get(case_id)
    others = {
        "the differs line": (case.explanation, case.differs),
        "the Russian differs line": (case.ru.explanation, case.ru.differs),
        **{
            f"the {framework} docstring": (case.explanation, sources.docstring(framework, case))
            for framework in ("torch", "jax")
        },
    }
    for where, (explanation, other) in others.items():
        run = shared_run(explanation, other)
        assert len(run.split()) < SHARED_RUN, f"{case_id}: the explanation repeats {where}: {run!r}"


@pytest.mark.parametrize("case_id", list(cases.CASES))
def test_russian_numbers_are_the_english_ones(case_id: str) -> None:
    case = cases.get(case_id)
    for field in FIELDS:
        en, ru = getattr(case, field), getattr(case.ru, field)
        assert numbers(ru) == numbers(en), (
            f"{case_id}: the {field}'s numbers differ between English {numbers(en)} and "
            f"Russian {numbers(ru)}"
        )


def test_the_checks_find_what_they_look_for() -> None:
    """Each check sees its fault (a test that cannot fail proves nothing)."""
    assert OTHER_SIDE["jax"].search("torch instead: ``x.grad``")
    assert OTHER_SIDE["jax"].search("as ``nn.Sequential`` does")
    assert OTHER_SIDE["jax"].search("``y.grad`` stays ``None``")
    assert not OTHER_SIDE["jax"].search("``jax.grad`` returns it; ``nnx.Sequential``, ``nnx.grad``")
    assert OTHER_SIDE["torch"].search("JAX instead: ``x.at[0].set(0)``")
    assert not OTHER_SIDE["torch"].search("``torch.func.vmap`` of ``torch_impl``")
    assert (
        shared_run(
            "So: torch.randn draws from a hidden global generator.",
            ("torch.randn draws from a hidden global generator; jax needs a key"),
        )
        == "torch.randn draws from a hidden global generator"
    )
    assert numbers("44,549,160 parameters, lr 0.02, float32") == ["0.02", "44549160"]
    assert numbers("44\u202f549\u202f160 параметров") == ["44549160"]
