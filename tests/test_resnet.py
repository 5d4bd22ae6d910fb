"""ResNet-101 beyond the parity cases: its layout, the transfer in both directions starting
from each framework's own weights, refused weights, and torchvision itself where it imports."""

from __future__ import annotations

import numpy as np
import pytest

from shared.cases.resnet import _layout as layout

torch = pytest.importorskip("torch")
nnx = pytest.importorskip("flax.nnx")

from jax_impl import resnet as jr  # noqa: E402
from shared.validation import CaseInputError  # noqa: E402
from torch_impl import resnet as tr  # noqa: E402

SMALL = (1, 1, 1, 1)
"""One Bottleneck per stage: every kind of layer and layout, four downsample shortcuts, and a
JAX model whose random initialisation compiles in a second rather than seven."""


def _shapes(state: dict[str, np.ndarray]) -> dict[str, tuple[int, ...]]:
    return {name: tuple(value.shape) for name, value in state.items()}


def test_both_models_have_the_shared_layout() -> None:
    """torch's ``state_dict`` and the NNX model's variables, named the torch way, are the
    shared format: same names, same shapes (in torch's layout), nothing more."""
    want = layout.state_shapes()
    assert _shapes(tr.export_state(tr.resnet101())) == want
    abstract = nnx.eval_shape(lambda: jr.resnet101())
    assert sorted(_shapes(_exported_shapes(abstract)).items()) == sorted(want.items())


def _exported_shapes(model) -> dict[str, np.ndarray]:
    """The export's shapes without values (an abstract model has none)."""
    _, named = jr._variables(model)
    return {n: np.empty(jr._to_torch_layout(tuple(v.get_value().shape))) for n, v in named.items()}


def test_parameter_count_is_torchvisions() -> None:
    """torchvision's ``resnet101()`` has 44,549,160 parameters; ours, counted, has as many."""
    assert sum(p.numel() for p in tr.resnet101().parameters()) == 44_549_160


def test_torch_weights_to_flax_and_back() -> None:
    """torch's own initialisation → NNX → a fresh torch model: bit for bit, and NNX holds each
    kernel in its own layout (HWIO, (in, out))."""
    source = tr.ResNet(SMALL, num_classes=10)
    state = tr.export_state(source)
    flax_model = jr.load_state(
        nnx.eval_shape(lambda: jr.ResNet(SMALL, 10, rngs=nnx.Rngs(0))), state
    )
    kernel = np.asarray(flax_model.layer2[0].conv2.kernel[...])
    np.testing.assert_array_equal(kernel, state["layer2.0.conv2.weight"].transpose(2, 3, 1, 0))
    np.testing.assert_array_equal(np.asarray(flax_model.fc.kernel[...]), state["fc.weight"].T)
    back = tr.load_state(tr.ResNet(SMALL, num_classes=10), jr.export_state(flax_model))
    for name, value in tr.export_state(back).items():
        np.testing.assert_array_equal(value, state[name], err_msg=name)


def test_flax_kernel_init_draws_as_torchvision() -> None:
    """Both draw convolutions from N(0, 2 / fan-out) (torchvision's Kaiming init; Flax's
    default would be a truncated normal): the standard deviations of one layer agree to
    within sampling error."""
    import jax

    t = tr.export_state(tr.ResNet(SMALL, num_classes=10))["layer3.0.conv2.weight"]
    j = np.asarray(jr.KAIMING(jax.random.key(0), (3, 3, 256, 256), np.float32))
    want = np.sqrt(2 / (256 * 9))
    for drawn in (t, j):  # 589,824 draws: the sample std is within 0.3 % of the true one
        assert abs(drawn.std() / want - 1) < 0.01
    assert np.abs(j).max() > 2.5 * want  # not truncated at two standard deviations


@pytest.mark.parametrize("side", [tr, jr], ids=["torch", "jax"])
def test_a_wrong_state_is_refused_by_name(side) -> None:
    state = tr.export_state(tr.ResNet(SMALL, num_classes=10))
    model = (
        tr.ResNet(SMALL, num_classes=10)
        if side is tr
        else nnx.eval_shape(lambda: jr.ResNet(SMALL, 10, rngs=nnx.Rngs(0)))
    )
    wrong = {**state, "layer1.0.conv2.weight": state["layer1.0.conv2.weight"][:, :3]}
    with pytest.raises(CaseInputError, match=r"layer1\.0\.conv2\.weight"):
        side.load_state(model, wrong)
    missing = {k: v for k, v in state.items() if k != "bn1.running_var"}
    with pytest.raises(CaseInputError, match=r"bn1\.running_var: missing"):
        side.load_state(model, missing)


def test_torchvision_builds_the_same_network() -> None:
    """Where torchvision imports (its CPU build is not installable beside torch 2.13's CPU
    wheel here; a CUDA machine has it), its ``resnet101()`` has our names and shapes, and our
    weights give the same logits in it."""
    try:
        from torchvision.models import resnet101
    except (ImportError, RuntimeError) as e:  # RuntimeError: a CUDA build beside a CPU torch
        pytest.skip(f"torchvision does not import here: {e}")
    theirs = resnet101()
    state = tr.export_state(tr.resnet101())
    assert _shapes(tr.export_state(theirs)) == _shapes(state)
    ours = tr.load_state(tr.resnet101(), state).eval()
    tr.load_state(theirs, state).eval()
    x = torch.randn(1, 3, 64, 64, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        torch.testing.assert_close(theirs(x), ours(x), rtol=0, atol=0)
