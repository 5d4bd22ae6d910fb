"""Autograd (seed lines 391–866).

Array outputs whose name contains ``grad`` are gradients, each derived by hand in its oracle
and computed in float64 NumPy, so both frameworks are judged against the mathematics, not
only against each other. Every case first checks its inputs with
:func:`shared.validation.require`: a wrong shape or dtype is a
:class:`shared.validation.CaseInputError`, never a silent broadcast. Besides the cases, each
backend module provides the lesson's functions under the same names (``lesson_z``,
``predict``, ``mse``, ``regression_loss``, ``calc_loss``), and the module beside it,
``autograd_artifacts.py``, ``write_graph(out_dir)`` and ``matmul_counts(inputs, device)`` (see
``torch_impl/`` and ``jax_impl/``).
"""

ORDER: tuple[str, ...] = (
    "backward_basics",
    "requires_grad",
    "intermediate_grad",
    "graph_view",
    "unsupported_op",
    "custom_function",
    "backward_inputs",
    "accumulation",
    "inplace_error",
    "clone_detach",
)
"""The topic's cases in lesson order: the modules ``shared/cases/autograd/<name>.py``."""
