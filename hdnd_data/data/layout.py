"""Where the data live: the data directory, its unit folders and their year folders.

Kept free of pandas and pandera so that commands that only look at the layout start fast.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

__all__ = ["DEFAULT_UNIT", "UNIT_ID", "YEAR_FOLDER", "real_dir", "resolve_data_dir", "special_kind", "unit_info", "units", "years"]

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
    return sorted(p.name for p in root.iterdir() if real_dir(p) and any(_year_dirs(p)))


def years(unit: str = DEFAULT_UNIT, data_dir: str | os.PathLike | None = None) -> list[int]:
    """Years with data for ``unit``."""
    return sorted(int(p.name) for p in _year_dirs(resolve_data_dir(data_dir) / unit))


def unit_info(unit: str = DEFAULT_UNIT, data_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """Display names of a unit from ``<unit>/unit.yaml`` (``name_vi``, ``name_en``); the id if absent."""
    import yaml

    path = resolve_data_dir(data_dir) / unit / "unit.yaml"
    try:
        info = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() and not path.is_symlink() else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        info = {}  # the loader names what is wrong with it; a display name falls back to the id
    info = info if isinstance(info, dict) else {}
    names = {key: info.get(key) if isinstance(info.get(key), str) else unit for key in ("name_vi", "name_en")}
    return {"id": unit, **names}


def special_kind(path: Path) -> str | None:
    """The label key of what ``path`` is when it is neither a regular file nor a folder (a FIFO would block a reader)."""
    mode = path.lstat().st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "what_fifo"
    if stat.S_ISSOCK(mode):
        return "what_socket"
    return "what_device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "what_other"


def real_dir(path: Path) -> bool:
    """A folder that is not a symbolic link (a link in the data folder is refused by the loader, never followed)."""
    return path.is_dir() and not path.is_symlink()


def _year_dirs(unit_path: Path) -> Iterable[Path]:
    if not unit_path.is_dir():
        return []
    return [p for p in unit_path.iterdir() if real_dir(p) and re.fullmatch(YEAR_FOLDER, p.name)]
