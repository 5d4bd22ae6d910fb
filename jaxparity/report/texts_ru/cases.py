"""A case's section: agreement, timings and its explainers (graphs, matmul counts)."""

MESSAGES: dict[str, str] = {
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
}
