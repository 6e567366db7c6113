"""Every sentence an analyst or clerk reads about bad data: problem messages and where they are, in vi and en.

The problem pipeline (``hdnd_data.data.problems``) names each problem by one of these keys with its values; the
same key serves a CSV file, a workbook sheet and an edited frame, so a message is worded once per language.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # where a problem is
    "where_row": ("dòng", "row"),
    "where_column": ("cột", "column"),
    "where_index": ("chỉ mục", "index"),
    "invalid_header": ("Số liệu không hợp lệ: {n} lỗi", "invalid data: {n} problem(s)"),
    # a cell that cannot be read as its column's type
    "not_integer": ("{text!r} không phải số nguyên", "{text!r} is not an integer"),
    "not_number": ("{text!r} không phải số", "{text!r} is not a number"),
    "thousands_dot": (
        "{text!r} có dấu chấm ngăn hàng nghìn kiểu Việt Nam; cột máy đọc cần số trơn {plain}",
        "{text!r} has a Vietnamese thousands dot; write the plain number {plain}",
    ),
    "decimal_comma": (
        "{text!r} có dấu phẩy thập phân; cột máy đọc cần {plain}",
        "{text!r} has a decimal comma; write {plain}",
    ),
    "too_large": (
        "{text} vượt quá số nguyên lớn nhất lưu được (±9.223.372.036.854.775.807)",
        "{text} is beyond the largest storable integer (±9,223,372,036,854,775,807)",
    ),
    "not_finite": ("{text} không phải một số hữu hạn", "{text} is not a finite number"),
    "printed_differs": (
        "con số như in {text!r} đọc là {read}, khác {partner} = {value}: một trong hai bị chép sai",
        "the figure as printed {text!r} reads {read}, not {partner} = {value}: one of the two is mistyped",
    ),
    "printed_unreadable": (
        "con số như in {text!r} không đọc được theo cách viết số Việt Nam (390.463; 93,2; 1/2) để so với {partner}",
        "the figure as printed {text!r} does not read as a Vietnamese number (390.463; 93,2; 1/2) to compare with {partner}",
    ),
    "fraction": (
        "{value} có phần thập phân; cột này chỉ nhận số nguyên",
        "{value} has a fractional part; this column takes whole numbers",
    ),
    "not_iso_date": ("{text!r} không phải ngày viết YYYY-MM-DD", "{text!r} is not a date written YYYY-MM-DD"),
    "not_true_false": ("{text!r} không phải true/false", "{text!r} is not true/false"),
    "not_text": ("{value!r} là {kind}, không phải văn bản", "{value!r} is a {kind}, not text"),
    "wrong_python_type": ("{value!r} ({kind}) không đọc được thành {expected}", "{value!r} ({kind}) cannot be read as {expected}"),
    "kind_int": ("số nguyên", "an integer"),
    "kind_float": ("số", "a number"),
    "kind_datetime": ("ngày", "a date"),
    "kind_bool": ("giá trị đúng/sai", "true/false"),
    "kind_str": ("văn bản", "text"),
    # a value that breaks its column's rule
    "not_allowed": ("{value!r} không có trong danh sách; chọn một trong: {allowed}", "{value!r} is not an allowed value; allowed: {allowed}"),
    "negative": ("{value} là số âm; số lượng và số tiền không được âm", "{value} is negative; counts and amounts cannot be"),
    "below": ("{value} nhỏ hơn {bound}", "{value} is below {bound}"),
    "above": ("{value} lớn hơn {bound}", "{value} is above {bound}"),
    "required": ("giá trị bắt buộc đang trống", "required value is empty"),
    "not_an_id": (
        "{value!r} không phải mã (chữ thường không dấu, số, dấu gạch ngang)",
        "{value!r} is not an id (lower-case ASCII letters, digits, hyphens)",
    ),
    "pattern": ("{value!r} không đúng dạng {pattern}", "{value!r} does not match the pattern {pattern}"),
    "failed_check": ("{value!r} không đạt kiểm tra {check}", "{value!r} fails the check {check}"),
    "duplicate_key": ("trùng khóa ({values}); trùng với {others}", "duplicate key ({values}); also at {others}"),
    "unknown_source": ("nguồn {value!r} không có trong sources.csv của {unit}/{year}", "{value!r} is not in sources.csv of {unit}/{year}"),
    "unknown_source_table": ("nguồn {value!r} không có trong bảng sources", "source {value!r} is not in table sources"),
    "wrong_unit_folder": ("{value!r} nhưng tệp nằm trong thư mục {folder}/", "{value!r} but the file is in folder {folder}/"),
    "wrong_year_folder": ("{value} nhưng tệp nằm trong thư mục {folder}/", "{value} but the file is in folder {folder}/"),
    # the shape of a file or frame
    "column_missing": ("thiếu cột này", "column is missing"),
    "column_unknown": ("cột lạ (bảng {table} có các cột: {columns})", "unknown column (table {table} has: {columns})"),
    "column_repeated": ("tên cột lặp lại ở dòng tiêu đề (lần {count})", "column name repeated in the header ({count} times)"),
    "too_many_fields": ("{fields} trường nhưng dòng tiêu đề có {header}", "{fields} fields but the header has {header}"),
    "not_utf8": (
        "không phải văn bản UTF-8 (byte thứ {byte} không đọc được); hãy lưu lại dạng UTF-8",
        "not UTF-8 text (byte {byte} cannot be read); save it as UTF-8",
    ),
    "empty_csv": ("tệp CSV trống: cần một dòng tiêu đề", "not a readable CSV file: it is empty (a header row is needed)"),
    "unreadable_csv": ("không đọc được tệp CSV: {error}", "not a readable CSV file: {error}"),
    "unknown_table_file": ("tệp bảng lạ; các bảng: {tables}", "unknown table file; known tables: {tables}"),
    "unexpected_file": (
        "tệp không thuộc dữ liệu; thư mục năm chỉ chứa các tệp <bảng>.csv",
        "unexpected file; a year folder holds only <table>.csv files",
    ),
    "sources_missing": ("thiếu sources.csv; thư mục năm nào cũng cần tệp này", "sources.csv is missing; every year folder needs one"),
    "unknown_table": ("bảng lạ {name!r}; các bảng: {tables}", "unknown table {name!r}; known: {tables}"),
    "not_a_year_folder": (
        "thư mục {name!r} không phải một năm (tên thư mục năm viết như 2020)",
        "folder {name!r} is not a year (year folders are named like 2020)",
    ),
    "unit_yaml_unreadable": ("không đọc được unit.yaml: {error}", "unit.yaml cannot be read: {error}"),
    "unit_yaml_shape": (
        "unit.yaml phải là bảng khóa: giá trị, có name_vi và name_en là văn bản (đang là {found})",
        "unit.yaml must be a mapping with text name_vi and name_en (found {found})",
    ),
    "unit_yaml_field": ("unit.yaml: {field} phải là văn bản (đang là {found})", "unit.yaml: {field} must be text (found {found})"),
    "no_unit_folder": (
        "không có thư mục dữ liệu của đơn vị {unit!r} trong {root} (có: {available})",
        "no data folder for unit {unit!r} in {root} (available: {available})",
    ),
    "no_data_year": ("không có dữ liệu năm {year} (có: {available})", "no data for {year} (available: {available})"),
    # coded values the shared glossary does not name
    "annual_activity_report": ("Báo cáo hoạt động năm", "Annual activity report"),
    "session_news_report": ("Bài tin về kỳ họp", "Session news report"),
    "no_qualifier": ("(không có)", "(none)"),
    "no_rows": (
        "{table}: không có dòng nào trong tài liệu nguồn của {where} (tài liệu không nêu các số liệu này)",
        "{table}: no rows in the sources of {where} (the documents print no such figures)",
    ),
    "every_unit": ("mọi đơn vị", "every unit"),
    "no_data_at_all": ("không có dữ liệu nào trong {root}", "no data at all in {root}"),
}
