"""A paragraph that crosses a page break: the page numbers and running headers or footers between its lines neither
become figures nor split it; a number cut at its thousands dot ("1.\\n234") is one number.

The PDFs are built here with reportlab; the sentences are written for these tests (other numbers than any report).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from hdnd_data.text import check_claims, read_report
from hdnd_data.text.claims import _paragraphs

HEADER = "UBND HUYỆN B - Báo cáo công tác tiếp công dân năm 2025"


def _claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    found = check_claims(text)
    return [(r.kind, r.status, r.computed, [text[a:b] for a, b in r.spans]) for r in found.itertuples()]


def _pages(path: Path, pages: list[list[str]], footers: list[str]) -> Path:
    """A PDF of several pages: a running header on each, the page's lines, and a footer at the bottom."""
    font = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font)))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for lines, footer in zip(pages, footers):
        pdf.setFont("DejaVuSans", 11)
        pdf.drawString(72, 800, HEADER)
        for i, line in enumerate(lines):
            pdf.drawString(72, 760 - 16 * i, line)
        pdf.drawString(280, 40, footer)
        pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("footer", ["- 3 -", "Trang 3", "Trang 3/7", "3"])
def test_a_paragraph_across_a_page_break_is_one_sentence(tmp_path, footer):
    # 1.720 + 845 + 293 = 2.858: the last part is on the next page, after the footer and the next page's header
    pages = [["Tiếp nhận 2.858 đơn, trong đó 1.720 đơn kiến nghị, 845 đơn khiếu nại", "và"],
             ["293 đơn tố cáo.", "Đã xử lý xong toàn bộ."]]
    text = read_report(_pages(tmp_path / "pages.pdf", pages, [footer, "Trang 4"]))
    assert footer in text and text.count(HEADER) == 2  # the furniture is in the text layer
    assert _claims(text) == [("sum", "pass", "2.858", ["2.858", "1.720", "845", "293"])]


def test_a_wrong_part_across_a_page_break_fails(tmp_path):
    # 1.720 + 845 + 239 = 2.804, not 2.858: the list is closed by "và" on the next page (239 printed for 293)
    pages = [["Tiếp nhận 2.858 đơn, trong đó 1.720 đơn kiến nghị, 845 đơn khiếu nại", "và"], ["239 đơn tố cáo."]]
    text = read_report(_pages(tmp_path / "pages.pdf", pages, ["- 3 -", "- 4 -"]))
    found = check_claims(text)
    assert found[["stated", "computed", "status"]].values.tolist() == [["2.858 = 1.720 + 845 + 239", "2.804", "fail"]]
    assert "293" in found.loc[0, "hypothesis"]


def test_a_breakdown_opening_the_next_page_has_the_total_of_the_page_before(tmp_path):
    # the page ends with the total; the next page opens "Trong đó:" after the footer and the header (96 + 57 = 153)
    pages = [["Trong năm, các cơ quan tiếp nhận 153 đơn."], ["Trong đó: khiếu nại 96 đơn, tố cáo 57 đơn."]]
    text = read_report(_pages(tmp_path / "pages.pdf", pages, ["Trang 5", "Trang 6"]))
    assert _claims(text) == [("sum", "pass", "153", ["153", "96", "57"])]


def test_furniture_lines_are_no_paragraphs_and_no_figures():
    text = f"{HEADER}\nĐã giải quyết 45/48 đơn, đạt 93,8%.\n- 7 -\n\x0c{HEADER}\nTrang 8\nHết."
    paragraphs = [p for _, _, p in _paragraphs(text)]
    assert paragraphs == ["Đã giải quyết 45/48 đơn, đạt 93,8%.", "Hết."]
    assert _claims(text) == [("ratio", "pass", "93,75%", ["45", "48", "93,8"])]


def test_a_lone_number_line_is_kept_where_it_parts_no_sentence():
    # a column of figures one to a line (a table read line by line) is not page numbers: "3" stays a paragraph
    text = "Số đơn theo quý:\n12\n3\nHết năm."
    assert [p for _, _, p in _paragraphs(text)] == ["Số đơn theo quý:", "12", "3", "Hết năm."]


def test_a_header_line_printed_once_is_text():
    # a line printed once is no running header: the heading stays its own paragraph
    text = "Tiếp nhận 2.858 đơn, trong đó 1.720 đơn kiến nghị\nTrang 3\nUBND HUYỆN B\nvà 1.138 đơn khác."
    assert [p for _, _, p in _paragraphs(text)][:1] == ["Tiếp nhận 2.858 đơn, trong đó 1.720 đơn kiến nghị"]


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_number_broken_at_its_thousands_dot_is_one_number(ending):
    # 1.000 + 274 = 1.274: "1." ends the line, "274" opens the next
    text = f"Năm qua tiếp 1.{ending}274 lượt công dân, trong đó 1.000 lượt tại trụ sở và 274 lượt tại các xã."
    assert _claims(text) == [("sum", "pass", "1.274", [f"1.{ending}274", "1.000", "274"])]
    found = check_claims(text)
    assert found.loc[0, "line"] == 1


def test_a_sentence_ending_in_a_number_then_a_list_number_stays_apart():
    # "… là 12." then a line "2. …" (a numbered item): no thousands dot joins them (the next line has no three digits)
    text = "Số kiến nghị đã trả lời là 12.\n2. Kết quả giải quyết đơn thư: đã giải quyết 45/48 đơn, đạt 93,8%."
    assert _claims(text) == [("ratio", "pass", "93,75%", ["45", "48", "93,8"])]
    assert check_claims(text).loc[0, "line"] == 2


def test_a_sentence_with_figures_said_twice_is_read_twice():
    # a line printed twice with figures is no running header: both are read (45/48 = 93,75 %)
    text = "Đã giải quyết 45/48 đơn thuộc thẩm quyền, đạt 93,8%.\nNội dung khác.\nĐã giải quyết 45/48 đơn thuộc thẩm quyền, đạt 93,8%."
    assert [status for _, status, _, _ in _claims(text)] == ["pass", "pass"]
