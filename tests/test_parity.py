"""Every case, on every backend and device, judged by the one judge (``shared.parity``).

Written once against the interface (tinygrad's one-line op tests, einops' backends): a case
added to ``shared`` and both backends is tested here without a new line of test code. The
perturbation tests prove the judge looks at every output: change any one of them, its value,
its dtype or its shape, and the judgement fails.
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pytest

from bench.targets import load_on
from shared import backends, cases, oracles, parity
from shared.cases import Case

CASES = [pytest.param(c, id=c.id) for c in cases.select()]


@functools.cache
def _run(backend_name: str, case_id: str, device: str) -> tuple[parity.CaseRun, dict]:
    """Each case runs once per backend and device; the tests judge copies of the outputs. A
    case that needs more of the machine than it has (two GPUs) is skipped with the reason."""
    try:
        return parity.run(load_on(backend_name, device), case_id, device)
    except backends.BackendUnavailable as e:
        pytest.skip(str(e))


@pytest.mark.parametrize("case", CASES)
def test_matches_oracle_and_expectations(case: Case, target) -> None:
    backend, device = target
    result, raw_inputs = _run(backend.name, case.id, device)
    judgement = parity.judge([result], raw_inputs)
    assert judgement.ok, f"{case.id} on {backend.name}/{device}:\n{judgement.message()}"


@pytest.mark.parametrize("case", CASES)
def test_frameworks_agree(case: Case, both) -> None:
    _, _, device = both
    t, raw_inputs = _run("torch", case.id, device)
    j, _ = _run("jax", case.id, device)
    judgement = parity.judge([t, j], raw_inputs)
    assert judgement.ok, f"{case.id} torch vs jax on {device}:\n{judgement.message()}"


def _nudged(value: np.ndarray) -> np.ndarray:
    """5 % of the value (at least 0.05) added, two more for integers (a ``Count`` may be one
    off), booleans flipped."""
    if value.dtype == bool:
        return ~value
    if value.dtype.kind in "iu":
        return value + 2
    return value + 0.05 * np.maximum(np.abs(value), 1)


def _recast(value: np.ndarray) -> np.ndarray:
    """The same values in a dtype of another width."""
    other = {"f": {4: np.float64, 8: np.float32}, "c": {8: np.complex128, 16: np.complex64}}
    if value.dtype.kind in other:
        return value.astype(other[value.dtype.kind][value.dtype.itemsize])
    return value.astype(np.int8 if value.dtype.itemsize > 1 else np.int16)


def _changed(observation: parity.Observation) -> parity.Observation:
    if isinstance(observation, bool):
        return not observation
    return observation + 1 if isinstance(observation, int) else f"{observation}!"


def _survivors(t: parity.CaseRun, j: parity.CaseRun, raw_inputs: dict) -> list[str]:
    """Every single change to one output that the judge does not notice."""
    case, missed = t.case, []
    expected = oracles.expected(case.id, raw_inputs)
    for index, run in enumerate((t, j)):
        changes = [
            (f"{key} value", "arrays", key, _nudged(a))
            for key, a in run.arrays.items()
            if key not in case.unchecked
        ]
        changes += [(f"{key} dtype", "arrays", key, _recast(a)) for key, a in run.arrays.items()]
        changes += [(f"{key} shape", "arrays", key, a[..., None]) for key, a in run.arrays.items()]
        changes += [
            (f"{key} observation", "observations", key, _changed(o))
            for key, o in run.observations.items()
            if key not in case.unchecked
        ]
        for what, field, key, value in changes:
            outputs = {**getattr(run, field), key: value}
            changed = dataclasses.replace(run, **{field: outputs})
            pair = [changed, j] if index == 0 else [t, changed]
            if parity.judge(pair, raw_inputs, expected).ok:
                missed.append(f"{run.backend}: {what}")
    return missed


@pytest.mark.parametrize("case", CASES)
def test_every_output_is_judged(case: Case) -> None:
    """Any one output of either framework changed (value, dtype, shape, observation), and
    the judgement fails: nothing a case returns goes unlooked-at."""
    t, raw_inputs = _run("torch", case.id, "cpu")
    j, _ = _run("jax", case.id, "cpu")
    assert parity.judge([t, j], raw_inputs).ok
    assert _survivors(t, j, raw_inputs) == []


def test_an_output_nothing_compares_fails_the_judgement() -> None:
    t, raw_inputs = _run("torch", "tensors.basic_ops", "cpu")
    j, _ = _run("jax", "tensors.basic_ops", "cpu")
    stray = dataclasses.replace(j, arrays={**j.arrays, "stray": np.zeros(3, np.float32)})
    judgement = parity.judge([t, stray], raw_inputs)
    assert judgement.unjudged == (("jax", "stray"),)
    assert "stray (jax): compared with nothing" in judgement.message()


def test_non_finite_outputs_are_named() -> None:
    t, raw_inputs = _run("torch", "tensors.basic_ops", "cpu")
    matmul = t.arrays["matmul"].copy()
    matmul[0, 0], matmul[1, 1] = np.nan, np.inf
    broken = dataclasses.replace(t, arrays={**t.arrays, "matmul": matmul})
    message = parity.judge([broken], raw_inputs).message()
    assert "matmul (torch) vs oracle" in message and "1 NaN, 1 inf where the reference" in message


def test_a_sum_that_cancels_is_judged_by_its_magnitude() -> None:
    """Where a dot product nearly cancels, a correct float32 kernel can be 100 % off; the
    bound γ(K)·|a|@|b| accepts that and still rejects a real error."""
    from shared.oracles import dot

    a = np.array([[1.0, 1.0, 1.0]], np.float32)
    b = np.array([[1e8], [1.0], [-1e8]], np.float32)
    want = dot(a, b)  # exactly 1
    in_order = (np.float32(1e8) + np.float32(1.0)) + np.float32(-1e8)  # 1e8 + 1 rounds to 1e8
    computed = np.array([[in_order]], np.float32)
    check = parity.compare("c", "torch", "oracle", computed, want, sides=1)
    assert check.ok and check.max_rel == 1.0, check
    assert not parity.compare("c", "torch", "oracle", computed, want.value, sides=1).ok
    assert not parity.compare("c", "torch", "oracle", computed + 1e3, want, sides=1).ok
