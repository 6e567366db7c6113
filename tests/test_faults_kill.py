"""Fault suite, part 2: a process killed (SIGKILL) at every step of an Excel import, and a folder that cannot be
written. The year on disk is always entirely old or entirely new and loads as valid; the next import cleans up."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
from pathlib import Path

import openpyxl
import pytest

import hdnd_data as hd
from hdnd_data.cli import main
from hdnd_data.data import files
from hdnd_data.workbook import excel
from hdnd_data.workbook.excel import export_workbook, import_workbook
from hdnd_data.workbook.reading import validate_workbook

REPO = Path(__file__).resolve().parent.parent
UNIT = "lang-son-city"
EMPTIED = ("petitions", "citizen_reception")  # the new year differs from the old in two files


def year_files(root: Path) -> dict[str, str]:
    folder = root / UNIT / "2020"
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir" for p in sorted(folder.iterdir())}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in (root / UNIT).iterdir() if p.name.startswith("."))


@pytest.fixture(scope="module")
def new_book(tmp_path_factory) -> Path:
    """The 2020 workbook with two sheets emptied: importing it changes two files of the year."""
    path = export_workbook(tmp_path_factory.mktemp("book") / "hdnd-2020.xlsx", year=2020)
    wb = openpyxl.load_workbook(path)
    for name in EMPTIED:
        wb[name].delete_rows(3, wb[name].max_row)
    wb.save(path)
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / UNIT).mkdir(parents=True)
    shutil.copytree(REPO / "datasets" / UNIT / "2020", root / UNIT / "2020")
    return root


class KillAfter:
    """Wrap the file-system steps of an import; the N-th finished step sends SIGKILL to the process itself."""

    STEPS = [(os, "rename"), (os, "replace"), (os, "fsync"), (os, "mkdir"), (os, "chmod"), (shutil, "rmtree"), (files, "_exchange")]

    def __init__(self, n: int):
        self.n, self.count = n, 0

    def install(self) -> None:
        for owner, name in self.STEPS:
            setattr(owner, name, self._wrap(getattr(owner, name)))

    def _wrap(self, real):
        def step(*args, **kwargs):
            result = real(*args, **kwargs)
            self.count += 1
            if self.count == self.n:
                os.kill(os.getpid(), signal.SIGKILL)
            return result
        return step


def import_killed_after(n: int, book: Path, root: Path) -> bool:
    """Run the import in a forked child killed after its n-th step; True if it was killed (else it finished)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            KillAfter(n).install()
            import_workbook(book, year=2020, unit=UNIT, data_dir=root, force=True)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0
    return False


def test_a_kill_at_any_step_leaves_the_year_entirely_old_or_entirely_new(new_book: Path, data: Path, tmp_path: Path, monkeypatch):
    validated = validate_workbook(new_book, year=2020, unit=UNIT)  # read once: the steps that count are the writes
    monkeypatch.setattr(excel, "validate_workbook", lambda *args, **kwargs: validated)
    old = year_files(data)
    fresh = tmp_path / "fresh"
    shutil.copytree(data, fresh)
    import_workbook(new_book, year=2020, unit=UNIT, data_dir=fresh, force=True)
    new = year_files(fresh)
    assert {name for name in old if old[name] != new[name]} == {f"{t}.csv" for t in EMPTIED}

    outcomes = []
    for n in range(1, 100):
        spoilt = tmp_path / f"run-{n}"
        shutil.copytree(data, spoilt)
        killed = import_killed_after(n, new_book, spoilt)
        state = year_files(spoilt)
        assert state in (old, new), f"killed after step {n}: a mixed year"
        outcomes.append("old" if state == old else "new")
        frames = hd.load_all(UNIT, 2020, spoilt)  # whichever it is, it loads as valid
        assert len(frames["petitions"]) == (0 if state == new else len(hd.load("petitions", unit=UNIT, year=2020, data_dir=data)))
        import_workbook(new_book, year=2020, unit=UNIT, data_dir=spoilt, force=True)  # the next run cleans up
        assert year_files(spoilt) == new and leftovers(spoilt) == []
        if not killed:
            break
    # the kill landed on every step up to the end: first only the old year, then only the new one
    assert outcomes[-1] == "new" and "old" in outcomes
    assert outcomes == sorted(outcomes, key=["old", "new"].index)


def test_a_kill_between_the_two_renames_of_the_fallback_is_repaired_by_the_next_run(new_book: Path, data: Path):
    old = year_files(data)
    os.rename(data / UNIT / "2020", data / UNIT / ".2020.retired-x")  # where a kill after the first rename leaves it
    (data / UNIT / ".2020.staging-y").mkdir()
    with pytest.raises(FileExistsError, match="--force"):  # the old year is back, and protected as ever
        import_workbook(new_book, year=2020, unit=UNIT, data_dir=data)
    assert year_files(data) == old and leftovers(data) == []


def test_an_interrupt_between_the_two_renames_of_the_fallback_puts_the_old_year_back(new_book: Path, data: Path, monkeypatch):
    old = year_files(data)
    monkeypatch.setattr(files, "_exchange", lambda a, b: False)  # a system without a one-step swap
    steps = {"n": 0}
    real_rename = os.rename

    def rename_then_die(a, b):
        steps["n"] += 1
        real_rename(a, b)
        if steps["n"] == 1:  # the old year renamed aside, the new one not yet in place
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "rename", rename_then_die)
    with pytest.raises(KeyboardInterrupt):
        import_workbook(new_book, year=2020, unit=UNIT, data_dir=data, force=True)
    monkeypatch.setattr(os, "rename", real_rename)
    assert year_files(data) == old and leftovers(data) == []  # the interrupted call put the old year back


def test_what_is_in_the_way_is_refused_before_anything_changes(new_book: Path, data: Path, capsys):
    (data / UNIT / "2020" / "drafts").mkdir()
    before = year_files(data)
    assert main(["excel", "import", str(new_book), "--data-dir", str(data), "--year", "2020", "--force"]) == 2
    err = capsys.readouterr().err
    assert "drafts" in err and "Traceback" not in err
    assert year_files(data) == before and leftovers(data) == []


def test_a_year_path_that_is_a_file_is_refused(new_book: Path, data: Path, capsys):
    shutil.rmtree(data / UNIT / "2020")
    (data / UNIT / "2020").write_text("not a folder")
    assert main(["excel", "import", str(new_book), "--data-dir", str(data), "--year", "2020", "--lang", "en"]) == 2
    assert "is a file where a folder belongs" in capsys.readouterr().err
    assert (data / UNIT / "2020").read_text() == "not a folder"


def test_an_unwritable_unit_folder_ends_in_one_line_and_changes_nothing(new_book: Path, data: Path, monkeypatch, capsys):
    before = year_files(data)
    real_mkdir = os.mkdir

    def read_only(path, *args, **kwargs):  # the unit folder behaves as on a read-only mount (root ignores chmod)
        if Path(path).parent == data / UNIT:
            raise PermissionError(13, "Permission denied", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", read_only)
    assert main(["excel", "import", str(new_book), "--data-dir", str(data), "--year", "2020", "--force"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Permission denied" in err[0] and "lang-son-city" in err[0]
    monkeypatch.setattr(os, "mkdir", real_mkdir)
    assert year_files(data) == before and leftovers(data) == []


def test_two_imports_at_once_leave_one_whole_year(new_book: Path, data: Path, tmp_path: Path):
    old = year_files(data)
    old_book = export_workbook(tmp_path / "old.xlsx", year=2020)  # the year as it is, from the same data
    books = {"new": validate_workbook(new_book, year=2020, unit=UNIT), "old": validate_workbook(old_book, year=2020, unit=UNIT)}
    children = []
    for name in ("new", "old", "new", "old"):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                excel.validate_workbook = lambda *args, _v=books[name], **kwargs: _v
                import_workbook(new_book, year=2020, unit=UNIT, data_dir=data, force=True)
                code = 0
            finally:
                os._exit(code)
        children.append(pid)
    assert all(os.WEXITSTATUS(os.waitpid(pid, 0)[1]) == 0 for pid in children)
    fresh = tmp_path / "fresh"
    shutil.copytree(data, fresh)
    import_workbook(new_book, year=2020, unit=UNIT, data_dir=fresh, force=True)
    assert year_files(data) in (old, year_files(fresh)) and leftovers(data) == []
