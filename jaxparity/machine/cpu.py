"""The CPU as the kernels see it: vendor, ids, core generation, ISA flags, caches, hypervisor.

Everything here reads; nothing fails. A file that is missing (no ``/proc`` on macOS, no sysfs
cache tree in a container) leaves its fields ``None`` rather than stopping a benchmark run.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

from jaxparity.machine.cpu_models import arm_vendor, microarchitecture, parse_id

# The flags that decide which kernel variant a BLAS / oneDNN / XLA picks at run time.
X86_ISA = (
    "sse4_2",
    "avx",
    "avx2",
    "fma",
    "f16c",
    "avx512f",
    "avx512dq",
    "avx512bw",
    "avx512vl",
    "avx512_vnni",
    "avx512_bf16",
    "avx512_fp16",
    "avx512ifma",
    "avx512vbmi",
    "avx_vnni",
    "amx_tile",
    "amx_bf16",
    "amx_int8",
)
ARM_ISA = ("asimd", "sve", "sve2", "bf16", "i8mm")


def cpu_identity(
    cpuinfo: str | None = None, sys_cpu: Path = Path("/sys/devices/system/cpu")
) -> dict[str, Any]:
    """The CPU as the kernels see it: vendor, family/model/stepping, core generation, ISA
    flags, caches, logical CPUs and hypervisor.

    ``cpuinfo`` is the text of ``/proc/cpuinfo`` (read when ``None``) and ``sys_cpu`` the sysfs
    CPU folder, both injectable so tests can describe machines they do not run on. Whatever
    cannot be read is ``None``: a record with holes is still better than no record.
    """
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace")
        except OSError:
            cpuinfo = ""
    fields = _cpuinfo_fields(cpuinfo)
    implementer = fields.get("CPU implementer")
    part = fields.get("CPU part")
    family = parse_id(fields.get("cpu family"))
    model = parse_id(fields.get("model"))
    stepping = parse_id(fields.get("stepping"))
    vendor = fields.get("vendor_id") or arm_vendor(implementer)

    flags_text = fields.get("flags")
    features_text = fields.get("Features")
    isa: list[str] | None
    if flags_text is not None:
        flags = set(flags_text.split())
        isa = sorted(f for f in X86_ISA if f in flags)
        hypervisor = _hypervisor_vendor() if "hypervisor" in flags else None
    elif features_text is not None:
        isa = sorted(f for f in ARM_ISA if f in set(features_text.split()))
        # ARM's Features line has no "hypervisor" flag: absence there proves nothing.
        hypervisor = None
    else:
        isa, hypervisor = None, None

    return {
        "vendor": vendor,
        "model_name": fields.get("model name"),
        "family": family,
        "model": model,
        "stepping": stepping,
        "microcode": fields.get("microcode"),
        "arm_implementer": implementer,
        "arm_part": part,
        "microarchitecture": microarchitecture(vendor, family, model, stepping, implementer, part),
        "isa": isa,
        "caches": _caches(sys_cpu / "cpu0" / "cache"),
        "logical_cpus": os.cpu_count(),
        # A container or taskset can allow fewer CPUs than the machine has; thread pools
        # sized to cpu_count then oversubscribe.
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "hypervisor": hypervisor,
    }


def _cpuinfo_fields(text: str) -> dict[str, str]:
    # The first occurrence of each key is CPU 0's: on hybrid or big.LITTLE machines the cores
    # differ, and CPU 0 is at least a definite one of them.
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields.setdefault(key.strip(), value.strip())
    return fields


_CACHE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _caches(cache_dir: Path) -> dict[str, str] | None:
    """Cache sizes per instance, as CPU 0 sees them (``L2``: its own L2, not the sum)."""
    if not cache_dir.is_dir():
        return None
    found: dict[str, str] = {}
    indexes = sorted(cache_dir.glob("index*"), key=lambda p: parse_id(p.name[5:]) or 0)
    for index in indexes:
        try:
            level = (index / "level").read_text().strip()
            kind = (index / "type").read_text().strip()
            size = (index / "size").read_text().strip()
        except OSError:
            continue
        suffix = {"Data": "d", "Instruction": "i"}.get(kind, "")
        nbytes = _size_bytes(size)
        if nbytes is not None:
            found.setdefault(f"L{level}{suffix}", _human_size(nbytes))
    return found or None


def _size_bytes(text: str) -> int | None:
    match = re.fullmatch(r"(\d+)\s*([KMG]?)i?B?", text.strip(), re.IGNORECASE)
    if not match:
        return None
    return int(match[1]) * _CACHE_UNITS[match[2].upper()]


def _human_size(nbytes: int) -> str:
    mib, kib = 1024**2, 1024
    if nbytes >= mib:
        return f"{nbytes / mib:g} MiB"
    if nbytes >= kib:
        return f"{nbytes / kib:g} KiB"
    return f"{nbytes} B"


def _hypervisor_vendor() -> str:
    """Which hypervisor, once the CPU flags say there is one: Xen fills /sys/hypervisor, the
    others only show in CPUID, which lscpu decodes."""
    try:
        text = Path("/sys/hypervisor/type").read_text().strip()
        if text:
            return text
    except OSError:
        pass
    try:
        out = subprocess.run(
            ["lscpu"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            env={**os.environ, "LC_ALL": "C"},
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    for line in out.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Hypervisor vendor" and value.strip():
            return value.strip()
    return "unknown"
