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
    "All-reduce is the one collective data parallelism needs: every worker ends with the same "
    "sum, and so with the same gradient. The two frameworks start from different pictures of the "
    "workers: torch's are processes, each running the whole program on its own data (gloo on the "
    "CPU, NCCL on GPUs); JAX's are the devices of one program, which runs a function once per "
    "device on that device's block. On this CPU the two workers are two processes (torch) and two "
    "CPU devices of one fresh Python (JAX).",
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
        explanation="Операция all-reduce — единственная коллективная операция, которая нужна "
        "параллелизму по данным: каждый воркер получает одну и ту же сумму, а значит, и один и "
        "тот же градиент. Два фреймворка исходят из разных представлений о воркерах: в torch это "
        "процессы, каждый из которых выполняет всю программу на своих данных (gloo на CPU, NCCL "
        "на GPU); в JAX — устройства одной программы, которая выполняет функцию по разу на каждом "
        "устройстве с его блоком данных. На этом CPU два воркера — это два процесса (torch) и два "
        "CPU-устройства одного свежего процесса Python (JAX).",
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
