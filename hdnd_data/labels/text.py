"""Every word a reader sees from the claims engine (hdnd_data.text): kinds, conventions, misprints, read errors.

Keys are grouped by what they name; the engine asks for ``msg(key, lang, **values)`` and never words a sentence
itself, so a claim's note reads the same in the command, the audit page and a data frame.
"""

from __future__ import annotations

# key -> (Vietnamese, English)
TERMS: dict[str, tuple[str, str]] = {
    # a report file that cannot be read (ReportReadError.reason)
    "read_missing": ("{path}: không có tệp này", "{path}: no such file"),
    "read_wrong_type": ("{path}: không đọc được loại tệp «{suffix}»; dùng .txt, .md, .docx hoặc .pdf",
                        "{path}: cannot read a «{suffix}» file; use .txt, .md, .docx or .pdf"),
    "read_empty": ("{path}: tệp không có chữ nào", "{path}: the file holds no text"),
    "read_not_utf8": ("{path}: không phải văn bản UTF-8 (byte {byte}); hãy lưu lại dạng UTF-8",
                      "{path}: not UTF-8 text (byte {byte}); save it as UTF-8"),
    "read_corrupt": ("{path}: tệp {suffix} bị hỏng, không mở được ({detail})",
                     "{path}: a damaged {suffix} file that cannot be opened ({detail})"),
    "read_encrypted": ("{path}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi kiểm tra lại",
                       "{path}: the PDF is password-protected; remove the password and try again"),
    "read_no_text_layer": ("{path}: PDF không có lớp chữ (bản quét ảnh); cần nhận dạng chữ (OCR) trước",
                           "{path}: the PDF has no text layer (a scanned image); run text recognition (OCR) first"),
    # claim kinds (the codes of the ``kind`` column)
    "kind_ratio": ("tỷ lệ a/b", "ratio a/b"),
    "kind_sum": ("tổng các phần", "parts and total"),
    "kind_count": ("phân số đếm", "count fraction"),
    "kind_difference": ("chênh lệch", "difference"),
    "kind_growth": ("tốc độ tăng", "growth"),
    "kind_shares": ("cơ cấu (tổng 100%)", "shares (to 100%)"),
    "kind_percent_of_base": ("tỷ lệ so với gốc", "percent of a base"),
    "kind_average": ("số bình quân", "average"),
    "kind_number": ("số viết sai dạng", "malformed number"),
    # rounding conventions (the ``convention`` column)
    "convention_rounding": ("làm tròn", "rounding"),
    "convention_truncation": ("cắt bỏ chữ số (không làm tròn)", "truncation (digits dropped, not rounded)"),
    "convention_bound": ("giới hạn (từ gần đúng)", "bound (an approximate word)"),
    "convention_exact": ("đúng tuyệt đối", "exact"),
    # ratios
    "ratio_off": ("{a}/{b} = {value}%, không làm tròn thành {printed}", "{a}/{b} = {value}%, which does not round to {printed}"),
    "ratio_truncated": ("{a}/{b} = {value}%: {printed} chỉ khớp khi cắt bỏ chữ số thừa, không làm tròn",
                        "{a}/{b} = {value}%: {printed} holds only when the extra digits are dropped, not rounded"),
    "ratio_base_in_text": ("gốc {b} nêu trong đoạn", "the base {b} is stated in the paragraph"),
    "ratio_other_base": ("{printed} là tỷ lệ trên {base} nêu trong đoạn, không phải trên {b}",
                         "{printed} is a share of the {base} stated in the paragraph, not of {b}"),
    "ratio_unstated_base": ("{printed} khớp nếu là tỷ lệ trên {base} (gốc không nêu trong văn bản, suy ra từ các tỷ lệ của đoạn), "
                            "không phải trên {b}",
                            "{printed} holds as a share of {base} (a base not stated, implied by the percentages of the paragraph), "
                            "not of {b}"),
    "ratio_inferred_base": ("gốc {b} là số cùng loại duy nhất nêu trong đoạn", "{b} is the only figure of its kind in the paragraph"),
    "ratio_table_row": ("trong hàng của bảng, {a}/{b} cho đúng tỷ lệ này", "in this table row, {a}/{b} gives this percentage"),
    "ratio_named_base_stated": ("gốc {b} là số nêu trước trong đoạn mang tên gốc", "the base {b} is the amount stated before under the base's name"),
    "ratio_spelled": ("«{word}» đọc là số đếm; gốc {b} nêu trong đoạn", "«{word}» read as a count; the base {b} is stated in the paragraph"),
    "ratio_base_above": ("gốc {b} nêu ở đoạn trên (phép chia khớp tỷ lệ in)",
                         "the base {b} is stated in a paragraph above (it gives the printed share)"),
    "ratio_base_before": ("gốc {b} là tổng số nêu ở đoạn trước", "the base {b} is the total stated in the paragraph before"),
    "ratio_sentence_pair": ("{a}/{b} là cặp số duy nhất trong câu cho đúng tỷ lệ này",
                            "{a}/{b} is the one pair of the sentence's figures that gives this rate"),
    "ratio_named_base_above": ("gốc {b} là số nêu ở đoạn trên, cùng tên với gốc mà tỷ lệ này nêu",
                               "the base {b} is a figure stated above, named as this percentage names its base"),
    "ratio_named_base_sibling": ("gốc {b} là gốc đã cho đúng các tỷ lệ cùng tên ở trên",
                                 "the base {b} is the one that gave the percentages of the same name above"),
    "ratio_table_column": ("cột tỷ lệ của bảng là «{a}»/«{b}», như ở các hàng khác",
                           "the table's percentage column is «{a}»/«{b}», as in its other rows"),
    "table_total_row": ("hàng «{label}» của bảng so với các hàng trên nó", "the table's «{label}» row against the rows above it"),
    "bound_holds": ("«{word} {printed}» đọc là giới hạn: {a}/{b} = {value}%", "«{word} {printed}» read as a bound: {a}/{b} = {value}%"),
    "bound_off": ("«{word} {printed}» đọc là giới hạn, nhưng {a}/{b} = {value}%", "«{word} {printed}» read as a bound, but {a}/{b} = {value}%"),
    # averages
    "average_figures": ("tổng {total} chia cho {units}", "the total {total} divided by {units}"),
    "average_off": ("{total}/{units} = {value}, không làm tròn thành {printed}", "{total}/{units} = {value}, which does not round to {printed}"),
    "average_truncated": ("{total}/{units} = {value}: {printed} chỉ khớp khi cắt bỏ chữ số thừa, không làm tròn",
                          "{total}/{units} = {value}: {printed} holds only when the extra digits are dropped, not rounded"),
    # parts and totals
    "part_changes_off": (
        "thay đổi của các phần cộng lại là {computed}, khác thay đổi của tổng ({total})",
        "the parts' changes add up to {computed}, not the whole's change ({total})",
    ),
    "change_up": ("tăng", "up"),
    "change_down": ("giảm", "down"),
    "parts_off": ("các phần cộng lại {computed}, khác tổng {total}", "the parts add up to {computed}, not {total}"),
    "parts_open": ("các phần cộng lại {computed}, khác {total}; giả định các phần là toàn bộ có thể sai",
                   "the parts add up to {computed}, not {total}; they may not be all the parts"),
    "parts_rest_of_total": ("phần còn lại của {total} sau {part} nêu ở trên", "the rest of {total} after the {part} stated above"),
    "parts_fraction_wholes": ("các phân số cùng loại, tổng mẫu số là {total} nêu ngay trước",
                              "fractions listed together, their wholes add up to the {total} stated just before"),
    "parts_elsewhere": ("một cách chia khác của tổng {total} (ở câu sau)", "another partition of the total {total} (in a later sentence)"),
    # changes
    "change_wrong_direction": ("văn bản nói «{word}» nhưng {before} → {now} thay đổi ngược chiều",
                               "the text says «{word}» but {before} → {now} changes the other way"),
    "change_off": ("{now} − {before} = {value}, khác {printed}", "{now} − {before} = {value}, not {printed}"),
    "change_rel_off": ("({now} − {before}) / {before} = {value}%, không làm tròn thành {printed}",
                       "({now} − {before}) / {before} = {value}%, which does not round to {printed}"),
    "change_truncated": ("({now} − {before}) / {before} = {value}%: {printed} chỉ khớp khi cắt bỏ chữ số, không làm tròn",
                         "({now} − {before}) / {before} = {value}%: {printed} holds only when digits are dropped, not rounded"),
    "change_before_found": ("số kỳ trước {before} nêu trong đoạn", "the earlier figure {before} is stated in the paragraph"),
    "contributions_off": ("các mức đóng góp cộng lại {total} điểm phần trăm, khác mức tăng {whole}; có thể chưa kể hết",
                          "the contributions add up to {total} points, not the growth of {whole}; some may be missing"),
    "hyp_change": ("có thể {right} bị in thành {printed} ({slip})", "possibly {right} printed as {printed} ({slip})"),
    "hyp_count_before": ("có thể số kỳ trước {right} bị in thành {printed} ({slip})",
                         "possibly the earlier figure {right} printed as {printed} ({slip})"),
    # misprint hypotheses
    "hyp_percent": ("có thể {right}% bị in thành {printed}% ({slip})", "possibly {right}% printed as {printed}% ({slip})"),
    "hyp_base": ("có thể gốc là {right}, in thành {printed} ({slip})", "possibly the base is {right}, printed as {printed} ({slip})"),
    "hyp_count": ("có thể {right} bị in thành {printed} ({slip})", "possibly {right} printed as {printed} ({slip})"),
    "hyp_part": ("có thể phần {right} bị in thành {printed} ({slip})", "possibly the part {right} printed as {printed} ({slip})"),
    "hyp_total": ("có thể tổng {right} bị in thành {printed} ({slip})", "possibly the total {right} printed as {printed} ({slip})"),
    "hyp_or": (" hoặc ", " or "),
    "slip_swapped": ("đảo hai chữ số", "two digits swapped"),
    "slip_comma": ("lệch dấu phẩy thập phân", "decimal comma moved"),
    "slip_dropped": ("thiếu một chữ số", "a digit dropped"),
    "slip_added": ("thừa một chữ số", "a digit added"),
    "slip_changed": ("sai một chữ số", "one digit wrong"),
    # the engine's other sentences (bases, changes, growth, shares, counts, unreadable numbers)
    "base_alone": (
        "không có khẳng định khác về cùng gốc trong đoạn để đối chiếu",
        "no other claim in the paragraph names the same base",
    ),
    "base_past_period": (
        " («cùng kỳ»/năm trước là gốc riêng của từng chỉ tiêu và kỳ)",
        " (a same-period-last-year base belongs to one measure and period)",
    ),
    "base_sub_line_own": (
        "; dòng con «trong đó» có gốc riêng",
        "; a «trong đó» sub-line has bases of its own",
    ),
    "base_range": (
        "gốc {range} {unit}",
        "base {range} {unit}",
    ),
    "base_named_differently": (
        "tên gốc khác nhau: «{a}» / «{b}» (khác: {only_a} / {only_b})",
        "the base is named differently: «{a}» / «{b}» (differ: {only_a} / {only_b})",
    ),
    "parts_total_above": ("các phần, mỗi phần kèm tỷ lệ của mình, cộng lại đúng tổng {total} nêu ở đoạn trên",
                          "the parts, each with its share, add up to the total {total} stated in a paragraph above"),
    "base_implied_one": (
        "giả định: các tỷ lệ là của cùng một tổng số {noun} (không nêu trong văn bản)",
        "assumed: the shares are of one total of {noun} (not stated in the text)",
    ),
    "base_common": (
        "gốc chung {range}",
        "common base {range}",
    ),
    "base_conflict": (
        "hai tỷ lệ của cùng một gốc cho ra hai gốc khác nhau",
        "two percentages of the same base imply different bases",
    ),
    "base_two_estimates": (
        "hai gốc suy ra khác nhau — {differ}: có thể là hai dự toán khác nhau",
        "the implied bases differ — {differ}: they may be two different estimates",
    ),
    "base_within_sub_line": (
        "; trong dòng con «trong đó»",
        "; within a «trong đó» sub-line",
    ),
    "change_bracket_direction": (
        "văn bản nói «{word}» nhưng số liệu trong ngoặc cho thay đổi ngược chiều",
        "the text says «{word}» but the bracketed figures change the other way",
    ),
    "change_both_readings": (
        "{points} điểm %; tương đối {relative}%",
        "{points} points; relative {relative}%",
    ),
    "change_holds_both": (
        "khớp theo cả hai cách hiểu (điểm phần trăm và thay đổi tương đối)",
        "holds both as percentage points and as a relative change",
    ),
    "change_bracket_off": (
        "không khớp với số liệu trong ngoặc",
        "does not match the bracketed figures",
    ),
    "change_only_points": (
        "chỉ khớp nếu «%» là điểm phần trăm ({points} điểm); thay đổi tương đối là {relative}%",
        "holds only if «%» means percentage points ({points}); the relative change is {relative}%",
    ),
    "change_only_relative": (
        "chỉ khớp như thay đổi tương đối; hiệu là {points} điểm phần trăm",
        "holds only as a relative change; the difference is {points} points",
    ),
    "growth_within_parts": (
        "tốc độ chung phải nằm trong khoảng tốc độ các phần; không cộng các phần (tổng {summed}% không có nghĩa)",
        "the whole's rate must lie within its parts' range; parts are not added up (their sum {summed}% means nothing)",
    ),
    "growth_outside": (
        "; nằm ngoài khoảng — có thể các phần chưa đủ hoặc số liệu sai",
        "; outside the range — the parts may be incomplete or a figure wrong",
    ),
    "shares_over": (
        "các phần vượt quá 100%",
        "the shares exceed 100%",
    ),
    "shares_under": (
        "tổng dưới 100%: có thể chưa kể hết các phần",
        "below 100%: some parts may not be listed",
    ),
    "parts_remainder": (
        "giả định: số đầu là tổng, các số sau «còn» là phần còn lại",
        "assumed: the first figure is the total and «còn» introduces the remainder",
    ),
    "parts_separately": (
        "giả định: số nêu riêng ở câu «Riêng …» là phần còn lại của tổng {total}",
        "assumed: the figure of the «Riêng …» sentence is the rest of the total {total}",
    ),
    "count_over_whole": (
        "tử số lớn hơn mẫu số",
        "more than the whole",
    ),
    "count_complement_off": (
        "các phần bù nhau cộng lại {total}, không bằng {whole}",
        "the complementary parts add up to {total}, not {whole}",
    ),
    "count_overlap": (
        "cộng lại {total} ≠ {whole}; các phần có thể chồng lấn",
        "they add up to {total} ≠ {whole}; the parts may overlap",
    ),
    "number_malformed": (
        "không đọc được số «{raw}»: dấu chấm phân cách hàng nghìn (390.463), dấu phẩy là dấu thập phân (93,2)",
        "cannot read the number «{raw}»: a dot separates thousands (390.463), a comma marks decimals (93,2)",
    ),
    "unchecked_unpaired": (
        "không có số liệu ghép được chắc chắn để tính lại",
        "nothing to pair it with for certain",
    ),
    "unchecked_no_earlier": (
        "không có số của kỳ so sánh",
        "the figure compared with is not stated",
    ),
    # the claims table's column headers
    "claim_id": ("Mã", "Id"),
    "convention": ("Quy ước", "Convention"),
    "hypothesis": ("Giả thuyết in sai", "Misprint hypothesis"),
    "assumption": ("Giả định", "Assumption"),
}
