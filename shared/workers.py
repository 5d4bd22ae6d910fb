"""Worker processes for the distributed cases: started on 127.0.0.1, collected, always ended.

Past one device the frameworks part ways over *who runs the program*: torch runs one process
per worker (``torchrun`` starts them and tells each its rank through environment variables);
JAX runs one process for all the devices of a host, and one process per host with
``jax.distributed``. A host's CPU device count is fixed when JAX starts, so two CPU "devices"
need a fresh Python too. :func:`launch` is that launcher, framework-free:

* each worker is a fresh ``python -m shared.workers`` that imports its function by name
  (``module.function``: in a notebook, the module's function runs, whatever a cell
  redefined) and calls it with the keyword arguments given, pickled through a private folder;
* it gets torchrun's variables — ``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``,
  ``LOCAL_WORLD_SIZE``, ``MASTER_ADDR=127.0.0.1``, ``MASTER_PORT`` (a free port, or
  ``$JAXPARITY_PORT``) — and one compute thread (``OMP_NUM_THREADS=1`` …, XLA's intra-op
  flags), unless ``env`` says otherwise;
* it dies with the launching process (``shared.parent_death``, SIGKILL: a worker may be stuck
  in a collective, in native code), armed before it imports anything else;
* the first worker to fail ends the others, and its last error line becomes the one-line
  :class:`WorkerError`; a timeout, Ctrl-C or any other exception in the launcher ends them
  all before it propagates. Nothing is left running.
"""

from __future__ import annotations

import importlib
import os
import pickle
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from shared.backends import BackendUnavailable
from shared.parent_death import die_with_parent
from shared.validation import CaseInputError

ADDRESS = "127.0.0.1"
PORT_VARIABLE = "JAXPARITY_PORT"
"""Set it to rendezvous on a port of your choice (a firewall's); by default a free one."""
TIMEOUT_S = 300.0
"""How long a launch may take, all workers together: ≈ 5 s on an idle 2-core machine (most
of it importing the frameworks), minutes when other programs load it."""
POLL_S = 0.05
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
"""One compute thread per worker: N workers on N cores, none fighting another for a core."""
XLA_ONE_THREAD = "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
TASK, LOG, RESULT = "task.pkl", "worker-{rank}.log", "result-{rank}.pkl"


class WorkerError(RuntimeError):
    """A worker failed or the launch timed out; the message is one line (the worker's last
    error), ``log`` the end of the failed worker's output."""

    def __init__(self, message: str, log: str = "") -> None:
        super().__init__(message)
        self.log = log


class NotEnoughDevices(BackendUnavailable):
    """More workers than this machine can give one core or one GPU each: a skip with this
    reason in the tests and ``jaxparity check``, a one-line error anywhere else."""


class PortInUse(RuntimeError):
    """The rendezvous port asked for (``$JAXPARITY_PORT``) is taken; one line."""


def check_workers(workers: int, device: str, gpus: int = 0) -> None:
    """Refuse ``workers`` the machine cannot run: at least one, and at most one per core on
    the CPU or one per GPU (``gpus``: how many the framework sees)."""
    if workers < 1:
        raise CaseInputError(f"workers: {workers}; a distributed run needs at least one worker")
    available = cpu_cores() if device == "cpu" else gpus
    if workers > available:
        unit = "CPU core" if device == "cpu" else "GPU"
        raise NotEnoughDevices(
            f"{workers} workers need {workers} {unit}s, one each; this machine has {available}"
        )


def cpu_cores() -> int:
    """The cores this process may run on (its affinity, else the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def per_worker(batch: int, workers: int) -> int:
    """Each worker's share of a batch, refusing one that does not split evenly: the workers'
    mean losses are averaged, which weighs every sample alike only when the parts are equal."""
    if batch % workers:
        raise CaseInputError(
            f"x: a batch of {batch} does not split into {workers} equal parts, one per worker"
        )
    return batch // workers


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((ADDRESS, 0))
        return s.getsockname()[1]


def rendezvous_port() -> int:
    """``$JAXPARITY_PORT`` if set and free (else :class:`PortInUse`), or a free port."""
    given = os.environ.get(PORT_VARIABLE)
    if not given:
        return free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((ADDRESS, int(given)))
        except OSError as e:
            raise PortInUse(
                f"{PORT_VARIABLE}={given}: port {given} on {ADDRESS} is not free ({e.strerror}); "
                f"choose another or unset {PORT_VARIABLE} to use a free one"
            ) from None
    return int(given)


def launch(
    target: Callable[..., Any],
    processes: int,
    kwargs: Mapping[str, Any],
    env: Mapping[str, str] | None = None,
    timeout_s: float = TIMEOUT_S,
) -> list[Any]:
    """Run ``target(**kwargs)`` in ``processes`` fresh Pythons; their results, by rank.

    ``target`` must be a module-level function of an importable module (the workers import
    it by name). ``env`` adds to (or overrides) the workers' environment.
    """
    module, name = _importable(target)
    port = rendezvous_port()
    folder = Path(tempfile.mkdtemp(prefix="jaxparity-workers-"))
    started: list[subprocess.Popen] = []
    try:
        task = {"module": module, "name": name, "kwargs": dict(kwargs)}
        (folder / TASK).write_bytes(pickle.dumps(task))
        base = _environment(module, port, processes, env or {})
        for rank in range(processes):
            with (folder / LOG.format(rank=rank)).open("wb") as log:
                started.append(
                    subprocess.Popen(
                        [sys.executable, "-m", __name__, str(folder), str(rank), str(os.getpid())],
                        env={**base, "RANK": str(rank), "LOCAL_RANK": str(rank)},
                        stdin=subprocess.DEVNULL,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
        _wait(started, folder, timeout_s, f"{module}.{name}")
        return [
            pickle.loads((folder / RESULT.format(rank=r)).read_bytes()) for r in range(processes)
        ]
    finally:
        _end(started)
        shutil.rmtree(folder, ignore_errors=True)


def _importable(target: Callable[..., Any]) -> tuple[str, str]:
    module, name = getattr(target, "__module__", None), getattr(target, "__qualname__", "")
    if not module or module == "__main__" or "." in name or "<" in name:
        raise TypeError(
            f"{name or target!r}: a worker imports its function by name, so it must be defined "
            "at the top level of an importable module (not in __main__, a cell or a function)"
        )
    if getattr(importlib.import_module(module), name, None) is None:
        raise TypeError(f"{module} has no function {name} for the workers to import")
    return module, name


def _environment(module: str, port: int, processes: int, env: Mapping[str, str]) -> dict:
    """What every worker sees: this process's environment, the package roots importable,
    torchrun's variables, one compute thread, then ``env``."""
    roots = {
        str(Path(sys.modules[m.split(".")[0]].__file__).resolve().parent.parent)
        for m in (module, __name__)
    }
    path = os.pathsep.join([*sorted(roots), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    flags = f"{os.environ.get('XLA_FLAGS', '')} {XLA_ONE_THREAD}".strip()
    return {
        **os.environ,
        "PYTHONPATH": path,
        "MASTER_ADDR": ADDRESS,
        "MASTER_PORT": str(port),
        "WORLD_SIZE": str(processes),
        "LOCAL_WORLD_SIZE": str(processes),
        **ONE_THREAD,
        "XLA_FLAGS": flags,
        **env,
    }


def _wait(started: list[subprocess.Popen], folder: Path, timeout_s: float, what: str) -> None:
    """Until every worker has exited 0; the first failure or the timeout is a WorkerError."""
    deadline = time.monotonic() + timeout_s
    while True:
        codes = [p.poll() for p in started]
        failed = [r for r, code in enumerate(codes) if code not in (None, 0)]
        if failed:
            rank = failed[0]
            log = _tail(folder / LOG.format(rank=rank))
            raise WorkerError(
                f"{what}: worker {rank} of {len(started)} failed (exit {codes[rank]}): "
                f"{_last_error(log)}",
                log,
            )
        if all(code == 0 for code in codes):
            return
        if time.monotonic() > deadline:
            waiting = [r for r, code in enumerate(codes) if code is None]
            raise WorkerError(
                f"{what}: timed out after {timeout_s:g} s, workers {waiting} still running; "
                "all were ended",
                _tail(folder / LOG.format(rank=waiting[0])),
            )
        time.sleep(POLL_S)


def _end(started: list[subprocess.Popen]) -> None:
    """Kill every worker still running, by its pid, and reap them all."""
    for p in started:
        if p.poll() is None:
            p.kill()
    for p in started:
        p.wait()


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        return path.read_bytes()[-limit:].decode("utf-8", "replace")
    except OSError:
        return ""


ERROR_LINE = re.compile(r"^[\w.]*(Error|Exception|Interrupt|Exit)\b.*")
RANK_PREFIX = re.compile(r"^\[rank\d+\]:\s?")
"""What torch.distributed puts before each line a worker prints on failing."""


def _last_error(log: str) -> str:
    """The last line naming an exception, else the last line; one line, shortened."""
    lines = [RANK_PREFIX.sub("", line).strip() for line in log.splitlines()]
    lines = [line for line in lines if line]
    found = [line for line in lines if ERROR_LINE.match(line)] or lines or ["no output"]
    line = found[-1]
    return line if len(line) <= 300 else line[:299] + "…"


def _work(folder: Path, rank: int) -> None:
    """A worker: its function called with the launch's arguments, its result saved whole."""
    task = pickle.loads((folder / TASK).read_bytes())
    function = getattr(importlib.import_module(task["module"]), task["name"])
    result = function(**task["kwargs"])
    partial = folder / (RESULT.format(rank=rank) + ".partial")
    partial.write_bytes(pickle.dumps(result))
    partial.rename(folder / RESULT.format(rank=rank))


if __name__ == "__main__":
    die_with_parent(int(sys.argv[3]), sig=signal.SIGKILL)
    _work(Path(sys.argv[1]), int(sys.argv[2]))
