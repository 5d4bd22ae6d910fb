from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from shared.answers import Deep
from shared.cases.model import Arg, Bench, Case, Text
from shared.cases.resnet._layout import IN_CHANNELS
from shared.cases.resnet._numpy import run_network
from shared.cases.resnet._state import calibrated_state
from shared.names import pick

CASE = Case(
    "resnet.forward",
    "ResNet-101's forward pass, model.eval() and model.train()",
    (1286, 1297),
    "The same weights give the same logits in both frameworks, in eval mode (BatchNorm uses its "
    "running statistics) and in train mode (the batch's statistics, so the logits change). A "
    "train-mode forward also updates the running statistics, by one rule in both, new = 0.9·old + "
    "0.1·batch (torch's momentum=0.1 is Flax's momentum=0.9), but with batch variances that "
    "differ by a factor n/(n − 1): nothing for a large batch, a visible drift for a small one. "
    "The logits are judged by the float32 error a third implementation (NumPy in float32) makes "
    "on the same network and input: a worst-case bound is useless after 104 convolutions.",
    differs="NCHW vs NHWC images; running variance updated with ÷ (n − 1) in torch, ÷ n in Flax.",
    expected={
        "torch": {"train_differs_from_eval": True},
        "jax": {"train_differs_from_eval": True},
    },
    only={
        "last_bn.running_var_unbiased": "torch",
        "last_bn.running_var_biased": "jax",
    },
    dtypes={
        "last_bn.running_var_unbiased": "float32",
        "last_bn.running_var_biased": "float32",
    },
    takes={"x": Arg(("n", 3, None, None), ("float32",))},
    run_size="lesson",
    bench=Bench(
        variants={"forward": "ResNet-101 inference (eval mode) on NCHW/NHWC images"},
        sizes=("test", "lesson"),
        # A batch of 8 is a scaling point (`--size sweep`), not the lesson's single image:
        # its calls take about a second each, a minute and a half of the default run.
        sweep=("batch8",),
        rounds=3,
    ),
    takes_device=True,
    returns="ResNet-101 with ``state`` on images ``x``: ``eval_logits``, ``train_logits``, "
    "``train_differs_from_eval`` and, after the train-mode pass, the last BatchNorm's "
    "``last_bn.running_mean`` and running variance (``last_bn.running_var_unbiased`` in torch, "
    "``last_bn.running_var_biased`` in JAX).",
    ru=Text(
        title="Прямой проход ResNet-101, model.eval() и model.train()",
        explanation="Одинаковые веса дают одинаковые логиты в обоих фреймворках — в режиме eval "
        "(BatchNorm берёт скользящие статистики) и в режиме train (статистики батча, поэтому "
        "логиты меняются). Прямой проход в режиме train ещё и обновляет скользящие статистики — в "
        "обоих по одному правилу new = 0.9·old + 0.1·batch (momentum=0.1 в torch — это "
        "momentum=0.9 во Flax), но с дисперсиями батча, которые отличаются в n/(n − 1) раз: для "
        "большого батча это ничто, для маленького — заметный дрейф. Логиты сверяются с учётом "
        "ошибки float32, которую на той же сети и том же входе делает третья реализация (NumPy во "
        "float32): оценка худшего случая после 104 свёрток ничего не говорит.",
        differs="Изображения NCHW против NHWC; скользящая дисперсия обновляется с делением на "
        "n − 1 в torch и на n во Flax.",
    ),
)


IMAGE = {"test": (2, 64), "lesson": (1, 224), "batch8": (8, 224)}
"""(batch, height = width): tests at 64×64 (layer4 then works on 2×2 maps), the lesson's
ImageNet size 224×224 with one image, and a batch of eight for the benchmark."""

MOMENTUM = 0.1
"""The share of a new batch in a running statistic (torch's ``momentum``; Flax's 0.9)."""

LAST_BN = "layer4.2.bn3"
"""The BatchNorm whose running statistics the forward case reports: the deepest one, where a
batch holds the fewest values per channel, so ÷ n and ÷ (n − 1) differ most."""


def inputs(size: str, rng: np.random.Generator) -> dict:
    batch, image = pick(size, **IMAGE)
    return {
        "x": rng.standard_normal((batch, IN_CHANNELS, image, image)).astype(np.float32),
        "state": calibrated_state(rng, image),
    }


def _update(old: np.ndarray, batch: np.ndarray) -> np.ndarray:
    return (1 - MOMENTUM) * old + MOMENTUM * batch


def oracle(*, x: np.ndarray, state: Mapping[str, np.ndarray]) -> dict[str, Deep]:
    """Both modes in float64 and float32; the running statistics after the train-mode pass,
    the variance updated as torch does (unbiased, ÷ (n − 1)) and as Flax does (biased, ÷ n)."""
    out: dict[type, dict[str, np.ndarray]] = {}
    for dtype in (np.float64, np.float32):
        eval_logits, _ = run_network(state, x, train=False, dtype=dtype)
        train_logits, seen = run_network(state, x, train=True, dtype=dtype)
        mean, var, n = seen[LAST_BN]
        old_mean = np.asarray(state[f"{LAST_BN}.running_mean"], dtype)
        old_var = np.asarray(state[f"{LAST_BN}.running_var"], dtype)
        out[dtype] = {
            "eval_logits": eval_logits,
            "train_logits": train_logits,
            "last_bn.running_mean": _update(old_mean, mean),
            "last_bn.running_var_unbiased": _update(old_var, var * n / (n - 1)),
            "last_bn.running_var_biased": _update(old_var, var),
        }
    return {k: Deep(v, out[np.float32][k]) for k, v in out[np.float64].items()}
