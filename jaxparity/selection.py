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
from shared import backends, cases, data, run_modes
from shared.cases import Case

SIZES = {
    "test": "each timed case's tiny test size (numbers mostly call overhead)",
    "cpu": "one CPU-sized size per case (default; the lesson's sizes where it has none)",
    "lesson": "the lesson's own sizes",
    "sweep": "each case's scaling points, for the scaling plots",
}
DEFAULT_SIZE = "cpu"
CHECK_SIZES = {
    "test": "the tests' tiny inputs (default)",
    "lesson": "the lesson's own inputs",
    "run": "what `jaxparity run` checks: the tests' inputs, the lesson's where a case asks "
    "for them (Case.run_size: ResNet-101 at 224×224)",
}
COMPILE_COST = "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU"


def names(values: list[str] | None, option: str) -> list[str] | None:
    """``--case a --case b,c`` → ``[a, b, c]``; ``None`` when the option is not given. An
    empty name (``--case ""``) is an error: it must not widen the selection to everything."""
    if values is None:
        return None
    found = [n.strip() for v in values for n in v.split(",")]
    if not all(found):
        raise CliError(
            f"{option} {','.join(values)!r}: an empty name "
            f"(`jaxparity list {option.removeprefix('--')}s` lists the valid ones)"
        )
    return found


def select_cases(case_ids: list[str] | None, topics: list[str] | None) -> list[Case]:
    """The cases asked for, in lesson order; an unknown name raises ``UnknownNameError``, a
    selection that matches no case a ``CliError`` saying why."""
    found = cases.select(case_ids, topics)
    if not found:  # only --case and --topic together can exclude each other
        assert case_ids and topics
        where = "; ".join(f"{c} is in topic {cases.get(c).topic}" for c in case_ids[:3])
        raise CliError(
            f"no case is both --case {','.join(case_ids)} and --topic {','.join(topics)} "
            f"({where}): drop one of the two options"
        )
    return found


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
    """The data sizes ``case`` is benchmarked at for the ``--size`` name ``size`` (see the
    module doc): the one resolver of size names, for ``jaxparity`` and ``pytest bench/`` alike.

    A case measured by a bench module but not timed (no ``Bench``: ``modes.item_leak``'s
    memory) resolves among the sizes its data accepts."""
    listed = case.bench.sizes if case.bench else data.sizes(case.id)
    if size == "test":
        return ["test"] if "test" in listed else []
    if size == "cpu":
        if "cpu" in listed:
            return ["cpu"]
        return [s for s in listed if s != "test"] or [s for s in listed if s == "test"]
    if size == "lesson":
        return [s for s in listed if s != "test"]
    if size == "sweep":
        return list(case.bench.sweep) if case.bench else []
    raise CliError(f"unknown size {size!r}; valid: {', '.join(SIZES)}")


def all_modes() -> list[str]:
    """Every mode any timed case declares, in first-seen order."""
    found = [
        m for c in cases.CASES.values() if c.bench for ms in c.bench.modes.values() for m in ms
    ]
    return list(dict.fromkeys(found))


def described_modes() -> dict[str, str]:
    """Every mode a case declares, with what it runs per framework (``shared.run_modes``)."""
    return {
        mode: ", ".join(
            m.label for m in run_modes.TABLE.values() if m.name == mode and m.framework != "numpy"
        )
        for mode in all_modes()
    }


def resolve_modes(arg: str | None) -> list[str] | None:
    """``--modes a,b`` → the mode names (validated); ``None`` or ``all`` → no restriction."""
    if arg is None or arg == "all":
        return None
    wanted = [m.strip() for m in arg.split(",") if m.strip()]
    valid = all_modes()
    if not wanted:
        raise CliError(f"--modes {arg!r} names no mode; valid: {', '.join([*valid, 'all'])}")
    for m in wanted:
        if m not in valid:
            raise cases.UnknownNameError("mode", m, [*valid, "all"])
    return wanted


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
