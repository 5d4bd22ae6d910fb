"""The report and ``jaxparity show`` in Russian: every message of ``texts_en``, by the same id
and with the same ``{fields}``, written by hand in the lesson's own terms. Which Russian word
stands for which English one (кейс, батч, функция потерь, замер, прогон, …) and why is written
once, in ``docs/glossary.ru.md``; identifiers, names of functions and options are `code`;
quotes are «ёлочки», dashes —.
"""

from __future__ import annotations

from jaxparity.fmt import Units
from shared.cases import Case
from shared.cases.model import Text


def plural(n: int) -> int:
    """Which form of a noun goes with ``n``: 1 победа, 2 победы, 5 побед, 11 побед, 21 победа."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


NOUNS: dict[str, tuple[str, ...]] = {
    "win": ("победа", "победы", "побед"),
    "tie": ("ничья", "ничьи", "ничьих"),
    "loss": ("поражение", "поражения", "поражений"),
    "comparison": ("сравнение", "сравнения", "сравнений"),
    "compute comparison": (
        "сравнение вычислений",
        "сравнения вычислений",
        "сравнений вычислений",
    ),
    "function": ("функция", "функции", "функций"),
    "case": ("кейс", "кейса", "кейсов"),
    "step": ("шаг", "шага", "шагов"),
}

UNITS = Units(("с", "мс", "мкс", "нс"), ("ГиБ", "МиБ", "КиБ", "Б"))
"""ГОСТ 8.417's symbols: с, мс, мкс, нс; binary prefixes as IEC's, in Cyrillic (ГиБ)."""


def case_text(case: Case) -> Text:
    """A case's Russian texts: its record's ``ru``."""
    return case.ru


FOREIGN: dict[str, str] = {
    # shared.run_modes: each mode's label and description
    "torch eager": "torch без компиляции",
    "PyTorch as the lesson writes it: each op dispatched as Python reaches it": "PyTorch, как "
    "его пишут в уроке: каждая операция запускается, как только до неё доходит Python",
    "torch.compile": "torch.compile",
    "the same function through torch.compile (TorchInductor), compiled before timing": "та же "
    "функция через `torch.compile` (TorchInductor), скомпилированная до замера",
    "JAX jit": "JAX jit",
    "the function compiled by jax.jit (XLA) before timing, then one dispatch per call": "функция, "
    "скомпилированная `jax.jit` (XLA) до замера, затем один запуск на вызов",
    "JAX op by op": "JAX по одной операции",
    "the same function without jax.jit: each op dispatched on its own, nothing fused": "та же "
    "функция без `jax.jit`: каждая операция запускается отдельно, ничего не сливается",
    "JAX nnx.jit": "JAX nnx.jit",
    "Flax's nnx.jit over the module, as a student writes it: its object graph walked per call": (
        "`nnx.jit` из Flax над модулем, как его напишет студент: граф объектов модуля обходится "
        "при каждом вызове"
    ),
    "JAX jit (gradient step)": "JAX jit (шаг градиента)",
    "the gradient step compiled by jax.jit, the loop around it in Python": "шаг градиента, "
    "скомпилированный `jax.jit`, а цикл вокруг него — на Python",
    "JAX scan": "JAX scan",
    "a whole epoch as one jax.jit program, jax.lax.scan over the batches: one dispatch per "
    "epoch, not per step (torch on a CPU has no counterpart)": "вся эпоха — одна программа "
    "`jax.jit`, `jax.lax.scan` по батчам: один запуск на эпоху, а не на шаг (у torch на CPU "
    "аналога нет)",
    "JAX jit, donated": "JAX jit с отдачей буферов",
    "the step compiled by jax.jit with its parameters and optimiser state donated "
    "(donate_argnums), each call's new state fed to the next: XLA may write it in place": "шаг, "
    "скомпилированный `jax.jit`, которому параметры и состояние оптимизатора отданы на "
    "перезапись (`donate_argnums`); новое состояние каждого вызова идёт на вход следующему: "
    "XLA может записать его на место старого",
    "NumPy": "NumPy",
    "NumPy's own call (its BLAS): the machine's matmul ceiling only": "собственный вызов NumPy "
    "(его BLAS): только для потолка матричного умножения на этой машине",
    # jaxparity.bench.BLOCK_DESIGN: why the benchmarks are timed in paired blocks
    "(A @ A) ** 2, 500×500 float32, median ms per call, torch eager / JAX jit, range of two runs "
    "of python -m bench.block_design on the 2-core AMD EPYC Zen 4, 2026-12-03, while other "
    "tenants loaded the machine": "`(A @ A) ** 2`, 500×500 float32, медиана в мс на вызов, "
    "torch без компиляции / JAX jit, разброс двух запусков `python -m bench.block_design` на "
    "2-ядерном AMD EPYC Zen 4, 2026-12-03, пока машину нагружали другие арендаторы",
    "each alone": "каждый отдельно",
    "call by call": "поочерёдно по вызову",
    "blocks of 20, no warm-up": "блоки по 20, без разогрева",
    "blocks of 20, 3 warm-up calls": "блоки по 20, 3 разогревочных вызова",
    "blocks of 20 after a 20 ms pause": "блоки по 20 после паузы в 20 мс",
    "blocks of 20 after a 20 ms pause, 3 warm-up calls": "блоки по 20 после паузы в 20 мс, 3 "
    "разогревочных вызова",
    "interleaving call by call slows JAX 1.5–1.8×; blocks with their own warm-up run as fast as "
    "each framework alone": "чередование по вызову замедляет JAX в 1.5–1.8 раза; блоки с "
    "собственным разогревом работают так же быстро, как каждый фреймворк отдельно",
    # jaxparity.selection.COMPILE_COST, jaxparity.graphviz.MISSING
    "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU": "`torch.compile` "
    "тратит до 11–18 с на каждую компилируемую функцию на 2-ядерном CPU",
    "Graphviz's dot is not installed; to get the pictures: apt install graphviz (Debian, "
    "Ubuntu), brew install graphviz (macOS) or conda install graphviz, then run again": "`dot` "
    "из Graphviz не установлен; чтобы получить рисунки: `apt install graphviz` (Debian, "
    "Ubuntu), `brew install graphviz` (macOS) или `conda install graphviz`, затем запустите "
    "снова",
    # The case records (shared/cases/*.py): Bench.variants, what each variant times
    "torch.from_numpy / jnp.from_dlpack: wrap the buffer when possible": "`torch.from_numpy` / "
    "`jnp.from_dlpack`: без копирования буфера NumPy, где это возможно",
    "torch.tensor / jnp.asarray: copy the data": "`torch.tensor` / `jnp.asarray`: скопировать "
    "данные",
    "torch.as_tensor(..., device) / jax.device_put: onto the device": "`torch.as_tensor(..., "
    "device)` / `jax.device_put`: сразу на устройство",
    "inputs already on the device": "входы уже на устройстве",
    "host arrays copied to the device inside the timed call": "массивы с хоста копируются на "
    "устройство внутри замеряемого вызова",
    "gradients of every input": "градиенты по всем входам",
    "only A's gradient": "только градиент по A",
    "only b's gradient": "только градиент по b",
    "the gradient of an input the loss does not use": "градиент по входу, который функция "
    "потерь не использует",
    "X (host memory) copied to the device whole inside the timed call, one gradient; on a CPU "
    "torch's .to('cpu') is free, JAX's device_put copies": "X (в памяти хоста) целиком "
    "копируется на устройство внутри замеряемого вызова, градиент один; на CPU `.to('cpu')` в "
    "torch ничего не стоит, а `device_put` в JAX копирует",
    "X copied a chunk at a time inside the timed call, chunk gradients summed": "X копируется "
    "на устройство по частям внутри замеряемого вызова, градиенты частей накапливаются",
    "one forward, then one backward per sample through the kept graph (autograd.grad(..., "
    "retain_graph=True)) / one jax.vjp, then its vjp function per sample in a sequential "
    "lax.map": "один прямой проход, затем по обратному проходу на каждый элемент батча через "
    "сохранённый граф вычислений (`autograd.grad(..., retain_graph=True)`) / один `jax.vjp`, "
    "затем его функция `vjp` для каждого элемента в последовательном `lax.map`",
    "one backward of a batch of cotangents, the rows of eye(n): autograd.grad(..., "
    "is_grads_batched=True) / jax.vmap over the vjp function": "один обратный проход сразу для "
    "батча котангенсов — строк `eye(n)`: `autograd.grad(..., is_grads_batched=True)` / "
    "`jax.vmap` по функции `vjp`",
    "vmap_grad without the lesson's wrapping: each sample a 1-D row, w passed as the tensor "
    "itself, no unsqueeze(0) and no parameter dict: torch.func.vmap(torch.func.grad(f), "
    "in_dims=(None, 0)) / jax.vmap(jax.grad(f), in_axes=(None, 0))": "`vmap_grad` без обёрток "
    "урока: каждый элемент батча — одномерная строка, `w` передаётся как сам тензор, без "
    "`unsqueeze(0)` и без словаря параметров: `torch.func.vmap(torch.func.grad(f), "
    "in_dims=(None, 0))` / `jax.vmap(jax.grad(f), in_axes=(None, 0))`",
    "the gradient of one sample's loss, vectorised over the batch: "
    "torch.func.vmap(torch.func.grad) / jax.vmap(jax.grad)": "градиент функции потерь одного "
    "элемента, векторизованный по батчу: `torch.func.vmap(torch.func.grad)` / "
    "`jax.vmap(jax.grad)`",
    "the Jacobian of the batch's losses by reverse mode: torch.func.jacrev / jax.jacrev": (
        "якобиан вектора потерь батча в обратном режиме: `torch.func.jacrev` / `jax.jacrev`"
    ),
    "reverse over reverse: autograd.grad(create_graph=True), then a batched backward of the "
    "gradient with eye(d) / jax.jacrev(jax.grad)": "обратный режим поверх обратного: "
    "`autograd.grad(create_graph=True)`, затем обратный проход от градиента сразу для батча "
    "строк `eye(d)` / `jax.jacrev(jax.grad)`",
    "torch.autograd.functional.hessian (a Python loop over the gradient's entries; torch only)": (
        "`torch.autograd.functional.hessian` (цикл на Python по элементам градиента; только torch)"
    ),
    "torch.autograd.functional.hessian(vectorize=True) (torch only)": "`torch.autograd."
    "functional.hessian(vectorize=True)` (только torch)",
    "torch.func.hessian / jax.hessian (forward over reverse)": "`torch.func.hessian` / "
    "`jax.hessian` (прямой режим поверх обратного)",
    "jacfwd(jacrev(f)) written out: what func/jax.hessian are defined as": "`jacfwd(jacrev(f))`, "
    "записанный явно: так определены `torch.func.hessian` и `jax.hessian`",
    "jvp of the gradient function: torch.func.jvp(torch.func.grad) / jax.jvp(jax.grad)": "`jvp` "
    "от функции градиента: `torch.func.jvp(torch.func.grad)` / `jax.jvp(jax.grad)`",
    "vjp of the gradient function: torch.func.vjp(torch.func.grad) / jax.vjp(jax.grad)": "`vjp` "
    "от функции градиента: `torch.func.vjp(torch.func.grad)` / `jax.vjp(jax.grad)`",
    "form the whole Hessian (torch.func.hessian / jax.hessian), then H @ v": "построить гессиан "
    "целиком (`torch.func.hessian` / `jax.hessian`), затем `H @ v`",
    "forward that keeps what backward needs: grad mode on / jax.vjp": "прямой проход, который "
    "сохраняет всё нужное обратному: режим градиентов включён / `jax.vjp`",
    "forward only: torch.no_grad / the plain function": "только прямой проход: `torch.no_grad` / "
    "обычная функция",
    "torch.inference_mode (torch only)": "`torch.inference_mode` (только torch)",
    "one SGD step (cross-entropy) on a DeepNetwork": "один шаг `SGD` (кросс-энтропия) на "
    "`DeepNetwork`",
    "one SGD-with-momentum step of DeepNetwork on one batch of digits": "один шаг `SGD` с "
    "моментом для `DeepNetwork` на одном батче цифр",
    "one epoch: every batch of the order, gathered from the training set": "одна эпоха: все "
    "батчи по порядку, собранные из обучающей выборки",
    "ResNet-101 inference (eval mode) on NCHW/NHWC images": "инференс ResNet-101 (режим `eval`) "
    "на изображениях `NCHW`/`NHWC`",
    # The case records: Bench.left_out, why a usual mode is not timed
    "torch times backward() over a tape built before the call: there is no function for "
    "torch.compile to compile": "torch замеряет `backward()` по графу вычислений, построенному "
    "до вызова: у `torch.compile` нет функции, которую можно скомпилировать",
    "torch.compile is not benchmarked here: torch 2.13 refuses double backward and "
    "is_grads_batched inside a compiled function (RuntimeError), and a compiled "
    "torch.autograd.functional.hessian returns zeros without any error.": "`torch.compile` "
    "здесь не замеряется: torch 2.13 отказывается выполнять двойной обратный проход и "
    "`is_grads_batched` внутри скомпилированной функции (`RuntimeError`), а скомпилированный "
    "`torch.autograd.functional.hessian` без всякой ошибки возвращает нули.",
    # The case records: Bench.unequal_work, why timings are set apart from the verdict
    "a copy against a shared buffer (torch.from_numpy wraps NumPy's memory; JAX copies float64 "
    "into a float32 device array): memory traffic, not speed": "копия против общего буфера "
    "(`torch.from_numpy` работает прямо с памятью NumPy, а JAX копирует float64 в массив "
    "float32 на устройстве): это обмен с памятью, а не скорость вычислений",
    "XLA removes every matmul b's gradient does not need (0 products in the compiled program) "
    "while torch's tape replays all of them": "XLA убирает все матричные произведения, не "
    "нужные градиенту по b (в скомпилированной программе их 0), а torch, проходя назад по графу "
    "вычислений, вычисляет их все",
    "XLA returns zeros for an unused input without computing anything while torch's backward "
    "still runs the whole tape": "для неиспользуемого входа XLA возвращает нули, ничего не "
    "вычисляя, а обратный проход torch всё равно проходит весь граф вычислений",
    "on a CPU torch's .to('cpu') returns X itself while JAX's device_put copies all of it: a "
    "copy against a shared buffer, not a compute comparison": "на CPU `.to('cpu')` в torch "
    "возвращает сам X, а `device_put` в JAX копирует его целиком: копия против общего буфера, а "
    "не сравнение вычислений",
    # How a memory benchmark read the memory (torch_impl/jax_impl modes, bench/memory.py)
    "storages saved by autograd": "хранилища, сохранённые autograd",
    "live arrays": "живые массивы (`jax.live_arrays`)",
    "cuda allocator": "аллокатор CUDA",
    "XLA allocator": "аллокатор XLA",
    "process peak RSS (VmHWM after clear_refs)": "пиковая резидентная память процесса (`VmHWM` "
    "после `clear_refs`)",
    # The machine record: the backends' precision pins, jaxparity.machine.libraries
    "highest (TF32 off)": "`highest` (TF32 выключен)",
    "highest (true float32)": "`highest` (настоящий float32)",
    "XLA (Eigen / its own CPU kernels)": "XLA (Eigen / собственные ядра для CPU)",
    # jaxparity.machine.naming.WORDS: the machine in one line
    "no listed SIMD extensions": "без известных расширений SIMD",
    "Unknown CPU": "неизвестный CPU",
    "family {family}": "семейство {family}",
    "model {model}": "модель {model}",
    "stepping {stepping}": "степпинг {stepping}",
    "implementer {implementer}": "производитель {implementer}",
    "part {part}": "модель ядра {part}",
    "{n} logical CPU": "логических процессоров: {n}",
    "{n} logical CPUs": "логических процессоров: {n}",
    "{text} ({usable} usable)": "{text} (доступно {usable})",
    "virtual machine (hypervisor unknown)": "виртуальная машина (гипервизор неизвестен)",
    "{hypervisor} guest": "виртуальная машина {hypervisor}",
    # What a run recorded in words of its own: jaxparity.summary, bench/harness.py
    "missing: did not finish (run interrupted?)": "нет результата: не завершился (запуск прерван?)",
    "not checked in this run": "в этом запуске не проверялся",
    "JAX op by op is the jitted function uncompiled, and its first call compiles every "
    "primitive on its own (≈ 11 s for all cases here); timed runs include it": "JAX по одной "
    "операции — та же функция без компиляции, и её первый вызов компилирует каждый примитив "
    "отдельно (≈ 11 с на все кейсы здесь); замеряющие запуски его включают",
}
"""The other modules' texts the report quotes, keyed by their English words: when those change,
the test that every quoted text is translated fails, rather than a stale translation showing."""

RECORDED: dict[str, str] = {
    # jaxparity.selection.mode_excluded: why a run leaves a mode out
    "mode {mode} not in --modes {modes}": "режима {mode} нет в `--modes {modes}`",
    "torch.compile left out at --size test ({cost}; --modes to include)": "`torch.compile` не "
    "замеряется при `--size test` ({cost}; включить — через `--modes`)",
    "torch.compile timed at one size per case ({size}): {cost}": "`torch.compile` замеряется на "
    "одном размере для каждого кейса ({size}): {cost}",
    # bench/harness.py: what the test suite (untimed) skips
    "{cost}; timed runs include it (jaxparity bench, or pytest bench --benchmark-enable)": "{cost}"
    "; замеряющие запуски его включают (`jaxparity bench` или `pytest bench --benchmark-enable`)",
    # shared.backends, jaxparity.artifacts: a framework or device missing
    "no {device} visible to {framework} on this machine": "{framework} не видит {device} на этой "
    "машине",
    "no {device} visible to {framework}": "{framework} не видит {device}",
    "{framework} not selected by JAXPARITY_BACKENDS": "{framework} не выбран в "
    "`JAXPARITY_BACKENDS`",
    "{framework} backend unavailable: {error}": "бэкенд {framework} недоступен: `{error}`",
    # torch_impl.modes: a mode the installed torch cannot time
    "torch {version} cannot compile inference_mode safely": "torch {version} не может безопасно "
    "скомпилировать `inference_mode`",
    # jaxparity.bench, jaxparity.summary, jaxparity.results: what a run did not finish
    "no {size} size declared for this case": "у этого кейса не объявлен размер {size}",
    "{case}: not timed — {reason}": "{case}: не замерялся — {reason}",
    "{n} planned results are missing: the run did not finish": "нет запланированных "
    "результатов: {n}; запуск не завершился",
    "{file}: the last line was cut off (run interrupted?); ignored": "{file}: последняя строка "
    "оборвана (запуск прерван?) и пропущена",
    "{file}: {n} line(s) of another run than {run} left out (an earlier or orphaned process "
    "wrote them here)": "{file}: пропущены строки другого запуска, не {run}: {n} (их записал "
    "более ранний или осиротевший процесс)",
    # The case records: Bench.variants of the DeepNetwork, the same words and where
    "{what}; on a DeepNetwork": "{what}; на `DeepNetwork`",
}
"""What a run recorded with values in it, keyed by the English template that made it
(``texts.Texts.quote`` matches it and translates each value in turn)."""

MESSAGES: dict[str, str] = {
    # The page and its header
    "title": "jaxparity — урок по PyTorch на PyTorch и на JAX, с проверкой и замерами",
    "header.run": "Запуск {when} на **{machine}**{gpu}.",
    "header.plan": "Устройства: {devices}; размер замеров `{bench_size}`, режимы: {modes}; "
    "проверка совпадения на размере `{check_size}`.",
    "header.gpu": " и **{gpu}**",
    "header.unknown_cpu": "неизвестном CPU",
    "header.all_modes": "все",
    "header.counts": "**Подсчёт**:",
    "header.not_run": "Незапущенные замеры, по причинам:",
    "counts.cases": "кейсы: выбрано {selected} из {in_lesson}",
    "counts.check": "проверки совпадения (кейс × фреймворк × устройство)",
    "counts.bench": "замеры (кейс × вариант × размер × фреймворк × устройство × режим)",
    "counts.line": "{kind}: запланировано {planned}: выполнено {run} (пройдено {passed}, "
    "провалено {failed}), пропущено с указанием причины {skipped}, отсутствует {missing}",
    "counts.not_selected": "; не выбрано {not_selected}",
    "nav.claim": "Утверждение урока",
    "nav.details": "Итог подробно",
    "nav.glance": "Коротко",
    "nav.profile": "Таблица 1 в цифрах",
    "nav.training": "Время до точности",
    "nav.compute": "Больше ресурсов?",
    "nav.strict": "Один Python тремя способами",
    "nav.distributed": "Движки рядом",
    "nav.differences": "Помимо скорости",
    "nav.selfcheck": "Второй таймер",
    "nav.machine": "Машина",
    "nav.method": "Методика",
    "note.warning": "Внимание:",
    "expand.all": "Развернуть всё",
    "expand.none": "Свернуть всё",
    "topic.tensors": "1. Тензоры",
    "topic.devices": "2. Размещение на устройствах",
    "topic.autograd": "3. Autograd",
    "topic.advanced": "4. Продвинутое дифференцирование",
    "topic.modes": "5. Режимы вычисления градиентов",
    "topic.modules": "6. Модули и нейронные сети",
    "topic.resnet": "7. ResNet-101 целиком",
    "topic.training": "8. Обучение до заданной точности",
    "topic.strict": "9. Более строгий код на примерах",
    # Words the tables use
    "status.pass": "пройдено",
    "status.fail": "провалено",
    "status.skip": "пропущено",
    "verdict.win": "победа",
    "verdict.tie": "ничья",
    "verdict.loss": "поражение",
    # The lesson's claim
    "claim.heading": "Утверждение урока в цифрах",
    "claim.quote": "Урок заканчивается так: «{quote}».",
    "details.heading": "Итог подробно",
    "claim.intro": "Каждое предложение ответов на утверждение урока сгенерировано из "
    "результатов этого запуска. Ускорение — это медиана парных отношений (torch без компиляции "
    "и второй участник замеряются чередующимися блоками с разницей в секунды) с интервалом "
    "{confidence} в квадратных скобках, построенным так, чтобы он выдержал и следующий запуск "
    "(см. методику). У каждого сравнения узкое место измерено в этом же запуске: "
    "*запуск операций* (много мелких операций, каждая стоит примерно столько, сколько "
    "стоит её запустить: компиляция выигрывает, убирая запуски) или *ядра библиотек* "
    "(несколько крупных ядер: решают ядра библиотек); подсчёты и средние даются "
    "отдельно для каждого узкого места и никогда не смешиваются. Победа означает, что JAX быстрее "
    "хотя бы на {margin} с уверенностью {confidence} (весь интервал не ниже {tie}×), "
    "поражение — что он хотя бы на {margin} медленнее; всё остальное — ничья.",
    "claim.nothing": "**Итог**: в этом запуске не замерялся — ни один вычислительный кейс не "
    "завершился и в torch без компиляции, и в JAX с jax.jit.",
    "claim.jit": "**JAX с jax.jit против PyTorch без компиляции, {regime}** ({n}; {rule})"
    "{extremes}.{near}",
    "claim.rule.dispatch": "torch без компиляции тратит на каждую запущенную операцию не больше "
    "{k} нижних границ",
    "claim.rule.kernel": "torch без компиляции тратит на каждую запущенную операцию больше {k} "
    "нижних границ",
    "claim.jit.unplaced": "**JAX с jax.jit против PyTorch без компиляции, узкое место не "
    "определено** ({n}: в этом запуске не записаны числа операций или нижняя граница): "
    "среднего нет — оно смешало бы оба случая.",
    "claim.near": " В {n} из них более быстрая сторона работает не дольше {near} своих нижних "
    "границ (помечено {mark}): такое отношение измеряет запуск операций больше, чем работу.",
    "claim.extremes": ": от {low} ({low_where}) до {high} ({high_where})",
    "claim.lesson": "**На собственных размерах урока** (размер `{size}`): {parts}.",
    "claim.lesson.part": "{regime} ({n}): {count}{geomean}",
    "claim.lesson.mean": ", среднее геометрическое {geomean}",
    "claim.versus_compile": "**JAX с jax.jit против `torch.compile`, {regime}** ({n}): {count}; "
    "среднее геометрическое {geomean}. Сам `torch.compile` против torch без компиляции: "
    "{compile_geomean} (среднее геометрическое).",
    "claim.lead.none": "**Откуда берётся преимущество**: в этом запуске ни один кейс не "
    "замерялся по одной операции.",
    "claim.lead": "**Откуда берётся преимущество, {regime}** ({n}, где замерены torch без "
    "компиляции, JAX по одной операции и JAX с jax.jit): JAX по одной операции работает со "
    "скоростью {kernel} от torch без компиляции (его ядра и запуск операций, без компиляции); "
    "`jax.jit` умножает это на {compiled} (компиляция), итого {total} (средние "
    "геометрические).",
    "claim.lead.no_lead": " Объяснять нечего: общего преимущества нет.",
    "claim.lead.all_compilation": " Всё преимущество JAX — это компиляция: по одной операции "
    "JAX медленнее torch без компиляции, а компиляция с лихвой это возмещает.",
    "claim.lead.all_kernels": " Всё преимущество JAX — его ядра и запуск операций: компиляция "
    "делает его медленнее, а не быстрее.",
    "claim.lead.shares": " На компиляцию приходится {share} преимущества JAX в логарифмической "
    "шкале, на его ядра и запуск операций — {rest}.",
    "claim.floor": "**Нижняя граница** ({device}): вызов, который почти ничего не делает, "
    "стоит {costs}; если кейс выполняется примерно за столько же, его время — это накладные "
    "расходы на вызов, а не арифметика.",
    "claim.ceiling": "**Потолок** ({device}, матричное умножение float32 {n}×{n}): {rates}. "
    "Каждое значение — это ядро библиотеки (BLAS или XLA), а не компиляция: для кейса, "
    "упирающегося в матричное умножение, отношение скоростей — это отношение этих чисел.",
    "claim.verdict": "**Итог** — JAX с jax.jit против PyTorch без компиляции на этой машине: "
    "{parts}. [Итог подробно ↓](#{anchor})",
    "claim.verdict.part": "где {regime}, {head} ({count} из {n}{geomean})",
    "claim.verdict.mean": "; среднее геометрическое {geomean}",
    "claim.verdict.most": "первая половина утверждения верна для большинства вычислительных кейсов",
    "claim.verdict.more_often": "она верна чаще, чем нет",
    "claim.verdict.never": "она не подтверждается: JAX с jax.jit ни разу не выиграл явно",
    "claim.verdict.in_places": "она верна лишь местами",
    "claim.why": "**Почему**: {reasons}.",
    "claim.why.fused": "компиляция (слияние операций, удаление лишнего кода, один запуск на "
    "вызов) ускоряет JAX в {n} из {of} кейсов",
    "claim.why.kernels": "ядра и запуск операций JAX сами по себе обгоняют torch без компиляции "
    "в {n} (по одной операции, до всякой компиляции: заслуга ядра библиотеки, а не "
    "компилятора)",
    "claim.why.slow_ops": "по одной операции JAX медленнее torch без компиляции в {n}",
    # Три ответа первого экрана (report/answers.py)
    "answer.train": "**Обучает быстрее?** {parts} [Обучение до заданной точности ↓](#{anchor})",
    "answer.train.parts": "До {target} % верных ответов на тестовых изображениях, с учётом "
    "компиляции: {parts}.",
    "answer.train.width": "на размере `{size}` (скрытый слой {hidden}; {regime}) ",
    "answer.train.faster": "первым дошёл {mode}, за {seconds} против {eager} у torch без "
    "компиляции ({ratio})",
    "answer.train.first": "первым дошёл {mode}, за {seconds}",
    "answer.train.none": "ни один запуск не дошёл до {target} %",
    "answer.train.break_even": "; `jax.jit` окупает компиляцию через {steps}",
    "answer.train.never": "; `jax.jit` не окупает компиляцию никогда (его шаг не быстрее)",
    "answer.train.student": ", `nnx.jit` в том виде, как его напишет студент, — за {seconds}"
    "{ratio}",
    "answer.train.ratio": " ({ratio})",
    "answer.train.student_not": ", `nnx.jit` в том виде, как его напишет студент, не дошёл до "
    "{target} %",
    "answer.strict": "**Более строгий код?** {said} [Три способа ↓](#{anchor})",
    "answer.strict.said": "Из {n} обычных функций на Python `jax.jit` отказывается выполнять "
    "{refused} ({errors}){otherwise}; `torch.compile` выполняет все {n}, в {breaks} из них "
    "разрывая граф вычислений и в {again} компилируя заново, а отказывается лишь в "
    "{fullgraph}, и только когда от него требуют один граф (`fullgraph=True`){torch}.",
    "answer.strict.otherwise": ", а {k} выполняет не так, как Python ({what})",
    "answer.strict.torch": "; по всем кейсам урока отказывается выполнять то, что выполняет "
    "другой, не только JAX ({jax}), но и torch ({torch}; [какие кейсы](#{anchor}))",
    "answer.strict.none": "В этом запуске не замерялось: ни один кейс темы `strict` не "
    "проверялся (их проверяет `jaxparity check --topic strict`; запуск по умолчанию включает "
    "их).",
    "answer.strict.failed": "В этом запуске не замерялось: проверки кейсов темы `strict` не "
    "прошли в обоих фреймворках (какие — видно в их таблице).",
    "answer.compute": "**Больше вычислительных ресурсов?** {said} [{where} ↓](#{anchor})",
    "answer.compute.where": "Время компиляции и память",
    "answer.compute.where.chart": "Время компиляции",
    "answer.compute.said": "Компиляция: {compile}; пиковая память процессов обучения: {memory}.",
    "answer.compute.compile": "{jax}, {torch}",
    "answer.compute.jax": "`jax.jit` — всего {total} с ({n}, медиана {median})",
    "answer.compute.no_jax": "времени компиляции JAX нет",
    "answer.compute.torch": "`torch.compile` — {total} с ({n}, медиана {median})",
    "answer.compute.no_torch": "`torch.compile` в этом запуске не замерялся",
    "answer.compute.compile_memory": "при компиляции {jit} против {base} — {pairs}",
    "answer.compute.train_memory": "при обучении {jit} против {base} — {pairs}",
    "answer.compute.pair": "{jax} против {torch} (`{size}`)",
    "answer.compute.no_memory": "в этом запуске не замерялась (её замеряет обучение до "
    "заданной точности)",
    "answer.compute.none": "В этом запуске не замерялось: ничего не компилировалось, а "
    "обучение до заданной точности не запускалось.",
    # Таблица 1 лекции, измеренная (report/table1.py)
    "profile.heading": "Куда уходит время — таблица 1 урока, измеренная",
    "profile.intro": "Урок доказывает таблицей из работы {source}, что нейросети — это "
    "произведения матриц: свёртки тензоров (△: произведения матриц, свёртки) выполняют почти все "
    "флопы, но занимают лишь 61 % времени, а статистическая нормализация (□: BatchNorm, "
    "`softmax`, редукции) и поэлементные операции (○), почти без флопов, — всё остальное. Ниже — "
    "то же разбиение для одного прямого прохода (инференс) каждой сети, измеренное в torch без "
    "компиляции, в JAX с `jax.jit` и в JAX по одной операции. **Прочее** — то, что ничего не "
    "вычисляет (копии, представления, смена раскладки в памяти), и та часть вызова, которую не "
    "покрывает ни одна операция (Python, запуск операций, сам профилировщик): так каждая строка "
    "в сумме даёт 100 %.",
    "profile.source": "Иванова и др. «{paper}» (MLSys 2021; один слой BERT в PyTorch на GPU)",
    "profile.none": "В этом запуске не измерялось: в папке результатов нет `{file}` (запуск "
    "старой версии или с `--profile none`). Показаны только числа урока.",
    "profile.cells": "В каждой ячейке: % флопов / % времени, на {device}. Время вызова — один "
    "прямой проход под профилировщиком, в скобках — без него.",
    "profile.col.network": "сеть · вход",
    "profile.col.mode": "фреймворк · режим",
    "profile.class.contraction": "△ свёртки тензоров",
    "profile.class.normalisation": "□ нормализация",
    "profile.class.element-wise": "○ поэлементные",
    "profile.class.other": "прочее",
    "profile.col.call": "один вызов",
    "profile.col.kernels": "кто считает свёртки тензоров",
    "profile.lesson.row": "таблица урока: слой BERT",
    "profile.lesson.mode": "PyTorch · GPU",
    "profile.call": "{profiled} ({wall})",
    "profile.not_measured": "{network} · {mode}: {status} — {reason}",
    "profile.name.contraction": "свёртки тензоров",
    "profile.name.normalisation": "нормализацию",
    "profile.name.element-wise": "поэлементные операции",
    "profile.name.other": "прочее",
    "profile.says.flops": "{network}: на свёртки тензоров приходится {flops} флопов, а "
    "времени — {times}.",
    "profile.says.in": "{share} в режиме «{mode}»",
    "profile.says.top": " В режиме «{mode}» больше всего времени уходит на {what} "
    "({share}{outside}).",
    "profile.says.outside": "; {share} вызова — вне всякой операции: Python и запуск операций",
    "profile.says.fused": " С компиляцией поэлементная работа и нормализация занимают {jit} на "
    "вызов против {eager} по одной операции (свёртки тензоров — {jit_c} против {eager_c}): XLA "
    "сливает их цепочки в один проход по памяти.",
    "profile.says.same": " С компиляцией и без неё поэлементная работа и нормализация "
    "занимают примерно одинаково: {jit} на вызов против {eager} по одной операции (свёртки "
    "тензоров — {jit_c} против {eager_c}).",
    "profile.says.unfused": " С компиляцией поэлементная работа и нормализация занимают "
    "больше: {jit} на вызов против {eager} по одной операции (свёртки тензоров — {jit_c} "
    "против {eager_c}).",
    "profile.says.folded": " В скомпилированной программе поэлементную работу или нормализацию "
    "берут на себя {n} из {of} ядер свёрток тензоров; остальная такая работа идёт отдельными "
    "циклами.",
    "profile.unknown": "{network} · {mode}: операции, которых нет ни в одной таблице (учтены "
    "как прочее): {names}.",
    "profile.busy": "Средняя загрузка во время профилирования доходила до {high} на {cores} "
    "ядрах: за ядра боролись другие процессы, и вызов, чей пул потоков ждёт занятое ими ядро, "
    "длится миллисекунды. Каждая строка берёт среднюю половину своих вызовов по длительности: "
    "это отбрасывает вызовы, которые ждали изредка, но не ожидание в каждом вызове.",
    "profile.unsteady": "Вызов под профилировщиком и без него различаются больше чем в {factor} "
    "раза в строках {rows}: это собственная цена профилировщика на каждую операцию, заметная "
    "при микросекундах на вызов, или ожидание (на общей машине — ядра, занятого другим "
    "процессом). Доли в этих строках — доли вызова под профилировщиком.",
    "profile.unsteady.row": "{network} · {mode} ({profiled} против {wall})",
    "profile.method.runtime": "Время: torch без компиляции — по `torch.profiler`, собственное "
    "время каждой операции `aten`, классифицированной по имени ({backends}); JAX с `jax.jit` — по "
    "`jax.profiler`, одно событие на каждое ядро, которое выполняет XLA:CPU, найденное в "
    "скомпилированной программе (`compiled.as_text()`) и классифицированное по тому, что оно "
    "вычисляет: слитое ядро с произведением — свёртка тензоров, с редукцией — нормализация; JAX "
    "по одной операции — тем же профилировщиком, каждая операция по своему имени.",
    "profile.method.flops": "Флопы — по формам: свёртки тензоров — 2 на умножение-сложение "
    "(`FlopCounterMode` в torch, `dot_general` и `conv_general_dilated` в jaxpr у JAX); "
    "поэлементные операции — 1 на элемент результата, редукции — 1 на элемент входа "
    "(`batch_norm` в torch — 4, `softmax` — 5: там это одна операция, в JAX — несколько "
    "примитивов).",
    "profile.method.xla": " Собственный подсчёт XLA (`cost_analysis`) против нашего: "
    "{networks}{why}.",
    "profile.method.xla_padding": "; XLA не считает произведений на нули, которыми свёртка "
    "дополняет вход по краям",
    "profile.method.xla_one": "{network} {diff}",
    "profile.method.calls": "Каждая строка усредняет среднюю половину своих вызовов под "
    "профилировщиком по длительности, после разогрева; сначала torch, потом JAX, без "
    "чередования (пул потоков одного фреймворка замедляет ядра другого). BatchNorm работает на "
    "накопленной статистике (режим `eval`).",
    "profile.method.compile": "Компиляция во время не входит: `jax.jit` скомпилировал {compiled}.",
    "profile.method.compile_one": "{network} за {compile} (трассировка {trace})",
    "split.heading": "Разбивка по кейсам",
    "split.intro": "Ускорения относительно torch без компиляции (> 1×: быстрее), у каждого — "
    "интервал {confidence}. JAX по одной операции × компиляция ≈ JAX jit (каждое — своя парная "
    "медиана). Время torch без компиляции — его медиана на вызов; в скобках у узкого места — во "
    "сколько раз время одной запущенной операции больше нижней границы (запуск операций — не "
    "больше чем в {k} раза; число операций — в замерах каждого кейса). {mark}: более "
    "быстрая сторона работает не дольше {near} нижних границ своего фреймворка.",
    "split.col.where": "кейс · вариант (размер)",
    "split.col.eager": "torch без компиляции",
    "split.col.regime": "узкое место (× нижней границы на операцию)",
    "split.col.op": "JAX по одной операции ×",
    "split.col.compilation": "компиляция ×",
    "split.col.jit": "JAX jit ×",
    "split.col.compile": "torch.compile ×",
    "split.col.jit_vs_compile": "JAX jit против torch.compile",
    "split.col.verdict": "итог",
    "apart.heading": "Отдельно: не сравнения вычислений",
    "regime.dispatch": "узкое место — запуск операций",
    "regime.kernel": "узкое место — ядра библиотек",
    "regime.none": "узкое место не определено",
    "regime.cell": "{regime} ({floors})",
    "regime.set_apart": "вынесено из итога: {reason}",
    "regime.near_floor": "{mark} более быстрая сторона работает не дольше {near} нижних границ "
    "своего фреймворка: отношение измеряет запуск операций больше, чем работу",
    "apart.intro": "Замерены и показаны в своих кейсах, но не входят ни в итог, ни в средние "
    "геометрические:",
    # At a glance
    "glance.heading": "Обзор",
    "glance.label": "{case} · {variant} (размер {size})",
    "glance.speedups": "Ускорение относительно PyTorch без компиляции на {device}, "
    "вычислительные кейсы (парная медиана, усы: интервал {confidence}; правее 1× — быстрее)",
    "glance.speedups.alt": "ускорения на {device}",
    "glance.compile": "Время компиляции на {device} (секунды, один раз на функцию и форму)",
    "glance.compile.alt": "время компиляции на {device}",
    "glance.nothing": "В этом запуске не завершился ни один замер: рисовать нечего.",
    # A case
    "case.lesson": "Из раздела урока «{heading}», строки {lo}–{hi}. Проверка совпадения: {parity}.",
    "agreement.framework": "фреймворк",
    "agreement.device": "устройство",
    "agreement.status": "статус",
    "agreement.abs_err": "макс. абс. ошибка относительно эталона",
    "agreement.rel_err": "макс. отн. ошибка",
    "agreement.vs_other": "torch против JAX (абс. / отн.)",
    "agreement.note": "примечание",
    "agreement.rel_undefined": "н/д (эталон ≈ 0)",
    "timings.heading": "Замеры",
    "timings.col.variant": "вариант",
    "timings.col.size": "размер",
    "timings.col.device": "устройство",
    "timings.col.mode": "фреймворк · режим",
    "timings.col.status": "статус",
    "timings.col.median": "медиана",
    "timings.col.spread": "межквартильный размах блоков (% медианы)",
    "timings.col.rounds": "раунды (блоки)",
    "timings.col.passes": "прогоны (разброс медиан)",
    "timings.col.compile": "компиляция",
    "timings.col.memory": "пиковая память",
    "timings.col.flops": "GFLOP/s (% от пика)",
    "timings.col.ops": "операций на вызов",
    "timings.col.regime": "узкое место (× нижней границы на операцию)",
    "timings.col.speedup": "× torch без компиляции [{confidence}]",
    "timings.col.verdict": "итог",
    "timings.col.note": "примечание",
    "timings.col.quartiles": "квартили блоков",
    "timings.col.min": "самый быстрый раунд",
    "timings.statistics": "Насколько можно доверять каждой медиане: как разнились её блоки, "
    "раунды и прогоны",
    "timings.apart": "Вне итога ({which}): {reason}.",
    "timings.not_run": "Не запускались: {which} — {reason}",
    "timings.not_run.one": "{variant} {mode} (размер {size}, {device})",
    "timings.not_run.more": " и ещё {n}",
    "scaling.heading": "Зависимость от размера",
    "scaling.size": "размер",
    "scaling.axis.b": "размер батча",
    "scaling.axis.w": "ширина",
    "scaling.axis.d": "глубина",
    "scaling.title": "{case} · {variant} на {device}: медианное время по оси «{axis}»{fixed}",
    "scaling.alt": "{case} {variant}, ось «{axis}», {device}",
    "differs.label": "В чём разница:",
    "code.summary": "Код рядом",
    "code.torch": "PyTorch — `{location}`",
    "code.jax": "JAX — `{location}`",
    "code.missing": "# ещё не написано",
    # A case's explainer: its artifacts
    "artifacts.cut_short": "В этом запуске нет {what}: в `{file}` для этого кейса ничего нет, "
    "хотя он проверялся: запуск прервался или сделан до появления артефактов.",
    "artifacts.not_asked": "В этом запуске нет {what}: в `{file}` для этого кейса ничего нет "
    "(их записывает `jaxparity check --case {case}`).",
    "graph.heading": "Графы рядом",
    "graph.none": "файлов графов",
    "graph.failed": "{framework}: графа нет — {reason}",
    "graph.title.torch": "PyTorch — рисунок `torchviz`: граф вычислений, записанный torch "
    "(узлы обратного прохода)",
    "graph.title.jax": "JAX — jaxpr функции потерь в виде рисунка (трассированная программа "
    "прямого прохода)",
    "graph.text": "Граф текстом",
    "graph.no_svg": " (нет SVG: {why})",
    "graph.text_missing": "Этот запуск не записал граф текстом (он сделан раньше, чем это "
    "появилось): его файлы — по ссылкам выше.",
    "graph.jaxpr": "jaxpr текстом: функция потерь и `jax.grad` от неё ({path})",
    "graph.files": "Файлы, которые студент может открыть рядом (пути относительно этого "
    "отчёта): {links}.",
    "count.heading": "Вычисляемые матричные произведения",
    "count.none": "подсчёта матричных произведений",
    "count.failed": "{framework} ({device}, размер `{size}`): подсчёта нет — {reason}",
    "count.column": "матричные произведения",
    "count.forward_row": "только функция потерь",
    "count.method": "Подсчитано функцией `matmul_counts` каждого бэкенда: в torch — по графу "
    "вычислений (хук на каждом узле `MmBackward0`; вариант считает только свой обратный проход, "
    "ведь прямой выполнен до него, как и в замере), в JAX — в оптимизированном HLO "
    "скомпилированной программы (вариант считает весь скомпилированный градиент вместе с прямым "
    "проходом). В обоих случаях это то, что вычисляет замеряемый вызов варианта.",
    "count.forward": "На размере `{size}` на {device} матричных произведений в прямом проходе "
    "torch без компиляции — {torch} (по одному на каждое `A @ B` цикла), в скомпилированной "
    "функции потерь JAX — {jax}",
    "count.shared": ": XLA видит одно и то же повторяющееся произведение и вычисляет его один раз",
    "count.free_timed": ". Варианту `{variant}` в скомпилированной программе матричное "
    "произведение не нужно вовсе, так что {jax_s} у JAX — это чистые накладные расходы на вызов; "
    "обратный проход torch вычисляет {torch_counts}, но тратит {torch_s} (в {ratio} дольше), "
    "проходя назад по графу вычислений, который построил его прямой проход",
    "count.none_either": "тоже ни одного",
    "count.free_one": ". Варианту {which} в скомпилированной программе матричное произведение "
    "не нужно вовсе",
    "count.free_many": ". Вариантам {which} в скомпилированной программе матричное произведение "
    "не нужно вовсе",
    "count.and": "{first} и {last}",
    "count.same_close": ". Там, где оба вычисляют одни и те же произведения ({which}), времена "
    "близки (torch против JAX: {times}): основное время уходит на произведения",
    "count.same_differ": ". Там, где оба вычисляют одни и те же произведения ({which}), времена "
    "различаются (torch против JAX: {times}): на этом размере решает что-то другое",
    "count.versus": "`{variant}` {torch} против {jax}",
    # Помимо скорости (report/differences.py)
    "differences.heading": "Помимо скорости: намеренные различия в поведении и память",
    "differences.training": "**Шаг обучения: с jax.jit и в том виде, как его напишет студент** "
    "({where}): "
    "один шаг `SGD` в JAX с jax.jit работает со скоростью {speedup} от PyTorch без "
    "компиляции{student}.",
    "differences.training.student": "; в том виде, как его напишет студент ({mode}), — "
    "{speedup}: граф объектов Python обходится при каждом вызове",
    "differences.behaviour": "**Намеренные различия в поведении**: в {n} из {of} кейсов "
    "фреймворки ведут себя по-разному, и каждое различие проверено и подтверждено в этом "
    "запуске — {which}{more}. [Один и тот же Python тремя способами](#strict-code): без "
    "компиляции, через `torch.compile` и через `jax.jit`.",
    "differences.refuses.torch": "отказывается torch",
    "differences.refuses.jax": "отказывается JAX",
    "differences.refuses.both": "отказываются оба, по-разному",
    "differences.more": "; и ещё {n}",
    "differences.memory": "**Память** там, где её измерял замер: {parts}.",
    "differences.memory.none": "**Память**: ни один замер в этом запуске не измерял память.",
    "differences.memory.peak": "пик",
    # Stricter code, shown as code (report/strict_code.py)
    "strict.heading": "Более строгий код: один и тот же Python тремя способами",
    "strict.intro": "Урок заканчивается словами о том, что JAX обучает модели быстрее "
    "благодаря оптимизации и компиляции, но требует более строгого кода. Вот что это значит "
    "в коде: одна и та же обычная функция на Python — в torch без компиляции, через "
    "`torch.compile` и через `jax.jit`, — и то, как то же самое принято писать в JAX. В "
    "каждой ячейке то, что наблюдалось в этом запуске и что принял судья; код и объяснения — "
    "в [кейсах темы](#topic-strict). Там, где `torch.compile` не может что-то захватить, он "
    "разрывает граф вычислений и выполняет эту часть в Python; `jax.jit` от такого кода "
    "отказывается, и torch тоже отказывается, если потребовать один граф "
    "(`fullgraph=True`). Графы считает бэкенд, который выполняет их как есть, компиляции "
    "JAX — его события мониторинга; секунды — время каждого вызова, и первый вызов с новой "
    "формой платит за свою компиляцию (первый вызов TorchInductor — ещё и за его запуск). "
    "Что сказал фреймворк, показано так, как он это написал.",
    "strict.device": "На устройстве {device}:",
    "strict.col.case": "обычный Python",
    "strict.col.eager": "torch без компиляции",
    "strict.col.compile": "`torch.compile`",
    "strict.col.jit": "`jax.jit`",
    "strict.col.rewrite": "как принято в JAX",
    "strict.ran": "выполнилась",
    "strict.raised": "исключение `{error}`: `{message}`",
    "strict.raised_class": "исключение `{error}`",
    "strict.op_by_op": "без `jit`: {what}",
    "strict.same_error": "то же исключение",
    "strict.graphs": "скомпилировано графов: {n}",
    "strict.dynamic": "из них с динамической длиной: {n}",
    "strict.break": "разрыв графа: `{reason}`",
    "strict.no_break": "без разрыва графа",
    "strict.fullgraph": "с `fullgraph=True` — исключение `{error}`",
    "strict.fullgraph_ok": "с `fullgraph=True` компилируется",
    "strict.compiles": "компиляций: {n} на {calls} формы",
    "strict.seconds": "секунды на вызов{backend}: {seconds}",
    "strict.backend": " (`{backend}`)",
    "strict.prints": "`print` выполнился в {n} из {calls} вызовов",
    "strict.printed": "напечатано: `{text}`",
    "strict.appends": "`append` выполнился в {n} из {calls} вызовов",
    "strict.use_error": "в список попал трейсер: при его использовании — исключение `{error}`",
    "strict.changed": "записала в `x`",
    "strict.unchanged": "`x` не изменился",
    "strict.same": "тот же ответ, что у torch без компиляции",
    "strict.differs": "ответ не совпадает с torch без компиляции",
    "strict.not_compared": "с torch не сравнивалось",
    "strict.failed": "провалено (см. кейс)",
    "strict.not_run": "не запускалось",
    "strict.rewrite.python_if": "`jnp.where`, `lax.cond`",
    "strict.rewrite.new_shapes": "входы дополнены до одной длины",
    "strict.rewrite.side_effect_print": "`jax.debug.print`",
    "strict.rewrite.side_effect_append": "значение возвращается и добавляется вне `jit`",
    "strict.rewrite.inplace_update": "`x.at[0].set(0)`",
    "strict.rewrite.dynamic_shape": "`jnp.nonzero(..., size=len(x))`, обрезка вне `jit`; "
    "`jnp.where`",
    # The machine
    "machine.heading": "Машина",
    "machine.what": "что",
    "machine.value": "значение",
    "machine.none": "Запись о машине не сохранена.",
    "machine.no_identity": "Запись о машине в этом запуске сделана раньше, чем появилась "
    "идентификация CPU и ядер: по ней нельзя отличить две машины с одинаковым названием модели.",
    "machine.machine": "машина",
    "machine.key.cpu_model": "CPU",
    "machine.key.cpu_count": "логических процессоров (`os.cpu_count`)",
    "machine.key.torch_gpu": "GPU (torch)",
    "machine.key.jax_devices": "устройства JAX",
    "machine.key.torch": "torch",
    "machine.key.torch_cuda": "torch CUDA",
    "machine.key.torch_threads": "потоки torch",
    "machine.key.torch_interop_threads": "потоки torch между операциями",
    "machine.key.jax": "jax",
    "machine.key.jaxlib": "jaxlib",
    "machine.key.flax": "flax",
    "machine.key.numpy": "numpy",
    "machine.key.jax_backend": "бэкенд JAX по умолчанию",
    "machine.key.xla_flags": "XLA_FLAGS",
    "machine.key.torch_float32_matmul": "матричное умножение float32 в torch",
    "machine.key.jax_default_matmul_precision": "точность матричного умножения в JAX",
    "machine.key.python": "Python",
    "machine.key.platform": "платформа",
    "machine.key.git_commit": "коммит",
    "machine.key.missing_backends": "отсутствующие фреймворки",
    "machine.key.load_1m_at_start": "средняя загрузка (1 мин) в начале",
    "machine.cpu_identity": "идентификация CPU",
    "machine.cpu.vendor": "производитель",
    "machine.cpu.family": "семейство",
    "machine.cpu.model": "модель",
    "machine.cpu.stepping": "степпинг",
    "machine.cpu.microarchitecture": "микроархитектура",
    "machine.cpu.microcode": "микрокод",
    "machine.isa": "наборы инструкций, от которых зависят ядра",
    "machine.caches": "кэши (объём каждого)",
    "machine.hypervisor": "гипервизор",
    "machine.no_hypervisor": "нет",
    "machine.other_pools": "другие пулы потоков",
    "machine.kernels": "вычислительные ядра {name}",
    "machine.kernel_env": "переменные окружения для ядер",
    "machine.peak": "Пик матричного умножения на {device}, измеренный в этом запуске: "
    "**{gflops} GFLOP/s** (матричное умножение float32 {n}×{n}, лучшее из NumPy, torch, JAX с "
    "jax.jit и JAX по одной операции: {mode}). Для кейсов, упирающихся в матричное умножение, "
    "скорость указана как доля от него.",
    "machine.peak.passes": " По прогонам: {values} GFLOP/s; прогон, заметно уступающий "
    "остальным, шёл, пока машину занимали другие арендаторы.",
    "machine.load": "Средняя загрузка (1 мин) в конце каждого замера: {low}–{high} при {cores} "
    "ядрах.",
    "machine.load.busy": " {n} из {of} замеров закончились при загрузке выше числа ядер: за CPU "
    "боролись другие процессы, так что эти времена завышены (больше всех страдает пул потоков, "
    "который ждёт вытесненный поток).",
    # How the numbers were made
    "method.heading": "Как получены эти числа",
    "method.parity": "Проверка совпадения: `shared.parity`, та же функция, что и в тестах, — "
    "каждый результат сравнивается с эталоном на NumPy (каждый допуск и его причина — в "
    "`shared/tolerances.py`), torch — с JAX, а наблюдаемое поведение — с ожиданиями кейса.",
    "method.timing": "Замеры: `pytest-benchmark` через `bench/harness.py`. Входы размещаются на "
    "устройстве до замера; компиляция (`torch.compile`, `jax.jit(...).lower().compile()`) "
    "выполняется до него, и её время указано отдельно (по первому прогону, с холодными кэшами); "
    "каждый замеряемый вызов дожидается результата (`block_until_ready`, "
    "`torch.cuda.synchronize`). JAX по одной операции — это та же функция, вызванная без "
    "`jax.jit`.",
    "method.modes": "Режимы, как их называют таблицы и графики: {modes}.",
    "method.modes.none": "Режимы: в этом запуске ничего не замерялось.",
    "method.blocks": "**Парные блоки.** Времена, которые сравниваются между собой (один кейс, "
    "вариант, размер и устройство: torch без компиляции, `torch.compile`, JAX с jax.jit, JAX по "
    "одной операции), замеряются чередующимися блоками в одном процессе: {rounds}. Перед каждым "
    "блоком — до {warmup_calls} разогревочных вызовов (но не дольше {warmup_ms} мс): после "
    "смены фреймворка пул потоков одного уже остыл, а другого ещё крутится. Порядок участников "
    "каждый раунд меняется на обратный. Почему так — измерено (`python -m bench.block_design`, "
    "{measured}): {design} — {conclusion}. Фреймворки никогда не чередуются по отдельным "
    "вызовам.",
    "method.blocks.rounds": "раундов на прогон — {blocks}, каждый участник замеряется примерно "
    "{block_s} с за раунд (хотя бы один вызов), прогонов — {passes}: свежие процессы, один за "
    "другим",
    "method.blocks.several": "несколько раундов на прогон",
    "method.speedup": "Ускорение — это медиана по раундам отношения медиан двух блоков: дрейф "
    "общей машины попадает в обе части отношения. Его интервал {confidence} должен выдержать "
    "ускорение следующего запуска, поэтому он учитывает два разброса: насколько расходятся "
    "медианы отношений отдельных прогонов (свежие процессы расходятся между собой так же, как "
    "два запуска) и насколько разбросаны раунды внутри прогона. Берётся более широкий из двух "
    "t-интервалов, и каждый разброс подтянут к типичному разбросу этого запуска (эмпирический "
    "Байес, как в пакете `limma` для величин, измеренных по несколько раз; если сравнений меньше "
    "{prior_from}, разброс не подтягивается); при одном прогоне есть только интервал по "
    "раундам, и о расхождении процессов он ничего не говорит. `jaxparity compare` "
    "показывает, как часто интервалы одного запуска накрывают "
    "ускорения другого. Для победы весь интервал должен быть не ниже {tie}× (для поражения — "
    "не выше {loss}×); всё остальное — ничья, так что итог у самого порога не переворачивается "
    "от шума следующего запуска. Медиана замера — медиана медиан его блоков; показанный "
    "разброс — межквартильный размах блоков (насколько «гуляла» машина).",
    "method.regimes": "**Узкие места.** Каждое сравнение вычислений (кейс, вариант, размер, "
    "устройство) получает узкое место по измерениям этого же запуска, а не по названию размера: "
    "медианное время вызова torch без компиляции делится на число операций, которые запускает "
    "один вызов, и сравнивается с нижней границей (один запуск крошечной операции). Не больше "
    "{k} нижних границ на операцию — узкое место *запуск операций*, больше — *ядра "
    "библиотек*: "
    "операция внутри настоящей функции сама по себе стоит нескольких нижних границ (autograd её "
    "записывает, преобразования torch.func её оборачивают; `python -m bench.op_cost` измеряет "
    "это на тензорах из одного элемента), поэтому вызов, который в среднем тратит не больше, "
    "может целиком состоять из запусков. Операции считаются один раз на замер, вне замеряемого "
    "участка (`bench/op_counts.py`): в torch без компиляции — каждая операция `aten`, дошедшая до "
    "диспетчера (`TorchDispatchMode`, вместе с обратным проходом); в `torch.compile` — каждый "
    "выполненный скомпилированный граф и операции вне графов; в JAX — уравнения верхнего уровня "
    "jaxpr вызова: функция под jit — одна операция (так что JAX с jax.jit — это 1), а тело "
    "собственной производной считается по операциям. Ускорение, у которого более быстрая "
    "сторона работает не дольше {near} своих нижних границ, помечено {mark}: не меньше половины "
    "такого вызова — сама нижняя граница. Собственные размеры урока — размер `{size}`.",
    "method.compile": "{cost}, поэтому запуск по умолчанию компилирует на одном размере для "
    "каждого кейса, а при `--size test` компиляция не замеряется (решает `--modes`). Каждый "
    "запуск начинается с пустого кэша TorchInductor (компилятора `torch.compile`), ведь "
    "`jax.jit` ничего не хранит на диске: "
    "время компиляции — это то, что платит первый запуск.",
    "method.malloc": "Процесс замеров работает с фиксированными порогами аллокатора `glibc` "
    "({names}; см. `jaxparity/bench.py`): иначе время вызова без компиляции зависит от того, "
    "какие замеры освободили память до него (измерение на градиентах по элементам батча в "
    "torch — в `MALLOC_PINNED` там же).",
    "method.files": "Пересобрать этот отчёт из сохранённых файлов: `jaxparity report --lang ru "
    "--out {folder}`; исходные результаты: {files}; файлы графов — в `{graphs}/`.",
    # jaxparity/report/fastest_column.py: each framework at its fastest idiom
    "fastest.heading": "Каждый фреймворк в самой быстрой записи",
    "fastest.intro": "Те же сравнения, что в итоге, но каждый фреймворк в самой быстрой "
    "записи: его самый быстрый вариант и режим среди записи из урока и идиом, замеренных в тех "
    "же парных блоках (описание варианта говорит, что в нём изменено), с компиляцией или без. "
    "Самый быстрый JAX против самого быстрого torch — парное отношение по раундам, с "
    "интервалом {confidence}.",
    "fastest.col.where": "кейс · вариант (размер)",
    "fastest.col.lesson": "как в уроке: JAX jit ×",
    "fastest.col.torch": "самый быстрый torch",
    "fastest.col.jax": "самый быстрый JAX",
    "fastest.col.fastest": "самый быстрый против самого быстрого: JAX ×",
    "fastest.col.verdict": "итог",
    "fastest.pick": "`{variant}` {mode}",
    "fastest.framework.torch": "torch",
    "fastest.framework.jax": "JAX",
    "fastest.headline": "**Каждый фреймворк в самой быстрой идиоматичной записи, {regime}** "
    "({n}; таблица «Каждый фреймворк в самой быстрой записи» ниже): самый быстрый вариант и "
    "режим JAX против самого быстрого у torch — среди записи из урока и идиом, замеренных "
    "рядом с ней: {count}{mean}.",
    "fastest.mean": "; среднее геометрическое {geomean}",
    "fastest.idioms": "Идиома обогнала запись из урока в своём фреймворке: {which}.",
    "fastest.idiom_won": "{case} · {lesson} (размер {size}), {framework}: {pick}, {gain}",
    "fastest.no_idiom": "Ни одна идиома не обогнала запись из урока в своём фреймворке с "
    "перевесом, достаточным для победы.",
    # jaxparity/report/selfcheck_section.py: the harness against a second timer
    "selfcheck.heading": "Проверка замеров вторым таймером",
    "selfcheck.intro": "После замеров несколько вызовов этого запуска замерены ещё раз, каждый "
    "в новом процессе, который импортирует только свой фреймворк, и собственным способом "
    "замера этого фреймворка: для torch — "
    "`torch.utils.benchmark.Timer(...).blocked_autorange(min_run_time={min_run})` с числом "
    "потоков запуска (блоки вызовов под `timeit`, сборщик мусора выключен; медиана по "
    "блокам), для JAX — простой цикл `jax.block_until_ready(fn(*args))`, каждый вызов "
    "замеряется `time.perf_counter` после {warmup} разогревочных вызовов, {min_run} с "
    "(его медиана). Входы, подготовка (функция `TIMED` кейса, `Backend.prepare`) и сам вызов — "
    "те же, что в основных замерах; каждый вызов замеряется в стольких новых процессах, сколько "
    "у запуска прогонов, и их медианы объединяются, как основной замер объединяет прогоны. "
    "Отношение основного замера ко второму таймеру больше 1× значит, что основной замер увидел "
    "вызов медленнее; они должны совпадать с точностью до {within}. Процесс сохраняет своё "
    "состояние до конца (вызов может идти на треть медленнее в одном процессе, чем в другом, "
    "каким бы таймером его ни замеряли): если объединённые медианы расходятся, но один из "
    "процессов основного замера и один из процессов второго таймера совпадают с точностью до "
    "{within}, таблица так и говорит и показывает процессы обеих сторон; предупреждение — "
    "только если не совпадают никакие два процесса.",
    "selfcheck.col.where": "вызов",
    "selfcheck.col.mode": "режим",
    "selfcheck.col.bound": "ограничен",
    "selfcheck.col.harness": "основной замер",
    "selfcheck.col.second": "второй таймер",
    "selfcheck.col.ratio": "основной ÷ второй",
    "selfcheck.col.agrees": "совпадение",
    "selfcheck.bound.kernel": "вычислительными ядрами",
    "selfcheck.bound.dispatch": "запуском операций",
    "selfcheck.within": "в пределах (разница {apart})",
    "selfcheck.differs": "разница {apart}",
    "selfcheck.states": "состояния процессов (разница {apart}): прогоны основного замера "
    "{harness}, процессы второго таймера {second}",
    "selfcheck.no_harness": "в этом запуске основной замер его не делал",
    "selfcheck.outside": "{n} из {of} вызовов, проверенных вторым таймером, расходятся с "
    "основным замером больше чем на {within} — ни один процесс не совпал: {which}. Их "
    "абсолютное время в этом отчёте неточно на столько же; парные ускорения страдают, только "
    "если обе стороны отношения искажены по-разному.",
    "selfcheck.see": " Подробнее — в разделе «Проверка замеров вторым таймером».",
    "selfcheck.all_within": "Все {n} проверенных вызовов совпадают со вторым таймером с "
    "точностью до {within} — хотя бы процесс с процессом.",
    "selfcheck.none": "В этом запуске ни один вызов не проверен: ни одного из проверяемых "
    "вызовов ({listed}) не было в его плане (они замеряются на размере по умолчанию, "
    "`--size cpu`).",
    "method.selfcheck": "**Второй таймер.** Несколько вызовов каждого фреймворка — "
    "ограниченных вычислительными ядрами и запуском операций — после замеров замеряются ещё "
    "раз собственными таймерами фреймворков, каждый в новом процессе (раздел «Проверка "
    "замеров вторым таймером», `jaxparity/selfcheck.py`).",
    # jaxparity show
    "show.lesson": "Из раздела урока «{heading}», строки {lo}–{hi}.",
    "show.outputs": "Результаты на размере test, устройство {device}",
    "show.key": "ключ",
    "show.printed": "(напечатано)",
    "show.drawing": "рисунок Graphviz (DOT): `jaxparity run` рисует его в отчёте; ниже этот "
    "граф показан текстом",
    "show.no_device": "{framework} не видит {device}",
    "show.parity": "Совпадение",
    "show.agree": "совпадают",
    "show.differ": "расходятся",
    "show.and": " и ",
    "show.judgement": "{judged}: {status} с эталоном, с ожиданиями{others}{largest}",
    "show.others": " и друг с другом",
    "show.largest": " (наибольшая разница {worst})",
    # Обучение до заданной точности и цена вычислений (report/training.py)
    "training.heading": "Обучение до заданной точности, как обучает пользователь, — и чего "
    "стоят вычисления",
    "training.intro": "{case}: `DeepNetwork` из урока учится распознавать цифры из "
    "`scikit-learn` (изображения 8×8 пикселей, {test} из них отложены для теста) "
    "стохастическим градиентным спуском с "
    "шагом {lr} и моментом {momentum}, батчами по {batch}, в каждом запуске с одних и тех же "
    "весов по одним и тем же батчам, пока доля верно распознанных тестовых изображений не "
    "дойдёт до {target} %. Каждый фреймворк в каждом режиме обучается в отдельном свежем "
    "процессе ({modes}); время идёт от сборки модели до конца эпохи, на которой точность "
    "достигнута: компиляция, подача батчей и проверка на тесте после каждой эпохи входят в "
    "него.",
    "training.none": "В этом запуске не замерялось: ни одно обучение до заданной точности не "
    "завершилось (его запускает `jaxparity bench --case training.to_accuracy`; запуск по "
    "умолчанию включает его).",
    "training.failed": "В этом запуске не замерялось: все обучения до заданной точности "
    "завершились ошибкой (см. журнал замеров, `bench.log`).",
    "training.width": "Размер `{size}`: ширина скрытого слоя {hidden}",
    "training.plot": "Лосс на каждом шаге обучения, размер {size} (скрытый слой {hidden}): все "
    "фреймворки и режимы этого запуска",
    "training.plot.x": "шаг обучения",
    "training.plot.alt": "кривые лосса на размере {size}",
    "training.fastest": "Первым до {target} % дошёл {mode}, за {seconds}{eager}.",
    "training.fastest.eager": "; torch без компиляции потратил {seconds} (в {ratio} дольше)",
    "training.fastest.none": "Ни один запуск не дошёл до {target} % за отведённые эпохи.",
    "training.memory_pointer": "обучение до заданной точности, каждый фреймворк и режим в "
    "свежем процессе: см. [чего стоят вычисления](#{anchor})",
    "training.curves": "Все {runs} кривые лежат одна на другой: на {steps} шагах, пройденных "
    "всеми, их лоссы отличаются не больше чем на {diff} (округление float32, которое каждое "
    "обновление несёт дальше; эталон проверяет то же обучение шаг за шагом).",
    "training.missing": "На этом размере не замерялось: {modes} (`torch.compile` обучается "
    "до заданной точности на одном размере, если `--size lesson` или `--modes compile` не "
    "просят обоих; почему запуск завершился ошибкой, сказано в `bench.log`).",
    "training.col.mode": "фреймворк · режим",
    "training.col.reached": "время до точности",
    "training.col.epochs": "эпохи (шаги)",
    "training.col.compile": "компиляция",
    "training.col.first": "первый шаг",
    "training.col.step": "шаг в установившемся режиме",
    "training.col.epoch": "эпоха (медиана)",
    "training.col.break_even": "окупается за шагов",
    "training.col.rss_before": "память до компиляции",
    "training.col.rss_compile": "пик при компиляции",
    "training.col.rss_train": "пик при обучении",
    "training.epochs": "{epochs} ({steps})",
    "training.not_reached": "не достигнута",
    "training.never": "никогда",
    "training.compute.heading": "Больше вычислительных ресурсов? Время компиляции и память, "
    "измеренные",
    "training.compute.one": "{size} {mode}: {jax} против {torch}",
    "training.compute.more": "JAX нужно больше — {where}",
    "training.compute.less": "JAX нужно меньше — {where}",
    "training.compute.alike": "примерно столько же (в пределах {same}) — {where}",
    "training.compute.missing": "ни один режим JAX не замерен вместе с {base} той же ширины",
    "training.compute.compile": "**Время компиляции** (в сравнении с {base}): {lead}.",
    "training.compute.compile_memory": "**Память при компиляции**, пиковый резидентный объём "
    "процесса (в сравнении с {base}): {lead}.",
    "training.compute.train_memory": "**Память при обучении**, пиковый резидентный объём "
    "процесса за все эпохи (в сравнении с {base}): {lead}.",
    "training.compute.gpu": "**На GPU** память была бы другой: при запуске JAX XLA занимает 75 % "
    "памяти GPU (`XLA_PYTHON_CLIENT_PREALLOCATE=false` отключает это, "
    "`XLA_PYTHON_CLIENT_MEM_FRACTION` меняет долю), поэтому `nvidia-smi` показывает, что JAX "
    "держит большую часть карты, что бы он ни обучал, а кэширующий аллокатор torch растёт по "
    "мере надобности тензоров. Здесь цифры хоста, где оба выделяют память по ходу дела.",
    "training.method": "Как: секунды компиляции — так же, как их меряет парный замер: "
    "`lower().compile()` для `jax.jit` (шаг или вся эпоха в `lax.scan`), первый вызов для "
    "`torch.compile` и `nnx.jit` (первый шаг обучения), с пустым кэшем TorchInductor в каждом "
    "процессе. Первый шаг — секунды от собранной модели до первого лосса (с компиляцией); шаг "
    "в установившемся режиме — медиана по эпохам после первой секунд обучения за эпоху, "
    "делённых на число шагов (со сбором батчей, без проверки на тесте). Окупаемость: секунды "
    "компиляции ÷ (шаг torch без компиляции − шаг режима), по числам того же запуска; "
    "*никогда* — если скомпилированный шаг не быстрее. Память — пиковый резидентный объём "
    "процесса (`VmHWM`, сброшенный через `/proc/self/clear_refs` перед компиляцией и ещё раз "
    "перед обучением): вместе с библиотеками фреймворка, данными и кэшами аллокаторов, как "
    "это видит пользователь в `top`. Каждая строка — один запуск, возможно на общей машине: "
    "различия меньше примерно 20 % читайте как шум.",
    # За пределами одного устройства: тема distributed (report/distributed.py)
    "topic.distributed": "10. За пределами одного устройства",
    "distributed.heading": "За пределами одного устройства: два движка рядом",
    "distributed.intro": "В обзоре урока перечислены `torch.distributed`, FSDP и "
    "коммуникационные хуки DDP, а в заключении сказано, что JAX требует больше "
    "вычислительных ресурсов. За пределами одного устройства фреймворки расходятся: torch "
    "*оборачивает модель* (DDP, FSDP2) и запускает по процессу на воркер; JAX *размечает, "
    "где лежат данные*, а коллективные операции вставляет компилятор — один процесс на все "
    "устройства машины или по процессу на машину с `jax.distributed`. Кейсы этой темы выше "
    "выполнены на настоящих движках фреймворков: рабочие процессы на 127.0.0.1, у каждого "
    "одно ядро и один вычислительный поток.",
    "distributed.who": "**Кто запускает процессы.** torch: запускающая программа стартует по "
    "процессу на воркер — на каждой машине это `torchrun`, здесь — собственный запуск набора "
    "тестов, который задаёт те же переменные (`RANK`, `WORLD_SIZE`, `MASTER_ADDR`, "
    "`MASTER_PORT`), — и каждый процесс входит в группу процессов (gloo на CPU, NCCL на GPU, "
    "по GPU на процесс). JAX: вы запускаете один Python на машину, и он сам управляет всеми "
    "её устройствами; `jax.distributed.initialize` соединяет процессы разных машин через "
    "координатора (здесь — два процесса на одной машине, между ними на CPU — gloo). Число "
    "CPU-устройств JAX определяется при его запуске, поэтому кейсы с одним процессом "
    "выполнялись в свежем процессе Python с двумя CPU-устройствами.",
    "distributed.where": "**Где происходит all-reduce.** DDP вешает хук на каждый параметр: "
    "во время `backward()`, как только бакет градиентов готов, его коммуникационный хук "
    "запускает асинхронный all-reduce, который идёт одновременно с остальным обратным "
    "проходом, а `backward()` возвращается, когда все они закончены. В JAX шаг обучения не "
    "меняется вовсе: градиент реплицированных параметров по батчу, поделённому между "
    "устройствами, — это сумма по устройствам, и XLA сам записывает all-reduce в "
    "скомпилированную программу (в скомпилированных шагах этого запуска: {collectives}).",
    "distributed.collectives.none": "кейсы этой темы на JAX не запускались",
    "distributed.sharding": "**Что такое шардирование.** `NamedSharding(mesh, P(…))` говорит, "
    "какую часть массива держит каждое устройство: `P('data')` делит первую ось по оси "
    "`data` сетки устройств, `P()` кладёт массив целиком на каждое устройство. Параллелизм по "
    "данным — это поделённый батч и целые параметры; шардирование в духе FSDP делит и "
    "параметры, так что каждое устройство хранит их 1/N. torch выражает то же размещениями "
    "`DTensor` (`Shard(0)`, `Replicate()`), которые за вас создаёт `fully_shard`.",
    "distributed.parity.heading": "Те же ответы",
    "distributed.parity.intro": "Каждый запуск сравнивается с эталоном на NumPy (обычный SGD "
    "по всему батчу; для all-reduce — сумма), с другим фреймворком и с запуском тех же шагов "
    "в том же фреймворке на одном устройстве (`vs_single`, как в собственных тестах DDP в "
    "torch): они могут отличаться только другим порядком суммирования, и разрыв судит оценка "
    "погрешности такой перестановки. Наибольшие абсолютные разности по всем параметрам и "
    "шагам:",
    "distributed.parity.none": "Ни один кейс этой темы в этом запуске не проверялся.",
    "distributed.col.case": "кейс",
    "distributed.col.framework": "фреймворк",
    "distributed.col.device": "устройство",
    "distributed.col.status": "статус",
    "distributed.col.processes": "процессов",
    "distributed.col.oracle": "от NumPy",
    "distributed.col.gap": "от одного устройства",
    "distributed.col.between": "torch от JAX",
    "distributed.col.size": "размер",
    "distributed.col.variant": "вариант",
    "distributed.col.median": "медиана шага",
    "distributed.col.speed": "× один процесс",
    "distributed.col.comm": "all-reduce в шаге",
    "distributed.col.alone": "all-reduce отдельно",
    "distributed.timing.heading": "Шаг параллелизма по данным: замер на 1 и 2 воркерах",
    "distributed.timing.intro": "Замеряют сами воркеры (`bench/test_distributed.py`): после "
    "разогрева и выравнивания на барьере каждый шаг — по своим часам; шаг нескольких "
    "воркеров — это шаг самого медленного из них. `single` — один процесс без движка; "
    "`workers_1` — движок, которому не с кем общаться; `workers_2` — два воркера, у каждого "
    "половина батча и одно ядро (torch: два процесса, JAX: два устройства одного процесса); "
    "`processes_2` — JAX в двух процессах (`jax.distributed`). DDP сообщает время своих "
    "all-reduce через коммуникационный хук (*all-reduce в шаге*, одновременно с обратным "
    "проходом); XLA не сообщает долю all-reduce в скомпилированном шаге, поэтому один "
    "all-reduce размером с градиенты замеряется ещё и отдельно, в обоих фреймворках. *× один "
    "процесс*: медиана шага одного процесса, делённая на медиану этого шага (больше 1× — "
    "быстрее).",
    "distributed.timing.none": "В этом запуске не замерялось: шаг параллелизма по данным "
    "замеряет `jaxparity run` по умолчанию (размеры `lesson` и `cpu`), а также `pytest "
    "bench/test_distributed.py --benchmark-enable --bench-size lesson --bench-size cpu`.",
    "distributed.scaling": "**Два воркера против одного процесса**: {lines}.",
    "distributed.scaling.one": "на размере `{size}` на {device} {framework} выполняет шаг со "
    "скоростью {speed}{comm}",
    "distributed.scaling.comm": " (его all-reduce: {share} % шага)",
    "distributed.two_cores": "**Что два ядра могут показать и чего не могут.** Они "
    "показывают, что движки вычисляют одно и то же и во что шагу обходятся обмен данными "
    "(all-reduce между двумя процессами одной машины через локальный TCP) и сам движок. "
    "Масштабирование они показать не могут: два воркера делят два ядра с запускающим "
    "процессом, операционной системой и другими программами, между ними нет сети и нет GPU, "
    "так что ускорение около 2× требует шага, достаточно большого, чтобы скрыть его "
    "all-reduce (размер `cpu`), и ничем не занятой машины; на размере урока шаг — одни "
    "накладные расходы, и два воркера медленнее одного. На GPU тот же план выполняется с "
    "`--device gpu`: NCCL для torch и коллективные операции XLA на GPU для JAX, по GPU на "
    "воркер; где GPU меньше двух, замер пропускается с указанием причины.",
}
