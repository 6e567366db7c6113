"""Findings that last: fingerprints, reviewer decisions, history across runs, likely misprints and letters."""
