"""``jaxparity.machine.libraries`` without the real frameworks: an old torch, no JAX and no
threadpoolctl give holes in the identity, never a crash."""

from __future__ import annotations

from typing import Any

import pytest

from jaxparity.machine import libraries as libs

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
