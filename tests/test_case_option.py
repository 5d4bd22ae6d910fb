"""``pytest --case ID``: the case's own tests and the registry-wide checks, no other case's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from shared import cases

ROOT = Path(__file__).resolve().parent.parent
CHOSEN = ("tensors.inplace", "devices.layer", "tensors.create")
FILES = ("tests/test_texts.py", "tests/test_registry.py", "tests/test_interface.py")
"""Per-case tests (texts, signatures), registry checks plain and per topic, and tests of
neither kind: enough to see every rule of the selection at work."""


def _pytest(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_case_selects_its_tests_and_the_registry_checks_only() -> None:
    # Repeatable and comma-separated, as jaxparity's own --case.
    done = _pytest(
        "--collect-only", "-q", *FILES, "--case", f"{CHOSEN[0]},{CHOSEN[1]}", "--case", CHOSEN[2]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    selected = [line for line in done.stdout.splitlines() if "::" in line]
    for case_id in CHOSEN:
        assert f"tests/test_texts.py::test_texts_are_complete_and_russian[{case_id}]" in selected
    assert "tests/test_registry.py::test_every_case_module_is_listed_once_in_its_topic" in selected
    assert "tests/test_interface.py::test_every_registered_case_is_declared[tensors]" in selected
    # Nothing of another case, nor a registry check of another topic, nor an unmarked test
    # that names no case.
    any_case = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, cases.CASES)) + r")(?![\w])")
    others = [s for s in selected if set(any_case.findall(s.split("::", 1)[1])) - set(CHOSEN)]
    assert not others, others
    assert (
        "tests/test_interface.py::test_every_registered_case_is_declared[autograd]" not in selected
    )
    assert not [s for s in selected if "test_close_names_get_a_suggestion" in s]


def test_unknown_case_is_one_line_usage_error() -> None:
    done = _pytest("--collect-only", "-q", "tests/test_texts.py", "--case", "tensors.inplac")
    assert done.returncode == 4  # pytest's usage error
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("ERROR: unknown case 'tensors.inplac' (did you mean 'tensors.inplace'?)")
