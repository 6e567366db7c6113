"""The reviewer's page as the notebook shows it: every check under its section, warnings with their assumption,
no code or English on a Vietnamese page, English numbers on an English page, empty sections said once.

The page is collected from YearAudit's displays (no kernel): each displayed object as the HTML it renders to.
"""

from __future__ import annotations

import html
import re

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

import hdnd_data as hd  # noqa: E402
from hdnd_data.labels import msg, term  # noqa: E402
from hdnd_data.report import check_sections as findings  # noqa: E402
from hdnd_data.report import sections as sections_module  # noqa: E402
from hdnd_data.report import tables as report  # noqa: E402
from hdnd_data.report.words import claim_kind, locator, locators, round_name  # noqa: E402

from .conftest import REPO  # noqa: E402

SEED_2020 = next((REPO.parent / "shared" / "seeds").glob("004_*.txt"), None)


def _page(year: int, lang: str, monkeypatch, report_path=None, data_dir=None) -> tuple[str, object]:
    """The page of one year as HTML (charts left out), and the YearAudit that made it."""
    shown: list[str] = []

    def display(obj, raw=False):
        if raw:
            return
        rendered = obj._repr_html_() if hasattr(obj, "_repr_html_") else getattr(obj, "data", None)
        if isinstance(rendered, str):  # a figure has no HTML of its own
            shown.append(rendered)

    import IPython.display

    monkeypatch.setattr(IPython.display, "display", display)
    audit = sections_module.YearAudit("lang-son-city", year, lang, data_dir=data_dir)
    for step in ("header", "sessions", "oversight", "voter_contact", "reception_and_petitions", "budget", "economy"):
        getattr(audit, step)()
    audit.checks()
    audit.claims(report_path)
    return "\n".join(shown), audit


def _text(page: str) -> str:
    """What a reader sees: tags and styles removed, entities decoded."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def vi_2020():
    mp = pytest.MonkeyPatch()
    try:
        yield _page(2020, "vi", mp, str(SEED_2020) if SEED_2020 else None)
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def en_2020():
    mp = pytest.MonkeyPatch()
    try:
        yield _page(2020, "en", mp)
    finally:
        mp.undo()


def test_every_check_is_on_the_page_passing_ones_folded_under_their_section(vi_2020):
    page, audit = vi_2020
    results = audit.results
    folded = "".join(re.findall(r"<details.*?</details>", page, flags=re.S))
    for r in results.itertuples(index=False):
        assert html.escape(r.message) in page, r.rule_id
        if r.status == "pass":
            assert html.escape(r.message) in folded, r.rule_id
    # the passing checks of the budget section are folded right after its tables, before the next section
    budget = page[page.index(f"<h2>{term('budget')}</h2>"):page.index(f"<h2>{term('economy')}</h2>")] if \
        f"<h2>{term('economy')}</h2>" in page else page[page.index(f"<h2>{term('budget')}</h2>"):page.index(f"<h2>{term('checks')}</h2>")]
    n_budget_pass = int(((results.section == "budget") & (results.status == "pass")).sum())
    assert n_budget_pass > 0 and html.escape(msg("page.passing_folded", "vi", n=n_budget_pass)) in budget
    # the recomputation is shown with each passing check: 550/564 is the settlement rate's
    assert "550/564" in folded


def test_rules_belong_to_the_section_of_their_figures():
    assert findings.section_of_rule("budget.implied_base_agree") == "budget"
    assert findings.section_of_rule("voter.speakers_within_attendees") in ("voter_contact", findings.OTHER)
    assert findings.section_of_rule("no.such.rule") == findings.OTHER
    assert {findings.section_of_rule(r.id) for r in hd.RULES} - set(findings.SECTIONS) <= {findings.OTHER}


def test_every_warning_shows_its_assumption(vi_2020):
    page, audit = vi_2020
    warns = audit.results[audit.results.status == "warn"]
    assumed = warns[warns.assumption.fillna("").str.len() > 0]
    assert len(assumed) >= 1  # the 2020 expenditure: two names of the city's estimate taken as one
    for r in assumed.itertuples(index=False):
        assert html.escape(r.assumption) in page
    assert f"<th>{term('assumption')}</th>" in page


def test_no_code_or_english_on_a_vietnamese_page(vi_2020):
    page, audit = vi_2020
    text = _text(page)
    for code in ("after-11", "before-13", "note 1", "para ", "invalid data", "percent_of_base", "problem(s)"):
        assert code not in text, code
    assert not set(audit.results.rule_id) & set(re.findall(r"[a-z_]+\.[a-z_]+", text))  # no rule ids
    assert "sau kỳ họp 11" in text and "mục I.1.3, ghi chú 1" in text
    if SEED_2020:
        assert claim_kind("percent_of_base") in text and " sum " not in text


def test_english_page_prints_numbers_the_english_way(en_2020):
    page, _ = en_2020
    text = _text(page)
    assert "390,463" in text and "93.2%" in text and "550/564 = 97.52%" in text
    assert "390.463" not in text and "93,2%" not in text and "97,52%" not in text
    assert "section I.3.2" in text and "mục" not in text


@pytest.mark.parametrize("year", [2020, 2023])
def test_english_page_keeps_vietnamese_only_in_names_quoted_from_the_source(en_2020, year, monkeypatch):
    page, audit = en_2020 if year == 2020 else _page(year, "en", monkeypatch)
    vietnamese = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
    quoted = set(audit.frames["sources"][["title", "issuer"]].to_numpy().ravel()) | set(audit.frames["oversight_missions"].topic) \
        | set(audit.frames["oversight_missions"].units.dropna()) | {audit.info["name_en"]}
    leaks = []
    for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>|<p[^>]*>(.*?)</p>|<h\d>(.*?)</h\d>|<summary>(.*?)</summary>", page, flags=re.S):
        value = html.unescape(re.sub(r"<[^>]+>", "", "".join(cell))).strip()
        value = re.sub(r"«[^»]*»", "", value)  # the names of bases, quoted
        if vietnamese.search(value) and value not in quoted and not any(q in value for q in quoted):
            leaks.append(value)
    assert leaks == [], leaks


def test_budget_rate_is_recomputed_against_the_named_base_and_a_disagreement_is_marked():
    frames = hd.load_all(year=2020)
    table = report.budget_percentages(frames)
    d = table.data[table.data.line == "total"].set_index(["direction", "measure", "basis"])
    # 93,2% of the province estimate: 105% of it is the year estimate 440.000, so it is 418.952-419.048 → agrees
    row = d.loc[("revenue", "actual_to_date", "province_estimate")]
    assert row.agrees and not row.assumed
    # 84,7% of the city's estimate "at the start of the year": the only other statement of a city estimate is
    # 96,7% of "the city's estimate", which implies 679.214; 472.408 / 679.214 = 69,55% ≠ 84,7% → marked, assumed
    row = d.loc[("expenditure", "actual_to_date", "city_estimate")]
    assert row.recomputed == pytest.approx(472408 / (656800 / 0.967) * 100) and not row.agrees and row.assumed
    shown = table.display.set_index(term("percent_as_printed")).loc["84,7%", term("page.base_check")]
    assert shown.startswith("✗") and "69,55%" in shown and "«dự toán thành phố giao đầu năm»" in shown
    assert table.display.set_index(term("percent_as_printed")).loc["93,2%", term("page.base_check")] == "✓ " + term("page.base_agrees")


def test_a_year_without_a_section_says_so_once(monkeypatch):
    page, _ = _page(2023, "vi", monkeypatch)
    text = _text(page)
    assert text.count(term("no_data")) == 0
    said = msg("page.sections_absent", "vi", year=2023, sections="; ".join(term(s) for s in ("voter_contact", "citizen_reception",
                                                                                         "petitions", "budget")))
    assert text.count(said) == 1
    for absent in ("voter_contact", "citizen_reception", "petitions", "budget"):
        assert f"<h2>{term(absent)}</h2>" not in page


def test_locators_and_rounds_in_words():
    assert locator("I.1.3 note 1") == "mục I.1.3, ghi chú 1" and locator("I.1.3 note 1", "en") == "section I.1.3, note 1"
    assert locators(["I.2", "I.3.1", "I.2", "para 3; para 4"]) == "mục I.2, I.3.1; đoạn 3; đoạn 4"
    assert locator("preamble", "en") == "preamble" and locator("phụ lục 2") == "phụ lục 2"
    assert round_name("before-13;after-13") == "trước kỳ họp 13, sau kỳ họp 13"
    assert round_name("after-11", "en") == "after session 11"


def test_invalid_data_page_is_styled_translated_and_names_the_unit(data_copy, tmp_path):
    from hdnd_data.runs.audit import audit_year

    bad = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",564", ",5.64"), encoding="utf-8")
    result = audit_year("lang-son-city", 2020, tmp_path, lang="en", data_dir=str(data_copy))
    assert result.status == "invalid"
    page = (tmp_path / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")
    assert "<style>" in page and "Lạng Sơn city — 2020" in page and "lang-son-city 2020" not in page
    assert "<h2>Invalid data</h2>" in page and "<p>invalid data: 1 problem(s)</p>" in page
    assert "<li>lang-son-city/2020/petitions.csv, row 5, column &#x27;count&#x27;" in page
    assert "lỗi" not in page and "dòng" not in page  # the problems in the page's language


def test_every_warning_rests_on_a_stated_assumption_on_real_and_synthetic_units():
    from hdnd_data import synthetic

    frames, truth = synthetic.generate(40, seed=5, inconsistency_rate=1.0)
    for results in (hd.run_checks(year=[2020, 2023]), hd.run_checks(frames=frames, lang="en")):
        warns = results[results.status == "warn"]
        assert len(warns) > 0
        assert (warns.assumption.fillna("").str.len() > 0).all(), warns.loc[warns.assumption.fillna("") == "", "rule_id"].tolist()


def test_a_table_does_not_repeat_its_sections_heading(vi_2020):
    page, _ = vi_2020
    for section in ("sessions", "voter_contact", "budget"):
        heading = html.escape(term(section))
        assert page.count(f"<h2>{heading}</h2>") == 1 and f"<strong>{heading}</strong>" not in page
    assert f"<strong>{html.escape(term('personnel_changes'))}</strong>" in page  # other tables keep their caption


def test_a_decided_finding_is_not_listed_again_among_the_flagged(data_copy, monkeypatch):
    from hdnd_data.findings.reviews import decide

    results = hd.run_checks(unit="lang-son-city", year=2020, data_dir=data_copy)
    # the 2020 report's 84,7 % and 96,7 % of two differently named city estimates: a warning a reviewer explains
    # (472.408 / 84,7 % ≈ 557.743 against 656.800 / 96,7 % ≈ 679.214 million VND)
    warn = results[(results["rule_id"] == "budget.implied_base_agree") & (results["status"] == "warn")].iloc[0]
    assert round(472_408 / 0.847) == round(warn["stated"]) and round(656_800 / 0.967) == round(warn["computed"])
    decide(warn["fingerprint"], "explained", "hai dự toán khác nhau", unit="lang-son-city", year=2020, data_dir=data_copy)
    page, _ = _page(2020, "vi", monkeypatch, data_dir=data_copy)
    title = html.escape(term("page.flagged_checks", "vi"))
    at = page.index(title)
    flagged = page[at:page.index("</table>", at)]
    assert html.escape(term("rule.budget.implied_base_agree", "vi")) not in flagged
    undecided = results[(results["status"] != "pass") & (results["fingerprint"] != warn["fingerprint"])]
    assert len(undecided) and all(html.escape(term(f"rule.{r}", "vi")) in flagged for r in undecided["rule_id"])
