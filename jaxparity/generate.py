"""``jaxparity generate`` (or ``python -m jaxparity.generate``): everything generated from the code,

Run it after a change — a case added or edited, an implementation, a text — and commit what
it lists. Each generator brings its files up to date and returns the paths it changed (none
when they were current already), so a run after a small change rewrites only what that change
reaches: the lesson map when a case's row moved, the notebooks of the topics whose sources
changed (``jaxparity notebooks``: only those are run, and each takes a kernel's minute or so).

To add a generator, append ``(name, function)`` to :data:`GENERATORS`, after the ones whose
files it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jaxparity import atomic, interface_stubs, lesson_map

ROOT = Path(__file__).resolve().parent.parent


def lesson_map_file() -> list[Path]:
    """``LESSON_MAP.md`` (``python -m jaxparity.lesson_map``), written only when it differs."""
    wanted = lesson_map.build()
    path = lesson_map.PATH
    if path.is_file() and path.read_text(encoding="utf-8") == wanted:
        return []
    atomic.write_text(path, wanted)
    return [path]


def notebook_files() -> list[Path]:
    """``notebooks/<lang>/*.ipynb`` (``jaxparity notebooks``): those whose sources changed,
    run and written, each named as it is done."""
    from jaxparity import notebooks  # nbformat and nbclient: only here

    def progress(path: Path, wrote: bool) -> None:
        if wrote:
            print(f"  wrote {path.relative_to(ROOT)}", flush=True)

    return notebooks.write(progress=progress).written


GENERATORS: list[tuple[str, Callable[[], list[Path]]]] = [
    ("interface stubs", interface_stubs.write),
    ("lesson map", lesson_map_file),
    ("notebooks", notebook_files),
]
"""What is generated, in order: a name to print, and the function that regenerates it."""


def generate() -> list[Path]:
    """Run every generator; the paths they changed, in order."""
    changed = []
    for name, regenerate in GENERATORS:
        print(f"{name}…", flush=True)
        paths = regenerate()
        print(f"{name}: {len(paths)} changed" if paths else f"{name}: up to date", flush=True)
        changed += paths
    return changed


def main() -> int:
    changed = generate()
    if changed:
        print("changed, to commit:", *(str(p.relative_to(ROOT)) for p in changed), sep="\n  ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
