"""``jaxparity.machine.cpu``: the CPU's identity (vendor, family and model, microarchitecture,
ISA extensions, caches, hypervisor) parsed from ``/proc/cpuinfo`` and sysfs texts of machines
the test does not run on (``tests/fake_machines.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jaxparity import machine
from jaxparity.machine import cpu as cpuid
from tests.fake_machines import (
    NEOVERSE_V2,
    NO_FLAGS,
    SAPPHIRE_RAPIDS,
    ZEN4,
    ZEN4_CACHES,
    ZEN5,
    fake_sysfs,
    x86_cpuinfo,
)

ZEN4_ISA = [
    "avx",
    "avx2",
    "avx512_bf16",
    "avx512_vnni",
    "avx512bw",
    "avx512dq",
    "avx512f",
    "avx512ifma",
    "avx512vbmi",
    "avx512vl",
    "f16c",
    "fma",
    "sse4_2",
]


@pytest.fixture
def kvm(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hypervisor lookup answers KVM, whatever this machine is."""
    monkeypatch.setattr(cpuid, "_hypervisor_vendor", lambda: "KVM")


@pytest.fixture
def no_hypervisor_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if the hypervisor is looked up: without the flag there is nothing to look up."""

    def fail() -> str:
        raise AssertionError("hypervisor looked up without the hypervisor flag")

    monkeypatch.setattr(cpuid, "_hypervisor_vendor", fail)


@pytest.mark.usefixtures("kvm")
def test_zen4_guest(tmp_path: Path) -> None:
    cpu = cpuid.cpu_identity(ZEN4, sys_cpu=fake_sysfs(tmp_path, ZEN4_CACHES))
    assert cpu["vendor"] == "AuthenticAMD"
    assert cpu["model_name"] == "AMD EPYC"
    assert (cpu["family"], cpu["model"], cpu["stepping"]) == (25, 17, 1)
    assert cpu["microcode"] == "0x1000065"
    assert cpu["microarchitecture"] == "Zen 4"
    assert cpu["isa"] == ZEN4_ISA
    assert cpu["caches"] == {"L1d": "32 KiB", "L1i": "32 KiB", "L2": "1 MiB", "L3": "32 MiB"}
    assert cpu["logical_cpus"] == os.cpu_count()
    assert cpu["hypervisor"] == "KVM"


@pytest.mark.usefixtures("no_hypervisor_lookup")
def test_zen5_bare_metal(tmp_path: Path) -> None:
    cpu = cpuid.cpu_identity(ZEN5, sys_cpu=tmp_path)
    assert (cpu["family"], cpu["model"]) == (26, 2)
    assert cpu["microarchitecture"] == "Zen 5"
    assert "avx_vnni" in cpu["isa"]
    assert "amx_tile" not in cpu["isa"]
    assert cpu["hypervisor"] is None
    assert cpu["caches"] is None  # no cache tree under tmp_path


@pytest.mark.usefixtures("kvm")
def test_sapphire_rapids_with_amx(tmp_path: Path) -> None:
    caches = [("1", "Data", "48K"), ("1", "Instruction", "32K"), ("2", "Unified", "2048K")]
    caches.append(("3", "Unified", "107520K"))
    cpu = cpuid.cpu_identity(SAPPHIRE_RAPIDS, sys_cpu=fake_sysfs(tmp_path, caches))
    assert cpu["vendor"] == "GenuineIntel"
    assert (cpu["family"], cpu["model"], cpu["stepping"]) == (6, 0x8F, 8)
    assert cpu["microarchitecture"] == "Sapphire Rapids"
    assert {"amx_tile", "amx_bf16", "amx_int8", "avx512_fp16", "avx_vnni"} <= set(cpu["isa"])
    assert cpu["caches"] == {"L1d": "48 KiB", "L1i": "32 KiB", "L2": "2 MiB", "L3": "105 MiB"}
    text = machine.label({"cpu": cpu})
    assert "Sapphire Rapids (family 6, model 143, stepping 8)" in text
    assert "AVX-512 + AMX + BF16 + FP16" in text
    assert "L3 105 MiB" in text


@pytest.mark.usefixtures("no_hypervisor_lookup")
def test_cpuinfo_without_flags(tmp_path: Path) -> None:
    cpu = cpuid.cpu_identity(NO_FLAGS, sys_cpu=tmp_path)
    assert cpu["isa"] is None  # unknown, not "no ISA extensions"
    assert cpu["hypervisor"] is None
    assert cpu["microarchitecture"] == "Zen 3"
    assert cpu["model_name"] == "AMD EPYC 7B13"


@pytest.mark.usefixtures("no_hypervisor_lookup")
def test_nothing_readable_gives_none_not_an_exception(tmp_path: Path) -> None:
    cpu = cpuid.cpu_identity("", sys_cpu=tmp_path / "absent")
    for key in ("vendor", "model_name", "family", "model", "stepping", "microcode"):
        assert cpu[key] is None, key
    for key in ("microarchitecture", "isa", "caches", "hypervisor"):
        assert cpu[key] is None, key
    assert machine.label({"cpu": cpu}).startswith("Unknown CPU")
    assert machine.slug({"cpu": cpu}) == f"unknown-cpu-{os.cpu_count()}core"


@pytest.mark.usefixtures("no_hypervisor_lookup")
def test_arm_neoverse(tmp_path: Path) -> None:
    cpu = cpuid.cpu_identity(NEOVERSE_V2, sys_cpu=tmp_path)
    assert cpu["vendor"] == "ARM"
    assert cpu["microarchitecture"] == "Neoverse V2"
    assert cpu["isa"] == ["asimd", "bf16", "i8mm", "sve", "sve2"]
    assert cpu["family"] is None
    assert cpu["hypervisor"] is None


@pytest.mark.parametrize(
    ("vendor", "family", "model", "stepping", "expected"),
    [
        ("AuthenticAMD", 23, 0x01, 2, "Zen"),
        ("AuthenticAMD", 23, 0x08, 2, "Zen+"),
        ("AuthenticAMD", 23, 0x18, 1, "Zen+"),
        ("AuthenticAMD", 23, 0x31, 0, "Zen 2"),
        ("AuthenticAMD", 23, 0x71, 0, "Zen 2"),
        ("AuthenticAMD", 25, 0x01, 1, "Zen 3"),
        ("AuthenticAMD", 25, 0x21, 0, "Zen 3"),
        ("AuthenticAMD", 25, 0x11, 1, "Zen 4"),
        ("AuthenticAMD", 25, 0xA0, 2, "Zen 4"),
        ("AuthenticAMD", 25, 0xB0, 0, None),  # beyond the table: no guess
        ("AuthenticAMD", 26, 0x44, 0, "Zen 5"),
        ("AuthenticAMD", 22, 0x30, 1, None),
        ("GenuineIntel", 6, 0x55, 4, "Skylake-SP"),
        ("GenuineIntel", 6, 0x55, 7, "Cascade Lake"),
        ("GenuineIntel", 6, 0x55, 11, "Cooper Lake"),
        ("GenuineIntel", 6, 0x55, 8, None),
        ("GenuineIntel", 6, 0x6A, 6, "Ice Lake-SP"),
        ("GenuineIntel", 6, 0xCF, 2, "Emerald Rapids"),
        ("GenuineIntel", 6, 0xAD, 1, "Granite Rapids"),
        ("GenuineIntel", 6, 0x3F, 2, "Haswell"),
        ("GenuineIntel", 6, 0x4F, 1, "Broadwell"),
        ("GenuineIntel", 6, 0x5E, 3, "Skylake"),
        ("GenuineIntel", 6, 0x97, 2, "Alder Lake"),
        ("GenuineIntel", 6, 0xB7, 1, "Raptor Lake"),
        ("GenuineIntel", 6, 0x01, 1, None),
        ("GenuineIntel", 15, 0x04, 1, None),
        ("AuthenticAMD", 6, 0x8F, 1, None),  # an Intel model number on an AMD vendor
    ],
)
@pytest.mark.usefixtures("no_hypervisor_lookup")
def test_microarchitecture_table(
    tmp_path: Path, vendor: str, family: int, model: int, stepping: int, expected: str | None
) -> None:
    text = x86_cpuinfo(vendor, family, model, stepping, "some CPU", "fpu sse4_2")
    assert cpuid.cpu_identity(text, sys_cpu=tmp_path)["microarchitecture"] == expected


def test_cache_sizes_that_are_not_whole_mebibytes(tmp_path: Path) -> None:
    caches = [("2", "Unified", "1280K"), ("3", "Unified", "39424K"), ("1", "Data", "48K")]
    fake_sysfs(tmp_path, caches)
    # An index without a size (seen in some containers) is skipped, not fatal.
    broken = tmp_path / "cpu0" / "cache" / "index9"
    broken.mkdir()
    (broken / "level").write_text("4\n")
    cpu = cpuid.cpu_identity("", sys_cpu=tmp_path)
    assert cpu["caches"] == {"L2": "1.25 MiB", "L3": "38.5 MiB", "L1d": "48 KiB"}
