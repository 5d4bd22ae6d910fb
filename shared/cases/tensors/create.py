from __future__ import annotations

import numpy as np

from shared.answers import Expected, Stat
from shared.cases.model import Case, Text
from shared.names import pick

CASE = Case(
    "tensors.create",
    "zeros, ones with a dtype, and standard-normal random tensors",
    (202, 212),
    "zeros and ones with a dtype are the same calls in both frameworks. Random tensors cannot be "
    "compared value for value: from the same seed the two generators give different streams. So "
    "randn is judged by its shape and dtype, and each generator by the mean and standard "
    "deviation of a separate large sample (tensors.random_seeding shows how seeding itself "
    "differs).",
    differs="torch.randn draws from a hidden global generator; jax.random.normal(key, shape) "
    "needs an explicit key.",
    dtypes={"zeros": "float32", "ones": "int32", "randn": "float32"},
    unchecked={
        "randn": "random draws: the two generators' streams differ, so only its shape and "
        "dtype are compared; sample_mean and sample_std judge the distribution",
    },
    returns="``zeros``/``ones(int32)``/``randn`` of ``shape``; moments of ``sample_size`` "
    "draws.\n\n"
    "Returns ``zeros``, ``ones``, ``randn`` (its dtype and shape judged, not its values), "
    "``sample_mean`` and ``sample_std`` of a large standard-normal sample.",
    ru=Text(
        title="zeros, ones с заданным dtype и случайные тензоры из стандартного нормального "
        "распределения",
        explanation="zeros и ones с заданным типом данных — одни и те же вызовы в обоих "
        "фреймворках. Случайные тензоры по значениям не сравнить: из одного и того же сида "
        "генераторы двух фреймворков выдают разные последовательности. Поэтому у randn "
        "проверяются форма и тип данных, а каждый генератор — по среднему и стандартному "
        "отклонению отдельной большой выборки (чем различается само задание сида, показывает кейс "
        "tensors.random_seeding).",
        differs="torch.randn берёт числа из скрытого глобального генератора; "
        "jax.random.normal(key, shape) требует явного ключа.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {
        "shape": pick(size, test=(5, 7), lesson=(5, 7)),
        "sample_size": pick(size, test=200_000, lesson=1_000_000),
        "seed": int(rng.integers(2**31)),
    }


def oracle(*, shape: tuple[int, ...], sample_size: int, seed: int) -> Expected:
    se = 1 / np.sqrt(sample_size)
    return {
        "zeros": np.zeros(shape, np.float32),
        "ones": np.ones(shape, np.int32),
        # 6 standard errors: a correct generator fails this about once in 10⁹ seeds.
        "sample_mean": Stat(0.0, 6 * se, "mean of N(0,1) draws, 6 standard errors"),
        "sample_std": Stat(1.0, 6 * se / np.sqrt(2), "std of N(0,1) draws, 6 standard errors"),
    }
