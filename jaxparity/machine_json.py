"""``machine.json``: the machine a run ran on, written once per run.

What ``jaxparity.machine`` reads of the CPU, the libraries and the environment, with Python's
and the platform's versions, the date, the code's commit and the load as the run starts. A
resumed run keeps the record of its first start.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from typing import Any

from jaxparity import results
from jaxparity.outdir import ROOT, ClaimedRun


def _git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip()


def save(run: ClaimedRun) -> None:
    """The machine, once per run: a resumed run keeps the record of its first start."""
    if (run.folder / results.MACHINE).exists():
        return
    from jaxparity.machine import describe_machine  # as pytest-benchmark records it

    info: dict[str, Any] = {
        **describe_machine(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": _git_commit(),
        "load_1m_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }
    results.write_machine(run.folder, info)
