"""Training to a test accuracy as a user runs it: one framework and mode per fresh process.

The paired harness times a step, or an epoch, after everything is compiled and warm. A user
pays for more: starting, compiling, feeding the batches, evaluating after each epoch, until
the model is good enough. :func:`measure` runs that in a fresh Python (``python -m
bench.to_accuracy CONFIG``), which imports only its own framework, so that neither framework's
compiled code, caches, thread pools or allocations are there for the other, and compilation
starts cold (an empty ``TORCHINDUCTOR_CACHE_DIR`` of its own; JAX keeps no cache on disk). In
the child, after the data are loaded as NumPy and the framework imported:

1. the clock starts; the backend's ``training.Trainer`` builds the model from the shared
   weights and puts the data on the device;
2. ``compile()``: ``lower().compile()`` for ``jax.jit`` (the step, or the whole ``lax.scan``
   epoch), the first call for ``torch.compile`` and ``nnx.jit`` (the first training step), as
   the harness measures it; then the first step, where the mode has not taken it;
3. epochs until the test images classified right reach ``target_correct`` (or the batch
   order's epochs run out), each epoch's training and evaluation timed apart.

Time to accuracy is the clock at that epoch's end: building, compilation, feeding the batches
(``x_train[idx]`` each step) and every epoch's evaluation included. Memory is the process's
resident set on Linux (``VmHWM`` after writing 5 to ``/proc/self/clear_refs``, which resets
it): its peak while compiling and while training, each from a reset just before; it is the
whole process — the framework's libraries, the data, the allocator's caches — as a user's
``top`` shows it. On a GPU the device memory would be another number: XLA preallocates 75 %
of the GPU's memory at start (``XLA_PYTHON_CLIENT_PREALLOCATE``), torch's caching allocator
grows as needed; this measures the host only.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jaxparity.bench import JAX_CACHE_VARS

ROOT = Path(__file__).resolve().parent.parent
LOSS_DIGITS = 7
"""Significant digits kept of each step's loss (float32 has about 7)."""


@dataclass(frozen=True)
class Config:
    """What one child runs: ``inputs`` is an ``.npz`` of :func:`save_inputs`."""

    framework: str
    mode: str
    device: str
    inputs: str
    target: int
    parent: int


def save_inputs(inputs: Mapping[str, Any], path: Path) -> Path:
    """A case's inputs in one ``.npz``: arrays as they are, ``weights`` entries under
    ``weights/<name>``, plain numbers as 0-d arrays."""
    flat = {f"weights/{k}": v for k, v in inputs["weights"].items()}
    flat |= {k: np.asarray(v) for k, v in inputs.items() if k != "weights"}
    np.savez(path, **flat)
    return path


def load_inputs(path: str | Path) -> dict[str, Any]:
    """The inputs :func:`save_inputs` wrote, numbers back as Python numbers."""
    with np.load(path) as found:
        inputs: dict[str, Any] = {"weights": {}}
        for k in found.files:
            value = found[k]
            if k.startswith("weights/"):
                inputs["weights"][k.removeprefix("weights/")] = value
            else:
                inputs[k] = value.item() if value.ndim == 0 else value
    return inputs


def measure(config: Config, timeout_s: float) -> dict[str, Any]:
    """Run ``config`` in a fresh interpreter with a cold compilation cache of its own; its
    measurements (see :func:`train`). A child that fails or outlives ``timeout_s`` is an error
    naming why (it is killed, and dies with this process anyway)."""
    with tempfile.TemporaryDirectory(prefix="jaxparity-to-accuracy-") as cache:
        env = {
            # not the benchmark passes' JAX cache (jaxparity.bench_run.child_env): the harness
            # may have compiled this very step already, and a user's first run pays for it
            **{k: v for k, v in os.environ.items() if k not in JAX_CACHE_VARS},
            "TORCHINDUCTOR_CACHE_DIR": str(Path(cache) / "inductor"),
            "TRITON_CACHE_DIR": str(Path(cache) / "triton"),
        }
        try:
            done = subprocess.run(
                [sys.executable, "-m", "bench.to_accuracy", json.dumps(asdict(config))],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout_s,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(
                f"training {config.framework} {config.mode} to accuracy took over {timeout_s} s"
            ) from None
    if done.returncode != 0:
        raise RuntimeError(
            f"training {config.framework} {config.mode} to accuracy failed:\n{done.stderr[-3000:]}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _status_bytes(field: str) -> int:
    """A field of ``/proc/self/status`` (``VmRSS``, ``VmHWM``), in bytes. (``bench.memory``
    reads the same; importing it would bring pytest and the harness into every child.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"/proc/self/status has no {field}")


class _Memory:
    """The process's resident set: reset its peak, read it (``None`` where Linux's
    ``/proc/self/clear_refs`` cannot be written)."""

    def __init__(self) -> None:
        self.works = True

    def reset(self) -> None:
        try:
            Path("/proc/self/clear_refs").write_text("5")
        except OSError:
            self.works = False

    def peak(self) -> int | None:
        return _status_bytes("VmHWM") if self.works else None

    def now(self) -> int | None:
        return _status_bytes("VmRSS") if self.works else None


def train(config: Config) -> dict[str, Any]:
    """Train to ``config.target`` test images right, as the module docstring describes; the
    seconds, steps, memory and every step's loss."""
    from jaxparity.orphan_guard import die_with_parent
    from shared import backends

    die_with_parent(config.parent)
    inputs = load_inputs(config.inputs)
    backend = backends.ready(config.framework, config.device)
    trainer_of = backend.topic("training").Trainer
    memory = _Memory()

    start = time.perf_counter()
    trainer = trainer_of(inputs, config.mode, config.device)
    built = time.perf_counter()
    memory.reset()
    before_compile = memory.now()
    trainer.compile()
    compiled = time.perf_counter()
    compile_peak = memory.peak()
    took_first = trainer.first_step()
    first = time.perf_counter()
    memory.reset()

    epochs: list[dict[str, Any]] = []
    losses: list[float] = []
    reached_s = None
    for epoch in range(len(inputs["order"])):
        began = time.perf_counter()
        found = trainer.train_epoch(epoch)
        trained = time.perf_counter()
        correct = trainer.correct()
        evaluated = time.perf_counter()
        losses += [float(f"{v:.{LOSS_DIGITS}g}") for v in found]
        steps = len(found) - (1 if epoch == 0 and took_first else 0)
        epochs.append(
            {
                "train_s": trained - began,
                "eval_s": evaluated - trained,
                "steps": steps,
                "correct": correct,
            }
        )
        if correct >= config.target:
            reached_s = evaluated - start
            break
    steady = [e["train_s"] / e["steps"] for e in epochs[1:] or epochs if e["steps"]]
    return {
        "reached": reached_s is not None,
        "time_to_accuracy_s": reached_s,
        "trained_s": time.perf_counter() - start,
        "build_s": built - start,
        "compile_s": compiled - built,
        "first_step_s": first - built if took_first else None,
        "steady_step_s": statistics.median(steady) if steady else None,
        "epochs": len(epochs),
        "steps": len(losses),
        "epoch_s": [e["train_s"] + e["eval_s"] for e in epochs],
        "epoch_train_s": [e["train_s"] for e in epochs],
        "correct": [e["correct"] for e in epochs],
        "target": config.target,
        "test_images": len(inputs["y_test"]),
        "losses": losses,
        "rss_before_compile_bytes": before_compile,
        "rss_compile_peak_bytes": compile_peak,
        "rss_train_peak_bytes": memory.peak(),
        "memory_probe": "process peak RSS (VmHWM after clear_refs)" if memory.works else None,
    }


if __name__ == "__main__":
    print(json.dumps(train(Config(**json.loads(sys.argv[1])))))
