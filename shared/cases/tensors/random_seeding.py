from __future__ import annotations

import numpy as np

from shared.cases.model import Case, Text
from shared.names import pick

CASE = Case(
    "tensors.random_seeding",
    "Reproducible randomness: torch.manual_seed vs explicit jax.random keys",
    (202, 212),
    "Why it matters: with one global generator, a draw anywhere else in the program changes the "
    "numbers you get next, so reproducing a result means reproducing every draw before it. A JAX "
    "draw depends on its key alone, whatever else was drawn. The two frameworks' streams differ "
    "even from the same seed, so this project's tests share NumPy-made data, never seeds.",
    differs="torch.manual_seed resets a global generator that every draw moves on; each JAX "
    "draw takes its own key.",
    expected={
        "torch": {
            "same_seed_same_values": True,
            "second_draw_differs": True,
            "other_draw_changes_values": True,
        },
        "jax": {
            "same_seed_same_values": True,
            "second_draw_differs": True,
            "other_draw_changes_values": False,
        },
    },
    returns="Whether the same seed reproduces draws, a second draw differs, and a draw elsewhere "
    "changes the next one (``other_draw_changes_values``: global state).",
    ru=Text(
        title="Воспроизводимая случайность: torch.manual_seed против явных ключей jax.random",
        explanation="Почему это важно: при одном глобальном генераторе случайная выборка в любом "
        "другом месте программы меняет числа, которые вы получите дальше, и чтобы воспроизвести "
        "результат, нужно воспроизвести все выборки до него. В JAX выборка зависит только от "
        "своего ключа, что бы ещё ни выбиралось. Даже из одного сида последовательности у "
        "фреймворков разные, поэтому тесты проекта используют общие данные, созданные в NumPy, а "
        "не общие сиды.",
        differs="torch.manual_seed сбрасывает глобальный генератор, и каждая выборка сдвигает "
        "его; в JAX у каждой выборки свой ключ.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"seed": int(rng.integers(2**31)), "shape": pick(size, test=(3,), lesson=(5, 7))}
