"""Section 3, autograd: one method per case id ``autograd.<name>``.

Array outputs whose name contains ``grad`` are gradients (compared with the gradient
tolerance). Every case first checks its inputs with :func:`shared.validation.require`: a wrong
shape or dtype is a :class:`shared.validation.CaseInputError`, never a silent broadcast.
Besides the cases, each backend module provides the lesson's functions under the same names
(``lesson_z``, ``predict``, ``mse``, ``regression_loss``, ``calc_loss``), ``write_graph(out_dir)``
and ``matmul_counts(inputs, device)`` (see ``torch_impl/autograd.py`` and ``jax_impl``'s).
"""

from __future__ import annotations

from typing import Protocol

from shared.interface.backend import Array, Outputs


class Autograd(Protocol):
    def backward_basics(self, *, x: Array, y: Array, v: Array) -> Outputs:
        """``z = 3x³ − y²`` and its gradients: ``grad_x`` (9x²), ``grad_y`` (−2y) of
        ``z.sum()``, ``vjp_grad_x``/``vjp_grad_y`` with the cotangent ``v``; ``matches_9x2``."""
        ...

    def requires_grad(self, *, x: Array, y: Array) -> Outputs:
        """``z`` and how each framework marks what to differentiate: ``output_op`` (the last
        operation: ``sub``), ``result_keeps_input_alive``; in torch the flags, ``records_graph``
        and ``grad_before_backward``."""
        ...

    def intermediate_grad(self, *, x: Array, y: Array, v: Array) -> Outputs:
        """Gradients w.r.t. the intermediate ``z``: ``grad_z`` (of ``z.sum()``: ones),
        ``vjp_grad_z`` (= ``v``), ``vjp_grad_x``; in torch what ``z.grad`` is without
        ``retain_grad()``."""
        ...

    def graph_view(self, *, X: Array, y: Array, w: Array, b: Array) -> Outputs:
        """The lesson's regression MSE: ``loss``, ``grad_w``, ``grad_b``, and its graph as
        ``graph_text`` (Graphviz DOT), as text to read (torch's ``tape``, JAX's ``jaxpr``),
        ``node_count``, ``ops``, ``leaves``, ``matmul_op``."""
        ...

    def unsupported_op(self, *, weight: Array, idx: Array) -> Outputs:
        """``‖Embedding(weight)(idx)‖`` backward: ``error``, ``error_stage``, ``message`` of the
        lesson's code; ``loss`` and ``grad_weight`` (torch's convention) by a way that works."""
        ...

    def custom_function(self, *, X: Array, y: Array, w: Array, b: Array) -> Outputs:
        """The regression with ``ŷ = MySquare(Xw + b)``: ``loss``, ``grad_w``, ``grad_b``, the
        same with the built-in square (``builtin_grad_*``), and ``custom_node``."""
        ...

    def backward_inputs(
        self, *, A: Array, B: Array, b: Array, c: Array, q: float, num_iters: int
    ) -> Outputs:
        """``calc_loss``'s gradients: all of them (``grad_A``, ``grad_B``, ``grad_b``), only
        ``A``'s (``A_only_grad_A``), only ``b``'s (``b_only_grad_b``), and ``unused_grad``
        (``"None"`` or ``"zeros"``) for ``c``, which the loss never uses."""
        ...

    def accumulation(
        self, *, x: Array, X: Array, y: Array, w: Array, b: Array, chunks: int
    ) -> Outputs:
        """``first_grad`` (of Σx²), ``accumulated_grad`` (plus Σ2x's), ``after_reset_grad``;
        the regression's ``full_grad_*`` and the sum of ``chunks`` chunks' ``chunked_grad_*``."""
        ...

    def inplace_error(self, *, x: Array, m: Array, v: Array) -> Outputs:
        """``y.exp_()`` after ``z = y**2`` and ``m[m > 0.5] = 0``: ``exp_error``,
        ``exp_error_stage``, ``mask_error`` and messages; the ways that work: ``where``,
        ``where_grad``, ``masked_copy``, ``out_of_place_grad``."""
        ...

    def clone_detach(self, *, x: Array, y: Array, v: Array, p: Array) -> Outputs:
        """``sum(x + x.clone() + y.detach())``: ``grad_x`` (2), ``vjp_grad_x``, ``y_grad``
        (``"None"``/``"zeros"``); ``clone_grad`` (10), ``detached_backward``,
        ``detach_shares_memory`` (and in torch ``write_through_detached``)."""
        ...
