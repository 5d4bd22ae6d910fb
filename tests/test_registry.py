"""The case registry (the source of LESSON_MAP.md), and bad names give one clear line."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared import backends, cases, data
from shared.cases import UnknownNameError

CASES_FOLDER = Path(cases.__file__).parent


@pytest.mark.registry
def test_every_case_module_is_listed_once_in_its_topic() -> None:
    """A topic package's ``ORDER`` names each of its case modules once, and ``TOPICS`` every
    topic package: a module or package left out would be silently missing from everything."""
    packages = {p.parent.name for p in CASES_FOLDER.glob("*/__init__.py")}
    assert packages == set(cases.TOPICS), "shared.cases.TOPICS lists the topic packages"
    for topic in cases.TOPICS:
        order = importlib.import_module(f"shared.cases.{topic}").ORDER
        modules = {p.stem for p in (CASES_FOLDER / topic).glob("[!_]*.py")}
        assert len(order) == len(set(order)), f"shared/cases/{topic}: ORDER repeats a case"
        assert set(order) == modules, f"shared/cases/{topic}: ORDER lists its case modules"
    assert len(cases.CASES) == sum(len(cases.select(topics=[t])) for t in cases.TOPICS)
    for case in cases.CASES.values():
        assert case.title and case.seed_lines[0] <= case.seed_lines[1] <= 1305


@pytest.mark.registry
def test_timed_cases_have_data_for_their_sizes() -> None:
    for case in cases.select():
        if case.bench:
            assert set(case.bench.sizes) <= set(data.sizes(case.id)), case.id


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: cases.get("tensors.basic_op"), "case"),
        (lambda: cases.select(topics=["tensor"]), "topic"),
        (lambda: backends.backend_names(["pytorch"]), "backend"),
        (lambda: backends.device_names(["cuda"]), "device"),
        (lambda: data.inputs("devices.layer", size="huge"), "size"),
        (lambda: backends.load("numpy"), "backend"),
    ],
)
def test_unknown_names_are_one_line_listing_valid_ones(call, kind: str) -> None:
    with pytest.raises(UnknownNameError) as e:
        call()
    message = str(e.value)
    assert "\n" not in message
    assert message.startswith(f"unknown {kind} ")
    assert "valid: " in message


def test_close_names_get_a_suggestion() -> None:
    with pytest.raises(UnknownNameError, match=r"did you mean 'tensors\.basic_ops'"):
        cases.get("tensors.basic_op")


def test_environment_narrows_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAXPARITY_BACKENDS", "jax")
    assert backends.backend_names() == ["jax"]
    monkeypatch.setenv("JAXPARITY_BACKENDS", "jax,tf")
    with pytest.raises(UnknownNameError, match="unknown backend 'tf'"):
        backends.backend_names()


def test_bad_backend_variable_stops_pytest_with_one_line() -> None:
    env = {**os.environ, "JAXPARITY_BACKENDS": "tf"}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/test_registry.py", "-q", "-p", "no:cacheprovider"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 4  # pytest's usage error
    assert done.stderr.strip() == "ERROR: unknown backend 'tf'; valid: jax, torch"


@pytest.mark.registry
def test_every_array_input_is_declared_and_checked() -> None:
    """Validation lives once, in shared: each case declares every array it takes, and an
    input of the wrong rank is a CaseInputError naming it before any framework runs."""
    import numpy as np

    from shared.validation import CaseInputError, check_inputs

    for case in cases.select():
        inputs = data.inputs(case.id)
        arrays = {k for k, v in inputs.items() if isinstance(v, np.ndarray)}
        assert arrays == set(case.takes), case.id
        check_inputs(case, inputs)
        for name, arg in case.takes.items():
            if arg.shape is None:
                continue
            bad = {**inputs, name: inputs[name][None]}  # one axis too many
            with pytest.raises(CaseInputError, match=rf"^{name}: expected "):
                check_inputs(case, bad)


def test_every_idiom_respells_a_lesson_variant_of_its_case() -> None:
    """``Bench.idioms`` maps a timed variant to the lesson's variant it respells: both must be
    variants of the case, and an idiom is never itself a lesson variant of another idiom (the
    verdict's families are one level deep)."""
    for case in cases.select():
        if case.bench is None:
            continue
        for idiom, lesson in case.bench.idioms.items():
            assert idiom in case.bench.variants, (case.id, idiom)
            assert lesson in case.bench.variants, (case.id, lesson)
            assert lesson not in case.bench.idioms, (case.id, lesson)
