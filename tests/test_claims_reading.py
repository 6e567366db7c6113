"""Reading reports: .txt/.md/.docx/.pdf files built here, every ReportReadError reason, spans into the text, CSV."""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import docx
import matplotlib
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import hdnd_data as hd
from hdnd_data.text import ReportReadError, check_claims, read_report
from hdnd_data.text.reading import READ_REASONS

from .conftest import REPO


def _pdf(path, lines, *, encrypt=None):
    """A one-page PDF with ``lines`` in its text layer, in matplotlib's DejaVu Sans (it has Vietnamese letters)."""
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    pdf.setFont("DejaVuSans", 11)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return path


def test_docx_paragraphs_and_table_rows_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Đã trả lời 18/20 kiến nghị, đạt tỷ lệ 90%.")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Loại đơn", "Số đơn", "Tỷ lệ"]):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["Khiếu nại", "14", "35%"]):
        cell.text = value
    document.add_paragraph("Hết.")
    document.save(tmp_path / "bc.docx")
    text = read_report(tmp_path / "bc.docx")
    assert text.splitlines() == ["Đã trả lời 18/20 kiến nghị, đạt tỷ lệ 90%.", "Loại đơn | Số đơn | Tỷ lệ",
                                 "Khiếu nại | 14 | 35%", "Hết."]
    assert check_claims(text).loc[0, ["kind", "status"]].tolist() == ["ratio", "pass"]


def test_pdf_text_layer_is_read(tmp_path):
    path = _pdf(tmp_path / "bc.pdf", ["Đã trả lời 27/30 ý kiến, đạt tỷ lệ 90%.", "Trang 1"])
    text = read_report(path)
    assert "27/30" in text and "90%" in text
    row = check_claims(text).iloc[0]
    assert (row["computed"], row["status"]) == ("90,00%", "pass")


def _corrupt_docx(path):
    path.write_bytes(b"PK\x03\x04 not really a zip")


def _scanned_pdf(path):
    _pdf(path, [])


def _encrypted_pdf(path):
    _pdf(path, ["Da tra loi 27/30 y kien, dat ty le 90%."], encrypt="mat-khau")


CASES = {
    "missing": lambda d: d / "none.txt",
    "wrong_type": lambda d: (d / "bang.xlsx").write_bytes(b"PK") and d / "bang.xlsx",
    "empty": lambda d: (d / "trong.txt").write_text(" \n\n", encoding="utf-8") and d / "trong.txt",
    "not_utf8": lambda d: (d / "cu.txt").write_bytes("Báo cáo".encode("cp1258")) and d / "cu.txt",
    "corrupt": lambda d: _corrupt_docx(d / "hong.docx") or d / "hong.docx",
    "encrypted": lambda d: _encrypted_pdf(d / "khoa.pdf") or d / "khoa.pdf",
    "no_text_layer": lambda d: _scanned_pdf(d / "scan.pdf") or d / "scan.pdf",
}


@pytest.mark.parametrize("reason", READ_REASONS)
def test_every_read_error_reason(tmp_path, reason):
    path = CASES[reason](tmp_path)
    with pytest.raises(ReportReadError) as caught:
        read_report(path)
    err = caught.value
    assert err.reason == reason and err.path == path and isinstance(err, ValueError)
    vi, en = err.text("vi"), err.text("en")
    assert vi.startswith(str(path)) and en.startswith(str(path)) and vi != en and str(err) == en
    assert "\n" not in vi


def test_corrupt_pdf_and_folder(tmp_path):
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(ReportReadError) as caught:
        read_report(tmp_path / "hong.pdf")
    assert caught.value.reason == "corrupt"
    (tmp_path / "thu_muc.txt").mkdir()
    with pytest.raises(ReportReadError) as caught:
        read_report(tmp_path / "thu_muc.txt")
    assert caught.value.reason == "wrong_type"


def test_spans_are_offsets_into_the_text_given_even_when_not_nfc():
    plain = "Mở đầu **báo cáo**.\nĐã giải quyết 45/48 đơn, đạt tỷ lệ 93,8%."
    for text in (plain, unicodedata.normalize("NFD", plain)):
        row = check_claims(text).iloc[0]
        assert text[row["start"]:row["end"]] == "93,8"
        assert [text[a:b] for a, b in row["spans"]] == ["45", "48", "93,8"]
        assert row["claim_id"] == "c001" and row["convention"] == "rounding"


def test_claim_ids_do_not_depend_on_unchecked_rows():
    text = "Sản lượng chè đạt 1.200 tấn, đạt 100% kế hoạch.\nĐã trả lời 9/10 ý kiến, đạt tỷ lệ 90%."
    checked, listed = check_claims(text), check_claims(text, include_unchecked=True)
    assert checked["claim_id"].tolist() == ["c002"] and listed["claim_id"].tolist() == ["c001", "c002"]


def test_top_level_exports():
    assert hd.read_report is read_report and hd.ReportReadError is ReportReadError
    assert hd.claims_summary(hd.check_claims("Đã trả lời 9/10 ý kiến, đạt tỷ lệ 90%.")).loc["total", "pass"] == 1


def test_cli_reads_pdf_and_csv_is_spreadsheet_safe(tmp_path):
    path = _pdf(tmp_path / "bc.pdf", ["Đã trả lời 27/30 ý kiến, đạt tỷ lệ 80%."])
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "claims", str(path), "--format", "csv"],
                            capture_output=True, text=True, cwd=REPO, env=env)
    assert result.returncode == 1, result.stderr
    import pandas as pd

    frame = pd.read_csv(io.StringIO(result.stdout))
    assert frame.loc[0, "status"] == "fail" and frame.loc[0, "computed"] == "90,00%"
    # the tolerance "±0,05" is safe; a note or excerpt starting with "=" or "-" would be quoted
    from hdnd_data.text.claims import claims_csv

    hostile = check_claims("-1 =2 Đã trả lời 9/10 ý kiến, đạt tỷ lệ 90%.").assign(excerpt="=HYPERLINK(1)", note="-2+3")
    lines = claims_csv(hostile).splitlines()
    assert "'=HYPERLINK(1)" in lines[1] and "'-2+3" in lines[1]


def test_table_rows_of_a_docx_are_checked(tmp_path):
    # 17/19 = 89,47 % and 203/226 = 89,82 %: each percentage cell is given by two figures of its row
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    rows = [["Loại đơn", "Tổng số", "Đã giải quyết", "Tỷ lệ"], ["Khiếu nại", "19", "17", "89,47%"],
            ["Kiến nghị", "226", "203", "89,82%"]]
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.save(tmp_path / "bang.docx")
    frame = check_claims(read_report(tmp_path / "bang.docx"))
    assert frame["stated"].tolist() == ["89,47%", "89,82%"] and (frame["status"] == "pass").all()
    # a row whose percentage no two of its figures give is left unchecked, never flagged: columns are not known
    assert check_claims("Tố cáo | 12 | 7 | 61,2%").empty
