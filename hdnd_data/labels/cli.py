"""Every sentence the ``hdnd`` command says about its arguments, interruptions and files it cannot touch (vi, en).

The argument checks (``hdnd_data.cli.args``), the command's guard against Ctrl-C and unwritable outputs, the data
folder's refusals of links and special files and the Excel import's swap of a year folder word their lines here.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # arguments
    "cli_bad_unit": (
        "--unit {value!r} không phải mã đơn vị (chữ thường không dấu, số, dấu gạch ngang; tối đa {most} ký tự)",
        "--unit {value!r} is not a unit id (lower-case ASCII letters, digits, hyphens; at most {most} characters)",
    ),
    "cli_bad_year": ("--year {value!r} không phải một năm từ {low} đến {high}", "--year {value!r} is not a year from {low} to {high}"),
    "cli_bad_jobs": ("--jobs {value!r}: cần một số nguyên từ 1 trở lên", "--jobs {value!r}: a whole number of at least 1 is needed"),
    "cli_jobs_capped": (
        "--jobs {value}: máy này có {cores} lõi; chạy {cores} việc cùng lúc",
        "--jobs {value}: this machine has {cores} cores; running {cores} at once",
    ),
    "cli_data_dir_empty": ("--data-dir trống; cần đường dẫn thư mục dữ liệu", "--data-dir is empty; the path of the data folder is needed"),
    "cli_data_dir_not_folder": ("--data-dir {path}: là một tệp, không phải thư mục", "--data-dir {path}: is a file, not a folder"),
    "cli_data_dir_missing": ("--data-dir {path}: không có thư mục này", "--data-dir {path}: no such folder"),
    "cli_output_empty": ("--output trống; cần một đường dẫn", "--output is empty; a path is needed"),
    "cli_output_not_folder": (
        "--output {path}: {where} là một tệp, không phải thư mục",
        "--output {path}: {where} is a file, not a folder",
    ),
    "cli_output_is_folder": (
        "--output {path}: đây là một thư mục; cần tên một tệp .xlsx",
        "--output {path}: this is a folder; the name of an .xlsx file is needed",
    ),
    "cli_output_unwritable": ("--output {path}: không ghi được vào thư mục {where}", "--output {path}: the folder {where} is not writable"),
    "cli_input_missing": ("{path}: không có tệp này", "{path}: no such file"),
    "cli_input_folder": ("{path}: là một thư mục, cần một tệp", "{path}: is a folder, a file is needed"),
    "cli_input_special": ("{path}: là {what}, không phải tệp thường", "{path}: is a {what}, not a regular file"),
    "cli_unknown_unit": (
        "không có đơn vị {unit!r} trong {root} (có: {available})",
        "no unit {unit!r} in {root} (available: {available})",
    ),
    "cli_unknown_year": (
        "{unit} không có dữ liệu năm {year} (có: {available})",
        "{unit} has no data for {year} (available: {available})",
    ),
    # while running
    "cli_interrupted": (
        "đã dừng theo yêu cầu (Ctrl-C); các kết quả đã xong được giữ nguyên",
        "stopped on request (Ctrl-C); results already finished are kept",
    ),
    "cli_os_error": ("không dùng được {path}: {reason}", "cannot use {path}: {reason}"),
    # the data folder
    "symlink_refused": (
        "là liên kết (symlink) tới {target}; thư mục dữ liệu chỉ nhận tệp và thư mục thật",
        "is a symbolic link to {target}; the data folder takes real files and folders only",
    ),
    "special_file": (
        "là {what}, không phải tệp thường; thư mục dữ liệu chỉ nhận tệp và thư mục thật",
        "is a {what}, not a regular file; the data folder takes real files and folders only",
    ),
    "folder_in_file_place": ("là một thư mục, nhưng ở đây cần tệp {name}", "is a folder where the file {name} belongs"),
    "unit_yaml_syntax": (
        "không đọc được unit.yaml: sai cú pháp YAML ở ký tự thứ {char} của dòng này (xem dấu ngoặc, dấu hai chấm, thụt lề)",
        "unit.yaml cannot be read: YAML syntax error at character {char} of this line (check brackets, colons, indentation)",
    ),
    "file_unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "csv_is_other": ("là {what}, không phải tệp CSV; hãy lưu bảng dạng CSV UTF-8", "is {what}, not a CSV file; save the table as UTF-8 CSV"),
    "what_xlsx": ("một tệp Excel .xlsx (dùng hdnd excel import)", "an Excel .xlsx workbook (use hdnd excel import)"),
    "what_xls": ("một tệp Excel .xls cũ", "an old Excel .xls workbook"),
    "what_pdf": ("một tệp PDF", "a PDF file"),
    "what_fifo": ("đường ống (FIFO)", "named pipe (FIFO)"),
    "what_socket": ("socket", "socket"),
    "what_device": ("tệp thiết bị", "device file"),
    "what_other": ("tệp đặc biệt", "special file"),
    # the Excel import's swap of a year folder
    "wb_in_the_way": (
        "{path} {why}; chưa thay đổi gì, hãy dọn chỗ này rồi nhập lại",
        "{path} {why}; nothing was changed: clear it and import again",
    ),
    "wb_way_not_folder": ("là một tệp, nhưng ở đây cần thư mục", "is a file where a folder belongs"),
    "wb_way_unwritable": ("không ghi được", "is not writable"),
    "wb_way_entry": (
        "không phải tệp bảng (là thư mục, liên kết hay tệp lạ), sẽ mất khi thay cả năm",
        "is not a table file (a folder, link or other file) and would be lost when the year is replaced",
    ),
}
