"""The lesson's conclusion, the JAX way: a training loop that computes new parameters.

Compare with ``torch_impl/training.py``: same functions, same names. The network, its loss and
its training steps are those of ``jax_impl/modules.py``: the ``nnx.jit`` step over the module
and an ``nnx.Optimizer`` (as a student writes it, and the case function here), and the pure
step over ``nnx.split`` state for ``jax.jit``. One more form has no torch counterpart on a
CPU: a whole epoch as one compiled program, ``jax.lax.scan`` over the batches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from jax_impl.backend import jax_device
from jax_impl.modules import DeepNetwork, _sgd_step
from jax_impl.modules_timing import _pure_sgd_step
from jax_impl.modules_weights import _placed, export_weights
from shared import backends
from shared.cases.training._record import TO_ACCURACY_MODES
from shared.run_modes import EAGER, JIT, JIT_GRAD, NNX_JIT, SCAN
from shared.tooling import tooling
from shared.validation import require_indices

DIMS = ("input_dim", "hidden_dim", "num_classes", "num_layers")


def accuracy(model: nnx.Module, x_test: jax.Array, y_test: jax.Array) -> jax.Array:
    """Test images classified right: ``argmax`` of the logits against the labels. Nothing is
    recorded for gradients in JAX unless asked (no ``no_grad`` needed); ``nnx.jit`` it once
    and call that every epoch."""
    return (model(x_test).argmax(axis=1) == y_test).sum()  # int32 without x64


@tooling
def check_order(order: jax.Array, x_train: jax.Array) -> None:
    """Refuse batch indices outside the training set with a ``CaseInputError``: JAX would
    take the nearest row instead (its gathers clamp out-of-range indices), silently."""
    require_indices("order", int(order.min()), int(order.max()), len(x_train), "x_train")


def train_epoch(
    step: Callable[..., jax.Array],
    x_train: jax.Array,
    y_train: jax.Array,
    batches: jax.Array,
    *state: Any,
) -> list[jax.Array]:
    """One epoch: a step on each batch ``x_train[idx]`` of the epoch's order; the losses.
    ``state``: the step's leading arguments (the module and optimizer it updates)."""
    return [step(*state, x_train[idx], y_train[idx]) for idx in batches]


def to_accuracy(
    *,
    x_train: jax.Array,
    y_train: jax.Array,
    x_test: jax.Array,
    y_test: jax.Array,
    order: jax.Array,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    lr: float,
    momentum: float,
    device: str,
) -> dict:
    """DeepNetwork trained with ``optax.sgd(lr, momentum)`` in an ``nnx.Optimizer``: each
    ``nnx.jit`` step computes new parameters from the old ones and writes them back into the
    module and optimizer; after each epoch, the test images classified right.
    """
    check_order(order, x_train)
    model = _placed(DeepNetwork(input_dim, hidden_dim, num_classes, num_layers), weights, device)
    optimizer = nnx.Optimizer(model, optax.sgd(lr, momentum=momentum), wrt=nnx.Param)
    evaluate = nnx.jit(accuracy)  # compiled on its first call, reused every epoch
    losses, correct = [], []
    for batches in order:  # one epoch: a row of batch indices per step
        losses += train_epoch(_sgd_step, x_train, y_train, batches, model, optimizer)
        correct.append(evaluate(model, x_test, y_test))
    return {
        "losses": jnp.stack(losses),
        "correct": jnp.stack(correct),
        **{f"param.{name}": value for name, value in export_weights(model).items()},
    }


@tooling
def _scan_epoch(step: Callable) -> Callable:
    """A whole epoch as one function of arrays: ``jax.lax.scan`` runs ``step`` over the rows of
    ``batches``, carrying parameters and optimizer state; jitted, one dispatch per epoch."""

    def epoch(
        params: dict,
        opt_state: optax.OptState,
        x_train: jax.Array,
        y_train: jax.Array,
        batches: jax.Array,
    ) -> tuple[dict, optax.OptState, jax.Array]:
        def one(carry: tuple, idx: jax.Array) -> tuple[tuple, jax.Array]:
            params, opt_state, loss = step(*carry, x_train[idx], y_train[idx])
            return (params, opt_state), loss

        (params, opt_state), losses = jax.lax.scan(one, (params, opt_state), batches)
        return params, opt_state, losses

    return epoch


@tooling
def _gathering(step: Callable) -> Callable:
    """The pure step with its batch gathered inside it, for ``jax.jit``: ``x_train[idx]``
    compiles into the step's program, where a loop over data already on the device would
    otherwise dispatch two gathers (and a slice of the order) op by op before every step —
    ten times what torch pays for the same indexing. ``idx``: the step's row of the order,
    from the host (NumPy), as a JAX loop over batches takes it."""

    def step_at(
        params: dict, opt_state: optax.OptState, x_train: jax.Array, y_train: jax.Array, idx: Any
    ) -> tuple[dict, optax.OptState, jax.Array]:
        return step(params, opt_state, x_train[idx], y_train[idx])

    return step_at


@tooling
def _pure_accuracy(graphdef: nnx.GraphDef) -> Callable:
    """:func:`accuracy` as a function of the parameters (``nnx.to_pure_dict`` state)."""

    def correct(params: dict, x_test: jax.Array, y_test: jax.Array) -> jax.Array:
        return (nnx.merge(graphdef, params)(x_test).argmax(axis=1) == y_test).sum()

    return correct


@tooling
def _set_up(inputs: Mapping[str, Any], device: str) -> tuple[nnx.Module, Any, dict]:
    """The model from the shared weights, the optimizer's transformation, the data on the
    device (labels and batch order as int32)."""
    model = _placed(DeepNetwork(**{k: inputs[k] for k in DIMS}), inputs["weights"], device)
    tx = optax.sgd(inputs["lr"], momentum=inputs["momentum"])
    d = jax_device(device)
    names = ("x_train", "y_train", "x_test", "y_test", "order")
    return model, tx, {k: jax.device_put(np.asarray(inputs[k]), d) for k in names}


@tooling
def _pure(model: nnx.Module, tx: optax.GradientTransformation) -> tuple[Callable, dict, Any]:
    """The pure step (``jax_impl.modules_timing._pure_sgd_step``), the parameters as a plain
    dict and the optimizer state: what ``jax.jit`` compiles."""
    graphdef, state = nnx.split(model)
    params = nnx.to_pure_dict(state)
    return _pure_sgd_step(graphdef, tx), params, tx.init(params)


def _step_setup(inputs: Mapping[str, Any], device: str, mode: str) -> tuple:
    """One step on the first batch: ``jit`` and ``eager`` (op by op) the pure step, which the
    harness jits or not; ``nnx_jit`` the ``nnx.jit`` step over module and optimizer."""
    model, tx, data = _set_up(inputs, device)
    first = np.asarray(inputs["order"][0, 0])
    batch = (data["x_train"][first], data["y_train"][first])
    if mode == NNX_JIT:
        return _sgd_step, (model, nnx.Optimizer(model, tx, wrt=nnx.Param), *batch)
    if mode in (JIT, EAGER):
        step, params, opt_state = _pure(model, tx)
        return step, (params, opt_state, *batch)
    raise backends.NotTimed(
        f"a single step has no epoch to loop over: {mode} is timed in the epoch variant"
    )


def _epoch_setup(inputs: Mapping[str, Any], device: str, mode: str) -> tuple:
    """The first epoch of the order. ``jit_grad``: the pure step compiled by ``jax.jit``
    here with its batch gathered inside (:func:`_gathering`), the loop over the epoch's
    batches in Python, their indices from the host (each call trains the same epoch from the
    same state: the step is pure); ``nnx_jit``: the ``nnx.jit`` step, looped (each call trains one
    more epoch); ``scan``: the epoch as one function, which the harness jits."""
    model, tx, data = _set_up(inputs, device)
    args = (data["x_train"], data["y_train"], data["order"][0])
    if mode == NNX_JIT:
        optimizer = nnx.Optimizer(model, tx, wrt=nnx.Param)

        def nnx_epoch(x_train: jax.Array, y_train: jax.Array, batches: jax.Array) -> jax.Array:
            return jnp.stack(train_epoch(_sgd_step, x_train, y_train, batches, model, optimizer))

        return nnx_epoch, args
    step, params, opt_state = _pure(model, tx)
    if mode == SCAN:
        return _scan_epoch(step), (params, opt_state, *args)
    if mode == JIT_GRAD:
        jitted = jax.jit(_gathering(step))
        order = np.asarray(inputs["order"][0])  # the epoch's batches, on the host

        def jit_epoch(x_train: jax.Array, y_train: jax.Array, batches: jax.Array) -> jax.Array:
            state, losses = (params, opt_state), []
            for idx in order:
                *state, loss = jitted(*state, x_train, y_train, idx)
                losses.append(loss)
            return jnp.stack(losses)

        return jit_epoch, args
    raise backends.NotTimed(
        "an epoch is timed with the jitted step looped in Python (jit_grad) and as one "
        "compiled scan (scan): jax.jit over the epoch's Python loop would unroll every step "
        "into one program, and op by op it is the step variant's op-by-op step once per batch"
    )


TIMED = {"training.to_accuracy": {"step": _step_setup, "epoch": _epoch_setup}}


@tooling
class Trainer:
    """Training as a user runs it, for ``bench/to_accuracy.py``, which times each phase:
    built (model, optimizer, data on the device), :meth:`compile`, then :meth:`train_epoch`
    and :meth:`correct` epoch after epoch. Modes: ``jit`` (the pure step over ``nnx.split``
    state, each batch gathered inside it — :func:`_gathering` —, compiled by
    ``lower().compile()``), ``nnx_jit`` (the ``nnx.jit`` step over module
    and ``nnx.Optimizer``: its first call compiles, a real step) and ``scan`` (each epoch one
    compiled ``lax.scan``)."""

    modes = TO_ACCURACY_MODES["jax"]

    def __init__(self, inputs: Mapping[str, Any], mode: str, device: str) -> None:
        if mode not in self.modes:
            raise backends.NotTimed(f"JAX trains to accuracy in {', '.join(self.modes)}")
        self.model, tx, self.data = _set_up(inputs, device)
        self.mode, self.done = mode, []
        if mode == NNX_JIT:
            self.state = (self.model, nnx.Optimizer(self.model, tx, wrt=nnx.Param))
            self.step, self.evaluate = _sgd_step, nnx.jit(accuracy)
            return
        step, params, opt_state = _pure(self.model, tx)
        self.params, self.opt_state = params, opt_state
        self.step = jax.jit(_scan_epoch(step) if mode == SCAN else _gathering(step))
        self.evaluate = jax.jit(_pure_accuracy(nnx.graphdef(self.model)))
        self.order = np.asarray(inputs["order"])  # jit: each step's indices from the host

    def compile(self) -> None:
        """``jax.jit``: ``lower().compile()`` of the step (or the scanned epoch), as the harness
        measures it; the jitted function then reuses the executable. ``nnx.jit`` compiles on
        the first call: the first step of the first epoch."""
        x, y, order = self.data["x_train"], self.data["y_train"], self.data["order"]
        if self.mode == NNX_JIT:
            first = order[0, 0]
            self.done = [self.step(*self.state, x[first], y[first])]
        elif self.mode == SCAN:
            self.step.lower(self.params, self.opt_state, x, y, order[0]).compile()
        else:
            self.step.lower(self.params, self.opt_state, x, y, self.order[0, 0]).compile()

    def first_step(self) -> bool:
        """The first step of the first epoch, unless :meth:`compile` took it; ``False`` for
        ``scan``, whose steps come an epoch at a time."""
        if self.mode == SCAN:
            return False
        if not self.done:  # jit: the pure step, its new state kept
            x, y = self.data["x_train"], self.data["y_train"]
            found = self.step(self.params, self.opt_state, x, y, self.order[0, 0])
            self.params, self.opt_state, loss = found
            self.done = [loss]
        return True

    def train_epoch(self, epoch: int) -> np.ndarray:
        """Epoch ``epoch`` of the order (less the step taken before it); all its losses."""
        x, y, batches = self.data["x_train"], self.data["y_train"], self.data["order"][epoch]
        if self.mode == SCAN:
            self.params, self.opt_state, losses = self.step(
                self.params, self.opt_state, x, y, batches
            )
            return np.asarray(losses)
        if self.mode == NNX_JIT:
            found = train_epoch(self.step, x, y, batches[len(self.done) :], *self.state)
            losses, self.done = self.done + found, []
            return np.asarray(jnp.stack(losses))
        losses, self.done = self.done, []
        for idx in self.order[epoch][len(losses) :]:
            self.params, self.opt_state, loss = self.step(self.params, self.opt_state, x, y, idx)
            losses.append(loss)
        return np.asarray(jnp.stack(losses))

    def correct(self) -> int:
        x, y = self.data["x_test"], self.data["y_test"]
        if self.mode == NNX_JIT:
            return int(self.evaluate(self.model, x, y))
        return int(self.evaluate(self.params, x, y))
