from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import FLOAT32, LENGTH, SECONDS, _compiled
from shared.names import pick

SHAPES = len(range(2, LENGTH + 1))
"""Calls, each with a new shape: the prefixes of lengths 2 to ``LENGTH``."""

TORCH_COMPILES = 2
"""torch.compile's graphs: the first shape's, then one with a dynamic length for the rest."""

REWRITE_COMPILES = 1
"""``jax.jit``'s compilations once every input is padded to one length."""

CASE = Case(
    "strict.new_shapes",
    "A new input shape on every call: compilations counted",
    (1300, 1305),
    f"affine(x) = x * 2 + 1 on the first 2, 3, 4 and {LENGTH} numbers of x: a new shape every "
    "call. A compiled program is specialised to its input shapes, so each new shape raises the "
    "question of compiling again. torch.compile bets on a dynamic length after the first change: "
    f"{TORCH_COMPILES} compilations for {SHAPES} shapes. jax.jit compiles once per shape, {SHAPES} "
    "compilations, each in tens of milliseconds here, while Inductor takes seconds per graph (the "
    "report's seconds come from the main job, which compiles with Inductor; the tests only "
    "count). The JAX way pads the inputs to one length, as a data loader would: "
    f"{REWRITE_COMPILES} compilation. Compilations are counted by the frameworks' own means: the "
    "graphs Dynamo hands its backend, the compilations JAX's monitoring events report.",
    differs="torch.compile recompiles once, then treats the length as dynamic; jax.jit "
    "compiles once per shape.",
    expected={
        "torch": {**_compiled(TORCH_COMPILES), "dynamic_graphs": 1},
        "jax": {"jit_compiles": SHAPES, "rewrite_compiles": REWRITE_COMPILES},
    },
    takes={"x": Arg((LENGTH,), FLOAT32)},
    only={"compiled_answer": "torch", "jit_answer": "jax"},
    dtypes={"compiled_answer": "float32", "jit_answer": "float32"},
    unchecked={
        "compile_seconds": SECONDS,
        "jit_seconds": SECONDS,
        "compile_backend": "the torch.compile backend the inputs chose (eager at test "
        "size, inductor at lesson size), naming what compile_seconds measured",
    },
    run_size="lesson",  # jaxparity run compiles with Inductor: its seconds are reported,
    returns="``x * 2 + 1`` on the prefixes of ``x`` of lengths 2, 3, 4, 5: a new shape every "
    "call.\n\n"
    "``backend`` is ``torch.compile``'s (``eager``: Dynamo's decisions only; ``inductor``: code "
    "generated, seconds worth reporting); ``jax.jit`` always compiles with XLA. Returns ``answer`` "
    "(all calls' results, concatenated; JAX: inputs padded to one shape), the compilations counted "
    "(torch ``compile_graphs``, ``dynamic_graphs``; JAX ``jit_compiles``, ``rewrite_compiles``) "
    "and each call's seconds.",
    ru=Text(
        title="Новая форма входа при каждом вызове: сколько компиляций",
        explanation=f"`affine(x) = x * 2 + 1` на первых 2, 3, 4 и {LENGTH} числах `x` — при каждом "
        "вызове новая форма. Скомпилированная программа специализирована под формы своих входов, "
        "поэтому каждая новая форма ставит вопрос, не компилировать ли заново. torch.compile "
        f"после первой же смены формы делает ставку на динамическую длину: {TORCH_COMPILES} "
        f"компиляции на {SHAPES} формы. jax.jit компилирует под каждую форму — {SHAPES} "
        "компиляции, здесь десятки миллисекунд каждая, тогда как TorchInductor тратит на граф "
        "секунды (секунды в отчёте — из основного запуска, где компилирует TorchInductor; тесты "
        "только считают). В JAX принято дополнять входы до одной длины, как это сделал бы "
        f"загрузчик данных: {REWRITE_COMPILES} компиляция. Компиляции считают средствами самих "
        "фреймворков: графы, которые torch.compile передаёт бэкенду, и компиляции, о которых "
        "сообщают события мониторинга JAX.",
        differs="torch.compile перекомпилирует один раз и делает длину динамической; jax.jit "
        "компилирует под каждую форму.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    """``torch.compile``'s backend: at ``test`` Dynamo's ``eager`` (its decisions, no code
    generated: milliseconds), at ``lesson`` Inductor, the default (seconds: the main job's)."""
    return {
        "x": rng.standard_normal(LENGTH, dtype=np.float32),
        "backend": pick(size, test="eager", lesson="inductor"),
    }


def oracle(*, x: np.ndarray, backend: str) -> Expected:
    x = x.astype(np.float64)
    answer = np.concatenate([x[:n] * 2 + 1 for n in range(2, len(x) + 1)])
    return {"answer": answer, "compiled_answer": answer, "jit_answer": answer}
