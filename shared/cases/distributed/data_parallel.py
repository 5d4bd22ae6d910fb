from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.distributed._answers import training_steps
from shared.cases.distributed._inputs import training_inputs
from shared.cases.distributed._record import BATCH, SEED_LINES, XLA_CHOICE
from shared.cases.model import Case, Text

CASE = Case(
    "distributed.data_parallel",
    "Data parallelism: K SGD steps with the batch split over N workers, equal to one "
    "device step by step",
    SEED_LINES,
    "Each worker holds all the parameters and takes 1/N of the batch; averaging the gradients "
    "over the workers before every update makes the step equal to one device's step on the whole "
    "batch. The frameworks differ in who writes the communication: torch's wrapper does, from "
    "hooks, overlapping it with the rest of backward; in JAX the step's code stays as on one "
    "device, and the compiler places the all-reduce from where the data lies. Both are checked as "
    "torch's own DDP tests check it: a plain copy trained on the whole batch on one device, "
    "compared after every step (vs_single), within the rounding a different order of summation "
    "allows. bench/test_distributed.py times the step at 1 and 2 workers.",
    differs="torch wraps the model in DDP (hooks all-reduce in backward); JAX shards the "
    "batch and XLA inserts the all-reduce.",
    expected={
        "torch": {"processes": 2, "replicas_identical": True, "all_reduce_in_backward": True},
        "jax": {
            "processes": 1,
            "replicas_identical": True,
            "all_reduce_in_compiled_step": True,
        },
    },
    inputs="numpy",
    takes=BATCH,
    unchecked={
        "buckets": "how many gradient buckets DDP all-reduced per step, shown to the "
        "student: it follows DDP's bucket size (25 MB by default) and the model's",
        "collectives": XLA_CHOICE,
    },
    takes_device=True,
    returns="``steps`` SGD steps of ``DeepNetwork`` with the batch split over ``workers``, the "
    "parameters replicated. Besides the training outputs: ``processes``, ``replicas_identical`` "
    "(every worker holds the same parameters, bit for bit) and where the all-reduce happens (torch "
    "``all_reduce_in_backward`` and ``buckets``, JAX ``all_reduce_in_compiled_step`` and "
    "``collectives``).",
    ru=Text(
        title="Параллелизм по данным: K шагов SGD, батч поделён между N воркерами, и шаг "
        "за шагом то же, что на одном устройстве",
        explanation="У каждого воркера все параметры и 1/N батча; усреднение градиентов по "
        "воркерам перед каждым шагом делает шаг таким же, как на одном устройстве со всем батчем. "
        "Фреймворки различаются тем, кто пишет обмен данными: в torch это делает обёртка, из "
        "хуков, одновременно с остальной частью обратного прохода; в JAX код шага остаётся таким "
        "же, как для одного устройства, а all-reduce расставляет компилятор — по тому, где лежат "
        "данные. Проверка такая же, как в собственных тестах DDP в torch: обычная копия модели "
        "учится на всём батче на одном устройстве, и после каждого шага параметры сравниваются "
        "(vs_single) с точностью до округлений, которые допускает другой порядок суммирования. "
        "bench/test_distributed.py замеряет шаг на 1 и 2 воркерах.",
        differs="torch оборачивает модель в DDP (хуки делают all-reduce в backward); JAX "
        "делит батч, XLA вставляет all-reduce.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return training_inputs(size, rng)


def oracle(**inputs) -> Expected:
    return training_steps(**inputs)
