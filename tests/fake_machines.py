"""Machines the tests of ``jaxparity.machine`` do not run on: ``/proc/cpuinfo`` texts and sysfs
cache folders, synthetic but copied in shape from real machines, and a Zen 4 guest's identity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jaxparity.machine import cpu as cpuid
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
