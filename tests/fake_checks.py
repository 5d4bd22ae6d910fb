"""Parity checks that pass at once, for tests about folders and counts rather than checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jaxparity import outdir, results


class FakeChecks:
    """Stands in for ``check.run_checks``: one passing record per case × framework × device;
    ``calls`` logs each call with what ``plan.json`` held at the time."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, case_list: list, devices: list[str], size: str, folder: Path, advance: Any = None
    ) -> list[dict[str, Any]]:
        self.calls.append({"cases": [c.id for c in case_list], "plan": outdir.ours(folder)})
        records = [
            {
                "kind": "check",
                "case": c.id,
                "framework": f,
                "device": d,
                "size": size,
                "status": "pass",
                "reason": None,
                "max_abs_err": 0.0,
                "max_rel_err": 0.0,
            }
            for d in devices
            for c in case_list
            for f in ("torch", "jax")
        ]
        for r in records:
            results.append(folder / results.CHECK, r)
        return records
