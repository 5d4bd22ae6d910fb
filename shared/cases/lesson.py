"""The lesson's sections: where each case comes from, for readers who have the lesson or not.

The lesson (a Russian Jupyter notebook, "Введение в PyTorch") is not part of this repository;
its section headings are, verbatim, with an English gloss, so a case can be traced to the
lesson's text by heading. Line numbers (``Case.seed_lines``) point into the team's copy of it
and are a secondary reference.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A heading of the lesson: its first line, its words, and what they say in English."""

    line: int
    heading: str
    gloss: str


SECTIONS: tuple[Section, ...] = (
    Section(86, "Общий обзор", "Overview"),
    Section(202, "Базовые операции над тензорами", "Basic operations on tensors"),
    Section(
        320,
        "Первое ключевое отличие – возможность перемещения на GPU",
        "The first key difference: moving to the GPU",
    ),
    Section(391, "Второе ключевое отличие — Autograd", "The second key difference: autograd"),
    Section(458, "Визуализация графа вычислений", "Visualising the computational graph"),
    Section(
        493,
        "Зачем тогда уметь писать backward руками?",
        "Why, then, know how to write backward by hand?",
    ),
    Section(561, "Backward по отдельным параметрам", "Backward for chosen parameters only"),
    Section(675, "Аккумулирование градиентов", "Gradient accumulation"),
    Section(761, "Inplace операции", "In-place operations"),
    Section(794, "Копирование тензоров", "Copying tensors"),
    Section(867, "Продвинутое дифференцирование", "Advanced differentiation"),
    Section(927, "Менеджеры контекста", "Context managers"),
    Section(931, "Default Mode", "Default mode"),
    Section(935, "No grad mode", "No-grad mode"),
    Section(939, "Inference mode", "Inference mode"),
    Section(961, ".item()", ".item()"),
    Section(996, "Построение нейронных сетей", "Building neural networks"),
    Section(1000, "torch.nn.Module", "torch.nn.Module"),
    Section(1077, "Сборка нейронной сети", "Assembling a neural network"),
    Section(1106, "Моя первая нейронная сеть", "My first neural network"),
    Section(1179, "Моя вторая нейронная сеть", "My second neural network"),
    Section(1300, "Заключение", "Conclusion"),
)
"""In lesson order; a section runs until the next one starts."""


def section_at(line: int) -> Section:
    """The section the lesson's line ``line`` belongs to."""
    before = [s for s in SECTIONS if s.line <= line]
    if not before:
        raise ValueError(f"line {line} is before the lesson's first section (line 86)")
    return before[-1]
