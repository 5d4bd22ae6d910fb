"""The notebooks' own words, in English and in Russian. What they share with the report — a
case's texts, topic titles, mode labels, verdicts — comes from ``jaxparity.report.texts``.

Written here by hand, never translated at run time; ``tests/test_notebooks.py`` checks that
both languages have every message.
"""

from __future__ import annotations

LANGS: tuple[str, ...] = ("en", "ru")

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "title": "{topic} — the PyTorch lesson in PyTorch and JAX, side by side",
        "index_title": "The PyTorch lesson in PyTorch and JAX/Flax",
        "intro": (
            "Each section below is one idea of the lesson (a *case*). For each: what the "
            "lesson says, the PyTorch code and the JAX/Flax code — the very functions the "
            "project's tests check, not copies — then a cell that runs both on the same "
            "inputs and shows their outputs and whether they agree. Run the cells from the "
            "top. Change a `%%torch` or `%%jax` cell, run it, then run its comparison again: "
            "the comparison uses your version."
        ),
        "index_intro": (
            "An introductory PyTorch lesson, every idea done in PyTorch and in JAX/Flax, with "
            "the two compared on the same inputs. One notebook per part of the lesson:"
        ),
        "index_run": (
            "Each notebook's first cell installs what it needs from the clone of this "
            "repository it was opened in, and it runs on a CPU. The timings quoted come from "
            "the committed benchmark report ({report}); the notebooks' own timings are small "
            "live ones, to rerun and compare."
        ),
        "setup": "Set-up: the `%%torch` and `%%jax` cells of this notebook, precision pinned.",
        "install": "Installs this project (PyTorch, JAX, Flax and the cases) when it is missing.",
        "no_clone": (
            "This notebook runs from a clone of the jaxparity repository: clone it, open {path} "
            "in the clone and run this cell again — it then installs what the notebook needs."
        ),
        "overview": "Every case of the lesson, by part, as the notebooks present them.",
        "topic": "part",
        "case": "case",
        "timed": "timed",
        "title_column": "what it shows",
        "section": "Lesson section «{heading}» ({gloss}), lines {lo}–{hi}.",
        "differs": "**What differs:** {differs}",
        "case_id": "Case `{case_id}`.",
        "committed": (
            "Timed in the committed report ({report}, {machine}), at size `{size}`: median "
            "time per call, and the speed-up over eager PyTorch with its 95 % interval."
        ),
        "live": "A small live timing on this machine (test size; rerun it, the numbers move):",
        "variant": "variant",
        "mode": "mode",
        "median": "median",
        "speedup": "× eager torch",
        "regime": "regime",
        "verdict": "verdict",
        "caveat": "read with",
        "output": "output",
        "agree": "The two frameworks agree with the oracle, their expectations and each other.",
        "disagree": "They differ:",
        "calls": "calls",
        "compile": "compile",
        "not_timed": "{framework}: no live timing for `{variant}` ({reason})",
        "drawn": "a Graphviz drawing, shown as a picture",
        "not_drawn": (
            "a Graphviz drawing, not drawn: Graphviz's dot is not installed here (apt install "
            "graphviz, brew install graphviz or conda install graphviz, then rerun); the rows "
            "below show this graph as text"
        ),
    },
    "ru": {
        "title": "{topic} — урок по PyTorch: код на PyTorch и на JAX рядом",
        "index_title": "Урок по PyTorch на PyTorch и на JAX/Flax",
        "intro": (
            "Каждый раздел ниже — одна идея урока (*кейс*). Для каждого: что говорит урок, "
            "код на PyTorch и код на JAX/Flax — те самые функции, которые проверяют тесты "
            "проекта, а не копии, — и ячейка, которая запускает оба варианта на одних и тех "
            "же входных данных, показывает результаты и то, совпадают ли они. Запускайте "
            "ячейки сверху вниз. Измените ячейку `%%torch` или `%%jax`, выполните её, затем "
            "снова выполните сравнение: оно возьмёт вашу версию."
        ),
        "index_intro": (
            "Вводный урок по PyTorch: каждая идея сделана на PyTorch и на JAX/Flax, и оба "
            "варианта сравниваются на одних и тех же входных данных. По ноутбуку на каждую "
            "часть урока:"
        ),
        "index_run": (
            "Первая ячейка каждого ноутбука устанавливает всё, что ему нужно, из клона этого "
            "репозитория, в котором его открыли; работает он на CPU. Приведённые замеры взяты "
            "из сохранённого в репозитории отчёта ({report}); собственные замеры ноутбуков — "
            "небольшие, их можно перезапустить и сравнить."
        ),
        "setup": "Подготовка: ячейки `%%torch` и `%%jax` этого ноутбука, точность зафиксирована.",
        "install": "Устанавливает этот проект (PyTorch, JAX, Flax и кейсы), если его нет.",
        "no_clone": (
            "Этот ноутбук запускается из клона репозитория jaxparity: склонируйте репозиторий, "
            "откройте в клоне {path} и снова выполните эту ячейку — она установит всё, что нужно "
            "ноутбуку."
        ),
        "overview": "Все кейсы урока по частям, в том порядке, в каком их показывают ноутбуки.",
        "topic": "часть",
        "case": "кейс",
        "timed": "замерен",
        "title_column": "что показывает",
        "section": "Раздел урока «{heading}», строки {lo}–{hi}.",
        "differs": "**В чём разница:** {differs}",
        "case_id": "Кейс `{case_id}`.",
        "committed": (
            "Замер из сохранённого отчёта ({report}, {machine}) на размере `{size}`: медианное "
            "время вызова и ускорение относительно PyTorch без компиляции с 95 % интервалом."
        ),
        "live": "Небольшой замер на этой машине (тестовый размер; перезапустите — числа меняются):",
        "variant": "вариант",
        "mode": "режим",
        "median": "медиана",
        "speedup": "× torch без компиляции",
        "regime": "узкое место",
        "verdict": "вывод",
        "caveat": "оговорка",
        "output": "результат",
        "agree": "Оба фреймворка совпадают с эталоном, с ожидаемым поведением и друг с другом.",
        "disagree": "Есть расхождения:",
        "calls": "вызовов",
        "compile": "компиляция",
        "not_timed": "{framework}: нет живого замера для `{variant}` ({reason})",
        "drawn": "рисунок Graphviz, показан картинкой",
        "not_drawn": (
            "рисунок Graphviz не нарисован: здесь не установлен Graphviz (программа dot; apt "
            "install graphviz, brew install graphviz или conda install graphviz, затем "
            "перезапустите); ниже этот граф показан текстом"
        ),
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``values`` filled in."""
    return MESSAGES[lang][key].format(**values)
