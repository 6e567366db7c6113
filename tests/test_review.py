"""``hdnd review``: the review notebook executed with papermill on documents the tests build, bad documents, the seeds."""

from __future__ import annotations

import html
import importlib.util
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from hdnd_data.runs import index
from hdnd_data.runs.audit import audit_year, records
from hdnd_data.runs.records import document_folder
from hdnd_data.runs.review import notebook_path, run_review
from hdnd_data.text.claims import check_claims, read_report

from .conftest import REPO
from .test_review_page import TEXT

SEEDS = REPO.parent / "shared" / "seeds"
# The claims wing's reader (tables of .docx, .pdf, reasons); until it lands, .pdf is not read as a document.
FULL_READER = importlib.util.find_spec("hdnd_data.text.reading") is not None
needs_reader = pytest.mark.skipif(not FULL_READER, reason="hdnd_data.text.reading (PDF, docx tables) not on this branch yet")
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"  # Vietnamese glyphs, shipped with matplotlib

# Written for these tests: 300/400 is 75,00% (pass), 13 + 9 = 22, not 21 (fail).
DOCX_PARAGRAPH = "Năm 2024, phường tiếp nhận 400 đơn, đã giải quyết 300/400 đơn, đạt tỷ lệ 75,0%."
DOCX_TABLE = [("Chỉ tiêu", "Kết quả"), ("Giám sát", "Tổ chức 21 cuộc giám sát, trong đó 13 cuộc chuyên đề và 9 cuộc khảo sát.")]
PDF_LINE = "Đã giải quyết 72/90 kiến nghị, đạt tỷ lệ 80,0%."  # 80,00%: pass


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(DOCX_PARAGRAPH)
    table = document.add_table(rows=len(DOCX_TABLE), cols=2)
    for row, cells in zip(table.rows, DOCX_TABLE):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.save(str(path))
    return path


def _pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    page = canvas.Canvas(str(path))
    page.setFont("DejaVuSans", 11)
    for i, line in enumerate(lines):
        page.drawString(50, 780 - 16 * i, line)
    page.save()
    return path


def _folder(out: Path, document: Path) -> Path:
    """Where a document's review is in an output folder: one folder per document, named by its path."""
    return out / "documents" / document_folder(document, out)


def _marks(page: str) -> dict[str, str]:
    """Marked number -> status class, in a rendered page."""
    found = re.findall(r"<mark\b([^>]*)>([^<]+)</mark>", page)  # nbconvert may reorder and requote attributes
    return {html.unescape(number): re.search(r"class=[\"'](\w+)", attributes).group(1) for attributes, number in found}


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> tuple[Path, Path, list]:
    """A .txt, a .docx with a table and a .pdf, reviewed two at a time."""
    docs = tmp_path_factory.mktemp("docs")
    (docs / "Báo cáo xã Tân Lập.txt").write_text(TEXT, encoding="utf-8")
    _docx(docs / "phuong.docx")
    _pdf(docs / "quan.pdf", [PDF_LINE])
    (docs / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")  # not a document: a folder's search leaves it
    out = tmp_path_factory.mktemp("out")
    results = run_review([docs], out, jobs=2, progress=False)
    return docs, out, results


def test_notebook_is_committed_without_outputs_and_has_one_parameters_cell():
    nb = nbformat.read(notebook_path(), as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1 and "path =" in tagged[0].source and "lang =" in tagged[0].source


def test_the_txt_document_is_reviewed_and_its_claims_recorded(reviewed):
    docs, out, results = reviewed
    by_name = {Path(r.path).name: r for r in results}
    assert sorted(by_name) == ["Báo cáo xã Tân Lập.txt", "phuong.docx", "quan.pdf"]
    txt = by_name["Báo cáo xã Tân Lập.txt"]
    assert txt.status == "done" and txt.slug.startswith("bao-cao-xa-tan-lap-")
    folder = _folder(out, docs / "Báo cáo xã Tân Lập.txt")
    assert txt.slug == folder.name
    expected = check_claims(TEXT, include_unchecked=True)
    saved = pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False)
    assert saved["stated"].tolist() == expected["stated"].tolist()
    assert saved["status"].tolist() == expected["status"].tolist()
    recorded = records(folder / "review.ipynb")["document"]
    assert recorded["counts"] == {s: int((expected["status"] == s).sum()) for s in ("pass", "fail", "warn", "unchecked")}
    assert txt.counts == recorded["counts"] and txt.counts["fail"] == 1 and txt.counts["warn"] == 1
    page = (folder / "review.html").read_text(encoding="utf-8")
    marks = _marks(page)
    assert marks["81,7"] == "fail" and marks["92,0"] == "pass" and marks["50,0"] == "warn"
    assert "DocumentReview" not in page and "application/vnd.hdnd.record" not in page  # code hidden, records out
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert '<html lang="vi">' in page


def test_the_docx_paragraphs_are_reviewed(reviewed):
    docs, out, results = reviewed
    result = next(r for r in results if r.path.endswith("phuong.docx"))
    assert result.status == "done" and result.counts["pass"] >= 1
    marks = _marks((_folder(out, docs / "phuong.docx") / "review.html").read_text(encoding="utf-8"))
    assert marks["75,0"] == "pass"


@needs_reader
def test_the_docx_table_and_the_pdf_are_reviewed(reviewed):
    docs, out, results = reviewed
    marks = _marks((_folder(out, docs / "phuong.docx") / "review.html").read_text(encoding="utf-8"))
    assert marks["21"] == "fail"  # a sum in a table cell: 13 + 9 = 22
    claims = check_claims(read_report(docs / "quan.pdf"), include_unchecked=True)
    assert claims.loc[claims["kind"] == "ratio", "computed"].tolist() == ["80,00%"]
    pdf = next(r for r in results if r.path.endswith("quan.pdf"))
    assert pdf.status == "done" and pdf.counts["pass"] == int((claims["status"] == "pass").sum()) >= 1
    assert _marks((_folder(out, docs / "quan.pdf") / "review.html").read_text(encoding="utf-8"))["80,0"] == "pass"


def test_the_index_lists_every_document_with_its_counts(reviewed):
    docs, out, results = reviewed
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Văn bản được rà soát" in page and "Báo cáo xã Tân Lập.txt" in page and "notes.csv" not in page
    name = _folder(out, docs / "Báo cáo xã Tân Lập.txt").name
    row = re.search(rf"<tr class='done' id='documents/{name}'>(.*?)</tr>", page).group(1)
    txt = next(r for r in results if r.slug == name)
    cells = re.findall(r"<td class='n'>(\d+)</td>", row)
    assert cells == [str(txt.counts[s]) for s in ("pass", "fail", "warn", "unchecked")]
    assert f"documents/{name}/review.html" in row and f"documents/{name}/claims.csv" in row
    assert f"<small class='where'>{os.path.relpath(docs, out)}</small>" in row  # where it is: one name may be in two folders


BAD_DOCUMENTS = {
    "latin1.txt": ("not_utf8", lambda p: p.write_bytes("Đạt 3/4 chỉ tiêu".encode("cp1258", errors="replace") + b"\xff\xfe")),
    "broken.docx": ("corrupt", lambda p: p.write_bytes(b"PK\x03\x04 this is not a zip archive")),
    "empty.md": ("empty", lambda p: p.write_text("  \n", encoding="utf-8")),
}
PDF_DOCUMENTS = {
    "locked.pdf": "encrypted",
    "scan.pdf": "no_text_layer",
}


def _locked_pdf(path: Path) -> None:
    import pypdf

    source = io.BytesIO()
    _pdf(path.with_suffix(".plain"), [PDF_LINE])
    writer = pypdf.PdfWriter(clone_from=str(path.with_suffix(".plain")))
    writer.encrypt("mật khẩu")
    writer.write(source)
    path.write_bytes(source.getvalue())
    path.with_suffix(".plain").unlink()


def _scanned_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.rect(50, 500, 300, 200, fill=1)  # an image-like page: shapes, no text
    page.save()


def test_bad_documents_each_get_a_row_in_the_readers_language_and_the_others_still_run(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    expected = {}
    for name, (reason, make) in BAD_DOCUMENTS.items():
        make(docs / name)
        expected[name] = reason
    if FULL_READER:
        _locked_pdf(docs / "locked.pdf")
        _scanned_pdf(docs / "scan.pdf")
        expected.update(PDF_DOCUMENTS)
    (docs / "good.txt").write_text(DOCX_PARAGRAPH, encoding="utf-8")
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    expected.update({"missing.txt": "missing", "table.xlsx": "wrong_type"})
    out = tmp_path / "out"
    results = run_review([docs, tmp_path / "missing.txt", tmp_path / "table.xlsx"], out, jobs=2, progress=False)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name.pop("good.txt").status == "done"
    assert {name: (r.status, r.reason) for name, r in by_name.items()} == {n: ("unreadable", r) for n, r in expected.items()}
    page = (out / "index.html").read_text(encoding="utf-8")
    for name, result in by_name.items():
        assert result.message["vi"] != result.message["en"] and name in result.message["vi"]
        assert all("\n" not in said and len(said) <= 300 for said in result.message.values())  # one line each
        assert "không đọc được: " + html.escape(result.message["vi"].splitlines()[0]) in page, name
    unreadable = (_folder(out, docs / "latin1.txt") / "review.html").read_text(encoding="utf-8")
    assert "Không đọc được văn bản" in unreadable and not (_folder(out, docs / "latin1.txt") / "claims.csv").exists()
    english = index.render(index.read_rows(out), out, "en")
    assert "unreadable: " + html.escape(by_name["broken.docx"].message["en"]) in english


def test_cli_exit_codes(tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    hdnd = [sys.executable, "-m", "hdnd_data.cli", "review", "--quiet", "--output", "out"]
    refused = subprocess.run([*hdnd, "missing.txt", "notes.xlsx"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert refused.returncode == 2 and "missing.txt: không đọc được (missing.txt: " in refused.stdout
    (tmp_path / "fail.txt").write_text("Đã giải quyết 45/60 kiến nghị của cử tri, đạt tỷ lệ 81,7%.", encoding="utf-8")
    findings = subprocess.run([*hdnd, "--lang", "en", "fail.txt"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert findings.returncode == 0, findings.stderr
    assert "fail.txt: done (pass 0, fail 1, warn 0, unchecked 0)" in findings.stdout
    assert "Kernel is running" not in findings.stderr and "IPKernelApp" not in findings.stderr  # no kernel noise
    strict = subprocess.run([*hdnd, "--strict", "fail.txt"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert strict.returncode == 1
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")  # three runs, one index: all rows kept
    out = tmp_path / "out"
    assert all(f"id='documents/{_folder(out, tmp_path / name).name}'" in page for name in ("missing.txt", "notes.xlsx", "fail.txt"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the checkout")
def test_the_seeds_get_a_page_each_and_the_audit_links_to_its_document(tmp_path: Path):
    results = run_review([SEEDS], tmp_path, jobs=2, progress=False)
    assert [r.status for r in results] == ["done", "done"]
    report = next(r for r in results if Path(r.path).name.startswith("004_"))
    marks = _marks((tmp_path / "documents" / report.slug / "review.html").read_text(encoding="utf-8"))
    assert marks["97,5"] == "pass"
    assert marks["84,7"] == "warn" and marks["96,7"] == "warn"
    audit = audit_year("lang-son-city", 2020, tmp_path, report_path=report.path)
    assert audit.status == "ok"
    page = (tmp_path / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")
    assert re.search(rf"href=[\"']\.\./\.\./documents/{report.slug}/review\.html[\"']", page)
    assert "Xem văn bản với các số được đánh dấu" in page


def test_an_audit_and_a_review_into_one_folder_at_once_are_both_listed(tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    (tmp_path / "xa.txt").write_text(TEXT, encoding="utf-8")
    hdnd = [sys.executable, "-m", "hdnd_data.cli"]
    runs = [subprocess.Popen([*hdnd, "audit", "--year", "2023", "--quiet", "--output", "out"], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE),
            subprocess.Popen([*hdnd, "review", "xa.txt", "--quiet", "--output", "out"], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)]
    assert [run.wait(300) for run in runs] == [0, 0]
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "id='lang-son-city/2023'" in page and f"id='documents/{_folder(tmp_path / 'out', tmp_path / 'xa.txt').name}'" in page
    assert "<td>Thành phố Lạng Sơn</td><td>2023</td><td>hoàn tất</td>" in page


@pytest.mark.parametrize(("cell", "vi", "en"), [
    ("raise RuntimeError('hỏng ô\\ndòng hai')", "một ô của sổ tính báo lỗi RuntimeError: hỏng ô dòng hai",
     "a notebook cell raised RuntimeError: hỏng ô dòng hai"),
    ("import os\nos._exit(3)", "nhân Python dừng hoặc không khởi động được (DeadKernelError: ",
     "the Python kernel died or did not start (DeadKernelError: "),
])
def test_a_failing_cell_or_a_dead_kernel_is_the_documents_error_row_in_one_line(tmp_path: Path, cell: str, vi: str, en: str):
    from hdnd_data.runs.review import review_document

    broken = tmp_path / "broken.ipynb"
    nb = nbformat.read(notebook_path(), as_version=4)
    nb.cells.insert(1, nbformat.v4.new_code_cell(cell))
    nbformat.write(nb, broken)
    (tmp_path / "xa.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = review_document(tmp_path / "xa.txt", out, notebook=str(broken))
    assert result.status == "error" and result.message["vi"].startswith(vi) and result.message["en"].startswith(en)
    assert all("\n" not in said for said in result.message.values())
    page = (_folder(out, tmp_path / "xa.txt") / "review.html").read_text(encoding="utf-8")
    assert ("RuntimeError" if "RuntimeError" in vi else html.escape(result.message["vi"])) in page  # the traceback, or why
    from hdnd_data.runs.review import write_index

    write_index([result], out, "en")
    assert f"notebook error: {html.escape(result.message['en'])}</td>" in (out / "index.html").read_text(encoding="utf-8")


def test_pages_fetch_nothing_from_the_network(reviewed):
    docs, out, _ = reviewed
    page = (_folder(out, docs / "Báo cáo xã Tân Lập.txt") / "review.html").read_text(encoding="utf-8")
    assert re.findall(r"<(?:script|link|img)\b[^>]*(?:src|href)=[\"']?(?:https?:)?//", page) == []


@pytest.mark.parametrize(("args", "said"), [
    (["--output", "", "x.txt"], "hdnd review: --output trống; cần một đường dẫn"),
    (["--output", "x.txt", "x.txt"], "hdnd review: --output x.txt: {tmp}/x.txt là một tệp, không phải thư mục"),
    (["--output", "x.txt/out", "x.txt"], "hdnd review: --output x.txt/out: {tmp}/x.txt là một tệp, không phải thư mục"),
    (["--jobs", "0", "x.txt"], "hdnd review: --jobs '0': cần một số nguyên từ 1 trở lên"),
    (["--output", "out", "empty-folder"], "hdnd review: không có văn bản nào (.txt, .md, .docx, .pdf)"),
])
def test_cli_refuses_a_bad_output_or_nothing_to_review_in_one_line(tmp_path: Path, args: list[str], said: str):
    (tmp_path / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty-folder").mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "review", "--quiet", *args], capture_output=True,
                          text=True, env=env, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.strip() == said.format(tmp=tmp_path) and done.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty-folder", "x.txt"]  # nothing written


def test_a_blocked_output_is_the_documents_error_row_not_a_crash(tmp_path: Path):
    from hdnd_data.runs.review import review_document

    (tmp_path / "xa.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out" / "documents").mkdir(parents=True)
    _folder(tmp_path / "out", tmp_path / "xa.txt").write_text("a file where the document's folder should be", encoding="utf-8")
    result = review_document(tmp_path / "xa.txt", tmp_path / "out")
    where = f"documents/{_folder(tmp_path / 'out', tmp_path / 'xa.txt').name}"
    assert result.status == "error" and not result.wrote_page
    assert result.message == {"vi": f"không ghi được kết quả vào {where} (FileExistsError: File exists)",
                              "en": f"cannot write the output to {where} (FileExistsError: File exists)"}
