"""Every timed case × variant × size × framework × device × mode of the plan, in paired blocks
(see bench/harness.py)."""

from __future__ import annotations

from typing import Any

from bench import harness
from jaxparity.bench_targets import Target


def test_case(
    benchmark, bench_block: tuple[Target, int], bench_plan: dict[str, Any], request
) -> None:
    target, block = bench_block
    harness.run(
        benchmark, target, block, request.config, bench_plan["targets"], bench_plan["block_s"]
    )
