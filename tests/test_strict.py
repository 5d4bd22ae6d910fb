"""What the parity tests cannot say about the strict cases: the rule that cuts an error
message to the start the cases assert, and the inputs their expectations are counted for."""

from __future__ import annotations

import re

import numpy as np
import pytest

from shared import cases, data
from shared.cases.strict._record import CALLS, LENGTH, message_start
from shared.validation import CaseInputError, check_inputs


@pytest.mark.parametrize(
    ("message", "start"),
    [
        (
            "Attempted boolean conversion of traced array with shape bool[].\nThe error "
            "occurred while tracing the function f at /tmp/x.py:7 for jit.",
            "Attempted boolean conversion of traced array with shape bool[]",
        ),
        (
            "Array boolean indices must be concrete; got bool[6]\nSee https://docs.jax.dev/",
            "Array boolean indices must be concrete",
        ),
        (
            "JAX arrays are immutable and do not support in-place item assignment. Instead "
            "of x[idx] = y, use x = x.at[idx].set(y)",
            "JAX arrays are immutable and do not support in-place item assignment",
        ),
        ("Data-dependent branching\n  Explanation: Detected …", "Data-dependent branching"),
        ("\n  torch.float32 vs 3.5 \n", "torch.float32 vs 3.5"),  # a dot inside a word stays
    ],
)
def test_an_error_message_is_cut_at_its_first_sentence(message: str, start: str) -> None:
    assert message_start(message) == start


@pytest.mark.parametrize(
    ("case_id", "name", "bad", "expected"),
    [
        ("strict.new_shapes", "x", np.zeros(LENGTH - 1, np.float32), f"shape ({LENGTH},)"),
        ("strict.side_effect_print", "xs", np.zeros((CALLS + 1, 4), np.float32), f"({CALLS}, 4)"),
        ("strict.side_effect_append", "xs", np.zeros((CALLS, 4)), "dtype float32"),
    ],
)
def test_the_counts_asserted_are_those_of_the_inputs_accepted(
    case_id: str, name: str, bad: np.ndarray, expected: str
) -> None:
    """The compilations and side effects each case expects are counted for ``LENGTH`` numbers
    or ``CALLS`` rows of float32: other inputs are one ``CaseInputError``, before either
    framework runs."""
    inputs = {**data.inputs(case_id), name: bad}
    with pytest.raises(CaseInputError, match=rf"^{name}: expected .*{re.escape(expected)}"):
        check_inputs(cases.get(case_id), inputs)
