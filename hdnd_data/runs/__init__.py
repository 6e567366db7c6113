"""The runners: papermill + nbconvert per unit-year (audit.py) and per document (review.py), the output folder's
merged index (index.py), and the names runners and notebooks share (records.py)."""
