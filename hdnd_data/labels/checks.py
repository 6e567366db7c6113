"""Every sentence and word of the consistency checks, by key, in Vietnamese and English (merged into the catalogue).

``check.<kind>.<outcome>`` are the sentences of a kind; ``check.name.*`` name the row a sentence speaks of;
``check.text.*`` word the stated/computed columns, which show figures as the Vietnamese report prints them (so
they are read in Vietnamese whatever the language); ``word.*`` are the rules' own nouns that the catalogue
(checks/catalogue.yaml) passes to a kind; ``rule.<id>`` describes a rule.
"""

from __future__ import annotations

TERMS: dict[str, tuple[str, str]] = {
    "check.none": ("", ""),
    # ---------------------------------------------------------------------------- naming a row
    "check.name.session": ("Kỳ họp thứ {number} (khóa {term})", "Session {number} (term {term})"),
    "check.name.round": ("Đợt TXCT {round}", "Voter-contact round {round}"),
    "check.name.reception": ("Tiếp công dân của {body}", "Citizen reception by {body}"),
    "check.name.petitions_status": ("Đơn thư {recipient}, {status}", "Petitions to the {recipient}, {status}"),
    "check.name.petitions_type": ("Đơn thư {recipient} ({type})", "Petitions to the {recipient} ({type})"),
    "check.name.one_base": ("{direction} – {line}, cơ sở «{basis}»", "{direction} – {line}, base: {basis}"),
    "check.name.two_bases": (
        "{direction} – {line}, cơ sở «{basis}» và «{basis_b}»",
        "{direction} – {line}, base: {basis} and {basis_b}",
    ),
    # ------------------------------------------------------- stated/computed texts (Vietnamese)
    "check.text.span_days": ("chênh {days} ngày", "{days} days apart"),
    "check.text.days_printed": ("{days} ngày (in: {raw})", "{days} days (printed: {raw})"),
    "check.text.calendar_days": ("{days} ngày lịch", "{days} calendar days"),
    "check.text.days": ("{days} ngày", "{days} days"),
    "check.text.over_sessions_sum": ("{part} (tổng các kỳ họp)", "{part} (sum over sessions)"),
    "check.text.over_sessions_max": ("{part} (cao nhất các kỳ họp)", "{part} (highest of the sessions)"),
    "check.text.session_no": ("kỳ họp thứ {number}", "session {number}"),
    "check.text.session_listed": ("có trong bảng kỳ họp", "in the sessions table"),
    "check.text.session_unlisted": ("không có trong bảng kỳ họp", "not in the sessions table"),
    "check.text.session_dates": ("kỳ họp {dates}", "session {dates}"),
    "check.text.listed": ("{listed}", "{listed}"),
    "check.text.listed_uncountable": ("{listed} (có mục không đếm được)", "{listed} (some items not countable)"),
    "check.text.rate_change": (
        "{now} − {before} = {points} điểm %; {now}/{before} − 1 = {relative}",
        "{now} − {before} = {points} pp; {now}/{before} − 1 = {relative}",
    ),
    "check.text.implied_base": (
        "{percent} của {amount} ({measure}) ⇒ {base} [{lo}; {hi}]",
        "{percent} of {amount} ({measure}) ⇒ {base} [{lo}; {hi}]",
    ),
    "check.text.sectors": ("ngành: {range}", "sectors: {range}"),
    # ------------------------------------------------------------------------ generic kinds
    "check.row_sum.pass": (
        "{instance}: {parts} = {computed}; {total}: {stated} — khớp.",
        "{instance}: {parts} = {computed}; {total}: {stated} — consistent.",
    ),
    "check.row_sum.fail": (
        "{instance}: {parts} = {computed}; {total}: {stated} — lệch {gap}.",
        "{instance}: {parts} = {computed}; {total}: {stated} — off by {gap}.",
    ),
    "check.row_within.pass": (
        "{instance}: {parts} {computed} không vượt {whole} {stated}.",
        "{instance}: {parts} {computed} does not exceed {whole} {stated}.",
    ),
    "check.row_within.fail": ("{instance}: {parts} {computed} vượt {whole} {stated}.", "{instance}: {parts} {computed} exceeds {whole} {stated}."),
    "check.totals_agree.pass": (
        "{what}: tổng số sau dấu «/» {shown} — thống nhất giữa các dòng.",
        "{what}: the total after the slash {shown} — the same on every row.",
    ),
    "check.totals_agree.fail": (
        "{what}: tổng số sau dấu «/» {shown} — khác nhau giữa các dòng.",
        "{what}: the total after the slash {shown} — differs between rows.",
    ),
    "check.group_sum.pass": (
        "{what}: cộng theo {category} {computed}; tổng số {stated} — khớp.",
        "{what}: summed over the categories {computed}; total {stated} — consistent.",
    ),
    "check.group_sum.fail": (
        "{what}: cộng theo {category} {computed}; tổng số {stated} — không khớp.",
        "{what}: summed over the categories {computed}; total {stated} — inconsistent.",
    ),
    "check.dates_in_order.pass": (
        "{instance}: {dates} — ngày kết thúc không trước ngày bắt đầu.",
        "{instance}: {dates} — the end is not before the start.",
    ),
    "check.dates_in_order.fail": ("{instance}: {dates} — ngày kết thúc trước ngày bắt đầu.", "{instance}: {dates} — the end is before the start."),
    "check.dates_within_period.pass": (
        "{instance}: {dates} nằm trong kỳ báo cáo {period}.",
        "{instance}: {dates} lies within the reporting period {period}.",
    ),
    "check.dates_within_period.fail": (
        "{instance}: {dates} nằm ngoài kỳ báo cáo {period}.",
        "{instance}: {dates} lies outside the reporting period {period}.",
    ),
    # --------------------------------------------------------------------------- meetings
    "check.session_days.pass": (
        "{instance}: thời gian {stated} phù hợp với {computed} theo ngày họp.",
        "{instance}: length {days} days fits {span} calendar days between its dates.",
    ),
    "check.session_days.fail": (
        "{instance}: thời gian {stated} không phù hợp với {computed} theo ngày họp.",
        "{instance}: length {days} days does not fit {span} calendar days between its dates.",
    ),
    "check.word.sum": ("tổng", "total"),
    "check.word.max": ("cao nhất", "largest"),
    "check.sessions_within_year.pass": (
        "{what}: {word} theo từng kỳ họp {part} không vượt con số cả năm {whole}.",
        "{what}: {word} over the sessions {part} does not exceed the year's figure {whole}.",
    ),
    "check.sessions_within_year.fail": (
        "{what}: {word} theo từng kỳ họp {part} vượt con số cả năm {whole}.",
        "{what}: {word} over the sessions {part} exceeds the year's figure {whole}.",
    ),
    "check.session_held.pass": (
        "{rows} {what} gắn với kỳ họp thứ {number}, kỳ họp có trong danh sách kỳ họp của năm.",
        "{rows} {what} attached to session {number}, which is among the year's sessions.",
    ),
    "check.session_held.fail": (
        "{rows} {what} gắn với kỳ họp thứ {number}, nhưng kỳ họp này không có trong danh sách kỳ họp của năm.",
        "{rows} {what} attached to session {number}, which is not among the year's sessions.",
    ),
    "check.listed.pass": (
        "{instance}: nêu {what} {stated}, danh sách có {listed} — khớp.",
        "{instance}: {what} stated {stated}, listed {listed} — consistent.",
    ),
    "check.listed.uncountable": (
        "{instance}: nêu {what} {stated}, danh sách có {listed} — danh sách có mục không nêu số đơn vị, không so được.",
        "{instance}: {what} stated {stated}, listed {listed} — some listed items do not state how many units, so the total cannot be compared.",
    ),
    "check.listed.partial": (
        "{instance}: nêu {what} {stated}, danh sách có {listed} — danh sách ít hơn, có thể chỉ liệt kê một phần (phụ lục không kèm theo).",
        "{instance}: {what} stated {stated}, listed {listed} — the list is shorter; it may be partial (the annex is not provided).",
    ),
    "check.listed.short": (
        "{instance}: nêu {what} {stated}, danh sách có {listed} — nguồn nói liệt kê cụ thể nên danh sách phải đủ: không khớp.",
        "{instance}: {what} stated {stated}, listed {listed} — the source says it lists them specifically, so the list should be complete: "
        "inconsistent.",
    ),
    "check.listed.more": (
        "{instance}: nêu {what} {stated}, danh sách có {listed} — danh sách nhiều hơn số nêu: không khớp.",
        "{instance}: {what} stated {stated}, listed {listed} — the list holds more than stated: inconsistent.",
    ),
    "check.listed.uncountable_assumption": (
        "Giả định các mục không nêu số đơn vị thì không suy ra được số đơn vị; tổng nêu trong báo cáo chỉ kiểm được khi biết số đơn vị của mọi mục.",
        "Assumes the items listed without a number of units cannot be counted from the source; the stated total can be "
        "checked only once every item's units are known.",
    ),
    "check.listed.assumption": (
        "Giả định danh sách trong nguồn là đầy đủ, trong khi nguồn không khẳng định điều đó.",
        "Assumes the source's list is complete, which the source does not claim.",
    ),
    "check.round.before.pass": (
        "{instance} ({dates}): kết thúc trước kỳ họp ({session}).",
        "{instance} ({dates}): ends before its session ({session}).",
    ),
    "check.round.before.fail": (
        "{instance} ({dates}): kết thúc không trước kỳ họp ({session}).",
        "{instance} ({dates}): ends not before its session ({session}).",
    ),
    "check.round.after.pass": (
        "{instance} ({dates}): bắt đầu sau kỳ họp ({session}).",
        "{instance} ({dates}): starts after its session ({session}).",
    ),
    "check.round.after.fail": (
        "{instance} ({dates}): bắt đầu không sau kỳ họp ({session}).",
        "{instance} ({dates}): starts not after its session ({session}).",
    ),
    "check.referred.equal.pass": (
        "Kết quả giải quyết {id} ({reported_in}): {what} {computed} bằng số kiến nghị chuyển UBND thành phố của các đợt {rounds}: {referred}.",
        "Settlement {id} ({reported_in}): {what} {computed} equals the recommendations that rounds {rounds} sent to the city: {referred}.",
    ),
    "check.referred.equal.fail": (
        "Kết quả giải quyết {id} ({reported_in}): {what} {computed} không bằng số kiến nghị chuyển UBND thành phố của các đợt {rounds}: "
        "{referred}.",
        "Settlement {id} ({reported_in}): {what} {computed} does not equal the recommendations that rounds {rounds} sent to the city: {referred}.",
    ),
    "check.referred.within.pass": (
        "Kết quả giải quyết {id} ({reported_in}): {what} {computed} không vượt số kiến nghị chuyển UBND thành phố của các đợt {rounds}: "
        "{referred}.",
        "Settlement {id} ({reported_in}): {what} {computed} does not exceed the recommendations that rounds {rounds} sent to the city: {referred}.",
    ),
    "check.referred.within.fail": (
        "Kết quả giải quyết {id} ({reported_in}): {what} {computed} vượt số kiến nghị chuyển UBND thành phố của các đợt {rounds}: {referred}.",
        "Settlement {id} ({reported_in}): {what} {computed} exceeds the recommendations that rounds {rounds} sent to the city: {referred}.",
    ),
    "check.referred.unknown": (
        "Kết quả giải quyết {id} ({reported_in}): {what} {computed} — không tìm thấy đủ các đợt {rounds}.",
        "Settlement {id} ({reported_in}): {what} {computed} — rounds not all found: {rounds}.",
    ),
    "check.reception_days.pass": (
        "{instance}: nêu {held} kỳ tiếp, liệt kê {listed} ngày — khớp.",
        "{instance}: {held} sessions stated, {listed} dates listed — consistent.",
    ),
    "check.reception_days.fail": (
        "{instance}: nêu {held} kỳ tiếp, liệt kê {listed} ngày — không khớp.",
        "{instance}: {held} sessions stated, {listed} dates listed — inconsistent.",
    ),
    "check.reception.unreadable_dates": (" Có ngày không đọc được (cần dạng YYYY-MM-DD).", " Some dates are unreadable (write YYYY-MM-DD)."),
    # -------------------------------------------------------------------------- petitions
    "check.petition_types.pass": (
        "{name}: theo loại (khiếu nại + tố cáo + kiến nghị) {computed}; tổng số nêu {stated} — khớp.",
        "{name}: by type (complaints + denunciations + proposals) {computed}; stated total {stated} — consistent.",
    ),
    "check.petition_types.fail": (
        "{name}: theo loại (khiếu nại + tố cáo + kiến nghị) {computed}; tổng số nêu {stated} — không khớp.",
        "{name}: by type (complaints + denunciations + proposals) {computed}; stated total {stated} — inconsistent.",
    ),
    "check.petition_types.over": (
        "{name}: theo loại (khiếu nại + tố cáo + kiến nghị) {computed}; tổng số nêu {stated} — vượt tổng số.",
        "{name}: by type (complaints + denunciations + proposals) {computed}; stated total {stated} — exceeds the total.",
    ),
    "check.petition_settled.pass": (
        "{name}: đã giải quyết {settled} không vượt số tiếp nhận {received}.",
        "{name}: settled {settled} does not exceed received {received}.",
    ),
    "check.petition_settled.fail": (
        "{name}: đã giải quyết {settled} vượt số tiếp nhận {received}.",
        "{name}: settled {settled} exceeds received {received}.",
    ),
    "check.petition_outcomes.pass": (
        "{name}: kết quả xử lý {computed}; tiếp nhận {received} — khớp.",
        "{name}: outcomes {computed}; received {received} — consistent.",
    ),
    "check.petition_outcomes.short": (
        "{name}: kết quả xử lý {computed}; tiếp nhận {received} — thiếu so với số tiếp nhận.",
        "{name}: outcomes {computed}; received {received} — fewer than received.",
    ),
    "check.petition_outcomes.over": (
        "{name}: kết quả xử lý {computed}; tiếp nhận {received} — vượt số tiếp nhận.",
        "{name}: outcomes {computed}; received {received} — more than received.",
    ),
    "check.petition_outcomes.assumption": (
        "Giả định các kết quả được nêu (đang giải quyết, chuyển đi) bao quát toàn bộ số đơn tiếp nhận.",
        "Assumes the outcomes named (in progress, forwarded) cover every petition received.",
    ),
    "check.rate.pass": (
        "Tỷ lệ giải quyết đơn của {recipient}: nêu {stated}, tính lại {computed} — nằm trong khoảng làm tròn {interval}{note}.",
        "Petition settlement rate of the {recipient}: stated {stated}, recomputed {computed} — within the rounding interval {interval}{note}.",
    ),
    "check.rate.fail": (
        "Tỷ lệ giải quyết đơn của {recipient}: nêu {stated}, tính lại {computed} — nằm ngoài khoảng làm tròn {interval}{note}.",
        "Petition settlement rate of the {recipient}: stated {stated}, recomputed {computed} — outside the rounding interval {interval}{note}.",
    ),
    "check.rate.half_up": (" (chỉ khi làm tròn nửa lên)", " (only under half-up rounding)"),
    "check.rate.half_even": (" (chỉ khi làm tròn nửa chẵn)", " (only under half-even rounding)"),
    "check.received_change.pass": (
        "Số đơn {recipient} tiếp nhận so với năm trước: nêu thay đổi {stated}, tính lại {computed} — khớp.",
        "Petitions received by the {recipient} against last year: stated change {stated}, recomputed {computed} — consistent.",
    ),
    "check.received_change.fail": (
        "Số đơn {recipient} tiếp nhận so với năm trước: nêu thay đổi {stated}, tính lại {computed} — không khớp.",
        "Petitions received by the {recipient} against last year: stated change {stated}, recomputed {computed} — inconsistent.",
    ),
    "check.rate_change.both": (
        "Thay đổi tỷ lệ giải quyết đơn của {recipient}: nêu {stated}; tính lại {computed} — khớp theo cả hai cách hiểu; dấu % ở đây thực chất là "
        "điểm phần trăm (hiệu hai tỷ lệ).",
        "Change in the settlement rate of the {recipient}: stated {stated}; recomputed {computed} — consistent under both readings; the % sign "
        "here really denotes percentage points (a difference of rates).",
    ),
    "check.rate_change.points": (
        "Thay đổi tỷ lệ giải quyết đơn của {recipient}: nêu {stated}; tính lại {computed} — khớp nếu hiểu là điểm phần trăm.",
        "Change in the settlement rate of the {recipient}: stated {stated}; recomputed {computed} — consistent if read as percentage points.",
    ),
    "check.rate_change.relative": (
        "Thay đổi tỷ lệ giải quyết đơn của {recipient}: nêu {stated}; tính lại {computed} — khớp nếu hiểu là thay đổi tương đối.",
        "Change in the settlement rate of the {recipient}: stated {stated}; recomputed {computed} — consistent if read as a relative change.",
    ),
    "check.rate_change.fail": (
        "Thay đổi tỷ lệ giải quyết đơn của {recipient}: nêu {stated}; tính lại {computed} — không khớp theo cách hiểu nào.",
        "Change in the settlement rate of the {recipient}: stated {stated}; recomputed {computed} — inconsistent under either reading.",
    ),
    "check.rate_change.assume_points": ("Dấu % được hiểu là điểm phần trăm.", "The % sign is read as percentage points."),
    "check.rate_change.assume_relative": ("Thay đổi được hiểu là tương đối.", "The change is read as relative."),
    # ----------------------------------------------------------------------------- budget
    "check.amounts_within.pass": (
        "{direction} ({other}): {what} {amount} không vượt {whole} {whole_amount} triệu đồng.",
        "{direction} ({other}): {what} {amount} does not exceed {whole} {whole_amount} million VND.",
    ),
    "check.amounts_within.fail": (
        "{direction} ({other}): {what} {amount} vượt {whole} {whole_amount} triệu đồng.",
        "{direction} ({other}): {what} {amount} exceeds {whole} {whole_amount} million VND.",
    ),
    "check.same_base.pass": ("{name}: {desc} và {desc_b} — hai khoảng cơ sở giao nhau.", "{name}: {desc} and {desc_b} — the implied bases overlap."),
    "check.same_base.fail": (
        "{name}: {desc} và {desc_b} — hai khoảng cơ sở không giao nhau.",
        "{name}: {desc} and {desc_b} — the implied bases do not overlap.",
    ),
    "check.same_base.assumption": (
        "Giả định «{basis}» và «{basis_b}» là cùng một dự toán.",
        "Assumes the {basis} and the {basis_b} are the same estimate.",
    ),
    "check.line_base.pass": (
        "{direction}, cơ sở «{basis}» của {line} và «{basis_b}» của tổng: {desc} không vượt {desc_b}.",
        "{direction}, {basis} of the {line} line and {basis_b} of the total: {desc} does not exceed {desc_b}.",
    ),
    "check.line_base.fail": (
        "{direction}, cơ sở «{basis}» của {line} và «{basis_b}» của tổng: {desc} vượt {desc_b}.",
        "{direction}, {basis} of the {line} line and {basis_b} of the total: {desc} exceeds {desc_b}.",
    ),
    "check.line_base.assumption": (
        "Giả định «{basis}» và «{basis_b}» thuộc cùng một dự toán.",
        "Assumes the {basis} and the {basis_b} belong to the same estimate.",
    ),
    # ------------------------------------------------------------------- targets, economy
    "check.target_status.met": ("đạt", "met"),
    "check.target_status.not_met": ("không đạt", "not met"),
    "check.named.pass": (
        "Chỉ tiêu {status}: nêu {stated}, nêu tên {named} — khớp.",
        "Targets {status}: {stated} stated, {named} named — consistent.",
    ),
    "check.named.fewer": (
        "Chỉ tiêu {status}: nêu {stated}, nêu tên {named} — danh sách tên ít hơn.",
        "Targets {status}: {stated} stated, {named} named — fewer named.",
    ),
    "check.named.more": (
        "Chỉ tiêu {status}: nêu {stated}, nêu tên {named} — nêu tên nhiều hơn số chỉ tiêu.",
        "Targets {status}: {stated} stated, {named} named — more named than stated.",
    ),
    "check.named.assumption": ("Giả định nguồn nêu tên đủ các chỉ tiêu thuộc nhóm này.", "Assumes the source names every target of this group."),
    "check.shares.pass": (
        "Cơ cấu kinh tế: tỷ trọng các ngành {computed}%, sai số làm tròn cho phép ±{tolerance} — khớp 100%.",
        "Economic structure: sector shares {computed}%, rounding allows ±{tolerance} — sums to 100%.",
    ),
    "check.shares.fail": (
        "Cơ cấu kinh tế: tỷ trọng các ngành {computed}%, sai số làm tròn cho phép ±{tolerance} — không khớp 100%.",
        "Economic structure: sector shares {computed}%, rounding allows ±{tolerance} — does not sum to 100%.",
    ),
    "check.growth_range.pass": (
        "Tăng trưởng chung {stated} nằm trong khoảng tăng trưởng của các ngành {range}.",
        "Overall growth {stated} lies within the range of its sectors' growth {range}.",
    ),
    "check.growth_range.fail": (
        "Tăng trưởng chung {stated} nằm ngoài khoảng tăng trưởng của các ngành {range}.",
        "Overall growth {stated} lies outside the range of its sectors' growth {range}.",
    ),
    "check.growth_weighted.pass": (
        "Tăng trưởng chung {stated} so với bình quân tăng trưởng ngành theo tỷ trọng cơ cấu {weighted} (sai số làm tròn ±{tolerance}) — khớp.",
        "Overall growth {stated} against the sectors' growth weighted by the structure shares, {weighted} (rounding ±{tolerance}) — consistent.",
    ),
    "check.growth_weighted.fail": (
        "Tăng trưởng chung {stated} so với bình quân tăng trưởng ngành theo tỷ trọng cơ cấu {weighted} (sai số làm tròn ±{tolerance}) — lệch "
        "{gap} điểm %.",
        "Overall growth {stated} against the sectors' growth weighted by the structure shares, {weighted} (rounding ±{tolerance}) — off by {gap} "
        "points.",
    ),
    "check.growth_weighted.assumption": (
        "Giả định tỷ trọng cơ cấu (giá hiện hành, năm nay) là quyền số của tăng trưởng ngành (giá so sánh, quyền số năm gốc); "
        "hai đại lượng được tính theo giá khác nhau nên có thể lệch mà không sai.",
        "Assumes the structure shares (current prices, this year) weight the sectors' growth (constant prices, base-year "
        "weights); the two are measured at different prices, so they may differ without either being wrong.",
    ),
}

# The rules' own words (the catalogue's `messages` name them) and their descriptions.
TERMS.update(
    {
        "word.session.clarified_in_groups_clarified_in_hall": ("giải trình tại tổ + tại hội trường", "explained in groups + in the hall"),
        "word.session.contents_raised": ("số nội dung đại biểu nêu", "contents raised"),
        "word.questioning": ("Chất vấn tại kỳ họp", "Questioning at sessions"),
        "word.officials_questioned": ("Người bị chất vấn", "Officials questioned"),
        "word.explanations_in_hall": ("Đề nghị giải trình tại hội trường", "Explanations requested in the hall"),
        "word.topics": ("nội dung", "topic(s)"),
        "word.personnel_changes": ("thay đổi nhân sự", "personnel change(s)"),
        "word.missions": ("số cuộc", "missions"),
        "word.units": ("số đơn vị", "units"),
        "word.activity.count": ("đã thực hiện", "held"),
        "word.activity.planned": ("kế hoạch", "the plan of"),
        "word.voter.voters_speaking": ("cử tri phát biểu", "voters speaking"),
        "word.voter.voters_attending": ("số tham dự", "voters attending"),
        "word.voter.points_held": ("điểm tổ chức", "points held"),
        "word.voter.points_planned": ("số điểm dự kiến", "points planned"),
        "word.voter.consolidated": ("ý kiến tổng hợp", "consolidated"),
        "word.voter.contents_raised": ("số nội dung cử tri nêu", "contents raised"),
        "word.voter.clarified_on_spot_consolidated": ("làm rõ tại hội nghị + tổng hợp", "answered on the spot + consolidated"),
        "word.voter.to_province_to_city": ("chuyển tỉnh + chuyển thành phố", "to the province + to the city"),
        "word.settled_in_progress_scheduled": ("đã xong + đang + sẽ giải quyết", "settled + in progress + scheduled"),
        "word.addressed": ("đã xem xét", "addressed"),
        "word.reception.answered_directly_forwarded": ("trả lời trực tiếp + chuyển giải quyết", "answered directly + forwarded"),
        "word.reception.contents": ("số nội dung", "contents"),
        "word.reception.sessions_held": ("kỳ đã tiếp", "sessions held"),
        "word.reception.sessions_planned": ("số kỳ theo quy định", "sessions due"),
        "word.budget.actual": ("thực hiện", "actual to date"),
        "word.budget.year_estimate": ("ước năm", "the year estimate"),
        "word.budget.domestic": ("thu nội địa", "domestic revenue"),
        "word.budget.total": ("tổng thu", "total revenue"),
        "word.task_groups": ("Nhóm nhiệm vụ trọng tâm", "Key task groups"),
        "word.resolution_targets": ("Chỉ tiêu nghị quyết", "Resolution targets"),
        "word.by_rating": ("mức hoàn thành", "ratings"),
        "word.by_result": ("kết quả", "results"),
        "rule.session.dates_in_order": ("Ngày kết thúc kỳ họp không trước ngày bắt đầu", "A session does not end before it starts"),
        "rule.session.days_match_dates": ("Số ngày họp phù hợp với ngày bắt đầu và kết thúc", "A session's stated length fits its dates"),
        "rule.session.within_period": ("Kỳ họp nằm trong kỳ báo cáo của nguồn", "A session lies within the period its source covers"),
        "rule.session.contents_clarified_sum": (
            "Nội dung giải trình tại tổ và tại hội trường cộng bằng số nội dung đại biểu nêu",
            "Contents explained in groups and in the hall add up to the contents raised",
        ),
        "rule.questioning.questions_within_year": (
            "Số câu chất vấn các kỳ họp không vượt số nêu cho cả năm",
            "Questions put at the sessions do not exceed the year's stated total",
        ),
        "rule.questioning.officials_within_year": (
            "Số người bị chất vấn ở một kỳ họp không vượt số nêu cho cả năm",
            "Officials questioned at one session do not exceed the year's stated number",
        ),
        "rule.questioning.explanations_within_year": (
            "Nội dung đề nghị giải trình tại hội trường không vượt số nêu cho cả năm",
            "Contents sent for explanation in the hall do not exceed the year's stated number",
        ),
        "rule.mission.session_held": ("Nội dung chất vấn gắn với một kỳ họp có trong năm", "Questioning topics belong to a session held that year"),
        "rule.personnel.session_held": ("Thay đổi nhân sự gắn với một kỳ họp có trong năm", "Personnel changes belong to a session held that year"),
        "rule.activity.missions_listed": (
            "Số cuộc giám sát, kiểm tra nêu khớp với danh sách",
            "The number of missions stated matches the missions listed",
        ),
        "rule.activity.units_listed": ("Số đơn vị được giám sát nêu khớp với danh sách", "The number of units covered matches the units listed"),
        "rule.activity.held_within_plan": ("Số cuộc đã thực hiện không vượt kế hoạch", "Activities held do not exceed those planned"),
        "rule.voter.speakers_within_attendees": ("Cử tri phát biểu không vượt số cử tri tham dự", "Voters speaking do not exceed voters attending"),
        "rule.voter.points_held_within_planned": ("Số điểm tổ chức không vượt số điểm dự kiến", "Contact points held do not exceed those planned"),
        "rule.voter.consolidated_within_raised": (
            "Ý kiến tổng hợp không vượt số nội dung cử tri nêu",
            "Recommendations consolidated do not exceed the contents raised",
        ),
        "rule.voter.clarified_and_consolidated_within_raised": (
            "Nội dung làm rõ tại hội nghị cộng ý kiến tổng hợp không vượt số nội dung cử tri nêu",
            "Contents answered at the meeting plus those consolidated do not exceed the contents raised",
        ),
        "rule.voter.referrals_sum": (
            "Ý kiến chuyển tỉnh và chuyển thành phố cộng bằng số ý kiến tổng hợp",
            "Recommendations sent to the province and to the city add up to those consolidated",
        ),
        "rule.voter.dates_in_order": ("Đợt tiếp xúc cử tri không kết thúc trước khi bắt đầu", "A voter-contact round does not end before it starts"),
        "rule.voter.within_period": (
            "Đợt tiếp xúc cử tri nằm trong kỳ báo cáo của nguồn",
            "A voter-contact round lies within the period its source covers",
        ),
        "rule.voter.round_around_session": (
            "Đợt tiếp xúc trước kỳ họp kết thúc trước kỳ họp; đợt sau kỳ họp bắt đầu sau kỳ họp",
            "A round before a session ends before it starts; a round after it starts after it ends",
        ),
        "rule.settlement.outcomes_sum_to_referred": (
            "Kiến nghị đã giải quyết, đang giải quyết và sẽ giải quyết cộng bằng số kiến nghị các đợt chuyển UBND thành phố",
            "Recommendations settled, in progress and scheduled add up to those the rounds sent to the city",
        ),
        "rule.settlement.addressed_within_referred": (
            "Kiến nghị đã được xem xét không vượt số kiến nghị chuyển UBND thành phố",
            "Recommendations addressed do not exceed those sent to the city",
        ),
        "rule.reception.contents_sum": (
            "Nội dung trả lời trực tiếp và chuyển giải quyết cộng bằng tổng số nội dung",
            "Contents answered directly and forwarded add up to the contents raised",
        ),
        "rule.reception.sessions_within_planned": (
            "Số kỳ tiếp công dân không vượt số kỳ theo quy định",
            "Reception sessions held do not exceed those due",
        ),
        "rule.reception.dates_match_sessions": (
            "Số ngày tiếp công dân liệt kê bằng số kỳ tiếp",
            "The reception dates listed match the number of sessions",
        ),
        "rule.reception.dates_within_period": (
            "Ngày tiếp công dân nằm trong kỳ báo cáo của nguồn",
            "Reception dates lie within the period the source covers",
        ),
        "rule.petition.types_sum_to_all": (
            "Đơn theo loại (khiếu nại, tố cáo, kiến nghị) cộng bằng tổng số",
            "Petitions by type add up to the stated total",
        ),
        "rule.petition.settled_within_received": (
            "Số đơn đã giải quyết không vượt số đơn tiếp nhận",
            "Petitions settled do not exceed those received",
        ),
        "rule.petition.outcomes_account_for_received": (
            "Khi báo cáo nêu phần còn lại (đang giải quyết, đã chuyển), các kết quả cộng bằng số đơn tiếp nhận",
            "When the report names what is left (in progress, forwarded), the outcomes add up to those received",
        ),
        "rule.petition.settlement_rate": (
            "Tỷ lệ giải quyết đơn khớp với số đã giải quyết / số tiếp nhận ở độ chính xác in",
            "The settlement rate matches settled / received at its printed precision",
        ),
        "rule.petition.received_change": (
            "Mức tăng, giảm số đơn so với năm trước khớp với hai con số được so sánh",
            "The stated change in petitions received matches the two figures compared",
        ),
        "rule.petition.settlement_rate_change": (
            "Mức thay đổi tỷ lệ giải quyết khớp với hai tỷ lệ được so sánh",
            "The stated change in the settlement rate matches the two rates compared",
        ),
        "rule.budget.year_estimate_covers_actual": (
            "Ước thực hiện cả năm không nhỏ hơn số thực hiện đến thời điểm báo cáo",
            "The year estimate is not below the actual to date",
        ),
        "rule.budget.line_within_total": (
            "Số thu nội địa (trừ đất, xổ số) không vượt tổng thu",
            "Domestic revenue (excl. land and lottery) does not exceed total revenue",
        ),
        "rule.budget.implied_base_agree": (
            "Hai tỷ lệ so với cùng một cơ sở (cùng dự toán, cùng kỳ) suy ra các khoảng cơ sở giao nhau",
            "Two percentages of the same base (same estimate, same period) imply overlapping intervals for it",
        ),
        "rule.budget.implied_line_base_within_total": (
            "Dự toán của khoản thu nội địa suy ra từ tỷ lệ không vượt dự toán tổng thu suy ra từ tỷ lệ",
            "The estimate implied for a sub-line does not exceed the estimate implied for the total",
        ),
        "rule.tasks.totals_agree": ("Tổng số nhóm nhiệm vụ giống nhau ở mọi dòng", "Every row states the same number of task groups"),
        "rule.tasks.ratings_sum_to_total": ("Số nhóm nhiệm vụ theo mức hoàn thành cộng bằng tổng số", "Task groups by rating add up to the total"),
        "rule.targets.totals_agree": ("Tổng số chỉ tiêu giống nhau ở mọi dòng", "Every row states the same number of targets"),
        "rule.targets.statuses_sum_to_total": ("Chỉ tiêu đạt và không đạt cộng bằng tổng số chỉ tiêu", "Targets met and not met add up to the total"),
        "rule.targets.named_match_count": ("Số chỉ tiêu được nêu tên khớp với số chỉ tiêu nêu", "The targets named match the number stated"),
        "rule.economy.shares_sum_to_100": (
            "Tỷ trọng cơ cấu các ngành cộng bằng 100% trong sai số làm tròn",
            "Sector shares sum to 100% within rounding",
        ),
        "rule.economy.growth_within_sectors": (
            "Tăng trưởng chung nằm trong khoảng tăng trưởng của các ngành",
            "Overall growth lies within the range of its sectors' growth",
        ),
        "rule.economy.growth_weighted_by_structure": (
            "Tăng trưởng chung so với bình quân tăng trưởng ngành theo tỷ trọng cơ cấu",
            "Overall growth against the sectors' growth weighted by the structure shares",
        ),
    }
)
