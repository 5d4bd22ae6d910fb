"""Latin-script words in a report's prose: what a Russian reader would find left in English.

Prose is the text a reader reads as sentences and labels: the page's text, the charts' text,
the tables' cells. Not prose, so not counted:

* code — ``<code>``, ``<pre>`` (the programs, identifiers, commands, what a program said);
* quotations in «ёлочки» — the lesson's own headings and closing sentence, a paper's title, a
  library's error message: quoted as written, not our words;
* identifiers — a word with a digit, dot, underscore, slash or other code punctuation in it
  (``float32``, ``torch.compile``, ``AVX-512``), a name the registry gives (case ids, variants,
  sizes, modes, devices, observations), a single letter (a variable), and in the case texts
  only (which name functions without backticks) a name the implementations' code uses
  (``zeros``, ``dtype``);
* units — :data:`UNITS`;
* names — :data:`ALLOWED`, each with why: proper names of libraries, tools, hardware and
  models, written in Latin in Russian text too, and the lesson's own Latin terms.
"""

from __future__ import annotations

import io
import keyword
import re
import tokenize
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from shared import cases, run_modes

ROOT = Path(__file__).resolve().parents[1]

ALLOWED: dict[str, str] = {
    # The frameworks and libraries, by their names (the lesson writes "PyTorch", "torch",
    # "Jax", "numpy")
    "PyTorch": "the library's name",
    "torch": "the package's name, as the lesson writes it («Почему torch?»)",
    "JAX": "the library's name",
    "Jax": "the lesson's own spelling, in its closing sentence",
    "jax": "the package's name",
    "jaxlib": "the package's name",
    "Flax": "the library's name",
    "flax": "the package's name",
    "NNX": "Flax's module API, by name",
    "NumPy": "the library's name",
    "numpy": "the package's name",
    "XLA": "JAX's compiler, by name",
    "TorchInductor": "torch.compile's compiler, by name",
    "BLAS": "the linear-algebra interface, by name",
    "MKL": "Intel's math library, by name",
    "oneDNN": "Intel's deep-learning kernels, by name",
    "OpenBLAS": "a BLAS library, by name",
    "Eigen": "XLA's CPU linear-algebra library, by name",
    "YNNPACK": "XLA's CPU convolution kernels, by name",
    "Graphviz": "the drawing tool, by name",
    "torchviz": "the graph-drawing package, by name",
    "Python": "the language's name",
    # Program and file formats with no Russian name
    "jaxpr": "JAX's traced program, by its own name (no Russian word)",
    "HLO": "XLA's program format, by its own name",
    "DOT": "Graphviz's file format",
    "SVG": "the picture format",
    # Hardware, platforms and their standard abbreviations
    "CPU": "written so in Russian technical text",
    "GPU": "written so in Russian technical text",
    "CUDA": "NVIDIA's platform, by name",
    "SIMD": "the instruction-set term, written so in Russian",
    "AMD": "a vendor's name",
    "EPYC": "a processor's name",
    "Zen": "a microarchitecture's name",
    "KVM": "a hypervisor's name",
    "Debian": "a platform's name (Graphviz's install hint)",
    "Ubuntu": "a platform's name (Graphviz's install hint)",
    "macOS": "a platform's name (Graphviz's install hint)",
    # Models, layers and methods by the names the lesson and the paper use
    "Autograd": "the lesson's own heading («Второе ключевое отличие — Autograd»)",
    "autograd": "the lesson's own term, in Latin",
    "BatchNorm": "the lesson's own term, in Latin («такие методы регуляризации как BatchNorm»)",
    "ResNet": "the model's name (ResNet-101, the lesson's closing model)",
    "BERT": "the model in the lesson's Table 1, by name",
    "MLSys": "the conference the lesson's Table 1 comes from",
    "jit": "JAX's jax.jit in the mode labels, as the lesson writes it («jit»)",
    "GFLOP": "the unit GFLOP/s (billions of floating-point operations per second)",
    # The page itself
    "jaxparity": "this project's name, in the title",
    "UTC": "the time zone of the run's date",
}
"""Latin words a Russian report may hold, each with why."""

UNITS = {"s", "ms", "µs", "ns", "B", "KiB", "MiB", "GiB", "GB"}
"""English units: allowed in prose only as the unit test below says (``test_units``), never
in the Russian report's own numbers (its units are Cyrillic)."""

QUOTE = re.compile(r"«[^«»]*»")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
TOKEN = re.compile(r"[^\s,;:()\[\]{}«»—–·×|*]+")
CODE_MARK = re.compile(r"[\d._/=+#@<>\\$%&~^`\"]|[a-z][A-Z]|\(\)|\w'\w|--")
"""A token with any of these is an identifier, a number or a path, not a word: a digit, code
punctuation, a camelCase hump (``oneDNN`` is allowed by name instead)."""


class _Prose(HTMLParser):
    """The text of an HTML page outside code, scripts, styles and drawings of programs (an SVG
    of ours is a chart with ``role="img"``; Graphviz's drawing of a graph has none)."""

    SKIP = frozenset({"code", "pre", "script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        drawing = tag == "svg" and (self.depth or ("role", "img") not in attrs)
        if tag in self.SKIP or drawing:
            self.depth += 1
        elif tag in ("td", "th", "li", "p", "div", "text", "title", "h1", "h2", "h3", "h4"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if (tag in self.SKIP or tag == "svg") and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def prose(html: str) -> str:
    """What a reader reads of ``html`` as text, code left out (quotations kept)."""
    parser = _Prose()
    parser.feed(html)
    return "".join(parser.parts)


@cache
def _code_names() -> frozenset[str]:
    """Every name the implementations, the data and the records use (not Python's keywords)."""
    names: set[str] = set()
    for folder in ("torch_impl", "jax_impl", "shared"):
        for path in (ROOT / folder).rglob("*.py"):
            tokens = tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
            names |= {tok.string for tok in tokens if tok.type == tokenize.NAME}
    return frozenset(names - set(keyword.kwlist))


@cache
def _identifiers() -> frozenset[str]:
    """Names the report shows as identifiers: the registry's."""
    found = {"cpu", "gpu", "True", "False", "None"}
    for m in run_modes.TABLE.values():
        found |= {m.name, m.framework}
    for case in cases.CASES.values():
        found |= set(case.id.split("."))
        for framework in case.expected.values():
            found |= set(framework)
        if case.bench:
            found |= {*case.bench.variants, *case.bench.sizes, *case.bench.sweep}
    return frozenset(found)


def latin_words(html: str, allowed: set[str] | None = None) -> Counter[str]:
    """The Latin words of ``html``'s prose that are none of the above, counted."""
    return latin_words_in(prose(html), allowed)


def latin_words_in(
    text: str, allowed: set[str] | None = None, code_names: bool = False
) -> Counter[str]:
    """The Latin words of a text read as prose (``prose``) that are none of the above;
    ``code_names``: a name the code uses counts as an identifier too (for the case texts,
    which name functions without backticks; our own texts put identifiers in backticks)."""
    allowed = set(ALLOWED) | UNITS | _identifiers() | (allowed or set())
    if code_names:
        allowed |= _code_names()
    found: Counter[str] = Counter()
    for token in TOKEN.findall(QUOTE.sub(" ", text)):
        if CODE_MARK.search(token) or not WORD.search(token):
            continue
        for word in WORD.findall(token):
            word = word.strip("'’-")
            if len(word) > 1 and word not in allowed:
                found[word] += 1
    return found
