"""The README's two commands on a fresh machine: `./run` makes its own environment where pip may not install.

A stock Debian/Ubuntu Python refuses `pip install` outside a virtual environment (PEP 668) and may lack
ensurepip (the python3-venv package). The tests put an interpreter behaving like that first on the PATH
(a wrapper around the running Python, since a marker file inside a venv is ignored by pip) and run `./run`
in a copy of the script and noxfile; nox itself is installed from the package index, as a user's would be.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

PEP668 = "error: externally-managed-environment"
# Refuses what Debian's python refuses; anything else runs the real interpreter.
WRAPPER = """#!/bin/sh
if [ "$1 $2 $3" = "-m pip install" ]; then
    echo "{pep668}" >&2; exit 1
fi
if [ "{no_ensurepip}" = "1" ] && [ "$1 $2" = "-m venv" ] && [ "$3" != "--without-pip" ]; then
    echo "The virtual environment was not created successfully because ensurepip is not available." >&2; exit 1
fi
exec "{python}" "$@"
"""


def _debian_like(tmp_path: Path, no_ensurepip: bool) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    base = getattr(sys, "_base_executable", sys.executable)
    wrapper = bin_dir / "python3"
    wrapper.write_text(WRAPPER.format(pep668=PEP668, no_ensurepip=int(no_ensurepip), python=base), encoding="utf-8")
    wrapper.chmod(0o755)
    return bin_dir


def _checkout(tmp_path: Path) -> Path:
    root = tmp_path / "clone"
    root.mkdir()
    for name in ("run", "noxfile.py"):
        shutil.copy2(REPO / name, root / name)
    return root


def _run(root: Path, bin_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{bin_dir}:/usr/bin:/bin"  # no virtualenv, no pyenv shims: a plain system
    return subprocess.run([str(root / "run"), *args], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_the_wrapper_refuses_pip_like_debian(tmp_path: Path):
    bin_dir = _debian_like(tmp_path, no_ensurepip=True)
    refused = subprocess.run([str(bin_dir / "python3"), "-m", "pip", "install", "nox"], capture_output=True, text=True)
    assert refused.returncode == 1 and PEP668 in refused.stderr
    no_venv = subprocess.run([str(bin_dir / "python3"), "-m", "venv", str(tmp_path / "v")], capture_output=True, text=True)
    assert no_venv.returncode == 1 and "ensurepip is not available" in no_venv.stderr


@pytest.mark.parametrize("no_ensurepip", [False, True], ids=["externally-managed", "without-python3-venv"])
def test_run_lists_the_sessions_on_an_externally_managed_python(tmp_path: Path, no_ensurepip: bool):
    root = _checkout(tmp_path)
    bin_dir = _debian_like(tmp_path, no_ensurepip)
    done = _run(root, bin_dir, "-l")
    assert done.returncode == 0, done.stderr[-3000:]
    assert {"tests", "audit", "lab"} <= set(re.findall(r"^[*-] (\w+)", done.stdout, flags=re.M))
    assert (root / ".venv" / "bin" / "nox").exists()
    # the second time nothing is made again
    again = _run(root, bin_dir, "--version")
    assert again.returncode == 0 and "making .venv" not in again.stderr


def test_run_says_what_to_install_when_no_venv_can_be_made(tmp_path: Path):
    root = _checkout(tmp_path)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # neither ensurepip nor pip: every way of making an environment fails
    (bin_dir / "python3").write_text(
        f'#!/bin/sh\ncase "$*" in *venv*|*pip*) echo "No module named pip" >&2; exit 1;; esac\nexec "{sys.executable}" "$@"\n',
        encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    done = _run(root, bin_dir, "-l")
    assert done.returncode == 1
    assert "apt install python3-venv" in done.stderr and not (root / ".venv").exists()


def test_readme_commands_are_what_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    two = readme[readme.index("## Two commands"):readme.index("## In JupyterLab")]
    commands = re.findall(r"```bash\n(.+?)\n```", two)
    assert commands == ["./run -s audit", "./run -s tests"]
    assert commands[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ".nox/audit/bin/" in two and "jupyter" in two and "papermill" in two


class _Session:
    """Records what a nox session would install and run."""

    posargs: list[str] = []

    def __init__(self):
        self.runs: list[tuple[str, ...]] = []

    def install(self, *args: str) -> None:
        pass

    def run(self, *args: str) -> None:
        self.runs.append(args)


@pytest.fixture(scope="module")
def noxfile():
    import importlib.util

    spec = importlib.util.spec_from_file_location("noxfile_under_test", REPO / "noxfile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("euid, expected", [(0, True), (1000, False)])
def test_lab_starts_as_root(noxfile, monkeypatch, euid: int, expected: bool):
    monkeypatch.setattr(noxfile.os, "geteuid", lambda: euid)
    session = _Session()
    noxfile.lab(session)
    (command,) = session.runs
    assert command[:2] == ("jupyter", "lab") and ("--allow-root" in command) is expected
