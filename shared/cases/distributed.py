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

    return {}
