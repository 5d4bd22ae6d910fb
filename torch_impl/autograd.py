"""Section 3, autograd, the PyTorch way: flags, a tape, and a ``.grad`` that accumulates.

Compare with ``jax_impl/autograd.py``: same names, same order. In torch a tensor *asks* for
gradients (``requires_grad=True``); every operation on it records a node (``grad_fn``) on a
tape; ``backward()`` walks the tape once, frees it, and *adds* into each leaf's ``.grad``.
Tensors are mutable, so autograd guards the tensors it saved for the backward pass (a version
counter per tensor), and ``detach()`` cuts a tensor out of the tape while sharing its memory.
JAX has none of this state: it differentiates functions, by argument, and returns values.

Beside it, what a student need not read: ``autograd_timing.py`` (the benchmark setups,
``TIMED``) and ``autograd_artifacts.py`` (``write_graph``, ``matmul_counts``).
"""

from __future__ import annotations

import re
import warnings
import weakref
from collections.abc import Iterator

import torch

from shared.tooling import timed_apart, tooling
from torch_impl import tape_dot


def _leaf(t: torch.Tensor) -> torch.Tensor:
    """A fresh leaf that asks for gradients: the caller's tensor is left as it was."""
    return t.detach().clone().requires_grad_(True)


@tooling
def _grad_kind(grad: torch.Tensor | None) -> str:
    if grad is None:
        return "None"
    return "zeros" if not bool(grad.any()) else "nonzero"


@tooling
def _op_name(node: torch.autograd.graph.Node) -> str:
    """``SubBackward0`` → ``sub``: the forward operation a tape node undoes."""
    return re.sub(r"Backward\d*$", "", node.name()).lower()


@tooling
def _nodes(root: torch.autograd.graph.Node) -> Iterator[torch.autograd.graph.Node]:
    """Every node of the tape behind ``root``, each once (``next_functions`` are its edges)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        yield node
        stack.extend(next_node for next_node, _ in node.next_functions)


# The lesson's functions. tests/test_autograd.py runs them through torch.autograd.gradcheck.


def lesson_z(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return 3 * x**3 - y**2


def predict(w: torch.Tensor, b: torch.Tensor, X: torch.Tensor) -> torch.Tensor:
    return X @ w + b  # (n,)


def mse(y_hat: torch.Tensor, y: torch.Tensor, total: int | None = None) -> torch.Tensor:
    """``mean((y − ŷ)²)``; a chunk of a bigger batch divides by the whole batch's ``total``
    instead, so that the chunks' gradients add up to the full batch's gradient."""
    squared = (y - y_hat) ** 2
    return torch.mean(squared) if total is None else torch.sum(squared) / total


def regression_loss(
    w: torch.Tensor, b: torch.Tensor, X: torch.Tensor, y: torch.Tensor, total: int | None = None
) -> torch.Tensor:
    return mse(predict(w, b, X), y, total)


def calc_loss(
    A: torch.Tensor, B: torch.Tensor, q: float, b: torch.Tensor, num_iters: int
) -> torch.Tensor:
    """The lesson's big graph: ``num_iters + 1`` matmuls, each a node on the tape."""
    C = A + A @ B + B
    for _ in range(num_iters):
        C = q * C + A @ B + b
    return torch.mean(C)


def rows_norm(weight: torch.Tensor, idx: torch.Tensor) -> torch.Tensor:
    """``‖weight[idx]‖``: the lesson's embedding lookup + norm, by plain indexing."""
    return torch.linalg.norm(weight[idx])


def masked_zero(m: torch.Tensor) -> torch.Tensor:
    """The lesson's out-of-place ``m[m > 0.5] = 0``."""
    return torch.where(m > 0.5, 0, m)


def clone_and_detach(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The lesson's ``x + x.clone() + y.detach()``."""
    return x + x.clone() + y.detach()


class MySquare(torch.autograd.Function):
    """The lesson's custom ``x²``: forward saves its input, backward returns ``2·x·grad``.

    JAX instead: ``jax.custom_vjp`` on a function, with ``fwd`` returning residuals and
    ``bwd`` returning a tuple of cotangents; there is no ``ctx`` object to stash things on.
    """

    @staticmethod
    def forward(ctx, input: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(input)
        return input**2

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        (input,) = ctx.saved_tensors
        return 2 * input * grad_output


class MySquareWrong(MySquare):
    """The lesson's first backward, ``grad_output * 2``: it forgets the factor ``x``.

    Kept as a teaching example: nothing fails when it runs, only ``gradcheck`` notices.
    """

    @staticmethod
    def backward(ctx, grad_output: torch.Tensor) -> torch.Tensor:
        return grad_output * 2


def backward_basics(*, x: torch.Tensor, y: torch.Tensor, v: torch.Tensor) -> dict:
    """``z = 3x³ − y²``; ``z.sum().backward()`` fills ``x.grad`` (9x²) and ``y.grad`` (−2y).

    ``z.backward(v)`` seeds the pass with a cotangent ``v`` instead of ``.sum()``'s ones; a second
    pass over one tape needs ``retain_graph=True``, since the first one frees it.
    """
    x, y = _leaf(x), _leaf(y)
    z = lesson_z(x, y)
    z.sum().backward(retain_graph=True)
    grad_x, grad_y = x.grad, y.grad
    x.grad = y.grad = None  # else the next backward adds to these
    z.backward(v)
    return {
        "z": z,
        "grad_x": grad_x,
        "grad_y": grad_y,
        "vjp_grad_x": x.grad,
        "vjp_grad_y": y.grad,
        "matches_9x2": torch.allclose(grad_x, 9 * x**2),
    }


def requires_grad(*, x: torch.Tensor, y: torch.Tensor) -> dict:
    """Gradients are asked for per tensor (``requires_grad``); results of tracked tensors carry a
    ``grad_fn``.
    """
    plain = x.clone()
    x = x.clone().requires_grad_(True)  # as torch.tensor([...], requires_grad=True)
    y = y.clone()
    y.requires_grad_()
    z = lesson_z(x, y)
    grad_before_backward = "None" if x.grad is None else "tensor"
    x_alive = weakref.ref(x)
    del x  # z's tape saved x for the backward of x³: it stays alive
    return {
        "z": z,
        "default_requires_grad": plain.requires_grad,
        "output_requires_grad": z.requires_grad,
        "records_graph": z.grad_fn is not None,
        "output_op": _op_name(z.grad_fn),
        "grad_before_backward": grad_before_backward,
        "result_keeps_input_alive": x_alive() is not None,
    }


def intermediate_grad(*, x: torch.Tensor, y: torch.Tensor, v: torch.Tensor) -> dict:
    """A non-leaf's ``.grad`` stays ``None`` (with a warning) unless ``retain_grad()`` asked."""
    x = _leaf(x)
    z = lesson_z(x, y)
    z.sum().backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        grad_without_retain = z.grad
    z = lesson_z(x, y)
    z.retain_grad()
    z.sum().backward(retain_graph=True)
    grad_z = z.grad
    x.grad = z.grad = None
    z.backward(v)
    return {
        "grad_z": grad_z,
        "vjp_grad_z": z.grad,
        "vjp_grad_x": x.grad,
        "grad_none_without_retain": grad_without_retain is None,
        "warned": any("retain_grad" in str(w.message) for w in caught),
    }


def graph_view(*, X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> dict:
    """The tape behind the lesson's MSE, drawn as Graphviz DOT as torchviz's ``make_dot`` does, and
    written as an indented tree (``tape``) to read where nothing draws the DOT.

    Nodes are backward functions (``MvBackward0`` undoes ``X @ w``); ``X`` and ``y`` are not drawn
    because they do not require gradients. torchviz draws it where it is installed, else
    ``tape_dot.walk`` (the same walk of ``grad_fn``); ``drawn_by`` says which.
    """
    w, b = torch.nn.Parameter(w.clone()), torch.nn.Parameter(b.clone())
    loss = regression_loss(w, b, X, y)
    names = {"Weight": w, "Bias": b, "Loss": loss}
    graph = tape_dot.draw(loss, params=names)
    tape_text = tape_dot.outline(loss, params=names)
    tape = list(_nodes(loss.grad_fn))
    params = {id(w): "Weight", id(b): "Bias"}
    loss.backward()
    return {
        "loss": loss,
        "grad_w": w.grad,
        "grad_b": b.grad,
        "graph_text": graph.source,
        "tape": tape_text,
        "node_count": graph.node_count,
        "drawn_by": graph.drawn_by,
        "ops": ",".join(sorted({n.name().removeprefix("torch::autograd::") for n in tape})),
        "leaves": ",".join(sorted(params[id(n.variable)] for n in tape if hasattr(n, "variable"))),
        "matmul_op": next(n.name() for n in tape if n.name().startswith("Mv")),
    }


def unsupported_op(*, weight: torch.Tensor, idx: torch.Tensor) -> dict:
    """The lesson's complex ``Embedding`` + ``linalg.norm``: refused already in the *forward* pass
    (a RuntimeError: embedding "does not support automatic differentiation for outputs with
    complex dtype"), because the weight requires grad.

    Indexing the weight directly (``weight[idx]``, the same rows) is differentiable for complex
    tensors. The ``.grad`` of a real loss of a complex tensor is ``∂/∂Re + i·∂/∂Im``, the direction
    of steepest ascent.
    """
    embedding = torch.nn.Embedding.from_pretrained(weight.clone(), freeze=False)
    error, stage, message = "", "forward", ""
    try:
        loss = torch.linalg.norm(embedding(idx))
        stage = "backward"
        loss.backward()
    except RuntimeError as e:
        error, message = type(e).__name__, str(e)
    weight = _leaf(weight)
    loss = rows_norm(weight, idx)
    loss.backward()
    return {
        "loss": loss,
        "grad_weight": weight.grad,
        "error": error,
        "error_stage": stage if error else "",
        "message": message,
    }


def custom_function(*, X: torch.Tensor, y: torch.Tensor, w: torch.Tensor, b: torch.Tensor) -> dict:
    """``MySquare.apply`` inside the lesson's regression gives the built-in ``**2``'s gradients.

    A ``torch.autograd.Function`` becomes one node on the tape (``MySquareBackward``) whose backward
    is yours.
    """
    w, b = _leaf(w), _leaf(b)
    loss = mse(MySquare.apply(predict(w, b, X)), y)
    custom_node = next(n.name() for n in _nodes(loss.grad_fn) if "MySquare" in n.name())
    loss.backward()
    w_builtin, b_builtin = _leaf(w), _leaf(b)
    mse(predict(w_builtin, b_builtin, X) ** 2, y).backward()
    return {
        "loss": loss,
        "grad_w": w.grad,
        "grad_b": b.grad,
        "builtin_grad_w": w_builtin.grad,
        "builtin_grad_b": b_builtin.grad,
        "custom_node": custom_node,
    }


def _zero_grad(*tensors: torch.Tensor) -> None:
    """The lesson's ``zero_grad``: ``None``, not zeros, so the next backward allocates anew."""
    for t in tensors:
        t.grad = None


def backward_inputs(
    *,
    A: torch.Tensor,
    B: torch.Tensor,
    b: torch.Tensor,
    c: torch.Tensor,
    q: float,
    num_iters: int,
) -> dict:
    """``backward(inputs=[...])`` computes only the gradients that lead to those leaves.

    ``inputs=[A]`` skips every ``Aᵀ @ grad`` (half the matmuls), ``inputs=[b]`` needs none, and an
    input the loss never used gets no ``.grad`` at all (``None``).
    """
    A, B, b, c = _leaf(A), _leaf(B), _leaf(b), _leaf(c)
    calc_loss(A, B, q, b, num_iters).backward()
    everything = {"grad_A": A.grad, "grad_B": B.grad, "grad_b": b.grad}
    leaves = {"A": A, "B": B, "b": b, "c": c}
    filled = {}
    for variant in ("A", "b", "unused"):
        _zero_grad(A, B, b, c)
        calc_loss(A, B, q, b, num_iters).backward(inputs=[leaves[_INPUTS[variant]]])
        filled[variant] = {name: leaf.grad for name, leaf in leaves.items()}
    return {
        **everything,
        "A_only_grad_A": filled["A"]["A"],
        "b_only_grad_b": filled["b"]["b"],
        "A_only_filled": ",".join(k for k, g in filled["A"].items() if g is not None),
        "b_only_filled": ",".join(k for k, g in filled["b"].items() if g is not None),
        "unused_grad": _grad_kind(filled["unused"]["c"]),
    }


_INPUTS = {"all": None, "A": "A", "b": "b", "unused": "c"}
"""Bench variant → the leaf passed as ``backward(inputs=[...])`` (``None``: every leaf)."""


def accumulation(
    *,
    x: torch.Tensor,
    X: torch.Tensor,
    y: torch.Tensor,
    w: torch.Tensor,
    b: torch.Tensor,
    chunks: int,
) -> dict:
    """Two ``backward`` calls add up in ``x.grad``; ``x.grad = None`` starts afresh.

    The chunked regression relies on it: each chunk's backward adds its share into ``w.grad``.
    """
    x = _leaf(x)
    torch.sum(x * x).backward()
    first = x.grad.clone()
    torch.sum(2 * x).backward()
    accumulated = x.grad.clone()
    x.grad = None
    torch.sum(2 * x).backward()
    w, b = _leaf(w), _leaf(b)
    regression_loss(w, b, X, y).backward()
    full_w, full_b = w.grad, b.grad
    chunked_w, chunked_b = _chunked_gradients(w, b, X, y, chunks, X.device)
    return {
        "first_grad": first,
        "accumulated_grad": accumulated,
        "after_reset_grad": x.grad,
        "full_grad_w": full_w,
        "full_grad_b": full_b,
        "chunked_grad_w": chunked_w,
        "chunked_grad_b": chunked_b,
    }


def _chunked_gradients(
    w: torch.Tensor,
    b: torch.Tensor,
    X: torch.Tensor,
    y: torch.Tensor,
    parts: int,
    device: torch.device,
) -> tuple[torch.Tensor, torch.Tensor]:
    """One backward per chunk of rows, each chunk moved to ``device`` first; ``.grad`` sums."""
    _zero_grad(w, b)
    for X_part, y_part in zip(
        torch.tensor_split(X, parts), torch.tensor_split(y, parts), strict=True
    ):
        regression_loss(w, b, X_part.to(device), y_part, total=len(y)).backward()
    return w.grad, b.grad


def inplace_error(*, x: torch.Tensor, m: torch.Tensor, v: torch.Tensor) -> dict:
    """Mutating what the tape saved fails at ``backward``; mutating a leaf fails at once.

    ``y.exp_()`` after ``z = y**2`` runs, but ``z``'s backward needs the old ``y``: the version
    counter notices (RuntimeError "modified by an inplace operation"). ``x[x > 0.5] = 0`` on a leaf
    that requires grad is refused right away. ``torch.where`` is the out-of-place way; masked
    assignment into a *clone* is fine too.
    """
    x = _leaf(x)
    y = 2 * x
    z = y**2
    y.exp_()
    exp_error, exp_message = "", ""
    try:
        z.backward(v)
    except RuntimeError as e:
        exp_error, exp_message = type(e).__name__, str(e)
    y = 2 * x
    z = y**2
    y = y.exp()  # a new tensor: the y that z saved is untouched
    x.grad = None
    z.backward(v)
    m = _leaf(m)
    mask_error, mask_message = "", ""
    try:
        m[m > 0.5] = 0
    except RuntimeError as e:
        mask_error, mask_message = type(e).__name__, str(e)
    kept = masked_zero(m)
    kept.backward(v)
    masked_copy = m.clone()
    masked_copy[m > 0.5] = 0
    return {
        "out_of_place_grad": x.grad,
        "where": kept,
        "where_grad": m.grad,
        "masked_copy": masked_copy,
        "exp_error": exp_error,
        "exp_error_stage": "backward" if exp_error else "",
        "exp_message": exp_message,
        "mask_error": mask_error,
        "mask_message": mask_message,
    }


def clone_detach(*, x: torch.Tensor, y: torch.Tensor, v: torch.Tensor, p: torch.Tensor) -> dict:
    """``clone()`` copies and stays on the tape; ``detach()`` leaves the tape and shares memory.

    In ``sum(x + x.clone() + y.detach())`` the clone is a second path to ``x`` (gradient 2) and
    ``y`` gets no gradient at all (``y.grad`` stays ``None``); a loss built only from
    ``p.detach().clone()`` cannot be backpropagated (RuntimeError).
    """
    x, y = torch.nn.Parameter(x.clone()), torch.nn.Parameter(y.clone())
    torch.sum(clone_and_detach(x, y)).backward()
    grad_x, y_grad = x.grad, _grad_kind(y.grad)
    x.grad = None
    clone_and_detach(x, y).backward(v)
    p = torch.nn.Parameter(p.clone())
    torch.sum(p.clone() * 10).backward()
    clone_grad = p.grad
    p.grad = None
    try:
        torch.sum(p.detach().clone() * 10).backward()
        detached_backward = _grad_kind(p.grad)
    except RuntimeError as e:
        detached_backward = type(e).__name__
    before = p[0, 0].item()
    detached = p.detach()
    detached[0, 0] += 1
    return {
        "grad_x": grad_x,
        "vjp_grad_x": x.grad,
        "clone_grad": clone_grad,
        "y_grad": y_grad,
        "clone_requires_grad": x.clone().requires_grad,
        "detach_requires_grad": x.detach().requires_grad,
        "detached_backward": detached_backward,
        "detach_shares_memory": detached.data_ptr() == p.data_ptr(),
        "write_through_detached": p[0, 0].item() != before,
    }


__getattr__ = timed_apart(__name__)  # TIMED, the benchmark setups: autograd_timing.py
