"""Which kernels each framework calls: NumPy's BLAS, torch's MKL / oneDNN and CPU capability,
JAX's XLA, and every thread pool loaded in the process.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

JAX_KERNELS = "XLA (Eigen / its own CPU kernels)"


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
