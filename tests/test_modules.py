"""Modules beyond the generic parity tests: the lesson's own numbers, depth 4, random batches,
weight transfer both ways, bad input, and the benchmarked training steps against the oracle."""

from __future__ import annotations

import jax
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared import data, oracles, parity
from shared.cases.modules._weights import LESSON_DIMS, init_weights, linear_layers
from shared.tolerances import for_dtype
from shared.validation import CaseInputError

NETWORKS = {"first": "MyFirstNetwork", "second": "MySecondNetwork", "deep": "DeepNetwork"}


def _build(backend, network: str, num_layers: int = 2):
    cls = getattr(backend.topic("modules"), NETWORKS[network])
    dims = LESSON_DIMS.values()
    return cls(*dims, num_layers) if network == "deep" else cls(*dims)


def test_lesson_parameter_counts() -> None:
    """The numbers the lesson prints, so the oracle itself is pinned (seed lines 1164–1286)."""
    counts = oracles.expected("modules.param_count", data.inputs("modules.param_count"))
    assert counts["first.total"] == counts["second.total"] == 3202
    assert counts["deep2.total"] == 4226
    assert counts["deep4.total"] == 4226 + 2 * (32 * 32 + 32)
    assert counts["deep2_frozen.trainable"] == 4226 - 64 * 32


def test_depth_4_agrees(both) -> None:
    torch_backend, jax_backend, device = both
    t, raw = parity.run(torch_backend, "modules.deep_network", device, size="depth4")
    j, _ = parity.run(jax_backend, "modules.deep_network", device, size="depth4")
    assert "grad.layers.3.0.weight" in t.arrays
    judgement = parity.judge([t, j], raw)
    assert judgement.ok, judgement.message()


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    network=st.sampled_from(list(NETWORKS)),
    batch=st.sampled_from([1, 5]),  # few shapes: each one compiles once in JAX
    seed=st.integers(0, 2**16),
)
def test_random_batches_and_weights(target, network: str, batch: int, seed: int) -> None:
    backend, device = target
    rng = np.random.default_rng(seed)
    inputs = {
        **LESSON_DIMS,
        "x": (3 * rng.standard_normal((batch, LESSON_DIMS["input_dim"]))).astype(np.float32),
        "labels": rng.integers(0, LESSON_DIMS["num_classes"], batch).astype(np.int32),
        "weights": init_weights(linear_layers(network, **LESSON_DIMS), rng),
    }
    if network == "deep":
        inputs["num_layers"] = 2
    result, raw = parity.run(backend, f"modules.{network}_network", device, inputs=inputs)
    judgement = parity.judge([result], raw)
    assert judgement.ok, judgement.message()


@pytest.mark.parametrize("network", list(NETWORKS))
def test_weights_transfer_both_ways(both, network: str) -> None:
    """Each framework's own random init, exported and loaded into the other, comes back
    bit for bit; the Flax kernel is the transposed torch weight."""
    torch_backend, jax_backend, _ = both
    tm, jm = _build(torch_backend, network), _build(jax_backend, network)
    t_mod, j_mod = torch_backend.topic("modules_weights"), jax_backend.topic("modules_weights")

    from_torch = t_mod.export_weights(tm)
    assert_same = np.testing.assert_array_equal
    j_mod.load_weights(jm, from_torch)
    for name, value in j_mod.export_weights(jm).items():
        assert_same(value, from_torch[name])
    first_kernel = jm.fc_in.kernel if network == "first" else jm.fc_in.layers[0].kernel
    first_name = "fc_in.weight" if network == "first" else "fc_in.0.weight"
    assert_same(np.asarray(first_kernel[...]), from_torch[first_name].T)

    from_jax = j_mod.export_weights(_build(jax_backend, network))
    t_mod.load_weights(tm, from_jax)
    assert set(t_mod.export_weights(tm)) == set(from_jax)
    for name, value in t_mod.export_weights(tm).items():
        assert_same(value, from_jax[name])


@pytest.mark.parametrize("network", list(NETWORKS))
@pytest.mark.parametrize(
    ("shape", "dtype"),
    [((4, 63), np.float32), ((4, 64), np.float16), ((4, 64), np.int32), ((64,), np.float32)],
    ids=["features", "float16", "int32", "no-batch-axis"],
)
def test_bad_batch_names_expected_shape(target, network: str, shape, dtype) -> None:
    """Without the check torch says 'mat1 and mat2 shapes cannot be multiplied' and JAX
    silently promotes an int32 or float16 batch."""
    backend, device = target
    model = _build(backend, network)
    x = backend.asarray(np.ones(shape, dtype), device)
    with pytest.raises(CaseInputError, match=r"expected shape \(\*, 64\) and dtype float32"):
        model(x)


def test_bad_batch_is_refused_while_tracing() -> None:
    """Under ``nnx.jit`` the shape check runs once, at trace time, with the same error."""
    from flax import nnx

    from jax_impl.modules import DeepNetwork

    forward = nnx.jit(lambda model, x: model(x))
    with pytest.raises(CaseInputError, match=r"got shape \(4, 63\)"):
        forward(DeepNetwork(64, 32, 2, 2), jax.numpy.ones((4, 63)))


def test_wrong_weights_name_the_parameter(target) -> None:
    backend, _ = target
    weights_module = backend.topic("modules_weights")
    model = _build(backend, "deep")
    weights = weights_module.export_weights(model)
    bad = {**weights, "fc_in.0.weight": weights["fc_in.0.weight"].T}
    del bad["fc_out.bias"]
    with pytest.raises(CaseInputError) as e:
        weights_module.load_weights(model, {**bad, "fc_in.0.bias": np.zeros(32, np.float32)})
    message = str(e.value)
    assert "fc_in.0.weight" in message and "expected shape (32, 64), got (64, 32)" in message
    assert "fc_out.bias: missing" in message
    assert "fc_in.0.bias: not a parameter of DeepNetwork" in message
    # Checked before anything is written: the model still has its own weights.
    for name, value in weights_module.export_weights(model).items():
        np.testing.assert_array_equal(value, weights[name])


def _modes(backend_name: str) -> list[str]:
    # torch.compile takes 11–18 s per function on this machine: left to the benchmarks.
    return {"torch": ["eager"], "jax": ["jit", "nnx_jit", "jit_donated"]}[backend_name]


def test_timed_steps_follow_the_oracle(target) -> None:
    """The benchmarked steps train: K calls give the oracle's loss before each update (which
    depends on every earlier update). The pure ``jit`` step gets its new state fed back."""
    backend, device = target
    inputs = data.inputs("modules.train_step")
    want = oracles.expected("modules.train_step", inputs)["losses"]
    tol = for_dtype(np.float32)
    setup = backend.topic("modules").TIMED["modules.train_step"]["step"]
    for mode in _modes(backend.name):
        fn, args = setup(inputs, device, mode)
        fn = jax.jit(fn) if mode == "jit" else fn
        losses = []
        for _ in range(inputs["steps"]):
            out = fn(*args)
            if mode == "jit":
                params, opt_state, loss = out
                args = (params, opt_state, *args[2:])
            else:
                loss = out
            losses.append(float(loss))
        np.testing.assert_allclose(losses, want, rtol=tol.rtol, atol=tol.atol, err_msg=mode)
