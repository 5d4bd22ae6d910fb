"""``jaxparity.machine.differences``: what two runs' machine records say differs (CPU, ISA
flags, kernel environment, BLAS and its hardware, library versions), and what they cannot tell
apart; run-level fields (date, commit, load) never count."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from jaxparity import machine
from tests.fake_machines import zen4_identity


@pytest.fixture
def record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A machine record as cli saves it, with the identity beside the flat fields."""
    return {
        "cpu_model": "AMD EPYC",
        "cpu_count": 2,
        "numpy": "2.4.6",
        "jax": "0.10.2",
        "jaxlib": "0.10.2",
        "flax": "0.12.0",
        "python": "3.11.14",
        "date": "2025-01-01 10:00 UTC",
        "git_commit": "abc123",
        "load_1m_at_start": 0.3,
        "identity": zen4_identity(tmp_path, monkeypatch),
    }


def test_identical_records_have_no_differences(record: dict[str, Any]) -> None:
    assert machine.differences(record, copy.deepcopy(record)) == []


def test_run_level_fields_are_ignored(record: dict[str, Any]) -> None:
    other = copy.deepcopy(record)
    other |= {"date": "2026-02-02 12:00 UTC", "git_commit": "def456", "load_1m_at_start": 3.5}
    assert machine.differences(record, other) == []


def test_family_change_is_reported(record: dict[str, Any]) -> None:
    other = copy.deepcopy(record)
    other["identity"]["cpu"] |= {"family": 26, "model": 2, "microarchitecture": "Zen 5"}
    found = machine.differences(record, other)
    assert "CPU family: 25 → 26." in found
    assert "CPU model: 17 → 2." in found
    assert "CPU microarchitecture: Zen 4 → Zen 5." in found
    assert len(found) == 3


def test_missing_isa_flag_is_reported(record: dict[str, Any]) -> None:
    other = copy.deepcopy(record)
    other["identity"]["cpu"]["isa"].remove("avx512_bf16")
    assert machine.differences(record, other) == [
        "ISA flags missing on the second machine: avx512_bf16."
    ]
    assert machine.differences(other, record) == [
        "ISA flags added on the second machine: avx512_bf16."
    ]


def test_kernel_environment_changes_are_reported(record: dict[str, Any]) -> None:
    first, second = copy.deepcopy(record), copy.deepcopy(record)
    first["identity"]["kernel_env"]["OPENBLAS_CORETYPE"] = "Haswell"
    second["identity"]["kernel_env"]["OPENBLAS_CORETYPE"] = "SkylakeX"
    assert machine.differences(first, second) == ["OPENBLAS_CORETYPE: Haswell → SkylakeX."]
    assert machine.differences(first, record) == [
        "OPENBLAS_CORETYPE=Haswell is set only on the first machine."
    ]
    assert machine.differences(record, first) == [
        "OPENBLAS_CORETYPE=Haswell is set only on the second machine."
    ]


def test_blas_library_and_hardware_changes_are_reported(record: dict[str, Any]) -> None:
    other = copy.deepcopy(record)
    other["identity"]["libraries"]["numpy"]["blas"]["architecture"] = "Haswell"
    other["identity"]["libraries"]["torch"] = {"version": "2.13.0+cpu", "mkl": "2024.2"}
    other["identity"]["cpu"] |= {"hypervisor": None, "logical_cpus": 4}
    other["identity"]["cpu"]["caches"]["L2"] = "2 MiB"
    found = machine.differences(record, other)
    assert "NumPy BLAS architecture: SkylakeX → Haswell." in found
    assert "torch: none → 2.13.0+cpu." in found
    assert "Hypervisor: KVM → none." in found
    assert "Logical CPUs: 2 → 4." in found
    assert "L2 cache: 1 MiB → 2 MiB." in found
    assert len(found) == 5  # the flat cpu_count is the same fact: not said twice


def test_flat_version_fields_are_compared(record: dict[str, Any]) -> None:
    other = copy.deepcopy(record)
    other |= {"flax": "0.13.0", "torch_gpu": "NVIDIA H200"}
    assert machine.differences(record, other) == [
        "flax: 0.12.0 → 0.13.0.",
        "torch_gpu: none → NVIDIA H200.",
    ]


def test_old_record_cannot_tell_machines_apart(record: dict[str, Any]) -> None:
    old = {key: value for key, value in record.items() if key != "identity"}
    old["torch"] = "2.4.0"
    found = machine.differences(old, record)
    assert found[0] == (
        "The first record holds no machine identity (an older run): it cannot tell machines "
        "apart beyond its model name (AMD EPYC)."
    )
    assert found[1:] == ["torch: 2.4.0 → none."]
    both_old = machine.differences(old, copy.deepcopy(old))
    assert len(both_old) == 1
    assert both_old[0].startswith("Neither record holds a machine identity")
