"""A pytest plugin for ``jaxparity bench``: the benchmark process ends when jaxparity does.

Without it, a ``jaxparity`` process killed with SIGKILL (no chance to stop its child) left
pytest running, appending benchmarks to the folder of a run that no longer existed. Loaded as
``-p jaxparity.orphan_guard --bench-parent-pid PID``, the child

* on Linux asks the kernel to send it SIGTERM when its parent dies (``prctl`` with
  ``PR_SET_PDEATHSIG``), then checks that the parent is still the one it was started by —
  it may have died during pytest's start-up, before the request;
* elsewhere watches its parent's pid from a daemon thread and exits once it changes (the
  orphan is adopted by another process).

The mechanism is ``shared.parent_death``'s, shared with the distributed cases' workers.
Results a stray process writes anyway carry a run id that the next run rejects
(``results.load``).
"""

from __future__ import annotations

import pytest

from shared.parent_death import die_with_parent

__all__ = ["die_with_parent"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--bench-parent-pid",
        type=int,
        default=None,
        help="end this pytest process when the process with this pid (jaxparity) ends",
    )


def pytest_configure(config: pytest.Config) -> None:
    parent = config.getoption("bench_parent_pid")
    if parent:
        die_with_parent(parent)
