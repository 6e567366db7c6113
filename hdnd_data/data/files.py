"""Atomic writing of output files: a reader never sees a half-written file, nor a half-replaced folder.

Each file is written to a temporary file in the same folder and renamed over the target; a folder of files (a year
of data) is built beside its target and swapped in by one rename (:func:`replace_folder`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["FORMULA_STARTS", "csv_for_people", "repair_folder", "spreadsheet_safe", "replace_folder", "write_atomic", "write_many_atomic"]

# A text cell a spreadsheet would run as a formula starts with one of these; such a cell is written after a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# mkstemp creates files readable by the owner only; outputs are meant to be shared like any other file.
_MODE = 0o644


def write_atomic(path: str | os.PathLike, data: str | bytes, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; create parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def spreadsheet_safe(frame):
    """A copy of a DataFrame whose text cells starting like a formula (``=``, ``+``, ``-``, ``@``, tab, CR) begin with a
    quote, as spreadsheet tools expect, so that a locator or message taken from data never runs as a formula; numeric
    columns are left as they are."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype.kind not in "biufcmM":
            out[column] = [f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in out[column]]
    return out


def csv_for_people(frame) -> str:
    """CSV text of a DataFrame for people to open in a spreadsheet: no index, ``\\n`` line ends, formula-safe cells.

    >>> import pandas as pd
    >>> print(csv_for_people(pd.DataFrame({"locator": ["=HYPERLINK(1)", "@x", "I.4.3"], "n": [-1, 2, 3]})), end="")
    locator,n
    '=HYPERLINK(1),-1
    '@x,2
    I.4.3,3
    """
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")


def write_many_atomic(files: Mapping[str | os.PathLike, str | bytes]) -> list[Path]:
    """Write several files so that either all are replaced or none is.

    All contents are first written to temporary files; only when every one succeeded are they renamed
    into place (renames within a folder do not fail for lack of space).
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            target = Path(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((tmp, target))
            os.fchmod(fd, _MODE)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return [target for _, target in staged]


# ------------------------------------------------------------------------------------------ folders
_RENAME_EXCHANGE = 2  # renameat2 flag (Linux >= 3.15): swap two paths in one step
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders ``a`` and ``b`` atomically; False where the system or file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _lock(parent: Path):
    """Hold a lock on ``parent`` so that two writers of its folders take turns; a dead writer's lock is released by
    the system, so whatever it left there is known to be stale. (The folder itself is locked: no lock file is left.)"""
    import fcntl

    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _recover(parent: Path, name: str) -> None:
    """Clean what an interrupted :func:`replace_folder` left: staging folders go; a retired folder whose target is
    missing (a kill between the two renames of the fallback) is put back, so the old folder is whole again."""
    target = parent / name
    for path in sorted(parent.glob(f".{name}.retired-*")):
        if not target.exists():
            os.rename(path, target)
        else:
            shutil.rmtree(path)
    for path in parent.glob(f".{name}.staging-*"):
        shutil.rmtree(path)


def repair_folder(folder: str | os.PathLike) -> None:
    """Finish what an interrupted :func:`replace_folder` of ``folder`` left (see there); nothing if it left nothing."""
    folder = Path(folder)
    if folder.parent.is_dir():
        with _lock(folder.parent):
            _recover(folder.parent, folder.name)


def replace_folder(folder: str | os.PathLike, files: Mapping[str, str | bytes]) -> Path:
    """Make ``folder`` hold exactly ``files`` (name -> content), all or nothing, whatever instant the process dies.

    The files are written into a sibling staging folder, then swapped with ``folder`` in one step (Linux's
    ``renameat2(RENAME_EXCHANGE)``; a plain rename when ``folder`` is new). The old folder is kept until the swap is
    done, then removed. Where a one-step swap is not available, the old folder is renamed aside first and the next
    call puts it back if the process died in between. Leftovers of an interrupted call are cleaned by the next one.
    """
    folder = Path(folder)
    parent, name = folder.parent, folder.name
    parent.mkdir(parents=True, exist_ok=True)
    with _lock(parent):
        _recover(parent, name)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}.staging-", dir=parent))
        try:
            for file_name, data in files.items():
                with open(staging / file_name, "wb") as handle:
                    os.fchmod(handle.fileno(), _MODE)
                    handle.write(data.encode("utf-8") if isinstance(data, str) else data)
                    handle.flush()
                    os.fsync(handle.fileno())
            os.chmod(staging, 0o755)
            _fsync_dir(staging)
            if not folder.exists():
                os.rename(staging, folder)
            elif not _exchange(staging, folder):
                retired = staging.with_name(staging.name.replace(".staging-", ".retired-"))
                try:
                    os.rename(folder, retired)
                    os.rename(staging, folder)
                except BaseException:
                    if retired.exists() and not folder.exists():  # interrupted between the two: the old folder goes back
                        os.rename(retired, folder)
                    raise
                staging = retired
            _fsync_dir(parent)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # the old folder after a swap, or the unfinished new one
    return folder
