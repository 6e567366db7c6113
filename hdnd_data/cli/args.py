"""The ``hdnd`` command's arguments checked before anything is read or written, and its guard while it runs.

Every command's ``--unit`` must be an id (never a path such as ``../../x``), every ``--year`` a plain year in a sane
range, ``--jobs`` at least 1 (capped at the machine's cores, with a note), ``--output`` a path that can be
written; the audit also refuses a unit or year that has no data, listing those that exist, before any kernel
starts. :func:`guarded` runs a command so that Ctrl-C, a closed pipe (``hdnd check | head``) or a file that cannot
be written end with one line and a conventional exit code, never a traceback. Kept free of pandas for a fast start.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from hdnd_data.data.layout import DEFAULT_UNIT, UNIT_ID, resolve_data_dir, special_kind, units, years
from hdnd_data.labels import msg

__all__ = [
    "EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "YEAR_RANGE", "data_dir_problems", "guarded", "input_problems", "loose_int",
    "output_problems", "refusals",
]

# People's Councils exist since 1946; a year far in the future is a typing slip
YEAR_RANGE = (1945, 2100)
UNIT_ID_MOST = 64  # a folder name, kept well under every file system's limit
EXIT_INVALID, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 2, 130, 141  # 128 + SIGINT, 128 + SIGPIPE, as shells report them


def loose_int(text: str) -> int | str:
    """An argparse ``type``: a plainly written whole number (``2020``, not ``0202``, ``+5`` or 30 digits), else the text
    itself, so that :func:`refusals` names it as typed and in the user's language."""
    return int(text) if re.fullmatch(r"0|[1-9]\d{0,17}", text) else text


def _unit_problem(value: object, lang: str) -> list[str]:
    if value is None or (isinstance(value, str) and len(value) <= UNIT_ID_MOST and re.fullmatch(UNIT_ID, value)):
        return []
    return [msg("cli_bad_unit", lang, value=value, most=UNIT_ID_MOST)]


def _year_problems(values: object, lang: str) -> list[str]:
    low, high = YEAR_RANGE
    given = values if isinstance(values, list) else [] if values is None else [values]
    return [msg("cli_bad_year", lang, value=str(v), low=low, high=high) for v in given
            if not isinstance(v, int) or not low <= v <= high]


def _jobs(args: argparse.Namespace, lang: str, notes: list[str]) -> list[str]:
    jobs = getattr(args, "jobs", None)
    if jobs is None:
        return []
    if not isinstance(jobs, int) or jobs < 1:
        return [msg("cli_bad_jobs", lang, value=str(jobs))]
    cores = os.cpu_count() or 1
    if jobs > cores:
        notes.append(msg("cli_jobs_capped", lang, value=jobs, cores=cores))
        args.jobs = cores
    return []


def _nearest(path: Path) -> Path:
    """The path itself or its nearest ancestor that exists (what a write there would have to get through)."""
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path.cwd()


def output_problems(output: str | None, lang: str, *, folder: bool) -> list[str]:
    """What stands in the way of writing ``output`` (a folder for the audit, a file for an Excel export)."""
    if output is None:
        return []
    if not output.strip():
        return [msg("cli_output_empty", lang)]
    path = Path(output).absolute()
    if folder and path.exists() and not path.is_dir():
        return [msg("cli_output_not_folder", lang, path=output, where=path)]
    if not folder and path.is_dir():
        return [msg("cli_output_is_folder", lang, path=output)]
    start = path if folder else path.parent
    ancestor = _nearest(start)
    if not ancestor.is_dir():
        return [msg("cli_output_not_folder", lang, path=output, where=ancestor)]
    if not os.access(ancestor, os.W_OK | os.X_OK):
        return [msg("cli_output_unwritable", lang, path=output, where=ancestor)]
    return []


def input_problems(file: str | None, lang: str) -> list[str]:
    """An input file (a workbook, a report) must be a readable regular file: a FIFO or a folder is named as such."""
    if file is None:
        return []
    path = Path(file)
    if not path.exists():
        return [msg("cli_input_missing", lang, path=file)]
    if path.is_dir():
        return [msg("cli_input_folder", lang, path=file)]
    what = special_kind(path.resolve())
    return [msg("cli_input_special", lang, path=file, what=msg(what, lang))] if what else []


def data_dir_problems(data_dir: str | None, lang: str, *, may_be_new: bool) -> list[str]:
    """``--data-dir`` must name a folder (one the command may create, for an import)."""
    if data_dir is None:
        return []
    if not data_dir.strip():
        return [msg("cli_data_dir_empty", lang)]
    path = Path(data_dir)
    if path.exists() and not path.is_dir():
        return [msg("cli_data_dir_not_folder", lang, path=data_dir)]
    if not path.exists() and not may_be_new:
        return [msg("cli_data_dir_missing", lang, path=data_dir)]
    return []


def _known(args: argparse.Namespace, lang: str) -> list[str]:
    """The audit's units and years must exist: refused here, with what exists, before any kernel starts."""
    root = resolve_data_dir(args.data_dir)
    present = units(root)
    unit = args.unit or (None if args.all else DEFAULT_UNIT)
    if unit is not None and unit not in present:
        return [msg("cli_unknown_unit", lang, unit=unit, root=root, available=", ".join(present) or "–")]
    if args.all or not args.year:
        return []
    available = years(unit, root)
    return [msg("cli_unknown_year", lang, unit=unit, year=y, available=", ".join(map(str, available)) or "–")
            for y in dict.fromkeys(args.year) if y not in available]


def refusals(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """``(problems, notes)`` for the parsed arguments of any command; ``args.jobs`` is capped in place.

    Every problem is listed at once; a command with a problem must not start.
    """
    lang = getattr(args, "lang", "vi")
    notes: list[str] = []
    problems = [*_unit_problem(getattr(args, "unit", None), lang), *_year_problems(getattr(args, "year", None), lang),
                *_jobs(args, lang, notes)]
    command = getattr(args, "command", None)
    importing = getattr(args, "excel_command", None) == "import" or getattr(args, "template", False)  # may start a new folder
    problems += data_dir_problems(getattr(args, "data_dir", None), lang, may_be_new=importing)
    if command in ("audit", "review", "excel", "letter") and getattr(args, "output", None) is not None:
        problems += output_problems(args.output, lang, folder=command in ("audit", "review"))
    problems += input_problems(getattr(args, "file", None), lang) + input_problems(getattr(args, "report", None), lang)
    if command == "audit" and not problems:
        problems += _known(args, lang)
    return problems, notes


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so that the interpreter's last flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # an in-process caller's stdout has no descriptor
        pass


def guarded(func: Callable[[argparse.Namespace], int], args: argparse.Namespace, prefix: str) -> int:
    """Run a command's handler: Ctrl-C, a closed pipe or an unwritable path end it with one line, never a traceback."""
    lang = getattr(args, "lang", "vi")
    try:
        code = func(args)
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        print(f"{prefix}: {msg('cli_interrupted', lang)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:
        line = msg("cli_os_error", lang, path=exc.filename, reason=exc.strerror or exc) if exc.filename else str(exc)
        print(f"{prefix}: {line}", file=sys.stderr)
        return EXIT_INVALID
