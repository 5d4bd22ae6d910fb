"""Weights in the shared format (``shared/cases/modules/_weights.py``: ``named_parameters()``
names, a ``Linear.weight`` (out, in)) in and out of torch modules.

Mirrors ``jax_impl/modules_weights.py``. Input plumbing, kept out of ``modules.py``, the
module a student reads; ``advanced``, ``training`` and ``distributed`` load their networks
with it too.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch
from torch import nn

from shared.validation import CaseInputError
from torch_impl.backend import torch_device


def export_weights(model: nn.Module) -> dict[str, np.ndarray]:
    """The parameters as NumPy copies under their ``named_parameters()`` names (the shared
    format: ``Linear.weight`` is (out, in))."""
    return {name: p.detach().cpu().numpy().copy() for name, p in model.named_parameters()}


def load_weights(model: nn.Module, params: Mapping[str, np.ndarray]) -> nn.Module:
    """Copy NumPy parameters (shared format) into ``model`` in place; returns ``model``.

    Every name and shape is checked before anything is written, and an error names each
    offending parameter. (``load_state_dict`` would say the same in its own words, as a
    RuntimeError, and also wants buffers.)
    """
    own = dict(model.named_parameters())
    problems = [f"{name}: missing" for name in own if name not in params]
    problems += [
        f"{name}: not a parameter of {type(model).__name__}" for name in params if name not in own
    ]
    problems += [
        f"{name}: expected shape {tuple(p.shape)}, got {np.shape(params[name])}"
        for name, p in own.items()
        if name in params and np.shape(params[name]) != tuple(p.shape)
    ]
    if problems:
        raise CaseInputError(
            f"cannot load weights into {type(model).__name__}: " + "; ".join(problems)
        )
    with torch.no_grad():  # an in-place write to a leaf that requires grad is otherwise refused
        for name, p in own.items():
            p.copy_(torch.as_tensor(np.asarray(params[name])))
    return model


def _placed(model: nn.Module, weights: Mapping[str, np.ndarray], device: str) -> nn.Module:
    """``model`` with ``weights`` loaded, on ``device``: how every case gets its network."""
    return load_weights(model.to(torch_device(device)), weights)
