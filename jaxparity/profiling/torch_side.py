"""Table 1 for eager PyTorch: runtime per class from ``torch.profiler``, flops from shapes.

torch runs a forward pass op by op, each op a call through its dispatcher into a kernel, so
its profiler sees every aten op and how long it ran: the *self* CPU time of an op is its
time minus that of the ops it called (``aten::linear`` → ``aten::t`` + ``aten::addmm``), so
the self times of all ops, run one after another by one thread, add up to the time in ops;
each is classified by its op's name (``classes.ATEN``). The rest of the profiled call
(Python, ``nn.Module.__call__``) is time outside ops (``record.measurement``).

Flops: contractions from ``torch.utils.flop_counter.FlopCounterMode`` (2 per multiply-add);
the other ops from their sizes (``classes.simple_flops``), recorded by a dispatch mode that
sees each op once. A contraction with a third tensor argument (``addmm``'s or ``linear``'s
bias) adds it to its result: one element-wise flop per output element, as JAX's separate
``add`` of a bias counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.profiler import ProfilerActivity, profile, record_function
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves
from torch.utils.flop_counter import FlopCounterMode

from jaxparity.profiling import networks
from jaxparity.profiling.classes import CONTRACTION, ELEMENTWISE, aten_class, simple_flops
from jaxparity.profiling.networks import Network
from jaxparity.profiling.record import CALL, PerClass, Span, calls_for, measurement, median_s, warm
from shared.run_modes import EAGER

METHOD = "torch.profiler: self CPU time of each aten op, classified by its name"


def _blas() -> str:
    return "MKL" if torch.backends.mkl.is_available() else "BLAS"


KERNELS: dict[str, Callable[[], str]] = {
    "aten::mkldnn_convolution": lambda: "oneDNN",
    "aten::mkldnn_linear": lambda: "oneDNN",
    "aten::_nnpack_spatial_convolution": lambda: "NNPACK",
    "aten::_slow_conv2d_forward": lambda: f"im2col + {_blas()}",
    **{f"aten::{op}": _blas for op in ("addmm", "mm", "bmm", "baddbmm", "addmv", "mv", "dot")},
}
"""The aten ops that are a library's kernel for a contraction (``linear``, ``convolution``
only choose one) → the library."""


@dataclass(frozen=True)
class _Op:
    name: str
    in_numel: int
    out_numel: int
    tensors: int


class _Sizes(TorchDispatchMode):
    """Each op's name, its first input's and its outputs' element counts, and how many
    tensors it took. Innermost of the modes, it sees the op the model called (``linear``),
    once: what the op runs inside is not dispatched back to it."""

    def __init__(self) -> None:
        super().__init__()
        self.ops: list[_Op] = []

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        tensors = [a for a in tree_leaves((args, kwargs)) if isinstance(a, torch.Tensor)]
        outputs = [o for o in tree_leaves(out) if isinstance(o, torch.Tensor)]
        self.ops.append(
            _Op(
                func._schema.name,
                tensors[0].numel() if tensors else 0,
                sum(o.numel() for o in outputs),
                len(tensors),
            )
        )
        return out


def _model(network: Network, data: dict[str, Any]) -> nn.Module:
    from torch_impl import modules
    from torch_impl.modules_weights import load_weights

    if network.id == networks.LESSON_MLP.id:
        dims = (data["input_dim"], data["hidden_dim"], data["num_classes"])
        model = load_weights(modules.MyFirstNetwork(*dims), data["weights"])
    elif network.id == networks.WIDE_MLP.id:
        model = modules.DeepNetwork(**networks.WIDE_DIMS)
        model = load_weights(model, data["weights"])
    else:
        from torch_impl.resnet import load_state, resnet101

        model = load_state(resnet101(), data["state"])
    return model.eval()


def flops(model: nn.Module, x: torch.Tensor) -> PerClass:
    """Flops of one forward pass per class; ops no table knows are listed in ``unknown``."""
    with torch.inference_mode(), FlopCounterMode(display=False) as counter, _Sizes() as sizes:
        model(x)
    tally = PerClass()
    tally.add(CONTRACTION, "", counter.get_total_flops())
    for op in sizes.ops:
        cls = aten_class(op.name)
        if cls == CONTRACTION:
            if op.tensors >= 3:  # the bias, added to the product
                tally.add(ELEMENTWISE, op.name, op.out_numel)
        else:
            tally.add(cls, op.name, simple_flops(cls, op.name, op.in_numel, op.out_numel))
    return tally


def profile_network(network: Network) -> dict[str, dict[str, Any]]:
    """One forward pass of ``network`` in eager torch (inference mode), measured: the
    fields of a passing record (``record.measurement``), by mode."""
    data = networks.inputs(network)
    model = _model(network, data)
    x = torch.from_numpy(data["x"])

    def call() -> torch.Tensor:
        return model(x)  # CPU: the result is there when the call returns

    with torch.inference_mode():
        n = calls_for(warm(call))
        wall = median_s(call, n)
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            for _ in range(n):
                with record_function(CALL):
                    call()
    calls, spans = [], []
    for event in prof.events():
        start, end = event.time_range.start * 1e-6, event.time_range.end * 1e-6
        if event.name == CALL:
            calls.append((start, end))
            continue
        kernel = (event.name, KERNELS[event.name]()) if event.name in KERNELS else None
        seconds = event.self_cpu_time_total * 1e-6
        spans.append(Span(start, end, seconds, aten_class(event.name), event.name, kernel))
    fields = measurement(flops(model, x), sorted(calls), spans, wall, METHOD)
    fields["backends"] = {
        "mkldnn (oneDNN)": torch.backends.mkldnn.is_available(),
        "mkl": torch.backends.mkl.is_available(),
        "threads": torch.get_num_threads(),
    }
    return {EAGER: fields}
