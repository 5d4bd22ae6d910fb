"""A case's inputs checked once, framework-free, before either framework sees them.

Both frameworks broadcast: ``x`` of shape (3,) and ``y`` of shape (1,) combine without a word,
and a gradient case would then answer a different question than the one asked. Each case
declares its array inputs (``Case.takes``: shapes of named dimensions, accepted dtypes);
:func:`check_inputs` checks the NumPy inputs against it, so a wrong shape or dtype, or a NaN,
is one :class:`CaseInputError` naming the argument, the same on both backends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from shared.cases.model import Arg, Case


class CaseInputError(ValueError):
    """A case was given an array of the wrong shape or dtype; the message says which."""


def check_inputs(case: Case, inputs: Mapping[str, Any]) -> None:
    """Raise :class:`CaseInputError` unless every declared input fits ``case.takes``.

    Named dimensions are bound by the first input that has them, in declaration order, so
    the message names the input that disagrees with the ones before it.
    """
    missing = [name for name in case.takes if name not in inputs]
    if missing:
        raise CaseInputError(f"{case.id}: missing input {', '.join(missing)}")
    sizes: dict[str, tuple[int, str]] = {}
    for name, arg in case.takes.items():
        value = np.asarray(inputs[name])
        _check(name, value, arg, sizes)
        if value.dtype.kind in "fc" and not np.all(np.isfinite(value)):
            nan, inf = int(np.isnan(value).sum()), int(np.isinf(value).sum())
            raise CaseInputError(f"{name}: {nan} NaN and {inf} inf entries; inputs must be finite")
        for dim, n in zip(arg.shape or (), value.shape, strict=False):
            if isinstance(dim, str):
                sizes.setdefault(dim, (n, name))


def _check(name: str, value: np.ndarray, arg: Arg, sizes: dict[str, tuple[int, str]]) -> None:
    want = None
    if arg.shape is not None:
        # A name repeated within one input ("d", "d") must match itself as well.
        known = dict(sizes)
        for d, n in zip(arg.shape, value.shape, strict=False):
            if isinstance(d, str):
                known.setdefault(d, (n, name))
        want = tuple(
            (known[d][0] if d in known else None) if isinstance(d, str) else d for d in arg.shape
        )
    bound = sorted(
        {f"{d} = {sizes[d][0]} from {sizes[d][1]}" for d in arg.shape or () if d in sizes}
    )
    require(name, value.shape, value.dtype.name, want, arg.dtypes, "; ".join(bound))


def require(
    name: str,
    shape: Sequence[int],
    dtype: str,
    expected_shape: Sequence[int | None] | None,
    expected_dtype: str | Sequence[str],
    why: str = "",
) -> None:
    """Raise :class:`CaseInputError` unless ``name``'s shape and dtype are the expected ones.

    ``expected_shape`` is a tuple whose ``None`` entries match any length (``None`` instead
    of a tuple accepts any shape); ``expected_dtype`` is a dtype name or several allowed ones;
    ``why`` says where the expected lengths come from.
    """
    shape = tuple(int(n) for n in shape)
    allowed = (expected_dtype,) if isinstance(expected_dtype, str) else tuple(expected_dtype)
    shape_ok = expected_shape is None or (
        len(shape) == len(expected_shape)
        and all(
            want is None or got == want for got, want in zip(shape, expected_shape, strict=True)
        )
    )
    if shape_ok and dtype in allowed:
        return
    raise CaseInputError(
        f"{name}: expected {_shape_text(expected_shape)} and dtype {' or '.join(allowed)}, "
        f"got shape {shape} and dtype {dtype}" + (f" ({why})" if why else "")
    )


def require_indices(name: str, low: int, high: int, length: int, of: str) -> None:
    """Raise :class:`CaseInputError` unless indices from ``low`` to ``high`` all index ``of``
    (``length`` rows). torch refuses an index out of range with an IndexError, and JAX takes
    the nearest row instead, silently: neither says which input is wrong."""
    if low < 0 or high >= length:
        raise CaseInputError(
            f"{name}: indices must lie in 0..{length - 1} (rows of {of}), got {low}..{high}"
        )


def _shape_text(shape: Sequence[int | None] | None) -> str:
    if shape is None:
        return "any shape"
    dims = ["*" if d is None else str(d) for d in shape]
    return "shape (" + ", ".join(dims) + ("," if len(dims) == 1 else "") + ")"
