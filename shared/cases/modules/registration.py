from __future__ import annotations

import numpy as np

from shared.cases.model import Case, Text
from shared.names import pick

CASE = Case(
    "modules.registration",
    "What is and is not a parameter",
    (1000, 1076),
    "Registration decides what an optimizer sees, so a parameter that is not registered silently "
    "never trains. torch registers by how a value is assigned (an nn.Parameter, an nn.Module, "
    "register_buffer, the containers); NNX by its Variable type: nnx.Param is a parameter, "
    "nnx.BatchStat (or any Variable subclass) is state like a buffer, and a plain array attribute "
    "is state too, just no Param. Both count the same parameters under different names: NNX sorts "
    "them and says kernel and seq.layers.0 where torch says weight and seq.0.",
    differs="torch silently skips a plain list of parameters; NNX raises a ValueError and "
    "wants nnx.List / nnx.Dict.",
    expected={
        "torch": {
            "parameter_names": "weight,plist.0,pdict.a,mlist.0.weight,mlist.0.bias,"
            "mdict.head.weight,mdict.head.bias,seq.0.weight,seq.0.bias",
            "buffer_names": "running_mean",
            "n_params": 25,
            "plain_array_is_parameter": False,
            "plain_array_in_state": False,
            "python_list_error": "",
            "python_list_registered": False,
        },
        "jax": {
            "parameter_names": "mdict.head.bias,mdict.head.kernel,mlist.0.bias,"
            "mlist.0.kernel,pdict.a,plist.0,seq.layers.0.bias,seq.layers.0.kernel,weight",
            "buffer_names": "running_mean",
            "n_params": 25,
            "plain_array_is_parameter": False,
            "plain_array_in_state": True,
            "python_list_error": "ValueError",
            "python_list_registered": False,
        },
    },
    returns="A module holding one attribute of each kind; which ones are parameters or state.\n\n"
    "Returns observations: ``parameter_names`` and ``buffer_names`` (comma-joined, each "
    "framework's own names), ``n_params`` (elements), ``plain_array_is_parameter``, "
    "``plain_array_in_state``, ``python_list_error`` (what assigning a plain list of parameters "
    'raises, ``""`` if nothing) and ``python_list_registered``.',
    ru=Text(
        title="Что является параметром, а что нет",
        explanation="Регистрация решает, что увидит оптимизатор, поэтому незарегистрированный "
        "параметр молча никогда не обучается. torch регистрирует по тому, как значение присвоено "
        "(nn.Parameter, nn.Module, register_buffer, контейнеры), NNX — по типу Variable: "
        "nnx.Param — параметр, nnx.BatchStat (или любой подкласс Variable) — состояние, как "
        "буфер, и обычный массив в атрибуте — тоже состояние, просто не Param. Параметров в обоих "
        "одинаково, но имена разные: NNX их сортирует и пишет kernel и seq.layers.0 там, где "
        "torch пишет weight и seq.0.",
        differs="torch молча пропускает обычный список параметров; NNX выбрасывает ValueError и "
        "требует nnx.List / nnx.Dict.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    pick(size, test=None, lesson=None)
    return {}
