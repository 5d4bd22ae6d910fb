"""Beyond speed (``report/differences.py``) and stricter code, shown as code
(``report/strict_code.py``)."""

MESSAGES: dict[str, str] = {
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
}
