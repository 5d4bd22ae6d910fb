"""jaxparity.machine: CPU and kernel identity, its one-line label, and differences of records.

The cpuinfo texts are synthetic but copied in shape from real machines, so the parser is tested
on machines the test does not run on; one test reads this machine to prove the real files parse.
"""

from __future__ import annotations

import copy
import os
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from jaxparity import machine
from jaxparity.machine import cpu as cpuid
from jaxparity.machine import environment
from jaxparity.machine import libraries as libs

ZEN4_FLAGS = (
    "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr "
    "sse sse2 ht syscall nx mmxext fxsr_opt pdpe1gb rdtscp lm constant_tsc rep_good nopl "
    "xtopology nonstop_tsc cpuid extd_apicid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid "
    "sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor "
    "lahf_lm cmp_legacy cr8_legacy abm sse4a misalignsse 3dnowprefetch osvw topoext vmmcall "
    "fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid avx512f avx512dq rdseed adx smap "
    "avx512ifma clflushopt clwb avx512cd sha_ni avx512bw avx512vl xsaveopt xsavec xgetbv1 "
    "xsaves avx512_bf16 clzero xsaveerptr arat avx512vbmi umip avx512_vbmi2 gfni vaes "
    "vpclmulqdq avx512_vnni avx512_bitalg avx512_vpopcntdq rdpid fsrm"
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


def x86_cpuinfo(
    vendor: str, family: int, model: int, stepping: int, name: str, flags: str | None
) -> str:
    """Two processors, as /proc/cpuinfo lists them: the parser must take CPU 0's block."""
    blocks = []
    for cpu in range(2):
        lines = [
            f"processor\t: {cpu}",
            f"vendor_id\t: {vendor}",
            f"cpu family\t: {family}",
            f"model\t\t: {model}",
            f"model name\t: {name}",
            f"stepping\t: {stepping}",
            "microcode\t: 0x1000065",
            "cpu MHz\t\t: 2596.144",
            "cache size\t: 1024 KB",
        ]
        if flags is not None:
            lines.append(f"flags\t\t: {flags}")
        lines.append("bogomips\t: 5192.28")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


ZEN4 = x86_cpuinfo("AuthenticAMD", 25, 17, 1, "AMD EPYC", ZEN4_FLAGS)
ZEN5 = x86_cpuinfo(
    "AuthenticAMD",
    26,
    2,
    1,
    "AMD EPYC 9575F 64-Core Processor",
    ZEN4_FLAGS.replace(" hypervisor", "") + " avx_vnni movdiri movdir64b avx512_vp2intersect",
)
SAPPHIRE_RAPIDS = x86_cpuinfo(
    "GenuineIntel",
    6,
    143,
    8,
    "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz",
    "fpu sse4_2 avx avx2 fma f16c avx512f avx512dq avx512bw avx512vl avx512_vnni "
    "avx512_bf16 avx512_fp16 avx512ifma avx512vbmi avx_vnni amx_bf16 amx_tile amx_int8 "
    "hypervisor",
)
NO_FLAGS = x86_cpuinfo("AuthenticAMD", 25, 1, 1, "AMD EPYC 7B13", None)
NEOVERSE_V2 = """processor\t: 0
BogoMIPS\t: 2000.00
Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm \
jscvt fcma lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs sb \
paca pacg dcpodp sve2 sveaes svepmull svebitperm svesha3 svesm4 flagm2 frint svei8mm svebf16 \
i8mm bf16 dgh rng bti
CPU implementer\t: 0x41
CPU architecture: 8
CPU variant\t: 0x0
CPU part\t: 0xd4f
CPU revision\t: 1
"""


def fake_sysfs(root: Path, caches: list[tuple[str, str, str]]) -> Path:
    """A sysfs CPU folder whose cpu0 has the given (level, type, size) cache indexes."""
    for i, (level, kind, size) in enumerate(caches):
        index = root / "cpu0" / "cache" / f"index{i}"
        index.mkdir(parents=True)
        (index / "level").write_text(f"{level}\n")
        (index / "type").write_text(f"{kind}\n")
        (index / "size").write_text(f"{size}\n")
    return root


ZEN4_CACHES = [("1", "Data", "32K"), ("1", "Instruction", "32K"), ("2", "Unified", "1024K")]
ZEN4_CACHES.append(("3", "Unified", "32768K"))


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


# --- cpu_identity ------------------------------------------------------------------------------


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


# --- label and slug ----------------------------------------------------------------------------


def zen4_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(cpuid, "_hypervisor_vendor", lambda: "KVM")
    cpu = cpuid.cpu_identity(ZEN4, sys_cpu=fake_sysfs(tmp_path, ZEN4_CACHES))
    cpu["logical_cpus"] = cpu["usable_cpus"] = 2  # as on the machine this was written for
    libraries = {
        "numpy": {
            "version": "2.4.6",
            "blas": {"name": "openblas", "version": "0.3.31", "architecture": "SkylakeX"},
        },
        "jax": {"version": "0.10.2", "jaxlib": "0.10.2", "kernels": libs.JAX_KERNELS},
    }
    return {"cpu": cpu, "libraries": libraries, "kernel_env": {"OMP_NUM_THREADS": "2"}}


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


# --- differences -------------------------------------------------------------------------------


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


# --- library_identity without the real frameworks ----------------------------------------------

OLD_TORCH_CONFIG = """PyTorch built with:
  - GCC 9.3
  - Intel(R) Math Kernel Library Version 2020.0.0 Product Build 20191122 for Intel(R) 64 \
architecture applications
  - Intel(R) MKL-DNN v2.7.3 (Git Hash 6dbeffbae1f23cbbeae17adb7b5b13f1f37c080e)
  - Build settings: BLAS_INFO=mkl, BUILD_TYPE=Release, LAPACK_INFO=mkl, USE_MKL=ON,
"""


def fake_torch() -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(
        __version__="1.13.1",
        __config__=SimpleNamespace(
            show=lambda: OLD_TORCH_CONFIG,
            parallel_info=lambda: "ATen/Parallel:\nATen parallel backend: OpenMP\n",
        ),
        # torch 1.13 has no torch.backends.cpu: the capability is a hole, not a crash.
        backends=SimpleNamespace(
            mkl=SimpleNamespace(is_available=lambda: True),
            mkldnn=SimpleNamespace(is_available=lambda: False),
        ),
        get_num_threads=lambda: 4,
        get_num_interop_threads=lambda: 4,
        version=SimpleNamespace(cuda=None),
    )


def test_library_identity_with_old_torch_no_jax_no_threadpoolctl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy

    modules = {"numpy": numpy, "torch": fake_torch()}
    monkeypatch.setattr(libs, "_optional_import", lambda name: modules.get(name))
    monkeypatch.setattr(libs, "_threadpools", lambda: None)
    libraries = libs.library_identity()
    assert set(libraries) == {"numpy", "torch"}  # no jax, no thread-pool list
    assert libraries["torch"] == {
        "version": "1.13.1",
        "blas": "mkl",
        "lapack": "mkl",
        "mkl": "2020.0.0",
        "onednn": "2.7.3",
        "cpu_capability": None,
        "mkl_available": True,
        "mkldnn_available": False,
        "num_threads": 4,
        "interop_threads": 4,
        "parallel_backend": "OpenMP",
        "cuda": None,
    }
    blas = libraries["numpy"]["blas"]
    # Without threadpoolctl only the build is known, so no run-time architecture is claimed.
    assert blas["source"] == "numpy.show_config (build time)"
    assert "architecture" not in blas
    assert blas["name"]
