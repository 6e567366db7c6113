"""hdnd letter: the open findings of a unit-year as a letter of comments (.docx), citing sections and figures."""

from __future__ import annotations

import datetime as dt

import docx
import pandas as pd

import hdnd_data as hd
from hdnd_data.cli import main
from hdnd_data.findings.letter import write_letter
from hdnd_data.findings.page import findings_html

UNIT = "lang-son-city"


def _text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _plant_swap(data_dir) -> None:
    """Petitions received by the People's Committee printed 546 instead of 564 (I.4.3)."""
    path = data_dir / UNIT / "2020" / "petitions.csv"
    text = path.read_text(encoding="utf-8")
    assert "people_committee,all,received,564" in text
    path.write_text(text.replace("people_committee,all,received,564", "people_committee,all,received,546"), encoding="utf-8")


def test_letter_names_the_planted_swap_and_leaves_out_what_was_explained(data_copy, tmp_path, capsys):
    _plant_swap(data_copy)
    results = hd.run_checks(year=2020, data_dir=data_copy)
    bases = results.loc[(results.rule_id == "budget.implied_base_agree") & (results.status == "warn"), "fingerprint"].item()
    settled = results.loc[results.rule_id == "petition.settled_within_received"]
    fail = results.loc[(results.rule_id == "petition.types_sum_to_all") & (results.status == "fail"), "fingerprint"].item()
    assert main(["decide", bases, "--decision", "explained", "--note", "hai dự toán", "--data-dir", str(data_copy)]) == 0
    assert main(["decide", fail, "--decision", "confirmed_error", "--note", "Đã đối chiếu sổ theo dõi đơn: 564",
                 "--data-dir", str(data_copy)]) == 0
    target = tmp_path / "out" / "letter.docx"
    assert main(["letter", "--year", "2020", "--data-dir", str(data_copy), "--output", str(target)]) == 0
    flagged = results[results.status != "pass"]
    assert f"({len(flagged) - 1} điểm)" in capsys.readouterr().out  # every flagged finding but the explained one
    text = _text(target)
    assert "Kính gửi: Thường trực HĐND thành phố Lạng Sơn" in text
    assert bases not in text and "84,7%" not in text  # explained: not in the letter
    assert f"mã {fail}" in text and "Đã đối chiếu sổ theo dõi đơn: 564" in text  # confirmed error: in it, with the note
    assert "546 (I.4.3) có lẽ là 564" in text  # the likely misprint, with its section
    assert text.count("Mục I.4.3") == len(flagged[flagged.locator == "I.4.3"])
    assert len(settled) and f"Tổng số điểm góp ý: {len(flagged) - 1}" in text


def test_letter_in_english_and_without_findings(data_copy, tmp_path):
    r = hd.run_checks(year=2023, data_dir=data_copy)
    for fp in r.loc[r.status != "pass", "fingerprint"]:
        assert main(["decide", fp, "--decision", "ignore", "--note", "tin báo chí", "--data-dir", str(data_copy)]) == 0
    path = write_letter(UNIT, 2023, tmp_path / "l.docx", data_dir=data_copy, lang="en", on=dt.date(2024, 1, 15))
    text = _text(path)
    assert text.startswith("2024-01-15") and "no point remains to comment on" in text and "Points raised: 0" in text


def test_letter_refuses_a_year_without_data(capsys, tmp_path):
    assert main(["letter", "--year", "2021", "--output", str(tmp_path / "l.docx")]) == 2
    assert "2021" in capsys.readouterr().err and not (tmp_path / "l.docx").exists()


def test_the_page_escapes_text_from_data():
    results = pd.DataFrame([{"unit": UNIT, "year": 2020, "rule_id": "r", "status": "warn", "message": "<b>x</b>",
                             "source_id": "s", "locator": "I.1", "fingerprint": "0123456789ab", "decision": "explained",
                             "note": "<script>alert(1)</script>", "reviewer": "<i>", "decided_on": "2024-01-01"}])
    page = findings_html(results, results.iloc[0:0], pd.DataFrame(columns=["fingerprint", "sentence"]), None, "vi")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<i>" not in page


def test_the_page_folds_decided_findings_in_either_language():
    results = pd.DataFrame([
        {"unit": UNIT, "year": 2020, "rule_id": "budget.implied_base_agree", "status": "warn", "message": "m1", "source_id": "s",
         "locator": "I.3.2", "fingerprint": "ebb93d50628e", "decision": "explained", "note": "hai dự toán", "reviewer": "",
         "decided_on": "2024-01-01"},
        {"unit": UNIT, "year": 2020, "rule_id": "petition.types_sum_to_all", "status": "fail", "message": "m2", "source_id": "s",
         "locator": "I.4.3", "fingerprint": "0123456789ab", "decision": "", "note": "", "reviewer": "", "decided_on": ""},
    ])
    hypotheses = pd.DataFrame({"fingerprint": ["0123456789ab"], "sentence": ["likely misprint: X 546 (I.4.3) is probably 564"]})
    for lang, open_word, folded_word in (("vi", "Phát hiện chưa xử lý (1)", "Phát hiện đã có quyết định (1)"),
                                         ("en", "Open findings (1)", "Decided findings (1)")):
        page = findings_html(results, results.iloc[0:0], hypotheses, results.iloc[0:0], lang)
        opened, folded = page.split("<details>")
        assert open_word in opened and "0123456789ab" in opened and "546 (I.4.3) is probably 564" in opened
        assert "ebb93d50628e" not in opened and folded_word in folded and "hai dự toán" in folded
