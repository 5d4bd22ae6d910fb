"""Training to a test accuracy as a user runs it (training.to_accuracy), one fresh process per
framework × mode × size (``bench/to_accuracy.py`` says what each measures).

Not a paired timing: each row runs its child once and records, besides the harness's keys,
the child's measurements (``time_to_accuracy_s``, ``compile_s``, ``steady_step_s``, each
epoch's seconds, every step's loss, peak memory while compiling and while training) under the
variant ``to_accuracy``. ``compile_s`` is the harness's key (the table's compile column);
``peak_bytes`` is the training's peak resident set.

Which rows run: at ``--size test`` (and in the test suite), one child (eager torch), on the
tiny inputs, its losses judged by the oracle: there the runner is what is tested. Otherwise
the modes of ``TO_ACCURACY_MODES`` at the case's sizes, ``torch.compile`` at one size as in
the harness (``jaxparity.selection``), at both under ``--size lesson``; ``--modes`` narrows
them.

What it costs the default ``jaxparity run`` (counted, for a quiet 2-core CPU; to be measured):
nine children, each a fresh interpreter importing its framework (≈ 2 s for torch, ≈ 2.5 s for
JAX); at ``lesson`` 11 epochs of 44 steps (≈ 0.5 ms a step in eager torch, less in JAX) and
``torch.compile``'s cold compilation of the step in a new process (≈ 15–20 s: 4 s in a warm
benchmark process, plus importing and starting TorchInductor); at ``wide`` 5 epochs of ≈ 8 ms
steps. About 35 s at ``lesson`` and 20 s at ``wide``, ≈ 55 s in all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench import plan
from bench.harness import Target, record
from bench.targets import load_on
from bench.to_accuracy import Config, measure, save_inputs
from jaxparity import selection
from shared import backends, cases, data, oracles, parity
from shared.cases.training._inputs import target_correct
from shared.cases.training._record import TO_ACCURACY, TO_ACCURACY_MODES
from shared.run_modes import COMPILE, EAGER

CASE = cases.get("training.to_accuracy")
TIMEOUT_S = 600
"""A child still training after this long is stopped and its row fails (the slowest, a cold
``torch.compile`` of the wide step on 2 busy cores, takes about a minute)."""
TEST_MODES = {"torch": (EAGER,), "jax": ()}
"""At size ``test`` (the test suite's), one child: the runner is what is tested there, and
eager torch's child is the cheapest (``tests/test_training.py`` runs JAX's trainers in
process, judged by the oracle)."""


def _run_shape(config: pytest.Config) -> tuple[str, list[str] | None, list[str], list[str]]:
    """The ``--size`` name, ``--modes``, this case's sizes and the devices of this run, from
    its plan (``bench/plan.py``: ``jaxparity``'s, or one built from ``--bench-size``)."""
    found = plan.of(config)
    modes = found.get("modes")
    chosen = None if modes in (None, "all") else list(modes)
    return found["size"], chosen, plan.case_sizes(found, CASE.id), list(found["devices"])


def excluded(framework: str, mode: str, size: str, size_name: str, modes: list[str] | None) -> str:
    """Why a row does not run in this run (``""`` when it runs)."""
    if size == "test":
        if mode not in TEST_MODES[framework]:
            return "at size test one child, eager torch's (the runner is what is tested there)"
        return ""
    chosen = selection.bench_sizes(CASE, size_name)
    if mode == COMPILE and size_name == "lesson" and (modes is None or COMPILE in modes):
        return ""  # --size lesson: torch.compile at every width
    return selection.mode_excluded(framework, mode, size, chosen, size_name, modes) or ""


def rows(config: pytest.Config) -> list[tuple[Target, str]]:
    """Every row of this run, with why it is skipped (``""``: it runs)."""
    size_name, modes, chosen, devices = _run_shape(config)
    return [
        (
            Target(CASE.id, TO_ACCURACY, size, framework, device, mode),
            excluded(framework, mode, size, size_name, modes),
        )
        for size in chosen
        for device in devices
        for framework in backends.backend_names()
        for mode in TO_ACCURACY_MODES[framework]
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "accuracy_row" in metafunc.fixturenames:
        found = rows(metafunc.config)
        metafunc.parametrize("accuracy_row", found, ids=[t.id for t, _ in found])


@pytest.fixture(scope="module")
def inputs_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[[str], tuple[Path, int]]:
    """A size → the case's inputs saved once for every child of the module, and the target."""
    made: dict[str, tuple[Path, int]] = {}
    folder = tmp_path_factory.mktemp("to_accuracy")

    def get(size: str) -> tuple[Path, int]:
        if size not in made:
            inputs = data.inputs(CASE.id, size)
            path = save_inputs(inputs, folder / f"{size}.npz")
            made[size] = (path, target_correct(len(inputs["y_test"])))
        return made[size]

    return get


def _judge(result: dict[str, Any]) -> None:
    """A child's losses and accuracy against the oracle's training of the same inputs."""
    expected = oracles.expected(CASE.id, data.inputs(CASE.id, "test"))
    losses = np.array(result["losses"], np.float32)
    check = parity.compare("losses", "child", "oracle", losses, expected["losses"], sides=1)
    assert check.ok, check.line()
    correct = np.array(result["correct"])
    assert np.abs(correct - expected["correct"].value[: len(correct)]).max() <= 1


def test_train_to_accuracy(
    benchmark,
    accuracy_row: tuple[Target, str],
    inputs_files: Callable[[str], tuple[Path, int]],
    request: pytest.FixtureRequest,
) -> None:
    target, why = accuracy_row
    if why:
        pytest.skip(why)
    load_on(target.backend, target.device)  # a skip with the reason if it is missing
    path, goal = inputs_files(target.size)
    config = Config(target.backend, target.mode, target.device, str(path), goal, os.getpid())
    found: list[dict[str, Any]] = []
    benchmark.pedantic(lambda: found.append(measure(config, TIMEOUT_S)), rounds=1, iterations=1)
    (result,) = found
    assert result["steps"] > 0 and len(result["losses"]) == result["steps"]
    if target.size == "test":  # what the child trained is what the case trains
        _judge(result)
    benchmark.group = f"{CASE.id} {TO_ACCURACY} [{target.size}]"
    benchmark.extra_info.update(
        {
            **asdict(target),
            "framework": target.backend,
            "flops": None,
            "variant_doc": "trained to the target test accuracy in a fresh process",
            "peak_bytes": result["rss_train_peak_bytes"],
            **result,
        }
    )
    record(request.config, benchmark)
