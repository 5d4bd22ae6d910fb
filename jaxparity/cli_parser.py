"""The ``jaxparity`` command line: every command, its options and their help texts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from jaxparity import compare_output, listing, selection
from jaxparity.notebook_texts import LANGS
from jaxparity.profiling import networks
from jaxparity.report import texts


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number ≥ 1, got {text!r}")
    return int(text)


def _choices(names: dict[str, str]) -> str:
    return "; ".join(f"{name}: {what}" for name, what in names.items())


EXIT_STATUS = (
    "exit status: 0 all good; 1 a disagreement or a failed benchmark; 2 a usage problem (one "
    "line on stderr: a bad option or name, an empty selection, an unusable --out, missing or "
    "foreign result files); 130 interrupted (finished results are kept, and a rerun resumes)"
)
REPORT_LANGUAGE = (
    "the report, which replaces the one in --out (same file names: a report in each language "
    "needs its own --out)"
)
FOLDER_RULES = (
    "--out holds one run: a rerun of the same plan resumes it (keeping what finished), any "
    "other run there is first moved to --out/previous/<run id>/."
)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="jaxparity",
        description="The PyTorch lesson in PyTorch and JAX: parity checks, benchmarks, report.",
        epilog=f"`jaxparity COMMAND --help` describes each command. {EXIT_STATUS}",
    )
    sub = p.add_subparsers(
        dest="command", required=True, parser_class=_Parser, title="commands", metavar="COMMAND"
    )

    def command(name: str, summary: str, more: str = "") -> argparse.ArgumentParser:
        return sub.add_parser(
            name, help=summary, description=f"{summary}. {more}".strip(), epilog=EXIT_STATUS
        )

    def out_folder(sp: argparse.ArgumentParser, *, fresh: bool) -> None:
        sp.add_argument(
            "--out",
            type=Path,
            default=Path("out"),
            help="results folder (default: out/), relative to the directory you run this in",
        )
        sp.add_argument(
            "--force",
            action="store_true",
            help="write into a folder holding files of jaxparity's names that jaxparity did "
            "not write (they are overwritten); without it such a folder is refused",
        )
        if fresh:
            sp.add_argument(
                "--fresh",
                action="store_true",
                help="start over instead of resuming the run of the same plan in --out (its "
                "results are moved to --out/previous/<run id>/)",
            )

    def filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--device",
            choices=("cpu", "gpu", "all"),
            help="devices to use (default: every device present; `jaxparity list devices`)",
        )
        sp.add_argument(
            "--case",
            action="append",
            help="case id(s), e.g. tensors.basic_ops; repeatable or comma-separated "
            "(`jaxparity list cases`)",
        )
        sp.add_argument(
            "--topic",
            action="append",
            help="topic(s), e.g. autograd; repeatable or comma-separated; with --case, the "
            "cases in both (`jaxparity list topics`)",
        )

    def language(sp: argparse.ArgumentParser, what: str) -> None:
        sp.add_argument(
            "--lang",
            choices=tuple(texts.LANGUAGES),
            default=texts.DEFAULT,
            help=f"the language of {what} (default: {texts.DEFAULT})",
        )

    def sizes(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--size",
            choices=selection.SIZES,
            default=selection.DEFAULT_SIZE,
            help=f"benchmark sizes — {_choices(selection.SIZES)}",
        )
        sp.add_argument(
            "--modes",
            help="comma-separated modes to time, or all (the default; torch.compile then at "
            "one size per case and not at --size test) — " + _choices(selection.described_modes()),
        )
        sp.add_argument(
            "--passes",
            type=_positive,
            help="processes the benchmarks are timed in, one after another, each in paired "
            "blocks; the report pools every pass's pairs (default: 2, or 1 at --size test)",
        )

    run_p = command(
        "run",
        "parity checks, benchmarks, then the report",
        f"{FOLDER_RULES} An interrupted run (Ctrl-C, SIGTERM) still writes the report.",
    )
    out_folder(run_p, fresh=True)
    filters(run_p)
    sizes(run_p)
    run_p.add_argument(
        "--profile",
        default=networks.ALL,
        help="networks whose forward pass is profiled after the benchmarks, for the lesson's "
        "Table 1 (flops and runtime per operator class): comma-separated, all (the default) "
        "or none — " + _choices({n.id: n.code for n in networks.NETWORKS.values()}),
    )
    language(run_p, REPORT_LANGUAGE)
    check_p = command("check", "parity only: a table; exit 1 on any disagreement", FOLDER_RULES)
    out_folder(check_p, fresh=True)
    filters(check_p)
    check_p.add_argument(
        "--size",
        choices=selection.CHECK_SIZES,
        default="test",
        help=f"input size of the checks — {_choices(selection.CHECK_SIZES)}",
    )
    bench_p = command(
        "bench",
        "benchmarks only (pytest-benchmark), saved as they finish",
        f"{FOLDER_RULES} `jaxparity report` then writes the report.",
    )
    out_folder(bench_p, fresh=True)
    filters(bench_p)
    sizes(bench_p)
    report_p = command(
        "report",
        "rebuild the report from saved results",
        "Writes report.html, report.md, plots/ and summary.json into --out, re-running "
        "nothing; what did not finish is marked.",
    )
    out_folder(report_p, fresh=False)
    language(report_p, REPORT_LANGUAGE)
    compare_p = command(
        "compare",
        "two saved runs side by side (or one run's passes): verdicts, whether each run's "
        "intervals hold the other's speed-ups, interval widths, medians, machines; exit 1 "
        "when a figure misses its threshold",
    )
    compare_output.arguments(compare_p)
    show_p = command(
        "show",
        "one case's two implementations side by side",
        "The explanation, both functions' code, their outputs at the test size and how they "
        "agree; exit 1 when they do not.",
    )
    show_p.add_argument("case", help="a case id, e.g. devices.layer (`jaxparity list cases`)")
    show_p.add_argument(
        "--device", choices=("cpu", "gpu"), default="cpu", help="where to run it (default: cpu)"
    )
    language(show_p, "the case's texts and the labels")
    notebooks_p = command(
        "notebooks",
        "the lesson as Jupyter notebooks, one per topic and an index, in English and Russian",
        "Generated from the tested code into notebooks/<lang>/ and run, each in a fresh "
        "kernel, so they are saved with their outputs; only those whose sources changed "
        "(a few minutes for all).",
    )
    notebooks_p.add_argument(
        "--lang", choices=(*LANGS, "all"), default="all", help="which language (default: all)"
    )
    notebooks_p.add_argument(
        "--out",
        type=Path,
        help="folder to write <lang>/*.ipynb into (default: the repository's notebooks/)",
    )
    notebooks_p.add_argument(
        "--no-run", action="store_true", help="write the notebooks without running them"
    )
    notebooks_p.add_argument(
        "--topic",
        action="append",
        help="only these topics' notebooks (and the index); repeatable or comma-separated "
        "(`jaxparity list topics`)",
    )
    notebooks_p.add_argument(
        "--force",
        action="store_true",
        help="rewrite every notebook chosen; without it, only those whose cells, cases, inputs "
        "or implementations changed are run and written",
    )
    notebooks_p.add_argument(
        "--html",
        type=Path,
        help="also render the notebooks written, with their outputs, as HTML pages here",
    )
    command(
        "generate",
        "regenerate everything generated from the code: the interface stubs, the lesson map, "
        "the notebooks of the topics that changed",
        "Run it after changing a case; it prints what changed, to commit.",
    )
    list_p = command(
        "list",
        "the names the other commands accept: cases, topics, sizes, modes, devices present",
        "With a section, only its rows, the name first (for scripts).",
    )
    list_p.add_argument(
        "section", nargs="?", choices=listing.SECTIONS, help="one section only (default: all)"
    )
    return p
