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
    "One Python process cannot drive the devices of other machines, so beyond one host JAX too "
    "runs one process per host, the form torch always has. The programs stay alike: every JAX "
    "process runs the same program and sees the devices of all of them (the coordinator here is "
    "process 0 on 127.0.0.1), every torch process runs the DDP step of data_parallel, and each "
    "loads only its own part of the data.",
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
        explanation="Один процесс Python не может управлять устройствами других машин, поэтому за "
        "пределами одной машины JAX тоже запускает по процессу на машину — в той форме, в которой "
        "torch работает всегда. Программы при этом похожи: каждый процесс JAX выполняет одну и ту "
        "же программу и видит устройства всех процессов (координатор здесь — процесс 0 на "
        "127.0.0.1), каждый процесс torch выполняет шаг DDP из data_parallel, и каждый загружает "
        "только свою часть данных.",
        differs="В обоих — по процессу на воркер; JAX: jax.distributed и глобальные "
        "массивы, torch: env:// и DistributedSampler.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return training_inputs(size, rng)


def oracle(**inputs) -> Expected:
    return training_steps(**inputs)
