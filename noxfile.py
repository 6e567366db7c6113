"""Sessions for testing, linting and running hdnd_data: `nox -s tests`, `nox -s audit`, ..."""

from __future__ import annotations

import os

import nox

# The running interpreter (any Python >= 3.11): a fresh machine may have only one.
PYTHON = None
nox.options.sessions = ["tests", "lint"]  # `nox` alone; audit, lab and bench are run by name
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite (pass pytest options after --, e.g. `nox -s tests -- -k budget`)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint and format-check with ruff."""
    session.install("ruff>=0.5")
    session.run("ruff", "check", "hdnd_data", "tests", "noxfile.py")


@nox.session(python=PYTHON, default=False)
def lab(session: nox.Session) -> None:
    """Start JupyterLab with the package installed (notebooks/ is the place to start)."""
    session.install("-e", ".")
    # Jupyter refuses to start as root unless told to (containers and fresh cloud machines often run as root)
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    session.run("jupyter", "lab", "--notebook-dir=notebooks", *as_root, *session.posargs)


@nox.session(python=PYTHON)
def audit(session: nox.Session) -> None:
    """The main job: audit every unit and year into reports/ (extra options after --, e.g. -- --jobs 2)."""
    session.install("-e", ".")
    # an editable install compiles nothing; byte-compile once so that each notebook kernel imports fast
    session.run("python", "-m", "compileall", "-q", "hdnd_data")
    session.run("hdnd", "audit", "--all", *session.posargs)


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks: load+validate, checks at 1/100/10,000 unit-years, audit and review vs floor, --jobs 1 vs 2, claims corpus
    and speed (-- --quick to smoke)."""
    session.install("-e", ".")
    session.run("python", "-m", "compileall", "-q", "hdnd_data")
    session.run("python", "benchmarks/bench_scale.py", "--with-audit", *session.posargs)
    session.run("python", "benchmarks/bench_review.py", *session.posargs)
    session.run("python", "benchmarks/bench_claims.py", *[a for a in session.posargs if a == "--quick"])
    session.run("python", "benchmarks/bench_findings.py", *[a for a in session.posargs if a == "--quick"])
