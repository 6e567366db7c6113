"""Numeric claims in the text of a report, read and recomputed (statcheck for Vietnamese public reports).

:func:`check_claims` finds the figures a report states about each other and says whether they agree.
"""

from __future__ import annotations

import re

import pandas as pd

from hdnd_data.data.files import csv_for_people
from hdnd_data.data.numbers import english_numbers
from hdnd_data.text.averages import _averages
from hdnd_data.text.bases import _bases
from hdnd_data.text.breakdowns import _breakdowns
from hdnd_data.text.changes import _changes, _contributions, _differences, _growth, _named_shares, _shares
from hdnd_data.text.implied import _implied_wholes
from hdnd_data.text.layout import is_furniture, join_broken_numbers, only_furniture, running_lines
from hdnd_data.text.parts import _denominators_total, _fraction_counts, _fraction_parts, _fraction_rest, _rest_of_paragraph, _separately, _sums
from hdnd_data.text.ratios import _malformed, _ratios, _table_rows, _unchecked
from hdnd_data.text.reading import ReportReadError, read_report
from hdnd_data.text.scan import NUM, _clean, _Line, _nfc_map
from hdnd_data.text.spelled import _spelled
from hdnd_data.text.tables import _tables

__all__ = ["COLUMNS", "ReportReadError", "check_claims", "claims_csv", "claims_summary", "read_report"]

COLUMNS = ["claim_id", "line", "excerpt", "kind", "stated", "computed", "tolerance", "status", "note", "convention",
           "hypothesis", "assumption", "start", "end", "spans"]
STATUSES = ["pass", "fail", "warn", "unchecked"]

# In order: a figure an earlier extractor used is not read again by a later one.
EXTRACTORS = (
    _malformed, _averages, _ratios, _table_rows, _differences, _changes, _contributions,
    _growth, _shares, _named_shares, _bases, _separately, _breakdowns, _sums, _fraction_rest, _fraction_parts, _denominators_total,
    _rest_of_paragraph, _fraction_counts, _implied_wholes, _spelled, _unchecked,
)


def _number_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every number token in text[start:end] (a fraction's two sides apart), as (start, end) in ``text``."""
    return [m.span(1) for m in NUMBER_TOKEN_RE.finditer(text, start, end)]


NUMBER_TOKEN_RE = re.compile(rf"(?<![\w.,])({NUM})")


def _main_span(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The claim's stated number: its percentage when it has one, else its first number."""
    for lo, hi in spans:
        if re.match(r"\s?%", text[hi:hi + 2]):
            return lo, hi
    return spans[0] if spans else (0, 0)


LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
BULLET_LINE_RE = re.compile(r"\s*(?:[-+•–]|\*(?!\*)|[a-zđ]\)|\d+[.)])\s")


# A line broken inside a sentence (a PDF's text layer, a hard-wrapped .txt): it does not end a sentence or a table
# row, and the next line goes on in lower case or with a figure.
OPEN_END_RE = re.compile(r"[^.!?:;|\s…\"”'’)]\s*$")
GOES_ON_RE = re.compile(r"\s*(?:[a-zđà-ỹ(]|\d+(?![.)]\s))")
TABLE_ROW_RE = re.compile(r"\s\|\s|\t")


def _wrapped(line: str, following: str) -> bool:
    """``following`` continues the sentence ``line`` breaks off."""
    bare = line.rstrip(LINE_ENDS)
    heading = bare.upper() == bare and any(c.isalpha() for c in bare)  # "I. KẾT QUẢ TIẾP CÔNG DÂN"
    return (not heading and bool(OPEN_END_RE.search(bare)) and not TABLE_ROW_RE.search(bare) and not TABLE_ROW_RE.search(following)
            and bool(GOES_ON_RE.match(following)) and not BULLET_LINE_RE.match(following))


def _paragraphs(text: str, running: set[str] | None = None):
    """(first line number, offset, cleaned text) of each paragraph: a line with the lines that continue a sentence it
    breaks off (a PDF's lines, across the page numbers and running headers of a page break), or a line ending in ":"
    together with the dash or bullet lines that continue it (their line breaks kept, so offsets into the text hold).
    Lines of page furniture are no paragraph."""
    running = running_lines(text) if running is None else running
    lines = text.splitlines(keepends=True)
    offset, index = 0, 0
    while index < len(lines):
        if is_furniture(lines[index], running):
            offset += len(lines[index])
            index += 1
            continue
        start, number = offset, index + 1
        block = [lines[index]]
        offset += len(lines[index])
        index += 1
        wraps, blanks, last = set(), set(), 0  # breaks inside a sentence, and furniture lines: read as spaces
        while index < len(lines):
            gap = index  # page furniture (with blank lines) between the halves of a sentence broken by a page break
            while gap < len(lines) and gap - index < 8 and (not lines[gap].strip() or is_furniture(lines[gap], running, inside=True)):
                gap += 1
            furnished = any(lines[i].strip() or "\x0c" in lines[i] for i in range(index, gap))
            if gap < len(lines) and (gap == index or furnished) and _wrapped(block[last], lines[gap]):
                wraps.add(len(block) - 1)
                for i in range(index, gap):
                    blanks.add(len(block))
                    block.append(lines[i])
                last = len(block)
                block.append(lines[gap])
                offset += sum(len(lines[i]) for i in range(index, gap + 1))
                index = gap + 1
            else:
                break
        if block[-1].rstrip(LINE_ENDS).rstrip().endswith(":"):
            while index < len(lines) and BULLET_LINE_RE.match(lines[index]):
                block.append(lines[index])
                offset += len(lines[index])
                index += 1
        cleaned = "".join(
            " " * len(line) if i in blanks else
            _clean(line.rstrip(LINE_ENDS)) + (" " * (len(line) - len(line.rstrip(LINE_ENDS))) if i in wraps else line[len(line.rstrip(LINE_ENDS)):])
            for i, line in enumerate(block)
        )
        yield number, start, cleaned.rstrip(LINE_ENDS)


def check_claims(text: str, *, lang: str = "vi", include_unchecked: bool = False) -> pd.DataFrame:
    """Find the numeric claims in a report's text and recompute them.

    Returns one row per claim with the columns of :data:`COLUMNS`; ``status`` is ``pass``, ``fail`` or ``warn``
    (``unchecked`` rows only with ``include_unchecked=True``). ``start``/``end`` is the span of the claim's stated
    number and ``spans`` the spans of every number it uses, as offsets into ``text`` itself. ``claim_id`` numbers the
    claims in the order of the text, unchecked ones included, so that an id is the same with or without them.

    >>> df = check_claims("Đã giải quyết 45/48 đơn, đạt tỷ lệ 93,8%.")
    >>> df.loc[0, ["kind", "stated", "computed", "status"]].tolist()
    ['ratio', '93,8%', '93,75%', 'pass']
    >>> int(df.loc[0, "start"]), int(df.loc[0, "end"])
    (35, 39)
    """
    if lang not in {"vi", "en"}:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    joined, unbroken = join_broken_numbers(text)  # "1.\n234" is one number
    normal, back = _nfc_map(joined)
    if unbroken is not None:
        back = [unbroken[i] for i in (back if back is not None else range(len(joined) + 1))]
    records = []
    running = running_lines(normal)
    paragraphs = [_Line(number, raw, lang, offset=line_start) for number, line_start, raw in _paragraphs(normal, running)]
    if unbroken is not None:  # a line of the text as given
        for paragraph in paragraphs:
            paragraph.number = text.count("\n", 0, back[paragraph.offset]) + 1
    _tables(paragraphs)  # a table's columns are known only from all its rows (its header too)
    previous = None
    for line in (p for p in paragraphs if re.search(r"\d", p.text)):
        # a total stated in the paragraph right before (nothing but blank lines between) may be this one's base
        adjacent = previous is not None and only_furniture(normal[previous.offset + len(previous.text):line.offset], running)
        line.previous, line.earlier = (previous if adjacent else None), previous
        if previous is not None:
            line.named_bases = previous.named_bases  # one record for the document
        for extract in EXTRACTORS:
            extract(line)
        previous = line
        number, line_start = line.number, line.offset
        for row in line.rows:
            spans = row.spans if row.spans is not None else _number_spans(line.text, row.start, row.end)
            main = row.main if row.main is not None else _main_span(line.text, spans)
            shift = [(line_start + lo, line_start + hi) for lo, hi in [main, *spans]]
            if back is not None:
                shift = [(back[lo], back[hi]) for lo, hi in shift]
            convention = row.convention if row.convention is not None else (
                "rounding" if row.status in {"pass", "warn", "fail"} and row.tolerance not in {"–", "0"} else (
                    "exact" if row.tolerance == "0" else ""))
            records.append((number, line_start + row.start, " ".join(row.excerpt.split()), row.kind, row.stated,
                            row.computed, row.tolerance, row.status, row.note, convention, row.hypothesis, row.assumption,
                            shift[0][0], shift[0][1], shift[1:]))
    frame = pd.DataFrame(records, columns=["line", "_start", *COLUMNS[2:]])
    frame = frame.sort_values(["line", "_start"], kind="stable").drop(columns="_start").reset_index(drop=True)
    frame.insert(0, "claim_id", [f"c{i:03d}" for i in range(1, len(frame) + 1)])
    if not include_unchecked:
        frame = frame[frame["status"] != "unchecked"].reset_index(drop=True)
    if lang == "en":  # the engine's own figures the English way; what the document states stays as printed
        for column in ("computed", "tolerance", "note", "assumption"):  # a hypothesis quotes the figures as printed
            frame[column] = frame[column].map(english_numbers)
    return frame.astype({"line": "int64", "start": "int64", "end": "int64"})


def claims_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims per kind (rows) and status (columns), with totals."""
    table = pd.crosstab(claims["kind"], claims["status"], margins=True, margins_name="total")
    order = [s for s in STATUSES if s in table.columns] + ["total"]
    return table.reindex(columns=order, fill_value=0)



def claims_csv(claims: pd.DataFrame) -> str:
    """The claims as CSV text that a spreadsheet opens without running any cell as a formula.

    >>> print(claims_csv(pd.DataFrame({"stated": ["=1+1", "-5", "93,2%"], "n": [1, 2, 3]})), end="")
    stated,n
    '=1+1,1
    '-5,2
    "93,2%",3
    """
    return csv_for_people(claims)
