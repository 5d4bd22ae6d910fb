from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Case, Text
from shared.cases.modules._numpy import network_outputs
from shared.cases.modules._weights import BATCH, network_inputs
from shared.names import pick

CASE = Case(
    "modules.first_network",
    "MyFirstNetwork(64, 32, 2)",
    (1106, 1177),
    "Weights, not seeds, are shared: the two frameworks' initialisers draw different numbers even "
    "from one seed, so one set of NumPy parameters is loaded into both networks, and then logits, "
    "loss and gradients agree with a NumPy forward and backward pass. The layouts differ because "
    "the formula is written differently: torch computes x @ W.T, Flax x @ kernel.",
    differs="Linear.weight (out, in) vs Flax's kernel (in, out); backward() fills .grad, "
    "nnx.value_and_grad returns it.",
    takes=BATCH,
    takes_device=True,
    returns="``MyFirstNetwork`` with ``weights``: ``logits`` of ``x``, ``logits_ones`` of the "
    "lesson's ``ones((4, input_dim))``, the cross-entropy ``loss`` on ``labels`` and its gradient "
    "``grad.<name>`` for every parameter.",
    ru=Text(
        title="Моя первая нейронная сеть: MyFirstNetwork(64, 32, 2)",
        explanation="Общими являются веса, а не сиды: инициализаторы двух фреймворков даже из "
        "одного сида выдают разные числа, поэтому один набор параметров из NumPy загружается в "
        "обе сети, и после этого логиты, лосс и градиенты совпадают с прямым и обратным проходом "
        "на NumPy. Раскладки различаются потому, что формула записана по-разному: torch вычисляет "
        "x @ W.T, Flax — x @ kernel.",
        differs="Linear.weight в torch — (out, in), kernel во Flax — (in, out); backward() пишет "
        "в .grad, nnx.value_and_grad возвращает.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return network_inputs("first", pick(size, test=8, lesson=4), rng)


def oracle(**inputs) -> Expected:
    return network_outputs("first", **inputs)
