"""``hdnd audit`` run again and again: unchanged unit-years kept, a changed one (a corrected figure, a reviewer's
decision) redone and compared with its last finished run, a killed run finished by the next, reasons in vi and en;
real kernels, real faults."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hdnd_data as hd
from hdnd_data.checks.catalogue import RULES
from hdnd_data.data.records import FINDINGS_PREVIOUS, FINDINGS_RECORD
from hdnd_data.findings.history import compare, make_record
from hdnd_data.findings.reviews import decide
from hdnd_data.runs import audit, index
from hdnd_data.runs.audit import YearResult, audit_year, engine_version, plan, run_audit, summary_lines, up_to_date, write_index
from hdnd_data.runs.digests import snapshot

from .conftest import REPO
from .test_faults_audit import audit_notebook_running

UNIT = "lang-son-city"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
RULE_IDS = [r.id for r in RULES]


def _rows(out: Path) -> dict[str, index.Row]:
    return {row.key: row for row in index.read_rows(out) if row.kind == "audit"}


def _page(out: Path, unit: str, year: int) -> Path:
    return out / unit / str(year) / "audit.html"


def _text(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


def _swap_proposals(data: Path, before: str, after: str) -> None:
    """A clerk's correction of the 2020 proposals received (same size), with the file's old time (as `cp -p`)."""
    path = data / UNIT / "2020" / "petitions.csv"
    stamp, text = path.stat(), path.read_text(encoding="utf-8")
    assert f"proposal,received,{before}" in text
    path.write_text(text.replace(f"proposal,received,{before}", f"proposal,received,{after}"), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))


def _changes(data: Path, before, unit: str = UNIT, year: int = 2020) -> dict[str, int]:
    """How many findings of ``year`` are new, resolved, changed since ``before`` (check results), worked out from the
    checks themselves."""
    after = hd.run_checks(unit=unit, year=year, data_dir=data)
    changes = compare(make_record(before, unit, year, RULE_IDS), make_record(after, unit, year, RULE_IDS))
    return {kind: int((changes["change"] == kind).sum()) for kind in ("new", "resolved", "changed")}


def test_a_rerun_keeps_unchanged_unit_years_and_redoes_a_corrected_or_decided_one(data_copy: Path, tmp_path: Path):
    out, tasks = tmp_path / "reports", plan(UNIT, None, data_copy)
    original = hd.run_checks(unit=UNIT, year=2020, data_dir=data_copy)
    first = run_audit(tasks, out, data_dir=str(data_copy), progress=False)
    assert [(r.year, r.status, r.kept) for r in first] == [(2020, "ok", False), (2023, "ok", False)]
    assert "550/564 = 97,52%" in _text(_page(out, UNIT, 2020))
    stamps = {y: _page(out, UNIT, y).stat().st_mtime_ns for y in (2020, 2023)}

    _swap_proposals(data_copy, "510", "511")  # 49 + 5 + 511 = 565, not the 564 received
    assert index.stale_reason(out, _rows(out)[f"{UNIT}/2020"]) == "inputs"
    second = {r.year: r for r in run_audit(tasks, out, data_dir=str(data_copy), progress=False)}
    assert {y: r.kept for y, r in second.items()} == {2020: False, 2023: True}
    assert _page(out, UNIT, 2023).stat().st_mtime_ns == stamps[2023]
    expected = _changes(data_copy, original)
    assert expected["new"] >= 1 and {k: second[2020].counts[k] for k in expected} == expected
    assert "49 + 5 + 511 = 565" in _text(_page(out, UNIT, 2020))
    assert summary_lines(list(second.values()))[-1] == "giữ nguyên 1 năm không thay đổi từ lần chạy trước (chạy lại tất cả: --force)"
    assert not (out / UNIT / "2020" / FINDINGS_PREVIOUS).exists()  # recorded whole: the record kept aside has served

    # nothing changed: both kept, and 2020 keeps the comparison its page shows
    third = {r.year: r for r in run_audit(tasks, out, data_dir=str(data_copy), progress=False, lang="en")}
    assert [r.kept for r in third.values()] == [False, False]  # English pages are other pages
    stamps = {y: _page(out, UNIT, y).stat().st_mtime_ns for y in (2020, 2023)}
    fourth = {r.year: r for r in run_audit(tasks, out, data_dir=str(data_copy), progress=False, lang="en")}
    assert all(r.kept for r in fourth.values())
    assert {y: _page(out, UNIT, y).stat().st_mtime_ns for y in (2020, 2023)} == stamps
    assert fourth[2020].counts["new"] == 0  # the English run compared with the Vietnamese one: no finding is new
    assert summary_lines(list(fourth.values()), "en") == ["kept 2 unit-years up to date: unchanged since their audit (to audit them again: --force)"]

    # a reviewer's decision is data of its unit-year: that page is made again, showing it
    failing = hd.run_checks(unit=UNIT, year=2020, data_dir=data_copy).query("status == 'fail'")["fingerprint"].tolist()
    assert len(failing) == 1
    decide(failing[0], "ignore", "sẽ sửa ở bản chính thức", data_dir=data_copy)
    assert index.stale_reason(out, _rows(out)[f"{UNIT}/2020"]) == "inputs"
    fifth = {r.year: r for r in run_audit(tasks, out, data_dir=str(data_copy), progress=False, lang="en")}
    assert {y: r.kept for y, r in fifth.items()} == {2020: False, 2023: True}
    assert fifth[2020].counts["decided"] == 1 and fifth[2020].counts["open_fail"] == 0
    assert "sẽ sửa ở bản chính thức" in _text(_page(out, UNIT, 2020))

    forced = run_audit(tasks, out, data_dir=str(data_copy), progress=False, lang="en", force=True)
    assert [r.kept for r in forced] == [False, False]
    assert all(index.stale_reason(out, row) is None for row in _rows(out).values())


def test_a_run_killed_before_its_record_does_not_make_the_next_compare_with_itself(data_copy: Path, tmp_path: Path):
    out = tmp_path / "reports"
    original = hd.run_checks(unit=UNIT, year=2020, data_dir=data_copy)
    run_audit([(UNIT, 2020)], out, data_dir=str(data_copy), progress=False)
    _swap_proposals(data_copy, "510", "511")
    # a run whose kernel wrote findings.json and the page, killed before the index recorded it
    killed = audit_year(UNIT, 2020, out, data_dir=str(data_copy), previous_kept=True)
    assert killed.status == "ok" and (out / UNIT / "2020" / FINDINGS_PREVIOUS).is_file()
    expected = _changes(data_copy, original)
    assert expected["new"] >= 1 and {k: killed.counts[k] for k in expected} == expected
    (again,) = run_audit([(UNIT, 2020)], out, data_dir=str(data_copy), progress=False)
    assert not again.kept and {k: again.counts[k] for k in expected} == expected  # against the last finished run
    assert not (out / UNIT / "2020" / FINDINGS_PREVIOUS).exists()
    assert {k: _rows(out)[f"{UNIT}/2020"].counts[k] for k in expected} == expected


def _recorded(data_copy: Path, tmp_path: Path) -> tuple[index.Row, Path, list[Path]]:
    """A unit-year's record as a finished run leaves it, its files written by hand (no kernel)."""
    out = tmp_path / "out"
    folder = out / UNIT / "2020"
    folder.mkdir(parents=True)
    for name in ("audit.html", "audit.ipynb", "checks.csv", FINDINGS_RECORD):
        (folder / name).write_text("{}", encoding="utf-8")
    data, unit_yaml = (data_copy / UNIT / "2020").resolve(), (data_copy / UNIT / "unit.yaml").resolve()
    result = YearResult(UNIT, 2020, "ok", {"pass": 1}, started=time.time() - 1, finished=time.time(), digest=snapshot(data),
                        wrote_page=True, sources={str(unit_yaml): snapshot(unit_yaml)}, engine=engine_version(), lang="vi")
    write_index([result], out, data_dir=str(data_copy))
    (row,) = index.read_rows(out)
    return row, out, [data, unit_yaml]


def _report(tmp_path: Path) -> Path:
    path = tmp_path / "bao_cao.txt"
    path.write_text("Đã giải quyết 45/60 kiến nghị, đạt 75,0%.\n", encoding="utf-8")
    return path.resolve()


@pytest.mark.parametrize(("spoil", "kept"), [
    (lambda row, out, inputs, tmp: None, True),
    (lambda row, out, inputs, tmp: os.utime(inputs[0] / "petitions.csv", (1, 1)), True),  # an older time, the same content
    (lambda row, out, inputs, tmp: (inputs[0] / "reviews.csv").write_text(
        "unit,year,fingerprint,decision,note,reviewer,date\n", encoding="utf-8"), False),  # a reviewer's decisions
    (lambda row, out, inputs, tmp: inputs[1].write_text("name_vi: Thành phố khác\n", encoding="utf-8"), False),
    (lambda row, out, inputs, tmp: inputs.append(_report(tmp)), False),  # a report text now given
    (lambda row, out, inputs, tmp: setattr(row, "engine", row.engine + "-old"), False),
    (lambda row, out, inputs, tmp: setattr(row, "lang", "en"), False),
    (lambda row, out, inputs, tmp: setattr(row, "status", "error"), False),
    (lambda row, out, inputs, tmp: setattr(row, "wrote_page", False), False),  # the page there is an earlier run's
    (lambda row, out, inputs, tmp: (out / UNIT / "2020" / FINDINGS_RECORD).unlink(), False),
    (lambda row, out, inputs, tmp: (out / UNIT / "2020" / "checks.csv").unlink(), False),
], ids=["same", "time-only", "decision", "unit-yaml", "report", "engine", "lang", "error", "older-page", "no-findings", "no-checks"])
def test_a_record_is_up_to_date_only_when_inputs_engine_language_and_files_hold(data_copy: Path, tmp_path: Path, spoil, kept: bool):
    row, out, inputs = _recorded(data_copy, tmp_path)
    assert set(row.digests) == {str(p) for p in inputs} and row.inputs == [str(p) for p in inputs]
    spoil(row, out, inputs, tmp_path)
    assert up_to_date(row, out, inputs, engine_version(), "vi") is kept


def test_the_audit_engine_version_follows_its_notebook_and_code(tmp_path: Path):
    version = engine_version()
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", version) and version == engine_version()
    assert engine_version(show_code=True) == version + "+code"
    notebook = tmp_path / "annual_audit.ipynb"
    notebook.write_bytes(audit.notebook_path().read_bytes() + b"\n")
    assert engine_version(notebook=notebook) != version


FAULTS = """class DataValidationError(Exception):
    pass
import os, signal
if year == 2021:
    os.kill(os.getpid(), signal.SIGKILL)
if year == 2022:
    raise ValueError("một ô hỏng")
if year == 2024:
    raise DataValidationError("petitions.csv, dòng 3, cột value: không phải số")
"""


@pytest.fixture
def fault_notebook(tmp_path: Path, monkeypatch) -> Path:
    """Its kernel dies for 2021, a cell raises for 2022, bad data for 2024."""
    return audit_notebook_running(FAULTS, tmp_path, monkeypatch)


def test_why_a_unit_year_failed_is_said_in_vietnamese_and_english(fault_notebook: Path, tmp_path: Path):
    out = tmp_path / "reports"
    (out / "u").mkdir(parents=True)
    (out / "u" / "2023").write_text("a file where the unit-year's folder belongs")
    results = {r.year: r for r in run_audit([("u", y) for y in (2021, 2022, 2023, 2024)], out, lang="en", progress=False)}
    said = {y: r.said for y, r in results.items()}
    assert said[2021]["vi"].startswith("nhân Python dừng hoặc không khởi động được (DeadKernelError")
    assert said[2021]["en"].startswith("the Python kernel died or did not start (DeadKernelError")
    assert said[2022] == {"vi": "một ô của sổ tính báo lỗi ValueError: một ô hỏng", "en": "a notebook cell raised ValueError: một ô hỏng"}
    assert said[2023]["vi"].startswith("không ghi được kết quả vào u/2023 (FileExistsError")
    assert said[2023]["en"].startswith("cannot write the output to u/2023 (FileExistsError")
    # bad data is named by the kernel in the run's language; the row and the line say "invalid" in the reader's
    assert said[2024] == {"vi": "petitions.csv, dòng 3, cột value: không phải số", "en": "petitions.csv, dòng 3, cột value: không phải số"}
    rows = _rows(out)
    assert {y: rows[f"u/{y}"].message for y in said} == said  # the index row says why, in both languages
    lines = summary_lines(list(results.values()), "en")
    assert lines[1].startswith("u 2022: error (a notebook cell raised ValueError: một ô hỏng) ")
    assert summary_lines(list(results.values()), "vi")[3].startswith("u 2024: invalid (petitions.csv, dòng 3")
    english = _text(out / "index.html")
    assert "invalid data: invalid data: petitions.csv" not in english and "invalid data: petitions.csv, dòng 3" in english
    # a failed unit-year is never kept: the next run tries it again
    assert not any(r.kept for r in run_audit([("u", 2022)], out, lang="en", progress=False))


def _synthetic(root: Path, n: int) -> list[str]:
    frames, _ = hd.synthetic.generate(n, years=(2020,), seed=11, inconsistency_rate=0.0)
    hd.synthetic.write_datasets(frames, root)
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def _whole(page: Path) -> bool:
    text = page.read_text(encoding="utf-8")
    return text.lstrip().startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


@pytest.mark.parametrize(("sent", "code", "jobs"), [(signal.SIGKILL, -signal.SIGKILL, "2"), (signal.SIGINT, 130, "1")],
                         ids=["SIGKILL", "Ctrl-C"])
def test_a_killed_audit_all_is_finished_by_the_next_without_redoing_what_it_finished(tmp_path: Path, sent, code: int, jobs: str):
    data, out = tmp_path / "data", tmp_path / "out"
    units = _synthetic(data, 4)
    assert len(units) == 4
    command = [sys.executable, "-m", "hdnd_data.cli", "audit", "--all", "--quiet", "--data-dir", str(data), "--output", str(out)]
    run = subprocess.Popen([*command, "--jobs", jobs], env=ENV, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while not _rows(out):
        assert run.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(run.pid, sent)  # the runner and its kernels: a crash, or Ctrl-C in the terminal (the whole group)
    run.wait(60)
    finished = _rows(out)
    assert 1 <= len(finished) < len(units) and run.returncode == code
    assert all(row.status == "done" for row in finished.values())  # one in progress is not recorded at all
    said = run.stderr.read()
    assert "Traceback" not in said and (sent == signal.SIGKILL or len(said.strip().splitlines()) == 1), said
    assert all(_whole(page) for page in out.glob("*/2020/audit.html"))  # each page whole or not there
    stamps = {key: (out / row.files["page"]).stat().st_mtime_ns for key, row in finished.items()}

    again = subprocess.run(command, env=ENV, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert f"giữ nguyên {len(finished)} năm không thay đổi từ lần chạy trước (chạy lại tất cả: --force)" in lines
    assert sum(" 2020: ok (" in line for line in lines) == len(units) - len(finished)
    rows = _rows(out)
    assert sorted(rows) == [f"{u}/2020" for u in units] and all(row.status == "done" for row in rows.values())
    assert {key: (out / rows[key].files["page"]).stat().st_mtime_ns for key in stamps} == stamps  # not redone
    assert all(_whole(_page(out, u, 2020)) and (out / u / "2020" / FINDINGS_RECORD).is_file() for u in units)
    assert list(out.rglob("*.tmp.ipynb")) == [] and list(out.rglob(FINDINGS_PREVIOUS)) == []
    assert all(index.stale_reason(out, row) is None for row in rows.values())


@pytest.mark.parametrize(("every", "pages"), [(3600.0, 2), (0.0, 6)], ids=["now-and-then", "each-row"])
def test_each_unit_year_is_recorded_at_once_and_the_page_rebuilt_now_and_then(monkeypatch, tmp_path: Path, every: float, pages: int):
    rendered = []
    real_render = index.render

    def counting_render(rows, output, lang="vi"):
        rendered.append(len(rows))
        return real_render(rows, output, lang)

    def fake_audit_year(unit, year, output, **kwargs):  # stands in for the notebook: only the recording is under test
        assert [row.key for row in index.read_rows(output)] == [f"u{i}/2020" for i in range(int(unit[1:]))]
        return YearResult(unit, year, "ok", {"pass": 1, "fail": 0, "warn": 0}, started=time.time(), finished=time.time())

    monkeypatch.setattr(index, "render", counting_render)
    monkeypatch.setattr(audit, "audit_year", fake_audit_year)
    monkeypatch.setattr(audit, "INDEX_EVERY", every)
    results = run_audit([(f"u{i}", 2020) for i in range(5)], tmp_path, progress=False)
    assert len(results) == 5 and len(index.read_rows(tmp_path)) == 5  # every row recorded before the next starts
    # the first row at once, then every `every` seconds, and the whole folder at the end
    assert len(rendered) == pages and rendered[0] == 1 and rendered[-1] == 5
    assert all(f"u{i}/2020" in (tmp_path / "index.html").read_text(encoding="utf-8") for i in range(5))


def test_a_record_written_without_the_page_still_keeps_the_newest_result(tmp_path: Path):
    newer = index.Row("audit", "u/2020", {"vi": "u"}, "done", {"pass": 2}, year=2020, finished=200.0)
    older = index.Row("audit", "u/2020", {"vi": "u"}, "error", message={"vi": "lỗi"}, year=2020, finished=100.0)
    index.add_rows(tmp_path, [newer])
    index.add_rows(tmp_path, [older], page=False)
    (row,) = index.read_rows(tmp_path)
    assert row.status == "done" and row.counts == {"pass": 2}


def test_invalid_data_is_named_in_both_languages_whatever_the_run_s(data_copy: Path, tmp_path: Path):
    bad = data_copy / UNIT / "2020" / "petitions.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",564", ",5.64"), encoding="utf-8")  # a count of 5.64
    out = tmp_path / "reports"
    (result,) = run_audit([(UNIT, 2020)], out, data_dir=str(data_copy), lang="en", progress=False)
    assert result.status == "invalid"
    assert result.said["en"].startswith(f"{UNIT}/2020/petitions.csv, row 5, column 'count': ")
    assert result.said["vi"].startswith(f"{UNIT}/2020/petitions.csv, dòng 5, cột 'count': ")
    assert summary_lines([result], "vi")[0].startswith(f"{UNIT} 2020: invalid ({UNIT}/2020/petitions.csv, dòng 5, cột 'count': ")
    assert _rows(out)[f"{UNIT}/2020"].message == result.said
    run_audit([], out, data_dir=str(data_copy), lang="vi", progress=False)  # the index again, in Vietnamese
    row = re.search(r"số liệu không hợp lệ: ([^<]*)", (out / "index.html").read_text(encoding="utf-8")).group(1)
    assert row.startswith(f"{UNIT}/2020/petitions.csv, dòng 5, cột &#x27;count&#x27;: ")


def test_the_review_page_of_the_report_is_an_input_of_the_audit_page_that_links_to_it(data_copy: Path, tmp_path: Path):
    from hdnd_data.data.records import document_folder
    from hdnd_data.runs.audit import sources

    report, out = _report(tmp_path), tmp_path / "out"
    unit_yaml = (data_copy / UNIT / "unit.yaml").resolve()
    before = sources(UNIT, str(report), str(data_copy), out)
    assert before == [unit_yaml, report]
    data = (data_copy / UNIT / "2020").resolve()
    for name in ("audit.html", "audit.ipynb", "checks.csv", FINDINGS_RECORD):
        (out / UNIT / "2020").mkdir(parents=True, exist_ok=True)
        (out / UNIT / "2020" / name).write_text("{}", encoding="utf-8")
    made = YearResult(UNIT, 2020, "ok", {"pass": 1}, started=time.time() - 1, finished=time.time(), digest=snapshot(data),
                      wrote_page=True, sources={str(p): snapshot(p) for p in before}, engine=engine_version(), lang="vi")
    write_index([made], out, data_dir=str(data_copy))
    (row,) = index.read_rows(out)
    assert up_to_date(row, out, [data, *before], engine_version(), "vi")
    page = out / "documents" / document_folder(report, out) / "review.html"  # `hdnd review` of the report, afterwards
    page.parent.mkdir(parents=True)
    page.write_text("<p>trang</p>", encoding="utf-8")
    after = sources(UNIT, str(report), str(data_copy), out)
    assert after == [*before, page.resolve()]
    assert not up_to_date(row, out, [data, *after], engine_version(), "vi")  # its page gains the link: made again
