"""Fault suite, part 1: a table of hostile inputs (CSV cells, data-folder entries, unit.yaml, command arguments,
input files), each run in-process through ``hdnd`` and held to three things: the exit code, the place the message
names (file, row, column or the argument), and data on disk byte-identical afterwards. No traceback ever."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from hdnd_data.cli import main
from hdnd_data.workbook.excel import export_workbook

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
    out: tuple[str, ...] = ()  # fragments the standard output must hold


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
    Case("not-utf8", write(f"{UNIT}/2020/petitions.csv", b"unit,year\n\xff\xfe\x00"), summary(), 2, (PETS, "UTF-8 (byte thứ 11 ")),
    Case("csv-is-xlsx", lambda root: shutil.copy(root.parent / "book.xlsx", root / UNIT / "2020" / "petitions.csv"), summary(), 2,
         (PETS, "Excel .xlsx")),
    Case("csv-is-pdf", write(f"{UNIT}/2020/petitions.csv", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n"), summary(), 2, (PETS, "PDF")),
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
    Case("unit-yaml-broken", write(f"{UNIT}/unit.yaml", "name_vi: [open\n"), summary(), 2, (f"{UNIT}/unit.yaml, dòng 2", "cú pháp YAML")),
    Case("unit-yaml-bad-indent", write(f"{UNIT}/unit.yaml", "name_vi: a\n  name_en: b\n"), summary(), 2, (f"{UNIT}/unit.yaml, dòng 2", "ký tự thứ")),
    Case("unit-yaml-number-name", write(f"{UNIT}/unit.yaml", "name_vi: 12\nname_en: x\n"), summary(), 2, (f"{UNIT}/unit.yaml", "name_vi")),
    Case("unit-yaml-not-utf8", write(f"{UNIT}/unit.yaml", b"name_vi: \xff\n"), summary(), 2, (f"{UNIT}/unit.yaml", "UTF-8")),
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
    Case("review-output-file", None, ("review", "{tmp}/book.xlsx", "--output", "{data}/lang-son-city/unit.yaml"), 2, ("--output", "unit.yaml")),
    Case("review-jobs-zero", None, ("review", "{tmp}/book.xlsx", "--output", "{tmp}/r", "--jobs", "0"), 2, ("--jobs '0'",)),
    Case("decide-year-negative", None, ("decide", "abc123", "--decision", "explained", "--note", "x", "--data-dir", "{data}", "--year", "-1"), 2,
         ("--year '-1'",)),
    Case("decide-unit-dotdot", None, ("decide", "abc123", "--decision", "explained", "--note", "x", "--data-dir", "{data}", "--unit", "../.."), 2,
         ("--unit '../..'",)),
    Case("data-dir-empty", None, ("summary", "--data-dir", ""), 2, ("--data-dir",)),
    Case("data-dir-a-file", None, ("check", "--data-dir", "{data}/lang-son-city/unit.yaml"), 2, ("--data-dir", "unit.yaml")),
    Case("data-dir-missing", None, ("check", "--data-dir", "{tmp}/nowhere"), 2, ("--data-dir", "nowhere")),
    Case("claims-folder", None, ("claims", "{tmp}"), 2, ("{tmp}",)),
    Case("claims-fifo", None, ("claims", "{tmp}/pipe.txt"), 2, ("pipe.txt", "FIFO")),
]

# a locator taken from data reaches a CSV for people: it must arrive as text, never as a live formula
SPREADSHEET_CASES = [
    Case(f"csv-out-{name}", edit("petitions", "I.4.3,standing_committee,all,received,11", f"{cell},standing_committee,all,received,11"),
         check("--format", "csv"), 0, (), (f",'{cell},",))
    for name, cell in [("equals", "=HYPERLINK(1)"), ("at", "@SUM(A1)"), ("plus", "+1+1"), ("minus", "-2-3")]
]

def book(change: Callable) -> Callable[[Path], None]:
    """A mutation of the exported 2020 workbook beside the data (``<tmp>/book.xlsx``) with openpyxl."""
    def apply(root: Path) -> None:
        path = root.parent / "book.xlsx"
        wb = openpyxl.load_workbook(path)
        change(wb)
        wb.save(path)
    return apply


def cell(sheet: str, code: str, value: object, row: int = 3) -> Callable[[Path], None]:
    def change(wb) -> None:
        ws = wb[sheet]
        letter = next(c.column_letter for c in ws[2] if c.value == code)
        ws[f"{letter}{row}"] = value
    return book(change)


def raw_xml(sheet: str, ref: str, value: bytes) -> Callable[[Path], None]:
    """Write ``value`` as the stored number of cell ``ref``, as a hand-made or damaged file could hold it."""
    def apply(root: Path) -> None:
        path = root.parent / "book.xlsx"
        index = openpyxl.load_workbook(path, read_only=True).sheetnames.index(sheet) + 1
        with zipfile.ZipFile(path) as zin:
            items = [(item, zin.read(item.filename)) for item in zin.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for item, data in items:
                if item.filename == f"xl/worksheets/sheet{index}.xml":
                    data, n = re.subn(rb'(<c r="' + ref.encode() + rb'"[^>]*>)<v>[^<]*</v>', rb"\g<1><v>" + value + rb"</v>", data)
                    assert n == 1
                zout.writestr(item, data)
    return apply


def imported(*more: str) -> tuple[str, ...]:
    return ("excel", "import", "{tmp}/book.xlsx", "--data-dir", "{data}", "--year", "2020", "--force", *more)


F3, C3 = "petitions!F3, cột count", "petitions!C3, cột recipient"
WORKBOOK_CASES = [
    Case("wb-count-1e20", cell("petitions", "count", 1e20), imported(), 2, (F3, "vượt quá")),
    Case("wb-count-10e30-int", cell("petitions", "count", 10**30), imported(), 2, (F3,)),
    Case("wb-count-30-digit-text", cell("petitions", "count", "9" * 30), imported(), 2, (F3, "vượt quá")),
    Case("wb-count-1e400-stored", raw_xml("petitions", "F3", b"1e400"), imported(), 2, (F3, "hữu hạn")),
    Case("wb-count-minus-1e400-stored", raw_xml("petitions", "F3", b"-1e400"), imported(), 2, (F3, "hữu hạn")),
    Case("wb-count-nan-stored", raw_xml("petitions", "F3", b"NaN"), imported(), 2, ("book.xlsx: tệp Excel bị hỏng",)),
    Case("wb-count-formula", cell("petitions", "count", "=1+1"), imported(), 2, (F3, "=1+1")),
    Case("wb-count-error-value", cell("petitions", "count", "#DIV/0!"), imported(), 2, (F3, "#DIV/0!")),
    Case("wb-count-words", cell("petitions", "count", "mười"), imported(), 2, (F3, "'mười'")),
    Case("wb-count-bool", cell("petitions", "count", True), imported(), 2, (F3,)),
    Case("wb-count-negative", cell("petitions", "count", -5), imported(), 2, (F3, "âm")),
    Case("wb-empty-key", cell("petitions", "recipient", None), imported(), 2, (C3, "trống")),
    Case("wb-enum-payload", cell("petitions", "status", "=cmd|' /C calc'!A0"), imported(), 2, ("petitions!E3",)),
    Case("wb-duplicate-code", cell("petitions", "count", "status", row=2), imported(), 2, ("petitions!F2", "lặp lại")),
    Case("wb-sheet-deleted", book(lambda wb: wb.remove(wb["petitions"])), imported(), 2, ("petitions: ", "thiếu trang")),
    Case("wb-sheet-added", book(lambda wb: wb.create_sheet("notes")), imported(), 2, ("notes: ",)),
    Case("wb-merged", book(lambda wb: wb["petitions"].merge_cells("A3:B3")), imported(), 2, ("petitions!A3:B3",)),
    Case("wb-data-outside", book(lambda wb: wb["petitions"].__setitem__("Z9", 5)), imported(), 2, ("petitions!Z9",)),
    Case("wb-wrong-year", None, ("excel", "import", "{tmp}/book.xlsx", "--data-dir", "{data}", "--year", "2023"), 2, ("2020", "2023")),
    Case("wb-not-a-workbook", write("../book.xlsx", "unit,year\n"), imported(), 2, ("book.xlsx: không phải tệp Excel .xlsx",)),
    Case("wb-exists-without-force", None, ("excel", "import", "{tmp}/book.xlsx", "--data-dir", "{data}", "--year", "2020"), 2, ("--force",)),
]


def text(data: str | bytes, name: str = "report.txt") -> Callable[[Path], None]:
    return write(f"../{name}", data)


TEXT_CASES = [
    Case("text-binary", text(b"\xff\xfe\x00\x01"), ("claims", "{tmp}/report.txt"), 2, ("report.txt", "UTF-8")),
    Case("text-empty", text(b""), ("claims", "{tmp}/report.txt"), 2, ("report.txt",)),
    Case("text-nul", text("Thu 390.463 triệu\x00 đạt 93,2%\n"), ("claims", "{tmp}/report.txt"), 2, ("report.txt",)),
    Case("text-fake-docx", text("not a zip", "report.docx"), ("claims", "{tmp}/report.docx"), 2, ("report.docx",)),
    Case("text-fake-pdf", text("%PDF-1.4 broken", "report.pdf"), ("claims", "{tmp}/report.pdf"), 2, ("report.pdf",)),
    Case("text-line-of-3000-amounts", text("Tổng thu " + " ".join(f"{i}.000 triệu đồng" for i in range(1, 3000)) + "\n"),
         ("claims", "{tmp}/report.txt"), 0, ()),
    Case("text-500-digit-number", text("Tổng số 1" + "9" * 500 + " đơn, trong đó 1e400 đơn.\n"), ("claims", "{tmp}/report.txt"), 0, ()),
    Case("text-formula-excerpt", text("=HYPERLINK(1) tổng 10 đơn, gồm 4 đơn và 6 đơn\n"), ("claims", "{tmp}/report.txt", "--format", "csv"),
         0, (), ("'=HYPERLINK(1)",)),
]

CASES = CSV_CASES + FOLDER_CASES + ARG_CASES + SPREADSHEET_CASES + WORKBOOK_CASES + TEXT_CASES


def run(argv: tuple[str, ...], data: Path, tmp: Path, capsys) -> tuple[int, str, str]:
    args = [a.replace("{data}", str(data)).replace("{tmp}", str(tmp)) for a in argv]
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    return export_workbook(tmp_path_factory.mktemp("book") / "book.xlsx", year=2020)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_named_and_changes_nothing(case: Case, small_data: Path, tmp_path: Path, exported: Path, capsys):
    shutil.copy(exported, tmp_path / "book.xlsx")
    if case.mutate is not None:
        case.mutate(small_data)
    os.mkfifo(tmp_path / "pipe.txt")
    before = tree(tmp_path)
    code, out, err = run(case.argv, small_data, tmp_path, capsys)
    assert code == case.code, err
    places = [p.replace("{tmp}", str(tmp_path)).replace("{data}", str(small_data)) for p in case.place]
    missing = [p for p in places if p not in err]
    assert not missing, f"{missing} not in:\n{err}"
    assert all(fragment in out for fragment in case.out), out
    assert "Traceback" not in err and "pandera" not in err and "coerce_dtype" not in err and "openpyxl" not in err
    assert tree(tmp_path) == before  # nothing written, nothing removed, not a byte changed


@pytest.mark.parametrize("unit", ["..", "../lang-son-city", "/etc", "Lang-Son", ""])
def test_the_library_refuses_a_unit_that_is_not_an_id(unit: str, small_data: Path):
    import hdnd_data as hd

    with pytest.raises(ValueError, match="không phải mã"):
        hd.load("sessions", unit=unit, data_dir=small_data / UNIT / "2020")


def test_the_table_is_large_enough():
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)
