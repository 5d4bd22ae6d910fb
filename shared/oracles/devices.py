"""Oracles for the devices cases (one function per case name), in NumPy."""

from __future__ import annotations

import numpy as np

from shared.oracles import Summed, dot


def transfer(*, a: np.ndarray) -> dict:
    return {"moved": a}


def copy_on_transfer(*, p: np.ndarray) -> dict:
    return {"host_after": p - 1}


def layer(*, a: np.ndarray, b: np.ndarray) -> dict:
    """``c = (a @ b)²``. With ``s = a @ b`` off by ``δ ≤ γ·|a|@|b|``, the square is off by
    ``2|s|δ + δ²`` plus one rounding: where ``s`` cancels to zero only ``δ²`` is left."""
    s = dot(a, b)
    return {"c": Summed(s.value**2, 2 * np.abs(s.value) * s.magnitude, s.terms + 1, s.magnitude**2)}
