"""Beyond one device: the lesson's list of distributed tools (seed lines 159–167), run.

The lesson's overview names ``torch.distributed``, ``torch.distributed.fsdp`` and DDP
communication hooks, and its conclusion says JAX needs more compute: where a student outgrows
one device, the two frameworks part ways. torch *wraps the model* (DDP, FSDP2) and runs one
process per worker; JAX *annotates shardings* and lets the compiler insert the collectives,
one process over many devices, or one per host with ``jax.distributed``. Each case runs on
the frameworks' real engines: worker processes on 127.0.0.1 (``shared.workers``), two of them
on this CPU, one per GPU elsewhere.

The data arrive as NumPy arrays (``Case.inputs == "numpy"``): each worker process loads its
own, as on a cluster. ``workers`` is how many take part (processes in torch, devices of one
process or processes in JAX); ``device`` is ``"cpu"`` (gloo, one core and one compute thread
per worker) or ``"gpu"`` (NCCL / XLA's GPU collectives, one GPU per worker). Training cases
start from ``weights`` (the shared format, ``shared.data.modules.linear_layers``) and return,
per step, ``losses`` (the whole batch's mean loss), ``param.<name>`` (the parameters after
each step, torch's names and layouts, stacked along a first axis of length ``steps``) and
``vs_single.<name>`` (those minus the parameters of the same steps run on one device over the
whole batch, in the same framework).
"""

ORDER: tuple[str, ...] = (
    "all_reduce",
    "data_parallel",
    "sharded_params",
    "multi_process",
)
"""The topic's cases in lesson order."""
