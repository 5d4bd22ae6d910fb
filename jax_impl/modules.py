"""Section 6, modules and MLPs, the Flax NNX way: modules as graphs of ``nnx.Variable``s.

Compare with ``torch_impl/modules.py``: same classes, same attribute names, same order. An NNX
module looks like a torch one (attributes, ``__call__`` for ``forward``), but what counts as a
parameter is decided by the *type* of each ``nnx.Variable`` (``nnx.Param``, ``nnx.BatchStat``,
…), selected with filters. Randomness is explicit (``rngs=nnx.Rngs(seed)``), gradients are
returned by ``nnx.grad`` instead of stored on the parameters, and ``Linear.kernel`` is
(in, out): the transpose of torch's ``Linear.weight``.

Beside it, what a student need not read: ``modules_checks.py`` (the batch check),
``modules_weights.py`` (the shared weights in and out) and ``modules_timing.py`` (the benchmark
setup, ``TIMED``).
"""

from __future__ import annotations

from collections.abc import Mapping

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from jax_impl.backend import jax_device
from jax_impl.modules_checks import check_batch
from jax_impl.modules_weights import _placed, _swap_layout, _torch_style_params, export_weights
from shared.tooling import timed_apart, tooling


@tooling
def _rngs(rngs: nnx.Rngs | None) -> nnx.Rngs:
    # NNX wants explicit randomness; key 0 by default so `DeepNetwork(64, 32, 2, 2)` reads as in
    # torch (which draws from its hidden global generator). The suite loads shared weights anyway.
    return nnx.Rngs(0) if rngs is None else rngs


class Identity(nnx.Module):
    """Seed lines 1017–1038: ``__call__`` plays ``forward``; ``__repr__`` names the module.

    No ``super().__init__()`` is needed: NNX sets a module up without it.
    """

    def __call__(self, x: jax.Array) -> jax.Array:
        return x

    def __repr__(self) -> str:
        return "Identity()"


def identity(*, x: jax.Array) -> dict:
    """``Identity()(x)`` returns ``x`` itself: an NNX module's ``__call__`` *is* its forward.

    ``repr(layer)`` is what ``__repr__`` says.
    """
    layer = Identity()
    out = layer(x)
    return {"output": out, "is_input": out is x, "repr": repr(layer)}


class Registration(nnx.Module):
    """Seed lines 1052–1076 in NNX: the *type* of each ``nnx.Variable`` says what it is.

    ``nnx.Param`` is a parameter; ``nnx.BatchStat`` (or any ``nnx.Variable`` subclass) is state
    that is not trained, torch's buffer; a plain array attribute is state of no Variable type.
    ``nnx.List``/``nnx.Dict`` hold Variables and Modules (``ParameterList``, ``ModuleDict``).
    """

    def __init__(self, rngs: nnx.Rngs) -> None:
        self.weight = nnx.Param(jnp.ones(3))
        self.plain = jnp.zeros(3)  # an array: part of the state, but not an nnx.Param
        self.running_mean = nnx.BatchStat(jnp.zeros(3))
        self.plist = nnx.List([nnx.Param(jnp.ones(2))])
        self.pdict = nnx.Dict({"a": nnx.Param(jnp.ones(2))})
        self.mlist = nnx.List([nnx.Linear(2, 2, rngs=rngs)])
        self.mdict = nnx.Dict({"head": nnx.Linear(2, 2, rngs=rngs)})
        self.seq = nnx.Sequential(nnx.Linear(2, 2, rngs=rngs), nnx.relu)


@tooling
def _names(state: nnx.State) -> list[str]:
    return [".".join(map(str, path)) for path, _ in nnx.to_flat_state(state)]


def registration() -> dict:
    """Flax refuses a plain Python list of Params with a ValueError: it would be a *static*
    attribute holding data. ``nnx.List`` and ``nnx.Dict`` are the containers.
    """
    module = Registration(nnx.Rngs(0))
    try:
        module.python_list = [nnx.Param(jnp.ones(2))]
        python_list_error = ""
    except ValueError as e:
        python_list_error = type(e).__name__
    names = _names(nnx.state(module, nnx.Param))
    return {
        "parameter_names": ",".join(names),
        "buffer_names": ",".join(_names(nnx.state(module, nnx.BatchStat))),
        "n_params": sum(a.size for a in jax.tree.leaves(nnx.state(module, nnx.Param))),
        "plain_array_is_parameter": "plain" in names,
        "plain_array_in_state": "plain" in _names(nnx.state(module)),
        "python_list_error": python_list_error,
        "python_list_registered": any(n.startswith("python_list") for n in names),
    }


def _api_model(weight: jax.Array, bias: jax.Array, rngs: nnx.Rngs) -> nnx.Sequential:
    linear = nnx.Linear(weight.shape[1], weight.shape[0], rngs=rngs)
    linear.kernel[...] = weight.T  # Flax's kernel is (in, out)
    linear.bias[...] = bias
    return nnx.Sequential(
        linear, nnx.BatchNorm(weight.shape[0], rngs=rngs), nnx.Dropout(0.5, rngs=rngs)
    )


def api(*, x: jax.Array, weight: jax.Array, bias: jax.Array, device: str) -> dict:
    """Module state selected by filters, on ``Linear → BatchNorm → Dropout``.

    ``nnx.state(model, nnx.Param)`` holds the parameters, ``nnx.state(model, nnx.BatchStat)``
    BatchNorm's statistics. What is differentiated is chosen per call (``nnx.grad`` with
    ``nnx.DiffState(0, filter)``, an optimizer's ``wrt=``). A dtype or device change is a map over
    the state, put back with ``nnx.update``. ``model.train()``/``model.eval()`` set
    ``deterministic`` and ``use_running_average`` on the Dropout and BatchNorm inside; BatchNorm's
    ``momentum`` is the share of the old running mean.
    """
    model = _api_model(weight, bias, nnx.Rngs(0))
    model.eval()
    eval_output = model(x)
    eval_deterministic = bool(jnp.array_equal(eval_output, model(x)))
    model.train()
    # each call draws a fresh dropout key from the module's Rngs stream
    train_deterministic = bool(jnp.array_equal(model(x), model(x)))

    first_layer_frozen = nnx.All(nnx.Param, nnx.Not(nnx.PathContains(0)))
    grads = nnx.grad(lambda m: m(x).sum(), argnums=nnx.DiffState(0, first_layer_frozen))(model)
    grad_names = _names(grads)
    frozen_grad_is_none = "layers.0.kernel" not in grad_names and "layers.1.scale" in grad_names

    def to_bfloat16(a: jax.Array) -> jax.Array:
        a = a.astype(jnp.bfloat16) if jnp.issubdtype(a.dtype, jnp.floating) else a
        return jax.device_put(a, jax_device(device))

    nnx.update(model, jax.tree.map(to_bfloat16, nnx.state(model)))
    kernel = model.layers[0].kernel[...]
    return {
        "eval_output": eval_output,
        "n_parameter_tensors": len(jax.tree.leaves(nnx.state(model, nnx.Param))),
        "parameter_names": ",".join(_names(nnx.state(model, nnx.Param))),
        "buffer_names": ",".join(_names(nnx.state(model, nnx.BatchStat))),
        "eval_deterministic": eval_deterministic,
        "train_deterministic": train_deterministic,
        "frozen_grad_is_none": frozen_grad_is_none,
        "bn_new_batch_weight": str(round(1 - model.layers[1].momentum, 6)),
        "moved_dtype": kernel.dtype.name,
        "moved_on_device": kernel.devices() == {jax_device(device)},
    }


def print_params_count(
    model: nnx.Module, trainable: nnx.filterlib.Filter = nnx.Param
) -> tuple[int, int]:
    """Seed lines 1094–1104 in NNX: every ``nnx.Param``, and those the ``trainable`` filter
    selects. NNX has no per-parameter flag: "trainable" means whatever the optimizer's
    ``wrt=`` filter (and ``nnx.grad``'s ``DiffState``) selects — pass the same filter here."""
    total_params = sum(a.size for a in jax.tree.leaves(nnx.state(model, nnx.Param)))
    total_params_grad = sum(a.size for a in jax.tree.leaves(nnx.state(model, trainable)))
    print(f"{type(model).__name__}: {total_params} parameters, {total_params_grad} trainable")
    return total_params, total_params_grad


def param_count(*, input_dim: int, hidden_dim: int, num_classes: int) -> dict:
    """``print_params_count`` of each lesson network: all ``nnx.Param``s, and those a trainable
    filter selects.

    Freezing ``fc_in`` is a filter, not a flag on the model. Another NNX way: give the frozen arrays
    a Variable type of their own, which ``wrt=nnx.Param`` then skips.
    """
    dims = (input_dim, hidden_dim, num_classes)
    all_but_fc_in = nnx.All(nnx.Param, nnx.Not(nnx.PathContains("fc_in")))
    models = {
        "first": (MyFirstNetwork(*dims), nnx.Param),
        "second": (MySecondNetwork(*dims), nnx.Param),
        "deep2": (DeepNetwork(*dims, num_layers=2), nnx.Param),
        "deep4": (DeepNetwork(*dims, num_layers=4), nnx.Param),
        "deep2_frozen": (DeepNetwork(*dims, num_layers=2), all_but_fc_in),
    }
    out = {}
    for name, (model, trainable) in models.items():
        total, n_trainable = print_params_count(model, trainable)
        out[f"{name}.total"], out[f"{name}.trainable"] = np.int64(total), np.int64(n_trainable)
    return out


class MyFirstNetwork(nnx.Module):
    """Seed lines 1115–1149: three ``Linear`` layers with a named ReLU after two of them."""

    def __init__(
        self, input_dim: int, hidden_dim: int, num_classes: int, *, rngs: nnx.Rngs | None = None
    ) -> None:
        rngs = _rngs(rngs)
        self.input_dim = input_dim  # a plain int: static, not part of the state
        self.fc_in = nnx.Linear(input_dim, hidden_dim, use_bias=True, rngs=rngs)
        # NNX needs no ReLU module: a function is a static attribute.
        self.relu1 = nnx.relu
        self.fc_hidden = nnx.Linear(hidden_dim, hidden_dim, use_bias=True, rngs=rngs)
        self.relu2 = nnx.relu
        self.fc_out = nnx.Linear(hidden_dim, num_classes, rngs=rngs)

    def __call__(self, x: jax.Array) -> jax.Array:
        check_batch(x, self.input_dim, self.fc_in.kernel.dtype)
        x = self.relu1(self.fc_in(x))  # (B, hidden)
        x = self.relu2(self.fc_hidden(x))  # (B, hidden)
        return self.fc_out(x)  # (B, classes)


class MySecondNetwork(nnx.Module):
    """Seed lines 1184–1212: each ``Linear`` and its ReLU in an ``nnx.Sequential`` block
    (the seed's garbled text read as Linear+ReLU, Linear+ReLU, Linear)."""

    def __init__(
        self, input_dim: int, hidden_dim: int, num_classes: int, *, rngs: nnx.Rngs | None = None
    ) -> None:
        rngs = _rngs(rngs)
        self.input_dim = input_dim
        self.fc_in = nnx.Sequential(
            nnx.Linear(input_dim, hidden_dim, use_bias=True, rngs=rngs), nnx.relu
        )
        self.fc_hidden = nnx.Sequential(
            nnx.Linear(hidden_dim, hidden_dim, use_bias=True, rngs=rngs), nnx.relu
        )
        self.fc_out = nnx.Linear(hidden_dim, num_classes, rngs=rngs)

    def __call__(self, x: jax.Array) -> jax.Array:
        check_batch(x, self.input_dim, self.fc_in.layers[0].kernel.dtype)
        x = self.fc_in(x)
        x = self.fc_hidden(x)
        return self.fc_out(x)


class DeepNetwork(nnx.Module):
    """Seed lines 1229–1250: ``num_layers`` hidden blocks in an ``nnx.Sequential``; ``fc_in``
    without bias. ``nnx.Sequential`` keeps its children in ``.layers`` (torch indexes the
    Sequential itself): torch's ``layers[1][0]`` is ``layers.layers[1].layers[0]`` here."""

    def __init__(
        self,
        input_dim: int,
        hidden_dim: int,
        num_classes: int,
        num_layers: int,
        *,
        rngs: nnx.Rngs | None = None,
    ) -> None:
        rngs = _rngs(rngs)
        self.input_dim = input_dim
        self.fc_in = nnx.Sequential(
            nnx.Linear(input_dim, hidden_dim, use_bias=False, rngs=rngs), nnx.relu
        )
        self.layers = nnx.Sequential(
            *[
                nnx.Sequential(nnx.Linear(hidden_dim, hidden_dim, rngs=rngs), nnx.relu)
                for _ in range(num_layers)
            ]
        )
        self.fc_out = nnx.Linear(hidden_dim, num_classes, rngs=rngs)

    def __call__(self, x: jax.Array) -> jax.Array:
        check_batch(x, self.input_dim, self.fc_in.layers[0].kernel.dtype)
        x = self.fc_in(x)
        x = self.layers(x)
        return self.fc_out(x)


def _loss(model: nnx.Module, x: jax.Array, labels: jax.Array) -> jax.Array:
    return optax.softmax_cross_entropy_with_integer_labels(model(x), labels).mean()


@nnx.jit
def _run_network(model: nnx.Module, x: jax.Array, labels: jax.Array) -> dict:
    """Logits of ``x`` and of the lesson's ``ones((4, input_dim))``, the loss, and the
    gradients, which ``nnx.value_and_grad`` *returns* as a State shaped like the params.
    Compiled: one XLA program instead of dozens of op-by-op dispatches and compilations."""
    loss, grads = nnx.value_and_grad(_loss)(model, x, labels)
    by_path = dict(nnx.to_flat_state(grads))
    return {
        "logits": model(x),
        "logits_ones": model(jnp.ones((4, model.input_dim))),
        "loss": loss,
        **{
            f"grad.{name}": _swap_layout(path, by_path[path][...])
            for name, path, _ in _torch_style_params(model)
        },
    }


def first_network(
    *,
    x: jax.Array,
    labels: jax.Array,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    device: str,
) -> dict:
    """MyFirstNetwork with the shared weights: logits, loss and gradients, in one ``nnx.jit``.

    ``load_weights`` transposes each shared (out, in) ``weight`` into a ``kernel`` (in, out);
    ``nnx.value_and_grad`` *returns* the gradients, transposed back for the comparison.
    """
    model = _placed(MyFirstNetwork(input_dim, hidden_dim, num_classes), weights, device)
    return _run_network(model, x, labels)


def second_network(
    *,
    x: jax.Array,
    labels: jax.Array,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    device: str,
) -> dict:
    """MySecondNetwork: each ``Linear`` and its ReLU in an ``nnx.Sequential`` block.

    The block keeps its children in ``.layers``: ``fc_in.layers[0].kernel`` is reported under the
    shared name ``fc_in.0.weight``, transposed.
    """
    model = _placed(MySecondNetwork(input_dim, hidden_dim, num_classes), weights, device)
    return _run_network(model, x, labels)


def deep_network(
    *,
    x: jax.Array,
    labels: jax.Array,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    device: str,
) -> dict:
    """DeepNetwork: ``num_layers`` hidden blocks nested in an ``nnx.Sequential``, ``fc_in`` without
    bias; logits, loss and gradients as in ``first_network``.

    ``layers.layers[1].layers[0].kernel`` is reported under the shared name ``layers.1.0.weight``,
    transposed.
    """
    model = DeepNetwork(input_dim, hidden_dim, num_classes, num_layers)
    return _run_network(_placed(model, weights, device), x, labels)


@nnx.jit
def _sgd_step(
    model: nnx.Module, optimizer: nnx.Optimizer, x: jax.Array, labels: jax.Array
) -> jax.Array:
    """One training step as an NNX user writes it: ``nnx.jit`` lets the step update the model
    and optimizer objects in place, at the price of walking their Python graph on every call."""
    loss, grads = nnx.value_and_grad(_loss)(model, x, labels)
    optimizer.update(model, grads)
    return loss


def train_step(
    *,
    x: jax.Array,
    labels: jax.Array,
    weights: Mapping[str, np.ndarray],
    input_dim: int,
    hidden_dim: int,
    num_classes: int,
    num_layers: int,
    steps: int,
    lr: float,
    device: str,
) -> dict:
    """``steps`` SGD steps on a DeepNetwork, each an ``nnx.jit`` step with an ``nnx.Optimizer``.

    ``nnx.value_and_grad`` returns the gradients, ``optimizer.update(model, grads)`` computes new
    parameters, and ``nnx.jit`` writes them back into the Python objects.
    """
    model = _placed(DeepNetwork(input_dim, hidden_dim, num_classes, num_layers), weights, device)
    optimizer = nnx.Optimizer(model, optax.sgd(lr), wrt=nnx.Param)
    losses = jnp.stack([_sgd_step(model, optimizer, x, labels) for _ in range(steps)])
    return {
        "losses": losses,
        **{f"param.{name}": value for name, value in export_weights(model).items()},
    }


__getattr__ = timed_apart(__name__)  # TIMED, the benchmark setup: modules_timing.py
