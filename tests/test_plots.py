"""Charts measured with matplotlib's renderer: no text overlaps another, a bar or a line; % on percentage axes.

Every text actually drawn (titles, tick labels, bar labels, legend entries) is recorded with its box on the
canvas; real years, a revenue-only year and synthetic units (other sizes, planted errors) are all measured.
"""

from __future__ import annotations

import itertools
from unittest import mock

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

import hdnd_data as hd  # noqa: E402
from hdnd_data import synthetic  # noqa: E402
from hdnd_data.report import plots  # noqa: E402

CHARTS = ["voter_contact_flow", "budget_execution", "petitions", "economy"]
GAP = 1.0  # pixels: boxes that merely touch are not an overlap


def _drawn(fig) -> tuple[list[tuple[str, object]], list, list, list]:
    """Texts drawn (text, box), bars (boxes), reference lines (boxes) and legends (boxes) of a figure."""
    texts = []
    original = Text.draw

    def record(self, renderer):
        original(self, renderer)
        if self.get_visible() and self.get_text().strip():
            texts.append((self.get_text(), self.get_window_extent(renderer), self))

    with mock.patch.object(Text, "draw", record):
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    bars, lines, legends = [], [], []
    for ax in fig.axes:
        # a bar is seen only inside its axes; a line is as thick as it is drawn
        bars += [Bbox.intersection(p.get_window_extent(renderer), ax.bbox) for p in ax.patches
                 if isinstance(p, Rectangle) and p.get_height() != 0]
        lines += [_thick(line.get_window_extent(renderer), line.get_linewidth() * fig.dpi / 72) for line in ax.get_lines()]
        legends += [(leg, leg.get_window_extent(renderer)) for leg in ax.findobj(Legend)]
    legends += [(leg, leg.get_window_extent(renderer)) for leg in fig.legends]
    return texts, bars, lines, legends


def _thick(box, width: float):
    pad = max(width / 2 - box.height / 2, 0)
    return Bbox.from_extents(box.x0, box.y0 - pad, box.x1, box.y1 + pad)


def _overlap(a, b) -> bool:
    if a is None or b is None:
        return False
    return (min(a.x1, b.x1) - max(a.x0, b.x0)) > GAP and (min(a.y1, b.y1) - max(a.y0, b.y0)) > GAP


def overlaps(fig) -> list[str]:
    """Every pair of things on the figure that cover each other, described; empty when the figure is clean."""
    texts, bars, lines, legends = _drawn(fig)
    found = []
    width, height = fig.canvas.get_width_height()
    for text, box, _ in texts:
        if box.x0 < -GAP or box.y0 < -GAP or box.x1 > width + GAP or box.y1 > height + GAP:
            found.append(f"{text!r} is cut by the figure's edge")
    for (a, box_a, _), (b, box_b, _) in itertools.combinations(texts, 2):
        if _overlap(box_a, box_b):
            found.append(f"{a!r} overlaps {b!r}")
    for text, box, artist in texts:
        in_legend = any(artist in leg.get_texts() for leg, _ in legends)
        if not in_legend:
            found += [f"{text!r} is hidden by a bar" for bar in bars if _overlap(box, bar)]
            found += [f"a reference line crosses {text!r}" for line in lines if _overlap(box, line)]
            found += [f"the legend covers {text!r}" for _, leg in legends if _overlap(box, leg)]
    for _, leg in legends:
        found += ["the legend covers a bar" for bar in bars if _overlap(leg, bar)]
    for a, b in itertools.combinations(lines, 2):
        if abs(a.y0 - b.y0) < 4 and a.height < 6 and b.height < 6:
            found.append("two reference lines coincide")
    return found


def _measure(frames, lang: str) -> dict[str, list[str]]:
    problems = {}
    for name in CHARTS:
        fig = getattr(plots, name)(frames, lang)
        if fig is not None:
            problems[name] = overlaps(fig)
            plt.close(fig)
    return problems


def test_the_measure_sees_an_overlap():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar(["a", "b"], [1, 2])
    ax.text(0.5, 0.5, "a label", transform=ax.transAxes)
    ax.text(0.52, 0.52, "another label", transform=ax.transAxes)
    ax.axhline(1.0)
    ax.axhline(1.001)
    found = overlaps(fig)
    plt.close(fig)
    assert "'a label' overlaps 'another label'" in found
    assert "two reference lines coincide" in found and "'a label' is hidden by a bar" in found


@pytest.mark.parametrize("year", [2020, 2023])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_real_charts_have_no_overlap(year, lang):
    problems = _measure(hd.load_all(year=year), lang)
    assert problems and problems == {name: [] for name in problems}


def test_revenue_only_year_has_no_overlap():
    frames = dict(hd.load_all(year=2020))
    for name in ("budget_execution", "budget_percentages"):
        frames[name] = frames[name][frames[name].direction == "revenue"]
    fig = plots.budget_execution(frames, "vi")
    assert len(fig.axes) == 1 and overlaps(fig) == []
    plt.close(fig)


def test_synthetic_units_have_no_overlap():
    frames, truth = synthetic.generate(6, seed=3, inconsistency_rate=1.0)
    assert not truth.empty
    for (unit, year), _ in frames["sources"].groupby(["unit", "year"]):
        one = {name: f[(f.unit == unit) & (f.year == year)] for name, f in frames.items()}
        problems = _measure(one, "vi")
        assert problems == {name: [] for name in problems}, (unit, year)


def test_percentage_axes_say_percent():
    fig = plots.economy(hd.load_all(year=2023), "vi")
    for ax in fig.axes:
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        assert labels and all(label.endswith("%") for label in labels), labels
    plt.close(fig)


def test_english_chart_numbers_read_the_english_way():
    fig = plots.budget_execution(hd.load_all(year=2020), "en")
    texts = [t for t, _, _ in _drawn(fig)[0]]
    plt.close(fig)
    assert "390,463" in texts and "390.463" not in texts


def test_growth_chart_shows_the_overall_rate_as_printed_beside_the_sectors():
    fig = plots.economy(hd.load_all(year=2023), "vi")
    texts = [t for t, _, _ in _drawn(fig)[0]]
    plt.close(fig)
    # 2023: agriculture 4,5%, industry 11,9%, services 9,9%, overall 10,15% (two decimals, as printed)
    assert {"4,5%", "11,9%", "9,9%", "10,15%"} <= set(texts)
    assert "Chung các\nngành chủ yếu" in texts or "chung các\nngành chủ yếu" in texts


def test_budget_chart_keeps_disagreeing_bases_apart():
    fig = plots.budget_execution(hd.load_all(year=2020), "vi")
    texts = [t for t, _, _ in _drawn(fig)[0]]
    plt.close(fig)
    # 472.408 / 84,7% ≈ 557.743 and 656.800 / 96,7% ≈ 679.214: two city estimates, two bars;
    # 390.463 / 93,2% and 440.000 / 105% agree on the province's (≈ 419.000): one bar
    assert "≈ 557.743" in texts and "≈ 679.214" in texts
    assert sum(t.startswith("≈ 41") for t in texts) == 1


def test_charts_from_the_top_level_are_shown_once():
    plt.close("all")
    fig = hd.plot("budget", unit="lang-son-city", year=2020)
    assert [ax.get_title() for ax in fig.axes] == ["Thu ngân sách", "Chi ngân sách"]
    same = hd.plots.budget(hd.load_all(year=2020), "en")
    assert [ax.get_title() for ax in same.axes] == ["Revenue", "Expenditure"]
    # pyplot does not hold them: a notebook shows the returned figure, and nothing again at the cell's end
    assert plt.get_fignums() == []
    assert hd.plot("economy", unit="lang-son-city", year=2020) is None  # the 2020 report has no economy figures
    with pytest.raises(ValueError, match="budget, voter_contact, petitions, economy"):
        hd.plot("growth", unit="lang-son-city", year=2020)
    with pytest.raises(ValueError, match="one unit-year"):
        hd.plot("budget", hd.load_all())


def test_a_chart_shows_once_in_a_notebook(tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        'import hdnd_data as hd\nhd.plot("budget", unit="lang-son-city", year=2020)')])
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert sum("image/png" in o.get("data", {}) for o in outputs) == 1, outputs
