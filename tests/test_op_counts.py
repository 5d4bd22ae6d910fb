"""How many operations one call dispatches (``bench/op_counts.py``): what the report's regimes
are read from. Tiny functions whose count is known by reading them."""

from __future__ import annotations

import pytest

from bench import op_counts


def test_eager_torch_counts_each_aten_operation_backward_included() -> None:
    torch = pytest.importorskip("torch", reason="the torch backend is not installed")
    x = torch.ones(3)
    assert op_counts.per_call("torch", "eager", lambda x: x * 2 + 1, (x,)) == 2

    def grad(x: torch.Tensor) -> torch.Tensor:
        leaf = x.detach().requires_grad_()
        (leaf * leaf).sum().backward()
        return leaf.grad

    forward_only = op_counts.per_call("torch", "eager", lambda x: (x * x).sum(), (x,))
    assert forward_only == 2
    assert op_counts.per_call("torch", "eager", grad, (x,)) > forward_only + 2  # mul's grads


def test_jax_counts_top_level_equations_a_jitted_function_one() -> None:
    jax = pytest.importorskip("jax", reason="the JAX backend is not installed")
    jnp = jax.numpy
    x = jnp.ones(3)

    def three(x: jax.Array) -> jax.Array:
        return jnp.sin(x) * 2 + 1

    assert op_counts.per_call("jax", "eager", three, (x,)) == 3
    assert op_counts.per_call("jax", "jit", jax.jit(three), (x,)) == 1
    step = jax.jit(three)
    assert op_counts.per_call("jax", "eager", lambda x: step(step(x)), (x,)) == 2  # a loop
    # Modes whose setups hand over stateful callables are not traced (tracers would stay).
    assert op_counts.per_call("jax", "jit_grad", lambda x: step(step(x)), (x,)) is None
    # jax.nn.relu is a custom_jvp around a jitted body: op by op, that body is one dispatch.
    assert op_counts.per_call("jax", "eager", lambda x: jax.nn.relu(x) + 1, (x,)) == 2


def test_a_count_that_cannot_be_made_is_none_with_a_warning() -> None:
    jax = pytest.importorskip("jax", reason="the JAX backend is not installed")

    def untraceable(x: object) -> object:
        return float(x.sum())  # a host value: the tracer refuses it

    with pytest.warns(UserWarning, match="not counted"):
        assert op_counts.per_call("jax", "eager", untraceable, (jax.numpy.ones(2),)) is None
    assert op_counts.per_call("numpy", "eager", lambda: None, ()) is None  # not a framework's
