"""The report and ``jaxparity show`` in Russian: every message of ``texts_en``, by the same id
and with the same ``{fields}``, written by hand in the lesson's terms (``shared.cases.ru`` lists
them: тензор, граф вычислений, прямой и обратный проход, градиент, лосс, замер, пример, …).

A few more terms the report needs: speed-up → ускорение; eager torch → torch без компиляции;
jitted JAX → JAX с jax.jit; op by op → по одной операции; compilation → компиляция; win / tie /
loss → победа / ничья / поражение; parity → проверка совпадения; oracle → эталон (NumPy);
pass of the benchmarks → прогон (a forward or backward pass stays проход); dispatch → запуск
операции, per-call overhead → накладные расходы на вызов; kernel → ядро библиотеки. Numbers,
units, code and identifiers stay as the English has them. Quotes are «ёлочки», dashes —.
"""

from __future__ import annotations

from shared.cases import Case
from shared.cases.ru import RU, Text


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
    "case": ("пример", "примера", "примеров"),
}


def case_text(case: Case) -> Text:
    """A case's Russian texts: ``shared.cases.ru``."""
    return RU[case.id]


FOREIGN: dict[str, str] = {
    # shared.run_modes: each mode's label and description
    "torch eager": "torch без компиляции",
    "PyTorch as the lesson writes it: each op dispatched as Python reaches it": "PyTorch, как "
    "его пишут в уроке: каждая операция запускается, как только до неё доходит Python",
    "torch.compile": "torch.compile",
    "the same function through torch.compile (TorchInductor), compiled before timing": "та же "
    "функция через torch.compile (TorchInductor), скомпилированная до замера",
    "JAX jit": "JAX jit",
    "the function compiled by jax.jit (XLA) before timing, then one dispatch per call": "функция, "
    "скомпилированная jax.jit (XLA) до замера, затем один запуск на вызов",
    "JAX op by op": "JAX по одной операции",
    "the same function without jax.jit: each op dispatched on its own, nothing fused": "та же "
    "функция без jax.jit: каждая операция запускается отдельно, ничего не сливается",
    "JAX nnx.jit": "JAX nnx.jit",
    "Flax's nnx.jit over the module, as a student writes it: its object graph walked per call": (
        "nnx.jit из Flax над модулем, как его напишет студент: граф объектов модуля обходится при "
        "каждом вызове"
    ),
    "JAX jit (gradient step)": "JAX jit (шаг градиента)",
    "the gradient step compiled by jax.jit, the loop around it in Python": "шаг градиента, "
    "скомпилированный jax.jit, а цикл вокруг него — на Python",
    "NumPy": "NumPy",
    "NumPy's own call (its BLAS): the machine's matmul ceiling only": "собственный вызов NumPy "
    "(его BLAS): только для потолка матричного умножения на этой машине",
    # jaxparity.bench.BLOCK_DESIGN: why the benchmarks are timed in paired blocks
    "(A @ A) ** 2, 500×500 float32, median ms per call, torch eager / JAX jit, range of two runs "
    "of python -m bench.block_design on the 2-core AMD EPYC Zen 4, 2026-12-03, while other "
    "tenants loaded the machine": "(A @ A) ** 2, 500×500 float32, медиана в мс на вызов, torch "
    "без компиляции / JAX jit, разброс двух запусков python -m bench.block_design на 2-ядерном "
    "AMD EPYC Zen 4, 2026-12-03, пока машину нагружали другие арендаторы",
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
    # shared.cases: why a variant is set apart from the verdict (Bench.unequal_work)
    "a copy against a shared buffer (torch.from_numpy wraps NumPy's memory; JAX copies float64 "
    "into a float32 device array): memory traffic, not speed": "копия против общего буфера "
    "(torch.from_numpy оборачивает память NumPy, а JAX копирует float64 в массив float32 на "
    "устройстве): это перенос данных в памяти, а не скорость",
    "XLA removes every matmul b's gradient does not need (0 products in the compiled program) "
    "while torch's tape replays all of them": "XLA убирает все матричные умножения, не нужные "
    "для градиента по b (в скомпилированной программе 0 произведений), а torch проигрывает "
    "весь записанный граф вычислений",
    "XLA returns zeros for an unused input without computing anything while torch's backward "
    "still runs the whole tape": "для неиспользуемого входа XLA возвращает нули, ничего не "
    "вычисляя, а обратный проход torch всё равно проходит весь граф вычислений",
    "on a CPU torch's .to('cpu') returns X itself while JAX's device_put copies its 1.6 GB: a "
    "copy against a shared buffer, not a compute comparison": "на CPU .to('cpu') в torch "
    "возвращает сам X, а device_put в JAX копирует его 1.6 ГБ: копия против общего буфера, а не "
    "сравнение вычислений",
    # jaxparity.selection.COMPILE_COST, jaxparity.graphviz.MISSING
    "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU": "torch.compile "
    "тратит до 11–18 с на каждую компилируемую функцию на 2-ядерном CPU",
    "Graphviz's dot is not installed; to get the pictures: apt install graphviz (Debian, "
    "Ubuntu), brew install graphviz (macOS) or conda install graphviz, then run again": "dot из "
    "Graphviz не установлен; чтобы получить рисунки: apt install graphviz (Debian, Ubuntu), "
    "brew install graphviz (macOS) или conda install graphviz, затем запустите снова",
}
"""The other modules' texts the report quotes, keyed by their English words: when those change,
the test that every quoted text is translated fails, rather than a stale translation showing."""

MESSAGES: dict[str, str] = {
    # The page and its header
    "title": "jaxparity — урок по PyTorch на PyTorch и на JAX, с проверкой и замерами",
    "header.run": "Запуск {when} на **{machine}**{gpu}; устройства: {devices}; размер замеров "
    "`{bench_size}`, режимы: {modes}; проверка совпадения на размере `{check_size}`.",
    "header.gpu": " и **{gpu}**",
    "header.unknown_cpu": "неизвестном CPU",
    "header.all_modes": "все",
    "header.counts": "**Подсчёт**:",
    "header.not_run": "Незапущенные замеры, по причинам:",
    "counts.cases": "примеры: выбрано {selected} из {in_lesson}",
    "counts.check": "проверки совпадения (пример × фреймворк × устройство)",
    "counts.bench": "замеры (пример × вариант × размер × фреймворк × устройство × режим)",
    "counts.line": "{kind}: запланировано {planned}: выполнено {run} (пройдено {passed}, "
    "провалено {failed}), пропущено с указанием причины {skipped}, отсутствует {missing}",
    "counts.not_selected": "; не выбрано {not_selected}",
    "nav.claim": "Утверждение урока",
    "nav.machine": "Машина",
    "nav.method": "Методика",
    "nav.profile": "Таблица 1 в цифрах",
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
    # Words the tables use
    "status.pass": "пройдено",
    "status.fail": "провалено",
    "status.skip": "пропущено",
    "verdict.win": "победа",
    "verdict.tie": "ничья",
    "verdict.loss": "поражение",
    # The lesson's claim
    "claim.heading": "Утверждение урока в цифрах",
    "claim.claim": "JAX обучает быстрее благодаря компиляции, но требует более строгого кода и "
    "больше вычислений.",
    "claim.intro": "Урок заканчивается так: *{claim}* Каждое предложение ниже сгенерировано из "
    "результатов этого запуска. Ускорение — это медиана парных отношений (torch без компиляции "
    "и второй участник замеряются чередующимися блоками с разницей в секунды) с интервалом "
    "{confidence} в квадратных скобках, построенным так, чтобы он выдержал и следующий запуск "
    "(см. методику). Каждое сравнение отнесено к режиму, измеренному в этом же запуске: "
    "*упор в запуск операций* (много мелких операций, каждая стоит примерно столько, сколько "
    "стоит её запустить: компиляция выигрывает, убирая запуски) или *упор в ядра библиотек* "
    "(несколько крупных ядер: решают ядра библиотек); подсчёты и средние даются по "
    "режимам и никогда не смешиваются. Победа означает, что JAX быстрее "
    "хотя бы на {margin} с уверенностью {confidence} (весь интервал не ниже {tie}×), "
    "поражение — что он хотя бы на {margin} медленнее; всё остальное — ничья.",
    "claim.nothing": "Ни один вычислительный пример не завершился и в torch без компиляции, и в "
    "JAX с jax.jit.",
    "claim.jit": "**JAX с jax.jit против PyTorch без компиляции, {regime}** ({n}: {rule}): "
    "{count}; среднее геометрическое {geomean}{extremes}.{near}",
    "claim.rule.dispatch": "torch без компиляции тратит на каждую запущенную операцию не больше "
    "{k} полов",
    "claim.rule.kernel": "torch без компиляции тратит на каждую запущенную операцию больше {k} "
    "полов",
    "claim.jit.unplaced": "**JAX с jax.jit против PyTorch без компиляции, без режима** ({n}: в "
    "этом запуске не записаны числа операций или пол): {count}; среднего нет — оно смешало бы "
    "оба режима.",
    "claim.near": " В {n} из них более быстрая сторона работает не дольше {near} своих полов "
    "(помечено {mark}): такое отношение измеряет запуск операций больше, чем работу.",
    "claim.extremes": ", от {low} ({low_where}) до {high} ({high_where})",
    "claim.lesson": "**На собственных размерах урока** (размер `{size}`): {parts}.",
    "claim.lesson.part": "{regime} ({n}): {count}{geomean}",
    "claim.lesson.mean": ", среднее геометрическое {geomean}",
    "claim.versus_compile": "**JAX с jax.jit против `torch.compile`, {regime}** ({n}): {count}; "
    "среднее геометрическое {geomean}. Сам `torch.compile` против torch без компиляции: "
    "{compile_geomean} (среднее геометрическое).",
    "claim.lead.none": "**Откуда берётся преимущество**: в этом запуске ни один пример не "
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
    "claim.floor": "**Пол** ({device}): один вызов, который почти ничего не делает, стоит "
    "{costs}: пример, замеренный около этих значений, — это накладные расходы на вызов, а не "
    "арифметика.",
    "claim.ceiling": "**Потолок** ({device}, матричное умножение float32 {n}×{n}): {rates}. "
    "Каждое значение — это ядро библиотеки (BLAS или XLA), а не компиляция: для примера, "
    "упирающегося в матричное умножение, отношение скоростей — это отношение этих чисел.",
    "claim.cost": "**Чего стоит компиляция**: {jax}; {torch}. Время компиляции замеряется "
    "отдельно, никогда не внутри замера.",
    "claim.cost.jax": "`jax.jit` — всего {total} с ({n}, медиана {median})",
    "claim.cost.no_jax": "времени компиляции JAX нет",
    "claim.cost.torch": "`torch.compile` — {total} с ({n}, медиана {median})",
    "claim.cost.no_torch": "`torch.compile` в этом запуске не замерялся",
    "claim.verdict": "**Итог**: на этой машине {parts}{why}. {price}",
    "claim.verdict.part": "при режиме «{regime}» {head} ({count} из {n})",
    "claim.verdict.most": "первая половина утверждения верна в большинстве случаев",
    "claim.verdict.more_often": "она верна чаще, чем нет",
    "claim.verdict.never": "она не подтверждается: JAX с jax.jit ни разу не выиграл явно",
    "claim.verdict.in_places": "она верна лишь местами",
    "claim.why": ". Почему: {reasons}",
    "claim.why.fused": "компиляция (слияние операций, удаление лишнего кода, один запуск на "
    "вызов) ускоряет JAX в {n} из {of} примеров",
    "claim.why.kernels": "ядра и запуск операций JAX сами по себе обгоняют torch без компиляции "
    "в {n} (по одной операции, до всякой компиляции: заслуга ядра библиотеки, а не "
    "компилятора)",
    "claim.why.slow_ops": "по одной операции JAX медленнее torch без компиляции в {n}",
    "claim.price": "Цена: {jit} с компиляции JAX в этом запуске{torch} и код, написанный как "
    "чистые функции от массивов.",
    "claim.price.torch": " ({seconds} с на torch.compile)",
    # Таблица 1 лекции, измеренная (report/table1.py)
    "profile.heading": "Куда уходит время — таблица 1 лекции, измеренная",
    "profile.intro": "Урок доказывает, что нейросети — это произведения матриц, таблицей из "
    "работы {source}: свёртки тензоров (△: произведения матриц, свёртки) выполняют почти все "
    "флопы, но занимают лишь 61 % времени, а статистическая нормализация (□: BatchNorm, "
    "softmax, редукции) и поэлементные операции (○), почти без флопов, — всё остальное. Ниже — "
    "то же разбиение для одного прямого прохода (инференс) каждой сети, измеренное в torch без "
    "компиляции, в JAX с `jax.jit` и в JAX по одной операции. **Прочее** — то, что ничего не "
    "вычисляет (копии, представления, смена раскладки в памяти), и та часть вызова, которую не "
    "покрывает ни одна операция (Python, запуск операций, сам профилировщик): так каждая строка "
    "в сумме даёт 100 %.",
    "profile.source": "Иванова и др. «{paper}» (MLSys 2021): один слой BERT в PyTorch на GPU",
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
    "profile.busy": "Средняя нагрузка во время профилирования доходила до {high} на {cores} "
    "ядрах: за ядра боролись другие процессы, и вызов, чей пул потоков ждёт занятое ими ядро, "
    "длится миллисекунды. Каждая строка берёт среднюю половину своих вызовов по длительности: "
    "это отбрасывает вызовы, которые ждали изредка, но не ожидание в каждом вызове.",
    "profile.unsteady": "Вызов под профилировщиком и без него различаются больше чем в {factor} "
    "раза в строках {rows}: это собственная цена профилировщика на каждую операцию, заметная "
    "при микросекундах на вызов, или ожидание (на общей машине — ядра, занятого другим "
    "процессом). Доли в этих строках — доли вызова под профилировщиком.",
    "profile.unsteady.row": "{network} · {mode} ({profiled} против {wall})",
    "profile.method.runtime": "Время: torch без компиляции — по `torch.profiler`, собственное "
    "время каждой операции aten, классифицированной по имени ({backends}); JAX с jit — по "
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
    "накопленной статистике (режим eval).",
    "profile.method.compile": "Компиляция во время не входит: `jax.jit` скомпилировал {compiled}.",
    "profile.method.compile_one": "{network} за {compile} (трассировка {trace})",
    "split.heading": "Разбивка по примерам",
    "split.intro": "Ускорения относительно torch без компиляции (> 1×: быстрее), у каждого — "
    "интервал {confidence}. JAX по одной операции × компиляция ≈ JAX jit (каждое — своя парная "
    "медиана). Время torch без компиляции — его медиана на вызов, рядом — сколько операций "
    "запускает один вызов; в скобках у режима — сколько полов приходится на одну операцию "
    "(упор в запуск операций — не больше {k}). {mark}: более быстрая сторона работает не "
    "дольше {near} своих полов.",
    "split.col.where": "пример · вариант (размер)",
    "split.col.eager": "torch без компиляции",
    "split.col.ops": "операций на вызов",
    "split.col.regime": "режим (полов на операцию)",
    "split.col.op": "JAX по одной операции ×",
    "split.col.compilation": "компиляция ×",
    "split.col.jit": "JAX jit ×",
    "split.col.compile": "torch.compile ×",
    "split.col.jit_vs_compile": "JAX jit против torch.compile",
    "split.col.verdict": "итог",
    "apart.heading": "Отдельно: не сравнения вычислений",
    "regime.dispatch": "упор в запуск операций",
    "regime.kernel": "упор в ядра библиотек",
    "regime.none": "без режима",
    "regime.cell": "{regime} ({floors})",
    "regime.set_apart": "вынесено из итога: {reason}",
    "regime.near_floor": "{mark} более быстрая сторона работает не дольше {near} своих полов: "
    "отношение измеряет запуск операций больше, чем работу",
    "apart.intro": "Замерены и показаны в своих примерах, но не входят ни в итог, ни в средние "
    "геометрические:",
    # At a glance
    "glance.heading": "Обзор",
    "glance.label": "{case} · {variant} (размер {size})",
    "glance.speedups": "Ускорение относительно PyTorch без компиляции на {device}, "
    "вычислительные примеры (парная медиана, усы: интервал {confidence}; правее 1× — быстрее)",
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
    "timings.col.spread": "IQR блоков (% от медианы)",
    "timings.col.rounds": "раунды (блоки)",
    "timings.col.passes": "прогоны (разброс медиан)",
    "timings.col.compile": "компиляция",
    "timings.col.memory": "пиковая память",
    "timings.col.flops": "GFLOP/s (% от пика)",
    "timings.col.ops": "операций на вызов",
    "timings.col.regime": "режим (полов на операцию)",
    "timings.col.speedup": "× torch без компиляции [{confidence}]",
    "timings.col.verdict": "итог",
    "timings.col.note": "примечание",
    "timings.not_run": "Не запускались — {reason}: {which}",
    "timings.not_run.one": "{variant} {mode} (размер {size}, {device})",
    "timings.not_run.more": " и ещё {n}",
    "scaling.heading": "Зависимость от размера",
    "scaling.size": "размер",
    "scaling.title": "{case} · {variant} на {device}: медианное время по оси «{axis}»{fixed}",
    "scaling.alt": "{case} {variant}, ось «{axis}», {device}",
    "differs.label": "В чём разница:",
    "code.summary": "Код рядом",
    "code.torch": "PyTorch — `{location}`",
    "code.jax": "JAX — `{location}`",
    "code.missing": "# ещё не написано",
    # A case's explainer: its artifacts
    "artifacts.cut_short": "В этом запуске нет {what}: в `{file}` для этого примера ничего нет, "
    "хотя он проверялся: запуск прервался или сделан до появления артефактов.",
    "artifacts.not_asked": "В этом запуске нет {what}: в `{file}` для этого примера ничего нет "
    "(их записывает `jaxparity check --case {case}`).",
    "graph.heading": "Графы рядом",
    "graph.none": "файлов графов",
    "graph.failed": "{framework}: графа нет — {reason}",
    "graph.title.torch": "PyTorch — рисунок torchviz: граф вычислений, записанный torch (узлы "
    "обратного прохода)",
    "graph.title.jax": "JAX — нарисованный jaxpr лосса (трассированная программа прямого прохода)",
    "graph.dot": "Граф в формате Graphviz DOT",
    "graph.no_svg": " (нет SVG: {why})",
    "graph.dot_missing": "({path} отсутствует)",
    "graph.dot_file": "файл DOT",
    "graph.jaxpr": "jaxpr текстом: лосс и jax.grad от него ({path})",
    "graph.files": "Файлы, которые студент может открыть рядом (пути относительно этого "
    "отчёта): {links}.",
    "count.heading": "Вычисляемые матричные произведения",
    "count.none": "подсчёта матричных произведений",
    "count.failed": "{framework} ({device}, размер `{size}`): подсчёта нет — {reason}",
    "count.column": "матричные произведения",
    "count.forward_row": "только лосс",
    "count.method": "Подсчитано функцией `matmul_counts` каждого бэкенда: в torch — по графу "
    "вычислений (хук на каждом узле `MmBackward0`; вариант считает только свой обратный проход, "
    "ведь прямой выполнен до него, как и в замере), в JAX — в оптимизированном HLO "
    "скомпилированной программы (вариант считает весь скомпилированный градиент вместе с прямым "
    "проходом). В обоих случаях это то, что вычисляет замеряемый вызов варианта.",
    "count.forward": "На размере `{size}` на {device} матричных произведений в прямом проходе "
    "torch без компиляции — {torch} (по одному на каждое `A @ B` цикла), в скомпилированном "
    "лоссе JAX — {jax}",
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
    # The claim's second half
    "second.part": "Вторая половина утверждения",
    "second.heading": "Более строгий код и больше памяти",
    "second.training": "**Обучение** ({where}): один шаг SGD в JAX с jax.jit работает со "
    "скоростью {speedup} от PyTorch без компиляции{student}.",
    "second.training.student": "; в том виде, как его напишет студент ({mode}), — {speedup}: "
    "граф объектов Python обходится при каждом вызове",
    "second.strict": "**Более строгий код**: в {n} из {of} примеров фреймворки намеренно ведут "
    "себя по-разному, и каждое различие проверено и подтверждено в этом запуске — "
    "{which}{more}.",
    "second.strict.more": "; и ещё {n}",
    "second.memory": "**Память** там, где её измерял замер: {parts}.",
    "second.memory.none": "**Память**: ни один замер в этом запуске не измерял память.",
    "second.memory.peak": "пик",
    # The machine
    "machine.heading": "Машина",
    "machine.what": "что",
    "machine.value": "значение",
    "machine.none": "Запись о машине не сохранена.",
    "machine.no_identity": "Запись о машине в этом запуске сделана раньше, чем появилась "
    "идентификация CPU и ядер: по ней нельзя отличить две машины с одинаковым названием модели.",
    "machine.machine": "машина",
    "machine.key.cpu_model": "CPU",
    "machine.key.cpu_count": "ядра CPU (os.cpu_count)",
    "machine.key.torch_gpu": "GPU (torch)",
    "machine.key.jax_devices": "устройства JAX",
    "machine.key.torch": "torch",
    "machine.key.torch_cuda": "torch CUDA",
    "machine.key.torch_threads": "потоки torch",
    "machine.key.torch_interop_threads": "потоки torch между операциями (inter-op)",
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
    "machine.key.git_commit": "коммит git",
    "machine.key.missing_backends": "отсутствующие фреймворки",
    "machine.key.load_1m_at_start": "средняя загрузка (1 мин) в начале",
    "machine.cpu_identity": "идентификация CPU",
    "machine.isa": "наборы инструкций, от которых зависят ядра",
    "machine.caches": "кэши (на экземпляр)",
    "machine.hypervisor": "гипервизор",
    "machine.no_hypervisor": "нет",
    "machine.other_pools": "другие пулы потоков",
    "machine.kernels": "ядра {name}",
    "machine.kernel_env": "переменные окружения для ядер",
    "machine.peak": "Пик матричного умножения на {device}, измеренный в этом запуске: "
    "**{gflops} GFLOP/s** (матричное умножение float32 {n}×{n}, лучшее из NumPy, torch, JAX с "
    "jax.jit и JAX по одной операции: {mode}). Для примеров, упирающихся в матричное умножение, "
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
    "method.parity": "Проверка совпадения: `shared.parity`, тот же помощник, что и в тестах, — "
    "каждый выход сравнивается с эталоном на NumPy (каждый допуск и его причина — в "
    "`shared/tolerances.py`), torch — с JAX, а наблюдаемое поведение — с ожиданиями примера.",
    "method.timing": "Замеры: pytest-benchmark через `bench/harness.py`. Входы размещаются на "
    "устройстве до замера; компиляция (`torch.compile`, `jax.jit(...).lower().compile()`) "
    "выполняется до него, и её время указано отдельно (по первому прогону, с холодными кэшами); "
    "каждый замеряемый вызов дожидается результата (`block_until_ready`, "
    "`torch.cuda.synchronize`). JAX по одной операции — это та же функция, вызванная без "
    "`jax.jit`.",
    "method.modes": "Режимы, как их называют таблицы и графики: {modes}.",
    "method.modes.none": "Режимы: в этом запуске ничего не замерялось.",
    "method.blocks": "**Парные блоки.** Времена, которые сравниваются между собой (один пример, "
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
    "Байес, как в limma для величин, измеренных по несколько раз; если сравнений меньше "
    "{prior_from}, разброс не подтягивается); при одном прогоне есть только интервал по "
    "раундам, и о расхождении процессов он ничего не говорит. `jaxparity compare` "
    "показывает, как часто интервалы одного запуска накрывают "
    "ускорения другого. Для победы весь интервал должен быть не ниже {tie}× (для поражения — "
    "не выше {loss}×); всё остальное — ничья, так что итог у самого порога не переворачивается "
    "от шума следующего запуска. Медиана замера — медиана медиан его блоков; показанный IQR — "
    "межквартильный размах блоков (насколько «гуляла» машина).",
    "method.regimes": "**Режимы.** Каждое сравнение вычислений (пример, вариант, размер, "
    "устройство) относится к режиму по измерениям этого же запуска, а не по названию размера: "
    "медианное время вызова torch без компиляции делится на число операций, которые запускает "
    "один вызов, и сравнивается с полом (один запуск крошечной операции). Не больше {k} полов "
    "на операцию — *упор в запуск операций*, больше — *упор в ядра библиотек*: "
    "операция внутри настоящей функции сама по себе стоит нескольких полов (autograd её "
    "записывает, преобразования torch.func её оборачивают; `python -m bench.op_cost` измеряет "
    "это на тензорах из одного элемента), поэтому вызов, который в среднем тратит не больше, "
    "может целиком состоять из запусков. Операции считаются один раз на замер, вне замеряемого "
    "участка (`bench/op_counts.py`): в torch без компиляции — каждая операция aten, дошедшая до "
    "диспетчера (`TorchDispatchMode`, вместе с обратным проходом); в `torch.compile` — каждый "
    "выполненный скомпилированный граф и операции вне графов; в JAX — уравнения верхнего уровня "
    "jaxpr вызова: функция под jit — одна операция (так что JAX с jax.jit — это 1), а тело "
    "собственной производной считается по операциям. Ускорение, у которого более быстрая "
    "сторона работает не дольше {near} своих полов, помечено {mark}: не меньше половины такого "
    "вызова — сам пол. Собственные размеры урока — размер `{size}`.",
    "method.compile": "{cost}, поэтому запуск по умолчанию компилирует на одном размере для "
    "каждого примера, а при `--size test` компиляция не замеряется (решает `--modes`). Каждый "
    "запуск начинается с пустого кэша inductor, ведь `jax.jit` ничего не хранит на диске: "
    "время компиляции — это то, что платит первый запуск.",
    "method.malloc": "Процесс замеров работает с фиксированными порогами аллокатора glibc "
    "({names}; см. `jaxparity/bench.py`): иначе время вызова без компиляции зависит от того, "
    "какие замеры освободили память до него (измерение на градиентах по элементам батча в "
    "torch — в `MALLOC_PINNED` там же).",
    "method.files": "Пересобрать этот отчёт из сохранённых файлов: `jaxparity report --lang ru "
    "--out {folder}`; исходные результаты: {files}; файлы графов — в `{graphs}/`.",
    # jaxparity show
    "show.lesson": "Из раздела урока «{heading}», строки {lo}–{hi}.",
    "show.outputs": "Выходы на размере test на {device}",
    "show.key": "ключ",
    "show.printed": "(напечатано)",
    "show.no_device": "{framework} не видит {device}",
    "show.parity": "Совпадение",
    "show.agree": "совпадают",
    "show.differ": "расходятся",
    "show.and": " и ",
    "show.verdict": "{judged}: {status} с эталоном, с ожиданиями{others}{largest}",
    "show.others": " и друг с другом",
    "show.largest": " (наибольшая разница {worst})",
}
