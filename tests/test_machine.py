"""jaxparity.machine: an identity's one-line label and slug, the kernel environment, and this
machine's identity, read for real to prove the real files parse.

Beside this file: the CPU's identity from cpuinfo texts of machines the test does not run on
(``test_machine_cpu.py``, ``fake_machines.py``), the libraries' without the real frameworks
(``test_machine_libraries.py``) and differences of two records (``test_machine_differences.py``).
"""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from jaxparity import machine
from jaxparity.machine import environment
from tests.fake_machines import zen4_identity

# --- label and slug ----------------------------------------------------------------------------


def test_label_and_slug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ident = zen4_identity(tmp_path, monkeypatch)
    expected = (
        "AMD EPYC — Zen 4 (family 25, model 17, stepping 1), 2 logical CPUs, AVX-512 + BF16, "
        "L3 32 MiB, KVM guest"
    )
    assert machine.label(ident) == expected
    assert machine.slug(ident) == "zen4-2core"
    # A machine record holding the identity says the same.
    assert machine.label({"identity": ident, "cpu_model": "x"}) == expected
    assert machine.slug({"identity": ident}) == "zen4-2core"


def test_label_mentions_fewer_usable_cpus_and_unknown_hypervisor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ident = zen4_identity(tmp_path, monkeypatch)
    ident["cpu"] |= {"logical_cpus": 8, "usable_cpus": 2, "hypervisor": "unknown"}
    text = machine.label(ident)
    assert "8 logical CPUs (2 usable)" in text
    assert text.endswith("virtual machine (hypervisor unknown)")


@pytest.mark.parametrize(
    ("cpu", "expected"),
    [
        ({"microarchitecture": "Zen+", "logical_cpus": 16}, "zenplus-16core"),
        ({"microarchitecture": "Sapphire Rapids", "logical_cpus": 8}, "sapphire-rapids-8core"),
        ({"microarchitecture": "Neoverse V2", "logical_cpus": 64}, "neoverse-v2-64core"),
        (
            {"model_name": "Intel(R) Xeon(R) CPU @ 2.20GHz", "logical_cpus": 4},
            "intel-xeon-cpu-2-20ghz-4core",
        ),
        ({"model_name": "(R)", "logical_cpus": None}, "unknown-cpu"),
        ({}, "unknown-cpu"),
    ],
)
def test_slug_fallbacks(cpu: dict[str, Any], expected: str) -> None:
    result = machine.slug({"cpu": cpu})
    assert result == expected
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", result)


def test_label_and_slug_of_an_old_record() -> None:
    old = {"cpu_model": "AMD EPYC", "cpu_count": 2, "torch": "2.4.0"}
    assert machine.label(old) == "AMD EPYC, 2 logical CPUs"
    assert machine.slug(old) == "amd-epyc-2core"


# --- kernel_environment ------------------------------------------------------------------------


def test_kernel_environment_keeps_only_kernel_variables_sorted() -> None:
    environ = {
        "PATH": "/usr/bin",
        "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=false",
        "OPENBLAS_CORETYPE": "Haswell",
        "OMP_NUM_THREADS": "2",
        "GOTO_NUM_THREADS": "1",
        "MKL_ENABLE_INSTRUCTIONS": "AVX2",
        "HOME": "/root",
        "TF_ENABLE_ONEDNN_OPTS": "0",
        "MALLOC_ARENA_MAX": "2",
        "MYOMP_NUM_THREADS": "3",  # the prefix must start the name
        "TF_VAR_db_password": "hunter2",  # Terraform's, not TensorFlow's
        "TF_TOKEN_app_terraform_io": "abc",
        "TORCH_HUB_TOKEN": "secret-value",
    }
    env = environment.kernel_environment(environ)
    assert list(env) == [
        "GOTO_NUM_THREADS",
        "MALLOC_ARENA_MAX",
        "MKL_ENABLE_INSTRUCTIONS",
        "OMP_NUM_THREADS",
        "OPENBLAS_CORETYPE",
        "TF_ENABLE_ONEDNN_OPTS",
        "TORCH_HUB_TOKEN",
        "XLA_FLAGS",
    ]
    assert env["OPENBLAS_CORETYPE"] == "Haswell"
    assert env["TORCH_HUB_TOKEN"] == environment.REDACTED
    assert "hunter2" not in repr(env)
    assert environment.kernel_environment({}) == {}


def test_kernel_environment_reads_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Zen")
    assert environment.kernel_environment()["OPENBLAS_CORETYPE"] == "Zen"


# --- this machine ------------------------------------------------------------------------------


def test_identity_of_this_machine(capfd: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ident = machine.identity()
    out, err = capfd.readouterr()
    assert caught == []
    assert "warn" not in (out + err).lower()
    assert set(ident) == {"cpu", "libraries", "kernel_env"}
    cpu = ident["cpu"]
    if Path("/proc/cpuinfo").exists():
        assert isinstance(cpu["vendor"], str)
        assert cpu["vendor"]
    assert cpu["logical_cpus"] == os.cpu_count()
    import numpy

    assert ident["libraries"]["numpy"]["version"] == numpy.__version__
    assert ident["libraries"]["numpy"]["blas"] is not None
    assert isinstance(ident["kernel_env"], dict)
    assert machine.label(ident)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", machine.slug(ident))
    assert machine.differences({"identity": ident}, {"identity": machine.identity()}) == []
