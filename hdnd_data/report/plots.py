"""Charts of the audit report (matplotlib), labelled from the glossary with Vietnamese number formatting.

Each function takes the frames of one unit-year and returns a Figure, or None when there is nothing to draw.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from hdnd_data.checks.budget import implied_bases
from hdnd_data.data.numbers import format_number
from hdnd_data.labels import term
from hdnd_data.report.tables import VOTER_FLOW

Frames = Mapping[str, pd.DataFrame]
_VN = FuncFormatter(lambda value, _pos: format_number(value))
_COLOURS = ["#1f4e79", "#2e75b6", "#9dc3e6", "#c55a11", "#f4b183", "#548235"]


def _figure(width: float = 8.0, height: float = 4.0) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(width, height), dpi=100, layout="constrained")
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _label_bars(ax: plt.Axes, bars, decimals: int = 0, suffix: str = "") -> None:
    for bar in bars:
        height = bar.get_height()
        if np.isfinite(height):
            ax.annotate(format_number(height, decimals) + suffix, (bar.get_x() + bar.get_width() / 2, height),
                        ha="center", va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points")


def voter_contact_flow(frames: Frames, lang: str = "vi") -> Figure | None:
    """Per round: voters attending → speaking → contents raised → consolidated → to province / to city."""
    v = frames.get("voter_contact")
    if v is None or v.empty:
        return None
    fig, ax = _figure(9, 4.2)
    rounds = [f"{term(t, lang)} {n}" for t, n in zip(v["timing"], v["session_no"])]
    x = np.arange(len(VOTER_FLOW))
    width = 0.8 / len(v)
    for i, (label, (_, row)) in enumerate(zip(rounds, v.iterrows())):
        values = [float(row[c]) if not pd.isna(row[c]) else np.nan for c in VOTER_FLOW]
        bars = ax.bar(x + i * width - 0.4 + width / 2, values, width, label=label, color=_COLOURS[i % len(_COLOURS)])
        _label_bars(ax, bars)
    ax.set_yscale("symlog", linthresh=10)
    ax.yaxis.set_major_formatter(_VN)
    ax.set_xticks(x, [term(c, lang) for c in VOTER_FLOW], fontsize=8)
    ax.set_ylabel(term("count", lang) + (" (thang log)" if lang == "vi" else " (log scale)"))
    ax.set_title(term("voter_contact", lang))
    ax.legend(fontsize=8, frameon=False)
    return fig


def budget_execution(frames: Frames, lang: str = "vi") -> Figure | None:
    """Actual and year estimate against the estimates their percentages imply (province and city)."""
    m = implied_bases(frames)
    b = frames.get("budget_execution")
    if b is None or b.empty or m.empty:
        return None
    totals = b[b.line == "total"]
    directions = list(dict.fromkeys(totals["direction"]))
    fig, axes = plt.subplots(1, len(directions), figsize=(5 * len(directions), 5.2), dpi=100, layout="constrained", squeeze=False)
    for ax, direction in zip(axes[0], directions):
        ax.spines[["top", "right"]].set_visible(False)
        amounts = totals[totals.direction == direction].set_index("measure")["amount_mvnd"]
        labels = [term(k, lang) for k in amounts.index]
        bars = ax.bar(labels, amounts.values.astype(float), color=_COLOURS[:len(amounts)])
        _label_bars(ax, bars)
        estimates = m[(m.direction == direction) & (m.line == "total") & (m.basis != "same_period_last_year")]
        styles = {"province_estimate": ("--", "#c55a11"), "city_estimate": (":", "#548235")}
        for r in estimates.itertuples(index=False):
            style, colour = styles[r.basis]
            ax.axhspan(r.base_lo, r.base_hi, color=colour, alpha=0.15)
            ax.axhline(r.base_mid, linestyle=style, color=colour, linewidth=1,
                       label=f"{r.basis_text} ({term(r.measure, lang).lower()}: {r.percent_raw}%)")
        ax.yaxis.set_major_formatter(_VN)
        ax.set_ylabel(term("million_vnd", lang))
        ax.set_title(term(direction, lang))
        ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.1))
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
        _label_bars(ax, bars)
    ax.set_xticks(x, [term(t, lang) for t in wide.index])
    ax.yaxis.set_major_formatter(_VN)
    ax.set_title(term("petitions", lang))
    ax.legend(frameon=False)
    return fig


def economy(frames: Frames, lang: str = "vi") -> Figure | None:
    """Growth by sector (with the overall rate) and the economic structure."""
    e = frames.get("economy")
    if e is None or e.empty:
        return None
    growth = e[e.indicator == "production_value_growth"].set_index("sector")["value"]
    share = e[e.indicator == "structure_share"].set_index("sector")["value"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), dpi=100, layout="constrained")
    for ax in (ax1, ax2):
        ax.spines[["top", "right"]].set_visible(False)
    parts = growth.drop("key_sectors_total", errors="ignore")
    bars = ax1.bar([term(s, lang) for s in parts.index], parts.values, color=_COLOURS[1])
    _label_bars(ax1, bars, 1, "%")
    if "key_sectors_total" in growth:
        ax1.axhline(growth["key_sectors_total"], color=_COLOURS[3], linestyle="--",
                    label=f"{term('key_sectors_total', lang)}: {format_number(growth['key_sectors_total'], 2)}%")
        ax1.legend(frameon=False, fontsize=8)
    ax1.set_title(term("production_value_growth", lang))
    ax1.tick_params(axis="x", labelsize=8)
    if not share.empty:
        bars = ax2.bar([term(s, lang) for s in share.index], share.values, color=_COLOURS[2])
        _label_bars(ax2, bars, 1, "%")
        ax2.set_title(term("structure_share", lang))
        ax2.tick_params(axis="x", labelsize=8)
    return fig
