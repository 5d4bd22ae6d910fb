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
    "Sequential blocks change a network's parameter names, and names are what weights are saved "
    "and loaded by: moving torch weights into Flax (or back) means mapping one naming onto the "
    "other, as this project's weight loader does. The seed's garbled text of this network is read "
    "as Linear+ReLU, Linear+ReLU, Linear.",
    differs="nn.Sequential numbers its children (fc_in.0.weight); nnx.Sequential keeps a list "
    "(fc_in.layers[0].kernel).",
    takes=BATCH,
    takes_device=True,
    returns="As :meth:`first_network`, for ``MySecondNetwork``.",
    ru=Text(
        title="MySecondNetwork: блоки из Sequential",
        explanation="Блоки Sequential меняют имена параметров сети, а по именам веса сохраняются "
        "и загружаются: перенести веса torch во Flax (или обратно) — значит отобразить одни имена "
        "на другие, как это делает загрузчик весов в этом проекте. Текст этой сети в нашей копии "
        "урока искажён; он прочитан как Linear+ReLU, Linear+ReLU, Linear.",
        differs="nn.Sequential нумерует дочерние модули (fc_in.0.weight); nnx.Sequential хранит "
        "их списком (fc_in.layers[0].kernel).",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return network_inputs("second", pick(size, test=8, lesson=4), rng)


def oracle(**inputs) -> Expected:
    return network_outputs("second", **inputs)
