"""ResNet-101's weights as the resnet cases get them: drawn, calibrated, made once per draw."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from shared.cases.resnet._layout import init_state
from shared.cases.resnet._numpy import batch_statistics


@functools.lru_cache(maxsize=2)
def _cached_state(key: int, image: int) -> Mapping[str, np.ndarray]:
    state = init_state(np.random.default_rng(key), batch_statistics, image=image)
    for value in state.values():
        value.setflags(write=False)  # shared between callers: none may change another's
    return MappingProxyType(state)


def calibrated_state(rng: np.random.Generator, image: int) -> Mapping[str, np.ndarray]:
    """Weights drawn from ``rng``, made once per draw: 44.5 million numbers and a calibration
    pass take seconds, and every test, check and benchmark of the topic asks for them."""
    return _cached_state(int(rng.integers(2**63)), image)
