"""The text wing: reading a report's text and checking the numbers it states against each other."""

from hdnd_data.text.claims import COLUMNS, check_claims, claims_summary
from hdnd_data.text.reading import ReportReadError, read_report

__all__ = ["COLUMNS", "ReportReadError", "check_claims", "claims_summary", "read_report"]
