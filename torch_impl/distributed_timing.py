"""The data-parallel step of ``distributed.data_parallel`` timed by its own workers (torch).

The benchmark harness times calls in its own process; a DDP step runs in N processes at
once, so the workers time themselves (``bench/test_distributed.py`` records what they
report). In one launch of two workers, each variant is warmed up, then timed from a barrier,
every step on its own clock; a step of the group is its slowest worker's (the all-reduce
makes each wait for the other anyway):

* ``single`` — the plain step of one process over the whole batch, no engine (rank 0; the
  other waits at a barrier, which costs no CPU);
* ``workers_1`` — DDP in a process group of one (``new_group([0])``): the engine's own cost
  with nobody to talk to, whole batch;
* ``workers_2`` — DDP over both workers, half the batch each.

DDP tells its communication through its hook: ``comm_s`` is, per step, the time from a
bucket's all-reduce being started to its end, summed over buckets (it overlaps the rest of
``backward()``). ``all_reduce_alone_s``: one all-reduce of as many floats as the gradients,
timed alone, for comparison with JAX's (whose all-reduce runs inside the compiled step).
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from torch_impl.distributed import _in_process_group, _mean_all_reduce, _on_workers
from torch_impl.modules import DeepNetwork, _sgd_step
from torch_impl.modules_weights import load_weights

WORKERS = 2


def time_data_parallel(
    inputs: Mapping[str, Any], device: str, warmup: int, steps: int
) -> dict[str, dict[str, Any]]:
    """Per variant: ``times`` (seconds per step, ``steps`` of them) and what else was
    measured (``comm_s``, ``all_reduce_alone_s``, ``workers``, ``per_worker_batch``)."""
    dims = {k: inputs[k] for k in ("input_dim", "hidden_dim", "num_classes", "num_layers")}
    given = {k: inputs[k] for k in ("x", "labels", "weights", "lr")}
    results = _on_workers(
        _timing_worker, WORKERS, device, **given, dims=dims, warmup=warmup, steps=steps
    )
    slowest = {
        variant: np.max([r[variant]["times"] for r in results if variant in r], axis=0)
        for variant in results[0]
    }
    batch = len(inputs["x"])
    out = {}
    for variant, found in results[0].items():
        workers = WORKERS if variant == "workers_2" else 1
        out[variant] = {
            **found,
            "times": slowest[variant].tolist(),
            "workers": workers,
            "processes": workers,
            "per_worker_batch": batch // workers,
        }
    return out


def _timed(step: Callable[[], Any], warmup: int, steps: int) -> list[float]:
    """Seconds of each of ``steps`` calls of ``step``, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def _timing_hook(state, bucket):
    """``_mean_all_reduce``, with its time from start to end added to ``state["comm_s"]``.
    (No annotations: DDP checks any it finds.)"""
    start = time.perf_counter()

    def done(future: torch.futures.Future) -> torch.Tensor:
        state["comm_s"] += time.perf_counter() - start
        return future.value()

    return _mean_all_reduce(state, bucket).then(done)


def _ddp_times(
    model: torch.nn.Module,
    where: torch.device,
    group: dist.ProcessGroup | None,
    batch: tuple[torch.Tensor, torch.Tensor],
    lr: float,
    warmup: int,
    steps: int,
    together: Callable[[], Any],
) -> dict[str, Any]:
    """A DDP copy of ``model`` over ``group`` timed on ``batch``: the step's seconds, and the
    median seconds per step its hook's all-reduces took. ``together`` lines the workers up
    between the warm-up and the timed steps."""
    ddp = DistributedDataParallel(
        copy.deepcopy(model),
        device_ids=[where] if where.type == "cuda" else None,
        process_group=group,
    )
    state = {"group": group, "calls": 0, "comm_s": 0.0}
    ddp.register_comm_hook(state, _timing_hook)
    optimizer = torch.optim.SGD(ddp.parameters(), lr=lr)
    comm = []

    def step() -> None:
        before = state["comm_s"]
        _sgd_step(ddp, optimizer, *batch)
        _synchronize(where)
        comm.append(state["comm_s"] - before)

    _timed(step, warmup, 0)
    together()
    times = _timed(step, 0, steps)
    return {"times": times, "comm_s": float(np.median(comm[-steps:]))}


def _synchronize(where: torch.device) -> None:
    if where.type == "cuda":  # a CUDA step is queued, not done, when the call returns
        torch.cuda.synchronize(where)


def _timing_worker(**given: object) -> dict:
    return _in_process_group(_timing_steps, **given)


def _timing_steps(
    where: torch.device,
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: dict,
    lr: float,
    warmup: int,
    steps: int,
) -> dict:
    rank, world = dist.get_rank(), dist.get_world_size()
    whole = torch.as_tensor(x, device=where), torch.as_tensor(labels, device=where)
    part = slice(rank * len(x) // world, (rank + 1) * len(x) // world)
    model = load_weights(DeepNetwork(**dims), weights).to(where)
    found: dict[str, dict] = {}
    alone = dist.new_group([0])  # every rank takes part in making it; rank 0 is in it
    if rank == 0:  # the others wait at the barrier below, using no CPU
        plain = copy.deepcopy(model)
        optimizer = torch.optim.SGD(plain.parameters(), lr=lr)

        def plain_step() -> None:
            _sgd_step(plain, optimizer, *whole)
            _synchronize(where)

        found["single"] = {"times": _timed(plain_step, warmup, steps)}
        found["workers_1"] = _ddp_times(model, where, alone, whole, lr, warmup, steps, lambda: None)
    dist.barrier()
    mine = whole[0][part], whole[1][part]
    found["workers_2"] = _ddp_times(model, where, None, mine, lr, warmup, steps, dist.barrier)
    grads = torch.zeros(sum(p.numel() for p in model.parameters()), device=where)

    def all_reduce() -> None:
        dist.all_reduce(grads)
        _synchronize(where)

    _timed(all_reduce, warmup, 0)
    dist.barrier()
    found["workers_2"]["all_reduce_alone_s"] = float(np.median(_timed(all_reduce, 0, steps)))
    return found
