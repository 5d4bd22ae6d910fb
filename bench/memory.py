"""Peak memory of one call of a timed case's function, measured in a fresh Python process.

Why a fresh process: a process's peak resident set only grows, JAX cannot reset its device
peak counter, and what earlier benchmarks compiled, cached or pooled would blur the number.
In the child (``python -m bench.memory TARGET``):

1. import the framework and make the case's NumPy inputs (host data the lesson has too);
2. set up, compile and warm up the function once, then drop the arrays that setup placed;
3. take the baseline and reset the peak: on the CPU the resident set (``VmRSS``; writing 5 to
   ``/proc/self/clear_refs`` resets ``VmHWM``, Linux ≥ 4.0), on a GPU the allocator's bytes in
   use (torch: ``reset_peak_memory_stats``; JAX cannot reset ``peak_bytes_in_use``, but the
   warm-up did the very same work, so its peak is the call's peak);
4. set up again (placing the inputs is part of what a variant costs) and call once, synced;
5. ``peak_bytes`` = peak − baseline: what the variant needs beyond the host data, compilation
   excluded.

On the CPU freed heap pages may stay in the resident set and be reused unseen, so small
numbers (under a few MB) are noise; array-sized allocations are fresh mappings and count.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from jaxparity.bench_targets import Target

ROOT = Path(__file__).resolve().parent.parent


def measure(target: Target, timeout_s: float = 600) -> dict[str, Any]:
    """Run ``target`` once in a fresh interpreter; returns ``peak_bytes``, ``baseline_bytes``,
    ``input_bytes`` (the NumPy inputs on the host) and ``memory_probe`` (how it was read)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory", json.dumps(asdict(target))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory probe of {target.id} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {field}")


class _Probe:
    """Baseline and peak of the memory a target's device uses, in bytes."""

    def __init__(self, backend: str, device: str) -> None:
        self.backend, self.device = backend, device

    @property
    def name(self) -> str:
        if self.device == "cpu":
            return "process peak RSS (VmHWM after clear_refs)"
        if self.backend == "torch":
            return "torch.cuda.max_memory_allocated"
        return "jax memory_stats peak_bytes_in_use"

    def reset(self) -> int:
        if self.device == "cpu":
            Path("/proc/self/clear_refs").write_text("5")
            return _status_kib("VmRSS") * 1024
        if self.backend == "torch":
            import torch

            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
            return torch.cuda.memory_allocated()
        return self._jax_stats()["bytes_in_use"]

    def peak(self) -> int:
        if self.device == "cpu":
            return _status_kib("VmHWM") * 1024
        if self.backend == "torch":
            import torch

            return torch.cuda.max_memory_allocated()
        return self._jax_stats()["peak_bytes_in_use"]

    def _jax_stats(self) -> dict[str, int]:
        from jax_impl.backend import jax_device

        return jax_device(self.device).memory_stats()


def _child(target: Target) -> dict[str, Any]:
    from shared import backends, cases, data

    backend = backends.load(target.backend)
    backend.pin_precision()
    case = cases.get(target.case_id)
    setup = backend.topic(case.topic).TIMED[case.id][target.variant]
    inputs = data.inputs(case.id, target.size)
    probe = _Probe(target.backend, target.device)

    fn, args = setup(inputs, target.device, target.mode)
    ready, _ = backend.prepare(fn, target.mode, args)
    del fn, args
    gc.collect()
    baseline = probe.reset()
    _, args = setup(inputs, target.device, target.mode)
    backend.sync(ready(*args))
    return {
        "peak_bytes": max(probe.peak() - baseline, 0),
        "baseline_bytes": baseline,
        "input_bytes": sum(v.nbytes for v in inputs.values() if isinstance(v, np.ndarray)),
        "memory_probe": probe.name,
    }


if __name__ == "__main__":
    print(json.dumps(_child(Target(**json.loads(sys.argv[1])))))
