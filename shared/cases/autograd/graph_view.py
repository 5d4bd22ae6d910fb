from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.autograd._regression import REGRESSION, regression_grads, regression_inputs
from shared.cases.model import Case, Text

CASE = Case(
    "autograd.graph_view",
    "The graph of a linear-regression MSE: torchviz vs jaxpr",
    (458, 491),
    "torchviz draws torch's tape: backward nodes (MvBackward0 for X @ w), and as leaves "
    "only the tensors that require grad (Weight, Bias; not X or y). JAX's jaxpr is the "
    "traced forward program, every argument an input; jax.grad derives the backward "
    "program from it. write_graph(out_dir) in each backend writes both for a student.",
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
        explanation="torchviz рисует граф, записанный torch: узлы обратного прохода (MvBackward0 "
        "для X @ w), а листьями — только тензоры, которым нужен градиент (Weight, Bias; не X и не "
        "y). jaxpr в JAX — это трассированная программа прямого прохода, где каждый аргумент — "
        "вход; jax.grad выводит из неё программу обратного прохода. write_graph(out_dir) в каждой "
        "реализации записывает оба графа для студента.",
        differs="torchviz рисует узлы обратного прохода с листьями Weight и Bias; jaxpr — прямой "
        "проход, где X и y тоже входы.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    return regression_inputs(size, rng)


def oracle(*, X: np.ndarray, y: np.ndarray, w: np.ndarray, b: np.ndarray) -> Expected:
    return regression_grads(X, y, w, b)
