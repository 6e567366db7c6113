"""Where the data live: the data directory, its unit folders and their year folders.

Kept free of pandas and pandera so that commands that only look at the layout start fast.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["DEFAULT_UNIT", "UNIT_ID", "YEAR_FOLDER", "resolve_data_dir", "unit_info", "units", "years"]

DEFAULT_UNIT = "lang-son-city"
# a year folder is named by a plain year: "0202" is not year 202 (the loader names such folders as problems)
YEAR_FOLDER = r"[1-9]\d{3}"
# a unit id names a folder: lower-case ASCII letters, digits and hyphens, never a path ("../x") nor a hidden name
UNIT_ID = r"[a-z0-9][a-z0-9-]*"


def resolve_data_dir(path: str | os.PathLike | None = None) -> Path:
    """Resolve the data directory: the argument, else ``$HDND_DATA_DIR``, else ``datasets/`` of the checkout."""
    if path is not None:
        return Path(path)
    if os.environ.get("HDND_DATA_DIR"):
        return Path(os.environ["HDND_DATA_DIR"])
    checkout = Path(__file__).resolve().parents[2] / "datasets"  # hdnd_data/data/layout.py -> checkout
    return checkout if checkout.is_dir() else Path.cwd() / "datasets"


def units(data_dir: str | os.PathLike | None = None) -> list[str]:
    """Unit ids: the folders of the data directory that hold at least one year folder."""
    root = resolve_data_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(_year_dirs(p)))


def years(unit: str = DEFAULT_UNIT, data_dir: str | os.PathLike | None = None) -> list[int]:
    """Years with data for ``unit``."""
    return sorted(int(p.name) for p in _year_dirs(resolve_data_dir(data_dir) / unit))


def unit_info(unit: str = DEFAULT_UNIT, data_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """Display names of a unit from ``<unit>/unit.yaml`` (``name_vi``, ``name_en``); the id if absent."""
    import yaml

    path = resolve_data_dir(data_dir) / unit / "unit.yaml"
    info = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {"id": unit, "name_vi": info.get("name_vi", unit), "name_en": info.get("name_en", unit)}


def _year_dirs(unit_path: Path) -> Iterable[Path]:
    if not unit_path.is_dir():
        return []
    return [p for p in unit_path.iterdir() if p.is_dir() and re.fullmatch(YEAR_FOLDER, p.name)]
