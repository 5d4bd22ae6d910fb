"""The lesson's closing model, ResNet-101, the Flax NNX way.

Compare with ``torch_impl/resnet.py``: same classes, same attribute names, same order, and the
same parameter paths (``layer3.22.conv2``): the stages are ``nnx.List``s, which number their
blocks as torch's ``nn.Sequential`` does (an ``nnx.Sequential`` would add ``.layers``). Three
things differ underneath. Images are NHWC, channels *last*, and a convolution kernel is
(kh, kw, in, out) where torch's weight is (out, in, kh, kw). BatchNorm's running statistics
are ``nnx.BatchStat`` variables (torch's buffers), and ``momentum`` means the share of the *old*
value. And a train-mode forward pass returns nothing extra: it updates those variables inside
the module, which ``nnx.jit`` carries out of the compiled function.
"""

from __future__ import annotations

from collections.abc import Mapping

import jax
import jax.numpy as jnp
import numpy as np
from flax import nnx

from jax_impl.backend import jax_device
from jax_impl.modules import print_params_count
from shared.run_modes import EAGER, JIT
from shared.validation import CaseInputError

KAIMING = nnx.initializers.variance_scaling(2.0, "fan_out", "normal")
"""torchvision's ``kaiming_normal_(mode="fan_out", nonlinearity="relu")``: N(0, 2 / fan-out)
(JAX's "normal" is untruncated; its default, "truncated_normal", is not what torch draws)."""


def _batch_norm(features: int, rngs: nnx.Rngs) -> nnx.BatchNorm:
    """``nn.BatchNorm2d(features)`` in NNX: torch's momentum 0.1 (the share of the new batch)
    is Flax's 0.9 (the share of the old statistics). ``use_fast_variance=False``: E[x²] − E[x]²
    loses digits where the mean is large; torch takes the variance around the mean."""
    return nnx.BatchNorm(features, momentum=0.9, epsilon=1e-5, use_fast_variance=False, rngs=rngs)


class Bottleneck(nnx.Module):
    """1×1 conv → 3×3 conv (the stride) → 1×1 conv to four times the width, each followed by
    BatchNorm, and the input added back (through ``downsample`` where the shape changes)."""

    expansion = 4

    def __init__(
        self,
        inplanes: int,
        planes: int,
        stride: int = 1,
        downsample: nnx.List | None = None,
        *,
        rngs: nnx.Rngs,
    ) -> None:
        conv = {"use_bias": False, "kernel_init": KAIMING, "rngs": rngs}
        self.conv1 = nnx.Conv(inplanes, planes, (1, 1), **conv)
        self.bn1 = _batch_norm(planes, rngs)
        self.conv2 = nnx.Conv(planes, planes, (3, 3), strides=stride, padding=1, **conv)
        self.bn2 = _batch_norm(planes, rngs)
        self.conv3 = nnx.Conv(planes, planes * self.expansion, (1, 1), **conv)
        self.bn3 = _batch_norm(planes * self.expansion, rngs)
        self.downsample = downsample

    def __call__(self, x: jax.Array) -> jax.Array:
        identity = x
        out = nnx.relu(self.bn1(self.conv1(x)))
        out = nnx.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            conv, bn = self.downsample
            identity = bn(conv(x))
        return nnx.relu(out + identity)  # a new array: JAX has no in-place +=


class ResNet(nnx.Module):
    """Stem (7×7 conv, stride 2; BatchNorm; ReLU; 3×3 max pool, stride 2), four stages of
    Bottlenecks, global average pooling and a ``Linear`` head."""

    def __init__(self, layers: tuple[int, ...], num_classes: int = 1000, *, rngs: nnx.Rngs):
        self.inplanes = 64
        self.conv1 = nnx.Conv(
            3, 64, (7, 7), strides=2, padding=3, use_bias=False, kernel_init=KAIMING, rngs=rngs
        )
        self.bn1 = _batch_norm(64, rngs)
        self.layer1 = self._make_layer(64, layers[0], 1, rngs)
        self.layer2 = self._make_layer(128, layers[1], 2, rngs)
        self.layer3 = self._make_layer(256, layers[2], 2, rngs)
        self.layer4 = self._make_layer(512, layers[3], 2, rngs)
        # Flax's bias starts at zero (torch's: uniform); the suite loads shared weights anyway.
        self.fc = nnx.Linear(512 * Bottleneck.expansion, num_classes, rngs=rngs)

    def _make_layer(self, planes: int, blocks: int, stride: int, rngs: nnx.Rngs) -> nnx.List:
        downsample = None
        if stride != 1 or self.inplanes != planes * Bottleneck.expansion:
            downsample = nnx.List(
                [
                    nnx.Conv(
                        self.inplanes,
                        planes * Bottleneck.expansion,
                        (1, 1),
                        strides=stride,
                        use_bias=False,
                        kernel_init=KAIMING,
                        rngs=rngs,
                    ),
                    _batch_norm(planes * Bottleneck.expansion, rngs),
                ]
            )
        layers = [Bottleneck(self.inplanes, planes, stride, downsample, rngs=rngs)]
        self.inplanes = planes * Bottleneck.expansion
        layers += [Bottleneck(self.inplanes, planes, rngs=rngs) for _ in range(1, blocks)]
        return nnx.List(layers)

    def __call__(self, x: jax.Array) -> jax.Array:
        x = nnx.relu(self.bn1(self.conv1(x)))
        # torch's MaxPool2d(3, 2, padding=1) pads with −inf, as max_pool does
        x = nnx.max_pool(x, (3, 3), strides=(2, 2), padding=((1, 1), (1, 1)))
        for stage in (self.layer1, self.layer2, self.layer3, self.layer4):
            for block in stage:
                x = block(x)
        x = x.mean(axis=(1, 2))  # global average pooling over H and W (NHWC)
        return self.fc(x)


def resnet101(num_classes: int = 1000, *, rngs: nnx.Rngs | None = None) -> ResNet:
    """ResNet-101 as torchvision lays it out, randomly initialised (key 0 by default)."""
    return ResNet((3, 4, 23, 3), num_classes, rngs=nnx.Rngs(0) if rngs is None else rngs)


TORCH_NAMES = {"kernel": "weight", "scale": "weight", "mean": "running_mean", "var": "running_var"}
"""NNX variable name → torch's: ``Conv.kernel`` and ``BatchNorm.scale`` are ``weight``;
``BatchStat`` ``mean``/``var`` are the buffers ``running_mean``/``running_var``."""


TO_TORCH = {4: (3, 2, 0, 1), 2: (1, 0), 1: (0,)}
"""NNX layout → torch's, by rank: a convolution kernel (kh, kw, in, out) → (out, in, kh, kw),
``fc``'s kernel (in, out) → (out, in); vectors (biases, BatchNorm) as they are."""

TO_NNX = {rank: tuple(np.argsort(axes)) for rank, axes in TO_TORCH.items()}
"""torch layout → NNX's: the inverse permutations."""


def _to_torch_layout(value: np.ndarray | tuple[int, ...]) -> np.ndarray | tuple[int, ...]:
    """An array (or a shape) in NNX's layout, permuted into torch's."""
    if isinstance(value, tuple):
        return tuple(value[i] for i in TO_TORCH[len(value)])
    return value.transpose(TO_TORCH[value.ndim])


def _to_nnx_layout(value: np.ndarray) -> np.ndarray:
    """An array in torch's layout, permuted into NNX's."""
    return value.transpose(TO_NNX[value.ndim])


def _variables(model: nnx.Module) -> tuple[nnx.State, dict[str, nnx.Variable]]:
    """The model's Params and BatchStats, and each variable under its torch name."""
    state = nnx.state(model, nnx.Any(nnx.Param, nnx.BatchStat))
    named = {}
    for path, var in nnx.to_flat_state(state):
        *where, leaf = map(str, path)
        named[".".join([*where, TORCH_NAMES.get(leaf, leaf)])] = var
    return state, named


def load_state(model: nnx.Module, state: Mapping[str, np.ndarray]) -> nnx.Module:
    """Write the shared format (torch's ``state_dict`` names and layouts) into ``model``'s
    Params and BatchStats, each through :func:`_to_nnx_layout`; returns ``model``.

    Every name and shape is checked before anything is written.
    """
    own_state, own = _variables(model)
    problems = [f"{name}: missing" for name in own if name not in state]
    problems += [f"{name}: not in {type(model).__name__}" for name in state if name not in own]
    for name, var in own.items():
        want = _to_torch_layout(tuple(var.get_value().shape))  # abstract or real
        if name in state and np.shape(state[name]) != want:
            problems.append(f"{name}: expected shape {want}, got {np.shape(state[name])}")
    if problems:
        raise CaseInputError(
            f"cannot load the state into {type(model).__name__}: " + "; ".join(problems)
        )
    for name, var in own.items():
        value = np.asarray(_to_nnx_layout(np.asarray(state[name])), var.get_value().dtype)
        var.set_value(jax.device_put(value))  # JAX's default device (see jax.default_device)
    nnx.update(model, own_state)
    return model


def export_state(model: nnx.Module) -> dict[str, np.ndarray]:
    """The Params and BatchStats as NumPy copies in the shared format."""
    _, own = _variables(model)
    return {name: np.array(_to_torch_layout(np.asarray(var[...]))) for name, var in own.items()}


def _abstract(num_classes: int) -> ResNet:
    """ResNet-101 built by ``nnx.eval_shape``: the constructor runs abstractly, every variable
    a shape and dtype, no random weights drawn (torch's ``device="meta"``). Weights loaded into
    it are real arrays."""
    return nnx.eval_shape(lambda: resnet101(num_classes))


def param_count(*, num_classes: int) -> dict:
    """``print_params_count`` of a ResNet-101 that is never allocated (:func:`_abstract`): counting
    needs shapes, not 178 MB of random draws.

    Parameters are the ``nnx.Param`` variables; BatchNorm's running mean and variance are
    ``nnx.BatchStat`` variables, selected apart.
    """
    net = _abstract(num_classes)
    total, trainable = print_params_count(net)
    statistics = jax.tree.leaves(nnx.state(net, nnx.BatchStat))
    return {
        "parameters": np.int64(total),
        "trainable": np.int64(trainable),
        "statistics": np.int64(sum(s.size for s in statistics)),
        "n_parameter_tensors": len(jax.tree.leaves(nnx.state(net, nnx.Param))),
        "n_buffer_tensors": len(statistics),
        "n_buffer_elements": sum(s.size for s in statistics),
    }


def transfer(*, state: Mapping[str, np.ndarray], shown: tuple[str, ...]) -> dict:
    """The shared weights into a ResNet-101 and back out, unchanged.

    On the way in each convolution weight (out, in, kh, kw) becomes a kernel (kh, kw, in, out),
    ``fc.weight`` (out, in) a kernel (in, out), ``bn.weight`` the ``scale`` and the running
    statistics ``nnx.BatchStat``s; on the way out the reverse. Returns the ``shown`` tensors as they
    come back, how many of all of them come back bit for bit, and the layouts the model keeps. The
    model is built abstractly: its random initial weights would be overwritten anyway.
    """
    model = load_state(_abstract(state["fc.weight"].shape[0]), state)
    back = export_state(model)
    return {
        **{f"state.{name}": back[name] for name in shown},
        "unchanged": sum(np.array_equal(back[name], value) for name, value in state.items()),
        "conv1_layout": ",".join(map(str, model.conv1.kernel.shape)),
        "fc_layout": ",".join(map(str, model.fc.kernel.shape)),
    }


@nnx.jit
def _logits(model: ResNet, images: jax.Array) -> jax.Array:
    """One compiled forward pass; in train mode ``nnx.jit`` writes the updated BatchStats back
    into ``model``. Eval and train mode compile separately (the mode is static)."""
    return model(images)


def forward(*, x: jax.Array, state: Mapping[str, np.ndarray], device: str) -> dict:
    """Logits in eval mode and in train mode, and what one train-mode forward did to the last
    BatchNorm's running statistics.

    The images arrive NCHW, the shared format; Flax convolutions want NHWC. ``model.eval()`` sets
    ``use_running_average=True`` on every BatchNorm, ``model.train()`` uses the batch's statistics
    and updates the running ones, the batch variance taken *biased* (÷ n).
    """
    with jax.default_device(jax_device(device)):
        model = load_state(_abstract(state["fc.weight"].shape[0]), state)
    images = jnp.transpose(x, (0, 2, 3, 1))  # NCHW → NHWC
    model.eval()
    eval_logits = _logits(model, images)
    model.train()
    train_logits = _logits(model, images)
    last = model.layer4[-1].bn3
    return {
        "eval_logits": eval_logits,
        "train_logits": train_logits,
        "train_differs_from_eval": not bool(jnp.array_equal(eval_logits, train_logits)),
        "last_bn.running_mean": last.mean[...],
        "last_bn.running_var_biased": last.var[...],
    }


def _forward_setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
    """The eval-mode forward pass as a pure function of the ``nnx.split`` state: ``jit``
    compiles it with ``jax.jit``, ``eager`` runs it op by op. Images are made NHWC before
    timing (torch times NCHW as it arrives)."""
    with jax.default_device(jax_device(device)):
        model = load_state(_abstract(inputs["state"]["fc.weight"].shape[0]), inputs["state"])
    model.eval()
    graphdef, params = nnx.split(model)

    def predict(params: nnx.State, images: jax.Array) -> jax.Array:
        return nnx.merge(graphdef, params)(images)

    if mode not in (JIT, EAGER):
        raise ValueError(f"resnet.forward has no JAX mode {mode!r}; modes: jit, eager")
    images = jax.device_put(inputs["x"].transpose(0, 2, 3, 1), jax_device(device))
    return predict, (params, images)


TIMED = {"resnet.forward": {"forward": _forward_setup}}
