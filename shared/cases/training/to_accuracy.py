from __future__ import annotations

import numpy as np

from shared.answers import Count, Deep
from shared.cases.model import INTEGERS, Arg, Bench, Case, Text
from shared.cases.modules._weights import init_weights, linear_layers
from shared.cases.training._answers import NEAR_TIE, train
from shared.cases.training._inputs import (
    NUM_LAYERS,
    SIZES,
    TEST_IMAGES,
    TrainSize,
    batch_order,
    digits,
    split,
)
from shared.cases.training._record import LEARNING_RATE, MOMENTUM, TARGET_ACCURACY
from shared.names import pick
from shared.run_modes import COMPILE, EAGER, JIT, JIT_GRAD, NNX_JIT, SCAN
from shared.tolerances import DEEP_FACTOR

CASE = Case(
    "training.to_accuracy",
    "(beyond the lesson) DeepNetwork trained on scikit-learn's digits to a test accuracy",
    (1300, 1305),
    "The lesson's DeepNetwork(64, hidden, 10, 2) learns the 8×8 handwritten digits that "
    "ship with scikit-learn (64 pixels: the lesson's input_dim) with SGD, learning rate "
    f"{LEARNING_RATE:g}, momentum {MOMENTUM:g}: "
    "torch.optim.SGD in torch, optax.sgd in JAX, from the same initial weights over the "
    "same shuffled batches (index arrays drawn by NumPy, not by either framework's "
    "generator). Every step's loss is judged against a float64 NumPy training of the same "
    f"run, within {DEEP_FACTOR:g}× the distance NumPy's own float32 training strays from it; "
    "the test images "
    "classified right after each epoch may differ by one image (a near tie of two logits "
    "can go either way in float32). Timed as a user trains, in a fresh process per "
    "framework and mode, compilation and batch feeding included, until the test accuracy "
    f"reaches {100 * TARGET_ACCURACY:g} %.",
    differs="optimizer.step() changes torch's parameters in place; the nnx.jit step computes "
    "new ones and writes them back.",
    takes={
        "x_train": Arg(("n", "features"), ("float32",)),
        "y_train": Arg(("n",), INTEGERS),
        "x_test": Arg(("m", "features"), ("float32",)),
        "y_test": Arg(("m",), INTEGERS),
        "order": Arg((None, None, None), INTEGERS),
    },
    dtypes={"correct": {"torch": "int64", "jax": "int32"}},
    bench=Bench(
        variants={
            "step": "one SGD-with-momentum step of DeepNetwork on one batch of digits",
            "epoch": "one epoch: every batch of the order, gathered from the training set",
        },
        sizes=("test", "lesson", "wide"),
        modes={"torch": (EAGER, COMPILE), "jax": (JIT, EAGER, NNX_JIT, JIT_GRAD, SCAN)},
    ),
    takes_device=True,
    returns="``DeepNetwork`` trained from ``weights`` with SGD (``lr``, ``momentum``) on the "
    "batches ``x_train[order[epoch, step]]``, every epoch of ``order``: ``losses`` (one per step, "
    "before its update), ``correct`` (test images classified right after each epoch) and "
    "``param.<name>`` after the last step.",
    ru=Text(
        title="(вне урока) DeepNetwork, обученная на цифрах из `scikit-learn` до заданной точности",
        explanation="DeepNetwork(64, hidden, 10, 2) из урока учится распознавать рукописные "
        "цифры 8×8, которые поставляются вместе со `scikit-learn` (64 пикселя — это и есть "
        "input_dim из урока), стохастическим градиентным спуском с шагом "
        f"{LEARNING_RATE:g} и моментом {MOMENTUM:g}: "
        "torch.optim.SGD в torch, optax.sgd в "
        "JAX, с одинаковых начальных весов по одним и тем же перемешанным батчам (массивы "
        "индексов задаёт NumPy, а не генератор одного из фреймворков). Функция потерь на каждом "
        "шаге сверяется с обучением того же прогона на NumPy во float64 с допуском в "
        f"{DEEP_FACTOR:g} раза больше, чем отклоняется от него обучение на NumPy во float32; "
        "число верно распознанных тестовых "
        "изображений после каждой эпохи может отличаться на одно (почти равные логиты двух "
        "классов во float32 могут перевесить в любую сторону). Замер — как обучает "
        "пользователь: отдельный процесс на каждый фреймворк и режим, с компиляцией и подачей "
        f"батчей, пока точность на тесте не дойдёт до {100 * TARGET_ACCURACY:g} %.",
        differs="optimizer.step() меняет параметры torch на месте; шаг под nnx.jit вычисляет "
        "новые и записывает их обратно.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """The training set, test set, batch order and initial weights of one size."""
    s: TrainSize = pick(size, **SIZES)
    dims = {"input_dim": 64, "hidden_dim": s.hidden_dim, "num_classes": 10}
    weights = init_weights(linear_layers("deep", **dims, num_layers=NUM_LAYERS), rng)
    pixels, labels = digits()
    train, test = split(labels, TEST_IMAGES, rng)
    train, test = train[: s.train_images], test[: s.test_images]
    return {
        **dims,
        "num_layers": NUM_LAYERS,
        "x_train": pixels[train],
        "y_train": labels[train],
        "x_test": pixels[test],
        "y_test": labels[test],
        "order": batch_order(len(train), s.batch, s.epochs, rng),
        "weights": weights,
        "lr": LEARNING_RATE,
        "momentum": MOMENTUM,
    }


def oracle(**inputs: object) -> dict[str, Deep | Count]:
    """Per-step losses and final parameters judged by float32's spread on this training; the
    per-epoch test accuracy within one image of float64's."""
    exact = train(**inputs, dtype=np.float64)  # type: ignore[arg-type]
    rounded = train(**inputs, dtype=np.float32)  # type: ignore[arg-type]
    out: dict[str, Deep | Count] = {
        k: Deep(v, rounded[k]) for k, v in exact.items() if k != "correct"
    }
    out["correct"] = Count(exact["correct"], 1, NEAR_TIE)
    return out
