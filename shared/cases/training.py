"""The lesson's conclusion (seed lines 1300–1305), measured: «Jax позволяет обучать модели
быстрее благодаря оптимизации и компиляции, но требует … большого количества вычислительных
ресурсов». The lesson's ``DeepNetwork`` trained on a real data set to a test accuracy, in both
frameworks, judged step by step; timed as a user trains (``bench/test_train_to_accuracy.py``)
and in the paired harness (``step``, ``epoch``).

Its Russian texts live here too (``RU``), merged into ``shared.cases.ru``.
"""

from shared.cases import ru
from shared.cases.model import INTEGERS, Arg, Bench, Case
from shared.cases.ru import Text
from shared.run_modes import COMPILE, EAGER, JIT, JIT_GRAD, NNX_JIT, SCAN

TARGET_ACCURACY = 0.94
"""The test accuracy training runs to: both widths cross it clearly within their epoch bound
(several images above it, the epoch before well below: ``shared.oracles.training`` says when),
so one image that rounding flips does not change the epoch a run stops at."""

LEARNING_RATE = 0.02
MOMENTUM = 0.9
"""``torch.optim.SGD(lr, momentum=0.9)`` and ``optax.sgd(lr, momentum=0.9)``: the same update,
``v ← 0.9·v + g; p ← p − lr·v`` (no dampening, no Nesterov, no weight decay; ``v`` starts at 0
in optax and at the first gradient in torch, the same thing). Plain SGD with momentum rather
than Adam: Adam divides by √v, so a gradient component that rounding decides (a sum that
nearly cancels) becomes a whole step of ±lr. And lr 0.02, where this training is stable: from
0.04 up (0.03 at the edge), float32 and float64 runs of the very same training part within a
few epochs (their losses differ by 0.1–0.7, measured with the NumPy oracle), and no
framework's float32 run could be judged against float64 at all."""

TO_ACCURACY = "to_accuracy"
"""The variant name of the runs timed as a user trains, one fresh process each: their rows
(``bench.jsonl``, ``summary.json``) carry it beside the harness's ``step`` and ``epoch``."""

TO_ACCURACY_MODES = {"torch": (EAGER, COMPILE), "jax": (JIT, NNX_JIT, SCAN)}
"""How each framework trains to accuracy (``bench/to_accuracy.py``): eager torch and
``torch.compile`` of the step; JAX's pure step under ``jax.jit``, the ``nnx.jit`` step over
module and ``nnx.Optimizer`` as a student writes it, and each epoch one compiled ``lax.scan``
(which torch on a CPU has no counterpart for)."""

CASES = [
    Case(
        "training.to_accuracy",
        "(beyond the lesson) DeepNetwork trained on scikit-learn's digits to a test accuracy",
        (1300, 1305),
        "The lesson's DeepNetwork(64, hidden, 10, 2) learns the 8×8 handwritten digits that "
        "ship with scikit-learn (64 pixels: the lesson's input_dim) with SGD, learning rate "
        f"{LEARNING_RATE:g}, momentum {MOMENTUM:g}: "
        "torch.optim.SGD in torch, optax.sgd in JAX, from the same initial weights over the "
        "same shuffled batches (index arrays drawn by NumPy, not by either framework's "
        "generator). torch's loop mutates the model in place (zero_grad, backward, step); "
        "the JAX loop calls an nnx.jit step that updates the module and its nnx.Optimizer. "
        "Every step's loss is judged against a float64 NumPy training of the same run, within "
        "3× the distance NumPy's own float32 training strays from it; the test images "
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
    ),
]

RU = {
    "training.to_accuracy": Text(
        title="(вне урока) DeepNetwork, обученная на цифрах из `scikit-learn` до заданной "
        "точности",
        explanation="DeepNetwork(64, hidden, 10, 2) из урока учится распознавать рукописные "
        "цифры 8×8, которые поставляются вместе со `scikit-learn` (64 пикселя — это и есть "
        "input_dim из урока), стохастическим градиентным спуском с шагом "
        f"{LEARNING_RATE:g} и моментом {MOMENTUM:g}: "
        "torch.optim.SGD в torch, optax.sgd в "
        "JAX, с одинаковых начальных весов по одним и тем же перемешанным батчам (массивы "
        "индексов задаёт NumPy, а не генератор одного из фреймворков). Цикл обучения в torch "
        "меняет модель на месте (zero_grad, backward, step); в JAX цикл вызывает шаг под "
        "nnx.jit, который обновляет модуль и его nnx.Optimizer. Лосс каждого шага сверяется с "
        "обучением того же прогона на NumPy во float64 с допуском втрое больше, чем "
        "отклоняется от него обучение на NumPy во float32; число верно распознанных тестовых "
        "изображений после каждой эпохи может отличаться на одно (почти равные логиты двух "
        "классов во float32 могут перевесить в любую сторону). Замер — как обучает "
        "пользователь: отдельный процесс на каждый фреймворк и режим, с компиляцией и подачей "
        f"батчей, пока точность на тесте не дойдёт до {100 * TARGET_ACCURACY:g} %.",
        differs="optimizer.step() меняет параметры torch на месте; шаг под nnx.jit вычисляет "
        "новые и записывает их обратно.",
    ),
}
"""The case's Russian texts, added to ``shared.cases.ru.RU`` here (``ru`` cannot import this
module: this one needs its ``Text``)."""
ru.RU.update(RU)
