"""A pytest plugin for ``jaxparity bench``: the benchmark process ends when jaxparity does.

Without it, a ``jaxparity`` process killed with SIGKILL (no chance to stop its child) left
pytest running, appending benchmarks to the folder of a run that no longer existed. Loaded as
``-p jaxparity.orphan_guard --bench-parent-pid PID``, the child

* on Linux asks the kernel to send it SIGTERM when its parent dies (``prctl`` with
  ``PR_SET_PDEATHSIG``), then checks that the parent is still the one it was started by —
  it may have died during pytest's start-up, before the request;
* elsewhere watches its parent's pid from a daemon thread and exits once it changes (the
  orphan is adopted by another process).

It is armed in the child itself rather than in ``subprocess``'s ``preexec_fn``: the parent has
threads (JAX's, the progress bar's), and Python code between ``fork`` and ``exec`` in a
threaded process may deadlock. Results a stray process writes anyway carry a run id that the
next run rejects (``results.load``).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

import pytest

PR_SET_PDEATHSIG = 1
"""From ``<linux/prctl.h>``."""
WATCH_S = 0.5


def _parent_death_signal() -> bool:
    """Ask Linux for SIGTERM when the parent dies; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_S)
    os._exit(1)


def die_with_parent(parent: int, *, use_signal: bool = True) -> None:
    """End this process when ``parent`` (the pid it was started by) ends.

    ``use_signal=False`` forces the portable watchdog (how the tests reach it on Linux)."""
    if os.getppid() != parent:  # already orphaned
        os._exit(1)
    if use_signal and _parent_death_signal():
        if os.getppid() != parent:  # the parent died before the kernel was asked
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="orphan-guard").start()


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
