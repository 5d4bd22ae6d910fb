"""A child process that ends when the process that started it ends, even one killed outright.

A parent killed with SIGKILL has no chance to stop its children: a benchmark process would go
on appending results to a run that no longer exists (``jaxparity.orphan_guard``), a worker of
a distributed case would wait in a collective for a peer that is gone (``shared.workers``).
:func:`die_with_parent`, called first thing in the child,

* on Linux asks the kernel to send it a signal when its parent dies (``prctl`` with
  ``PR_SET_PDEATHSIG``), then checks that the parent is still the one it was started by — it
  may have died while the child started, before the request;
* elsewhere watches its parent's pid from a daemon thread and exits once it changes (the
  orphan is adopted by another process).

It is armed in the child itself rather than in ``subprocess``'s ``preexec_fn``: the parent has
threads (JAX's, torch's, a progress bar's), and Python code between ``fork`` and ``exec`` in a
threaded process may deadlock. Linux sends the signal when the parent *thread* that started
the child ends: start children from a thread that outlives them (the main thread does).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
"""From ``<linux/prctl.h>``."""
WATCH_S = 0.5
"""How often the portable watchdog looks at its parent's pid."""


def _parent_death_signal(sig: int) -> bool:
    """Ask Linux for ``sig`` when the parent dies; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_S)
    os._exit(1)


def die_with_parent(parent: int, *, sig: int = signal.SIGTERM, use_signal: bool = True) -> None:
    """End this process when ``parent`` (the pid it was started by) ends.

    ``sig`` is what Linux sends: SIGTERM lets a process that handles it save its work (pytest),
    SIGKILL ends one that may be stuck in native code (a collective waiting for a peer).
    ``use_signal=False`` forces the portable watchdog (how the tests reach it on Linux)."""
    if os.getppid() != parent:  # already orphaned
        os._exit(1)
    if use_signal and _parent_death_signal(sig):
        if os.getppid() != parent:  # the parent died before the kernel was asked
            os._exit(1)
        return
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="orphan-guard").start()
