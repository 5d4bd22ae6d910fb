"""What a benchmark run can time, and in which order: targets, comparison groups, schedule.

A benchmark *target* is case × variant × size × backend × device × mode. Targets that differ
only in backend and mode form a *comparison group* (one case, variant, size and device): eager
torch, ``torch.compile``, jitted JAX, JAX op by op, … — and an idiom variant joins its lesson
variant's group (``Bench.idioms``). The harness (``bench/harness.py``) times a
group in paired rounds in one process, in the order :func:`schedule` gives; ``bench_plan.py``
turns the targets of a ``--size`` into the run's plan and ``bench_resume.py`` finds the groups
an interrupted pass left unfinished by the same schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jaxparity import selection
from shared import backends, cases
from shared.cases import Case

Comparison = tuple[str, str, str, str]


@dataclass(frozen=True)
class Target:
    case_id: str
    variant: str
    size: str
    backend: str
    device: str
    mode: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Target:
        """The target a plan row (``plan.json``) describes."""
        return cls(*(row[k] for k in ("case_id", "variant", "size", "backend", "device", "mode")))

    @property
    def id(self) -> str:
        on = backends.target_id(self.backend, self.device)
        return f"{self.case_id}-{self.variant}-{self.size}-{on}-{self.mode}"

    @property
    def group(self) -> str:
        return f"{self.case_id} [{self.size}]"

    @property
    def comparison(self) -> Comparison:
        """The comparison group: what must be equal for two timings to be compared."""
        return comparison(self.case_id, self.variant, self.size, self.device)


def comparison(case_id: str, variant: str, size: str, device: str) -> Comparison:
    """The comparison group of a timing: case, variant, size and device, where an idiom
    variant counts as the lesson's variant it respells (``Bench.idioms``), so that both are
    timed in the same paired blocks and the fastest of each framework pairs with the other's."""
    case = cases.CASES.get(case_id)
    lesson = case.bench.lesson_variant(variant) if case is not None and case.bench else variant
    return (case_id, lesson, size, device)


def block_id(target: Target, block: int) -> str:
    """The pytest id of one block of one target."""
    return f"{target.id}-block{block}"


def _variants(case: Case, backend_name: str) -> list[str]:
    """The variants the backend implements (all declared ones if it cannot be imported)."""
    assert case.bench is not None
    try:
        timed = getattr(backends.load(backend_name).topic(case.topic), "TIMED", {})
    except backends.BackendUnavailable:
        return list(case.bench.variants)
    return [v for v in case.bench.variants if v in timed.get(case.id, {})]


def targets(case_list: list[Case], devices: list[str], size: str) -> list[Target]:
    """Every target of the timed cases among ``case_list`` at the ``--size`` name ``size``
    (``selection.bench_sizes``) on ``devices``: comparison group after comparison group, in
    lesson order; within a group torch before JAX, each framework's modes in the case's order.
    Imports the backends (to see which variants each implements)."""
    timed = [c for c in case_list if c.bench is not None]
    implemented = {(c.id, b): _variants(c, b) for c in timed for b in backends.backend_names()}
    return [
        Target(case.id, variant, s, b, d, mode)
        for case in timed
        for variant in case.bench.variants  # type: ignore[union-attr]
        for s in selection.bench_sizes(case, size)
        for d in devices
        for b in backends.backend_names()
        for mode in case.bench.modes.get(b, ())  # type: ignore[union-attr]
        if variant in implemented[case.id, b]
    ]


def rounds_for(target: Target, blocks: int) -> int:
    """Paired rounds of ``target``'s group: the run's ``blocks``, or fewer where the case
    says so (``Bench.rounds``)."""
    bench = cases.get(target.case_id).bench
    return min(blocks, bench.rounds) if bench is not None and bench.rounds else blocks


def schedule(found: list[Target], blocks: int) -> list[tuple[Target, int]]:
    """The order the blocks run in: group after group; within a group, ``blocks`` rounds of
    every member (``rounds_for``), the members' order reversed every other round."""
    groups: dict[Comparison, list[Target]] = {}
    for t in found:
        groups.setdefault(t.comparison, []).append(t)
    order = []
    for members in groups.values():
        for block in range(1, rounds_for(members[0], blocks) + 1):
            turn = members if block % 2 else members[::-1]
            order += [(t, block) for t in turn]
    return order
