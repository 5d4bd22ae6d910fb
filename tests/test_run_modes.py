"""The table of run modes covers every mode a case, a backend or a machine benchmark uses."""

from __future__ import annotations

import pytest

from jaxparity import bench_machine
from shared import backends, cases, run_modes


@pytest.mark.registry
def test_every_mode_a_case_declares_is_in_the_table() -> None:
    declared = {
        (framework, mode)
        for case in cases.CASES.values()
        if case.bench is not None
        for framework, modes in case.bench.modes.items()
        for mode in modes
    }
    declared |= {
        tuple(key.split("/"))
        for case in cases.CASES.values()
        if case.bench is not None
        for key in case.bench.left_out
    }
    assert declared <= run_modes.TABLE.keys(), declared - run_modes.TABLE.keys()


def test_machine_benchmarks_use_modes_of_the_table() -> None:
    used = {*bench_machine.LIBRARIES, *bench_machine.FLOOR}
    assert used <= run_modes.TABLE.keys()


@pytest.mark.parametrize("name", list(backends.KNOWN))
def test_every_mode_a_backend_prepares_is_in_the_table(name: str) -> None:
    try:
        backend = backends.load(name)
    except backends.BackendUnavailable as e:
        pytest.skip(str(e))
    assert {(name, mode) for mode in backend.modes} <= run_modes.TABLE.keys()


def test_labels_and_help() -> None:
    assert run_modes.label("jax", "eager") == "JAX op by op"
    assert run_modes.label("jax", "pmap") == "JAX pmap"  # not in the table, still named
    assert run_modes.compiles("torch", "compile") and not run_modes.compiles("jax", "eager")
    assert run_modes.help_text(["eager", "nnx_jit"]) == (
        "eager: torch eager, JAX op by op; nnx_jit: JAX nnx.jit"
    )
    assert run_modes.help_text().startswith("eager: torch eager, JAX op by op; compile: ")
