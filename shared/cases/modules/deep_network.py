from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.modules._numpy import network_outputs
from shared.cases.modules._weights import BATCH, network_inputs
from shared.names import pick

CASE = Case(
    "modules.deep_network",
    "DeepNetwork(in, hidden, classes, num_layers), fc_in without bias",
    (1229, 1286),
    "Depth is a constructor argument, so the network is built by a loop of nested Sequentials, "
    "and the checks run at two depths, 2 (size test) and 4 (size depth4), with logits and "
    "gradients equal to NumPy's at both. fc_in has no bias, as in the lesson.",
    differs="torch's layers.1.0.weight is NNX's layers.layers[1].layers[0].kernel, transposed.",
    takes=BATCH,
    takes_device=True,
    returns="As :meth:`first_network`, for ``DeepNetwork`` with ``num_layers`` hidden blocks.",
    ru=Text(
        title="DeepNetwork(in, hidden, classes, num_layers), fc_in без смещения",
        explanation="Глубина — аргумент конструктора, поэтому сеть строится в цикле из вложенных "
        "Sequential, и проверки идут на двух глубинах, 2 (размер test) и 4 (размер depth4); на "
        "обеих логиты и градиенты совпадают с NumPy. У fc_in нет смещения, как и в уроке.",
        differs="layers.1.0.weight в torch — это транспонированный "
        "layers.layers[1].layers[0].kernel в NNX.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """Depth 2 at ``test`` and ``lesson``; ``depth4`` is the lesson's second DeepNetwork."""
    batch, num_layers = pick(size, test=(8, 2), lesson=(4, 2), depth4=(8, 4))
    return {**network_inputs("deep", batch, rng, num_layers), "num_layers": num_layers}


def oracle(**inputs) -> Expected:
    return network_outputs("deep", **inputs)
