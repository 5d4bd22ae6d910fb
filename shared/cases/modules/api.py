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
    "parameters()/buffers() are nnx.state(model, nnx.Param) and nnx.state(model, "
    "nnx.BatchStat). requires_grad_(False) is a flag on a torch parameter; NNX has no flag "
    "and instead picks what to differentiate per call (nnx.DiffState filter, an "
    "optimizer's wrt=). .to(device, dtype) is a map over nnx.state put back with "
    "nnx.update. train()/eval() exist in both and switch Dropout and BatchNorm. Careful: "
    "BatchNorm's momentum means opposite things — torch's 0.1 is the weight of the new "
    "batch in the running mean, NNX's 0.99 the weight of the old value (new batch: 0.01).",
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
        explanation="parameters()/buffers() — это nnx.state(model, nnx.Param) и nnx.state(model, "
        "nnx.BatchStat). requires_grad_(False) — флаг на параметре torch; в NNX флага нет, и "
        "вместо него при каждом вызове выбирают, по чему дифференцировать (фильтр nnx.DiffState, "
        "wrt= оптимизатора). .to(device, dtype) — это функция, применённая ко всем массивам из "
        "nnx.state и записанная обратно через nnx.update. train()/eval() есть в обоих и "
        "переключают Dropout и BatchNorm. Осторожно: momentum в BatchNorm означает "
        "противоположные вещи — 0.1 в torch — это вес нового батча в скользящем среднем, 0.99 в "
        "NNX — вес старого значения (новому батчу достаётся 0.01).",
        differs="torch: методы и флаги requires_grad; NNX: фильтры nnx.state. momentum в "
        "BatchNorm значит противоположное: 0.1 и 0.99.",
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
