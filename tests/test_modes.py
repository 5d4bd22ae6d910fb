"""Grad modes beyond the generic parity tests: torch's exact refusal of inference tensors, its
inference-mode output, and what a stored loss keeps alive in each framework."""

from __future__ import annotations

import numpy as np
import pytest

from bench.targets import load_on
from shared import backends, oracles, parity
from shared.tolerances import for_dtype

DEVICES = [pytest.param(d, id=d) for d in backends.device_names()]


@pytest.mark.parametrize("device", DEVICES)
def test_inference_tensors_are_refused_with_the_fix_in_the_message(device: str) -> None:
    result, _ = parity.run(load_on("torch", device), "modes.inference_mode", device)
    assert result.observations["error"] == "RuntimeError"
    message = result.observations["message"]
    assert "Inference tensors cannot be saved for backward" in message
    assert "clone" in message  # the workaround the case then uses


@pytest.mark.parametrize("device", DEVICES)
def test_inference_mode_forward_matches_the_oracle(device: str) -> None:
    """torch's inference-mode output has no JAX twin; it must equal the plain forward."""
    result, raw = parity.run(load_on("torch", device), "modes.forward", device)
    want = oracles.expected("modes.forward", raw)["out_untracked"]
    tol = for_dtype(np.float32)
    np.testing.assert_allclose(result.arrays["out_inference"], want, rtol=tol.rtol, atol=tol.atol)


def test_only_stored_torch_losses_keep_their_batches(target) -> None:
    """Per stored loss: torch keeps at least the batch (its graph saved it), JAX only the
    scalar's own buffer (allocator rounding included), and a Python float nothing at all."""
    backend, device = target
    result, raw = parity.run(backend, "modes.item_leak", device)
    stored = result.observations["stored_bytes_per_loss"]
    assert result.observations["item_bytes_per_loss"] == 0
    if backend.name == "torch":
        assert stored >= raw["x"].nbytes
    else:
        assert 0 < stored <= 1024
