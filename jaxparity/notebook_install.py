"""Installs this clone of jaxparity into the Python that runs it: what a lesson notebook's first
cell runs, by path, when the project is not installed (``runpy.run_path``, in the kernel).

The standard library only: it runs before anything of the project can be imported. Without
torch and without a GPU, torch's CPU build goes first (a plain ``pip install torch`` fetches a
CUDA build of several GB); then the clone itself, which brings JAX, Flax and the rest. Each
command is printed before it runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The clone this file belongs to."""
CPU_WHEELS = "https://download.pytorch.org/whl/cpu"


def commands(root: Path, *, has_torch: bool, has_gpu: bool) -> list[list[str]]:
    """The pip commands that install the clone at ``root``: torch's CPU build first where
    there is neither torch nor a GPU, then the clone."""
    pip = [sys.executable, "-m", "pip", "install", "--quiet"]
    steps = []
    if not has_torch and not has_gpu:
        steps.append([*pip, "torch", "--extra-index-url", CPU_WHEELS])
    steps.append([*pip, str(root)])
    return steps


def install(root: Path = ROOT) -> None:
    """Run :func:`commands` for this machine, then make what they installed importable."""
    has_torch = importlib.util.find_spec("torch") is not None
    has_gpu = shutil.which("nvidia-smi") is not None
    for command in commands(root, has_torch=has_torch, has_gpu=has_gpu):
        print("pip", *command[3:], flush=True)
        subprocess.check_call(command)
    importlib.invalidate_caches()  # new packages in site-packages, seen without a restart


if __name__ == "__main__":
    install()
