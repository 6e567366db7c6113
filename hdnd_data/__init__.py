"""hdnd_data: the figures of Vietnamese People's Council (HĐND) reports as validated tables.

Load a table with :func:`load`, list them with :func:`tables`; every table passes its pandera schema.
"""

from .claims import check_claims
from .datasets import (
    DEFAULT_UNIT,
    TABLES,
    DataValidationError,
    Problem,
    load,
    load_all,
    tables,
    unit_info,
    units,
    years,
)

__all__ = [
    "DEFAULT_UNIT",
    "TABLES",
    "check_claims",
    "DataValidationError",
    "Problem",
    "load",
    "load_all",
    "tables",
    "unit_info",
    "units",
    "years",
]
__version__ = "0.1.0"
