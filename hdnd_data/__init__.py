"""hdnd_data: the figures of Vietnamese People's Council (HĐND) reports as validated tables.

Load a table with :func:`load`, list them with :func:`tables`; every table passes its pandera schema.
Names are imported on first use, so that the ``hdnd`` command starts without pandas when it can.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "DEFAULT_UNIT": "data.layout",
    "units": "data.layout",
    "years": "data.layout",
    "unit_info": "data.layout",
    "TABLES": "data.loader",
    "DataValidationError": "data.loader",
    "NoDataError": "data.loader",
    "NoRowsWarning": "data.loader",
    "Problem": "data.loader",
    "label": "data.loader",
    "load": "data.loader",
    "load_all": "data.loader",
    "tables": "data.loader",
    "validate_frames": "data.loader",
    "run_checks": "checks.engine",
    "summarise": "checks.engine",
    "catalogue": "checks.engine",
    "Rule": "checks.engine",
    "RULES": "checks.catalogue",
    "check_claims": "text.claims",
    "claims_summary": "text.claims",
    "read_report": "text.reading",
    "ReportReadError": "text.reading",
    "review": "report.document",
    "likely_misprints": "findings.misprint",
    "decide": "findings.reviews",
    "read_reviews": "findings.reviews",
    "attach_reviews": "findings.reviews",
    "diff_folders": "findings.history",
    "write_letter": "findings.letter",
    "plot": "report.plots",
}
_SUBMODULES = {"plots": "report.plots"}  # hd.plots.budget(frames)
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{_SUBMODULES[name]}", __name__)
    try:  # submodules as attributes: hd.report, hd.checks, ...
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module 'hdnd_data' has no attribute {name!r}") from exc


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from hdnd_data.checks.catalogue import RULES  # noqa: F401
    from hdnd_data.checks.engine import Rule, catalogue, run_checks, summarise  # noqa: F401
    from hdnd_data.data.layout import DEFAULT_UNIT, unit_info, units, years  # noqa: F401
    from hdnd_data.data.loader import (  # noqa: F401
        TABLES,
        DataValidationError,
        NoDataError,
        NoRowsWarning,
        Problem,
        label,
        load,
        load_all,
        tables,
        validate_frames,
    )
    from hdnd_data.findings.history import diff_folders  # noqa: F401
    from hdnd_data.findings.letter import write_letter  # noqa: F401
    from hdnd_data.findings.misprint import likely_misprints  # noqa: F401
    from hdnd_data.findings.reviews import attach_reviews, decide, read_reviews  # noqa: F401
    from hdnd_data.report import plots  # noqa: F401
    from hdnd_data.report.document import review  # noqa: F401
    from hdnd_data.report.plots import plot  # noqa: F401
    from hdnd_data.text.claims import check_claims, claims_summary  # noqa: F401
    from hdnd_data.text.reading import ReportReadError, read_report  # noqa: F401
