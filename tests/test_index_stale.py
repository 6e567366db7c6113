"""Stale rows of the index, exactly: an input whose content changed (not only its time), a page the run could not
write (an earlier run's), for unit-year audits and documents alike; and the digests that tell."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hdnd_data.runs import index
from hdnd_data.runs.audit import YearResult, audit_year, write_index
from hdnd_data.runs.digests import changed, snapshot

from .test_review_runs import read_only


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Change the content, keep the size and the modification time (a corrected copy put back with ``cp -p``)."""
    stamp = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new) and text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size and path.stat().st_mtime_ns == stamp.st_mtime_ns


def test_a_digest_tells_content_from_time(tmp_path: Path):
    document = tmp_path / "xa.txt"
    document.write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")
    recorded = snapshot(document)
    assert changed(document, recorded) is False
    os.utime(document, (time.time() + 60, time.time() + 60))  # touched: read again, found the same
    assert changed(document, recorded) is False
    _same_size_edit(document, "3/4", "2/4")
    assert changed(document, recorded) is True
    document.unlink()
    assert changed(document, recorded) is None  # gone: says nothing about the result


def test_a_folder_digest_covers_every_file_and_its_name(tmp_path: Path):
    folder = tmp_path / "2020"
    folder.mkdir()
    (folder / "a.csv").write_text("x\n1\n", encoding="utf-8")
    (folder / "b.csv").write_text("x\n2\n", encoding="utf-8")
    recorded = snapshot(folder)
    (folder / "b.csv").rename(folder / "c.csv")  # the same bytes under another name is another table
    assert changed(folder, recorded) is True
    (folder / "c.csv").rename(folder / "b.csv")
    assert changed(folder, recorded) is False
    (folder / "notes.txt").write_text("", encoding="utf-8")
    assert changed(folder, recorded) is True


def test_an_audit_row_is_stale_when_its_data_content_changed_not_when_touched(data_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    year = data_copy / "lang-son-city" / "2020"
    page = out / "lang-son-city" / "2020" / "audit.html"
    page.parent.mkdir(parents=True)
    started = time.time()
    page.write_text("<p>trang</p>", encoding="utf-8")
    result = YearResult("lang-son-city", 2020, "ok", {"pass": 3, "fail": 0, "warn": 0}, started=started,
                        finished=time.time(), digest=snapshot(year), wrote_page=True)
    write_index([result], out, data_dir=str(data_copy))
    (row,) = index.read_rows(out)
    assert row.digests == {str(year.resolve()): result.digest} and row.started == started and row.wrote_page is True
    assert index.stale_reason(out, row) is None
    for name in os.listdir(year):  # a copy of the folder put back: every time newer, no content changed
        os.utime(year / name, (row.finished + 60, row.finished + 60))
    assert index.stale_reason(out, row) is None
    _same_size_edit(year / "petitions.csv", "received,564", "received,546")  # a clerk's correction, with the file's old time
    assert index.stale_reason(out, row) == "inputs"
    assert "cũ: nguồn đã thay đổi sau lần chạy" in index.render(index.read_rows(out), out, "vi")


def test_an_audit_that_cannot_write_its_page_leaves_it_marked_as_an_earlier_runs(tmp_path: Path):
    out = tmp_path / "out"
    folder = out / "lang-son-city" / "2023"
    folder.mkdir(parents=True)
    (folder / "audit.html").write_text("<p>trang của lần chạy trước</p>", encoding="utf-8")
    old = time.time() - 3600
    os.utime(folder / "audit.html", (old, old))
    before = time.time()
    with read_only(folder):
        result = audit_year("lang-son-city", 2023, out)
    assert result.status == "error" and ("Read-only file system" in result.message or "Permission denied" in result.message)
    assert before <= result.started <= result.finished <= time.time() and result.wrote_page is False
    assert result.digest["sha256"] == snapshot(Path(__file__).resolve().parents[1] / "datasets" / "lang-son-city" / "2023")["sha256"]
    write_index([result], out)
    (row,) = index.read_rows(out)
    assert row.started == result.started and index.stale_reason(out, row) == "older"
    assert "cũ: trang là của một lần chạy trước" in (out / "index.html").read_text(encoding="utf-8")
    # the same unit-year written fine afterwards is not stale: its record says it wrote the page
    row.wrote_page, row.started = True, time.time()
    assert index.stale_reason(out, row) is None


def test_records_of_before_digests_still_read_and_fall_back_to_times(tmp_path: Path):
    source = tmp_path / "xa.txt"
    source.write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")
    page = tmp_path / "documents" / "xa" / "review.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>trang</p>", encoding="utf-8")
    row = index.Row("document", "documents/xa", {"vi": "xa.txt"}, "done", files={"page": "documents/xa/review.html"},
                    inputs=[str(source)], started=time.time() - 5)
    index.add_rows(tmp_path, [row])
    (read,) = index.read_rows(tmp_path)
    assert read.digests == {} and read.wrote_page is None and index.stale_reason(tmp_path, read) is None
    os.utime(source, (read.finished + 5, read.finished + 5))
    assert index.stale_reason(tmp_path, read) == "inputs"
    os.utime(source, (read.finished - 5, read.finished - 5))
    os.utime(page, (read.started - 60, read.started - 60))
    assert index.stale_reason(tmp_path, read) == "older"


def test_a_document_reviewed_under_an_older_folder_name_keeps_one_row(tmp_path: Path):
    source = tmp_path / "xa.txt"
    source.write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")
    old = index.Row("document", "documents/xa", {"vi": "xa.txt"}, "done", inputs=[str(source.resolve())])
    other = index.Row("document", "documents/khac", {"vi": "khac.txt"}, "done", inputs=[str(tmp_path / "khac.txt")])
    index.add_rows(tmp_path, [old, other])
    new = index.Row("document", "documents/xa-1234abcd", {"vi": "xa.txt"}, "done", inputs=[str(source.resolve())])
    index.add_rows(tmp_path, [new])
    assert sorted(r.key for r in index.read_rows(tmp_path)) == ["documents/khac", "documents/xa-1234abcd"]


def test_a_record_of_a_newer_version_with_more_fields_keeps_its_row(tmp_path: Path):
    import json

    index.add_rows(tmp_path, [index.Row("document", "documents/xa", {"vi": "xa.txt"}, "done", {"pass": 2})])
    (record,) = (tmp_path / index.RECORDS).glob("*.json")
    record.write_text(json.dumps({**json.loads(record.read_text(encoding="utf-8")), "reviewer": "Tổ 1"}), encoding="utf-8")
    index.add_rows(tmp_path, [index.Row("document", "documents/khac", {"vi": "khac.txt"}, "done", {"pass": 1})])
    assert {r.key: r.counts for r in index.read_rows(tmp_path)} == {"documents/xa": {"pass": 2}, "documents/khac": {"pass": 1}}


def test_a_row_whose_document_was_deleted_or_moved_says_so(tmp_path: Path):
    source = tmp_path / "docs" / "xa.txt"
    source.parent.mkdir()
    source.write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")
    row = index.Row("document", "documents/xa", {"vi": "xa.txt"}, "done", inputs=[str(source)],
                    digests={str(source): snapshot(source)})
    index.add_rows(tmp_path, [row])
    assert index.stale_reason(tmp_path, row) is None
    source.rename(tmp_path / "xa.txt")
    assert index.stale_reason(tmp_path, row) == "gone"
    assert "cũ: nguồn không còn ở chỗ cũ (đã xoá hoặc chuyển đi)" in index.render([row], tmp_path, "vi")
    assert "stale: the input is no longer there (deleted or moved)" in index.render([row], tmp_path, "en")
