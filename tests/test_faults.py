"""Fault suite, part 1: a table of hostile inputs (CSV cells, data-folder entries, unit.yaml, command arguments,
input files), each run in-process through ``hdnd`` and held to three things: the exit code, the place the message
names (file, row, column or the argument), and data on disk byte-identical afterwards. No traceback ever."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hdnd_data.cli import main

REPO = Path(__file__).resolve().parent.parent
UNIT = "lang-son-city"


def tree(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` by relative path: a file by its bytes' digest, a link by its target, else its kind."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            out[rel] = ("dir",)
        elif path.is_file():
            out[rel] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
        else:
            out[rel] = ("special",)
    return out


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    """A copy of the 2020 year of the real unit (one year keeps each case fast)."""
    root = tmp_path / "data"
    (root / UNIT).mkdir(parents=True)
    shutil.copy(REPO / "datasets" / UNIT / "unit.yaml", root / UNIT / "unit.yaml")
    shutil.copytree(REPO / "datasets" / UNIT / "2020", root / UNIT / "2020")
    return root


def edit(table: str, old: str, new: str) -> Callable[[Path], None]:
    """A mutation replacing the first ``old`` by ``new`` in ``<unit>/2020/<table>.csv`` (``old`` must be there)."""
    def apply(root: Path) -> None:
        path = root / UNIT / "2020" / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def write(rel: str, data: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return apply


def replace_by(rel: str, make: Callable[[Path], None]) -> Callable[[Path], None]:
    """Remove ``rel`` (if there) and put ``make(path)`` in its place: a folder, a link, a FIFO."""
    def apply(root: Path) -> None:
        path = root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        make(path)
    return apply


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def link_inside(rel_target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(path.parent / rel_target)


PET = "lang-son-city,2020,lsc-2020-annual-report,I.4.3,standing_committee,all,received,11"
BUD = "11,390463,390.463"
SES = "2019-12-17,2019-12-18"


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Path], None] | None
    argv: tuple[str, ...]
    code: int
    place: tuple[str, ...]  # fragments the message must hold (where, and what)


def summary(*more: str) -> tuple[str, ...]:
    return ("summary", "--data-dir", "{data}", *more)


def check(*more: str) -> tuple[str, ...]:
    return ("check", "--data-dir", "{data}", "--year", "2020", *more)


PETS = "lang-son-city/2020/petitions.csv"
CSV_CASES = [
    Case("count-30-digits", edit("petitions", PET, PET[:-2] + "9" * 30), summary(), 2, (f"{PETS}, dòng 2, cột 'count'", "vượt quá")),
    Case("count-1e20", edit("petitions", PET, PET[:-2] + "1e20"), summary(), 2, (f"{PETS}, dòng 2, cột 'count'", "'1e20'")),
    Case("count-negative", edit("petitions", PET, PET[:-2] + "-11"), summary(), 2, (f"{PETS}, dòng 2, cột 'count'", "âm")),
    Case("count-fraction", edit("petitions", PET, PET[:-2] + "11.5"), summary(), 2, (f"{PETS}, dòng 2, cột 'count'",)),
    Case("count-vn-thousands", edit("petitions", PET, PET[:-2] + "1.100"), summary(), 2, (f"{PETS}, dòng 2, cột 'count'",)),
    Case("amount-1e400", edit("budget_execution", BUD, "11,1e400,390.463"), summary(), 2, ("budget_execution.csv, dòng 2, cột 'amount_mvnd'",)),
    Case("amount-inf", edit("budget_execution", BUD, "11,inf,390.463"), summary(), 2, ("budget_execution.csv, dòng 2, cột 'amount_mvnd'", "'inf'")),
    Case("amount-nan", edit("budget_execution", BUD, "11,nan,390.463"), summary(), 2, ("budget_execution.csv, dòng 2, cột 'amount_mvnd'", "'nan'")),
    Case("amount-decimal-comma", edit("budget_execution", BUD, '11,"390463,5",390.463'), summary(), 2, ("budget_execution.csv, dòng 2",)),
    Case("empty-key-cell", edit("petitions", PET, PET.replace("standing_committee", "")), summary(), 2,
         (f"{PETS}, dòng 2, cột 'recipient'", "trống")),
    Case("duplicate-header", edit("petitions", "status,count", "status,status"), summary(), 2,
         (f"{PETS}, dòng 1, cột 'status'", "lặp lại")),
    Case("unknown-header", edit("petitions", "status,count", "status,count,extra"), summary(), 2, (f"{PETS}, dòng 1, cột 'extra'",)),
    Case("missing-header", edit("petitions", "status,count", "status"), summary(), 2, (f"{PETS}, dòng 1, cột 'count'", "thiếu")),
    Case("too-many-fields", edit("petitions", PET, PET + ",7"), summary(), 2, (f"{PETS}, dòng 2", "trường")),
    Case("not-utf8", write(f"{UNIT}/2020/petitions.csv", b"unit,year\n\xff\xfe\x00"), summary(), 2, (PETS, "UTF-8")),
    Case("empty-file", write(f"{UNIT}/2020/petitions.csv", b""), summary(), 2, (PETS, "trống")),
    Case("nul-in-cell", edit("petitions", "received,11", "rec\x00eived,11"), summary(), 2, (f"{PETS}, dòng 2, cột 'status'",)),
    Case("unknown-enum", edit("petitions", "received,11", "=cmd|' /C calc'!A0,11"), summary(), 2, (f"{PETS}, dòng 2, cột 'status'",)),
    Case("duplicate-row", edit("petitions", PET, PET + "\n" + PET), summary(), 2, (f"{PETS}, dòng 3", "trùng")),
    Case("unknown-source", edit("petitions", PET, PET.replace("lsc-2020-annual-report", "nowhere")), summary(), 2,
         (f"{PETS}, dòng 2, cột 'source_id'", "'nowhere'")),
    Case("row-of-another-year", edit("petitions", PET, PET.replace(",2020,", ",2019,")), summary(), 2,
         (f"{PETS}, dòng 2, cột 'year'", "2020/")),
    Case("row-of-another-unit", edit("petitions", PET, PET.replace("lang-son-city", "cao-loc")), summary(), 2, (f"{PETS}, dòng 2, cột 'unit'",)),
    Case("unit-not-an-id", edit("petitions", PET, PET.replace("lang-son-city", "../x")), summary(), 2, (f"{PETS}, dòng 2, cột 'unit'",)),
    Case("date-dmy", edit("sessions", SES, "17/12/2019,2019-12-18"), summary(), 2, ("sessions.csv, dòng 2, cột 'start_date'",)),
    Case("date-feb-30", edit("sessions", SES, "2019-02-30,2019-12-18"), summary(), 2, ("sessions.csv, dòng 2, cột 'start_date'",)),
    Case("date-huge-year", edit("sessions", SES, "99999-12-17,2019-12-18"), summary(), 2, ("sessions.csv, dòng 2, cột 'start_date'",)),
    Case("unclosed-quote", edit("petitions", PET, PET.replace("I.4.3", '"I.4.3')), summary(), 2, (PETS,)),
    Case("sources-missing", replace_by(f"{UNIT}/2020/sources.csv", lambda p: None), summary(), 2, ("sources.csv", "thiếu")),
]

FOLDER_CASES = [
    Case("year-folder-0202", lambda root: (root / UNIT / "0202").mkdir(), summary(), 2, (f"{UNIT}/0202", "'0202'")),
    Case("year-folder-20201", lambda root: (root / UNIT / "20201").mkdir(), summary(), 2, (f"{UNIT}/20201",)),
    Case("csv-is-link-outside", replace_by(f"{UNIT}/2020/petitions.csv", link_to("/etc/passwd")), summary(), 2, (PETS, "symlink", "/etc/passwd")),
    Case("csv-is-link-inside", replace_by(f"{UNIT}/2020/petitions.csv", link_inside("sources.csv")), summary(), 2, (PETS, "symlink")),
    Case("year-is-link", lambda root: (root / UNIT / "2021").symlink_to(root / UNIT / "2020"), summary("--year", "2021"), 2,
         (f"{UNIT}/2021", "symlink")),
    Case("unit-is-link", lambda root: (root / "other").symlink_to(root / UNIT), summary(), 2, ("other", "symlink")),
    Case("unit-yaml-is-link", replace_by(f"{UNIT}/unit.yaml", link_to("/etc/hostname")), summary(), 2, (f"{UNIT}/unit.yaml", "symlink")),
    Case("csv-is-fifo", replace_by(f"{UNIT}/2020/petitions.csv", os.mkfifo), summary(), 2, (PETS, "FIFO")),
    Case("extra-fifo", lambda root: os.mkfifo(root / UNIT / "2020" / "notes.csv"), summary(), 2, (f"{UNIT}/2020/notes.csv", "FIFO")),
    Case("csv-is-folder", replace_by(f"{UNIT}/2020/petitions.csv", Path.mkdir), summary(), 2, (PETS, "thư mục")),
    Case("unit-yaml-is-folder", replace_by(f"{UNIT}/unit.yaml", Path.mkdir), summary(), 2, (f"{UNIT}/unit.yaml", "thư mục")),
    Case("stray-folder-in-year", lambda root: (root / UNIT / "2020" / "old").mkdir(), summary(), 2, (f"{UNIT}/2020/old",)),
    Case("stray-file-in-year", write(f"{UNIT}/2020/notes.txt", "x"), summary(), 2, (f"{UNIT}/2020/notes.txt",)),
    Case("unknown-table-file", write(f"{UNIT}/2020/budget.csv", "a\n"), summary(), 2, (f"{UNIT}/2020/budget.csv",)),
    Case("unit-yaml-list", write(f"{UNIT}/unit.yaml", "- a\n- b\n"), summary(), 2, (f"{UNIT}/unit.yaml", "list")),
    Case("unit-yaml-broken", write(f"{UNIT}/unit.yaml", "name_vi: [open\n"), summary(), 2, (f"{UNIT}/unit.yaml",)),
    Case("unit-yaml-number-name", write(f"{UNIT}/unit.yaml", "name_vi: 12\nname_en: x\n"), summary(), 2, (f"{UNIT}/unit.yaml", "name_vi")),
    Case("unit-yaml-not-utf8", write(f"{UNIT}/unit.yaml", b"name_vi: \xff\n"), summary(), 2, (f"{UNIT}/unit.yaml",)),
    Case("unit-yaml-python-tag", write(f"{UNIT}/unit.yaml", "name_vi: !!python/object/apply:os.system ['true']\n"), summary(), 2,
         (f"{UNIT}/unit.yaml",)),
]

ARG_CASES = [
    Case("unit-dotdot", None, ("check", "--data-dir", "{data}", "--unit", "../../x"), 2, ("--unit '../../x'",)),
    Case("unit-absolute", None, ("summary", "--data-dir", "{data}", "--unit", "/etc"), 2, ("--unit '/etc'",)),
    Case("unit-upper", None, ("check", "--data-dir", "{data}", "--unit", "Lang-Son"), 2, ("--unit 'Lang-Son'",)),
    Case("unit-hidden", None, ("check", "--data-dir", "{data}", "--unit", ".git"), 2, ("--unit '.git'",)),
    Case("unit-too-long", None, ("check", "--data-dir", "{data}", "--unit", "a" * 300), 2, ("--unit 'aaaa",)),
    Case("unit-unknown", None, ("check", "--data-dir", "{data}", "--unit", "cao-loc"), 2, ("'cao-loc'", UNIT)),
    Case("year-negative", None, check("--year", "-5"), 2, ("--year '-5'", "1945")),
    Case("year-huge", None, check("--year", "9" * 30), 2, ("--year '999",)),
    Case("year-text", None, check("--year", "2020a"), 2, ("--year '2020a'",)),
    Case("year-0202", None, ("summary", "--data-dir", "{data}", "--year", "0202"), 2, ("--year '0202'",)),
    Case("year-unknown", None, ("summary", "--data-dir", "{data}", "--year", "2019"), 2, ("2019", "2020")),
    Case("export-unit-etc", None, ("excel", "export", "--data-dir", "{data}", "--unit", "../../../../etc", "--year", "2020",
                                   "--output", "{tmp}/x.xlsx"), 2, ("--unit '../../../../etc'",)),
    Case("export-year-negative", None, ("excel", "export", "--data-dir", "{data}", "--year", "-5", "--output", "{tmp}/x.xlsx"), 2, ("--year '-5'",)),
    Case("export-output-folder", None, ("excel", "export", "--data-dir", "{data}", "--year", "2020", "--output", "{tmp}"), 2, ("--output",)),
    Case("export-output-empty", None, ("excel", "export", "--data-dir", "{data}", "--year", "2020", "--output", ""), 2, ("--output",)),
    Case("export-output-under-file", None, ("excel", "export", "--data-dir", "{data}", "--year", "2020", "--output",
                                            "{data}/lang-son-city/unit.yaml/x.xlsx"), 2, ("unit.yaml",)),
    Case("import-unit-dotdot", None, ("excel", "import", "{tmp}/x.xlsx", "--data-dir", "{data}", "--unit", "..", "--year", "2020"), 2,
         ("--unit '..'",)),
    Case("import-missing-file", None, ("excel", "import", "{tmp}/none.xlsx", "--data-dir", "{data}", "--year", "2020"), 2, ("none.xlsx",)),
    Case("import-folder", None, ("excel", "import", "{tmp}", "--data-dir", "{data}", "--year", "2020"), 2, ("{tmp}",)),
    Case("audit-unit-dotdot", None, ("audit", "--data-dir", "{data}", "--unit", "../../x", "--year", "2020", "--output", "{tmp}/r"), 2,
         ("--unit '../../x'",)),
    Case("audit-year-unknown", None, ("audit", "--data-dir", "{data}", "--year", "1999", "--output", "{tmp}/r", "--lang", "en"), 2,
         ("no data for 1999", "2020")),
    Case("audit-unit-unknown", None, ("audit", "--data-dir", "{data}", "--unit", "cao-loc", "--year", "2020", "--output", "{tmp}/r"), 2,
         ("'cao-loc'", UNIT)),
    Case("audit-jobs-zero", None, ("audit", "--data-dir", "{data}", "--year", "2020", "--jobs", "0", "--output", "{tmp}/r"), 2, ("--jobs '0'",)),
    Case("audit-jobs-negative", None, ("audit", "--data-dir", "{data}", "--year", "2020", "--jobs", "-3", "--output", "{tmp}/r"), 2,
         ("--jobs '-3'",)),
    Case("audit-output-file", None, ("audit", "--data-dir", "{data}", "--year", "2020", "--output", "{data}/lang-son-city/unit.yaml"), 2,
         ("--output", "unit.yaml")),
    Case("audit-output-empty", None, ("audit", "--data-dir", "{data}", "--year", "2020", "--output", ""), 2, ("--output",)),
    Case("audit-report-missing", None, ("audit", "--data-dir", "{data}", "--year", "2020", "--report", "{tmp}/none.txt", "--output", "{tmp}/r"), 2,
         ("none.txt",)),
    Case("claims-folder", None, ("claims", "{tmp}"), 2, ("{tmp}",)),
    Case("claims-fifo", None, ("claims", "{tmp}/pipe.txt"), 2, ("pipe.txt", "FIFO")),
]

CASES = CSV_CASES + FOLDER_CASES + ARG_CASES


def run(argv: tuple[str, ...], data: Path, tmp: Path, capsys) -> tuple[int, str, str]:
    args = [a.replace("{data}", str(data)).replace("{tmp}", str(tmp)) for a in argv]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_named_and_changes_nothing(case: Case, small_data: Path, tmp_path: Path, capsys):
    if case.mutate is not None:
        case.mutate(small_data)
    os.mkfifo(tmp_path / "pipe.txt")
    before = tree(tmp_path)
    code, out, err = run(case.argv, small_data, tmp_path, capsys)
    assert code == case.code, err
    places = [p.replace("{tmp}", str(tmp_path)).replace("{data}", str(small_data)) for p in case.place]
    missing = [p for p in places if p not in err]
    assert not missing, f"{missing} not in:\n{err}"
    assert "Traceback" not in err and "pandera" not in err and "coerce_dtype" not in err
    assert tree(tmp_path) == before  # nothing written, nothing removed, not a byte changed


def test_the_table_is_large_enough():
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)
