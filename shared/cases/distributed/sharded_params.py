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
    "Data parallelism keeps a whole copy of the model on every worker; sharding keeps "
    "1/N of each parameter. torch's FSDP2 (fully_shard on each block, then on the whole "
    "model) turns every parameter into a DTensor split along its first dimension, "
    "all-gathers a block's parameters just before its forward and backward, and "
    "reduce-scatters its gradients, so that each worker updates only its shard. JAX puts "
    "the parameters on the mesh split along their first axis (P('data')) and jits the same "
    "step: XLA inserts the all-gathers and the reductions, and the new parameters come back "
    "split. The same K steps, equal to one device after every step.",
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
        "шардирование оставляет каждому 1/N каждого параметра. FSDP2 в torch (fully_shard "
        "на каждом блоке, затем на всей модели) превращает каждый параметр в DTensor, "
        "поделённый по первой размерности, собирает параметры блока (all-gather) прямо "
        "перед его прямым и обратным проходом и делает reduce-scatter его градиентов, так "
        "что каждый воркер обновляет только свою часть. JAX кладёт параметры на сетку "
        "устройств, поделёнными по первой оси (P('data')), и компилирует под jax.jit тот же "
        "шаг: all-gather и редукции вставляет XLA, и новые параметры возвращаются "
        "поделёнными. Те же K шагов, после каждого — то же, что на одном устройстве.",
        differs="torch: fully_shard делает параметры поделёнными DTensor; JAX: тот же шаг "
        "под jit, параметры поделены по сетке.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return training_inputs(size, rng)


def oracle(**inputs) -> Expected:
    return training_steps(**inputs)
