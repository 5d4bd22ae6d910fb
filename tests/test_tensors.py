"""Tensors beyond the seeded data: any shape, both frameworks, against NumPy (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared import parity

SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
dims = st.integers(min_value=1, max_value=9)


def _normal(seed: int, *shape: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def _assert_matches_oracle(target, case_id: str, inputs: dict) -> None:
    backend, device = target
    result, raw = parity.run(backend, case_id, device, inputs=inputs)
    judgement = parity.judge([result], raw)
    assert judgement.ok, judgement.message()


@SETTINGS
@given(m=dims, n=dims, seed=st.integers(0, 2**16))
def test_basic_ops_any_shape(target, m: int, n: int, seed: int) -> None:
    _assert_matches_oracle(
        target, "tensors.basic_ops", {"a": _normal(seed, m, n), "b": _normal(seed + 1, n, m)}
    )


@SETTINGS
@given(half=st.integers(1, 4), n=dims, seed=st.integers(0, 2**16))
def test_useful_functions_any_shape(target, half: int, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.permutation(10 * 3 * 2).reshape(10, 3, 2).astype(np.float32)
    inputs = {"a": _normal(seed, 2 * half, n), "b": _normal(seed + 1, 2 * half, n), "x": x}
    _assert_matches_oracle(target, "tensors.useful_functions", inputs)
