"""Checking a case's inputs before either framework sees them: one error type, one clear line.

Both frameworks broadcast: ``x`` of shape (3,) and ``y`` of shape (1,) combine without a word,
and a gradient case would then answer a different question than the one asked. A case checks
its arrays with :func:`require` first, so a wrong shape or dtype is a :class:`CaseInputError`
naming the argument, the same exception on both backends. Shapes and dtypes arrive as plain
tuples and names (``"float32"``), so this module knows neither framework.
"""

from __future__ import annotations

from collections.abc import Sequence

REAL_FLOATS: tuple[str, ...] = ("float32", "float64")
"""Dtypes a real-valued gradient case accepts (JAX without x64 only ever has float32)."""

INTEGERS: tuple[str, ...] = ("int32", "int64")
"""Index dtypes (JAX without x64 turns int64 into int32)."""


class CaseInputError(ValueError):
    """A case was given an array of the wrong shape or dtype; the message says which."""


def require(
    name: str,
    shape: Sequence[int],
    dtype: str,
    expected_shape: Sequence[int | None] | None,
    expected_dtype: str | Sequence[str],
) -> None:
    """Raise :class:`CaseInputError` unless ``name``'s shape and dtype are the expected ones.

    ``expected_shape`` is a tuple whose ``None`` entries match any length (``None`` instead
    of a tuple accepts any shape); ``expected_dtype`` is a dtype name or several allowed ones.
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
    want_shape = (
        "any shape"
        if expected_shape is None
        else "shape ("
        + ", ".join("*" if n is None else str(n) for n in expected_shape)
        + ("," if len(expected_shape) == 1 else "")
        + ")"
    )
    raise CaseInputError(
        f"{name}: expected {want_shape} and dtype {' or '.join(allowed)}, "
        f"got shape {shape} and dtype {dtype}"
    )
