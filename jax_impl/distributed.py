"""Beyond one device, the JAX way: one program over a mesh of devices, placed by shardings.

Compare with ``torch_impl/distributed.py``. JAX leaves the model alone and *annotates the
data*: a ``Mesh`` names the devices (here one axis, ``"data"``), and a ``NamedSharding`` says
which part of an array each device holds — ``P("data")`` splits the first axis over the
devices, ``P()`` puts the whole array on every one. ``jax.jit`` compiles the unchanged step
for those placements, and XLA inserts the collectives the arithmetic needs (an all-reduce of
gradients, all-gathers of split parameters). One process drives all the devices of a host;
across hosts, ``jax.distributed.initialize`` starts one process per host, running the same
program. A host's number of CPU devices is fixed when JAX starts, so on a CPU the cases run
in a fresh Python given that many devices (``_on_devices``).

The meshes' axes are ``Auto``: the compiler decides how work is split and where collectives
go. (JAX's default is ``Explicit``, where a sharding is part of an array's type and split
parameters would have to be gathered by hand before each matmul.)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any

import jax
import numpy as np
import optax
from flax import nnx
from jax import lax
from jax.sharding import AxisType, NamedSharding
from jax.sharding import PartitionSpec as P

from jax_impl.modules import DeepNetwork
from jax_impl.modules_timing import _pure_sgd_step
from jax_impl.modules_weights import export_weights, load_weights
from shared.tooling import tooling
from shared.workers import check_workers, launch, per_worker

COLLECTIVES = re.compile(
    r"\b(all-reduce|all-gather|reduce-scatter|all-to-all|collective-permute)\("
)
"""The collective operations of an XLA program's text."""


@tooling
def _platform(device: str) -> str:
    return "gpu" if device == "gpu" else "cpu"


@tooling
def _child_env(device: str) -> dict[str, str]:
    """A worker process's JAX: on the CPU, the CPU only (not a GPU the machine also has); on
    GPUs, no preallocation of most of each GPU's memory (the processes share them)."""
    if device == "cpu":
        return {"JAX_PLATFORMS": "cpu"}
    return {"XLA_PYTHON_CLIENT_PREALLOCATE": "false"}


@tooling
def _on_devices(fn: Callable[..., dict], workers: int, device: str, **kwargs: Any) -> dict:
    """``fn(**kwargs)`` in this process when it has ``workers`` devices of the kind (several
    GPUs), else in a fresh Python started with that many CPU devices: a host's device count
    cannot change once JAX has started."""
    kwargs = {**kwargs, "workers": workers, "device": device}
    have = len(jax.devices(_platform(device)))
    check_workers(workers, device, have)
    if have >= workers:
        return fn(**kwargs)
    return launch(fn, 1, kwargs, env={**_child_env(device), "JAX_NUM_CPU_DEVICES": str(workers)})[0]


@tooling
def _collectives(compiled: jax.stages.Compiled) -> str:
    """The kinds of collective in a compiled program, as XLA names them."""
    return ",".join(sorted(set(COLLECTIVES.findall(compiled.as_text()))))


def _mesh(workers: int, device: str) -> jax.sharding.Mesh:
    """``workers`` devices in a row, along one axis named ``"data"``."""
    devices = jax.devices(_platform(device))[:workers]
    return jax.make_mesh((workers,), ("data",), axis_types=(AxisType.Auto,), devices=devices)


def all_reduce(*, parts: np.ndarray, device: str) -> dict:
    """``lax.psum`` and ``lax.pmean`` inside ``jax.shard_map``: one process, N devices, each running
    the function on its own block of ``parts``.

    ``shard_map`` is the per-device view: inside, the function sees one device's block and names the
    mesh axis to reduce over; outside, the blocks form one array.
    """
    return _on_devices(_all_reduce_on_mesh, len(parts), device, parts=parts)


def _all_reduce_on_mesh(*, parts: np.ndarray, workers: int, device: str) -> dict:
    mesh = _mesh(workers, device)
    blocks = jax.device_put(parts, NamedSharding(mesh, P("data")))  # device i holds parts[i]

    def on_each_device(mine: jax.Array) -> tuple[jax.Array, jax.Array]:
        return lax.psum(mine, "data"), lax.pmean(mine, "data")

    # out_specs P("data"): every device's result, side by side (each is the whole sum)
    reduce = jax.shard_map(on_each_device, mesh=mesh, in_specs=P("data"), out_specs=P("data"))
    total, mean = jax.jit(reduce)(blocks)
    return {"sum": np.asarray(total), "mean": np.asarray(mean), "processes": jax.process_count()}


def _sgd(
    dims: Mapping[str, int], weights: Mapping[str, np.ndarray], lr: float
) -> tuple[nnx.GraphDef, dict, optax.GradientTransformation, Callable]:
    """The lesson's ``DeepNetwork`` with the shared weights, as a pure jitted SGD step over
    a dict of parameters (``modules.train_step``'s fastest JAX form)."""
    graphdef, state = nnx.split(load_weights(DeepNetwork(**dims), weights))
    tx = optax.sgd(lr)
    return graphdef, nnx.to_pure_dict(state), tx, jax.jit(_pure_sgd_step(graphdef, tx))


@tooling
def _host(a: jax.Array) -> np.ndarray:
    """An array's value on the host: a replicated one from this process's own copy (it may
    also live on other processes' devices), any other from its blocks."""
    return np.asarray(a.addressable_data(0) if a.is_fully_replicated else a)


@tooling
def _torch_names(graphdef: nnx.GraphDef, params: dict) -> dict[str, np.ndarray]:
    """The parameters on the host in the shared (torch) format."""
    return export_weights(nnx.merge(graphdef, jax.tree.map(_host, params)))


def _train(
    sgd_step: Callable,
    graphdef: nnx.GraphDef,
    tx: optax.GradientTransformation,
    spread: tuple,
    single: tuple,
    steps: int,
) -> dict:
    """``steps`` SGD steps of the step compiled for the ``spread`` placement (parameters,
    batch, labels) and, as torch's DDP tests do, of the same step on one device over the
    whole batch (``single``); the parameters after every step, and the collectives XLA put
    in the compiled program."""
    params, x, labels = spread
    alone, x_all, labels_all = single
    opt_state, reference = tx.init(params), tx.init(alone)
    compiled = sgd_step.lower(params, opt_state, x, labels).compile()  # ahead of time
    losses, after, gaps = [], [], []
    for _ in range(steps):
        params, opt_state, loss = compiled(params, opt_state, x, labels)
        alone, reference, _ = sgd_step(alone, reference, x_all, labels_all)
        now, one = _torch_names(graphdef, params), _torch_names(graphdef, alone)
        losses.append(float(loss))
        after.append(now)
        gaps.append({k: now[k] - one[k] for k in now})
    return {
        "losses": np.array(losses, np.float32),
        **{f"param.{k}": np.stack([p[k] for p in after]) for k in after[0]},
        **{f"vs_single.{k}": np.stack([g[k] for g in gaps]) for k in after[0]},
        "processes": jax.process_count(),
        "collectives": _collectives(compiled),
        "final": params,
    }


@tooling
def _holds_one_nth(params: dict, mesh: jax.sharding.Mesh) -> bool:
    """Whether each device of the mesh holds 1/N of the parameters' elements."""
    shards = [s for a in jax.tree.leaves(params) for s in a.addressable_shards]
    total = sum(a.size for a in jax.tree.leaves(params))
    held = [sum(s.data.size for s in shards if s.device == d) for d in mesh.devices.flat]
    return all(n * mesh.size == total for n in held)


@tooling
def _replicas_identical(params: dict) -> bool:
    """Whether every device's copy of every replicated parameter is the same, bit for bit."""
    return all(
        np.array_equal(s.data, a.addressable_shards[0].data)
        for a in jax.tree.leaves(params)
        for s in a.addressable_shards
    )


def _train_on_mesh(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: Mapping[str, int],
    steps: int,
    lr: float,
    split_params: bool,
    workers: int,
    device: str,
) -> dict:
    """The SGD steps on a mesh of ``workers`` devices: the batch split over them, the
    parameters whole on every one (``P()``) or split along their first axis too."""
    mesh = _mesh(workers, device)
    graphdef, params, tx, sgd_step = _sgd(dims, weights, lr)
    batch = NamedSharding(mesh, P("data"))  # device i: the i-th slice of the batch
    placed = NamedSharding(mesh, P("data") if split_params else P())
    spread = jax.device_put(params, placed), jax.device_put(x, batch), jax.device_put(labels, batch)
    one = mesh.devices.flat[0]  # the reference: one device, the whole batch
    single = jax.device_put(params, one), jax.device_put(x, one), jax.device_put(labels, one)
    found = _train(sgd_step, graphdef, tx, spread, single, steps)
    final = found.pop("final")
    if split_params:
        return {**found, "each_holds_one_nth": _holds_one_nth(final, mesh)}
    return {**found, "replicas_identical": _replicas_identical(final)}


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
    """K steps of the plain jitted SGD step with the batch sharded over a ``("data",)`` mesh and the
    parameters replicated: XLA inserts the all-reduce of the gradients.

    Nothing in the step knows about devices: the placements of its arguments decide, and the
    compiled program (its ``collectives``) shows where the gradients are summed.
    """
    per_worker(len(x), workers)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    found = _on_devices(_train_on_mesh, workers, device, **given, split_params=False)
    return {**found, "all_reduce_in_compiled_step": "all-reduce" in found["collectives"]}


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
    """The same jitted step with the parameters put on the mesh split along their first axis
    (``P("data")``): XLA gathers what each matmul needs, and the new parameters come back split.

    Only the placement changed from ``data_parallel``: the step, the model and the optimizer are the
    same.
    """
    per_worker(len(x), workers)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    found = _on_devices(_train_on_mesh, workers, device, **given, split_params=True)
    return {**found, "collectives_in_compiled_step": bool(found["collectives"])}


def _join(device: str) -> None:
    """Join the other processes of the job: process 0 runs the coordinator where the
    launcher's variables say (``MASTER_ADDR:MASTER_PORT``), the others connect to it. On a
    cluster, ``jax.distributed.initialize()`` finds all this itself (SLURM, Open MPI, …)."""
    jax.distributed.initialize(
        f"{os.environ['MASTER_ADDR']}:{os.environ['MASTER_PORT']}",
        num_processes=int(os.environ["WORLD_SIZE"]),
        process_id=int(os.environ["RANK"]),
        local_device_ids=[int(os.environ["LOCAL_RANK"])] if device == "gpu" else None,
    )


def _global(mesh: jax.sharding.Mesh, params: dict, x: np.ndarray, labels: np.ndarray) -> tuple:
    """The step's arguments as global arrays over all processes' devices, each process giving
    only its own data: of the batch, its part; of the replicated parameters, all of them."""
    rank, world = jax.process_index(), jax.process_count()
    mine = slice(rank * len(x) // world, (rank + 1) * len(x) // world)
    batch, whole = NamedSharding(mesh, P("data")), NamedSharding(mesh, P())
    return (
        jax.tree.map(lambda a: jax.make_array_from_process_local_data(whole, a), params),
        jax.make_array_from_process_local_data(batch, x[mine]),
        jax.make_array_from_process_local_data(batch, labels[mine]),
    )


def _multi_process_worker(
    *,
    x: np.ndarray,
    labels: np.ndarray,
    weights: Mapping[str, np.ndarray],
    dims: Mapping[str, int],
    steps: int,
    lr: float,
    device: str,
) -> dict:
    """One process of a multi-controller job: it joins the others, builds the global mesh
    and batch, and runs the very step of ``data_parallel``."""
    _join(device)
    try:
        mesh = _mesh(jax.device_count(), device)  # every process's devices
        graphdef, params, tx, sgd_step = _sgd(dims, weights, lr)
        spread = _global(mesh, params, x, labels)
        one = jax.local_devices()[0]  # the reference: this process's device, the whole batch
        single = jax.device_put(params, one), jax.device_put(x, one), jax.device_put(labels, one)
        found = _train(sgd_step, graphdef, tx, spread, single, steps)
        return {**found, "final": _torch_names(graphdef, found["final"])}
    finally:
        jax.distributed.shutdown()


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
    """The ``data_parallel`` step as a multi-controller job: one process per worker, joined by
    ``jax.distributed.initialize``, each holding only its part of the batch.

    Every process runs the same program; ``jax.devices()`` lists all processes' devices, and
    ``jax.make_array_from_process_local_data`` makes one global batch of the processes' parts. On
    the CPU the processes' collectives go through gloo (``jax_cpu_collectives_implementation``).
    """
    per_worker(len(x), workers)
    check_workers(workers, device, len(jax.devices("gpu")) if device == "gpu" else 0)
    given = _training_inputs(
        x, labels, weights, input_dim, hidden_dim, num_classes, num_layers, steps, lr
    )
    results = launch(
        _multi_process_worker, workers, {**given, "device": device}, env=_child_env(device)
    )
    first = results[0]
    identical = all(
        np.array_equal(r["final"][k], first["final"][k]) for r in results for k in first["final"]
    )
    return {
        **{k: v for k, v in first.items() if k not in ("final", "collectives")},
        "replicas_identical": identical,
    }
