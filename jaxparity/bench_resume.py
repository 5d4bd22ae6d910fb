"""What one benchmark pass still has to do, from what this run saved: the resume of a bench.

A timing only means something beside its partners: the members of a comparison group (eager
torch, torch.compile, jitted JAX, JAX op by op, …) are timed in paired rounds in one process
(``bench/harness.py``, in the order of ``bench_targets.schedule``). So a pass's unit of work
is a whole group — done when every one of its blocks has an outcome in ``outcomes.jsonl`` of
this run and pass — and each machine measurement (floor, ceiling) on its own. A unit cut off
in the middle is timed again whole, its partial blocks of that pass removed from
``bench.jsonl`` and ``outcomes.jsonl`` first. The one-shot bench modules (memory) of pass 1
skip their tests that already have an outcome (``--deselect``). A fresh pass finds nothing
done and runs everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jaxparity import atomic, results
from jaxparity.bench_targets import Target, comparison, schedule

GroupKey = tuple[str, ...]


@dataclass
class PassWork:
    """The part of pass ``number`` of a plan that has not finished."""

    number: int
    targets: list[dict[str, Any]] = field(default_factory=list)
    machine: list[dict[str, Any]] = field(default_factory=list)
    modules: list[dict[str, Any]] = field(default_factory=list)
    deselect: list[str] = field(default_factory=list)
    blocks: int = 0
    """Tests of ``targets`` (their paired blocks), for the progress bar."""

    @property
    def empty(self) -> bool:
        return not (self.targets or self.machine or self.modules)


def _lines(path: Path) -> tuple[list[str], bool]:
    """The file's complete lines, and whether a last line was cut off mid-write."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return [], False
    except (OSError, UnicodeDecodeError):
        return [], False  # results.load names the unreadable file
    lines = text.split("\n")
    tail = lines.pop()  # "" when the file ends with a newline
    return [x for x in lines if x.strip()], bool(tail.strip())


def _parse(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _group_key(row: dict[str, Any]) -> GroupKey:
    return comparison(row["case_id"], row["variant"], row["size"], row["device"])


def _machine_key(row: dict[str, Any]) -> GroupKey:
    return tuple(row[k] for k in ("case_id", "variant", "size", "framework", "device", "mode"))


def _block_nodeid(row: dict[str, Any], block: int) -> str:
    """A target's node id (``...[target]``) → one of its blocks' (``...[target-block3]``)."""
    return f"{row['nodeid'][:-1]}-block{block}]"


def pass_work(plan: dict[str, Any], folder: Path, number: int) -> PassWork:
    """What pass ``number`` still has to time; removes the partial units' records first."""
    run_id = plan["run_id"]
    out_lines, out_cut = _lines(folder / results.OUTCOMES)
    finished = {
        o["nodeid"]
        for o in map(_parse, out_lines)
        if o.get("run_id") == run_id and o.get("pass") == number and "nodeid" in o
    }
    work = PassWork(number)
    members: dict[GroupKey, list[dict[str, Any]]] = {}
    for row in plan["targets"]:
        members.setdefault(_group_key(row), []).append(row)
    redo: dict[GroupKey, list[str]] = {}
    for key, rows in members.items():
        by_target = {Target.from_row(r): r for r in rows}
        order = schedule(list(by_target), plan["blocks"])
        nodeids = [_block_nodeid(by_target[t], b) for t, b in order]
        if not set(nodeids) <= finished:
            work.targets += rows
            work.blocks += len(nodeids)
            redo[key] = nodeids
    for row in plan["machine"]:
        if row["nodeid"] not in finished:
            work.machine.append(row)
            redo[_machine_key(row)] = [row["nodeid"]]
    if number == 1:
        work.modules = list(plan["modules"])
        files = tuple(f"{m['file']}::" for m in work.modules)
        work.deselect = sorted(n for n in finished if files and n.startswith(files))
    _drop(folder, run_id, number, redo, out_lines, out_cut)
    return work


def _drop(
    folder: Path,
    run_id: str,
    number: int,
    redo: dict[GroupKey, list[str]],
    out_lines: list[str],
    out_cut: bool,
) -> None:
    """Remove this pass's records of the units to redo (and a line cut off by a kill, which
    the next append would otherwise glue to its own)."""
    nodeids = {n for ids in redo.values() for n in ids}

    def mine(r: dict[str, Any]) -> bool:
        return r.get("run_id") == run_id and r.get("pass") == number

    def redone(r: dict[str, Any]) -> bool:
        keys = {_machine_key(r), _group_key(r)} if r.keys() >= results.BENCH_KEYS else set()
        return mine(r) and bool(keys & redo.keys())

    bench_lines, bench_cut = _lines(folder / results.BENCH)
    kept = [x for x in bench_lines if not redone(_parse(x))]
    if bench_cut or len(kept) < len(bench_lines):
        atomic.write_text(folder / results.BENCH, "".join(x + "\n" for x in kept))
    kept = [x for x in out_lines if not (mine(o := _parse(x)) and o.get("nodeid") in nodeids)]
    if out_cut or len(kept) < len(out_lines):
        atomic.write_text(folder / results.OUTCOMES, "".join(x + "\n" for x in kept))
