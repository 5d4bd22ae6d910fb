from __future__ import annotations

import numpy as np

from shared.answers import Expected, Summed
from shared.cases.distributed._inputs import WORKERS
from shared.cases.distributed._record import SEED_LINES
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "distributed.all_reduce",
    "all_reduce: every worker ends with the sum and the mean of all workers' parts",
    SEED_LINES,
    "torch runs one process per worker, joined in a process group (gloo on the CPU, NCCL "
    "on GPUs): dist.all_reduce sums a tensor across the processes in place, and every "
    "process then holds the sum. gloo has no average: the mean is the sum divided by the "
    "world size, as DDP computes it. JAX runs one process for all the devices: "
    "jax.shard_map calls the function once per device on that device's block, and "
    "lax.psum / lax.pmean reduce across the mesh axis. On this CPU the two workers are two "
    "processes (torch) and two CPU devices of one fresh Python (JAX).",
    differs="torch: dist.all_reduce in each of N processes; JAX: lax.psum in jax.shard_map, "
    "one process driving N devices.",
    expected={
        "torch": {"processes": 2},
        "torch/cpu": {"backend": "gloo"},
        "torch/gpu": {"backend": "nccl"},
        "jax": {"processes": 1},
    },
    inputs="numpy",
    takes={"parts": Arg(("workers", "n"))},
    takes_device=True,
    returns="Worker ``i`` holds ``parts[i]``; an all-reduce gives every worker the ``sum`` and the "
    "``mean`` over workers. Returns both as seen by each worker, stacked (workers, n), and "
    "``processes`` (how many processes ran; torch also its process group's ``backend``).",
    ru=Text(
        title="all_reduce: каждый воркер получает сумму и среднее частей всех воркеров",
        explanation="torch запускает по процессу на воркер и объединяет их в группу "
        "процессов (gloo на CPU, NCCL на GPU): dist.all_reduce складывает тензор по всем "
        "процессам прямо на месте, и сумма оказывается у каждого процесса. Среднего в gloo "
        "нет: среднее — это сумма, делённая на число процессов (world size), так его "
        "считает и DDP. JAX запускает один процесс на все устройства: jax.shard_map "
        "вызывает функцию по разу на каждом устройстве с его блоком данных, а lax.psum / "
        "lax.pmean сворачивают результат вдоль оси сетки устройств (mesh). На этом CPU два "
        "воркера — это два процесса (torch) и два CPU-устройства одного свежего процесса "
        "Python (JAX).",
        differs="torch: dist.all_reduce в каждом из N процессов; JAX: lax.psum в "
        "jax.shard_map, один процесс на N устройств.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    n = pick(size, test=5, lesson=5)
    return {"parts": rng.standard_normal((WORKERS, n)).astype(np.float32)}


def oracle(*, parts: np.ndarray) -> Expected:
    """Every worker ends with the sum over workers (and the sum ÷ N): N terms, one rounding
    more for the mean."""
    a = np.asarray(parts, np.float64)
    total, size = (
        np.broadcast_to(a.sum(axis=0), a.shape),
        np.broadcast_to(np.abs(a).sum(axis=0), a.shape),
    )
    n = len(a)
    return {"sum": Summed(total, size, n), "mean": Summed(total / n, size / n, n + 1)}
