"""The review page of a document, built without a kernel: marks by verdict, explanations, summary links, escaping."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from hdnd_data.report.document import render_page, with_spans
from hdnd_data.text.claims import check_claims

# Written for these tests (not from any report): the first budget line gives one base for the province estimate
# (200.000 / 80,0% = 240.000 / 96,0% = 250.000) and two for differently named council estimates (400.000 vs
# 342.857): a warn; 45/60 is 75,00%, not 81,7%: a fail; 138/150 is 92,00%: a pass.
TEXT = (
    "Tổng chi ngân sách xã thực hiện 200.000 triệu đồng, đạt 80,0% dự toán tỉnh giao, đạt 50,0% dự toán xã giao đầu năm; "
    "ước thực hiện cả năm 240.000 triệu đồng, bằng 96,0% dự toán tỉnh giao, bằng 70,0% dự toán HĐND xã giao.\n"
    "Đã giải quyết 45/60 kiến nghị của cử tri, đạt tỷ lệ 81,7%.\n"
    "Ghi chú <script>alert('x')</script> & mục 3.\n"
    "Trong năm tiếp nhận 150 đơn, đã giải quyết 138/150 đơn, đạt tỷ lệ 92,0%.\n"
)


def marks(page: str) -> dict[str, tuple[str, str, str]]:
    """Each marked number -> (status class, mark id, explanation shown on hover and focus)."""
    found = re.findall(r"<mark class='(\w+)' id='(m\d+)' tabindex='0' aria-describedby='[^']+' data-tip='([^']*)'>([^<]+)</mark>", page)
    return {number: (status, mark_id, html.unescape(tip)) for status, mark_id, tip, number in found}


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return check_claims(TEXT, include_unchecked=True)


def test_numbers_are_marked_by_the_verdict_of_their_claims(claims):
    page = render_page(TEXT, claims, "vi", "Báo cáo xã Tân Lập")
    found = marks(page)
    assert found["81,7"][0] == "fail" and found["92,0"][0] == "pass"
    assert found["50,0"][0] == "warn" and found["80,0"][0] == "pass"
    assert found["240.000"][0] == "warn"  # used by a pass and a warn: the worse shows
    tip = found["81,7"][2]
    assert tip.startswith("sai lệch · ") and "tính lại 75,00%" in tip and "sai số cho phép ±0,05" in tip
    assert "dòng 2" in tip and "nêu 81,7%" in tip
    assert "tính lại 92,00%" in found["92,0"][2]
    both = found["240.000"][2]
    assert both.count("nêu ") == 2 and "đạt ·" in both and "cần xem xét ·" in both


def test_the_summary_links_to_every_fail_and_warn_and_the_table_lists_every_claim(claims):
    page = render_page(TEXT, claims, "vi")
    found = marks(page)
    summary = page.split("<ol>")[1].split("</ol>")[0]
    links = re.findall(r"<a href='#(m\d+)'>([^<]+)</a>", summary)
    flagged = claims[claims["status"].isin(["fail", "warn"])]
    assert len(links) == len(flagged) == 2
    by_id = {mark_id: number for number, (_, mark_id, _) in found.items()}
    assert {by_id[mark_id] for mark_id, _ in links} == {"81,7", "50,0"}
    assert any(text.startswith("sai lệch · dòng 2 · tỷ lệ") for _, text in links)
    table = page.split("<tbody>")[1]
    assert table.count("<tr ") == len(claims)
    assert "Tóm tắt" in page and "Bảng các khẳng định về số liệu" in page


def test_text_from_the_document_is_escaped(claims):
    page = render_page(TEXT, claims, "vi", "<b>tên</b>")
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; mục 3." in page
    assert "<b>tên</b>" not in page and "&lt;b&gt;tên&lt;/b&gt;" in page


def test_every_status_differs_without_colour():
    from hdnd_data.report.document import STYLE

    cues = {status: re.search(rf"\.hdnd-review \.{status}\{{([^}}]*)\}}", STYLE).group(1) for status in
            ("pass", "warn", "fail", "unchecked")}
    icons = {status: re.search(rf"\.hdnd-review \.{status}::before\{{content:\"(.)\"", STYLE).group(1) for status in cues}
    assert len(set(icons.values())) == 4
    borders = {status: re.search(r"border-bottom:(\d)px (\w+)", cue).groups() for status, cue in cues.items()}
    assert len(set(borders.values())) == 4 and "font-weight:700" in cues["fail"]
    assert "mark:focus::after" in STYLE and "mark:hover::after" in STYLE and "content:attr(data-tip)" in STYLE


def test_the_english_page_has_no_vietnamese_words_of_its_own():
    claims = check_claims(TEXT, lang="en", include_unchecked=True)
    page = render_page(TEXT, claims, "en", "Commune report")
    text = re.sub(r"<div class='doc'>.*?</div>", "", page, flags=re.S)  # the document itself stays Vietnamese
    text = re.sub(r"<td>[^<]*…[^<]*</td>", "", text)  # excerpts quote the document
    assert "Summary" in text and "fail · line 2 · ratio" in text and "Figures to look at" in text
    for word in ("sai lệch", "cần xem xét", "Tóm tắt", "dòng", "tính lại"):
        assert word not in text, word


def test_spans_are_found_for_an_engine_that_gives_none(claims):
    bare = claims.drop(columns=[c for c in ("spans", "claim_id") if c in claims])
    guessed = with_spans(TEXT, bare)
    ratio = guessed[guessed["stated"] == "81,7%"].iloc[0]
    assert [TEXT[a:b] for a, b in ratio["spans"]] == ["81,7"]
    assert list(guessed["claim_id"][:2]) == ["c1", "c2"]


def test_hd_review_gives_the_claims_frame_and_raises_for_an_unreadable_document(tmp_path):
    import hdnd_data as hd
    from hdnd_data.text import ReportReadError

    document = tmp_path / "xa.txt"
    document.write_text(TEXT, encoding="utf-8")
    claims = hd.review(document, show=False)
    assert claims.loc[claims["status"] == "fail", "stated"].tolist() == ["81,7%"]
    assert {"claim_id", "spans", "convention", "hypothesis"} <= set(claims.columns)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(ReportReadError) as caught:
        hd.review(tmp_path / "empty.txt", show=False)
    assert caught.value.reason == "empty"


def test_a_kind_without_a_label_reads_as_another_claim_not_as_its_code(claims):
    renamed = claims.assign(kind=["future_kind"] * len(claims))
    page = render_page(TEXT, renamed, "vi")
    assert "future_kind" not in page and "khẳng định khác" in page


def test_every_mark_is_described_by_its_claims_rows(claims):
    page = render_page(TEXT, claims, "vi")
    described = re.findall(r"aria-describedby='([^']+)'", page)
    rows = set(re.findall(r"<tr class='row-\w+' id='([^']+)'>", page))
    assert described and all(set(ids.split()) <= rows for ids in described)
    assert len(rows) == len(claims)


def test_a_100_page_document_is_cut_into_blocks_and_its_long_table_folded():
    import sys

    from .conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_review import CHARS_PER_PAGE, paragraph

    rng = __import__("random").Random(3)
    lines, i = [], 1
    while sum(map(len, lines)) < 100 * CHARS_PER_PAGE:
        lines.append(paragraph(rng, i))
        i += 1
    text = "\n".join(lines)
    claims = check_claims(text, include_unchecked=True)
    page = render_page(text, claims, "vi")
    assert len(claims) > 200 and page.count("<div class='part'>") == -(-len(lines) // 40)
    assert "<details><summary>" in page and "<details open>" not in page  # the table starts folded
    assert f"Bảng các khẳng định về số liệu ({len(claims) // 1000}.{len(claims) % 1000:03d})" in page  # 3.438, read the Vietnamese way
    assert f"({len(claims) // 1000},{len(claims) % 1000:03d})" in render_page(text, claims, "en")
    assert ".hdnd-review .part{content-visibility:auto" in page
    small = render_page(TEXT, check_claims(TEXT, include_unchecked=True), "vi")
    assert "<details open><summary>" in small


def test_the_english_claims_print_their_own_figures_the_english_way():
    # 45/60 = 0.75 exactly; a printed 81,7 % has a tolerance of half its last digit, 0.05
    claims = check_claims(TEXT, lang="en")
    ratio = claims[claims["stated"] == "81,7%"].iloc[0]
    assert ratio["computed"] == "75.00%" and ratio["tolerance"] == "±0.05"
    assert "75.00%" in ratio["note"] and "75,00" not in ratio["note"]
    bases = claims[claims["kind"] == "percent_of_base"]
    # 200.000 / 80,0 % = 250.000 million VND: the base's interval reads with thousands commas
    assert bases["computed"].str.contains("250,").any() and not bases["computed"].str.contains(r"\d\.\d{3}").any()
    page = render_page(TEXT, claims, "en", "Commune report")
    assert "recomputed 75.00%" in page


def test_a_focused_numbers_explanation_is_not_clipped_by_its_lazily_drawn_block():
    from hdnd_data.report.document import STYLE

    # blocks are drawn lazily (content-visibility:auto), which clips what overflows them, the explanation included;
    # the block being read is drawn as usual
    assert "content-visibility:auto" in STYLE
    assert re.search(r"\.part:hover,\.hdnd-review \.part:focus-within\{content-visibility:visible\}", STYLE)
