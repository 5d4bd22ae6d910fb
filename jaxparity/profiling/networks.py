"""The networks profiled, and their inputs as NumPy arrays both frameworks receive.

Three points on the lesson's argument: its own tiny MLP (where a forward pass is a few
microseconds of arithmetic and many more of dispatch), the same family at a width where the
products are large, and a convolutional network of the kind the table's numbers are about.
Both frameworks get the same weights, made by NumPy in torch's layout (the JAX side
transposes them): the MLPs those of ``shared.cases.modules._weights``, ResNet-101 those of
``shared.cases.resnet._layout`` with its BatchNorm running statistics left at their initial 0 and 1
(calibrating them takes a NumPy forward pass of seconds, and timing does not depend on them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from shared.cases import UnknownNameError
from shared.cases.modules._weights import init_weights, linear_layers
from shared.cases.resnet._layout import init_state
from shared.data import inputs as case_inputs


@dataclass(frozen=True)
class Network:
    id: str
    code: str
    """How the lesson's code builds it."""
    input_shape: tuple[int, ...]
    """torch's input shape (an image batch NCHW; the JAX side makes it NHWC)."""


LESSON_MLP = Network("lesson_mlp", "MyFirstNetwork(64, 32, 2)", (4, 64))
WIDE_MLP = Network("wide_mlp", "DeepNetwork(64, 2048, 2, num_layers=2)", (256, 64))
RESNET101 = Network("resnet101", "resnet101()", (1, 3, 224, 224))
NETWORKS: dict[str, Network] = {n.id: n for n in (LESSON_MLP, WIDE_MLP, RESNET101)}
ALL, NONE = "all", "none"


def select(text: str) -> list[str]:
    """``--profile``'s value as network ids: ``all``, ``none`` or comma-separated ids (in
    :data:`NETWORKS`' order); an unknown id raises ``UnknownNameError``."""
    if text.strip() in (ALL, NONE):
        return list(NETWORKS) if text.strip() == ALL else []
    asked = [name.strip() for name in text.split(",")]
    for name in asked:
        if name not in NETWORKS:
            raise UnknownNameError("network", name, [*NETWORKS, ALL, NONE])
    return [n for n in NETWORKS if n in asked]


WIDE_DIMS = {"input_dim": 64, "hidden_dim": 2048, "num_classes": 2, "num_layers": 2}


def inputs(network: Network, seed: int = 0) -> dict[str, object]:
    """``x`` (torch's layout) and the shared weights: the MLPs' ``weights`` and dimensions
    (the lesson's MLP with the lesson's own batch), ResNet-101's ``state``."""
    if network.id == LESSON_MLP.id:
        lesson = case_inputs("modules.first_network", "lesson", seed)
        return {k: lesson[k] for k in ("x", "weights", "input_dim", "hidden_dim", "num_classes")}
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(network.input_shape).astype(np.float32)
    if network.id == WIDE_MLP.id:
        weights = init_weights(linear_layers("deep", **WIDE_DIMS), rng)
        return {"x": x, "weights": weights, **WIDE_DIMS}
    return {"x": x, "state": init_state(rng)}
