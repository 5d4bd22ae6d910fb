"""The lesson's conclusion (seed lines 1300–1305): JAX trains faster "thanks to optimisation
and compilation, but needs stricter code". Here that claim is shown as code: the same ordinary
Python function run eagerly by torch, through ``torch.compile`` and through ``jax.jit``, with
what each does asserted — the error it raises and how its message starts, the compilations it
makes, how many times a side effect runs — and the JAX rewrite that works judged against torch's
answer.

``torch.compile``'s graph captures, graph breaks and recompilations are Dynamo's decisions,
made before a backend generates any code, so they are observed with a backend that only counts
the graphs and runs them as captured; Inductor's seconds are measured in the main job
(``strict.new_shapes`` at its ``lesson`` size).
"""

from __future__ import annotations

import re

from shared.cases import ru
from shared.cases.model import Arg, Case
from shared.cases.ru import Text

CALLS = 3
"""Calls of a function with a side effect: one per row of its input."""
LENGTH = 5
"""``strict.new_shapes``' input length: the function is called on its prefixes of lengths 2, 3,
4 and 5, a new shape each time (Dynamo treats lengths 0 and 1 apart, so none below 2)."""

FLOAT32 = ("float32",)


def message_start(message: str) -> str:
    """An error message's stable start, as the cases observe it: its first line up to the
    first end of a sentence or clause (``.`` or ``;``). What follows names shapes, files,
    line numbers and links, which change with the input and the version."""
    first = message.strip().split("\n", 1)[0]
    return re.split(r"[.;](?:\s|$)", first, maxsplit=1)[0]


SECONDS = (
    "each call's wall seconds, machine-dependent: shown in the report; the compilations "
    "behind them are judged by their counts"
)

TORCH_STRICT = "Unsupported"
"""What ``torch.compile(fullgraph=True)`` raises at a graph break (``torch._dynamo.exc``)."""


def _compiled(graphs: int, graph_break: str = "", fullgraph_error: str = "") -> dict:
    """What ``torch.compile`` did: graphs captured, where it broke the graph, and whether
    ``fullgraph=True`` refused the function."""
    return {
        "compile_graphs": graphs,
        "graph_break": graph_break,
        "fullgraph_error": fullgraph_error,
    }


def _raised(error: str, message: str, op_by_op: tuple[str, str] = ("", "")) -> dict:
    """What ``jax.jit`` raised, and what the same function without ``jit`` did."""
    return {
        "jit_error": error,
        "jit_message": message,
        "op_by_op_error": op_by_op[0],
        "op_by_op_message": op_by_op[1],
    }


IMMUTABLE = "JAX arrays are immutable and do not support in-place item assignment"

CASES = [
    Case(
        "strict.python_if",
        "A Python `if` on a tensor's value: eager torch, torch.compile, jax.jit",
        (1300, 1305),
        "def double_or_shift(x): if x.sum() > 0: return x * 2; return x - 1 — the same lines in "
        "both frameworks, called on x and on -x. Eager torch and JAX without jit just run it. "
        "torch.compile runs it too, but breaks the graph at the if (Dynamo: 'Data-dependent "
        "branching'): the comparison is one compiled graph, Python reads its value, and each "
        "branch becomes a graph of its own when first taken — 3 graphs. With "
        "fullgraph=True torch refuses the function (Unsupported), as jax.jit does: under jit "
        "x.sum() > 0 is a tracer, a value not computed yet, and Python's if cannot turn it "
        "into a bool (TracerBoolConversionError). The JAX way says the branch to the "
        "compiler: jnp.where computes both branches and picks, lax.cond compiles both and "
        "runs one; both give torch's answer. Dynamo's decisions are watched with a backend "
        "that counts the graphs and runs them as captured (no code generated).",
        differs="Python's if on a value: torch.compile breaks the graph and runs it; jax.jit "
        "refuses it (jnp.where, lax.cond).",
        expected={
            "torch": _compiled(3, "Data-dependent branching", TORCH_STRICT),
            "jax": _raised(
                "TracerBoolConversionError",
                "Attempted boolean conversion of traced array with shape bool[]",
            ),
        },
        takes={"x": Arg(("n",), FLOAT32)},
        only={"compiled_answer": "torch", "cond_answer": "jax"},
        dtypes={"compiled_answer": "float32", "cond_answer": "float32"},
    ),
    Case(
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
        run_size="lesson",  # jaxparity run compiles with Inductor: its seconds are reported
    ),
    Case(
        "strict.side_effect_print",
        "`print` inside the function: every call, or once while tracing",
        (1300, 1305),
        f"def double_and_print(x): print(x.sum()); return x * 2, called {CALLS} times. "
        "Eager torch and JAX without jit print on every call. torch.compile also prints "
        "every time: Dynamo cannot put print into a graph, so it breaks the graph there "
        "('Failed to trace builtin operator'), runs the print in Python and compiles the rest: "
        "2 graphs, reused on later calls (fullgraph=True refuses it: Unsupported). jax.jit "
        "prints once, while tracing, and what it prints is a tracer (JitTracer(float32[])), "
        "not a number: the compiled program has no print in it. jax.debug.print puts the "
        "print into the program, and it runs on every call.",
        differs="torch prints every call (compile: a graph break); jax.jit prints once, a "
        "tracer, at trace time (jax.debug.print).",
        expected={
            "torch": {
                "eager_prints": CALLS,
                "compile_prints": CALLS,
                **_compiled(2, "Failed to trace builtin operator", TORCH_STRICT),
            },
            "jax": {
                "op_by_op_prints": CALLS,
                "jit_prints": 1,
                "jit_printed": "JitTracer(float32[])",
                "rewrite_prints": CALLS,
            },
        },
        takes={"xs": Arg((CALLS, "n"), FLOAT32)},
        only={"compiled_answer": "torch", "jit_answer": "jax"},
        dtypes={"compiled_answer": "float32", "jit_answer": "float32"},
    ),
    Case(
        "strict.side_effect_append",
        "Appending to a list outside the function: every call, or a tracer once",
        (1300, 1305),
        f"double_and_log(x) appends x.sum() to a list defined outside it and returns x * 2; "
        f"called {CALLS} times. Eager torch appends on every call. torch.compile captures the "
        "append without a graph break and replays it after each call, so the list gets the "
        "same values — but the graph is guarded by the list's length, which every append "
        f"changes, so every call compiles again ({CALLS} graphs; past 8 Dynamo gives up and "
        "runs the function eagerly). jax.jit appends once, while tracing, and what it "
        "appends is a tracer of a trace that has ended: using it raises "
        "UnexpectedTracerError. The JAX way returns what to log and appends it outside the "
        "compiled function, on every call.",
        differs="torch.compile appends every call but recompiles every call; jax.jit appends "
        "one tracer, once.",
        expected={
            "torch": {"eager_appends": CALLS, "compile_appends": CALLS, **_compiled(CALLS)},
            "jax": {
                "jit_appends": 1,
                "jit_logged_use_error": "UnexpectedTracerError",
                "rewrite_appends": CALLS,
            },
        },
        takes={"xs": Arg((CALLS, "n"), FLOAT32)},
        only={"compiled_logged": "torch"},
        dtypes={"compiled_logged": "float32"},
    ),
    Case(
        "strict.inplace_update",
        "`x[0] = 0`: writing into a tensor, or a new array with `.at[0].set(0)`",
        (1300, 1305),
        "def zero_first(x): x[0] = 0; return x. A torch tensor is a buffer: the assignment "
        "writes into it, eagerly and compiled alike (Dynamo captures the write and applies "
        "it to the input: one graph), and the caller's x changes. A JAX array is a value: "
        "the assignment is a TypeError with jit or without, and the message names the "
        "rewrite, x.at[0].set(0), which returns a new array and leaves x as it was (inside "
        "a jitted function XLA makes such updates in place where the old value is not "
        "needed any more).",
        differs="torch writes into x (compiled too); a JAX array refuses item assignment: "
        "x.at[0].set(0) returns a new one.",
        expected={
            "torch": {
                "eager_mutates_input": True,
                "compile_mutates_input": True,
                **_compiled(1),
            },
            "jax": {
                "rewrite_mutates_input": False,
                **_raised("TypeError", IMMUTABLE, ("TypeError", IMMUTABLE)),
            },
        },
        takes={"x": Arg(("n",), FLOAT32)},
        only={"compiled_answer": "torch"},
        dtypes={"compiled_answer": "float32"},
    ),
    Case(
        "strict.dynamic_shape",
        "`x[x > 0]`: an output whose shape depends on the values",
        (1300, 1305),
        "def positives(x): return x[x > 0] — how long the result is depends on the numbers. "
        "Eager torch and JAX without jit return it. torch.compile by default breaks the graph "
        "at the boolean index ('Dynamic shape operator'): the comparison is compiled, the "
        "indexing runs eagerly. With fullgraph=True it compiles instead, with the length as "
        "an unknown symbol (an unbacked size), since no graph break is allowed. jax.jit "
        "needs every shape before the values: the boolean index is refused "
        "(NonConcreteBooleanIndexError). The JAX way fixes the shape: jnp.nonzero(x > 0, "
        "size=len(x)) leaves room for every number, and the count cuts the result outside "
        "jit, giving torch's answer; jnp.where(x > 0, x, 0) keeps the shape and zeros the "
        "rest.",
        differs="torch.compile breaks the graph (or, fullgraph, makes the length a symbol); "
        "jax.jit refuses: size= or jnp.where.",
        expected={
            "torch": _compiled(1, "Dynamic shape operator"),
            "jax": _raised(
                "NonConcreteBooleanIndexError", "Array boolean indices must be concrete"
            ),
        },
        takes={"x": Arg(("n",), FLOAT32)},
        only={"compiled_answer": "torch", "where_answer": "jax"},
        dtypes={"compiled_answer": "float32", "where_answer": "float32"},
    ),
]

RU: dict[str, Text] = {
    "strict.python_if": Text(
        title="`if` в Python по значению тензора: torch без компиляции, torch.compile, jax.jit",
        explanation="`double_or_shift(x)` возвращает `x * 2`, если `x.sum() > 0`, а иначе "
        "уменьшает `x` на 1; ветку выбирает оператор `if` языка Python. Строки одни и те же "
        "в обоих фреймворках, вызов — на `x` и на `-x`. torch без компиляции и JAX без jit просто "
        "выполняют их. torch.compile тоже выполняет, но разрывает граф вычислений на `if` "
        "(«Data-dependent branching»): сравнение — один скомпилированный граф, Python читает "
        "его значение, а каждая ветка становится отдельным графом, когда в неё впервые "
        "заходят, — всего 3 графа. С `fullgraph=True` torch отказывается компилировать "
        "функцию (`Unsupported`), как и jax.jit: под jit `x.sum() > 0` — трейсер, значение, "
        "которое ещё не вычислено, и `if` не может превратить его в `bool` "
        "(`TracerBoolConversionError`). В JAX ветвление сообщают компилятору: `jnp.where` "
        "вычисляет обе ветки и выбирает, `lax.cond` компилирует обе и выполняет одну; оба дают "
        "ответ torch. Графы torch.compile наблюдаются через бэкенд, который считает их и "
        "выполняет как есть, не генерируя код.",
        differs="`if` по значению: torch.compile разрывает граф и выполняет; jax.jit "
        "отказывает (`jnp.where`, `lax.cond`).",
    ),
    "strict.new_shapes": Text(
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
    "strict.side_effect_print": Text(
        title="`print` внутри функции: при каждом вызове или один раз при трассировке",
        explanation="`def double_and_print(x): print(x.sum()); return x * 2`, вызванная "
        f"{CALLS} раза. torch без компиляции и JAX без jit печатают при каждом вызове. "
        "torch.compile тоже печатает каждый раз: он не может поместить `print` в граф, "
        "поэтому разрывает граф на нём («Failed to trace builtin operator»), выполняет "
        "`print` в Python и компилирует остальное: 2 графа, которые переиспользуются при "
        "следующих вызовах (`fullgraph=True` отказывает: `Unsupported`). jax.jit печатает "
        "один раз, при трассировке, и печатает трейсер (`JitTracer(float32[])`), а не число: "
        "в скомпилированной программе `print` нет. `jax.debug.print` встраивает печать в "
        "программу, и она выполняется при каждом вызове.",
        differs="torch печатает при каждом вызове (torch.compile — с разрывом графа); jax.jit "
        "— один раз, трейсер (`jax.debug.print`).",
    ),
    "strict.side_effect_append": Text(
        title="Добавление в список вне функции: при каждом вызове или один трейсер",
        explanation="`double_and_log(x)` добавляет `x.sum()` в список, объявленный вне её, и "
        f"возвращает `x * 2`; её вызывают {CALLS} раза. torch без компиляции добавляет при "
        "каждом вызове. torch.compile захватывает `append` без разрыва графа и повторяет его "
        "после каждого вызова, так что в списке те же значения, — но граф защищён проверкой "
        "длины списка, а каждый `append` её меняет, поэтому каждый вызов компилирует заново "
        f"({CALLS} графа; после 8 torch.compile сдаётся и выполняет функцию без компиляции). "
        "jax.jit добавляет один раз, при трассировке, и добавляет трейсер уже закончившейся "
        "трассировки: при попытке его использовать — `UnexpectedTracerError`. В JAX функция "
        "возвращает то, что нужно записать, а добавляют это вне скомпилированной функции, "
        "при каждом вызове.",
        differs="torch.compile добавляет при каждом вызове, но и компилирует каждый раз; "
        "jax.jit добавляет один трейсер.",
    ),
    "strict.inplace_update": Text(
        title="`x[0] = 0`: запись в тензор или новый массив через `.at[0].set(0)`",
        explanation="`def zero_first(x): x[0] = 0; return x`. Тензор torch — это буфер: "
        "присваивание пишет прямо в него, и без компиляции, и с torch.compile (он "
        "захватывает запись и применяет её ко входу: один граф), — и `x` у вызывающего "
        "меняется. Массив JAX — это значение: присваивание — `TypeError` и с jit, и без "
        "него, а сообщение подсказывает замену, `x.at[0].set(0)`: она возвращает новый массив "
        "и оставляет `x` как был (внутри скомпилированной функции XLA делает такие обновления "
        "на месте, если старое значение больше не нужно).",
        differs="torch пишет в `x` (и скомпилированный тоже); массив JAX не даёт присваивать: "
        "`x.at[0].set(0)` вернёт новый.",
    ),
    "strict.dynamic_shape": Text(
        title="`x[x > 0]`: форма результата зависит от значений",
        explanation="`def positives(x): return x[x > 0]` — длина результата зависит от "
        "чисел. torch без компиляции и JAX без jit возвращают его. torch.compile по умолчанию "
        "разрывает граф на булевой индексации («Dynamic shape operator»): сравнение "
        "компилируется, индексация выполняется без компиляции. С `fullgraph=True` он вместо "
        "этого компилирует, а длину делает неизвестным символом, потому что разрывы графа "
        "запрещены. jax.jit нужны все формы до значений: булева индексация отклоняется "
        "(`NonConcreteBooleanIndexError`). В JAX форму фиксируют: "
        "`jnp.nonzero(x > 0, size=len(x))` оставляет место для всех чисел, а по их количеству "
        "результат обрезают вне jit — получается ответ torch; `jnp.where(x > 0, x, 0)` "
        "сохраняет форму и зануляет остальное.",
        differs="torch.compile разрывает граф (с `fullgraph=True` — длина-символ); jax.jit "
        "отказывает: `size=` или `jnp.where`.",
    ),
}
"""The Russian texts of these cases (``shared.cases.ru`` explains the terms)."""

ru.RU.update(RU)  # merged here, not in ru.py: this module needs ru's Text first
