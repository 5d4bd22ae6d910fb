"""Every timed case × variant × size × framework × device × mode (see bench/harness.py)."""

from __future__ import annotations

import pytest

from bench import harness


def test_case(benchmark, bench_target: harness.Target, request: pytest.FixtureRequest) -> None:
    harness.run(benchmark, bench_target, request.config)
