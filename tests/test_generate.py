"""``python -m jaxparity.generate``: each generator rewrites its files only when they differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaxparity import generate, lesson_map


def test_the_lesson_map_is_rewritten_only_when_it_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "LESSON_MAP.md"
    path.write_text("an old map", encoding="utf-8")
    monkeypatch.setattr(lesson_map, "PATH", path)
    monkeypatch.setattr(lesson_map, "build", lambda: "the map\n")  # build() takes seconds
    assert generate.lesson_map_file() == [path]
    assert path.read_text(encoding="utf-8") == "the map\n"
    before = path.stat().st_mtime_ns
    assert generate.lesson_map_file() == []
    assert path.stat().st_mtime_ns == before


def test_generate_runs_every_generator_in_order_and_lists_what_changed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = []

    def generator(name: str, changed: list[Path]):
        def regenerate() -> list[Path]:
            ran.append(name)
            return changed

        return name, regenerate

    first, second = Path("a.md"), Path("b.ipynb")
    fakes = [generator("one", [first]), generator("two", []), generator("three", [second])]
    monkeypatch.setattr(generate, "GENERATORS", fakes)
    assert generate.generate() == [first, second]
    assert ran == ["one", "two", "three"]
    assert "two: up to date" in capsys.readouterr().out
