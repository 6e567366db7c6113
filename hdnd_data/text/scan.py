"""The text wing's common ground: number patterns, a report line with the claims found in it, and small helpers.

Every extractor (ratios, parts, changes, bases) reads a :class:`_Line` and adds :class:`_Row` claims to it.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from hdnd_data.data.numbers import Stated, format_number
from hdnd_data.labels import msg

# A number token: digits with dots (thousands) and a comma (decimals); strictness is left to parse_number so
# that a malformed token ("3904.63") is seen, reported and never guessed.
NUM = r"\d+(?:[.,]\d+)*"
# Not inside a word, a date ("14-15/12"), a code ("45-CT") or another number.
_START = r"(?<![\w.,/-])"
_EPS = 1e-9

PERCENT_RE = re.compile(rf"{_START}({NUM})\s?%")
FRACTION_RE = re.compile(rf"{_START}({NUM})/({NUM})(?![\w/])")
MONEY_RE = re.compile(
    rf"{_START}({NUM})\s+(nghìn tỷ đồng|tỷ đồng|triệu đồng|nghìn đồng|đồng|tỷ USD|triệu USD|USD)(?!\w)", re.IGNORECASE
)
MONEY_AT_RE = re.compile(rf"({NUM})\s+(nghìn tỷ đồng|tỷ đồng|triệu đồng|nghìn đồng|đồng|tỷ USD|triệu USD|USD)(?!\w)", re.IGNORECASE)
COUNT_RE = re.compile(rf"{_START}({NUM})(?![\d/%]|\s?%|/)\s+([^\W\d_]+)")
MALFORMED_RE = re.compile(rf"{_START}(\d+(?:[.,]\d+)+)")
TRONG_DO_RE = re.compile(r"\btrong đó\b", re.IGNORECASE)
CHANGED_AT_RE = re.compile(r"\b(?:tăng|giảm)\s+(?:thêm\s+)?$", re.IGNORECASE)
CHANGE_WORD_RE = re.compile(r"\b(tăng|giảm|vượt)\b", re.IGNORECASE)

# A sentence ends at ". " (not after an abbreviation: "TP. Đồng Hới", "TX. Ba Đồn") or at a line break.
ABBREVIATIONS = ("TP", "Tp", "TX", "TT", "Q", "P")  # "TP. Đồng Hới", "Q. 3"
NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in ABBREVIATIONS)
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])" + "".join(rf"(?<!\b{a}\.)" for a in ABBREVIATIONS) + r"\s+|\s*\n\s*")
# Money units, in millions of the currency, so that "3,5 tỷ đồng" and "3.500 triệu đồng" are one amount.
MONEY_UNITS = {
    "nghìn tỷ đồng": ("VND", 1_000_000.0), "tỷ đồng": ("VND", 1000.0), "triệu đồng": ("VND", 1.0),
    "nghìn đồng": ("VND", 0.001), "đồng": ("VND", 1e-6),
    "tỷ usd": ("USD", 1000.0), "triệu usd": ("USD", 1.0), "usd": ("USD", 1e-6),
}
# A number right after one of these words is a date, an ordinal or a document number, not a quantity.
NOT_A_QUANTITY = {"năm", "ngày", "tháng", "số", "thứ", "quý", "lần", "khóa", "khoá", "điều", "khoản", "giờ", "lúc",
                  "mục", "phần", "biểu", "kỳ", "đến", "từ", "hết"}
# "1/2 ngày" is half a day, not a count of days nor the 1st of February ("6/6 buổi" is still a count).
DURATION_AFTER_FRACTION = re.compile(r"\s+(ngày|buổi|giờ|tháng|năm)\b", re.IGNORECASE)

# Words naming a budget or economic line; a subject without one ("Ước thực hiện năm 2020") continues the last line.
LINE_WORD_RE = re.compile(
    r"\b(?:tổng\s+)?(?:số\s+)?(thu|chi|xuất khẩu|nhập khẩu|giải ngân|vốn|doanh thu|kim ngạch|giá trị sản xuất)\b",
    re.IGNORECASE,
)
LINE_CUT_RE = re.compile(r"\d|[,;:()]|\b(đạt|là|bằng|ước|thực hiện|tháng|năm|quý|lũy kế|đến nay)\b", re.IGNORECASE)
PERIOD_ONLY_RE = re.compile(
    r"\b(ước tính|ước|dự kiến|thực hiện|cả năm|đầu năm|lũy kế|tháng|quý|năm|đạt|là|được|đến nay|tính đến|trong)\b|[\d\W_]",
    re.IGNORECASE,
)
# Comparisons with an earlier period: the base differs for each measure (an 11-month actual vs a year estimate).
PAST_PERIOD_RE = re.compile(r"cùng kỳ|năm trước|kỳ trước|tháng trước|\bnăm \d{4}\b", re.IGNORECASE)
PLAN_RE = re.compile(r"dự toán|kế hoạch|chỉ tiêu|mục tiêu", re.IGNORECASE)
# Words by which two names of one base may differ (compared without diacritics: "phân đấu" is "phấn đấu" mistyped).
BASE_QUALIFIERS = [("dau", "nam"), ("phan", "dau"), ("hdnd",), ("ubnd",), ("giao",), ("duoc",), ("de", "ra")]




def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _clean(line: str) -> str:
    """Markdown and HTML markup blanked out (same length, so offsets hold), so "<sup>1</sup>" is not a number."""
    line = re.sub(r"<sup>.*?</sup>", _blank, line)
    line = re.sub(r"<[^>]+>", _blank, line)
    line = re.sub(r"^\s*#+\s*", _blank, line)
    return re.sub(r"\\\*|\*", _blank, line)


COMBINING = r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def _nfc_map(text: str) -> tuple[str, list[int] | None]:
    """``text`` in NFC and, when that changed it, the offset in ``text`` of every character of the result (+ end)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces, back = [], []
    for match in re.finditer(rf".{COMBINING}*", text, re.DOTALL):
        piece = unicodedata.normalize("NFC", match.group(0))
        pieces.append(piece)
        back.extend([match.start()] * len(piece))
    back.append(len(text))
    return "".join(pieces), back


# The strict Vietnamese forms parse_number accepts (390.463; 93,2; 1.234,5), read here without babel, which costs
# about a millisecond per call: a report has thousands of numbers.
PLAIN_NUMBER_RE = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+|\d+,\d+|\d{1,3}(?:\.\d{3})+,\d+")


@functools.lru_cache(maxsize=65536)
def _value(raw: str) -> float | None:
    """The value of a printed number, or None when it is not a well-formed Vietnamese number ("3904.63").

    >>> _value("390.463"), _value("93,2"), _value("3904.63")
    (390463.0, 93.2, None)
    """
    text = raw.strip()
    if not PLAIN_NUMBER_RE.fullmatch(text):
        return None
    return float(text.replace(".", "").replace(",", "."))


@functools.lru_cache(maxsize=65536)
def _stated(raw: str) -> Stated | None:
    """A printed number or percentage with its printed precision ("93,2%" -> 93.2, 1 decimal)."""
    text = raw.strip()
    number = text[:-1].rstrip() if text.endswith("%") else text
    value = _value(number)
    if value is None:
        return None
    return Stated(value, len(number.split(",", 1)[1]) if "," in number else 0, text)


def _within(value: float, interval: tuple[float, float]) -> bool:
    return interval[0] - _EPS <= value <= interval[1] + _EPS


def _fmt(value: float, decimals: int = 0) -> str:
    """Vietnamese print of a figure (390.463; 93,75): plain string work, as a report has thousands of them."""
    if value != value:  # NaN
        return format_number(value, decimals)
    return f"{value:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")


def _pct(stated: Stated) -> str:
    return stated.raw if stated.raw.endswith("%") else stated.raw + "%"


def _half(decimals: int) -> str:
    return "±" + _fmt(0.5 * 10.0 ** (-decimals), decimals + 1)


def _fold(text: str) -> str:
    """Lower case without diacritics, for comparing names that differ in a mistyped accent."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _word_before(text: str, pos: int) -> str:
    # A bounded window: searching text[:pos] made a line of many numbers quadratic.
    match = re.search(r"([^\W\d_]+)[\s:]*$", text[max(0, pos - 40):pos])
    return match.group(1).lower() if match else ""


def _excerpt(text: str, start: int, end: int, width: int = 40) -> str:
    """A short window around text[start:end]; a long claim shows its beginning and its end."""
    if width and end - start > 2 * width + 40:
        head, tail = _excerpt(text, start, start + width, width), _excerpt(text, end - width, end, width)
        return head.rstrip("…") + " … " + tail.lstrip("…")
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        cut = text.rfind(" ", end, right)
        right = cut if cut > 0 else right
    snippet = text[left:right].strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")


@dataclass
class _Row:
    start: int
    end: int
    excerpt: str
    kind: str
    stated: str
    computed: str
    tolerance: str
    status: str
    note: str = ""
    hypothesis: str = ""
    assumption: str = ""
    convention: str | None = None
    spans: list[tuple[int, int]] | None = None  # every number used, when the extractor knows them
    main: tuple[int, int] | None = None  # the stated number


@dataclass
class _Line:
    """One paragraph of the report and the numbers in it already claimed by an extractor."""

    number: int
    text: str
    lang: str
    used: set[int] = field(default_factory=set)
    totals: set[int] = field(default_factory=set)  # starts of figures already checked as the total of a breakdown
    unstated_bases: list[float] = field(default_factory=list)  # bases the percentages imply without stating them
    offset: int = 0  # where the paragraph starts in the document (spans into another paragraph are relative to it)
    previous: _Line | None = None  # the paragraph right before (only blank lines between), whose figures it may use
    earlier: _Line | None = None  # the last paragraph above with figures, whatever stands between
    named_bases: dict = field(default_factory=dict)  # noun -> (paragraph, figure): the base "tổng số <noun>" last used
    rows: list[_Row] = field(default_factory=list)

    _sentences: list[tuple[int, int]] | None = None
    _quantities: list[_Quantity] | None = None
    _starts: list[int] = field(default_factory=list)

    def sentences(self) -> list[tuple[int, int]]:
        # A sentence ends at ". " or at a new line — a dot inside a number ("390.463") is never followed by a space.
        if self._sentences is None:
            spans, start = [], 0
            for match in SENTENCE_END_RE.finditer(self.text):
                spans.append((start, match.start()))
                start = match.end()
            spans.append((start, len(self.text)))
            self._sentences = spans
        return self._sentences

    def sentence_of(self, pos: int) -> tuple[int, int]:
        spans = self.sentences()
        index = max(0, bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1)
        return spans[index]

    def quantities(self) -> list[_Quantity]:
        """Every number of the line that can be a count, an amount or a percentage, in order (see :func:`_quantities`)."""
        if self._quantities is None:
            self._quantities = _quantities(self.text)
            self._starts = [q.start for q in self._quantities]
        return self._quantities

    def within(self, lo: int, hi: int, limit: int = 60, last: bool = False) -> list[_Quantity]:
        """The quantities starting in [lo, hi), at most ``limit`` of them (the last ones when ``last``): every rule
        looks at a bounded neighbourhood, so that a paragraph of thousands of figures costs linear time."""
        quantities = self.quantities()
        first, end = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        if end - first > limit:
            first, end = (end - limit, end) if last else (first, first + limit)
        return quantities[first:end]

    def sentence_index(self, pos: int) -> int:
        spans = self.sentences()
        return max(0, bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1)

    def add(self, start: int, end: int, kind: str, stated: str, computed: str, tolerance: str, status: str,
            note: str = "", excerpt: str | None = None, **extra) -> None:
        excerpt = excerpt if excerpt is not None else _excerpt(self.text, start, end)
        self.rows.append(_Row(start, end, excerpt, kind, stated, computed, tolerance, status, note, **extra))

    def msg(self, key: str, **values: object) -> str:
        return msg(key, self.lang, **values)

    def closing(self) -> list[_Quantity]:
        """The figures of the last sentence of the paragraph before (none without one): see :meth:`closing_figures`."""
        return self.previous.closing_figures(self) if self.previous is not None else []

    def closing_figures(self, line: _Line) -> list[_Quantity]:
        """The figures of this paragraph's last sentence, with spans as offsets from the start of ``line`` (the next
        paragraph, which may open with their breakdown: "Trong đó: …", "Theo đó, …")."""
        lo, hi = self.sentences()[-1]
        shift = self.offset - line.offset
        return [replace(q, start=q.start + shift, end=q.end + shift) for q in self.within(lo, hi, limit=16, last=True)
                if not CHANGED_AT_RE.search(self.text[max(0, q.start - 16):q.start])]  # "giảm 21 lượt" is no total



def _fractions(line: _Line):
    """Fractions x/y that are counts or ratios: not dates, not "1/2 ngày", both sides readable."""
    for match in FRACTION_RE.finditer(line.text):
        if _word_before(line.text, match.start()) in {"ngày", "tháng", "số"}:
            continue
        num, den = _value(match.group(1)), _value(match.group(2))
        if num is None or den is None or den == 0:
            continue
        if num < den <= 4 and DURATION_AFTER_FRACTION.match(line.text, match.end()):
            continue
        yield match, num, den


def _counts(line: _Line, lo: int, hi: int) -> list[tuple[int, float, str, str]]:
    """Quantities "N noun" in text[lo:hi]: (start, value, raw, head noun). Money keeps its unit as the noun."""
    out = []
    for match in COUNT_RE.finditer(line.text, lo, hi):
        if _word_before(line.text, match.start()) in NOT_A_QUANTITY or match.start() in line.used:
            continue
        value = _value(match.group(1))
        if value is None:
            continue
        money = MONEY_RE.match(line.text, match.start())
        noun = money.group(2).lower() if money else match.group(2).lower()
        out.append((match.start(), value, match.group(1), noun))
    return out



# Words that make the number after them an approximation or a threshold, not a figure to recompute exactly.
APPROXIMATE_WORDS = ("gần", "khoảng", "hơn", "trên", "dưới", "quá", "ít nhất", "tối thiểu", "tối đa", "không quá",
                     "xấp xỉ", "bình quân", "trung bình", "từ", "chưa đến", "hơn một")
APPROXIMATE_RE = re.compile(r"\b(?:" + "|".join(sorted(APPROXIMATE_WORDS, key=len, reverse=True)) + r")\s*$", re.IGNORECASE)
# Classifier words that change nothing: "lượt ý kiến" counts the same things as "ý kiến".
CLASSIFIERS = {"lượt", "số"}
# First words of nouns naming people: "lượt" before one of them counts visits of people, not people.
PERSON_NOUNS = frozenset({"người", "công", "cử", "khách", "đại", "nhân"})  # "nhân khẩu", "nhân dân"
CONJUNCTIONS = frozenset({"và", "hoặc", "với"})
FUNCTION_WORDS = {"so", "với", "trong", "của", "là", "và", "đạt", "được", "theo", "tại", "trên", "dưới", "từ", "đến", "thì"}
# A date after these words is still a figure: "từ 412 hộ xuống 356 hộ" (dates are caught by their slashes).
RANGE_WORDS = frozenset({"từ", "đến", "hết", "kỳ"})  # "trong kỳ 49 vụ việc" is a count
UNIT_FRACTION_RE = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*/")
BRACKET_ASIDE_RE = re.compile(r"\s*\([^()]*\)")
# not inside a word or a number; a comma right after a word still separates ("198 lượt,221 người")
QUANTITY_RE = re.compile(rf"(?<![\w.])(?<!\d,)({NUM})(\s?%)?")
NOUN_RE = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?")
DOC_CODE_RE = re.compile(r"[/-][A-ZĐ]")
# "đúng một phần 21 đơn" (partly founded) is a count, unlike "phần 2" of a document
PARTLY_RE = re.compile(r"\bmột phần\s*$", re.IGNORECASE)
# After these, "số"/"tháng" does not make the number an ordinal: "tổng số 45", "dân số 750.000", "mỗi tháng 35 lượt"
TOTAL_WORDS_RE = re.compile(r"\b(?:(?:tổng|trong|trên tổng|trong tổng|dân)\s+số|mỗi\s+[^\W\d_]+)\s*$", re.IGNORECASE)
YEAR_RE = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True)
class _Quantity:
    """A number of a line: ``value`` (money in millions), ``noun`` (first word after it, classifiers skipped),
    ``currency`` for money, ``depth`` of brackets around it, ``role`` count | percent | numerator | denominator."""

    start: int
    end: int
    raw: str
    value: float
    noun: str
    currency: str
    depth: int
    role: str
    approximate: bool
    alias: str = ""  # the noun after a classifier ("lượt công dân": noun "lượt", alias "công")
    paired: bool = False  # one side of "a lượt/b người": the two sides count different things, never a ratio
    slot: str = ""  # in a pair, what the side counts: R receptions, V visits of people, P people

    @property
    def counts(self) -> str:
        """What the figure counts, with visits of people ("lượt người", "lượt công dân") apart from people and from
        bare "lượt" (receptions, where a delegation is one)."""
        if self.noun == "lượt" and self.alias in PERSON_NOUNS:
            return "lượt người"
        return "người" if self.noun in PERSON_NOUNS else self.noun

    @property
    def klass(self) -> str:
        """Receptions (R), visits of people (V) or people (P); bare "lượt" outside a pair may be R or V."""
        if self.slot:
            return self.slot
        return {"lượt người": "V", "người": "P", "lượt": "RV"}.get(self.counts, "")

    def compatible(self, other: _Quantity) -> bool:
        """Whether two quantities count the same kind of thing (money with money, "đơn" with "đơn"); visits of
        people are never people, and the two sides of a "lượt/người" pair are never one another."""
        if self.currency or other.currency:
            return self.currency == other.currency
        if not self.noun or not other.noun:
            return True
        if self.klass and other.klass:
            return bool(set(self.klass) & set(other.klass))
        return bool({self.noun, self.alias} - {""} & {other.noun, other.alias})


def _numerator_of(text: str, found: list[_Quantity], start: int, depth: int) -> int | None:
    """The index in ``found`` of the figure "a X" (maybe with a bracketed breakdown) before "/b X", or None."""
    for index in range(len(found) - 1, max(-1, len(found) - 12), -1):
        q = found[index]
        if q.depth > depth:
            continue  # inside the bracket between numerator and slash
        if q.depth == depth and q.role == "count" and UNIT_FRACTION_RE.fullmatch(BRACKET_ASIDE_RE.sub("", text[q.end:start])):
            return index
        return None
    return None


def _quantities(text: str) -> list[_Quantity]:
    """Numbers of ``text`` that can be figures: not dates, years, document numbers, ordinals or phone numbers.

    One pass over the text; brackets are counted between neighbouring numbers only, so the cost is linear.
    """
    found, depth, last = [], 0, 0
    for match in QUANTITY_RE.finditer(text):
        start, end = match.span(1)
        depth += text.count("(", last, start) - text.count(")", last, start)
        depth = max(depth, 0)
        last = start
        raw = match.group(1)
        value = _value(raw)
        if value is None or DOC_CODE_RE.match(text, end):
            continue
        if (_word_before(text, start) in NOT_A_QUANTITY - RANGE_WORDS and not TOTAL_WORDS_RE.search(text[max(0, start - 20):start])
                and not PARTLY_RE.search(text[max(0, start - 12):start])):
            continue
        if "." not in raw and "," not in raw and YEAR_RE.fullmatch(raw):
            continue  # a year: a count of two thousand is printed 2.023
        before, after = text[max(0, start - 1):start], text[end:end + 1]
        if before == "[" and after == "]":
            continue  # a footnote mark ("kiến nghị[2]")
        owner = None
        if before == "/" and found and found[-1].end == start - 1 and found[-1].role == "numerator":
            role = "denominator"
        elif after == "/" and re.match(r"/\d", text[end:end + 2]) and not re.match(r"/\d+/", text[end:end + 8]):
            role = "numerator"
        elif before == "/" and (owner := _numerator_of(text, found, start, depth)) is not None:
            found[owner] = replace(found[owner], role="numerator")  # "318,6 tỷ đồng/425 tỷ đồng", "176 đơn (…)/221 đơn"
            role = "denominator"
        elif before == "/" or after == "/":
            continue  # a date (14/6/2020) or a code
        else:
            role = "percent" if match.group(2) else "count"
        money = MONEY_AT_RE.match(text, start)
        currency, factor = MONEY_UNITS[money.group(2).lower()] if money else ("", 1.0)
        noun, alias = "", ""
        if role in ("count", "denominator") and not money:
            words = NOUN_RE.match(text, end)
            if words:
                first, second = words.group(1).lower(), (words.group(2) or "").lower()
                # "lượt công dân" counts what "lượt" and "công dân" count; "37 lượt so với" counts "lượt"
                noun, alias = (first, second) if first in CLASSIFIERS and second and second not in FUNCTION_WORDS else (first, "")
                if noun in CONJUNCTIONS:  # "TC 97 và …": the figure's noun is not stated
                    noun, alias = "", ""
                elif noun == "ý" and OPINIONS_RE.match(text, end):  # "115 ý kiến, kiến nghị" counts "kiến nghị" too
                    alias = "kiến"
        approximate = bool(APPROXIMATE_RE.search(text[max(0, start - 12):start]))
        found.append(_Quantity(start, end, raw, value * factor, noun, currency, depth, role, approximate, alias))
        if owner is None and role == "count" and len(found) >= 2 and found[-2].role == "count" \
                and found[-2].counts in ("lượt", "lượt người") and found[-1].counts == "người" and found[-2].depth == depth \
                and PAIR_JOIN_RE.fullmatch(text, found[-2].end, start):
            owner = len(found) - 2  # "213 lượt với 288 công dân", "198 lượt, 221 người"
        if owner is not None and _pair(found[owner], found[-1]):
            # "845 lượt/1.120 người", "320 lượt/410 lượt người": two counts of one event, not a part of a whole;
            # "lượt" is a reception beside "lượt người", a visit beside "người"
            first, second = found[owner], found[-1]
            slots = ("R", "V") if second.counts == "lượt người" else ("V", "P") if second.counts == "người" else ("", "")
            found[owner] = replace(first, role="count", paired=True, slot=slots[0] if first.klass else "")
            found[-1] = replace(second, role="count", paired=True, slot=slots[1] if second.klass else "")
        elif role == "denominator" and found[-1].counts == "người" and found[-2].value > found[-1].value \
                and any(q.paired and q.slot == "V" for q in found[-26:-2]):
            # "tại trụ sở 250/231 người" in a list of "a lượt/b người" pairs: the visits' counter left out, so more
            # visits than people is a pair, not a fraction over its whole
            found[-2] = replace(found[-2], role="count", noun="lượt", paired=True, slot="V")
            found[-1] = replace(found[-1], role="count", paired=True, slot="P")
    return found


OPINIONS_RE = re.compile(r"\s*ý kiến\s*(?:[,/-]|và)?\s*kiến nghị\b", re.IGNORECASE)
PAIR_JOIN_RE = re.compile(r"\s*lượt(?:\s+[^\W\d_]+){0,2}\s*(?:,|với|/)\s*", re.IGNORECASE)


def _pair(first: _Quantity, second: _Quantity) -> bool:
    """Whether "a X/b Y" names two counts of different things (visits and people, cases and people)."""
    if first.currency or second.currency or not first.noun or not second.noun:
        return False
    return first.counts != second.counts and ("lượt" in {first.noun, second.noun} or "người" in {first.counts, second.counts})
