"""Beyond one device: the lesson's list of distributed tools (seed lines 159–167), run.

The lesson's overview names ``torch.distributed``, ``torch.distributed.fsdp`` and DDP
communication hooks, and its conclusion says JAX needs more compute: where a student outgrows
one device, the two frameworks part ways. torch *wraps the model* (DDP, FSDP2) and runs one
process per worker; JAX *annotates shardings* and lets the compiler insert the collectives,
one process over many devices, or one per host with ``jax.distributed``. Each case runs on
the frameworks' real engines: worker processes on 127.0.0.1 (``shared.workers``), two of them
on this CPU, one per GPU elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from shared.cases.model import INTEGERS, Arg, Case

if TYPE_CHECKING:
    from shared.cases.ru import Text

SEED_LINES = (159, 167)
"""«Распределённые вычисления»: torch.distributed, fsdp, DDP Communication Hooks, …"""

BATCH = {"x": Arg(("n", None)), "labels": Arg(("n",), INTEGERS)}
OWN_PROCESSES = "each worker process loads its own data: NumPy arrays cross the process boundary"
XLA_CHOICE = (
    "the collectives XLA put in the compiled step, shown to the student: the compiler's "
    "choice, and its version's (a boolean observation judges that there is one)"
)

CASES = [
    Case(
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
    ),
    Case(
        "distributed.data_parallel",
        "Data parallelism: K SGD steps with the batch split over N workers, equal to one "
        "device step by step",
        SEED_LINES,
        "Each worker holds all the parameters and takes 1/N of the batch; the gradients are "
        "averaged over the workers before every update. torch wraps the model: "
        "DistributedDataParallel registers a hook on every parameter, and as soon as a bucket "
        "of gradients is ready during backward() its communication hook all-reduces it (here "
        "DDP's default, written out: divide by N, all-reduce), overlapping with the rest of "
        "backward. JAX annotates: the batch goes on the mesh split along its first axis "
        "(NamedSharding(mesh, P('data'))), the parameters whole on every device (P()), and the "
        "unchanged jax.jit step compiles into a program in which XLA has inserted the "
        "all-reduce. Both are checked as torch's own DDP tests check it: a plain copy trained "
        "on the whole batch on one device, compared after every step (vs_single), within the "
        "rounding a different order of summation allows. bench/test_distributed.py times the "
        "step at 1 and 2 workers.",
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
    ),
    Case(
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
    ),
    Case(
        "distributed.multi_process",
        "Multi-process (multi-controller): one process per worker, each with its own part of "
        "the batch",
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
    ),
]


def russian() -> dict[str, Text]:
    """The Russian texts of these cases, merged into ``shared.cases.ru.RU`` (a function:
    ``shared.cases.ru`` imports this module, and this module's ``Text`` comes from there)."""
    from shared.cases.ru import Text

    return {
        "distributed.all_reduce": Text(
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
        "distributed.data_parallel": Text(
            title="Параллелизм по данным: K шагов SGD, батч поделён между N воркерами, и шаг "
            "за шагом то же, что на одном устройстве",
            explanation="У каждого воркера все параметры и 1/N батча; перед каждым шагом "
            "градиенты усредняются по воркерам. torch оборачивает модель: "
            "DistributedDataParallel вешает хук на каждый параметр, и как только бакет "
            "градиентов готов во время backward(), его коммуникационный хук выполняет "
            "all-reduce (здесь — выписанный явно хук DDP по умолчанию: разделить на N, "
            "all-reduce), одновременно с остальной частью обратного прохода. JAX размечает "
            "данные: батч кладётся на сетку устройств, поделённый по первой оси "
            "(NamedSharding(mesh, P('data'))), параметры целиком на каждое устройство (P()), и "
            "неизменённый шаг под jax.jit компилируется в программу, куда XLA сам вставил "
            "all-reduce. Проверка такая же, как в собственных тестах DDP в torch: обычная копия "
            "модели учится на всём батче на одном устройстве, и после каждого шага параметры "
            "сравниваются (vs_single) с точностью до округлений, которые допускает другой "
            "порядок суммирования. bench/test_distributed.py замеряет шаг на 1 и 2 воркерах.",
            differs="torch оборачивает модель в DDP (хуки делают all-reduce в backward); JAX "
            "делит батч, XLA вставляет all-reduce.",
        ),
        "distributed.sharded_params": Text(
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
        "distributed.multi_process": Text(
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
    }
