"""The text wing: reading any report document and recomputing the numbers it states (the claims engine)."""
