"""Regimes, measured: dispatch-bound or kernel-bound from eager torch's time per dispatched
operation against the floor; a speed-up near its floor marked; the notes notebooks show."""

from __future__ import annotations

from typing import Any

import pytest

from jaxparity import regimes
from jaxparity.report import regimes as labels
from jaxparity.summary import FIELDS

FLOORS = {
    ("cpu", "torch", "eager"): 10e-6,
    ("cpu", "jax", "jit"): 8e-6,
    ("cpu", "jax", "eager"): 12e-6,
}


def _record(**values: Any) -> dict[str, Any]:
    r = dict.fromkeys(FIELDS)
    r |= {"kind": "bench", "status": "pass", "device": "cpu", "variant": "v", "size": "small"}
    return r | values


def _group(case: str, eager_s: float, ops: int | None, jit_s: float) -> list[dict[str, Any]]:
    eager = _record(case=case, framework="torch", mode="eager", median_s=eager_s)
    eager["ops_per_call"] = ops
    jit = _record(case=case, framework="jax", mode="jit", median_s=jit_s, ops_per_call=1)
    jit["speedup_vs_torch_eager"] = eager_s / jit_s
    return [eager, jit]


def test_time_per_operation_against_the_floor_decides() -> None:
    # 100 operations in 2 ms: 20 µs each, 2 floors: dispatch-bound.
    many = _group("a.many", 2e-3, 100, 1e-4)
    # 10 operations in 2 ms: 200 µs each, 20 floors: kernel-bound.
    few = _group("a.few", 2e-3, 10, 2.5e-3)
    # Exactly on the line is still dispatch-bound.
    line = _group("a.line", regimes.DISPATCH_FLOORS * 10e-6 * 5, 5, 1e-4)
    unknown = _group("a.unknown", 2e-3, None, 1e-4)  # a run from before the counts
    records = many + few + line + unknown
    regimes.place(records, FLOORS)
    assert {r["regime"] for r in many} == {regimes.DISPATCH}
    assert {r["regime"] for r in few} == {regimes.KERNEL}
    assert {r["regime"] for r in line} == {regimes.DISPATCH}
    assert {r["regime"] for r in unknown} == {None}
    assert many[1]["floors_per_op"] == pytest.approx(2.0)
    unfloored = _group("a.unfloored", 2e-3, 10, 2.5e-3)
    regimes.place(unfloored, {})  # a run without its floor: nothing placed
    assert {r["regime"] for r in unfloored} == {None}


def test_near_the_floor_is_the_faster_sides_own_floor() -> None:
    fast_jit = _group("b.jit", 1e-3, 100, 15e-6)  # jit 15 µs, its floor 8 µs: within 2×
    slow_jit = _group("b.slow", 1e-3, 100, 50e-6)
    fast_torch = _group("b.torch", 15e-6, 1, 1e-3)  # torch faster, at 1.5 of its floor
    regimes.place(fast_jit + slow_jit + fast_torch, FLOORS)
    assert fast_jit[1]["near_floor"] is True
    assert slow_jit[1]["near_floor"] is False
    assert fast_torch[1]["near_floor"] is True
    assert fast_jit[0]["near_floor"] is None  # eager torch has no speed-up of its own


def test_training_to_accuracy_has_its_steps_regime() -> None:
    """Timed as a user trains, in fresh processes with nothing counted: the regime is that of
    the paired step it repeats, width by width; a width without a placed step stays unplaced."""
    step = _group("training.to_accuracy", 2e-3, 10, 2.5e-3)  # 20 floors per op: kernel-bound
    for r in step:
        r["size"], r["variant"] = "wide", "step"
    trained = [
        _record(case="training.to_accuracy", variant="to_accuracy", size=size, **mode)
        for size in ("wide", "lesson")
        for mode in ({"framework": "torch", "mode": "eager"}, {"framework": "jax", "mode": "scan"})
    ]
    regimes.place(step + trained, FLOORS)
    assert [(r["size"], r["regime"]) for r in trained] == [
        ("wide", regimes.KERNEL),
        ("wide", regimes.KERNEL),
        ("lesson", None),
        ("lesson", None),
    ]
    assert trained[1]["floors_per_op"] == pytest.approx(20.0)


def test_each_mode_stands_on_its_frameworks_floor() -> None:
    assert regimes.floor_of(FLOORS, "cpu", "jax", "nnx_jit") == 8e-6  # compiled JAX
    assert regimes.floor_of(FLOORS, "cpu", "jax", "eager") == 12e-6  # op by op
    assert regimes.floor_of(FLOORS, "cpu", "torch", "compile") == 10e-6  # eager torch's
    assert regimes.floor_of(FLOORS, "gpu", "torch", "eager") is None


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_notebook_note_gives_the_label_and_the_caveat(lang: str) -> None:
    group = _group("c.tiny", 1e-3, 100, 15e-6)
    regimes.place(group, FLOORS)
    label, caveat = labels.note(group[1], lang)
    assert label == {"en": "dispatch-bound (1)", "ru": "узкое место — запуск операций (1)"}[lang]
    assert labels.NEAR_FLOOR_MARK in caveat and "2" in caveat
    apart = group[1] | {
        "unequal_work": "XLA removes every matmul b's gradient does not need (0 products in "
        "the compiled program) while torch's tape replays all of them"
    }
    caveat = labels.note(apart, lang)[1]
    assert ("XLA removes" in caveat) == (lang == "en")
    assert caveat.startswith({"en": "set apart", "ru": "вынесено из итога"}[lang])
    assert labels.note({"size": "lesson"}, lang) == ("—", "")  # an older run's record


def test_the_lessons_own_sizes() -> None:
    assert labels.at_lesson_size(_record(size="lesson"))
    assert not labels.at_lesson_size(_record(size="large"))
