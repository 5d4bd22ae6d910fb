"""Beyond one device, the PyTorch way: one process per worker, a process group, wrapped models.

Compare with ``jax_impl/distributed.py``. torch scales out by running the same program N
times: a launcher (``torchrun`` on a cluster; here ``shared.workers.launch``, which sets the
same variables) starts one process per worker, each joins a *process group*
(``init_process_group``: gloo on the CPU, NCCL on GPUs, one GPU per process), and the model is
*wrapped*: ``DistributedDataParallel`` all-reduces the gradients from hooks during
``backward()``; FSDP2's ``fully_shard`` keeps 1/N of every parameter on each worker and
gathers the rest when a layer needs it. Every process loads its own part of the data.
"""

from __future__ import annotations

import copy
import gc
import os
from collections.abc import Callable, Mapping
from datetime import timedelta

import numpy as np
import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

from shared.tooling import tooling
from shared.workers import check_workers, launch, per_worker
from torch_impl.modules import DeepNetwork, _sgd_step
from torch_impl.modules_weights import load_weights

PROCESS_GROUP = {"cpu": "gloo", "gpu": "nccl"}
"""The communication library under ``torch.distributed`` per device."""
COLLECTIVE_TIMEOUT = timedelta(seconds=120)
"""A collective waiting for a peer that is gone fails after this (torch's default: 30 min)."""


@tooling
def _on_workers(worker: Callable[..., dict], workers: int, device: str, **kwargs) -> list[dict]:
    """``worker(**kwargs)`` in ``workers`` processes, as torchrun would start them; their
    results by rank."""
    check_workers(workers, device, torch.cuda.device_count() if device == "gpu" else 0)
    return launch(worker, workers, {**kwargs, "device": device})


def _in_process_group(work: Callable[..., dict], device: str, **given: object) -> dict:
    """``work(where, **given)`` as one member of the process group, ``where`` this process's
    device. Rank, world size and where to meet come from the variables a launcher sets
    (``RANK``, ``WORLD_SIZE``, ``MASTER_ADDR``, ``MASTER_PORT``: ``env://``). The group is left
    once ``work`` has returned and what it built is garbage: FSDP2's modules hold the group in
    reference cycles, and destroyed under them the process may abort at exit (``terminate
    called without an active exception``, seen with torch 2.13 on gloo)."""
    dist.init_process_group(PROCESS_GROUP[device], timeout=COLLECTIVE_TIMEOUT)
    try:
        where = torch.device("cpu")
        if device == "gpu":  # one GPU per process
            where = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
            torch.cuda.set_device(where)
        return work(where, **given)
    finally:
        gc.collect()
        dist.destroy_process_group()


def all_reduce(*, parts: np.ndarray, device: str) -> dict:
    """``dist.all_reduce`` in each of N processes: every worker ends with the sum of all parts.

    Each process holds its own part and joins the process group; the all-reduce writes the sum into
    every process's tensor, in place. gloo has no average (NCCL's ``ReduceOp.AVG`` is GPU-only): the
    mean is the sum divided by the world size, as DDP does it.
    """
    results = _on_workers(_all_reduce_worker, len(parts), device, parts=parts)
    return {
        "sum": np.stack([r["sum"] for r in results]),
        "mean": np.stack([r["mean"] for r in results]),
        "processes": len(results),
        "backend": results[0]["backend"],
    }


def _all_reduce_worker(**given: object) -> dict:
    return _in_process_group(_all_reduce_here, **given)


def _all_reduce_here(where: torch.device, *, parts: np.ndarray) -> dict:
    mine = torch.as_tensor(parts[dist.get_rank()], device=where)  # this worker's part
    total = mine.clone()
    dist.all_reduce(total, op=dist.ReduceOp.SUM)  # in place, in every process
    mean = total / dist.get_world_size()
    return {"sum": total.cpu().numpy(), "mean": mean.cpu().numpy(), "backend": dist.get_backend()}


def _mean_all_reduce(state, bucket):
    """DDP's communication hook, written out as its default does it: a bucket of gradients
    (a ``dist.GradBucket``), ready during ``backward()``, divided by the size of the
    process group (``state["group"]``; ``None``: all processes) and all-reduced over it,
    asynchronously; the hook returns a ``Future`` of the reduced tensor, and DDP waits for it
    before ``backward()`` returns. (No annotations: DDP checks any it finds against
    ``dist.GradBucket`` and ``Future[Tensor]``, and this module's are strings.)"""
    state["calls"] += 1
    group = state["group"]
    grads = bucket.buffer().div_(dist.get_world_size(group))
    work = dist.all_reduce(grads, group=group, async_op=True)
    return work.get_future().then(lambda done: done.value()[0])


@tooling
def _parameters(model: nn.Module) -> dict[str, np.ndarray]:
    """Every parameter, whole, as NumPy under its torch name (an FSDP2 shard is gathered:
    ``full_tensor`` is a collective, so every worker calls it)."""
    return {
        # only a DTensor has full_tensor (this module leaves FSDP unimported until it is used)
        name: (p.full_tensor() if hasattr(p, "full_tensor") else p).detach().cpu().numpy().copy()
        for name, p in model.named_parameters()
    }


def _train(
    model: nn.Module,
    wrapper: nn.Module,
    single: nn.Module,
    mine: tuple[torch.Tensor, torch.Tensor],
    whole: tuple[torch.Tensor, torch.Tensor],
    steps: int,
    lr: float,
) -> dict:
    """``steps`` SGD steps through ``wrapper`` (DDP, or the FSDP2 model itself) on this
    worker's part of the batch and, as torch's own DDP tests do, of ``single`` (a plain copy
    made before wrapping) on the whole batch; the parameters after every step."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    reference = torch.optim.SGD(single.parameters(), lr=lr)
    losses, params, gaps = [], [], []
    for _ in range(steps):
        loss = _sgd_step(wrapper, optimizer, *mine)  # the mean loss of this worker's part
        dist.all_reduce(loss)  # the batch's mean loss: the mean of the workers' (equal parts)
        losses.append(loss.item() / dist.get_world_size())
        _sgd_step(single, reference, *whole)
        now, alone = _parameters(model), _parameters(single)
        params.append(now)
        gaps.append({k: now[k] - alone[k] for k in now})
    return {"losses": np.array(losses, np.float32), "params": params, "gaps": gaps}


def _ddp_worker(**given: object) -> dict:
    return _in_process_group(_ddp_steps, **given)


def _ddp_steps(
    where: torch.device,
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: dict,
    steps: int,
    lr: float,
    sampler: bool,
) -> dict:
    """One DDP worker on its slice of the batch (``sampler``: on the samples a
    ``DistributedSampler`` picks for it, as a multi-host job loads its data)."""
    rank, world = dist.get_rank(), dist.get_world_size()
    whole = torch.as_tensor(x, device=where), torch.as_tensor(labels, device=where)
    if sampler:  # every world-th sample, from this rank's on (no shuffling here)
        data = TensorDataset(*whole)
        loader = DataLoader(data, batch_size=len(x) // world, sampler=DistributedSampler(data))
        (mine,) = [tuple(batch) for batch in loader]
    else:  # a contiguous slice, as JAX's P("data") splits the batch
        part = slice(rank * len(x) // world, (rank + 1) * len(x) // world)
        mine = whole[0][part], whole[1][part]
    model = load_weights(DeepNetwork(**dims), weights).to(where)
    single = copy.deepcopy(model)
    ddp = DistributedDataParallel(model, device_ids=[where] if where.type == "cuda" else None)
    hook = {"group": None, "calls": 0}  # None: the whole process group
    ddp.register_comm_hook(hook, _mean_all_reduce)
    return {**_train(model, ddp, single, mine, whole, steps, lr), "calls": hook["calls"]}


@tooling
def _gathered(results: list[dict]) -> dict:
    """A training run's outputs from its workers' results: rank 0's losses and parameters
    after each step, stacked."""
    first = results[0]
    names = list(first["params"][0])
    return {
        "losses": first["losses"],
        **{f"param.{k}": np.stack([p[k] for p in first["params"]]) for k in names},
        **{f"vs_single.{k}": np.stack([g[k] for g in first["gaps"]]) for k in names},
        "processes": len(results),
    }


@tooling
def _identical(results: list[dict]) -> bool:
    """Whether every worker holds the very same parameters after every step, bit for bit."""
    first = results[0]["params"]
    return all(
        np.array_equal(mine[k], theirs[k])
        for r in results[1:]
        for mine, theirs in zip(r["params"], first, strict=True)
        for k in mine
    )


@tooling
def _training_inputs(x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr):
    dims = {"input_dim": input_dim, "hidden_dim": hidden_dim, "num_classes": num_classes}
    return {
        "x": x,
        "labels": labels,
        "weights": weights,
        "steps": steps,
        "lr": lr,
        "dims": {**dims, "num_layers": num_layers},
    }


def data_parallel(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
    workers: int,
    device: str,
) -> dict:
    """K SGD steps of ``DistributedDataParallel``: N processes, each on its slice of the batch, the
    gradients all-reduced by hooks during ``backward()``.

    DDP puts a hook on every parameter; once a bucket of gradients is complete, the bucket's
    communication hook all-reduces it while backward goes on, so communication overlaps computation.
    ``_mean_all_reduce`` is DDP's default hook written out (gloo cannot average: divide, then sum).
    """
    per_worker(len(x), workers)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    results = _on_workers(_ddp_worker, workers, device, **given, sampler=False)
    calls = results[0]["calls"]
    return {
        **_gathered(results),
        "replicas_identical": _identical(results),
        "all_reduce_in_backward": calls > 0,
        "buckets": calls // steps,
    }


def _fsdp_worker(**given: object) -> dict:
    return _in_process_group(_fsdp_steps, **given)


def _fsdp_steps(
    where: torch.device,
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: dict,
    steps: int,
    lr: float,
) -> dict:
    """One FSDP2 worker: ``fully_shard`` on each block, then on the whole model; every
    parameter becomes a ``DTensor`` of which this worker keeps 1/N, split along dimension 0."""
    # imported here: the other workers save its import
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.fsdp import fully_shard

    rank, world = dist.get_rank(), dist.get_world_size()
    whole = torch.as_tensor(x, device=where), torch.as_tensor(labels, device=where)
    part = slice(rank * len(x) // world, (rank + 1) * len(x) // world)
    model = load_weights(DeepNetwork(**dims), weights).to(where)
    single = copy.deepcopy(model)  # fully_shard changes the model in place
    # The workers in a row, as JAX's Mesh; said outright, else FSDP2 picks the machine's
    # accelerator (a GPU under a gloo group on the CPU).
    mesh = init_device_mesh(where.type, (world,))
    for block in [model.fc_in, *model.layers, model.fc_out]:
        fully_shard(block, mesh=mesh)  # its parameters gathered just before its forward, backward
    fully_shard(model, mesh=mesh)
    found = _train(model, model, single, (whole[0][part], whole[1][part]), whole, steps, lr)
    held = sum(p.to_local().numel() for p in model.parameters())
    total = sum(p.numel() for p in model.parameters())
    return {
        **found,
        "holds_one_nth": held * world == total,
        "parameter_type": type(next(model.parameters())).__name__,
    }


def sharded_params(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
    workers: int,
    device: str,
) -> dict:
    """K SGD steps of an FSDP2 model (``fully_shard``): each of N processes keeps 1/N of every
    parameter and updates only that part.

    Before a block's forward (and again in backward) FSDP2 all-gathers its parameters; after
    backward it reduce-scatters the gradients, so each worker gets the summed gradient of its own
    shard. The optimizer sees ``DTensor`` shards and knows nothing else.
    """
    per_worker(len(x), workers)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    results = _on_workers(_fsdp_worker, workers, device, **given)
    return {
        **_gathered(results),
        "each_holds_one_nth": all(r["holds_one_nth"] for r in results),
        "parameter_type": results[0]["parameter_type"],
    }


def multi_process(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
    workers: int,
    device: str,
) -> dict:
    """The DDP step as a multi-host job runs it: every process started alike (torchrun sets
    ``RANK``, ``WORLD_SIZE``, ``MASTER_ADDR``, ``MASTER_PORT``; ``init_process_group`` reads
    them), each loading only its own samples through a ``DistributedSampler``.

    This is torch's only form: one process per worker, on one host or many.
    """
    per_worker(len(x), workers)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    results = _on_workers(_ddp_worker, workers, device, **given, sampler=True)
    return {**_gathered(results), "replicas_identical": _identical(results)}
