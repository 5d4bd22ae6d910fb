"""Section 5, grad modes, the PyTorch way: thread-wide switches for graph recording.

Compare with ``jax_impl/modes.py``: same names, same order. torch records a graph for every
operation on a tensor with ``requires_grad``; ``no_grad``, ``enable_grad`` and
``inference_mode`` switch that recording off and on for a block of code or a function. A
stored result that is part of a graph keeps the graph, and every tensor saved in it, alive.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import torch
from torch import nn

from shared.backends import NotTimed
from shared.run_modes import COMPILE
from shared.tooling import tooling
from torch_impl.advanced import network
from torch_impl.backend import torch_device


def enable_grad(*, x: torch.Tensor) -> dict:
    """``enable_grad`` undoes an enclosing ``no_grad`` for its own block only."""
    x = x.detach().requires_grad_()
    with torch.no_grad():
        off = x * 3  # not recorded
        with torch.enable_grad():
            on = x * 2  # recorded again
    (on + off).sum().backward()  # `off` is a constant here: the gradient is 2
    return {
        "on": on,
        "off": off,
        "grad": x.grad,
        "on_requires_grad": on.requires_grad,
        "off_requires_grad": off.requires_grad,
    }


@torch.no_grad()
def _add_two(x: torch.Tensor) -> torch.Tensor:
    """The lesson's ``@torch.no_grad() def foo(x)``: nothing inside is recorded."""
    return x + 2


def no_grad(*, x: torch.Tensor) -> dict:
    """Nothing computed under ``no_grad`` (block or decorator) joins a later backward pass."""
    x = x.detach().requires_grad_()
    with torch.no_grad():
        doubled = x + x
    shifted = _add_two(x)
    (doubled + shifted + x).sum().backward()
    return {
        "doubled": doubled,
        "shifted": shifted,
        "grad": x.grad,
        "context_requires_grad": doubled.requires_grad,
        "decorator_requires_grad": shifted.requires_grad,
    }


def inference_mode(*, x: torch.Tensor, w: torch.Tensor) -> dict:
    """``inference_mode`` is ``no_grad`` plus no version counters and no view tracking: faster,
    but its tensors may never be saved for a backward pass afterwards."""
    with torch.inference_mode():
        y = x * 2
    w = w.detach().requires_grad_()
    try:
        y * w  # autograd would have to save y, an inference tensor, for w's gradient
        error, message = "", ""
    except RuntimeError as e:
        error, message = type(e).__name__, str(e)
    (y.clone() * w).sum().backward()  # the fix the message suggests: a clone is a normal tensor
    return {
        "y": y,
        "error": error,
        "message": message,
        "grad": w.grad,
        "is_inference": y.is_inference(),
    }


@tooling
def _saved_bytes(losses: list) -> int:
    """Bytes of the distinct storages behind ``losses``: the losses' own, and every tensor
    their autograd graphs saved for backward (``grad_fn._saved_*``), except the parameters
    (leaves that require grad), which live on without the losses.

    This sees exactly what the graphs keep alive, not allocator rounding or caching.
    """
    storages: dict[int, int] = {}

    def add(t: torch.Tensor) -> None:
        s = t.untyped_storage()
        storages[s.data_ptr()] = s.nbytes()

    seen, todo = set(), []
    for loss in losses:
        if isinstance(loss, torch.Tensor):
            add(loss)
            todo.append(loss.grad_fn)
    while todo:
        node = todo.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        for name in dir(node):
            if name.startswith("_saved_"):
                saved = getattr(node, name)
                for t in saved if isinstance(saved, tuple | list) else (saved,):
                    if isinstance(t, torch.Tensor) and not (t.is_leaf and t.requires_grad):
                        add(t)
        todo.extend(next_node for next_node, _ in node.next_functions)
    return sum(storages.values())


def _store(step: Callable, keep: Callable, steps: int, device: torch.device) -> tuple:
    """Run ``steps`` steps, storing ``keep(loss)`` each time: (stored, bytes kept per loss)."""
    keep(step())  # one step first: the matmul's one-time workspace is not a leak
    if device.type == "cuda":
        before = torch.cuda.memory_allocated(device)
        stored = [keep(step()) for _ in range(steps)]
        kept = torch.cuda.memory_allocated(device) - before
    else:
        stored = [keep(step()) for _ in range(steps)]
        kept = _saved_bytes(stored)
    return stored, kept // steps


def item_leak(*, x: np.ndarray, w: np.ndarray, steps: int, device: str) -> dict:
    """The lesson's loop: every step a new batch on the device and ``loss = ‖x @ w‖``.

    Storing ``loss`` keeps its graph, and the graph keeps the batch (saved by the matmul for ``w``'s
    gradient): memory grows by a batch per step. ``loss.item()`` copies the value to a Python float
    (waiting for the GPU) and lets the graph and the batch go.
    """
    dev = torch_device(device)
    weights = torch.tensor(w, device=dev, requires_grad=True)

    def step() -> torch.Tensor:
        batch = torch.tensor(x, device=dev)  # a fresh batch on the device, as a loader gives
        return torch.linalg.norm(batch @ weights)

    stored, stored_bytes = _store(step, lambda loss: loss, steps, dev)
    items, item_bytes = _store(step, lambda loss: loss.item(), steps, dev)
    return {
        "stored_losses": torch.stack(stored).detach(),
        "item_losses": np.array(items, dtype=np.float32),  # float32 values, held in floats
        "stored_bytes_per_loss": stored_bytes,
        "item_bytes_per_loss": item_bytes,
        "stored_keeps_batch": stored_bytes >= x.nbytes,
        "item_keeps_batch": item_bytes >= x.nbytes,
        "probe": "cuda allocator" if dev.type == "cuda" else "storages saved by autograd",
    }


def _forward_grad(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Grad mode on (the default): the graph and the tensors backward needs are kept."""
    return model(x)


def _forward_no_grad(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return model(x)


def _forward_inference_mode(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    with torch.inference_mode():
        return model(x)


FORWARD = {
    "grad": _forward_grad,
    "no_grad": _forward_no_grad,
    "inference_mode": _forward_inference_mode,
}


def forward(
    *, x: torch.Tensor, weights: Mapping[str, np.ndarray], dims: tuple, device: str
) -> dict:
    """The lesson's DeepNetwork forward with grad on, under ``no_grad`` and ``inference_mode``.

    With grad on, the output ``requires_grad`` and keeps the graph and what backward needs; the
    other two record nothing, and ``inference_mode`` returns an inference tensor.
    """
    model = network(weights, dims, device)
    tracked = _forward_grad(model, x)
    untracked = _forward_no_grad(model, x)
    inference = _forward_inference_mode(model, x)
    return {
        "out_tracked": tracked,
        "out_untracked": untracked,
        "out_inference": inference,
        "tracked_requires_grad": tracked.requires_grad,
        "untracked_requires_grad": untracked.requires_grad,
        "inference_is_inference": inference.is_inference(),
    }


def _forward_setup(run: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        if run is _forward_inference_mode and mode == COMPILE and _TORCH < (2, 13):
            # torch 2.11: inductor fails on it (BackendCompilerFailed) and leaves the
            # process's Python dispatcher broken: every later torch op raises "INTERNAL
            # ASSERT FAILED ... PythonDispatcherTLS was not set". torch 2.13 compiles it.
            raise NotTimed(f"torch {torch.__version__} cannot compile inference_mode safely")
        model = network(inputs["weights"], inputs["dims"], device)
        return (lambda x: run(model, x)), (torch.tensor(inputs["x"], device=torch_device(device)),)

    return setup


_TORCH = tuple(int(p) for p in torch.__version__.split("+")[0].split(".")[:2])
TIMED = {"modes.forward": {name: _forward_setup(run) for name, run in FORWARD.items()}}
