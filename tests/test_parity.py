"""Every implemented case, on every backend and device: oracle, behaviour, cross-framework.

Written once against the interface (tinygrad's one-line op tests, einops' backends): a case
added to ``shared`` and both backends is tested here without a new line of test code.
"""

from __future__ import annotations

import pytest

from shared import cases, parity
from shared.cases import Case

IMPLEMENTED = [pytest.param(c, id=c.id) for c in cases.select(implemented_only=True)]


def _failed(checks: list[parity.Check]) -> str:
    return "\n".join(
        f"  {c.key} vs {c.against}: max abs {c.max_abs:.3g}, max rel {c.max_rel:.3g} {c.detail}"
        for c in checks
        if not c.ok
    )


def _skip_gpu_only(case: Case, device: str) -> None:
    if case.gpu_only and device != "gpu":
        pytest.skip(f"{case.id} needs a GPU")


@pytest.mark.parametrize("case", IMPLEMENTED)
def test_matches_oracle(case: Case, target) -> None:
    backend, device = target
    _skip_gpu_only(case, device)
    result, raw_inputs = parity.run(backend, case.id, device)
    checks = parity.against_oracle(result, raw_inputs)
    assert all(c.ok for c in checks), f"{case.id} on {backend.name}/{device}:\n{_failed(checks)}"


@pytest.mark.parametrize("case", IMPLEMENTED)
def test_behaviour(case: Case, target) -> None:
    backend, device = target
    _skip_gpu_only(case, device)
    result, _ = parity.run(backend, case.id, device)
    assert parity.behaviour_mismatches(result) == {}, case.explanation


@pytest.mark.parametrize("case", IMPLEMENTED)
def test_frameworks_agree(case: Case, both) -> None:
    torch_backend, jax_backend, device = both
    _skip_gpu_only(case, device)
    t, raw_inputs = parity.run(torch_backend, case.id, device)
    j, _ = parity.run(jax_backend, case.id, device)
    checks = parity.between(t, j, raw_inputs)
    assert all(c.ok for c in checks), f"{case.id} torch vs jax on {device}:\n{_failed(checks)}"
    # The same observations where the frameworks are expected to agree.
    same = {
        k
        for k, v in case.expectations("torch", device).items()
        if case.expectations("jax", device).get(k) == v
    }
    assert {k: t.observations[k] for k in same} == {k: j.observations[k] for k in same}
