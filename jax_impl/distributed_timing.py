"""The data-parallel step of ``distributed.data_parallel`` timed where it runs (JAX).

Mirrors ``torch_impl/distributed_timing.py``. On a CPU the step runs in a fresh Python with
two CPU devices (``_on_devices``), which times, each after a warm-up and every step on its own
clock (the result waited for):

* ``single`` — the jitted step on one device over the whole batch, no mesh;
* ``workers_1`` — the same step on a mesh of one device (the sharded path, nobody to talk to);
* ``workers_2`` — on a mesh of two devices, half the batch each: one process, one program,
  XLA's all-reduce inside it;
* ``processes_2`` — two processes joined by ``jax.distributed``, one device each (JAX across
  hosts; collectives through gloo), timed by each process, a step the slower one's.

XLA does not report its all-reduce's share of a compiled step (a profile would):
``all_reduce_alone_s`` is one ``psum`` of as many floats as the gradients over the same mesh,
timed alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

import jax
import numpy as np
from jax import lax
from jax.sharding import NamedSharding
from jax.sharding import PartitionSpec as P

from jax_impl.distributed import _child_env, _global, _join, _mesh, _on_devices, _sgd
from shared.workers import check_workers, launch

WORKERS = 2


def time_data_parallel(
    inputs: Mapping[str, Any], device: str, warmup: int, steps: int
) -> dict[str, dict[str, Any]]:
    """Per variant: ``times`` (seconds per step) and what else was measured (as torch's)."""
    given = _given(inputs, warmup, steps)
    found = _on_devices(_timing_on_mesh, WORKERS, device, **given)
    check_workers(WORKERS, device, len(jax.devices("gpu")) if device == "gpu" else 0)
    results = launch(_timing_worker, WORKERS, {**given, "device": device}, env=_child_env(device))
    found["processes_2"] = {
        **results[0],
        "times": np.max([r["times"] for r in results], axis=0).tolist(),
    }
    batch = len(inputs["x"])
    for variant, workers, processes in (
        ("single", 1, 1),
        ("workers_1", 1, 1),
        ("workers_2", WORKERS, 1),
        ("processes_2", WORKERS, WORKERS),
    ):
        found[variant].update(
            workers=workers, processes=processes, per_worker_batch=batch // workers
        )
    return found


def _given(inputs: Mapping[str, Any], warmup: int, steps: int) -> dict[str, Any]:
    dims = {k: inputs[k] for k in ("input_dim", "hidden_dim", "num_classes", "num_layers")}
    return {
        **{k: inputs[k] for k in ("x", "labels", "weights", "lr")},
        "dims": dims,
        "warmup": warmup,
        "steps": steps,
    }


def _timed(step: Callable[[], Any], warmup: int, steps: int) -> list[float]:
    """Seconds of each of ``steps`` calls of ``step`` (its result waited for), after
    ``warmup`` untimed ones."""
    for _ in range(warmup):
        jax.block_until_ready(step())
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        jax.block_until_ready(step())
        times.append(time.perf_counter() - start)
    return times


def _stepper(sgd_step: Callable, tx: Any, params: dict, x: jax.Array, labels: jax.Array):
    """A step to time: the jitted step on these placements, its state carried along."""
    state = {"params": params, "opt": tx.init(params)}

    def step() -> jax.Array:
        state["params"], state["opt"], loss = sgd_step(state["params"], state["opt"], x, labels)
        return loss

    return step


def _timing_on_mesh(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: Mapping[str, int],
    lr: float,
    warmup: int,
    steps: int,
    workers: int,
    device: str,
) -> dict[str, dict[str, Any]]:
    _, params, tx, sgd_step = _sgd(dims, weights, lr)
    one = jax.devices("gpu" if device == "gpu" else "cpu")[0]
    placed = [jax.device_put(a, one) for a in (params, x, labels)]
    found = {"single": {"times": _timed(_stepper(sgd_step, tx, *placed), warmup, steps)}}
    for n in (1, workers):
        mesh = _mesh(n, device)
        batch = NamedSharding(mesh, P("data"))
        spread = (
            jax.device_put(params, NamedSharding(mesh, P())),
            jax.device_put(x, batch),
            jax.device_put(labels, batch),
        )
        found[f"workers_{n}"] = {"times": _timed(_stepper(sgd_step, tx, *spread), warmup, steps)}
    mesh = _mesh(workers, device)
    grads = jax.device_put(
        np.zeros((workers, sum(a.size for a in jax.tree.leaves(params))), np.float32),
        NamedSharding(mesh, P("data")),
    )
    total = jax.jit(
        jax.shard_map(
            lambda g: lax.psum(g, "data"), mesh=mesh, in_specs=P("data"), out_specs=P("data")
        )
    )
    alone = _timed(lambda: total(grads), warmup, steps)
    found[f"workers_{workers}"]["all_reduce_alone_s"] = float(np.median(alone))
    return found


def _timing_worker(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: Mapping[str, int],
    lr: float,
    warmup: int,
    steps: int,
    device: str,
) -> dict[str, Any]:
    """One process of the multi-controller step (``multi_process``), timing its steps."""
    _join(device)
    try:
        mesh = _mesh(jax.device_count(), device)
        _, params, tx, sgd_step = _sgd(dims, weights, lr)
        spread = _global(mesh, params, x, labels)
        step = _stepper(sgd_step, tx, *spread)
        for _ in range(warmup):  # each step waits for the other process: they stay in step
            jax.block_until_ready(step())
        return {"times": _timed(step, 0, steps)}
    finally:
        jax.distributed.shutdown()
