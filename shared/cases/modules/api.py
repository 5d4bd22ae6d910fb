from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.modules._numpy import BATCHNORM_EPS
from shared.cases.modules._weights import Linear, init_weights
from shared.names import pick

CASE = Case(
    "modules.api",
    "parameters, named_parameters, buffers, requires_grad_, to, train/eval",
    (1052, 1076),
    "Each method the lesson lists has an NNX counterpart: parameters()/buffers() are nnx.state "
    "with the nnx.Param / nnx.BatchStat filter, requires_grad_(False) is a filter chosen per call "
    "(nnx.DiffState, an optimizer's wrt=), .to(device, dtype) is a function applied to every "
    "array of the state, and train()/eval() exist in both. The trap is BatchNorm's momentum: "
    "torch's 0.1 is the weight of the new batch in the running mean, NNX's 0.99 the weight of the "
    "old value (new batch: 0.01), so the number cannot be carried from one framework to the "
    "other.",
    differs="torch: methods, requires_grad flags; NNX: nnx.state filters. BatchNorm momentum "
    "means opposite things.",
    expected={
        "torch": {
            "n_parameter_tensors": 4,
            "parameter_names": "0.weight,0.bias,1.weight,1.bias",
            "buffer_names": "1.running_mean,1.running_var,1.num_batches_tracked",
            "eval_deterministic": True,
            "train_deterministic": False,
            "frozen_grad_is_none": True,
            "bn_new_batch_weight": "0.1",
            "moved_dtype": "bfloat16",
            "moved_on_device": True,
        },
        "jax": {
            "n_parameter_tensors": 4,
            "parameter_names": "layers.0.bias,layers.0.kernel,layers.1.bias,layers.1.scale",
            "buffer_names": "layers.1.mean,layers.1.var",
            "eval_deterministic": True,
            "train_deterministic": False,
            "frozen_grad_is_none": True,
            "bn_new_batch_weight": "0.01",
            "moved_dtype": "bfloat16",
            "moved_on_device": True,
        },
    },
    takes={"x": Arg(("n", "in")), "weight": Arg(("out", "in")), "bias": Arg(("out",))},
    takes_device=True,
    returns="``Linear(weight, bias) → BatchNorm → Dropout(0.5)`` through the module API.\n\n"
    "Returns ``eval_output`` (eval mode: running statistics, no dropout), the observations "
    "``n_parameter_tensors``, ``parameter_names``, ``buffer_names``, ``eval_deterministic``, "
    "``train_deterministic``, ``frozen_grad_is_none`` (the first layer frozen, then a gradient "
    "taken), ``bn_new_batch_weight`` (the share of a new batch in the running mean) and, after "
    "moving to ``device`` as bfloat16, ``moved_dtype`` and ``moved_on_device``.",
    ru=Text(
        title="Методы модуля: parameters, named_parameters, buffers, requires_grad_, to, "
        "train/eval",
        explanation="У каждого метода из урока есть аналог в NNX: parameters()/buffers() — это "
        "nnx.state с фильтром nnx.Param / nnx.BatchStat, requires_grad_(False) — фильтр, который "
        "выбирают при каждом вызове (nnx.DiffState, wrt= оптимизатора), .to(device, dtype) — "
        "функция, применённая ко всему состоянию, а train()/eval() есть в обоих. Ловушка — "
        "momentum в BatchNorm: 0.1 в torch — это вес нового батча в скользящем среднем, 0.99 в "
        "NNX — вес старого значения (новому батчу достаётся 0.01), так что переносить это число "
        "из одного фреймворка в другой нельзя.",
        differs="torch: методы и флаги requires_grad; NNX: фильтры nnx.state. momentum в "
        "BatchNorm значит противоположное.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    batch, features, out = pick(size, test=(4, 8, 3), lesson=(4, 8, 3))
    linear = init_weights([Linear("linear", features, out, True)], rng)
    return {
        "x": rng.standard_normal((batch, features)).astype(np.float32),
        "weight": linear["linear.weight"],
        "bias": linear["linear.bias"],
    }


def oracle(*, x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> Expected:
    # Eval mode: a fresh BatchNorm's running statistics (mean 0, variance 1); no dropout.
    return {"eval_output": (x @ weight.T + bias) / np.sqrt(1 + BATCHNORM_EPS)}
