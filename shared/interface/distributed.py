"""Beyond one device: one method per case id ``distributed.<name>``.

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np

from shared.interface.backend import Outputs


class Distributed(Protocol):
    def all_reduce(self, *, parts: np.ndarray, device: str) -> Outputs:
        """Worker ``i`` holds ``parts[i]``; an all-reduce gives every worker the ``sum`` and the
        ``mean`` over workers. Returns both as seen by each worker, stacked (workers, n), and
        ``processes`` (how many processes ran; torch also its process group's ``backend``)."""
        ...

    def data_parallel(
        self,
        *,
        x: np.ndarray,
        labels: np.ndarray,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        steps: int,
        lr: float,
        workers: int,
        device: str,
    ) -> Outputs:
        """``steps`` SGD steps of ``DeepNetwork`` with the batch split over ``workers``, the
        parameters replicated. Besides the training outputs: ``processes``,
        ``replicas_identical`` (every worker holds the same parameters, bit for bit) and where
        the all-reduce happens (torch ``all_reduce_in_backward`` and ``buckets``, JAX
        ``all_reduce_in_compiled_step`` and ``collectives``)."""
        ...

    def sharded_params(
        self,
        *,
        x: np.ndarray,
        labels: np.ndarray,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        steps: int,
        lr: float,
        workers: int,
        device: str,
    ) -> Outputs:
        """As :meth:`data_parallel`, with every parameter split over the workers along its
        first axis: ``each_holds_one_nth`` (after the steps, each worker holds 1/``workers``
        of the parameters' elements), torch ``parameter_type``, JAX
        ``collectives_in_compiled_step`` and ``collectives``."""
        ...

    def multi_process(
        self,
        *,
        x: np.ndarray,
        labels: np.ndarray,
        weights: Mapping[str, np.ndarray],
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        steps: int,
        lr: float,
        workers: int,
        device: str,
    ) -> Outputs:
        """As :meth:`data_parallel`, one process per worker, each given only its part of the
        batch: ``processes`` and ``replicas_identical``."""
        ...
