"""Seeded inputs for the modules cases (one function per case name).

Weights, not seeds, are shared: every network case gets its parameters as NumPy arrays in one
neutral format, PyTorch's names and layouts (``fc_in.weight`` is (out, in); the Flax side
transposes it into its (in, out) ``kernel``). :func:`linear_layers` is that format's spec.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from shared.cases.modules import SWEEP_SIZES
from shared.data import pick

NETWORKS = ("first", "second", "deep")
"""``MyFirstNetwork``, ``MySecondNetwork``, ``DeepNetwork``."""

LESSON_DIMS = {"input_dim": 64, "hidden_dim": 32, "num_classes": 2}
"""The lesson's network (seed lines 1164–1170): 64 features, 32 hidden units, 2 classes."""


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


def _batch(rng: np.random.Generator, batch: int, input_dim: int, num_classes: int) -> dict:
    return {
        "x": rng.standard_normal((batch, input_dim)).astype(np.float32),
        "labels": rng.integers(0, num_classes, batch).astype(np.int32),
    }


def _network(network: str, batch: int, rng: np.random.Generator, num_layers: int = 2) -> dict:
    layers = linear_layers(network, **LESSON_DIMS, num_layers=num_layers)
    return {
        **LESSON_DIMS,
        **_batch(rng, batch, LESSON_DIMS["input_dim"], LESSON_DIMS["num_classes"]),
        "weights": init_weights(layers, rng),
    }


def identity(size: str, rng: np.random.Generator) -> dict:
    return {"x": rng.standard_normal(pick(size, test=(3, 5), lesson=(3, 5))).astype(np.float32)}


def registration(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return {}


def api(size: str, rng: np.random.Generator) -> dict:
    batch, features, out = pick(size, test=(4, 8, 3), lesson=(4, 8, 3))
    linear = init_weights([Linear("linear", features, out, True)], rng)
    return {
        "x": rng.standard_normal((batch, features)).astype(np.float32),
        "weight": linear["linear.weight"],
        "bias": linear["linear.bias"],
    }


def param_count(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return dict(LESSON_DIMS)


def first_network(size: str, rng: np.random.Generator) -> dict:
    return _network("first", pick(size, test=8, lesson=4), rng)


def second_network(size: str, rng: np.random.Generator) -> dict:
    return _network("second", pick(size, test=8, lesson=4), rng)


def deep_network(size: str, rng: np.random.Generator) -> dict:
    """Depth 2 at ``test`` and ``lesson``; ``depth4`` is the lesson's second DeepNetwork."""
    batch, num_layers = pick(size, test=(8, 2), lesson=(4, 2), depth4=(8, 4))
    return {"num_layers": num_layers, **_network("deep", batch, rng, num_layers)}


class TrainSize(NamedTuple):
    """A point of the training benchmark, named like ``b64_w256_d4``."""

    batch: int
    width: int
    depth: int

    @classmethod
    def parse(cls, name: str) -> TrainSize:
        match = re.fullmatch(r"b(\d+)_w(\d+)_d(\d+)", name)
        if match is None:
            raise ValueError(f"a sweep size looks like 'b64_w256_d4', not {name!r}")
        return cls(*map(int, match.groups()))


TRAIN_STEPS = 3
LEARNING_RATE = 0.1


def train_step(size: str, rng: np.random.Generator) -> dict:
    """A DeepNetwork and a batch; ``test``/``lesson`` and the sweep points of the benchmark."""
    point = pick(
        size,
        test=TrainSize(8, 16, 2),
        lesson=TrainSize(4, 32, 2),
        **{name: TrainSize.parse(name) for name in SWEEP_SIZES},
    )
    dims = {**LESSON_DIMS, "hidden_dim": point.width, "num_layers": point.depth}
    return {
        **dims,
        **_batch(rng, point.batch, dims["input_dim"], dims["num_classes"]),
        "weights": init_weights(linear_layers("deep", **dims), rng),
        "steps": TRAIN_STEPS,
        "lr": LEARNING_RATE,
    }
