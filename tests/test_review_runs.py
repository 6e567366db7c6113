"""``hdnd review`` run again and again: one row per document across runs, only changed documents redone, a killed
run finished by the next, two runs into one folder at once, a read-only folder; real kernels, real faults."""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hdnd_data.data.records import document_folder, document_identity
from hdnd_data.runs import index
from hdnd_data.runs.review import engine_version, run_review, summary_lines, up_to_date

from .conftest import REPO
from .test_review import SEEDS, _marks

ENV = {**os.environ, "PYTHONPATH": str(REPO)}
HDND = [sys.executable, "-m", "hdnd_data.cli", "review", "--quiet"]
# Written for these tests: 45/60 is 75,00 %, so 75,0 % passes and 76,0 % (same length) fails.
PASSING = "Năm 2025, xã đã giải quyết 45/60 kiến nghị của cử tri, đạt tỷ lệ 75,0%.\n"
FAILING = PASSING.replace("75,0%", "76,0%")


def _page(out: Path, document: Path, name: str = "review.html") -> Path:
    return out / "documents" / document_folder(document, out) / name


def _first_mark(page: Path, number: str) -> str:
    """The status class of the first mark of ``number`` in a rendered page."""
    for attributes, text in re.findall(r"<mark\b([^>]*)>([^<]+)</mark>", page.read_text(encoding="utf-8")):
        if html.unescape(text) == number:
            return re.search(r"class=[\"'](\w+)", attributes).group(1)
    raise AssertionError(f"{number} is not marked")


def _rows(out: Path) -> dict[str, index.Row]:
    return {row.key: row for row in index.read_rows(out) if row.kind == "document"}


@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` as on a read-only disk: by its mode for a user, by a read-only bind mount for root (root ignores
    modes); skipped where neither can be had."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    bound = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bound.returncode != 0:
        pytest.skip("a read-only folder cannot be made here (root, and no mount)")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("a read-only folder cannot be made here (no read-only remount)")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the checkout")
def test_two_documents_of_one_name_in_two_folders_keep_their_own_rows_across_runs(tmp_path: Path, monkeypatch):
    seed = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    assert seed.count("550/564") == 1
    first, second = tmp_path / "a" / "bao_cao.txt", tmp_path / "b" / "bao_cao.txt"
    for path, text in ((first, seed), (second, seed.replace("550/564", "551/564"))):  # 551/564 = 97,70 %, not 97,5
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    (a,) = run_review([first], out, progress=False)  # two runs, one document each
    (b,) = run_review([second], out, progress=False)
    assert a.slug != b.slug and a.slug.startswith("bao-cao-") and b.slug.startswith("bao-cao-")
    assert _first_mark(_page(out, first), "97,5") == "pass" and _first_mark(_page(out, first), "550") == "pass"
    assert _first_mark(_page(out, second), "97,5") == "fail" and _first_mark(_page(out, second), "551") == "fail"
    rows = _rows(out)
    assert sorted(rows) == sorted([f"documents/{a.slug}", f"documents/{b.slug}"])
    assert rows[f"documents/{a.slug}"].counts == a.counts and rows[f"documents/{b.slug}"].counts == b.counts
    assert b.counts["fail"] == a.counts["fail"] + 2  # the rate and the breakdown 47 + 5 + 498 = 550 of the settled
    # The same document named another way (relative, through "..", from another working folder) is the same row;
    # corrected, it replaces its row and page.
    second.write_text(seed, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    (again,) = run_review([Path("..") / "b" / ".." / "b" / "bao_cao.txt"], Path("..") / "out", progress=False)
    assert again.slug == b.slug and not again.kept and again.counts == a.counts
    assert sorted(_rows(out)) == sorted([f"documents/{a.slug}", f"documents/{b.slug}"])
    assert _first_mark(_page(out, second), "97,5") == "pass"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count("<td>bao_cao.txt<br><small class='where'>../a</small>") == 1
    assert page.count("<td>bao_cao.txt<br><small class='where'>../b</small>") == 1


def _documents(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        paths.append(folder / f"xa-{i}.txt")
        paths[-1].write_text(PASSING.replace("xã", f"xã số {i}"), encoding="utf-8")
    return paths


def test_a_rerun_redoes_only_the_documents_whose_content_changed(tmp_path: Path):
    docs = _documents(tmp_path / "docs", 3)
    out = tmp_path / "out"
    assert [r.counts["pass"] for r in run_review([tmp_path / "docs"], out, jobs=2, progress=False)] == [1, 1, 1]
    before = {p: _page(out, p).stat().st_mtime_ns for p in docs}
    edited, touched, _ = docs
    stamp = edited.stat()
    edited.write_text(edited.read_text(encoding="utf-8").replace("75,0%", "76,0%"), encoding="utf-8")  # same size
    os.utime(edited, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # and its old time, as `cp -p` of a corrected copy
    assert edited.stat().st_size == stamp.st_size and edited.stat().st_mtime_ns == stamp.st_mtime_ns
    os.utime(touched)  # a new time, the same content
    rows = _rows(out)
    assert index.stale_reason(out, rows[f"documents/{document_folder(edited, out)}"]) == "inputs"
    assert index.stale_reason(out, rows[f"documents/{document_folder(touched, out)}"]) is None
    assert "cũ: nguồn đã thay đổi sau lần chạy" in index.render(list(rows.values()), out, "vi")

    results = {Path(r.path): r for r in run_review([tmp_path / "docs"], out, progress=False)}
    assert {p.name: r.kept for p, r in results.items()} == {"xa-0.txt": False, "xa-1.txt": True, "xa-2.txt": True}
    assert results[edited].counts["fail"] == 1 and results[edited].counts["pass"] == 0
    assert {p: _page(out, p).stat().st_mtime_ns == before[p] for p in docs} == {edited: False, touched: True, docs[2]: True}
    assert summary_lines(list(results.values()), "en")[-1] == "kept 2 up to date: unchanged since their review (to review them again: --force)"
    assert all(index.stale_reason(out, row) is None for row in _rows(out).values())
    assert _marks(_page(out, edited).read_text(encoding="utf-8"))["76,0"] == "fail"

    forced = run_review([tmp_path / "docs"], out, progress=False, force=True)
    assert [r.kept for r in forced] == [False, False, False]


def _recorded(tmp_path: Path, status: str = "done") -> tuple[index.Row, Path, Path]:
    """A document's record as a finished run leaves it, its files written by hand (no kernel)."""
    document = tmp_path / "xa.txt"
    document.write_text(PASSING, encoding="utf-8")
    out = tmp_path / "out"
    folder = document_folder(document, out)
    files = {"page": f"documents/{folder}/review.html", "notebook": f"documents/{folder}/review.ipynb"}
    for name in files.values():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("{}", encoding="utf-8")
    from hdnd_data.runs.digests import snapshot

    identity = document_identity(document, out)
    assert identity == "../xa.txt"
    row = index.Row("document", f"documents/{folder}", {"vi": "xa.txt"}, status, {"pass": 1}, files=files,
                    inputs=[identity], started=time.time() - 1, wrote_page=True,
                    digests={identity: snapshot(document)}, engine=engine_version(), lang="vi")
    return row, document.resolve(), out


@pytest.mark.parametrize(("spoil", "kept"), [
    (lambda row, doc, out: None, True),
    (lambda row, doc, out: setattr(row, "status", "unreadable"), True),  # unreadable again until the file changes
    (lambda row, doc, out: setattr(row, "status", "error"), False),  # a dead kernel may not die twice
    (lambda row, doc, out: setattr(row, "engine", row.engine + "-old"), False),  # the code that made the page changed
    (lambda row, doc, out: setattr(row, "lang", "en"), False),  # asked in another language
    (lambda row, doc, out: setattr(row, "digests", {}), False),  # a record of before content digests
    (lambda row, doc, out: doc.write_text(FAILING, encoding="utf-8"), False),
    (lambda row, doc, out: os.utime(doc, (1, 1)), True),  # an older time, the same content
    (lambda row, doc, out: (out / row.files["notebook"]).unlink(), False),
    (lambda row, doc, out: setattr(row, "wrote_page", False), False),  # the page there is an earlier run's
], ids=["same", "unreadable", "error", "engine", "lang", "no-digest", "content", "time-only", "notebook-gone", "older-page"])
def test_a_record_is_up_to_date_only_when_content_engine_language_and_files_hold(tmp_path: Path, spoil, kept: bool):
    row, document, out = _recorded(tmp_path)
    spoil(row, document, out)
    assert up_to_date(row, document, out, engine_version(), "vi") is kept


def test_the_engine_version_follows_the_code_that_makes_a_page(tmp_path: Path, monkeypatch):
    from hdnd_data.runs import review

    version = engine_version()
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", version) and version == engine_version()
    notebook = tmp_path / "document_review.ipynb"
    notebook.write_bytes(review.notebook_path().read_bytes() + b"\n")
    monkeypatch.setattr(review, "notebook_path", lambda: notebook)
    assert engine_version() != version


def _kill_when(process: subprocess.Popen, out: Path, recorded: int, sent: signal.Signals, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while len(_rows(out)) < recorded:
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, sent)  # the runner and its kernels: a crash, or Ctrl-C in the terminal (the whole group)
    process.wait(60)


def _whole(page: Path) -> bool:
    text = page.read_text(encoding="utf-8")
    return text.lstrip().startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGINT, 130)], ids=["SIGKILL", "Ctrl-C"])
def test_a_killed_run_is_finished_by_the_next_without_redoing_what_it_finished(tmp_path: Path, sent, code: int):
    docs = _documents(tmp_path / "docs", 6)
    out = tmp_path / "out"
    run = subprocess.Popen([*HDND, "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _kill_when(run, out, 2, sent)
    finished = _rows(out)
    assert 2 <= len(finished) < len(docs) and run.returncode == code
    assert all(row.status == "done" for row in finished.values())  # the one in progress is not recorded at all
    said = run.stderr.read()
    assert "Traceback" not in said and (sent == signal.SIGKILL or len(said.strip().splitlines()) == 1), said
    pages = sorted((out / "documents").glob("*/review.html"))
    assert all(_whole(page) for page in pages)  # never half a page: each is written whole or not at all
    kept = {key: (out / row.files["page"]).stat().st_mtime_ns for key, row in finished.items()}

    again = subprocess.run([*HDND, "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert f"giữ nguyên {len(finished)} văn bản không thay đổi từ lần rà soát trước (rà soát lại tất cả: --force)" in lines
    assert sum(": hoàn tất (đạt 1, sai lệch 0" in line for line in lines) == len(docs) - len(finished)
    rows = _rows(out)
    assert sorted(rows) == sorted(f"documents/{document_folder(p, out)}" for p in docs)
    assert all(row.status == "done" and row.counts["pass"] == 1 for row in rows.values())
    assert {key: (out / rows[key].files["page"]).stat().st_mtime_ns for key in kept} == kept  # not redone
    assert all(_whole(_page(out, p)) for p in docs)
    assert list(out.rglob("*.tmp.ipynb")) == []  # the killed run's notebook in progress is cleaned away


def test_two_runs_into_one_folder_at_once_leave_one_whole_row_per_document(tmp_path: Path):
    docs = _documents(tmp_path / "docs", 3)
    docs[1].write_text(FAILING, encoding="utf-8")
    out = tmp_path / "out"
    runs = [subprocess.Popen([*HDND, "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    assert [run.wait(600) for run in runs] == [0, 0], [run.stderr.read() for run in runs]
    page = (out / "index.html").read_text(encoding="utf-8")
    keys = re.findall(r"<tr class='[^']*' id='(documents/[^']+)'>", page)
    assert sorted(keys) == sorted(f"documents/{document_folder(p, out)}" for p in docs)
    assert {p.name: _marks(_page(out, p).read_text(encoding="utf-8")) for p in docs} == {
        "xa-0.txt": {"45": "pass", "60": "pass", "75,0": "pass"}, "xa-1.txt": {"45": "fail", "60": "fail", "76,0": "fail"},
        "xa-2.txt": {"45": "pass", "60": "pass", "75,0": "pass"}}
    assert list(out.rglob("*.tmp.ipynb")) == [] and list(out.rglob(".*.tmp")) == []
    third = subprocess.run([*HDND, "--lang", "en", "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                           capture_output=True, text=True, timeout=600)
    assert third.returncode == 0 and "kept" not in third.stdout  # another language: every page made again


def test_a_read_only_document_folder_fails_that_document_only_in_one_line(tmp_path: Path):
    docs = _documents(tmp_path / "docs", 2)
    out = tmp_path / "out"
    run_review([tmp_path / "docs"], out, progress=False)
    blocked, free = docs
    for path in docs:  # both corrected: both must be redone
        path.write_text(FAILING, encoding="utf-8")
    folder = _page(out, blocked).parent
    with read_only(folder):
        done = subprocess.run([*HDND, "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                              capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    where = f"documents/{folder.name}"
    said = f"xa-0.txt: lỗi khi chạy sổ tính (không ghi được kết quả vào {where} (OSError: Read-only file system))"
    assert said in done.stdout.replace("PermissionError: Permission denied", "OSError: Read-only file system")
    assert "xa-1.txt: hoàn tất (đạt 0, sai lệch 1, cần xem xét 0, chưa kiểm tra được 0)" in done.stdout
    rows = _rows(out)
    row = rows[where]
    assert row.status == "error" and row.wrote_page is False and index.stale_reason(out, row) == "older"
    assert set(row.message) == {"vi", "en"} and row.message["en"].startswith(f"cannot write the output to {where} (")
    english = index.render(list(rows.values()), out, "en")
    assert f"notebook error: {html.escape(row.message['en'])} <span class='stale-note'>(stale: the page is from an earlier run)" in english
    assert _marks(_page(out, free).read_text(encoding="utf-8"))["76,0"] == "fail"
    again = run_review([tmp_path / "docs"], out, progress=False)  # writable again: the failed one is redone, alone
    assert [(r.kept, r.status, r.counts.get("fail")) for r in again] == [(False, "done", 1), (True, "done", 1)]


def test_what_killed_runs_left_is_cleaned_and_what_live_runs_write_is_not(tmp_path: Path):
    from hdnd_data.runs.notebooks import clean_leftovers

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = {name: tmp_path / name for name in (
        f".review.{dead.stdout.strip()}.1.tmp.ipynb",  # a killed run's notebook in progress
        f".review.{os.getpid()}.1.tmp.ipynb",  # a live run's (this process)
        ".review.html.k1ll3d.tmp",  # an atomic write cut short an hour ago
        ".claims.csv.busy.tmp",  # an atomic write under way
        "review.html",
    )}
    for path in left.values():
        path.write_text("x", encoding="utf-8")
    hour_ago = time.time() - 3600
    os.utime(left[".review.html.k1ll3d.tmp"], (hour_ago, hour_ago))
    clean_leftovers(tmp_path, ".review")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f".review.{os.getpid()}.1.tmp.ipynb", ".claims.csv.busy.tmp",
                                                                  "review.html"])


def test_ctrl_c_to_a_parallel_run_starts_no_further_document(tmp_path: Path):
    docs = _documents(tmp_path / "docs", 8)
    out = tmp_path / "out"
    run = subprocess.Popen([*HDND, "--jobs", "2", "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while not _rows(out):
        assert run.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)  # the runner only (`kill -INT`): its kernels are left to end their document
    assert run.wait(120) == 130
    recorded = len(_rows(out))
    pages = len(list((out / "documents").glob("*/review.html")))
    assert recorded < len(docs) and pages <= recorded + 3 < len(docs)  # at most the two under way, and one just begun
    again = subprocess.run([*HDND, "--output", str(out), str(tmp_path / "docs")], env=ENV, cwd=tmp_path,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and f"giữ nguyên {recorded} văn bản" in again.stdout and len(_rows(out)) == len(docs)


def test_a_project_folder_moved_elsewhere_keeps_its_rows_and_pages(tmp_path: Path):
    project = tmp_path / "du-an"
    docs = _documents(project / "docs", 2)
    first = run_review([project / "docs"], project / "reports", jobs=2, progress=False)
    moved = Path(shutil.copytree(project, tmp_path / "du-an-chuyen"))  # another place: new inodes and change times
    shutil.rmtree(project)
    again = run_review([moved / "docs"], moved / "reports", progress=False)
    assert [r.slug for r in again] == [r.slug for r in first] and all(r.kept for r in again)
    rows = _rows(moved / "reports")
    assert sorted(rows) == sorted(f"documents/{r.slug}" for r in first)
    assert [row.inputs for row in rows.values()] == [["../docs/xa-0.txt"], ["../docs/xa-1.txt"]]
    assert all(index.stale_reason(moved / "reports", row) is None for row in rows.values())
    assert len(docs) == 2 and "../docs" in (moved / "reports" / "index.html").read_text(encoding="utf-8")


def test_parallel_workers_never_move_each_others_working_folder(tmp_path: Path, monkeypatch):
    # Found by hand: with --jobs 2 and a relative --output, papermill's cwd= moved the whole process into one
    # document's folder while another worker wrote "out/..." (ENOENT, or a page under the wrong folder). Every
    # path a worker uses is absolute now and nothing changes the working folder.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for i, stated in enumerate(["75,0%", "76,0%", "75,0%"]):
        (tmp_path / "docs" / f"xa-{i}.txt").write_text(PASSING.replace("75,0%", stated), encoding="utf-8")
    results = run_review(["docs"], "out", jobs=2, progress=False)
    assert os.getcwd() == str(tmp_path)
    assert sorted(r.status for r in results) == ["done"] * 3
    out = tmp_path / "out"
    for i, expected in enumerate(["pass", "fail", "pass"]):  # 45/60 = 75,00 %: 75,0 % passes, 76,0 % fails
        page = _page(out, tmp_path / "docs" / f"xa-{i}.txt")
        assert expected in _first_mark(page, "45")
    assert {row.key for row in index.read_rows(out)} == {f"documents/{document_folder(tmp_path / 'docs' / f'xa-{i}.txt', out)}"
                                                          for i in range(3)}
    assert not [p for p in tmp_path.rglob("*") if "out" in p.relative_to(tmp_path).parts[1:]]  # no out/ inside out/
