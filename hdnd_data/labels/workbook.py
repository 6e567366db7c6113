"""Every sentence a clerk reads in or about the Excel workbook: cell problems, notes, instructions (vi, en).

Problems shared with the CSV loader (negative count, unknown value, duplicate key, ...) are worded in
``labels/data.py``; here are those only a workbook can have (a formula, a merged cell, a percentage format).
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # the workbook as a whole
    "wb_invalid_header": (
        "Tệp Excel {name} không hợp lệ: {n} lỗi; chưa ghi tệp nào.",
        "invalid workbook {name}: {n} problem(s); nothing was written.",
    ),
    "wb_unreadable": (
        "tệp Excel bị hỏng, không đọc được nội dung các trang ({error})",
        "the Excel file is damaged: its sheets cannot be read ({error})",
    ),
    "wb_not_zip": (
        "không phải tệp Excel .xlsx (có thể là tệp CSV, .xls hay văn bản được đổi tên); hãy lưu lại dạng .xlsx",
        "not an Excel .xlsx file (perhaps a renamed CSV, .xls or text file); save it as .xlsx",
    ),
    "wb_wrong_target": (
        "tệp được lập cho {wb_unit} năm {wb_year}, nhưng lệnh nhập vào {unit} năm {year}",
        "the workbook was made for {wb_unit} {wb_year}, but the import is into {unit} {year}",
    ),
    "wb_missing_sheet": ("thiếu trang {sheet}; không được xóa hay đổi tên trang", "sheet {sheet} is missing; sheets must not be deleted or renamed"),
    "wb_extra_sheet": ("trang không thuộc mẫu; các trang của mẫu: {sheets}", "sheet not in the template; its sheets are: {sheets}"),
    "wb_exists": (
        "đã có dữ liệu {unit} năm {year} trong {path}; thêm --force vào lệnh nhập để ghi đè",
        "data for {unit} {year} already exist in {path}; add --force to the import to overwrite them",
    ),
    "wb_no_data": (
        "không có dữ liệu {unit} năm {year}; dùng --template để tạo mẫu trống",
        "no data for {unit} {year}; use --template for an empty one",
    ),
    "wb_no_sources": ("trang sources chưa có dòng nào; cần ít nhất một tài liệu nguồn", "sheet sources has no row; at least one source is needed"),
    # the shape of a sheet
    "wb_merged": ("ô gộp {range}; hãy bỏ gộp ô", "merged cells {range}; unmerge them"),
    "wb_missing_column": ("thiếu cột này; mã cột của nó phải có ở dòng 2", "column is missing; its code belongs in row 2"),
    "wb_extra_column": (
        "cột {code!r} không thuộc bảng {table}; các cột: {columns}",
        "column {code!r} is not in table {table}; its columns: {columns}",
    ),
    "wb_injected_column": (
        "không nhập cột {code}: giá trị lấy từ đơn vị và năm của lệnh nhập (--unit, --year)",
        "column {code} is not entered: it comes from the unit and year of the import (--unit, --year)",
    ),
    "wb_duplicate_column": ("mã cột {code} lặp lại (đã có ở ô {first})", "column code {code} repeated (already at {first})"),
    "wb_data_outside": (
        "có dữ liệu ngoài các cột của bảng (ô {cell} không có mã cột ở dòng 2)",
        "data outside the table's columns ({cell} has no code in row 2)",
    ),
    "wb_unknown_source": ("nguồn {value!r} không có trong trang sources", "source {value!r} is not in sheet sources"),
    "wb_not_allowed": (
        "{value!r} không có trong danh sách; chọn một trong: {allowed}",
        "{value!r} is not an allowed value; allowed: {allowed}",
    ),
    # one cell
    "cell_formula": ("ô chứa công thức {formula}; chỉ nhập giá trị", "cell holds the formula {formula}; enter a value"),
    "cell_error_value": ("ô chứa lỗi {value}", "cell holds the error {value}"),
    "cell_text_int": (
        "{text!r} không phải số nguyên viết kiểu Việt Nam (ví dụ 390.463)",
        "{text!r} is not a whole number written the Vietnamese way (e.g. 390.463)",
    ),
    "cell_text_float": (
        "{text!r} không phải số viết kiểu Việt Nam (ví dụ 93,2 hoặc 1.234,5)",
        "{text!r} is not a number written the Vietnamese way (e.g. 93,2 or 1.234,5)",
    ),
    "cell_ambiguous": (
        "{text!r} có hai cách hiểu ({thousands} hay {decimal}); hãy nhập dạng số, hoặc viết {decimal_vi} nếu là số thập phân",
        "{text!r} is ambiguous ({thousands} or {decimal}); enter it as a number, or write {decimal_vi} for a decimal",
    ),
    "cell_percent_format": (
        "ô định dạng phần trăm (giá trị {value}); hãy nhập số phần trăm, ví dụ 93,2, trong ô số thường",
        "cell is formatted as a percentage (value {value}); enter the number of percent, e.g. 93,2, in a plain number cell",
    ),
    "cell_bool_in_number": ("giá trị đúng/sai {value} trong cột số", "true/false value {value} in a number column"),
    "cell_date_in_number": ("ngày tháng trong cột số", "a date in a number column"),
    "cell_not_number": ("{value!r} không phải số", "{value!r} is not a number"),
    "cell_not_date": ("{value!r} không phải ngày; nhập ngày dd/mm/yyyy", "{value!r} is not a date; enter a date dd/mm/yyyy"),
    "cell_date_with_time": ("{value} có giờ phút; chỉ nhập ngày", "{value} has a time of day; enter the date only"),
    "cell_not_bool": ("{value!r} không phải TRUE/FALSE", "{value!r} is not TRUE/FALSE"),
    "cell_number_in_text": (
        "số {value} trong cột văn bản; hãy nhập dạng văn bản, đúng như in trong tài liệu",
        "number {value} in a text column; enter it as text, as printed in the source",
    ),
    "cell_date_in_text": ("ngày tháng trong cột văn bản", "a date in a text column"),
    "cell_not_text": ("{value!r} không đọc được thành văn bản", "{value!r} cannot be read as text"),
    "wb_required": ("ô bắt buộc đang trống", "required cell is empty"),
    # header notes
    "note_unit": ("Đơn vị tính: {unit}", "Unit: {unit}"),
    "note_optional": ("Không bắt buộc: để trống khi tài liệu không nêu", "Optional: leave empty when the source does not print it"),
    "note_required": ("Bắt buộc", "Required"),
    "note_raw_optional": (
        "Không bắt buộc: để trống thì lấy từ cột {column} (viết kiểu Việt Nam); ghi khi tài liệu in khác, ví dụ 93,20",
        "Optional: left empty, it is written from column {column} the Vietnamese way; fill it when the print differs, e.g. 93,20",
    ),
    "note_kind_int": ("Số nguyên", "Whole number"),
    "note_kind_float": ("Số (có thể có phần thập phân)", "Number (decimals allowed)"),
    "note_kind_datetime": ("Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    "note_kind_bool": ("TRUE hoặc FALSE", "TRUE or FALSE"),
    "note_kind_str": ("Văn bản", "Text"),
    "note_allowed": ("Chọn trong danh sách: {values}", "Pick from the list: {values}"),
    "note_see_column": ("xem cột {column}", "see column {column}"),
    "dv_list_error": ("Hãy chọn một giá trị trong danh sách", "Choose a value from the list"),
    "dv_bool_error": ("Chọn TRUE hoặc FALSE", "TRUE or FALSE"),
    "dv_whole": ("số nguyên", "a whole number"),
    "dv_decimal": ("số", "a number"),
    "dv_range_error": ("Hãy nhập {what} ({range})", "Enter {what} ({range})"),
    "dv_from": ("từ ", ""),
    # units as a clerk reads them
    "unit_count": ("số lượng", "count"),
    "unit_person": ("người", "persons"),
    "unit_visit": ("lượt", "visits"),
    "unit_petition": ("đơn", "petitions"),
    "unit_million VND": ("triệu đồng", "million VND"),
    "unit_percent": ("%", "percent"),
    "unit_day": ("ngày", "days"),
    "unit_month": ("tháng", "months"),
    "unit_year": ("năm", "year"),
    "unit_date": ("ngày tháng", "date"),
    # the instructions sheet
    "guide_sheet": ("Hướng dẫn", "Instructions"),
    "guide_title": ("Mẫu nhập số liệu báo cáo HĐND — {name}, năm {year}", "Council (HĐND) report figures — {name}, year {year}"),
    "guide_intro": (
        "Tệp được tạo tự động từ lược đồ dữ liệu (hdnd_data). Mỗi trang sau trang này là một bảng, mang tên bảng.",
        "Generated from the data schemas (hdnd_data). Each following sheet is one table, named after it.",
    ),
    "guide_how": ("Cách điền", "How to fill it in"),
    "guide_rule_1": (
        "Dòng 1 là tên cột tiếng Việt, dòng 2 là mã cột dùng khi nhập lại: không sửa, không xóa hai dòng này. "
        "Số liệu nhập từ dòng 3, mỗi dòng một bản ghi.",
        "Row 1 holds the Vietnamese column names, row 2 the column codes used on import: do not change or delete them. "
        "Enter data from row 3, one record per row.",
    ),
    "guide_rule_2": (
        "Tiêu đề màu cam: cột bắt buộc. Màu xanh: cột để trống được khi tài liệu không nêu con số đó. "
        "Rê chuột lên ô tiêu đề để xem ý nghĩa, đơn vị tính và các giá trị được chọn.",
        "Orange headers: required columns. Blue: may stay empty when the source does not print the figure. "
        "Hover over a header for its meaning, unit and allowed values.",
    ),
    "guide_rule_3": (
        "Không thêm, xóa, đổi tên trang hoặc cột; không gộp ô; không dùng công thức, chỉ nhập giá trị.",
        "Do not add, delete or rename sheets or columns; do not merge cells; do not use formulas, only values.",
    ),
    "guide_rule_4": (
        "Số nhập dưới dạng số. Nếu nhập dạng văn bản thì viết kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân "
        "(390.463; 93,2). Cách viết hiểu được hai nghĩa, như 1.5 hay 1.500 trong cột số thập phân, sẽ bị từ chối.",
        "Enter numbers as numbers. Text numbers must be written the Vietnamese way: dot for thousands, comma for decimals "
        "(390.463; 93,2). A text that reads two ways, like 1.5 or 1.500 in a decimal column, is refused.",
    ),
    "guide_rule_5": (
        "Tỷ lệ phần trăm nhập số phần trăm (93,2), không định dạng ô kiểu %.",
        "Percentages: enter the number of percent (93,2); do not format the cell as %.",
    ),
    "guide_rule_6": (
        "Ngày nhập dưới dạng ngày của Excel (dd/mm/yyyy), hoặc văn bản 28/07/2020 hay 2020-07-28.",
        "Dates as Excel dates (dd/mm/yyyy), or the text 28/07/2020 or 2020-07-28.",
    ),
    "guide_rule_7": (
        "Cột có danh sách thả xuống: chọn một mục trong danh sách (tiếng Việt); mã tiếng Anh của mục đó cũng được nhận.",
        "Columns with a drop-down: pick an entry from the list; the entry's code is accepted too.",
    ),
    "guide_rule_8": (
        "Mỗi con số chỉ nhập một lần, ở cột số. Cột nguyên văn (mã kết thúc bằng _raw) để trống thì được ghi từ con số; "
        "chỉ điền khi tài liệu in khác, ví dụ 93,20 hoặc 1/2.",
        "Type each figure once, in its number column. An as-printed column (code ending in _raw) left empty is written from "
        "the number; fill it only when the print differs, e.g. 93,20 or 1/2.",
    ),
    "guide_rule_9": (
        "Nguồn: trang sources là bắt buộc, mỗi tài liệu một dòng, mô tả bằng tiêu đề, cơ quan ban hành và ngày. Mọi dòng ở "
        "các trang khác ghi mã nguồn (source_id, phải có trong trang sources) và mục (locator) nơi in con số, ví dụ I.3.2.",
        "Provenance: sheet sources is required, one row per document, described by title, issuer and date. Every row of the "
        "other sheets names its source (source_id, which must be in sheet sources) and the place (locator) the figure is "
        "printed, e.g. I.3.2.",
    ),
    "guide_rule_10": (
        "Đơn vị và năm không có trong các trang: khi nhập lại, chúng lấy từ đơn vị và năm của lệnh nhập.",
        "Unit and year are not in the sheets: the import takes them from its unit and year.",
    ),
    "guide_rule_11": (
        "Trang không có số liệu trong năm thì để trống, giữ hai dòng tiêu đề.",
        "Leave a sheet with no figures for the year empty, keeping its two header rows.",
    ),
    "guide_import": ("Nhập lại", "Import"),
    "guide_import_command": ("hdnd excel import <tệp>.xlsx --year {year} --unit {unit}", "hdnd excel import <file>.xlsx --year {year} --unit {unit}"),
    "guide_import_note": (
        "Mọi lỗi được liệt kê theo trang, ô và cột. Chưa tệp nào được ghi khi tệp Excel còn lỗi. "
        "Dữ liệu đã có của năm chỉ bị ghi đè khi thêm --force.",
        "Every problem is listed with its sheet, cell and column; nothing is written while the workbook has any. "
        "Existing data of the year are overwritten only with --force.",
    ),
    "guide_sheets": ("Các trang", "Sheets"),
    "guide_head_sheet": ("Trang", "Sheet"),
    "guide_head_contents": ("Nội dung", "Contents"),
    "guide_head_rows": ("Số dòng", "Rows"),
    "guide_head_key": ("Khóa (không được trùng)", "Key (must be unique)"),
}
