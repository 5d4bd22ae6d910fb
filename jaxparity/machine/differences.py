"""What differs between two machine records that could change which kernels ran or how fast."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
