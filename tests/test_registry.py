"""The case registry mirrors LESSON_MAP.md, and bad names give one clear line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from shared import backends, cases, data
from shared.cases import UnknownNameError


def test_every_lesson_case_is_registered() -> None:
    assert len(cases.CASES) == 45
    assert [c.topic for c in cases.CASES.values()] == sorted(
        (c.topic for c in cases.CASES.values()), key=cases.TOPICS.index
    )
    for case in cases.CASES.values():
        assert case.title and case.seed_lines[0] <= case.seed_lines[1] <= 1305


def test_unimplemented_cases_stay_visible() -> None:
    everything = cases.select()
    implemented = cases.select(implemented_only=True)
    assert len(everything) == 45
    assert {c.id for c in implemented} <= {c.id for c in everything}
    assert {"tensors.basic_ops", "devices.layer"} <= {c.id for c in implemented}


def test_timed_cases_have_data_for_their_sizes() -> None:
    for case in cases.select(implemented_only=True):
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
