"""Sentences broken over lines (a PDF's text layer, a hard-wrapped .txt) are read as the sentences they are.

A line that does not end a sentence, followed by a line that goes on in lower case or with a figure, is one sentence
with its neighbour; headings, bullet lines, table rows and lines that end a sentence stay apart. The sentences are
written for these tests (other numbers than any report).
"""

from __future__ import annotations

import pytest

from hdnd_data.text import check_claims, read_report

from .test_claims_reading import _pdf


def _claims(text: str) -> list[tuple[str, str, str, list[str]]]:
    found = check_claims(text)
    return [(r.kind, r.status, r.computed, [text[a:b] for a, b in r.spans]) for r in found.itertuples()]


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_parts_broken_over_two_lines_add_up(ending):
    # 301 + 97 + 40 = 438: the last part sits on the next line
    text = f"Tiếp nhận 438 đơn, trong đó 301 đơn kiến nghị, 97 đơn khiếu nại{ending}và 40 đơn tố cáo."
    assert _claims(text) == [("sum", "pass", "438", ["438", "301", "97", "40"])]


def test_a_wrong_part_on_the_next_line_fails():
    # 301 + 97 + 41 = 439, not 438: flagged, where cut at the line it was only an open list (a warning)
    text = "Tiếp nhận 438 đơn, trong đó 301 đơn kiến nghị, 97 đơn khiếu nại\nvà 41 đơn tố cáo."
    assert _claims(text) == [("sum", "fail", "439", ["438", "301", "97", "41"])]


def test_a_ratio_whose_percentage_is_on_the_next_line():
    # 214 / 1.260 = 16,98 % prints as 17,0 %; 412 / 438 = 94,06 %, not the 93,1 % printed
    assert _claims("Cử tri tham dự là 1.260 lượt, có 214 lượt ý kiến phát biểu,\nchiếm 17,0% số cử tri tham dự.") == [
        ("ratio", "pass", "16,98%", ["214", "1.260", "17,0"])]
    assert _claims("Các cơ quan đã giải quyết xong 412/438\nđơn, đạt tỷ lệ 93,1%.") == [("ratio", "fail", "94,06%", ["412", "438", "93,1"])]


@pytest.mark.parametrize("text", [
    # a heading, a finished sentence, bullet lines and table rows are not the sentence before them
    "KẾT QUẢ TIẾP CÔNG DÂN 438\nđơn thư đã được phân loại.",
    "Tiếp nhận 438 đơn.\nĐã giải quyết 412 đơn, đạt 94,1%.",
    "Tiếp nhận 438 đơn, gồm:\n- 301 đơn kiến nghị;\n- 97 đơn khiếu nại;\n- 40 đơn tố cáo.",
    "Loại đơn | Số đơn\nkiến nghị | 301",
])
def test_lines_that_are_not_broken_sentences_stay_apart(text):
    from hdnd_data.text.claims import _paragraphs

    lines = text.split("\n")
    paragraphs = [p for _, _, p in _paragraphs(text)]
    if text.startswith("KẾT QUẢ"):
        assert paragraphs == lines  # upper-case heading with a figure: not continued by the lower-case line
    elif "gồm:" in text:
        assert paragraphs == [text]  # the bullet block, as before: one paragraph with its line breaks
        assert "\n" in paragraphs[0]
    else:
        assert paragraphs == lines


def test_a_pdf_whose_paragraph_wraps(tmp_path):
    # the text layer gives one line per printed line; the parts (2.150 + 1.034 + 316 = 3.500) span two of them
    lines = ["Năm qua, toàn huyện tiếp 3.500 lượt công dân, trong đó 2.150 lượt tại trụ sở tiếp công dân,",
             "1.034 lượt tại các xã và 316 lượt do lãnh đạo tiếp định kỳ."]
    text = read_report(_pdf(tmp_path / "wrapped.pdf", lines))
    assert text.count("\n") >= 1
    assert _claims(text) == [("sum", "pass", "3.500", ["3.500", "2.150", "1.034", "316"])]
