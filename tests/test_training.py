"""What the generic tests cannot say about training.to_accuracy: the data are scikit-learn's
digits, split and batched deterministically; the judge's bounds are not vacuous; the timed
trainers train what the case trains; bad input is refused in one line; the report's section.

(The case's parity runs through ``tests/test_parity.py``, the child processes through
``bench/test_train_to_accuracy.py`` at size ``test``.)
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from bench.targets import load_on
from jaxparity import report, results
from jaxparity.report import training as section
from shared import data, oracles, parity
from shared.cases.training import _answers as oracle
from shared.cases.training import _inputs as digits_data
from shared.oracles import Count
from shared.validation import CaseInputError

CASE = "training.to_accuracy"


def test_digits_are_scikit_learns() -> None:
    from sklearn.datasets import load_digits

    pixels, labels = load_digits(return_X_y=True)
    mine, my_labels = digits_data.digits()
    assert np.array_equal(mine, (pixels / 16).astype(np.float32))
    assert np.array_equal(my_labels, labels)


def test_split_and_batch_order_are_deterministic_and_stratified() -> None:
    first, again = data.inputs(CASE, "lesson"), data.inputs(CASE, "lesson")
    for key in ("x_train", "y_train", "x_test", "y_test", "order"):
        assert np.array_equal(first[key], again[key]), key
    assert len(first["y_test"]) == digits_data.TEST_IMAGES == 360
    assert len(first["y_train"]) == 1797 - 360
    per_digit = np.bincount(first["y_test"], minlength=10)
    assert per_digit.min() >= 35 and per_digit.max() <= 37, per_digit
    _, steps, batch = first["order"].shape
    assert (steps, batch) == (1437 // 32, 32)
    for epoch in first["order"]:  # each epoch a permutation, the remainder left out
        assert len(np.unique(epoch)) == steps * batch
    assert not np.array_equal(first["order"][0], first["order"][1])
    other = data.inputs(CASE, "lesson", seed=1)
    assert not np.array_equal(other["order"], first["order"])


def test_a_count_is_allowed_one_image_and_rejects_two() -> None:
    want = Count(np.array([300, 340]), 1, "a near tie")
    ok = parity._count("correct", "torch", "oracle", np.array([301, 339]), want, sides=1)
    bad = parity._count("correct", "torch", "oracle", np.array([300, 342]), want, sides=1)
    assert ok.ok and not bad.ok and "atol=1 (a near tie)" in bad.detail
    between = parity._count("correct", "torch vs jax", "jax", np.array([300, 342]), want, sides=2)
    assert between.ok


def test_the_loss_bound_rejects_a_slightly_different_training() -> None:
    """The per-step bound (3× NumPy float32's spread) is not vacuous: momentum 0.89 instead of
    0.9, or one batch of an epoch seen twice, fails it."""
    inputs = data.inputs(CASE, "test")
    expected = oracles.expected(CASE, inputs)["losses"]
    same = oracle.train(**inputs, dtype=np.float32)["losses"]
    assert parity.compare("losses", "numpy", "oracle", same, expected, sides=1).ok
    momentum = oracle.train(**{**inputs, "momentum": 0.89}, dtype=np.float32)["losses"]
    assert not parity.compare("losses", "numpy", "oracle", momentum, expected, sides=1).ok
    order = inputs["order"].copy()
    order[1, 2] = order[1, 1]
    repeated = oracle.train(**{**inputs, "order": order}, dtype=np.float32)["losses"]
    assert not parity.compare("losses", "numpy", "oracle", repeated, expected, sides=1).ok


@pytest.mark.parametrize(("backend_name", "mode"), [("jax", "jit"), ("jax", "scan")])
def test_each_timed_trainer_trains_what_the_case_trains(backend_name: str, mode: str) -> None:
    """The to-accuracy runs time ``Trainer``; its losses and accuracy are the oracle's. (Eager
    torch is judged so in its child process, at size test, by
    ``bench/test_train_to_accuracy.py``; ``nnx.jit`` trains with the case function's own step,
    which the parity tests judge, and compiles twice; torch.compile would cost tens of
    seconds.)"""
    backend = load_on(backend_name, "cpu")
    inputs = data.inputs(CASE, "test")
    expected = oracles.expected(CASE, inputs)
    trainer = backend.topic("training").Trainer(inputs, mode, "cpu")
    trainer.compile()
    trainer.first_step()
    losses, correct = [], []
    for epoch in range(len(inputs["order"])):
        losses += list(trainer.train_epoch(epoch))
        correct.append(trainer.correct())
    check = parity.compare(
        "losses", backend_name, "oracle", np.array(losses), expected["losses"], sides=1
    )
    assert check.ok, check.line()
    assert parity._count(
        "correct", backend_name, "oracle", np.array(correct), expected["correct"], sides=1
    ).ok


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"y_train": np.zeros(128, np.float32)},
            "y_train: expected shape (128,) and dtype int32 or int64",
        ),
        ({"x_test": np.zeros((64, 63), np.float32)}, "x_test: expected shape (64, 64)"),
        (
            {"order": np.zeros((2, 4, 32), np.float32)},
            "order: expected shape (*, *, *) and dtype int32",
        ),
    ],
)
def test_bad_input_is_one_case_input_error(change: dict, message: str) -> None:
    inputs = {**data.inputs(CASE, "test"), **change}
    with pytest.raises(
        CaseInputError,
        match=r"^" + message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*"),
    ):
        parity.call(load_on("torch", "cpu"), CASE, inputs=inputs)


def test_batch_indices_outside_the_training_set_are_refused(target) -> None:
    """torch would raise an IndexError, JAX would quietly train on the last image."""
    backend, device = target
    inputs = data.inputs(CASE, "test")
    inputs["order"] = inputs["order"].copy()
    inputs["order"][1, 2, 3] = len(inputs["y_train"])
    with pytest.raises(CaseInputError, match=r"^order: indices must lie in 0\.\.127"):
        parity.call(backend, CASE, device, inputs=inputs)


def test_break_even() -> None:
    assert section.break_even(10.0, 1e-3, 0.5e-3) == pytest.approx(20_000)
    assert section.break_even(10.0, 1e-3, 2e-3) == float("inf")
    assert section.break_even(None, 1e-3, 2e-3) is None


def _row(framework: str, mode: str, size: str, **values: object) -> dict:
    extra = {
        "time_to_accuracy_s": 2.0,
        "steady_step_s": 1e-3,
        "first_step_s": 0.01,
        "epochs": 3,
        "steps": 6,
        "epoch_s": [0.5, 0.4, 0.4],
        "losses": [2.3, 2.0, 1.5, 1.0, 0.8, 0.5],
        "rss_before_compile_bytes": 300 << 20,
        "rss_compile_peak_bytes": 320 << 20,
        "rss_train_peak_bytes": 330 << 20,
    }
    target = {"case_id": CASE, "variant": "to_accuracy", "size": size, "backend": framework}
    target |= {"framework": framework, "device": "cpu", "mode": mode, "flops": None}
    line = {**target, "compile_s": 0.0, "peak_bytes": 330 << 20, **extra, **values}
    return line | {"stats": {"median": 3.0, "min": 3.0, "rounds": 1}, "variant_doc": ""}


def test_report_section_from_saved_rows(folder: Path) -> None:
    lines = [
        _row("torch", "eager", "lesson"),
        _row(
            "torch",
            "compile",
            "lesson",
            compile_s=20.0,
            steady_step_s=0.5e-3,
            rss_compile_peak_bytes=900 << 20,
        ),
        _row("jax", "jit", "lesson", compile_s=0.5, steady_step_s=0.2e-3, peak_bytes=500 << 20),
        _row("jax", "scan", "lesson", compile_s=1.0, steady_step_s=2e-3),
    ]
    with (folder / results.BENCH).open("a") as f:
        f.writelines(json.dumps(line) + "\n" for line in lines)
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    ET.fromstring((folder / results.PLOTS / "training-loss-lesson.svg").read_text())
    assert "Not measured at this size: JAX nnx.jit" in md
    assert "Training to accuracy, as a user trains" in md
    # break-even: torch.compile 20 s / 0.5 ms saved, JAX jit 0.5 s / 0.8 ms; scan is slower
    assert "40\u202f000" in md and "625" in md and "never" in md
    assert "**Compile time** (against torch.compile): JAX needs less in lesson JAX jit" in md
    assert "**Memory while training**" in md and "JAX needs more in lesson JAX jit: 500 MiB" in md
    assert "XLA reserves 75 %" in md
    # the rows are shown here, not again in the case's timings table
    assert "| to_accuracy |" not in md
    report.write(folder, "ru")
    assert "Обучение до заданной точности" in (folder / results.REPORT_MD).read_text()


def test_report_says_when_nothing_was_measured(folder: Path) -> None:
    report.write(folder)
    md = (folder / results.REPORT_MD).read_text()
    assert "Not measured in this run: no training to accuracy finished" in md
