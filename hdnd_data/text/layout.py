"""The print layout left in a report's text: page numbers, running headers and footers, numbers broken over lines.

A PDF's text layer (and a .txt made from one) keeps the page furniture between the lines of a paragraph that crosses
a page break, and a number may be cut at its thousands dot ("1.\\n234"). The claims engine reads past the furniture
and reads such a number whole; offsets into the text are kept through a map.
"""

from __future__ import annotations

import re
from collections import Counter

# "- 3 -", "Trang 3", "Trang 3/12", "Page 3 of 12": a line with a page number and nothing else
PAGE_NUMBER_RE = re.compile(r"\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:trang|page)\s*\d{1,4}(?:\s*(?:/|of|trên)\s*\d{1,4})?)\s*",
                            re.IGNORECASE)
# A bare "3" or "3/12" is a page number only where it parts the two halves of a broken sentence (elsewhere it may be
# a table's cell, one to a line).
BARE_PAGE_NUMBER_RE = re.compile(r"\s*\d{1,4}(?:\s*/\s*\d{1,4})?\s*")
# A line repeated on several pages (a running header or footer): short, not a heading that opens a list, not a table
# row nor a bullet line, and printed at least twice.
MAX_RUNNING_LINE = 120
MIN_RUNNING_WORDS = 3  # "Trong đó" printed twice is no header
NOT_RUNNING_RE = re.compile(r"[:|\t]\s*$|\s\|\s|\t|^\s*[-+•*–]\s")
# What a header may hold that is no figure: a year, a date, a document number ("Số 12/BC-UBND"), a session number
NOT_FIGURES_RE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d+/[A-ZĐ][\w/-]*|\bsố\s*\d+\b",
                            re.IGNORECASE)
# A number cut at its thousands dot at the end of a line: "tiếp 1.\n234 lượt"
BROKEN_NUMBER_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*\.)[ \t]*(?:\r\n|\n|\r)[ \t]*(?=\d{3}(?![\d]))")


def running_lines(text: str) -> set[str]:
    """The lines (stripped) that look like a running header or footer: printed at least twice in the text, with no
    figure but a year, a date or a document number (a sentence with figures said twice is still read twice)."""
    counts = Counter(line.strip() for line in text.splitlines())
    return {line for line, n in counts.items() if n >= 2 and line and len(line) <= MAX_RUNNING_LINE
            and len(line.split()) >= MIN_RUNNING_WORDS and not NOT_RUNNING_RE.search(line)
            and not re.search(r"\d", NOT_FIGURES_RE.sub(" ", line))}


def is_furniture(line: str, running: set[str], *, inside: bool = False) -> bool:
    """A page number, a form feed or a running header/footer line: no part of the report's sentences. ``inside``:
    the line parts a broken sentence, where a bare number is a page number too."""
    bare = line.strip()
    if not bare:
        return "\x0c" in line
    return bool(PAGE_NUMBER_RE.fullmatch(bare)) or bare in running or inside and bool(BARE_PAGE_NUMBER_RE.fullmatch(bare))


def only_furniture(segment: str, running: set[str]) -> bool:
    """Whether ``segment`` (what lies between two paragraphs) holds nothing but blank lines and page furniture."""
    return all(not line.strip() or is_furniture(line, running) for line in segment.splitlines())


def join_broken_numbers(text: str) -> tuple[str, list[int] | None]:
    """``text`` with the line breaks inside numbers taken out, and the offset in ``text`` of every character of the
    result (+ end), or None when nothing was cut."""
    if BROKEN_NUMBER_RE.search(text) is None:
        return text, None
    pieces, back, last = [], [], 0
    for match in BROKEN_NUMBER_RE.finditer(text):
        keep_end = match.end(1)
        pieces.append(text[last:keep_end])
        back.extend(range(last, keep_end))
        last = match.end()
    pieces.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(pieces), back
