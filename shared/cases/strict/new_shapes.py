from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.model import Arg, Case, Text
from shared.cases.strict._record import FLOAT32, LENGTH, SECONDS, _compiled
from shared.names import pick

CASE = Case(
    "strict.new_shapes",
    "A new input shape on every call: compilations counted",
    (1300, 1305),
    f"affine(x) = x * 2 + 1 on the first 2, 3, 4 and {LENGTH} numbers of x: a new shape "
    "every call. torch.compile compiles for the first shape with the length fixed; the "
    "second length fails that graph's guard, so Dynamo compiles again with the length as "
    "a symbol (a dynamic dimension), and that graph serves every later length: 2 "
    "compilations for 4 shapes. jax.jit traces and compiles once per shape: 4 "
    "compilations, each in tens of milliseconds here, while Inductor takes seconds per "
    "graph (the report's seconds come from the main job, which compiles with "
    "Inductor; the tests only count). The JAX way pads every input to one length before "
    "the call, as a data loader would, and cuts the result: 1 compilation. Compilations "
    "are counted by the frameworks' own means: the graphs Dynamo hands its backend, the "
    "compilations JAX's monitoring events report.",
    differs="torch.compile recompiles once, then treats the length as dynamic; jax.jit "
    "compiles once per shape.",
    expected={
        "torch": {**_compiled(2), "dynamic_graphs": 1},
        "jax": {"jit_compiles": len(range(2, LENGTH + 1)), "rewrite_compiles": 1},
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
        explanation=f"`affine(x) = x * 2 + 1` на первых 2, 3, 4 и {LENGTH} числах `x` — при "
        "каждом вызове новая форма. torch.compile компилирует под первую форму с "
        "фиксированной длиной; вторая длина не проходит проверку, которой защищён этот граф, "
        "и torch.compile компилирует заново, уже с длиной-символом (динамической "
        "размерностью), и этот граф обслуживает все следующие длины: 2 компиляции на 4 формы. "
        "jax.jit трассирует и компилирует заново для каждой формы: 4 компиляции, здесь — "
        "десятки миллисекунд каждая, тогда как TorchInductor тратит на граф секунды (секунды "
        "в отчёте — из основного запуска, где компилирует TorchInductor; тесты только "
        "считают). В JAX принято дополнять каждый вход до одной длины перед вызовом, как это "
        "сделал бы загрузчик данных, и обрезать результат: 1 компиляция. Компиляции считают "
        "средствами самих фреймворков: графы, которые torch.compile передаёт бэкенду, и "
        "компиляции, о которых сообщают события мониторинга JAX.",
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
