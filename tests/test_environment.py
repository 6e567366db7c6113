"""pyproject.toml and environment.yml name the same dependencies with the same lower bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import REPO

# conda-forge names that differ from the PyPI ones
CONDA_NAMES = {"pyyaml": "pyyaml"}


def _split(requirement: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(>=\s*[\w.]+)?\s*", requirement)
    assert match, f"unpinned or unusual requirement {requirement!r}"
    return match.group(1).lower().replace("_", "-"), (match.group(2) or "").replace(" ", "")


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip = dict(_split(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(_split(d) for d in env["dependencies"] if isinstance(d, str) and d not in ("pip",))
    python = conda.pop("python")
    assert python == ">=" + project["requires-python"].removeprefix(">=")
    assert {CONDA_NAMES.get(k, k): v for k, v in pip.items()} == conda
    assert all(v.startswith(">=") for v in pip.values()), "every dependency has a lower bound"
