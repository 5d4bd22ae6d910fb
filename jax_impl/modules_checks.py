"""The check at the door of the lesson's networks (JAX): a batch the first ``Linear`` cannot
take is a ``CaseInputError`` naming the shape and dtype it expects.

Mirrors ``torch_impl/modules_checks.py``. Input checking, kept out of ``modules.py``, the
module a student reads (the networks' ``__call__`` calls it).
"""

from __future__ import annotations

import jax
import jax.numpy as jnp

from shared.validation import require


def check_batch(x: jax.Array, input_dim: int, dtype: jnp.dtype) -> None:
    """Refuse a batch the first ``Linear`` cannot take: a ``CaseInputError`` naming the shape
    and dtype it expects.

    Without it JAX fails inside ``dot_general`` on a wrong feature size and silently *promotes*
    a batch of another dtype (ints, float16) instead of refusing it. Shapes and dtypes are
    static under ``jit``, so the check costs nothing in compiled code.
    """
    if x.ndim != 2 or x.shape[1] != input_dim or x.dtype != dtype:
        require("x", x.shape, x.dtype.name, (None, input_dim), jnp.dtype(dtype).name)
