"""The check at the door of the lesson's networks (torch): a batch the first ``Linear`` cannot
take is a ``CaseInputError`` naming the shape and dtype it expects.

Mirrors ``jax_impl/modules_checks.py``. Input checking, kept out of ``modules.py``, the module
a student reads (the networks' ``forward`` calls it).
"""

from __future__ import annotations

import torch

from shared.validation import require


def check_batch(x: torch.Tensor, input_dim: int, dtype: torch.dtype) -> None:
    """Refuse a batch the first ``Linear`` cannot take: a ``CaseInputError`` naming the shape
    and dtype it expects.

    Without it torch says ``mat1 and mat2 shapes cannot be multiplied (4x63 and 64x32)``, or
    for a float64 batch ``mat1 and mat2 must have the same dtype``.
    """
    if x.ndim != 2 or x.shape[1] != input_dim or x.dtype != dtype:  # no strings per call
        name = str(x.dtype).removeprefix("torch.")
        require("x", tuple(x.shape), name, (None, input_dim), str(dtype).removeprefix("torch."))
