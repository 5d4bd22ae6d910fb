from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.autograd._regression import REGRESSION, regression_grads, regression_inputs
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.graph_view",
    "The graph of a linear-regression MSE: torchviz vs jaxpr",
    (458, 491),
    "The two pictures answer different questions. torch's graph is what backward will run, so it "
    "shows backward functions and ends at the tensors that want a gradient. A jaxpr is the "
    "program itself, forward, with nothing marked: which inputs are parameters is decided only "
    "when jax.grad is called. write_graph(out_dir) in each backend writes both for a student.",
    differs="torchviz draws backward nodes, leaves only Weight and Bias; a jaxpr is the "
    "forward program, X and y included.",
    expected={
        "torch": {"leaves": "Bias,Weight", "matmul_op": "MvBackward0"},
        "jax": {"leaves": "Bias,Weight,X,y", "matmul_op": "dot_general"},
    },
    takes=REGRESSION,
    unchecked={
        key: "the drawing and its node names, written out for the student; leaves and "
        "matmul_op are the judged summary of it"
        for key in (
            "graph_text",
            "tape",
            "node_count",
            "drawn_by",
            "ops",
            "jaxpr",
            "grad_jaxpr",
        )
    },
    returns="The lesson's regression MSE: ``loss``, ``grad_w``, ``grad_b``, and its graph as "
    "``graph_text`` (Graphviz DOT), as text to read (torch's ``tape``, JAX's ``jaxpr``), "
    "``node_count``, ``ops``, ``leaves``, ``matmul_op``.",
    ru=Text(
        title="Граф вычислений MSE линейной регрессии: torchviz против jaxpr",
        explanation="Две картинки отвечают на разные вопросы. Граф torch — это то, что выполнит "
        "backward, поэтому в нём функции обратного прохода, и заканчивается он на тензорах, "
        "которым нужен градиент. jaxpr — сама программа, прямой проход, где ничто не помечено: "
        "какие входы — параметры, решается только при вызове jax.grad. write_graph(out_dir) в "
        "каждой реализации записывает оба графа для студента.",
        differs="torchviz рисует узлы обратного прохода с листьями Weight и Bias; jaxpr — прямой "
        "проход, где X и y тоже входы.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return regression_inputs(size, rng)


def oracle(*, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> Expected:
    return regression_grads(X, y, w, b)
