"""Weights in the shared format (``shared/cases/modules/_weights.py``: torch's names, a
``Linear.weight`` (out, in)) in and out of Flax NNX modules, whose ``Linear.kernel`` is (in, out).

Mirrors ``torch_impl/modules_weights.py``. Input plumbing, kept out of ``modules.py``, the
module a student reads; ``advanced``, ``training`` and ``distributed`` load their networks
with it too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from jax_impl.backend import jax_device
from shared.validation import CaseInputError


def _torch_style_params(model: nnx.Module) -> Iterator[tuple[str, tuple, nnx.Variable]]:
    """(torch-style name, NNX path, variable) of every ``nnx.Param``.

    The name drops each ``nnx.Sequential``'s own ``layers`` attribute (torch numbers a
    Sequential's children directly) and calls the ``kernel`` a ``weight``.
    """
    for path, _ in nnx.to_flat_state(nnx.state(model, nnx.Param)):
        node, parts = model, []
        for key in path:
            if not (isinstance(node, nnx.Sequential) and key == "layers"):
                parts.append("weight" if key == "kernel" else str(key))
            node = node[key] if isinstance(key, int) else getattr(node, key)
        yield ".".join(parts), path, node


def _swap_layout(path: tuple, value: jax.Array | np.ndarray) -> jax.Array | np.ndarray:
    """Between the layouts: a kernel (in, out) is the transposed weight (out, in), both ways."""
    return value.T if path[-1] == "kernel" else value


def export_weights(model: nnx.Module) -> dict[str, np.ndarray]:
    """The ``nnx.Param``s as NumPy copies in the shared (torch) format: kernels transposed."""
    return {
        name: np.array(_swap_layout(path, var[...]))
        for name, path, var in _torch_style_params(model)
    }


def load_weights(model: nnx.Module, params: Mapping[str, np.ndarray]) -> nnx.Module:
    """Write NumPy parameters (shared torch format) into ``model``'s variables; returns it.

    A torch ``weight`` (out, in) becomes the ``kernel`` (in, out). Every name and shape is
    checked first, and an error names each offending parameter by its torch name and NNX path.
    """
    own = {name: (path, var) for name, path, var in _torch_style_params(model)}
    problems = [f"{name}: missing" for name in own if name not in params]
    problems += [
        f"{name}: not a parameter of {type(model).__name__}" for name in params if name not in own
    ]
    for name, (path, var) in own.items():
        want = _swap_layout(path, var[...]).shape
        if name in params and np.shape(params[name]) != want:
            where = ".".join(map(str, path))
            problems.append(
                f"{name} ({where}): expected shape {want}, got {np.shape(params[name])}"
            )
    if problems:
        raise CaseInputError(
            f"cannot load weights into {type(model).__name__}: " + "; ".join(problems)
        )
    for name, (path, var) in own.items():
        value = _swap_layout(path, np.asarray(params[name]))
        device = next(iter(var[...].devices()))
        var[...] = jax.device_put(jnp.asarray(value, var[...].dtype), device)
    return model


def _placed(model: nnx.Module, weights: Mapping[str, np.ndarray], device: str) -> nnx.Module:
    """``model`` with ``weights`` loaded, on ``device``: how every case gets its network."""
    load_weights(model, weights)
    nnx.update(model, jax.device_put(nnx.state(model), jax_device(device)))
    return model
