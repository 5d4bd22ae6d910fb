"""What a command works on: cases, devices, sizes and modes, from the command line's names.

Size names (``--size``) pick, per timed case, the data sizes its benchmarks run at:

* ``test``   — each case's ``test`` size (tiny: minutes for everything, numbers mostly overhead);
* ``cpu``    — the default: the case's ``cpu`` size where it declares one (a case does when the
  lesson's own size is GPU-scale), else every size it lists except ``test`` (``lesson``, or
  ``small`` and ``large``), else ``test``;
* ``lesson`` — every size the case lists except ``test`` (the seed's own sizes);
* ``sweep``  — the case's scaling points (``Bench.sweep``), for the scaling plots.

torch.compile costs 11–18 s per compiled function on this 2-core machine, so it runs at one
size per case (the first chosen), and not at all with ``--size test`` unless ``--modes``
names ``compile``. The report says which modes were left out and why.
"""

from __future__ import annotations

from jaxparity.errors import CliError
from shared import backends, cases
from shared.cases import Case

SIZES = ("test", "cpu", "lesson", "sweep")
DEFAULT_SIZE = "cpu"
COMPILE_COST = "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU"


def select_cases(case_ids: list[str] | None, topics: list[str] | None) -> list[Case]:
    """The cases asked for, in lesson order; an unknown name raises ``UnknownNameError``."""
    return cases.select(case_ids or None, topics or None)


def present_devices() -> tuple[list[str], dict[str, str]]:
    """Devices any installed framework sees, and why a framework is missing (if one is)."""
    found, missing = backends.available()
    present = {"cpu"} | {d for b in found for d in b.devices()}
    return [d for d in backends.DEVICES if d in present], missing


def resolve_devices(choice: str | None) -> list[str]:
    """``--device``: ``cpu``, ``gpu``, ``all`` (both) or, by default, whatever is present."""
    present, _ = present_devices()
    if choice is None:
        return present
    wanted = list(backends.DEVICES) if choice == "all" else [choice]
    if "gpu" in wanted and "gpu" not in present:
        raise CliError(
            f"--device {choice}: no GPU visible to torch or JAX on this machine "
            "(use --device cpu, or leave --device out)"
        )
    return wanted


def bench_sizes(case: Case, size: str) -> list[str]:
    """The data sizes a timed case runs at for the ``--size`` name (see the module doc)."""
    assert case.bench is not None
    listed = case.bench.sizes
    if size == "test":
        return ["test"] if "test" in listed else []
    if size == "cpu":
        if "cpu" in listed:
            return ["cpu"]
        return [s for s in listed if s != "test"] or [s for s in listed if s == "test"]
    if size == "lesson":
        return [s for s in listed if s != "test"]
    if size == "sweep":
        return list(case.bench.sweep)
    raise CliError(f"unknown size {size!r}; valid: {', '.join(SIZES)}")


def all_modes() -> list[str]:
    """Every mode any timed case declares, in first-seen order."""
    found = [
        m for c in cases.CASES.values() if c.bench for ms in c.bench.modes.values() for m in ms
    ]
    return list(dict.fromkeys(found))


def resolve_modes(arg: str | None) -> list[str] | None:
    """``--modes a,b`` → the mode names (validated); ``None`` or ``all`` → no restriction."""
    if arg is None or arg == "all":
        return None
    names = [m.strip() for m in arg.split(",") if m.strip()]
    valid = all_modes()
    for m in names:
        if m not in valid:
            raise cases.UnknownNameError("mode", m, [*valid, "all"])
    return names


def mode_excluded(
    framework: str, mode: str, size: str, chosen: list[str], size_name: str, modes: list[str] | None
) -> str | None:
    """Why a benchmark mode is left out of this run, or ``None`` when it runs."""
    if modes is not None and mode not in modes:
        return f"mode {mode} not in --modes {','.join(modes)}"
    if framework == "torch" and mode == "compile" and (modes is None or "compile" not in modes):
        if size_name == "test":
            return f"torch.compile left out at --size test ({COMPILE_COST}; --modes to include)"
        if size != chosen[0]:
            return f"torch.compile timed at one size per case ({chosen[0]}): {COMPILE_COST}"
    return None
