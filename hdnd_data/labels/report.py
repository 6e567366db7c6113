"""Words of the reviewer's page and its charts (report wing): chart axes, folded checks, assumptions, empty sections.

Merged into the catalogue by ``labels/__init__.py``; each key maps to (Vietnamese, English).
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    # charts
    "log_scale": ("thang log", "log scale"),
    "implied_from": ("suy ra từ {percents}", "implied by {percents}"),
}
