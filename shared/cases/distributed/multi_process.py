from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.distributed._answers import training_steps
from shared.cases.distributed._inputs import training_inputs
from shared.cases.distributed._record import BATCH, SEED_LINES
from shared.cases.model import Case, Text

CASE = Case(
    "distributed.multi_process",
    "Multi-process (multi-controller): one process per worker, each with its own part of the batch",
    SEED_LINES,
    "Across hosts JAX too runs one process per host: jax.distributed.initialize connects "
    "them to a coordinator (here process 0 on 127.0.0.1), every process runs the same "
    "program and sees the devices of all of them, and a global array is assembled from "
    "each process's own data (jax.make_array_from_process_local_data). On the CPU the "
    "collectives between processes go through gloo (jax_cpu_collectives_implementation). "
    "torch is always in this form: here the DDP step of data_parallel, started as torchrun "
    "starts it on each host (init_process_group reads RANK, WORLD_SIZE, MASTER_ADDR and "
    "MASTER_PORT), each process loading only its own samples through a DistributedSampler.",
    differs="One process per worker in both; JAX: jax.distributed and global arrays, torch: "
    "env:// and a DistributedSampler.",
    expected={
        "torch": {"processes": 2, "replicas_identical": True},
        "jax": {"processes": 2, "replicas_identical": True},
    },
    inputs="numpy",
    takes=BATCH,
    takes_device=True,
    returns="As :meth:`data_parallel`, one process per worker, each given only its part of the "
    "batch: ``processes`` and ``replicas_identical``.",
    ru=Text(
        title="Несколько процессов (multi-controller): по процессу на воркер, у каждого "
        "своя часть батча",
        explanation="На нескольких машинах JAX тоже запускает по процессу на машину: "
        "jax.distributed.initialize связывает их через координатора (здесь — процесс 0 на "
        "127.0.0.1), каждый процесс выполняет одну и ту же программу и видит устройства "
        "всех процессов, а глобальный массив собирается из собственных данных каждого "
        "процесса (jax.make_array_from_process_local_data). На CPU коллективные операции "
        "между процессами идут через gloo (jax_cpu_collectives_implementation). torch "
        "всегда работает в этой форме: здесь тот же шаг DDP, что в data_parallel, "
        "запущенный так, как torchrun запускает его на каждой машине (init_process_group "
        "читает RANK, WORLD_SIZE, MASTER_ADDR и MASTER_PORT), и каждый процесс загружает "
        "только свои примеры через DistributedSampler.",
        differs="В обоих — по процессу на воркер; JAX: jax.distributed и глобальные "
        "массивы, torch: env:// и DistributedSampler.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return training_inputs(size, rng)


def oracle(**inputs) -> Expected:
    return training_steps(**inputs)
