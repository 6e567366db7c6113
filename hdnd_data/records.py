"""Names the audit runner and the notebook it runs share: the MIME type of recorded values and the check statuses.

Kept at the bottom of the package (no imports), so that the report never imports the runner and the runner
never imports pandas.
"""

RECORD_MIME = "application/vnd.hdnd.record+json"
STATUSES = ("pass", "fail", "warn")
