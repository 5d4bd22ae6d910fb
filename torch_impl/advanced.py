"""Section 4, advanced differentiation, the PyTorch way: ``torch.autograd`` and ``torch.func``.

Compare with ``jax_impl/advanced.py``: same names, same order. torch has two toolkits. The
lesson's ``torch.autograd.grad`` differentiates a graph that was *recorded* while tensors with
``requires_grad`` were computed; ``torch.func`` (grad, vmap, jacrev, jvp, hessian) transforms
*functions*, as JAX does. JAX has only the second kind.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping

import numpy as np
import torch
from torch import nn
from torch.func import functional_call

from shared.tooling import tooling
from torch_impl.backend import place, timed_on_device, torch_device
from torch_impl.modules import DeepNetwork
from torch_impl.modules_weights import load_weights

Params = dict[str, torch.Tensor]
LossesFn = Callable[..., torch.Tensor]
"""``losses(params, *batch) -> (n,)``: one loss per sample of the batch."""

with warnings.catch_warnings():
    # torch's first forward-mode call imports its JVP decompositions, which use torch.jit.script
    # and warn 18 times that it is deprecated: torch's own code, nothing to act on here.
    warnings.filterwarnings(
        "ignore", message="`torch.jit.script` is deprecated", category=DeprecationWarning
    )
    torch.func.jvp(torch.sin, (torch.zeros(()),), (torch.ones(()),))


def grad_mean(*, x: torch.Tensor, w: torch.Tensor) -> dict:
    """``autograd.grad`` returns the gradient instead of adding it to ``w.grad``."""
    w = w.detach().requires_grad_()  # the lesson's w = torch.randn(10, requires_grad=True)
    (grad,) = torch.autograd.grad(torch.mean(x @ w), [w])
    return {"grad": grad}


def vjp(*, x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> dict:
    """A non-scalar output needs ``grad_outputs``: the backward pass then computes ``v @ J``."""
    w = w.detach().requires_grad_()
    (grad,) = torch.autograd.grad(x @ w, [w], grad_outputs=v)
    return {"grad": grad}


# Per-sample gradients, each method written once for any per-sample losses function.


def _tracked(params: Mapping[str, torch.Tensor]) -> Params:
    """Fresh leaves that record a graph: autograd.grad differentiates with respect to them."""
    return {k: p.detach().requires_grad_() for k, p in params.items()}


def _per_sample_loop(losses: LossesFn, params: Mapping[str, torch.Tensor], *batch) -> Params:
    """The lesson's slow way: one forward, then one backward per sample through the same graph,
    which ``retain_graph=True`` keeps alive (by default the first backward frees it)."""
    params = _tracked(params)
    out = losses(params, *batch)
    # out[i], as the lesson writes it: `for loss in out` unbinds the n losses into one node
    # with n outputs that every backward then passes through (6× slower at n = 256 here).
    rows = [
        torch.autograd.grad(out[i], list(params.values()), retain_graph=True)
        for i in range(len(out))
    ]
    return {k: torch.stack(g) for k, g in zip(params, zip(*rows, strict=True), strict=True)}


def _per_sample_batched(losses: LossesFn, params: Mapping[str, torch.Tensor], *batch) -> Params:
    """The lesson's "experimental feature": all n backward passes as one, with the rows of
    ``eye(n)`` as a batch of ``grad_outputs`` (``is_grads_batched`` vmaps the backward)."""
    params = _tracked(params)
    out = losses(params, *batch)
    eye = torch.eye(len(out), dtype=out.dtype, device=out.device)
    grads = torch.autograd.grad(
        out, list(params.values()), grad_outputs=(eye,), is_grads_batched=True
    )
    return dict(zip(params, grads, strict=True))


def _per_sample_vmap_grad(losses: LossesFn, params: Mapping[str, torch.Tensor], *batch) -> Params:
    """``torch.func``: the gradient of one sample's loss, as a function, vmapped over the batch."""

    def one_loss(params: Params, *sample: torch.Tensor) -> torch.Tensor:
        return losses(params, *(s.unsqueeze(0) for s in sample))[0]

    in_dims = (None, *[0] * len(batch))  # the same parameters for every sample
    return torch.func.vmap(torch.func.grad(one_loss), in_dims=in_dims)(dict(params), *batch)


def _per_sample_jacrev(losses: LossesFn, params: Mapping[str, torch.Tensor], *batch) -> Params:
    """The Jacobian of the n losses with respect to the parameters: row i is sample i's grad."""
    return torch.func.jacrev(losses)(dict(params), *batch)


def _per_sample_vmap_grad_1d(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """``vmap_grad`` as torch.func is written best: one sample is a 1-D row and ``w`` the
    tensor itself, so no ``unsqueeze(0)`` per sample and no parameter dict to map over."""
    return torch.func.vmap(torch.func.grad(lambda w, x_i: x_i @ w), in_dims=(None, 0))(w, x)


PER_SAMPLE = {
    "loop": _per_sample_loop,
    "batched": _per_sample_batched,
    "vmap_grad": _per_sample_vmap_grad,
    "jacrev": _per_sample_jacrev,
}


def _linear_losses(params: Params, x: torch.Tensor) -> torch.Tensor:
    """The lesson's per-sample outputs ``X @ w``, each differentiated on its own."""
    return x @ params["w"]


@tooling
def network(weights: Mapping[str, np.ndarray], dims: tuple, device: str) -> DeepNetwork:
    """The lesson's ``DeepNetwork(*dims)`` on ``device``, holding the shared weights."""
    return load_weights(DeepNetwork(*dims).to(torch_device(device)), weights)


def _network_losses(model: nn.Module) -> LossesFn:
    """Each sample's cross-entropy, with the parameters passed in (``functional_call``)
    rather than read from the module: what torch.func's transforms need."""

    def losses(params: Params, x: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        logits = functional_call(model, params, (x,))  # (n, classes)
        return nn.functional.cross_entropy(logits, labels.long(), reduction="none")

    return losses


def _network_params(model: nn.Module) -> Params:
    return {name: p.detach() for name, p in model.named_parameters()}


@tooling
def _network_rows(grads: Mapping[str, torch.Tensor]) -> torch.Tensor:
    """(n, P): each sample's gradients, already in the shared layout, concatenated by name."""
    return torch.cat([grads[name].flatten(start_dim=1) for name in sorted(grads)], dim=1)


def _second_backward(x: torch.Tensor, w: torch.Tensor) -> tuple[str, str]:
    """What ``retain_graph=True`` prevents: the first backward frees the tensors the graph
    saved, so a second backward through the same graph fails."""
    w = w.detach().requires_grad_()
    out = x @ w
    torch.autograd.grad(out[0], w)
    try:
        torch.autograd.grad(out[1], w)
    except RuntimeError as e:
        return type(e).__name__, str(e)
    return "", ""


def per_sample_grads(
    *,
    x: torch.Tensor,
    w: torch.Tensor,
    labels: torch.Tensor,
    weights: Mapping[str, np.ndarray],
    dims: tuple,
    device: str,
) -> dict:
    """Per-sample gradients of ``X @ w`` and of the lesson's DeepNetwork, four ways each.

    A loop of ``autograd.grad(..., retain_graph=True)``, one ``is_grads_batched`` backward,
    ``torch.func.vmap(grad)`` and ``torch.func.jacrev`` (parameters via ``functional_call``).
    Without ``retain_graph`` a second backward fails (``reuse_error``).
    """
    model = network(weights, dims, device)
    out = {}
    for name, method in PER_SAMPLE.items():
        out[f"grads_{name}"] = method(_linear_losses, {"w": w}, x)["w"]
        grads = method(_network_losses(model), _network_params(model), x, labels)
        out[f"grads_mlp_{name}"] = _network_rows(grads)
    out["reuse_error"], out["reuse_message"] = _second_backward(x, w)
    return out


# Hessians of the lesson's S = w @ XᵀX @ w.


def quadratic_form(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The lesson's ``S = w @ X.T @ X @ w``."""
    return w @ x.T @ x @ w


def _hessian_double_backward(x: torch.Tensor, w: torch.Tensor) -> tuple:
    """The gradient made with ``create_graph=True`` is itself differentiable: a batched
    backward of it with the rows of ``eye(d)`` gives the Hessian row by row."""
    w = w.detach().requires_grad_()
    (grad,) = torch.autograd.grad(quadratic_form(x, w), w, create_graph=True)
    eye = torch.eye(len(w), dtype=w.dtype, device=w.device)
    (hess,) = torch.autograd.grad(grad, w, grad_outputs=(eye,), is_grads_batched=True)
    return grad.detach(), hess


def _hessian_functional(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The lesson's ``torch.autograd.functional.hessian``: one backward per gradient entry."""
    return torch.autograd.functional.hessian(lambda w: quadratic_form(x, w), w)


def _hessian_functional_vectorized(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """The same with ``vectorize=True``: the d backward passes vmapped into one."""
    return torch.autograd.functional.hessian(lambda w: quadratic_form(x, w), w, vectorize=True)


def _hessian_func(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """``torch.func.hessian``: a transform of the function, as in JAX."""
    return torch.func.hessian(quadratic_form, argnums=1)(x, w)


def _hessian_jacfwd_jacrev(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    """What ``torch.func.hessian`` is: forward mode over reverse mode."""
    return torch.func.jacfwd(torch.func.jacrev(quadratic_form, argnums=1), argnums=1)(x, w)


def hessian(*, x: torch.Tensor, w: torch.Tensor) -> dict:
    """The Hessian ``2XᵀX`` of the lesson's ``S = w @ X.T @ X @ w``, five ways.

    A gradient made with ``create_graph=True`` is backpropagated again with the rows of ``eye(d)``;
    ``torch.autograd.functional.hessian`` loops (or ``vectorize=True``); ``torch.func.hessian`` is
    ``jacfwd(jacrev(f))``.
    """
    grad, by_double_backward = _hessian_double_backward(x, w)
    return {
        "grad": grad,
        "hessian_double_backward": by_double_backward,
        "hessian_functional": _hessian_functional(x, w),
        "hessian_functional_vectorized": _hessian_functional_vectorized(x, w),
        "hessian_func": _hessian_func(x, w),
        "hessian_jacfwd_jacrev": _hessian_jacfwd_jacrev(x, w),
    }


# Beyond the lesson: products with J and H, never forming them.


def _hvp_forward_over_reverse(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Push ``v`` forward through the gradient function: ``H @ v`` in one forward-mode pass."""
    grad_fn = torch.func.grad(quadratic_form, argnums=1)
    return torch.func.jvp(lambda w: grad_fn(x, w), (w,), (v,))[1]


def _hvp_reverse_over_reverse(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Pull ``v`` back through the gradient function: ``vᵀH``, which is ``H @ v`` (H is
    symmetric)."""
    grad_fn = torch.func.grad(quadratic_form, argnums=1)
    _, pull_back = torch.func.vjp(lambda w: grad_fn(x, w), w)
    return pull_back(v)[0]


def _hvp_dense(x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Form the (d, d) Hessian, then multiply: d times the work of one HVP."""
    return _hessian_func(x, w) @ v


HVP = {
    "forward_over_reverse": _hvp_forward_over_reverse,
    "reverse_over_reverse": _hvp_reverse_over_reverse,
    "dense": _hvp_dense,
}


def jvp_hvp(*, x: torch.Tensor, w: torch.Tensor, v: torch.Tensor) -> dict:
    """``torch.func.jvp`` returns (f(w), J @ v) from one forward-mode pass."""
    _, jvp = torch.func.jvp(lambda w: x @ w, (w,), (v,))
    return {"jvp": jvp, **{f"hvp_{name}": method(x, w, v) for name, method in HVP.items()}}


# Benchmarks: the same functions, inputs placed on the device before timing.


def _per_sample_linear(method: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return (lambda x, w: method(_linear_losses, {"w": w}, x)["w"]), place(
            device, inputs["x"], inputs["w"]
        )

    return setup


def _per_sample_mlp(method: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        model = network(inputs["weights"], inputs["dims"], device)
        x, labels = place(device, inputs["x"], inputs["labels"])
        losses = _network_losses(model)
        return (lambda params, x, labels: method(losses, params, x, labels)), (
            _network_params(model),
            x,
            labels,
        )

    return setup


TIMED = {
    "advanced.per_sample_grads": {
        **{name: _per_sample_linear(m) for name, m in PER_SAMPLE.items()},
        **{f"mlp_{name}": _per_sample_mlp(m) for name, m in PER_SAMPLE.items()},
        "vmap_grad_1d": timed_on_device(_per_sample_vmap_grad_1d, "x", "w"),
    },
    "advanced.hessian": {
        "double_backward": timed_on_device(
            lambda x, w: _hessian_double_backward(x, w)[1], "x", "w"
        ),
        "functional": timed_on_device(_hessian_functional, "x", "w"),
        "functional_vectorized": timed_on_device(_hessian_functional_vectorized, "x", "w"),
        "func": timed_on_device(_hessian_func, "x", "w"),
        "jacfwd_jacrev": timed_on_device(_hessian_jacfwd_jacrev, "x", "w"),
    },
    "advanced.jvp_hvp": {name: timed_on_device(m, "x", "w", "v") for name, m in HVP.items()},
}
