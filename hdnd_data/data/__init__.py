"""The data wing: schemas, the table registry and loader, Vietnamese numbers, the data layout and atomic files.

Everything here reads or describes ``datasets/``; nothing here knows about checks, reports or documents.
"""
