from __future__ import annotations

import numpy as np

from shared.cases.model import Case, Text
from shared.names import pick

CASE = Case(
    "tensors.random_seeding",
    "Reproducible randomness: torch.manual_seed vs explicit jax.random keys",
    (202, 212),
    "torch.manual_seed resets a global generator: every later call advances it, so a "
    "draw anywhere else in the program changes the numbers you get next. A JAX key is a "
    "value: the same key always gives the same numbers, whatever else was drawn, and "
    "split makes new keys. The streams differ, so tests share NumPy-made data, never "
    "seeds.",
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
        explanation="torch.manual_seed сбрасывает глобальный генератор: каждый следующий вызов "
        "сдвигает его состояние, поэтому случайная выборка в любом другом месте программы меняет "
        "числа, которые вы получите дальше. Ключ JAX — это значение: один и тот же ключ всегда "
        "даёт одни и те же числа, что бы ещё ни выбиралось, а split создаёт новые ключи. "
        "Последовательности у фреймворков разные, поэтому тесты используют общие данные, "
        "созданные в NumPy, а не общие сиды.",
        differs="torch.manual_seed сбрасывает глобальный генератор, и каждая выборка сдвигает "
        "его; в JAX у каждой выборки свой ключ.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return {"seed": int(rng.integers(2**31)), "shape": pick(size, test=(3,), lesson=(5, 7))}
