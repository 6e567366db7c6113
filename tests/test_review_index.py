"""The index of an output folder: records merged from partial and concurrent runs, newest result per row, stale rows."""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

import pytest

from hdnd_data.runs import index
from hdnd_data.runs.audit import YearResult, write_index
from hdnd_data.runs.records import document_folder


def _row_keys(page: str) -> list[str]:
    return re.findall(r"<tr class='[^']*' id='([^']+)'>", page)


def _document(slug: str, counts: dict[str, int] | None = None, status: str = "done") -> index.Row:
    return index.Row("document", f"documents/{slug}", {"vi": f"{slug}.txt", "en": f"{slug}.txt"}, status, counts or {},
                     files={"page": f"documents/{slug}/review.html"})


def test_a_partial_run_keeps_the_rows_of_earlier_runs(tmp_path: Path):
    write_index([YearResult("lang-son-city", 2020, "ok", {"pass": 30, "fail": 1, "warn": 2})], tmp_path)
    index.add_rows(tmp_path, [_document("bao-cao", {"pass": 4, "fail": 1, "warn": 0, "unchecked": 2})])
    write_index([YearResult("lang-son-city", 2023, "ok", {"pass": 12, "fail": 0, "warn": 1})], tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert _row_keys(page) == ["lang-son-city/2020", "lang-son-city/2023", "documents/bao-cao"]
    # the unit by its name from unit.yaml, every word Vietnamese: no id in a cell, no "OK"
    assert page.count("<td>Thành phố Lạng Sơn</td>") == 2 and "<td>lang-son-city</td>" not in page
    assert "OK" not in page and page.count("hoàn tất") == 3
    assert "Báo cáo theo đơn vị và năm" in page and "Văn bản được rà soát" in page
    assert "<td class='n'>30</td>" in page
    index.add_rows(tmp_path, [_document("dai", {"pass": 3206, "fail": 12})])  # counts the reader's way
    assert "<td class='n'>3.206</td>" in (tmp_path / "index.html").read_text(encoding="utf-8")
    english = index.render(index.read_rows(tmp_path), tmp_path, "en")
    assert "<td class='n'>3,206</td>" in english
    assert "<td>Lạng Sơn city</td>" in english and "done" in english and "hoàn tất" not in english


def test_a_row_keeps_its_newest_result(tmp_path: Path):
    late = _document("bao-cao", {"fail": 2})
    early = _document("bao-cao", {"fail": 5})
    early.finished = late.finished - 60  # a run that started earlier finished its write after the later one
    index.add_rows(tmp_path, [late])
    index.add_rows(tmp_path, [early])
    (row,) = index.read_rows(tmp_path)
    assert row.counts == {"fail": 2}


def test_rows_whose_output_is_gone_or_whose_input_changed_are_stale(tmp_path: Path):
    source = tmp_path / "bao-cao.txt"
    source.write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")
    page = tmp_path / "documents" / "bao-cao" / "review.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>trang</p>", encoding="utf-8")
    row = _document("bao-cao", {"fail": 0})
    row.inputs = [str(source)]
    index.add_rows(tmp_path, [row])
    assert index.stale_reason(tmp_path, row) is None and "cũ" not in (tmp_path / "index.html").read_text(encoding="utf-8")
    os.utime(source, (row.finished + 5, row.finished + 5))  # the document was edited after its review
    assert index.stale_reason(tmp_path, row) == "inputs"
    os.utime(source, (row.finished - 5, row.finished - 5))
    row.started = row.finished - 2
    os.utime(page, (row.finished - 60, row.finished - 60))  # a page left by an earlier run: this one could not write it
    assert index.stale_reason(tmp_path, row) == "older"
    page.unlink()
    assert index.stale_reason(tmp_path, row) == "missing"
    text = index.render(index.read_rows(tmp_path), tmp_path, "vi")
    assert "class='done stale'" in text and "cũ: tệp kết quả không còn" in text


def test_titles_and_messages_from_data_are_escaped(tmp_path: Path):
    row = index.Row("document", "documents/x", {"vi": "<script>alert(1)</script>.txt"}, "unreadable",
                    message={"vi": "tệp bị hỏng <b>"})
    index.add_rows(tmp_path, [row])
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in page
    assert "không đọc được: tệp bị hỏng &lt;b&gt;" in page


def _add_many(folder: str, prefix: str, n: int) -> None:
    for i in range(n):
        index.add_rows(folder, [_document(f"{prefix}-{i:02d}", {"pass": i})])


def test_two_runs_into_one_folder_at_once_are_both_listed(tmp_path: Path):
    context = multiprocessing.get_context("spawn")
    runs = [context.Process(target=_add_many, args=(str(tmp_path), prefix, 15)) for prefix in ("a", "b")]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
        assert run.exitcode == 0, f"exit code {run.exitcode} (None: still running after 120 s)"
    keys = _row_keys((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert sorted(keys) == sorted(f"documents/{p}-{i:02d}" for p in "ab" for i in range(15))


def test_the_index_is_rebuilt_only_under_the_lock(tmp_path: Path):
    context = multiprocessing.get_context("spawn")
    with index._locked(tmp_path):
        run = context.Process(target=_add_many, args=(str(tmp_path), "c", 1))
        run.start()
        run.join(3)
        assert run.is_alive() and not (tmp_path / "index.html").exists()  # waiting for the lock
    run.join(30)
    assert run.exitcode == 0 and "documents/c-00" in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "status", "named"), [("letter", "done", "'letter'"), ("audit", "OK", "'OK'")])
def test_an_unknown_kind_or_status_is_refused(kind, status, named):
    with pytest.raises(ValueError, match=named):
        index.Row(kind, "k", {}, status)


def test_an_interrupted_review_keeps_the_rows_of_the_documents_it_finished(tmp_path: Path, monkeypatch):
    from hdnd_data.runs import review as review_runner

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Đạt 3/4 chỉ tiêu.", encoding="utf-8")

    def fake_review_then_ctrl_c(path, output, *, name, lang):  # no kernel: the first ends, Ctrl-C during the second
        if name.startswith("b-"):
            raise KeyboardInterrupt
        return review_runner.DocumentResult(str(path), name, "done", {"pass": 1, "fail": 0, "warn": 0, "unchecked": 0},
                                            finished=1e9)

    monkeypatch.setattr(review_runner, "review_document", fake_review_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        review_runner.run_review([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out", progress=False)
    first = document_folder(tmp_path / "a.txt", tmp_path / "out")
    assert _row_keys((tmp_path / "out" / "index.html").read_text(encoding="utf-8")) == [f"documents/{first}"]


def test_an_audit_row_is_stale_when_its_data_changed_after_the_run(data_copy: Path, tmp_path: Path):
    out = tmp_path / "out"
    page = out / "lang-son-city" / "2020" / "audit.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>trang</p>", encoding="utf-8")
    write_index([YearResult("lang-son-city", 2020, "ok", {"pass": 3, "fail": 0, "warn": 0})], out, data_dir=str(data_copy))
    (row,) = index.read_rows(out)
    assert row.inputs == [str(data_copy.resolve() / "lang-son-city" / "2020")] and index.stale_reason(out, row) is None
    edited = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    os.utime(edited, (row.finished + 5, row.finished + 5))  # a clerk corrected a figure after the audit
    assert index.stale_reason(out, row) == "inputs"
    assert "cũ: nguồn đã thay đổi sau lần chạy" in index.render(index.read_rows(out), out, "vi")
