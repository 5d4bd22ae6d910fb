from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.modules._numpy import network_outputs
from shared.cases.modules._weights import BATCH, network_inputs
from shared.names import pick

CASE = Case(
    "modules.second_network",
    "MySecondNetwork: Sequential blocks",
    (1179, 1227),
    "nn.Sequential numbers its children (fc_in.0.weight); nnx.Sequential keeps them in a "
    "`layers` list (fc_in.layers[0].kernel). The seed's garbled text of this network is "
    "read as Linear+ReLU, Linear+ReLU, Linear.",
    differs="nn.Sequential numbers its children (fc_in.0.weight); nnx.Sequential keeps a list "
    "(fc_in.layers[0].kernel).",
    takes=BATCH,
    takes_device=True,
    returns="As :meth:`first_network`, for ``MySecondNetwork``.",
    ru=Text(
        title="MySecondNetwork: блоки из Sequential",
        explanation="nn.Sequential нумерует свои дочерние модули (fc_in.0.weight); nnx.Sequential "
        "хранит их в списке `layers` (fc_in.layers[0].kernel). Текст этой сети в нашей копии "
        "урока искажён; он прочитан как Linear+ReLU, Linear+ReLU, Linear.",
        differs="nn.Sequential нумерует дочерние модули (fc_in.0.weight); nnx.Sequential хранит "
        "их списком (fc_in.layers[0].kernel).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return network_inputs("second", pick(size, test=8, lesson=4), rng)


def oracle(**inputs) -> Expected:
    return network_outputs("second", **inputs)
