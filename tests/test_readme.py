"""The front page stays a five-minute read that opens with the two commands, and the README's
and docs/' links all lead somewhere (issue 23, point 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.registry

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = (README, *sorted((ROOT / "docs").glob("*.md")))
MAX_WORDS = 1200
"""A newcomer reads the front page in five minutes; the rest lives in docs/."""
COMMANDS = ("./venv-run jaxparity run", "./venv-run pytest")
"""What the front page opens with: the main job and the tests, as CI runs them (`.ci/run`)."""

FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
PLACEHOLDER = re.compile(r"\{\{[A-Z0-9_]+\}\}")


def words(markdown: str) -> int:
    """The words a reader reads, code blocks included: whitespace-separated tokens holding a
    letter or digit, with link targets and HTML comments left out (a table's `|` or a list's `-`
    is no word)."""
    text = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return sum(1 for token in text.split() if re.search(r"\w", token))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation and symbols dropped, each space a
    hyphen (``## The lesson's Table 1, measured`` → ``the-lessons-table-1-measured``)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every anchor a link may name in ``page``: its headings' (a repeated one numbered, as
    GitHub does) and explicit ``<a id>``s."""
    text = page.read_text()
    found = set(re.findall(r'<a id="([^"]+)"', text))
    seen: dict[str, int] = {}
    for heading in re.findall(r"^#{1,6} (.+)$", FENCE.sub("", text), flags=re.M):
        base = slug(heading)
        found.add(f"{base}-{seen[base]}" if base in seen else base)
        seen[base] = seen.get(base, 0) + 1
    return found


def links(page: Path) -> list[str]:
    """The link targets of ``page``'s prose (code blocks and code spans hold no links)."""
    text = re.sub(r"`[^`\n]*`", "code", FENCE.sub("", page.read_text()))
    return LINK.findall(text)


def test_the_front_page_is_a_five_minute_read() -> None:
    assert words(README.read_text()) <= MAX_WORDS, "move details from README.md into docs/"


def test_the_front_page_opens_with_the_two_commands() -> None:
    lines = [line for line in README.read_text().splitlines() if line.strip()]
    assert lines[0].startswith("# "), "a title first"
    assert lines[1].startswith("```"), "then, before any prose, a code block with the commands"
    block = lines[2 : 2 + len(COMMANDS) + 1]
    assert block[-1] == "```", f"the block holds only {COMMANDS}"
    assert tuple(line.split("#")[0].strip() for line in block[:-1]) == COMMANDS


def broken_links(page: Path) -> list[str]:
    """``page``'s relative links that lead nowhere: no such file in the repository, or no such
    anchor in the Markdown file named."""
    broken = []
    for target in links(page):
        if re.match(r"[a-z]+:", target):  # https:, mailto: — outside the repository
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page.resolve()
        if not file.is_relative_to(ROOT) or not file.exists():
            broken.append(f"{page.name}: {target}: no such file in the repository")
        elif anchor and file.suffix == ".md" and anchor not in anchors(file):
            broken.append(f"{page.name}: {target}: no heading or <a id> {anchor!r} in {file.name}")
    return broken


def test_every_relative_link_resolves() -> None:
    broken = [line for page in PAGES for line in broken_links(page)]
    assert not broken, "\n".join(broken)


def test_no_placeholder_is_left() -> None:
    left = {
        str(page.relative_to(ROOT)): sorted(set(PLACEHOLDER.findall(page.read_text())))
        for page in PAGES
        if PLACEHOLDER.search(page.read_text())
    }
    assert not left, left
