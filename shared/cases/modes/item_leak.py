from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
    "modes.item_leak",
    "Stored loss tensors keep graphs and memory alive; .item() does not",
    (961, 995),
    "A classic leak in training loops: appending the loss to a list for logging looks harmless, "
    "but a torch loss is the end of a graph, and the graph holds the whole batch for its backward "
    "pass, so every step keeps one more batch alive. The lesson's fix, .item(), keeps just the "
    "number. A JAX loss holds nothing but itself, so the leak cannot happen. Measured by the "
    "allocator on a GPU; on the CPU by the bytes autograd saved (torch) and the live arrays "
    "(JAX). Its benchmark measures memory (bench/test_memory_modes.py), not time.",
    differs="A stored torch loss keeps its graph and the batch alive (.item() lets go); a "
    "stored JAX loss is just a scalar.",
    expected={
        "torch": {"stored_keeps_batch": True, "item_keeps_batch": False},
        "jax": {"stored_keeps_batch": False, "item_keeps_batch": False},
    },
    inputs="numpy",
    takes={"x": Arg(("m", "n")), "w": Arg(("n",))},
    unchecked={
        "stored_bytes_per_loss": "a measurement (version- and allocator-dependent) shown "
        "to the student; stored_keeps_batch judges what it means",
        "item_bytes_per_loss": "a measurement, as stored_bytes_per_loss; item_keeps_batch "
        "judges it",
        "probe": "names the instrument each framework measures with",
    },
    takes_device=True,
    returns="``steps`` times: put the batch ``x`` on ``device``, ``loss = ‖x @ w‖``, store it.\n\n"
    "Once storing the framework's loss (``stored_losses``), once a Python float (``item_losses``). "
    "Returns both, ``stored_bytes_per_loss`` and ``item_bytes_per_loss`` (device memory kept per "
    "stored loss), ``stored_keeps_batch`` and ``item_keeps_batch`` (at least the batch's bytes "
    "kept per loss) and ``probe`` (how memory was measured).",
    ru=Text(
        title="Сохранённые тензоры лосса удерживают графы и память; .item() — нет",
        explanation="Классическая утечка в циклах обучения: добавлять лосс в список, чтобы потом "
        "его напечатать, кажется безобидным, но лосс в torch — конец графа, а граф держит весь "
        "батч для своего обратного прохода, так что каждый шаг оставляет в памяти ещё один батч. "
        "Исправление из урока, .item(), сохраняет только число. Лосс в JAX не держит ничего, "
        "кроме себя, поэтому такой утечки быть не может. Память измеряется аллокатором на GPU; на "
        "CPU — байтами, которые сохранил autograd (torch), и живыми массивами (JAX). Для этого "
        "кейса замеряется память (bench/test_memory_modes.py), а не время.",
        differs="Сохранённый лосс torch держит граф и батч (.item() их отпускает); сохранённый "
        "лосс JAX — просто скаляр.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """The lesson stores 50 losses of a 10000×10000 batch (400 MB each): 20 GB if kept, so
    ``lesson`` is for a large GPU; ``small`` keeps 160 MB."""
    (m, n), steps = pick(
        size, test=((32, 16), 4), small=((2000, 2000), 10), lesson=((10_000, 10_000), 50)
    )
    return {
        "x": rng.standard_normal((m, n), dtype=np.float32),
        "w": rng.standard_normal(n, dtype=np.float32),
        "steps": steps,
    }


def oracle(*, x: np.ndarray, w: np.ndarray, steps: int) -> Expected:
    loss = np.linalg.norm(x.astype(np.float64) @ w.astype(np.float64))
    return {"stored_losses": np.full(steps, loss), "item_losses": np.full(steps, loss)}
