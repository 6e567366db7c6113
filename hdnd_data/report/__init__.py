"""The report wing: what the audit notebook shows for one unit-year: sections, tables and charts."""
