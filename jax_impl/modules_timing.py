"""The benchmark setup of ``modules.train_step`` (JAX): ``TIMED``, found by the harness as
``jax_impl.modules.TIMED`` (``shared.tooling.timed_apart``), with the pure step it times.

Mirrors ``torch_impl/modules_timing.py``. ``_pure_sgd_step`` (the step as a pure function of
plain arrays, for ``jax.jit``) is also the step ``training`` and ``distributed`` compile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jax
import numpy as np
import optax
from flax import nnx

from jax_impl.backend import jax_device
from jax_impl.modules import DeepNetwork, _loss, _sgd_step
from jax_impl.modules_weights import _placed
from shared.run_modes import EAGER, JIT, JIT_DONATED, NNX_JIT


def _pure_sgd_step(graphdef: nnx.GraphDef, tx: optax.GradientTransformation) -> Callable:
    """``modules._sgd_step`` as a pure function of plain arrays, for ``jax.jit``: parameters (a
    nested dict from ``nnx.to_pure_dict``) and optimizer state go in, new ones come out.

    ``nnx.merge`` rebuilds the module only while tracing, so the compiled step is plain XLA.
    Per call, jit only flattens a dict of arrays: no Python object graph to walk (``nnx.jit``)
    and no ``nnx.Variable`` wrappers to unpack (a ``State`` costs ~20 µs more per call here).
    """

    def sgd_step(
        params: dict, opt_state: optax.OptState, x: jax.Array, labels: jax.Array
    ) -> tuple[dict, optax.OptState, jax.Array]:
        def loss_of(params: dict) -> jax.Array:
            return _loss(nnx.merge(graphdef, params), x, labels)

        loss, grads = jax.value_and_grad(loss_of)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    return sgd_step


def _train_step_setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    """One SGD step on a DeepNetwork. ``nnx_jit``: the ``nnx.jit`` step over the module and
    ``nnx.Optimizer``, as a student writes it (the harness times it as is; its first call is
    the compilation). ``jit``: :func:`_pure_sgd_step` over ``nnx.split`` state, which the
    harness wraps in ``jax.jit``. ``jit_donated``: that step jitted with its state donated, as a
    training loop runs it (:func:`_donated_training`)."""
    d = jax_device(device)
    dims = {k: inputs[k] for k in ("input_dim", "hidden_dim", "num_classes", "num_layers")}
    model = _placed(DeepNetwork(**dims), inputs["weights"], device)
    tx = optax.sgd(inputs["lr"])
    x, labels = jax.device_put(inputs["x"], d), jax.device_put(inputs["labels"], d)
    if mode == NNX_JIT:
        return _sgd_step, (model, nnx.Optimizer(model, tx, wrt=nnx.Param), x, labels)
    graphdef, state = nnx.split(model)
    params = nnx.to_pure_dict(state)
    if mode in (JIT, EAGER):  # eager: the same pure step, op by op
        return _pure_sgd_step(graphdef, tx), (params, tx.init(params), x, labels)
    if mode == JIT_DONATED:
        return _donated_training(graphdef, tx, params), (x, labels)
    raise ValueError(
        f"modules.train_step has no JAX mode {mode!r}; modes: jit, eager, nnx_jit, jit_donated"
    )


def _donated_training(
    graphdef: nnx.GraphDef, tx: optax.GradientTransformation, params: dict
) -> Callable:
    """The pure step as a JAX training loop writes it: ``jax.jit`` with the parameters and the
    optimiser state donated, so XLA may write the new ones into the old buffers. A donated
    buffer is gone after the call, so each call's new state is the next call's input (the
    plain ``jit`` mode times the step on the same state every call)."""
    step = jax.jit(_pure_sgd_step(graphdef, tx), donate_argnums=(0, 1))
    state = [params, tx.init(params)]

    def train(x: jax.Array, labels: jax.Array) -> jax.Array:
        state[0], state[1], loss = step(state[0], state[1], x, labels)
        return loss

    return train


TIMED = {"modules.train_step": {"step": _train_step_setup}}
