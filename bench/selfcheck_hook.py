"""The self-check's second timer, started by a benchmark pass right after a checked call's
paired blocks (``jaxparity/selfcheck.py`` says why then).

``jaxparity bench`` and ``run`` put the run's self-check into each pass's plan (``selfcheck``:
the checks, ``min_run_s``); after the last block of a comparison group, the pass times each
checked call of that group in a fresh process of its own (``selfcheck_run.one``), while it
waits, and appends the result to ``selfcheck.jsonl`` beside ``--bench-jsonl``, tagged with the
pass. A pass run by hand (``pytest bench``), or untimed, has no self-check in its plan.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bench import plan
from jaxparity import results, selfcheck_run
from jaxparity.bench_targets import Target


def _target(item: pytest.Item | None) -> Target | None:
    callspec = getattr(item, "callspec", None)
    found = callspec.params.get("bench_block") if callspec else None
    return found[0] if found else None


def after(item: pytest.Item, nextitem: pytest.Item | None) -> list[dict[str, Any]]:
    """After ``item``'s block: if it was its comparison group's last in this pass, time the
    group's checked calls again; the records appended (none otherwise)."""
    config = item.config
    jsonl = config.getoption("bench_jsonl", None)
    checking = plan.of(config).get("selfcheck") or {}
    target = _target(item)
    if not (jsonl and checking.get("checks") and target):
        return []
    following = _target(nextitem)
    if following is not None and following.comparison == target.comparison:
        return []
    saved = []
    for check in checking["checks"]:
        if Target.from_row(check).comparison != target.comparison:
            continue
        found = selfcheck_run.one(check, checking["min_run_s"], dict(os.environ))
        line = selfcheck_run.record(
            check,
            found,
            config.getoption("bench_run_id", None),
            config.getoption("bench_pass", 1),
        )
        results.append(Path(jsonl).parent / results.SELFCHECK, line)
        saved.append(line)
    return saved
