"""Profile every network on each framework in turn and save ``profile.json``.

All of torch first, then all of JAX: run alternately, each framework's thread pool slows the
other's kernels 3–6× on a small machine. Each side warms its network up before it times and
profiles it (``record.warm``), so compilation (JAX's, op by op or jitted) stays out of the
numbers. A network that fails is a record with a one-line reason, like ``check.jsonl``'s; one
whose code is not there (a module missing) is skipped with the reason. ``profile.json`` is
rewritten after each network, so an interrupted run's report shows what finished.
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jaxparity import atomic, results
from jaxparity.errors import one_line
from jaxparity.profiling.networks import NETWORKS
from jaxparity.profiling.record import record
from shared import backends
from shared.run_modes import EAGER, JIT

DEVICE = "cpu"
"""Where the networks are profiled: the lesson's table is about one device, and each side's
profiler reads a GPU differently (kernels launched, not run)."""
MODES: dict[str, tuple[str, ...]] = {"torch": (EAGER,), "jax": (JIT, EAGER)}
"""The framework × modes profiled: eager torch as the lesson writes it; JAX compiled by
``jax.jit``, and op by op (the same function without it)."""
SIDES = {"torch": "jaxparity.profiling.torch_side", "jax": "jaxparity.profiling.jax_side"}


def planned(network_ids: list[str]) -> int:
    """How many steps :func:`collect` reports to ``advance`` (network × framework)."""
    return len(network_ids) * len(MODES)


def _records(framework: str, network_id: str, side: Any) -> list[dict[str, Any]]:
    """The records of one network on one framework: one per mode, passed, failed or
    skipped, with the seconds the whole measurement took."""
    start, load = time.perf_counter(), os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    try:
        by_mode = side.profile_network(NETWORKS[network_id])
        found = [record(network_id, framework, m, **by_mode[m]) for m in MODES[framework]]
    except ModuleNotFoundError as e:  # the network's code is not in this checkout
        found = [
            record(network_id, framework, m, status="skip", reason=one_line(e))
            for m in MODES[framework]
        ]
    except Exception as e:  # a failed measurement is a result, not a crash
        found = [
            record(network_id, framework, m, status="fail", reason=one_line(e))
            for m in MODES[framework]
        ]
    seconds = time.perf_counter() - start
    # The load says whether other processes competed for the cores while this ran.
    return [{**r, "seconds": seconds, "load_1m": load} for r in found]


def collect(
    folder: Path, network_ids: list[str], advance: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """Profile ``network_ids`` on every framework, writing ``folder/profile.json`` as each
    finishes; returns its content."""
    start = time.perf_counter()
    document: dict[str, Any] = {
        "tool": results.TOOL,
        "device": DEVICE,
        "cpu_count": os.cpu_count(),
        "networks": network_ids,
        "records": [],
    }
    for framework in MODES:
        try:
            backends.ready(framework, DEVICE)
            side = importlib.import_module(SIDES[framework])
        except (backends.BackendUnavailable, ImportError) as e:
            side, missing = None, one_line(e)
        for network_id in network_ids:
            advance(f"{network_id} · {framework}")
            if side is None:
                found = [
                    record(network_id, framework, m, status="skip", reason=missing)
                    for m in MODES[framework]
                ]
            else:
                found = _records(framework, network_id, side)
            document["records"] += found
            document["seconds"] = time.perf_counter() - start
            atomic.write_json(folder / results.PROFILE, document)
    return document


def line(document: dict[str, Any], path: Path) -> str:
    """What the command prints when the profile is done: how many measured, how long, the
    reason of each one that was not."""
    records = document["records"]
    passed = sum(r["status"] == "pass" for r in records)
    return (
        f"profile: {passed} of {len(records)} network × framework × mode in "
        f"{document['seconds']:.0f} s, {path}"
        + "".join(
            f"; {r['network']} · {r['framework']} {r['mode']} {r['status']}: {r['reason']}"
            for r in records
            if r["status"] != "pass"
        )
    )
