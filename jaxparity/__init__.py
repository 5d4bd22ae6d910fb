"""The main job: parity checks, benchmarks and the report, from one command (``jaxparity``).

* ``jaxparity check``  — every case on both frameworks against its oracle and each other;
* ``jaxparity bench``  — the pytest-benchmark harness in ``bench/``, results saved as they finish;
* ``jaxparity report`` — ``report.html``, ``report.md`` and ``summary.json`` from saved results;
* ``jaxparity run``    — all three; ``jaxparity show CASE`` — one case's code side by side;
* ``jaxparity compare A B`` — two saved runs; ``jaxparity list`` — the names the others accept.

Results live in one folder (``--out``, default ``out/``), one file per kind (``results.py``),
so a run that stops halfway leaves everything it finished, and the report never re-runs work.
A folder holds one run (``outdir.py``): rerun, it resumes; another run moves it aside.
"""

from jaxparity.errors import CliError

__all__ = ["CliError"]
