"""What the training cases' inputs share (moved from shared/data/training.py)."""

from __future__ import annotations

import gzip
import importlib.util
import math
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

from shared.cases.training._record import TARGET_ACCURACY

PIXEL_LEVELS = 16.0
"""The digits' pixels are counts 0–16 (dots of a 32×32 bitmap per 4×4 block): ÷ 16 → [0, 1]."""


TEST_IMAGES = 360
"""scikit-learn's default test share, 20 % of 1,797 rounded up: 1,437 images train."""


NUM_LAYERS = 2
"""The lesson's ``DeepNetwork(64, hidden, classes, num_layers=2)``."""


class TrainSize(NamedTuple):
    """One size of the case: width, batch, epochs, and the share of the data used."""

    hidden_dim: int
    batch: int
    epochs: int
    """Epochs of batch order drawn: the case trains them all; the timed runs stop once the
    test accuracy reaches :data:`TARGET_ACCURACY` (so this bounds them)."""
    train_images: int | None = None
    """The first ``train_images`` of the training split (``None``: all 1,437)."""
    test_images: int | None = None


SIZES = {
    "test": TrainSize(16, 32, 2, train_images=128, test_images=64),
    "lesson": TrainSize(32, 32, 20),
    "wide": TrainSize(1024, 32, 8),
}
"""``lesson``: the lesson's width (hidden 32), where each step is a few small matrix products
and per-op dispatch decides; ``wide``: hidden 1024, where the products dominate; ``test``: a
subset, two epochs of four steps, for the test suite."""


def _digits_file() -> Path | None:
    """scikit-learn's own file of the data set, found without importing scikit-learn (its
    ``datasets`` package takes about 2 s to import, in every process that makes these inputs)."""
    spec = importlib.util.find_spec("sklearn")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "datasets" / "data" / "digits.csv.gz"
        if path.is_file():
            return path
    return None


@cache
def digits() -> tuple[np.ndarray, np.ndarray]:
    """All 1,797 images as float32 rows of 64 pixels in [0, 1], and their labels (int32).

    The very numbers ``sklearn.datasets.load_digits()`` returns (``tests/test_training.py``
    compares them), read from the file it reads; ``load_digits`` itself where that file is not
    found (another layout of the package)."""
    path = _digits_file()
    if path is not None:
        with gzip.open(path, "rt") as f:
            table = np.loadtxt(f, delimiter=",")
        pixels, labels = table[:, :-1], table[:, -1]
    else:  # pragma: no cover - depends on scikit-learn's layout
        from sklearn.datasets import load_digits

        pixels, labels = load_digits(return_X_y=True)
    return (pixels / PIXEL_LEVELS).astype(np.float32), labels.astype(np.int32)


def split(labels: np.ndarray, n_test: int, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """A stratified split: each digit's images in a seeded random order, the first share of
    every digit to the test set, so the test set holds each digit as often as the data does
    (36 ± 1 of 360) and its accuracy is not tilted by the draw. Returns (train, test) indices,
    each in ascending order."""
    order = rng.permutation(len(labels))
    by_class = order[np.argsort(labels[order], kind="stable")]  # random order within a digit
    sorted_labels = labels[by_class]
    starts = np.searchsorted(sorted_labels, sorted_labels, side="left")
    counts = np.bincount(sorted_labels)[sorted_labels]
    rank = np.arange(len(labels)) - starts  # position within its digit
    share = (rank + 0.5) / counts  # evenly spread within each digit, in (0, 1)
    chosen = by_class[np.argsort(share, kind="stable")[:n_test]]
    test = np.sort(chosen)
    train = np.setdiff1d(np.arange(len(labels)), test)
    return train, test


def batch_order(n: int, batch: int, epochs: int, rng: np.random.Generator) -> np.ndarray:
    """Each epoch's shuffled batches as indices into the training set, ``(epochs, steps,
    batch)`` int32: a fresh permutation per epoch, the last ``n mod batch`` images of it left
    out (PyTorch's ``drop_last=True``), so every step has the same shape (one compilation)."""
    steps = n // batch
    return np.stack(
        [rng.permutation(n)[: steps * batch].reshape(steps, batch) for _ in range(epochs)]
    ).astype(np.int32)


def target_correct(n_test: int) -> int:
    """Test images that must be classified right to reach :data:`TARGET_ACCURACY`."""
    return math.ceil(TARGET_ACCURACY * n_test - 1e-9)
