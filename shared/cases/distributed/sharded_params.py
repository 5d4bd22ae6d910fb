from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.distributed._answers import training_steps
from shared.cases.distributed._inputs import training_inputs
from shared.cases.distributed._record import BATCH, SEED_LINES, XLA_CHOICE
from shared.cases.model import Case, Text

CASE = Case(
    "distributed.sharded_params",
    "Sharded parameters: each worker keeps 1/N of every parameter (FSDP2, sharded jax.jit)",
    SEED_LINES,
    "Data parallelism keeps a whole copy of the model on every worker; sharding keeps 1/N of each "
    "parameter, so a model too big for one device still fits on N. The price is communication "
    "inside every step: before computing a layer each worker all-gathers its full parameters, and "
    "after the backward pass the gradients are reduce-scattered, each worker keeping only its "
    "share. torch's FSDP2 does this from hooks around every block, each parameter wrapped in a "
    "DTensor; JAX only changes where the parameters lie, and the compiler inserts the collectives "
    "into the same jitted step. The same K steps, equal to one device after every step.",
    differs="torch: fully_shard turns parameters into split DTensors; JAX: the same jit "
    "step, parameters put on the mesh split.",
    expected={
        "torch": {"processes": 2, "each_holds_one_nth": True, "parameter_type": "DTensor"},
        "jax": {
            "processes": 1,
            "each_holds_one_nth": True,
            "collectives_in_compiled_step": True,
        },
    },
    inputs="numpy",
    takes=BATCH,
    unchecked={"collectives": XLA_CHOICE},
    takes_device=True,
    returns="As :meth:`data_parallel`, with every parameter split over the workers along its first "
    "axis: ``each_holds_one_nth`` (after the steps, each worker holds 1/``workers`` of the "
    "parameters' elements), torch ``parameter_type``, JAX ``collectives_in_compiled_step`` and "
    "``collectives``.",
    ru=Text(
        title="Шардированные параметры: у каждого воркера 1/N каждого параметра (FSDP2, "
        "jax.jit с разбиением)",
        explanation="При параллелизме по данным у каждого воркера целая копия модели; "
        "шардирование оставляет каждому 1/N каждого параметра, так что модель, которая не "
        "помещается на одно устройство, помещается на N. Цена — обмен данными внутри каждого "
        "шага: перед вычислением слоя каждый воркер собирает его полные параметры (all-gather), а "
        "после обратного прохода градиенты распределяются (reduce-scatter), и у каждого остаётся "
        "только его доля. FSDP2 в torch делает это хуками вокруг каждого блока, обернув каждый "
        "параметр в DTensor; JAX меняет только то, где лежат параметры, а коллективные операции "
        "вставляет в тот же шаг под jit компилятор. Те же K шагов, после каждого — то же, что на "
        "одном устройстве.",
        differs="torch: fully_shard делает параметры поделёнными DTensor; JAX: тот же шаг "
        "под jit, параметры поделены по сетке.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return training_inputs(size, rng)


def oracle(**inputs) -> Expected:
    return training_steps(**inputs)
