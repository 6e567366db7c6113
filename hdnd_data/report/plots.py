"""Charts of the audit report (matplotlib), labelled from the glossary, numbers printed the reader's way.

Each function takes the frames of one unit-year and returns a Figure, or None when there is nothing to draw.
Nothing is drawn across a label: a rate that the report compares with others is a bar of its own, not a line.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from hdnd_data.checks.budget import implied_bases
from hdnd_data.data.numbers import decimals_of, format_number, format_percent
from hdnd_data.labels import msg, phrases, term
from hdnd_data.report.tables import VOTER_FLOW

Frames = Mapping[str, pd.DataFrame]
_COLOURS = ["#1f4e79", "#2e75b6", "#9dc3e6", "#c55a11", "#f4b183", "#548235"]
_WRAP = 14  # characters per line of a category label under a bar


def _numbers(lang: str, suffix: str = "") -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: format_number(value, 0, lang) + suffix)


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, _WRAP)) or text


def _new(width: float, height: float) -> Figure:
    """A figure made by pyplot (so a notebook's backend can show it) that pyplot then forgets: a notebook shows the
    returned figure once, not again at the cell's end."""
    fig = plt.figure(figsize=(width, height), dpi=100, layout="constrained")
    plt.close(fig)
    FigureCanvasAgg(fig)  # closing leaves a bare canvas; the figure still draws and saves itself
    return fig


def _figure(width: float = 8.0, height: float = 4.0) -> tuple[Figure, Axes]:
    fig = _new(width, height)
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _label_bars(ax: Axes, bars, lang: str, decimals=0, suffix: str = "", prefix: str = "", vertical: bool = False) -> None:
    """Each bar's value above it; ``decimals`` is one number or one per bar (as printed in the report)."""
    places = decimals if isinstance(decimals, list) else [decimals] * len(bars)
    for bar, places_ in zip(bars, places):
        height = bar.get_height()
        if np.isfinite(height):
            ax.annotate(prefix + format_number(height, places_, lang) + suffix, (bar.get_x() + bar.get_width() / 2, height),
                        ha="center", va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points",
                        rotation=90 if vertical else 0)
    ax.margins(y=0.12)  # room above the tallest bar for its label


def voter_contact_flow(frames: Frames, lang: str = "vi") -> Figure | None:
    """Per round: voters attending → speaking → contents raised → consolidated → to province / to city."""
    v = frames.get("voter_contact")
    if v is None or v.empty:
        return None
    fig, ax = _figure(9, 4.6)
    rounds = [f"{term(t, lang)} {n}" for t, n in zip(v["timing"], v["session_no"])]
    x = np.arange(len(VOTER_FLOW))
    width = 0.8 / len(v)
    for i, (label, (_, row)) in enumerate(zip(rounds, v.iterrows())):
        values = [float(row[c]) if not pd.isna(row[c]) else np.nan for c in VOTER_FLOW]
        bars = ax.bar(x + i * width - 0.4 + width / 2, values, width, label=label, color=_COLOURS[i % len(_COLOURS)])
        # side by side, four numbers of four digits are wider than their bars: they stand upright
        _label_bars(ax, bars, lang, vertical=len(v) > 2)
    ax.set_yscale("symlog", linthresh=10)
    ax.set_ylim(0, ax.get_ylim()[1] * 8)  # a log axis needs a factor, not a margin, above the bars' labels
    ax.yaxis.set_major_formatter(_numbers(lang))
    ax.set_xticks(x, [_wrap(term(c, lang)) for c in VOTER_FLOW], fontsize=8)
    ax.set_ylabel(f"{term('count', lang)} ({term('log_scale', lang)})")
    ax.set_title(term("voter_contact", lang))
    fig.legend(fontsize=8, frameon=False, loc="outside right upper")
    return fig


def _estimate_groups(statements: pd.DataFrame) -> list[pd.DataFrame]:
    """Statements of one basis whose implied intervals overlap are one estimate; disagreeing ones stay apart."""
    groups: list[pd.DataFrame] = []
    for _, same in statements.groupby("basis", sort=False):
        same = same.sort_values("base_lo")
        start, reach = 0, -np.inf
        for i, (lo, hi) in enumerate(zip(same["base_lo"], same["base_hi"])):
            if lo > reach and i > start:
                groups.append(same.iloc[start:i])
                start = i
            reach = max(reach, hi) if lo <= reach else hi
        groups.append(same.iloc[start:])
    return groups


def _basis_label(group: pd.DataFrame, lang: str) -> str:
    first = group.iloc[0]
    if lang == "vi":  # the report's own words for its base
        name = first.basis_text
    else:
        name = phrases("BASIS", "en")[first.basis] + phrases("QUALIFIER", "en")[first.qualifier]
    percents = ", ".join(format_percent(p, decimals_of(raw), lang) for p, raw in zip(group.percent, group.percent_raw))
    return f"{name} ({msg('implied_from', lang, percents=percents)})"


def budget_execution(frames: Frames, lang: str = "vi") -> Figure | None:
    """Actual and year estimate beside the estimates their percentages imply (province and city), as bars."""
    m = implied_bases(frames)
    b = frames.get("budget_execution")
    if b is None or b.empty or m.empty:
        return None
    totals = b[b.line == "total"]
    directions = list(dict.fromkeys(totals["direction"]))
    fig = _new(6 * len(directions), 4.8)
    axes = fig.subplots(1, len(directions), squeeze=False)
    for ax, direction in zip(axes[0], directions):
        ax.spines[["top", "right"]].set_visible(False)
        amounts = totals[totals.direction == direction].set_index("measure")["amount_mvnd"].astype(float)
        statements = m[(m.direction == direction) & (m.line == "total") & (m.basis != "same_period_last_year")]
        groups = _estimate_groups(statements)
        labels = [_wrap(term(k, lang)) for k in amounts.index] + [_wrap(_basis_label(g, lang)) for g in groups]
        x = np.arange(len(labels))
        bars = ax.bar(x[:len(amounts)], amounts.values, color=_COLOURS[:len(amounts)])
        _label_bars(ax, bars, lang)
        if groups:
            mids = [float(g.base_mid.median()) for g in groups]
            implied = ax.bar(x[len(amounts):], mids, color="white", edgecolor=_COLOURS[3], hatch="//")
            _label_bars(ax, implied, lang, prefix="≈ ")
        ax.set_xticks(x, labels, fontsize=7)
        ax.yaxis.set_major_formatter(_numbers(lang))
        ax.set_ylabel(term("million_vnd", lang))
        ax.set_title(term(direction, lang))
    if len(directions) > 1:  # one direction's title says it all
        fig.suptitle(term("budget", lang))
    return fig


def petitions(frames: Frames, lang: str = "vi") -> Figure | None:
    """Petitions received and settled by type (People's Committee and other recipients with types)."""
    p = frames.get("petitions")
    if p is None or p.empty:
        return None
    typed = p[(p.petition_type != "all") & p.status.isin(["received", "settled"])]
    if typed.empty:
        return None
    wide = typed.pivot_table(index="petition_type", columns="status", values="count", aggfunc="sum", sort=False)
    fig, ax = _figure(7, 3.8)
    x = np.arange(len(wide))
    for i, status in enumerate(wide.columns):
        bars = ax.bar(x + (i - 0.5) * 0.4, wide[status].astype(float), 0.4, label=term(status, lang), color=_COLOURS[i])
        _label_bars(ax, bars, lang)
    ax.set_xticks(x, [term(t, lang) for t in wide.index])
    ax.yaxis.set_major_formatter(_numbers(lang))
    ax.set_title(term("petitions", lang))
    fig.legend(frameon=False, loc="outside right upper")
    return fig


def economy(frames: Frames, lang: str = "vi") -> Figure | None:
    """Growth by sector beside the overall rate (its own bar) and the economic structure, on % axes."""
    e = frames.get("economy")
    if e is None or e.empty:
        return None
    growth = e[e.indicator == "production_value_growth"].set_index("sector")
    share = e[e.indicator == "structure_share"].set_index("sector")
    panels = [(growth, "production_value_growth"), (share, "structure_share")]
    panels = [(values, key) for values, key in panels if not values.empty]
    if not panels:
        return None
    fig = _new(5 * len(panels), 4)
    axes = fig.subplots(1, len(panels), squeeze=False)
    for ax, (values, key) in zip(axes[0], panels):
        ax.spines[["top", "right"]].set_visible(False)
        parts = values.drop("key_sectors_total", errors="ignore")
        colours = [_COLOURS[1 if key == "production_value_growth" else 2]] * len(parts)
        if "key_sectors_total" in values.index:  # the overall rate, beside the sectors it sums up
            parts = pd.concat([parts, values.loc[["key_sectors_total"]]])
            colours.append(_COLOURS[3])
        bars = ax.bar([_wrap(term(s, lang)) for s in parts.index], parts["value"].astype(float), color=colours)
        _label_bars(ax, bars, lang, [decimals_of(raw) for raw in parts["value_raw"]], "%")
        ax.yaxis.set_major_formatter(_numbers(lang, "%"))
        ax.set_title(term(key, lang))
        ax.tick_params(axis="x", labelsize=8)
    return fig


# The charts by the names an analyst calls them: hd.plot("budget", frames) or hd.plots.budget(frames).
budget = budget_execution
voter_contact = voter_contact_flow
CHARTS = {"budget": budget_execution, "voter_contact": voter_contact_flow, "petitions": petitions, "economy": economy}


def plot(name: str, frames: Frames | None = None, *, unit: str | None = None, year: int | None = None, lang: str = "vi",
         data_dir: str | None = None) -> Figure | None:
    """One chart of the audit report for one unit-year: ``budget``, ``voter_contact``, ``petitions`` or ``economy``.

    ``frames`` as from :func:`~hdnd_data.load_all` for one unit and year, or give ``unit`` and ``year`` to load them.
    Returns the Figure (shown once in a notebook), or None when that year has nothing to draw.
    """
    if name not in CHARTS:
        raise ValueError(f"unknown chart {name!r}; one of: {', '.join(CHARTS)}")
    if frames is None:
        from hdnd_data.data.loader import load_all

        frames = load_all(unit=unit, year=year, data_dir=data_dir, lang=lang)
    sources = frames.get("sources")
    if sources is not None and len(sources[["unit", "year"]].drop_duplicates()) > 1:
        raise ValueError("a chart shows one unit-year: pass frames of one unit and year (load_all(unit=..., year=...))")
    return CHARTS[name](frames, lang)
