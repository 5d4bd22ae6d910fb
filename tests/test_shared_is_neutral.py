"""``shared`` knows neither torch nor jax: importing all of it loads neither."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.registry
def test_importing_shared_loads_no_framework() -> None:
    code = (
        "import sys, pkgutil, importlib, shared\n"
        "for m in pkgutil.walk_packages(shared.__path__, 'shared.'):\n"
        "    importlib.import_module(m.name)\n"
        "from shared import cases\n"
        "[c.section for c in cases.CASES.values()]\n"
        "print(sorted(m for m in ('torch', 'jax', 'flax', 'optax') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
