"""What a run read, recorded so that a later look can tell exactly whether it changed since: a content digest
(SHA-256) of a document or of a unit-year's data folder, with the files' stat signature as a shortcut.

A file whose size, modification time, change time and inode are all as recorded has not been written since (the change
time cannot be set back by a program), so it is not read again; any other file is read and its content compared: a
document only touched, or copied back with its old content, is unchanged, and a document whose content changed is
changed even when its modification time was set back (``cp -p``, ``rsync -t``, an unpacked archive). Standard library
only, like the runners.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

__all__ = ["changed", "code_version", "snapshot"]

_CHUNK = 1 << 20
_DIGESTS: dict[tuple, str] = {}  # (path, signature) -> digest: each file is read at most once per process and state


def _signature(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _files(path: Path) -> list[tuple[str, Path, os.stat_result]]:
    """``(name, path, lstat)`` of a file, or of every regular file under a folder (links not followed), by name."""
    stat = path.lstat()
    if not path.is_dir():
        return [("", path, stat)]
    found = []
    for root, dirs, names in os.walk(path):
        dirs.sort()
        for name in sorted(names):
            file = Path(root, name)
            found.append((file.relative_to(path).as_posix(), file, file.lstat()))
    return found


def _file_digest(path: Path, signature: list[int]) -> str:
    key = (str(path), tuple(signature))
    if key not in _DIGESTS:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        if len(_DIGESTS) > 100_000:
            _DIGESTS.clear()
        _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


def snapshot(path: str | os.PathLike) -> dict[str, object]:
    """``{"sha256": ..., "files": [[name, size, mtime_ns, ctime_ns, inode], ...]}`` of a file or a folder's files
    (raises ``OSError`` when it cannot be read)."""
    files = _files(Path(path))
    signatures = [[name, *_signature(stat)] for name, _, stat in files]
    if len(files) == 1 and files[0][0] == "":
        return {"sha256": _file_digest(files[0][1], signatures[0][1:]), "files": signatures}
    digest = hashlib.sha256()
    for (name, file, _), signature in zip(files, signatures):
        digest.update(f"{name}\0{_file_digest(file, signature[1:])}\n".encode())
    return {"sha256": digest.hexdigest(), "files": signatures}


def changed(path: str | os.PathLike, recorded: dict[str, object]) -> bool | None:
    """Whether the content of ``path`` differs from its ``recorded`` :func:`snapshot`; None when it cannot be read
    (gone, no permission): that says nothing about the result made from it."""
    try:
        files = _files(Path(path))
        if [[name, *_signature(stat)] for name, _, stat in files] == recorded.get("files"):
            return False
        return snapshot(path)["sha256"] != recorded.get("sha256")
    except OSError:
        return None


def code_version(notebook: str | os.PathLike, package: str | os.PathLike, sources: tuple[str, ...]) -> str:
    """A digest of a notebook and of the package code it runs: ``sources`` are files (``x.py``) or folders of the
    package (their .py and .yaml files), paths relative to ``package``. A page made by other code is made again."""
    package = Path(package)
    digest = hashlib.sha256(Path(notebook).read_bytes())
    for name in sources:
        found = [package / name] if name.endswith(".py") else sorted(
            p for p in (package / name).rglob("*") if p.suffix in (".py", ".yaml") and "__pycache__" not in p.parts)
        for path in found:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"sha256:{digest.hexdigest()[:16]}"
