"""The lesson's MLPs as plain data: the shared weight format and the networks' inputs.

Weights, not seeds, are shared: every network case gets its parameters as NumPy arrays in one
neutral format, PyTorch's names and layouts (``fc_in.weight`` is (out, in); the Flax side
transposes it into its (in, out) ``kernel``). :func:`linear_layers` is that format's spec. The
cases of ``modules``, ``advanced`` and ``modes`` build their networks' inputs here.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shared.cases.model import INTEGERS, Arg

NETWORKS = ("first", "second", "deep")
"""``MyFirstNetwork``, ``MySecondNetwork``, ``DeepNetwork``."""

LESSON_DIMS = {"input_dim": 64, "hidden_dim": 32, "num_classes": 2}
"""The lesson's network (seed lines 1164–1170): 64 features, 32 hidden units, 2 classes."""

BATCH = {"x": Arg(("n", None)), "labels": Arg(("n",), INTEGERS)}
"""A batch's declared shapes: ``n`` samples of features, one class label each."""


class Linear(NamedTuple):
    """One ``Linear`` layer in the shared format: its torch name prefix and shape."""

    name: str
    in_features: int
    out_features: int
    bias: bool

    @property
    def shapes(self) -> dict[str, tuple[int, ...]]:
        weight = {f"{self.name}.weight": (self.out_features, self.in_features)}
        return weight | ({f"{self.name}.bias": (self.out_features,)} if self.bias else {})


def linear_layers(
    network: str, input_dim: int, hidden_dim: int, num_classes: int, num_layers: int = 2
) -> list[Linear]:
    """The network's ``Linear`` layers in forward order (a ReLU follows all but the last).

    The names are ``named_parameters()`` prefixes: ``nn.Sequential`` children are numbered, so
    ``MySecondNetwork.fc_in[0]`` is ``fc_in.0`` and ``DeepNetwork.layers[i][0]`` is
    ``layers.i.0``. ``DeepNetwork.fc_in`` has no bias (seed line 1238).
    """
    h = hidden_dim
    if network == "first":
        return [
            Linear("fc_in", input_dim, h, True),
            Linear("fc_hidden", h, h, True),
            Linear("fc_out", h, num_classes, True),
        ]
    if network == "second":
        return [
            Linear("fc_in.0", input_dim, h, True),
            Linear("fc_hidden.0", h, h, True),
            Linear("fc_out", h, num_classes, True),
        ]
    if network == "deep":
        return [
            Linear("fc_in.0", input_dim, h, False),
            *(Linear(f"layers.{i}.0", h, h, True) for i in range(num_layers)),
            Linear("fc_out", h, num_classes, True),
        ]
    raise ValueError(f"unknown network {network!r}; valid: {', '.join(NETWORKS)}")


def init_weights(layers: list[Linear], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """``nn.Linear``'s default init, U(−1/√in, 1/√in), made by NumPy for both frameworks."""
    weights = {}
    for layer in layers:
        bound = 1 / np.sqrt(layer.in_features)
        for name, shape in layer.shapes.items():
            weights[name] = rng.uniform(-bound, bound, shape).astype(np.float32)
    return weights


def batch_inputs(rng: np.random.Generator, batch: int, input_dim: int, num_classes: int) -> dict:
    """A batch of standard-normal features and uniformly drawn class labels."""
    return {
        "x": rng.standard_normal((batch, input_dim)).astype(np.float32),
        "labels": rng.integers(0, num_classes, batch).astype(np.int32),
    }


def network_inputs(network: str, batch: int, rng: np.random.Generator, num_layers: int = 2) -> dict:
    """One of the lesson's networks at its own dimensions, with a batch and weights."""
    layers = linear_layers(network, **LESSON_DIMS, num_layers=num_layers)
    return {
        **batch_inputs(rng, batch, LESSON_DIMS["input_dim"], LESSON_DIMS["num_classes"]),
        "weights": init_weights(layers, rng),
        **LESSON_DIMS,
    }


def network(rng: np.random.Generator, *dims: int) -> dict:
    """The lesson's ``DeepNetwork(*dims)``, dims = (input_dim, hidden_dim, num_classes,
    num_layers), with weights in the shared format."""
    return {"weights": init_weights(linear_layers("deep", *dims), rng), "dims": dims}
