"""Section 4, advanced differentiation, the JAX way: transforms of functions.

Compare with ``torch_impl/advanced.py``: same names, same order. JAX records no graph:
``jax.grad``, ``jax.vjp``, ``jax.jvp``, ``jax.vmap``, ``jax.jacrev``/``jacfwd`` and
``jax.hessian`` take a function and return a function, and they compose freely (the
Hessian is ``jacfwd(jacrev(f))``). torch's ``torch.func`` copies this design; the lesson's
``torch.autograd`` (flags, ``retain_graph``, ``create_graph``) has no counterpart here.

The case functions ``jax.jit`` what they differentiate, as JAX code should: op by op, each
transformed primitive is dispatched on its own, several times slower here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import nnx

from jax_impl.backend import jax_device, place, timed_on_device
from jax_impl.modules import DeepNetwork
from jax_impl.modules_weights import export_weights, load_weights
from shared.tooling import tooling

Params = Any
"""A pytree of arrays: ``{"w": w}`` or an ``nnx.State``."""
LossesFn = Callable[..., jax.Array]
"""``losses(params, *batch) -> (n,)``: one loss per sample of the batch."""


def grad_mean(*, x: jax.Array, w: jax.Array) -> dict:
    """``jax.grad`` turns the function into its gradient function, called like any other."""
    return {"grad": jax.grad(lambda w: jnp.mean(x @ w))(w)}


def vjp(*, x: jax.Array, w: jax.Array, v: jax.Array) -> dict:
    """``jax.vjp`` returns the output and a function computing ``v @ J`` for any ``v``."""
    _, pull_back = jax.vjp(lambda w: x @ w, w)
    (grad,) = pull_back(v)
    return {"grad": grad}


# Per-sample gradients, each method written once for any per-sample losses function.


def _per_sample_loop(losses: LossesFn, params: Params, *batch: jax.Array) -> Params:
    """One forward (``jax.vjp``), then one backward per sample. The vjp function keeps its
    residuals and may be called again: there is no ``retain_graph`` to ask for. ``lax.map``
    runs the calls one after another (under jit a Python loop would be unrolled n times)."""
    out, pull_back = jax.vjp(lambda p: losses(p, *batch), params)
    (grads,) = jax.lax.map(pull_back, jnp.eye(len(out), dtype=out.dtype))
    return grads


def _per_sample_batched(losses: LossesFn, params: Params, *batch: jax.Array) -> Params:
    """All n backward passes as one: ``vmap`` over the vjp function with the rows of
    ``eye(n)``, which is exactly what torch's ``is_grads_batched=True`` does."""
    out, pull_back = jax.vjp(lambda p: losses(p, *batch), params)
    (grads,) = jax.vmap(pull_back)(jnp.eye(len(out), dtype=out.dtype))
    return grads


def _per_sample_vmap_grad(losses: LossesFn, params: Params, *batch: jax.Array) -> Params:
    """The gradient of one sample's loss, as a function, vmapped over the batch."""

    def one_loss(params: Params, *sample: jax.Array) -> jax.Array:
        return losses(params, *(s[None] for s in sample))[0]

    in_axes = (None, *[0] * len(batch))  # the same parameters for every sample
    return jax.vmap(jax.grad(one_loss), in_axes=in_axes)(params, *batch)


def _per_sample_jacrev(losses: LossesFn, params: Params, *batch: jax.Array) -> Params:
    """The Jacobian of the n losses with respect to the parameters: row i is sample i's grad."""
    return jax.jacrev(losses)(params, *batch)


def _per_sample_vmap_grad_1d(x: jax.Array, w: jax.Array) -> jax.Array:
    """``vmap_grad`` as JAX is written best: one sample is a 1-D row and ``w`` the array
    itself, so no ``s[None]`` per sample and no parameter dict to map over."""
    return jax.vmap(jax.grad(lambda w, x_i: x_i @ w), in_axes=(None, 0))(w, x)


PER_SAMPLE = {
    "loop": _per_sample_loop,
    "batched": _per_sample_batched,
    "vmap_grad": _per_sample_vmap_grad,
    "jacrev": _per_sample_jacrev,
}


def _linear_losses(params: Params, x: jax.Array) -> jax.Array:
    """The lesson's per-sample outputs ``X @ w``, each differentiated on its own."""
    return x @ params["w"]


@tooling
def network(weights: Mapping[str, np.ndarray], dims: tuple, device: str) -> DeepNetwork:
    """The lesson's ``DeepNetwork(*dims)`` on ``device``, holding the shared weights."""
    model = load_weights(DeepNetwork(*dims), weights)
    nnx.update(model, jax.device_put(nnx.state(model), jax_device(device)))
    return model


@functools.cache  # one function per network structure, so that jit's cache knows it again
def _network_losses(graphdef: nnx.GraphDef) -> LossesFn:
    """Each sample's cross-entropy, with the parameters passed in: ``nnx.merge`` rebuilds the
    module from them inside the transformed function (torch: ``functional_call``)."""

    def losses(params: nnx.State, x: jax.Array, labels: jax.Array) -> jax.Array:
        logits = nnx.merge(graphdef, params)(x)  # (n, classes)
        return optax.softmax_cross_entropy_with_integer_labels(logits, labels)

    return losses


@tooling
def _network_rows(graphdef: nnx.GraphDef, grads: nnx.State) -> np.ndarray:
    """(n, P): each sample's gradients exported in the shared (torch) layout, kernels
    transposed into weights by ``export_weights``, concatenated by name."""
    rows = []
    for i in range(len(jax.tree.leaves(grads)[0])):
        sample = export_weights(nnx.merge(graphdef, jax.tree.map(lambda g, i=i: g[i], grads)))
        rows.append(np.concatenate([sample[name].ravel() for name in sorted(sample)]))
    return np.stack(rows)


def _second_backward(x: jax.Array, w: jax.Array) -> tuple[str, str]:
    """A vjp function holds its residuals as ordinary arrays: calling it twice just works."""
    out, pull_back = jax.vjp(lambda w: x @ w, w)
    rows = jnp.eye(len(out), dtype=out.dtype)
    pull_back(rows[0])
    try:
        pull_back(rows[1])
    except Exception as e:  # torch refuses here; JAX should not: report it, do not hide it
        return type(e).__name__, str(e)
    return "", ""


def per_sample_grads(
    *,
    x: jax.Array,
    w: jax.Array,
    labels: jax.Array,
    weights: Mapping[str, np.ndarray],
    dims: tuple,
    device: str,
) -> dict:
    """Per-sample gradients of ``X @ w`` and of the lesson's DeepNetwork, four ways, each jitted.

    ``lax.map`` or ``jax.vmap`` over one ``jax.vjp`` function, ``vmap(grad)`` and ``jacrev``, with
    the network's parameters as its ``nnx.split`` state. A vjp function may be called again
    (``reuse_error`` is empty).
    """
    graphdef, params = nnx.split(network(weights, dims, device))
    out = {}
    for name, method in PER_SAMPLE.items():
        compiled = jax.jit(method, static_argnums=0)  # the losses function is static
        out[f"grads_{name}"] = compiled(_linear_losses, {"w": w}, x)["w"]
        grads = compiled(_network_losses(graphdef), params, x, labels)
        out[f"grads_mlp_{name}"] = _network_rows(graphdef, grads)
    out["reuse_error"], out["reuse_message"] = _second_backward(x, w)
    return out


# Hessians of the lesson's S = w @ XᵀX @ w.


def quadratic_form(x: jax.Array, w: jax.Array) -> jax.Array:
    """The lesson's ``S = w @ X.T @ X @ w``."""
    return w @ x.T @ x @ w


def _hessian_double_backward(x: jax.Array, w: jax.Array) -> tuple:
    """Reverse over reverse, as torch's double backward: the gradient function is an ordinary
    function, so ``jax.jacrev`` differentiates it again (no ``create_graph`` needed)."""
    grad_fn = jax.grad(quadratic_form, argnums=1)
    return grad_fn(x, w), jax.jacrev(grad_fn, argnums=1)(x, w)


def _hessian_func(x: jax.Array, w: jax.Array) -> jax.Array:
    """``jax.hessian``: forward mode over reverse mode."""
    return jax.hessian(quadratic_form, argnums=1)(x, w)


def _hessian_jacfwd_jacrev(x: jax.Array, w: jax.Array) -> jax.Array:
    """What ``jax.hessian`` is, written out."""
    return jax.jacfwd(jax.jacrev(quadratic_form, argnums=1), argnums=1)(x, w)


def hessian(*, x: jax.Array, w: jax.Array) -> dict:
    """The Hessian ``2XᵀX`` of the lesson's ``S = w @ X.T @ X @ w``, three ways, each jitted:
    ``jax.jacrev`` of ``jax.grad``, ``jax.hessian``, and ``jacfwd(jacrev(f))`` written out.

    The gradient function is an ordinary function to differentiate again. ``jax.hessian`` is
    vectorised by construction: ``jacfwd`` vmaps its JVPs.
    """
    grad, by_double_backward = jax.jit(_hessian_double_backward)(x, w)
    return {
        "grad": grad,
        "hessian_double_backward": by_double_backward,
        "hessian_func": jax.jit(_hessian_func)(x, w),
        "hessian_jacfwd_jacrev": jax.jit(_hessian_jacfwd_jacrev)(x, w),
    }


# Beyond the lesson: products with J and H, never forming them.


def _hvp_forward_over_reverse(x: jax.Array, w: jax.Array, v: jax.Array) -> jax.Array:
    """Push ``v`` forward through the gradient function: ``H @ v`` in one forward-mode pass."""
    grad_fn = jax.grad(quadratic_form, argnums=1)
    return jax.jvp(lambda w: grad_fn(x, w), (w,), (v,))[1]


def _hvp_reverse_over_reverse(x: jax.Array, w: jax.Array, v: jax.Array) -> jax.Array:
    """Pull ``v`` back through the gradient function: ``vᵀH``, which is ``H @ v`` (H is
    symmetric)."""
    grad_fn = jax.grad(quadratic_form, argnums=1)
    _, pull_back = jax.vjp(lambda w: grad_fn(x, w), w)
    return pull_back(v)[0]


def _hvp_dense(x: jax.Array, w: jax.Array, v: jax.Array) -> jax.Array:
    """Form the (d, d) Hessian, then multiply: d times the work of one HVP."""
    return _hessian_func(x, w) @ v


HVP = {
    "forward_over_reverse": _hvp_forward_over_reverse,
    "reverse_over_reverse": _hvp_reverse_over_reverse,
    "dense": _hvp_dense,
}


def jvp_hvp(*, x: jax.Array, w: jax.Array, v: jax.Array) -> dict:
    """``jax.jvp`` returns (f(w), J @ v) from one forward-mode pass."""
    _, jvp = jax.jvp(lambda w: x @ w, (w,), (v,))
    return {"jvp": jvp, **{f"hvp_{name}": jax.jit(m)(x, w, v) for name, m in HVP.items()}}


# Benchmarks: plain functions of arrays on the device; the harness jits them.


def _per_sample_linear(method: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        return (lambda x, w: method(_linear_losses, {"w": w}, x)["w"]), place(
            device, inputs["x"], inputs["w"]
        )

    return setup


def _per_sample_mlp(method: Callable) -> Callable:
    def setup(inputs: Mapping[str, np.ndarray], device: str, mode: str) -> tuple:
        graphdef, params = nnx.split(network(inputs["weights"], inputs["dims"], device))
        x, labels = place(device, inputs["x"], inputs["labels"])
        losses = _network_losses(graphdef)
        return (lambda params, x, labels: method(losses, params, x, labels)), (params, x, labels)

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
        "func": timed_on_device(_hessian_func, "x", "w"),
        "jacfwd_jacrev": timed_on_device(_hessian_jacfwd_jacrev, "x", "w"),
    },
    "advanced.jvp_hvp": {name: timed_on_device(m, "x", "w", "v") for name, m in HVP.items()},
}
