"""Beyond one device: the distributed topic's engines side by side (``report/distributed.py``)."""

MESSAGES: dict[str, str] = {
    # Beyond one device: the distributed topic's engines side by side (report/distributed.py)
    "distributed.heading": "Beyond one device: the engines side by side",
    "distributed.intro": "The lesson's overview lists `torch.distributed`, FSDP and DDP "
    "communication hooks; its conclusion says JAX needs more compute. Past one device the two "
    "frameworks part ways: torch *wraps the model* (DDP, FSDP2) and runs one process per "
    "worker; JAX *annotates where the data lives* and lets the compiler insert the "
    "collectives, one process over all the devices of a host, or one per host with "
    "`jax.distributed`. The topic's cases above ran on the frameworks' real engines: worker "
    "processes on 127.0.0.1, one core and one compute thread each.",
    "distributed.who": "**Who launches the processes.** torch: a launcher starts one process "
    "per worker — `torchrun` on every host; here the suite's own, which sets the same "
    "variables (`RANK`, `WORLD_SIZE`, `MASTER_ADDR`, `MASTER_PORT`) — and each process joins "
    "the process group (gloo on the CPU, NCCL on GPUs, one GPU per process). JAX: you start "
    "one Python per host, and it drives every device of that host itself; "
    "`jax.distributed.initialize` joins the hosts' processes to a coordinator (here two "
    "processes on one machine, gloo between them on the CPU). A host's count of CPU devices is "
    "fixed when JAX starts, so the one-process cases ran in a fresh Python given two CPU "
    "devices.",
    "distributed.where": "**Where the all-reduce happens.** DDP registers a hook on every "
    "parameter: during `backward()`, as soon as a bucket of gradients is ready, its "
    "communication hook starts an asynchronous all-reduce, which overlaps the rest of the "
    "backward pass, and `backward()` returns once all of them are done. In JAX the training "
    "step does not change at all: the gradient of replicated parameters over a batch split "
    "across devices is a sum across devices, and XLA writes the all-reduce into the compiled "
    "program (this run's compiled steps hold {collectives}).",
    "distributed.collectives.none": "no JAX run of this topic",
    "distributed.sharding": "**What a sharding is.** `NamedSharding(mesh, P(…))` says which "
    "part of an array each device holds: `P('data')` splits the first axis over the mesh's "
    "`data` axis, `P()` puts the whole array on every device. Data parallelism is a split "
    "batch and whole parameters; FSDP-style sharding splits the parameters too, so that each "
    "device keeps 1/N of them. torch says the same with `DTensor` placements (`Shard(0)`, "
    "`Replicate()`), which `fully_shard` makes for you.",
    "distributed.parity.heading": "The same answers",
    "distributed.parity.intro": "Every run is compared with the NumPy oracle (plain SGD over "
    "the whole batch; for the all-reduce, the sum), with the other framework, and with the "
    "same framework's run of the same steps on one device (`vs_single`, as torch's own DDP "
    "tests do it): the two may differ only by another order of summation, and the bound of "
    "that reordering judges the gap. Largest absolute differences, over all parameters and "
    "steps:",
    "distributed.parity.none": "None of the topic's cases was checked in this run.",
    "distributed.col.case": "case",
    "distributed.col.framework": "framework",
    "distributed.col.device": "device",
    "distributed.col.status": "status",
    "distributed.col.processes": "processes",
    "distributed.col.oracle": "vs NumPy",
    "distributed.col.gap": "vs one device",
    "distributed.col.between": "torch vs JAX",
    "distributed.col.size": "size",
    "distributed.col.variant": "variant",
    "distributed.col.median": "median step",
    "distributed.col.speed": "× one process",
    "distributed.col.comm": "all-reduce in the step",
    "distributed.col.alone": "all-reduce alone",
    "distributed.timing.heading": "The data-parallel step, timed at 1 and 2 workers",
    "distributed.timing.intro": "Timed by the workers themselves "
    "(`bench/test_distributed.py`): after a warm-up and lined up at a barrier, every step on "
    "its own clock; a step of several workers is the slowest one's. `single` is one process "
    "without the engine; `workers_1` the engine with nobody to talk to; `workers_2` two "
    "workers with half the batch and one core each (torch: two processes, JAX: two devices of "
    "one process); `processes_2` JAX across two processes (`jax.distributed`). DDP tells the "
    "time its all-reduces took through its communication hook (*all-reduce in the step*, "
    "overlapping the backward pass); XLA does not report its all-reduce's share of a compiled "
    "step, so one all-reduce of the gradients' size is also timed alone, in both. *× one "
    "process*: the one-process step's median over this one's (above 1×: faster).",
    "distributed.timing.none": "Not timed in this run: the default `jaxparity run` times the "
    "data-parallel step (its `lesson` and `cpu` sizes), as does `pytest "
    "bench/test_distributed.py --benchmark-enable --bench-size lesson --bench-size cpu`.",
    "distributed.scaling": "**Two workers against one process**: {lines}.",
    "distributed.scaling.one": "at size `{size}` on {device}, {framework} runs a step at "
    "{speed} the speed{comm}",
    "distributed.scaling.comm": " (its all-reduce: {share} % of the step)",
    "distributed.two_cores": "**What two cores can and cannot show.** They show that the "
    "engines compute the same thing, and what a step costs in communication (an all-reduce "
    "between two processes of one machine, through loopback TCP) and in the engine itself. "
    "They cannot show scaling: two workers share the two cores with the launching process, "
    "the operating system and other programs, with no network between hosts and no GPU, so a "
    "speed-up near 2× needs a step large enough to hide its all-reduce (size `cpu`) and an "
    "idle machine; at the lesson's size a step is all overhead, and two workers are slower "
    "than one. On GPUs the same plan runs with `--device gpu`: NCCL for torch and XLA's GPU "
    "collectives for JAX, one GPU per worker, skipped with the reason where fewer than two "
    "are visible.",
}
