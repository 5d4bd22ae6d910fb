"""Which machine and which kernels produced a benchmark: enough to tell two "AMD EPYC"s apart.

A model name is not an identity. Two cloud machines both called "AMD EPYC" measured 209 and
353 GFLOP/s on the same float32 matmul, and their records could not say why. A timing means
something only next to the CPU generation, the vector instructions a kernel may use (OpenBLAS
and oneDNN pick their kernels from them at run time), the caches, whether a hypervisor sits in
between, which BLAS / MKL / oneDNN / XLA build ran and the environment variables that steer
them. This module records all of that (``identity``), says it in one line
(``label``) or a folder name (``slug``), and lists what differs between two records
(``differences``) so a comparison of runs says why its numbers may not be comparable.

Everything here reads; nothing fails. A file that is missing (no ``/proc`` on macOS, no sysfs
cache tree in a container) leaves its fields ``None`` rather than stopping a benchmark run.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import re
import subprocess
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

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

# Variables that change which kernels run or how many threads they get.
KERNEL_ENV_PREFIXES = (
    "OPENBLAS_",
    "GOTO",
    "MKL_",
    "OMP_",
    "KMP_",
    "DNNL_",
    "ONEDNN_",
    "ATEN_",
    "TORCH_",
    "XLA_",
    "JAX_",
    "TF_",
    "MALLOC_",
    "BLIS_",
)

# TF_ is TensorFlow's prefix but also Terraform's, whose TF_VAR_* and TF_TOKEN_* carry
# passwords and API tokens; these never change a kernel and must not land in a report.
TERRAFORM_PREFIXES = (
    "TF_VAR_",
    "TF_TOKEN_",
    "TF_CLI_",
    "TF_CLOUD_",
    "TF_LOG",
    "TF_DATA_DIR",
    "TF_WORKSPACE",
    "TF_IN_AUTOMATION",
    "TF_INPUT",
    "TF_REGISTRY_",
    "TF_PLUGIN_CACHE_",
    "TF_STATE_",
    "TF_APPEND_USER_AGENT",
    "TF_IGNORE",
)
# Reports are shared: a kernel variable that looks like a secret is listed without its value.
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|CREDENTIAL|API_?KEY|AUTH", re.IGNORECASE)
REDACTED = "<redacted>"

JAX_KERNELS = "XLA (Eigen / its own CPU kernels)"

# Record fields that describe one run rather than the machine: they differ between any two runs.
RUN_LEVEL_FIELDS = frozenset(
    {"date", "git_commit", "load_1m_at_start", "tool", "started", "finished", "identity"}
)

# Flat record fields that the identity also holds; with identities on both sides, reporting
# the flat one too would say the same difference twice.
FLAT_IN_IDENTITY: dict[str, tuple[str, ...]] = {
    "cpu_model": ("cpu", "model_name"),
    "cpu_count": ("cpu", "logical_cpus"),
    "numpy": ("libraries", "numpy", "version"),
    "torch": ("libraries", "torch", "version"),
    "torch_threads": ("libraries", "torch", "num_threads"),
    "torch_interop_threads": ("libraries", "torch", "interop_threads"),
    "jax": ("libraries", "jax", "version"),
    "jaxlib": ("libraries", "jax", "jaxlib"),
    "jax_backend": ("libraries", "jax", "backend"),
    "xla_flags": ("kernel_env",),
}


# --- the CPU ---------------------------------------------------------------------------------


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
    family = _int(fields.get("cpu family"))
    model = _int(fields.get("model"))
    stepping = _int(fields.get("stepping"))
    vendor = fields.get("vendor_id") or _arm_vendor(implementer)

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
        "microarchitecture": _microarchitecture(vendor, family, model, stepping, implementer, part),
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


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    # cpuinfo writes family/model/stepping in decimal and ARM ids in hex; base 0 would reject
    # a decimal with a leading zero.
    try:
        return int(text, 16) if text.lower().startswith("0x") else int(text)
    except ValueError:
        return None


_ARM_VENDORS = {
    0x41: "ARM",
    0x42: "Broadcom",
    0x43: "Cavium",
    0x48: "HiSilicon",
    0x4E: "NVIDIA",
    0x50: "APM",
    0x51: "Qualcomm",
    0x61: "Apple",
    0xC0: "Ampere",
}


def _arm_vendor(implementer: str | None) -> str | None:
    code = _int(implementer)
    if code is None:
        return None
    return _ARM_VENDORS.get(code, f"implementer {implementer}")


_AMD_FAMILY_23: tuple[tuple[int, int, str], ...] = (
    (0x08, 0x08, "Zen+"),  # Pinnacle Ridge
    (0x18, 0x18, "Zen+"),  # Picasso
    (0x00, 0x2F, "Zen"),
    (0x30, 0x4F, "Zen 2"),
    (0x60, 0x7F, "Zen 2"),
    (0x90, 0x91, "Zen 2"),
    (0xA0, 0xAF, "Zen 2"),
)
_AMD_FAMILY_25 = (
    (0x00, 0x0F, "Zen 3"),
    (0x20, 0x5F, "Zen 3"),
    (0x10, 0x1F, "Zen 4"),
    (0x60, 0xAF, "Zen 4"),
)
# Only the family-26 ranges Linux itself marks as Zen 5: the rest of the family may be Zen 6.
_AMD_FAMILY_26 = ((0x00, 0x2F, "Zen 5"), (0x40, 0x4F, "Zen 5"), (0x60, 0x7F, "Zen 5"))
_AMD = {23: _AMD_FAMILY_23, 25: _AMD_FAMILY_25, 26: _AMD_FAMILY_26}

_INTEL_FAMILY_6 = {
    0x3C: "Haswell",
    0x3F: "Haswell",
    0x45: "Haswell",
    0x46: "Haswell",
    0x3D: "Broadwell",
    0x47: "Broadwell",
    0x4F: "Broadwell",
    0x56: "Broadwell",
    0x4E: "Skylake",
    0x5E: "Skylake",
    0x8E: "Kaby Lake / Coffee Lake",
    0x9E: "Kaby Lake / Coffee Lake",
    0xA5: "Comet Lake",
    0xA6: "Comet Lake",
    0x7D: "Ice Lake",
    0x7E: "Ice Lake",
    0x6A: "Ice Lake-SP",
    0x6C: "Ice Lake-SP",
    0x8C: "Tiger Lake",
    0x8D: "Tiger Lake",
    0xA7: "Rocket Lake",
    0x97: "Alder Lake",
    0x9A: "Alder Lake",
    0xB7: "Raptor Lake",
    0xBA: "Raptor Lake",
    0xBF: "Raptor Lake",
    0xAA: "Meteor Lake",
    0xAC: "Meteor Lake",
    0x8F: "Sapphire Rapids",
    0xCF: "Emerald Rapids",
    0xAD: "Granite Rapids",
    0xAE: "Granite Rapids",
}

# Model 0x55 is three generations told apart by stepping; steppings 8-9 were never released,
# so they stay unnamed.
_INTEL_MODEL_55 = {**dict.fromkeys(range(5), "Skylake-SP"), 5: "Cascade Lake", 6: "Cascade Lake"}
_INTEL_MODEL_55 |= {7: "Cascade Lake", 10: "Cooper Lake", 11: "Cooper Lake"}

_ARM_PARTS = {
    (0x41, 0xD08): "Cortex-A72",
    (0x41, 0xD0C): "Neoverse N1",
    (0x41, 0xD40): "Neoverse V1",
    (0x41, 0xD49): "Neoverse N2",
    (0x41, 0xD4F): "Neoverse V2",
}


def _microarchitecture(
    vendor: str | None,
    family: int | None,
    model: int | None,
    stepping: int | None,
    implementer: str | None,
    part: str | None,
) -> str | None:
    """The core generation from a table of known ids, or ``None``: a wrong name is worse than
    none, since it would send a reader looking for the wrong kernels."""
    if vendor == "AuthenticAMD" and family in _AMD and model is not None:
        for low, high, name in _AMD[family]:
            if low <= model <= high:
                return name
        return None
    if vendor == "GenuineIntel" and family == 6 and model is not None:
        if model == 0x55:
            return None if stepping is None else _INTEL_MODEL_55.get(stepping)
        return _INTEL_FAMILY_6.get(model)
    code, part_code = _int(implementer), _int(part)
    if code is not None and part_code is not None:
        return _ARM_PARTS.get((code, part_code))
    return None


_CACHE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _caches(cache_dir: Path) -> dict[str, str] | None:
    """Cache sizes per instance, as CPU 0 sees them (``L2``: its own L2, not the sum)."""
    if not cache_dir.is_dir():
        return None
    found: dict[str, str] = {}
    indexes = sorted(cache_dir.glob("index*"), key=lambda p: _int(p.name[5:]) or 0)
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


# --- the libraries ---------------------------------------------------------------------------


def library_identity() -> dict[str, Any]:
    """Which kernels each framework calls: NumPy's BLAS (name, version and the core type its
    dispatcher chose), torch's MKL / oneDNN and CPU capability, JAX's XLA.

    torch and JAX are optional: a missing one is left out. Importing them here must not print
    anything, since this runs in the middle of benchmark output.
    """
    libraries: dict[str, Any] = {}
    with warnings.catch_warnings(), _quiet_jax_logging():
        warnings.simplefilter("ignore")
        numpy = _optional_import("numpy")
        torch = _optional_import("torch")
        jax = _optional_import("jax")
        # Asked after the imports so that every thread pool the frameworks load is listed.
        pools = _threadpools()
        if numpy is not None:
            libraries["numpy"] = {"version": numpy.__version__, "blas": _numpy_blas(numpy, pools)}
        if torch is not None:
            libraries["torch"] = _torch_info(torch)
        if jax is not None:
            libraries["jax"] = _jax_info(jax)
    if pools is not None:
        # NumPy's own BLAS is already listed under "numpy"; twice would report changes twice.
        numpy_blas = (libraries.get("numpy") or {}).get("blas") or {}
        taken = numpy_blas.get("library") if numpy_blas.get("source") == "threadpoolctl" else None
        libraries["other_threadpools"] = [
            p for p in pools if taken is None or p.get("library") != taken
        ]
    return libraries


@contextlib.contextmanager
def _quiet_jax_logging() -> Iterator[None]:
    # JAX logs "no GPU/TPU found, falling back to CPU" as a warning when its backend starts.
    logger = logging.getLogger("jax")
    before = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)


def _optional_import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _threadpools() -> list[dict[str, Any]] | None:
    """Every BLAS and OpenMP runtime loaded in this process, from threadpoolctl, which asks
    each library itself (so the architecture is the kernel set chosen at run time)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    try:
        info = threadpool_info()
    except Exception:  # a library threadpoolctl cannot query must not stop a benchmark
        return None
    pools = []
    for entry in info:
        filepath = entry.get("filepath") or ""
        pool = {
            "user_api": entry.get("user_api"),
            "name": entry.get("internal_api"),
            "version": entry.get("version"),
            "architecture": entry.get("architecture"),
            "threading_layer": entry.get("threading_layer"),
            "num_threads": entry.get("num_threads"),
            "library": Path(filepath).name or None,
            "owner": _owner_package(filepath),
        }
        pools.append({k: v for k, v in pool.items() if v is not None})
    return pools


def _owner_package(filepath: str) -> str | None:
    # Wheels bundle their libraries in site-packages/<pkg>/ or site-packages/<pkg>.libs/.
    parts = Path(filepath).parts
    for i, part in enumerate(parts[:-1]):
        if part in ("site-packages", "dist-packages") and i + 1 < len(parts) - 1:
            return parts[i + 1].removesuffix(".libs")
    return None


def _numpy_blas(numpy: Any, pools: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    """NumPy's BLAS: the loaded library if threadpoolctl can pin it on NumPy, else what NumPy
    was built against (name and version only: with DYNAMIC_ARCH the kernels are picked at run
    time, so the build's target says nothing about them)."""
    build = _numpy_build_blas(numpy)
    blas_pools = [p for p in pools or [] if p.get("user_api") == "blas"]
    mine = [p for p in blas_pools if p.get("owner") == "numpy"]
    if not mine and build and build.get("name"):
        # Conda and system NumPy link a BLAS outside the package: match it by name.
        mine = [
            p
            for p in blas_pools
            if p.get("owner") in (None, "numpy") and str(p.get("name")) in build["name"]
        ]
    if len(mine) == 1:
        pool = mine[0]
        keys = ("name", "version", "architecture", "threading_layer", "num_threads", "library")
        return {k: pool.get(k) for k in keys} | {"source": "threadpoolctl"}
    return build


def _numpy_build_blas(numpy: Any) -> dict[str, Any] | None:
    try:
        config = numpy.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
    except Exception:  # older NumPy has no mode=, and the layout is not a stable API
        return None
    return {
        "name": blas.get("name"),
        "version": blas.get("version"),
        "configuration": blas.get("openblas configuration"),
        "source": "numpy.show_config (build time)",
    }


def _torch_info(torch: Any) -> dict[str, Any]:
    info: dict[str, Any] = {"version": torch.__version__}
    try:
        config = torch.__config__.show()
    except Exception:
        config = ""
    info["blas"] = _search(r"\bBLAS_INFO=([^,\s]+)", config)
    info["lapack"] = _search(r"\bLAPACK_INFO=([^,\s]+)", config)
    info["mkl"] = _search(r"Math Kernel Library Version ([0-9][0-9.]*[0-9])", config)
    info["onednn"] = _search(r"(?:MKL-DNN|oneDNN) v?([0-9][0-9.]*[0-9])", config)
    info["cpu_capability"] = _call(lambda: torch.backends.cpu.get_cpu_capability())
    info["mkl_available"] = _call(lambda: torch.backends.mkl.is_available())
    info["mkldnn_available"] = _call(lambda: torch.backends.mkldnn.is_available())
    info["num_threads"] = _call(torch.get_num_threads)
    info["interop_threads"] = _call(torch.get_num_interop_threads)
    parallel = _call(torch.__config__.parallel_info) or ""
    info["parallel_backend"] = _search(r"ATen parallel backend: *(\S.*)", parallel)
    info["cuda"] = getattr(torch.version, "cuda", None)
    return info


def _jax_info(jax: Any) -> dict[str, Any]:
    jaxlib = _optional_import("jaxlib")
    return {
        "version": jax.__version__,
        "jaxlib": getattr(jaxlib, "__version__", None),
        "kernels": JAX_KERNELS,
        "backend": _call(jax.default_backend),
    }


def _search(pattern: str, text: str) -> str | None:
    match = re.search(pattern, text)
    return match[1].strip() if match else None


def _call(fn: Callable[[], Any]) -> Any:
    # Introspection APIs come and go between releases; a missing one is a hole, not a crash.
    try:
        return fn()
    except Exception:
        return None


# --- the environment and the whole record ----------------------------------------------------


def kernel_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment variables that change which kernels run or how many threads they use
    (OPENBLAS_CORETYPE, MKL_ENABLE_INSTRUCTIONS, OMP_NUM_THREADS, XLA_FLAGS, ...), sorted.

    Terraform's TF_ variables are left out and secret-looking names keep only their name."""
    env = os.environ if environ is None else environ
    return {
        k: REDACTED if SECRET_NAME.search(k) else env[k]
        for k in sorted(env)
        if k.startswith(KERNEL_ENV_PREFIXES) and not k.startswith(TERRAFORM_PREFIXES)
    }


def identity() -> dict[str, Any]:
    """Everything above, for a machine record: which CPU, which kernels, which settings."""
    libraries = library_identity()
    # After the imports: JAX sets TF_CPP_MIN_LOG_LEVEL and threadpoolctl KMP_DUPLICATE_LIB_OK
    # when imported, so reading the environment first would make the record depend on what the
    # caller happened to have imported.
    return {"cpu": cpu_identity(), "libraries": libraries, "kernel_env": kernel_environment()}


# --- saying it -------------------------------------------------------------------------------


def _cpu_of(ident: Mapping[str, Any]) -> dict[str, Any]:
    """The CPU part of an identity, of a machine record holding one, or of an old record."""
    if isinstance(ident.get("identity"), Mapping):
        ident = ident["identity"]
    cpu = ident.get("cpu")
    if isinstance(cpu, Mapping):
        return dict(cpu)
    return {"model_name": ident.get("cpu_model"), "logical_cpus": ident.get("cpu_count")}


def _isa_summary(isa: Iterable[str]) -> str:
    flags = set(isa)
    if "avx512f" in flags:
        base = "AVX-512"
    elif "avx2" in flags:
        base = "AVX2"
    elif "avx" in flags:
        base = "AVX"
    elif "sve2" in flags:
        base = "SVE2"
    elif "sve" in flags:
        base = "SVE"
    elif "asimd" in flags:
        base = "NEON"
    elif "sse4_2" in flags:
        base = "SSE4.2"
    else:
        return "no listed SIMD extensions"
    extras = []
    if "amx_tile" in flags:
        extras.append("AMX")
    if flags & {"avx512_bf16", "amx_bf16", "bf16"}:
        extras.append("BF16")
    if "avx512_fp16" in flags:
        extras.append("FP16")
    return " + ".join([base, *extras])


def label(ident: dict) -> str:
    """One line for a report heading, e.g. "AMD EPYC — Zen 4 (family 25, model 17,
    stepping 1), 2 logical CPUs, AVX-512 + BF16, L3 32 MiB, KVM guest"."""
    cpu = _cpu_of(ident)
    name = cpu.get("model_name") or cpu.get("vendor") or "Unknown CPU"
    ids = []
    if cpu.get("family") is not None:
        ids += [f"family {cpu['family']}", f"model {cpu.get('model')}"]
        if cpu.get("stepping") is not None:
            ids.append(f"stepping {cpu['stepping']}")
    elif cpu.get("arm_part"):
        ids += [f"implementer {cpu.get('arm_implementer')}", f"part {cpu['arm_part']}"]
    head = name
    if cpu.get("microarchitecture"):
        head += f" — {cpu['microarchitecture']}"
    if ids:
        head += f" ({', '.join(ids)})"
    parts = [head]
    logical, usable = cpu.get("logical_cpus"), cpu.get("usable_cpus")
    if logical is not None:
        text = f"{logical} logical CPU{'s' if logical != 1 else ''}"
        if usable is not None and usable != logical:
            text += f" ({usable} usable)"
        parts.append(text)
    if cpu.get("isa") is not None:
        parts.append(_isa_summary(cpu["isa"]))
    caches = cpu.get("caches") or {}
    if caches.get("L3"):
        parts.append(f"L3 {caches['L3']}")
    hypervisor = cpu.get("hypervisor")
    if hypervisor == "unknown":
        parts.append("virtual machine (hypervisor unknown)")
    elif hypervisor:
        parts.append(f"{hypervisor} guest")
    return ", ".join(parts)


def _slugify(text: str) -> str:
    text = re.sub(r"\((?:R|TM|C)\)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?=\d)", "", text)  # "Zen 4" -> "zen4", as people write it
    text = text.replace("+", "plus")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def slug(ident: dict) -> str:
    """A folder-name fragment such as "zen4-2core", so result folders from different machines
    do not overwrite each other and say at a glance where they came from."""
    cpu = _cpu_of(ident)
    base = ""
    for candidate in (cpu.get("microarchitecture"), cpu.get("model_name")):
        if candidate:
            base = _slugify(str(candidate))
            if base:
                break
    base = base or "unknown-cpu"
    logical = cpu.get("logical_cpus")
    return f"{base}-{logical}core" if isinstance(logical, int) else base


# --- comparing two records -------------------------------------------------------------------


def _show(value: Any) -> str:
    if value is None or value == "":
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        said = [str(value[k]) for k in ("name", "version", "architecture") if value.get(k)]
        return " ".join(said) or "present"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "none"
    return str(value)


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(record, Mapping):
            return None
        record = record.get(key)
    return record


_CPU_FIELDS = (
    ("vendor", "CPU vendor"),
    ("model_name", "CPU model name"),
    ("family", "CPU family"),
    ("model", "CPU model"),
    ("stepping", "CPU stepping"),
    ("microarchitecture", "CPU microarchitecture"),
    ("arm_implementer", "CPU implementer"),
    ("arm_part", "CPU part"),
    ("microcode", "CPU microcode"),
    ("logical_cpus", "Logical CPUs"),
    ("usable_cpus", "Usable CPUs"),
    ("hypervisor", "Hypervisor"),
)


def _cpu_differences(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    out = [
        f"{name}: {_show(a.get(key))} → {_show(b.get(key))}."
        for key, name in _CPU_FIELDS
        if a.get(key) != b.get(key)
    ]
    isa_a, isa_b = a.get("isa"), b.get("isa")
    if isa_a is None or isa_b is None:
        if isa_a != isa_b:
            out.append(f"ISA flags: {_show(isa_a)} → {_show(isa_b)}.")
    else:
        if missing := sorted(set(isa_a) - set(isa_b)):
            out.append(f"ISA flags missing on the second machine: {', '.join(missing)}.")
        if added := sorted(set(isa_b) - set(isa_a)):
            out.append(f"ISA flags added on the second machine: {', '.join(added)}.")
    caches_a, caches_b = a.get("caches") or {}, b.get("caches") or {}
    for level in sorted(set(caches_a) | set(caches_b)):
        if caches_a.get(level) != caches_b.get(level):
            out.append(
                f"{level} cache: {_show(caches_a.get(level))} → {_show(caches_b.get(level))}."
            )
    return out


_LIBRARY_NAMES = {
    "numpy": "NumPy",
    "blas": "BLAS",
    "lapack": "LAPACK",
    "mkl": "MKL version",
    "onednn": "oneDNN version",
    "cpu_capability": "CPU capability",
    "mkl_available": "MKL available",
    "mkldnn_available": "oneDNN available",
    "num_threads": "threads",
    "interop_threads": "inter-op threads",
    "parallel_backend": "parallel backend",
    "jaxlib": "jaxlib version",
    "backend": "default backend",
    "kernels": "kernels",
    "cuda": "CUDA",
    "threading_layer": "threading layer",
    "other_threadpools": "thread pool",
}
# Bookkeeping, not kernels: a changed file name comes with a changed version anyway.
_LIBRARY_SKIP = frozenset({"library", "source", "configuration", "owner", "user_api"})


def _pool_key(pool: Mapping[str, Any]) -> str:
    owner = f" ({pool['owner']})" if pool.get("owner") else ""
    return f"{pool.get('user_api', '?')} {pool.get('name', '?')}{owner}"


def _library_differences(path: tuple[str, ...], a: Any, b: Any, out: list[str]) -> None:
    if a == b:
        return
    if isinstance(a, list) and isinstance(b, list) and path[-1:] == ("other_threadpools",):
        a = {_pool_key(p): p for p in a if isinstance(p, Mapping)}
        b = {_pool_key(p): p for p in b if isinstance(p, Mapping)}
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in [*a, *(k for k in b if k not in a)]:
            if key not in _LIBRARY_SKIP:
                _library_differences((*path, key), a.get(key), b.get(key), out)
        return
    words = [_LIBRARY_NAMES.get(part, part.replace("_", " ")) for part in path]
    if path and path[-1] == "version":
        words[-1] = "version"
    out.append(f"{' '.join(words)}: {_show(a)} → {_show(b)}.")


def _env_differences(a: Mapping[str, str], b: Mapping[str, str]) -> list[str]:
    out = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            out.append(f"{name}={a[name]} is set only on the first machine.")
        elif name not in a:
            out.append(f"{name}={b[name]} is set only on the second machine.")
        elif a[name] != b[name]:
            out.append(f"{name}: {a[name]} → {b[name]}.")
    return out


def differences(a: dict, b: dict) -> list[str]:
    """One short sentence per difference between two machine records that could change which
    kernels ran or how fast: CPU, ISA flags, caches, hypervisor, CPU count, BLAS and framework
    versions, kernel environment variables. Run-level fields (date, commit, load) are ignored.

    Each record may hold ``identity()`` under ``"identity"`` beside flat fields (``torch``,
    ``cpu_model``, ...). A record without one (from before this module) cannot tell two machines
    with the same model name apart, and the first sentence says so. Sentences read first → second.
    """
    out: list[str] = []
    id_a, id_b = a.get("identity"), b.get("identity")
    both = isinstance(id_a, Mapping) and isinstance(id_b, Mapping)
    if not both:
        out.append(_old_record_sentence(a, b, isinstance(id_a, Mapping), isinstance(id_b, Mapping)))
    else:
        out += _cpu_differences(id_a.get("cpu") or {}, id_b.get("cpu") or {})
        _library_differences((), id_a.get("libraries") or {}, id_b.get("libraries") or {}, out)
        out += _env_differences(id_a.get("kernel_env") or {}, id_b.get("kernel_env") or {})
    for key in sorted((set(a) | set(b)) - RUN_LEVEL_FIELDS):
        if key.startswith("load_"):
            continue
        path = FLAT_IN_IDENTITY.get(key)
        if both and path and _get(id_a, path) is not None and _get(id_b, path) is not None:
            continue
        if a.get(key) != b.get(key):
            out.append(f"{key}: {_show(a.get(key))} → {_show(b.get(key))}.")
    return out


def _old_record_sentence(
    a: Mapping[str, Any], b: Mapping[str, Any], has_a: bool, has_b: bool
) -> str:
    def model(record: Mapping[str, Any]) -> str:
        return str(record.get("cpu_model") or "an unknown CPU")

    if not has_a and not has_b:
        return (
            "Neither record holds a machine identity (older runs): they cannot tell machines "
            f"apart beyond their model names ({model(a)}; {model(b)})."
        )
    which, record = ("first", a) if not has_a else ("second", b)
    return (
        f"The {which} record holds no machine identity (an older run): it cannot tell machines "
        f"apart beyond its model name ({model(record)})."
    )
