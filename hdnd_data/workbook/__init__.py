"""The workbook wing: Excel export of a year's tables (or a template) and import back, for clerks."""
