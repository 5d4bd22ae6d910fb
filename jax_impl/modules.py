"""Section 6, modules and MLPs, the Flax NNX way: modules as graphs of ``nnx.Variable``s.

Compare with ``torch_impl/modules.py``: same classes, same attribute names, same order. An NNX
module looks like a torch one (attributes, ``__call__`` for ``forward``), but what counts as a
parameter is decided by the *type* of each ``nnx.Variable`` (``nnx.Param``, ``nnx.BatchStat``,
…), selected with filters. Randomness is explicit (``rngs=nnx.Rngs(seed)``), gradients are
returned by ``nnx.grad`` instead of stored on the parameters, and ``Linear.kernel`` is
(in, out): the transpose of torch's ``Linear.weight``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from jax_impl.backend import jax_device
from shared.run_modes import EAGER, JIT, JIT_DONATED, NNX_JIT
from shared.tooling import tooling
from shared.validation import CaseInputError, require


@tooling
def check_batch(x: jax.Array, input_dim: int, dtype: jnp.dtype) -> None:
    """Refuse a batch the first ``Linear`` cannot take: a ``CaseInputError`` naming the shape
    and dtype it expects.

    Without it JAX fails inside ``dot_general`` on a wrong feature size and silently *promotes*
    a batch of another dtype (ints, float16) instead of refusing it. Shapes and dtypes are
    static under ``jit``, so the check costs nothing in compiled code.
    """
    if x.ndim != 2 or x.shape[1] != input_dim or x.dtype != dtype:
        require("x", x.shape, x.dtype.name, (None, input_dim), jnp.dtype(dtype).name)


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


@tooling
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


@tooling
def _swap_layout(path: tuple, value: jax.Array | np.ndarray) -> jax.Array | np.ndarray:
    """Between the layouts: a kernel (in, out) is the transposed weight (out, in), both ways."""
    return value.T if path[-1] == "kernel" else value


@tooling
def export_weights(model: nnx.Module) -> dict[str, np.ndarray]:
    """The ``nnx.Param``s as NumPy copies in the shared (torch) format: kernels transposed."""
    return {
        name: np.array(_swap_layout(path, var[...]))
        for name, path, var in _torch_style_params(model)
    }


@tooling
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


@tooling
def _placed(model: nnx.Module, weights: Mapping[str, np.ndarray], device: str) -> nnx.Module:
    load_weights(model, weights)
    nnx.update(model, jax.device_put(nnx.state(model), jax_device(device)))
    return model


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


def _pure_sgd_step(graphdef: nnx.GraphDef, tx: optax.GradientTransformation) -> Callable:
    """The same step as a pure function of plain arrays, for ``jax.jit``: parameters (a nested
    dict from ``nnx.to_pure_dict``) and optimizer state go in, new ones come out.

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
