"""Report tables rebuilt from data: real figures, Vietnamese formatting, sources cited, text escaped."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import hdnd_data as hd  # noqa: E402
from hdnd_data.data.dictionary import column_label  # noqa: E402
from hdnd_data.labels import term  # noqa: E402
from hdnd_data.report import plots  # noqa: E402
from hdnd_data.report import tables as report  # noqa: E402


@pytest.fixture(scope="module")
def y2020():
    return hd.load_all(year=2020)


@pytest.fixture(scope="module")
def y2023():
    return hd.load_all(year=2023)


def test_petition_rate_recomputed_from_counts(y2020):
    table = report.petition_rates(y2020)
    rate = table.data.set_index("indicator").loc["settlement_rate"]
    assert rate.stated == 97.5 and rate.computed == pytest.approx(97.5177, abs=1e-4)
    shown = table.display.set_index(term("stated")).loc["97,5%", term("computed")]
    assert shown == "550/564 = 97,52%"
    assert "kế hoạch suy ra ≈ 96,0%" in table.display[term("computed")].tolist()
    assert table.sources == ["Nguồn: lsc-2020-annual-report, mục I.4.3"]


def test_budget_percentages_as_printed_and_recomputed(y2020):
    table = report.budget_percentages(y2020)
    d = table.data[table.data.line == "total"].set_index(["direction", "measure", "basis"])
    # 93,2% of the province estimate recomputed against the estimate that 105% of the year estimate implies
    assert d.loc[("revenue", "actual_to_date", "province_estimate"), "recomputed"] == pytest.approx(390463 / (440000 / 1.05) * 100)
    assert d.loc[("revenue", "actual_to_date", "province_estimate"), "low"] == pytest.approx(93.15)
    # same period last year is never paired across measures
    assert pd.isna(d.loc[("expenditure", "actual_to_date", "same_period_last_year"), "recomputed"])
    assert "93,2%" in table.display[term("percent_as_printed")].tolist()
    assert "418.727 – 419.177" in table.display.iloc[:, 5].tolist()


def test_sessions_voter_contact_and_reception(y2020):
    s = report.sessions(y2020)
    assert s.display[term("session")].tolist() == ["11 (XX)", "12 (XX)", "13 (XX)"]
    assert s.display[column_label("sessions", "start_date")].tolist()[0] == "17/12/2019 – 18/12/2019"
    v = report.voter_contact(y2020)
    assert v.display[column_label("voter_contact", "voters_attending")].tolist() == ["766", "877", "356", "855"]
    assert v.display[column_label("voter_contact", "points_held")].tolist()[2] == "4/8"
    r = report.reception(y2020)
    assert r.display[column_label("citizen_reception", "contents")].tolist() == ["–", "257", "–"]


def test_2023_tables(y2023):
    e = report.economy(y2023)
    assert "10,15%" in e.display.iloc[:, 2].tolist() and "13,6 triệu USD" in e.display.iloc[:, 2].tolist()
    t = report.targets(y2023)
    assert t.display[term("count")].tolist()[:2] == ["16/18", "2/18"]
    assert report.budget_amounts(y2023).display.empty
    assert term("no_data") in report.budget_amounts(y2023).to_html()


def test_english_labels(y2020):
    table = report.petitions(y2020, lang="en")
    assert "Complaints" in table.display.iloc[:, 1].tolist()
    assert table.caption == "Petitions" and table.sources[0].startswith("Source: lsc-2020-annual-report, section")


def test_text_from_data_is_escaped(y2020):
    frames = dict(y2020)
    missions = frames["oversight_missions"].copy()
    missions.loc[0, "topic"] = "<script>alert(1)</script>"
    frames["oversight_missions"] = missions
    page = report.missions(frames).to_html()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_charts(y2020, y2023):
    fig = plots.budget_execution(y2020)
    assert [ax.get_title() for ax in fig.axes] == ["Thu ngân sách", "Chi ngân sách"]
    bars = [p.get_height() for p in fig.axes[0].containers[0]]
    assert bars == [390463.0, 440000.0]
    vc = plots.voter_contact_flow(y2020)
    assert len(vc.legends[0].get_texts()) == 4
    assert plots.economy(y2023).axes[1].get_title() == "Cơ cấu"
    assert plots.budget_execution(y2023) is None and plots.voter_contact_flow(y2023) is None
