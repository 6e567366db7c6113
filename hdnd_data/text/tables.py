"""Tables read as ``a | b | c`` lines (a .docx table, a markdown table): the total row against the rows above it, column
by column, and a percentage column against the two columns whose ratio it is in every other row.

A table is a run of consecutive lines of two cells or more. Its columns are known once every row is read, so a row
whose percentage no pair of its cells gives is flagged here, where one row alone (ratios.py) can only be left unchecked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hdnd_data.data.numbers import printed_interval
from hdnd_data.text.misprints import explain
from hdnd_data.text.ratios import _rate_row
from hdnd_data.text.scan import NUM, _fmt, _Line, _stated, _value, _within

CELL_SPLIT_RE = re.compile(r"\s\|(?=\s)|\t")
CELL_NUMBER_RE = re.compile(rf"^({NUM})\s?(%)?$")
EMPTY_CELL = {"", "-", "–", "—", "0"}
TOTAL_LABEL_RE = re.compile(r"^(?:tổng cộng|tổng số|tổng|cộng|toàn (?:tỉnh|huyện|thị xã|thành phố|quận|xã|phường))\b",
                            re.IGNORECASE)
# Rows that break down the row above them ("- Trong đó", "+ đất đai", "a) …"): not siblings of the rows around them.
SUB_ROW_RE = re.compile(r"^(?:[-+•*]|trong đó\b|[a-zđ]\)|\d+\.\d+)", re.IGNORECASE)
MAX_PAIRED_WIDTH = 16
# Columns a total row does not add up: rates, averages, comparisons, ranks, row numbers.
# A unit per unit ("tạ/ha", "triệu đồng/người") is a rate too; yields, prices and densities are not added up either.
NOT_SUMMED_HEAD_RE = re.compile(r"%|tỷ lệ|tỉ lệ|bình quân|trung bình|so với|so sánh|tốc độ|chỉ số|hạng|^stt$|^tt$|[^\W\d_]\s*/\s*[^\W\d_]"
                                r"|năng suất|đơn giá|giá bán|mật độ|độ tuổi|tuổi", re.IGNORECASE)
PERCENT_HEAD_RE = re.compile(r"%|tỷ lệ|tỉ lệ", re.IGNORECASE)


@dataclass
class _Cell:
    text: str
    start: int  # in the line's text
    end: int


@dataclass
class _TableRow:
    line: _Line
    cells: list[_Cell]
    _numbers: list | None = None

    @property
    def label(self) -> str:
        return next((c.text for c in self.cells if c.text and not CELL_NUMBER_RE.match(c.text)), "")

    def number(self, column: int):
        """(value, raw, start, end, percent) of a numeric cell; None for text; a blank cell reads as 0 (read once)."""
        if self._numbers is None:
            self._numbers = [self._read(c) for c in range(len(self.cells))]
        return self._numbers[column]

    def _read(self, column: int):
        cell = self.cells[column]
        match = CELL_NUMBER_RE.match(cell.text)
        if match is None:
            return (0.0, cell.text, cell.start, cell.start, False) if cell.text in EMPTY_CELL else None
        value = _value(match.group(1))
        if value is None:
            return None
        return value, match.group(1), cell.start, cell.start + len(match.group(1)), bool(match.group(2))


def _cells(line: _Line) -> list[_Cell]:
    """The cells of a table line, empty ones kept (a .docx row "| Tổng cộng | 567" has an empty first cell); a
    markdown row's border pipes ("| a | b |") are not cells."""
    text = line.text.rstrip()
    lo, hi = 0, len(text)
    if text.startswith("|") and text.endswith("|") and len(text) > 1:
        lo, hi = 1, len(text) - 1
    cells, at = [], lo
    for match in [*CELL_SPLIT_RE.finditer(text, lo, hi), None]:
        end = match.start() if match else hi
        piece = text[at:end]
        strip = len(piece) - len(piece.lstrip())
        cells.append(_Cell(piece.strip(), at + strip, at + strip + len(piece.strip())))
        at = match.end() if match else hi
    return cells


MARKDOWN_RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?)?\s*$")


def _blocks(lines: list[_Line]):
    """Runs of consecutive table lines (two cells or more)."""
    block = []
    for line in lines:
        if block and MARKDOWN_RULE_RE.match(line.text):
            continue  # a markdown table's rule under its header ("|---|---|")
        cells = _cells(line) if CELL_SPLIT_RE.search(line.text) else []
        if len(cells) >= 2:
            block.append(_TableRow(line, cells))
            continue
        if block:
            yield block
        block = []
    if block:
        yield block


def _tables(lines: list[_Line]) -> None:
    """Every table of the document: each total row's columns, then each percentage column."""
    for block in _blocks(lines):
        width = max(len(r.cells) for r in block)
        rows = [r for r in block if len(r.cells) == width]
        header = next((r for r in rows if not any(r.number(c) and r.number(c)[1] not in EMPTY_CELL
                                                   for c in range(width))), None)
        data_start = 0
        for index, row in enumerate(rows):
            if TOTAL_LABEL_RE.match(row.label) and row is not header:
                above = [r for r in rows[data_start:index] if r is not header]
                if len(above) >= 2:
                    _total_row(row, above, width, header)
                data_start = index + 1
        _percent_columns(rows, header, width)


def _span(line: _Line, other: _Line, start: int, end: int) -> tuple[int, int]:
    """A span of ``other``'s text as offsets from the start of ``line`` (the claim's own paragraph)."""
    shift = other.offset - line.offset
    return start + shift, end + shift


def _total_row(total_row: _TableRow, above: list[_TableRow], width: int, header: _TableRow | None) -> None:
    line = total_row.line
    for column in range(width):
        total = total_row.number(column)
        if total is None or total[1] in EMPTY_CELL or total[4] or _percent_head(header, column) or (
                header is not None and NOT_SUMMED_HEAD_RE.search(header.cells[column].text)):
            continue
        cells = [r.number(column) for r in above]
        if any(c is None or c[4] for c in cells):
            continue  # a text or percentage column
        levels = [_level(r) for r in above]
        rows = list(zip(above, cells))
        # the rows a total may add up: every row, rows without the sub-rows, or the groups ("I", "II" over "1", "2");
        # the most likely one (groups, then rows without sub-rows) explains a mismatch
        readings = [[rc for rc, level in zip(rows, levels) if level == min(levels)],
                    [rc for rc, level in zip(rows, levels) if level < 2], rows]
        readings = [[(r, c) for r, c in reading if c[1] not in EMPTY_CELL] for reading in readings]
        readings = [reading for reading in readings if len(reading) >= 2]
        if not readings:
            continue
        decimals = max(_decimals(c[1]) for c in [*cells, total])
        slack = 0.5 * 10.0 ** -decimals * (len(cells) + 1) if decimals else 0.0
        sums = [sum(c[0] for _, c in reading) for reading in readings]
        # a mismatch fails only in a plain list of rows under a header that names the column
        plain = len(set(levels)) == 1 and levels[0] < 2 and header is not None
        matching = next((i for i, value in enumerate(sums) if abs(value - total[0]) <= slack + 1e-9), None)
        reading = readings[matching if matching is not None else 0]
        spans = [_span(line, r.line, c[2], c[3]) for r, c in reading] + [(total[2], total[3])]
        raws = [c[1] for _, c in reading]
        stated = f"{total[1]} = " + " + ".join(raws)
        extra = {"spans": spans, "main": (total[2], total[3]), "excerpt": f"{total_row.label}: {stated}",
                 "assumption": line.msg("table_total_row", label=total_row.label)}
        line.used.add(total[2])
        if matching is not None:
            exact = abs(sums[matching] - total[0]) < 1e-6
            line.add(total[2], total[3], "sum", stated, _fmt(sums[matching], decimals),
                     "0" if exact else "±" + _fmt(slack, decimals + 1), "pass",
                     convention="exact" if exact else "rounding", **extra)
            continue
        computed = sums[0]
        parts = [c for _, c in reading]

        def holds(role: str, raw: str, slip, computed=computed, total=total, parts=parts, slack=slack) -> bool:
            if role == "total":
                return abs(slip.value - computed) <= slack + 1e-6
            part = next(c for c in parts if c[1] == raw)
            return abs(computed - part[0] + slip.value - total[0]) <= slack + 1e-6

        hypothesis = explain([("total", total[1])] + [("part", raw) for raw in raws], holds, line.lang)
        line.add(total[2], total[3], "sum", stated, _fmt(computed, decimals), "0" if not slack else "±" + _fmt(slack, decimals + 1),
                 "fail" if plain else "warn",
                 line.msg("parts_off" if plain else "parts_open", computed=_fmt(computed, decimals), total=total[1]),
                 hypothesis=hypothesis, convention="exact" if not slack else "rounding", **extra)

ROMAN_RE = re.compile(r"^(?:[IVXL]+|[A-D])\.?$")


def _level(row: _TableRow) -> int:
    """How deep a row stands: 0 under a roman or capital-letter number ("II", "B"), 1 under "3", 2 for a sub-row."""
    first = row.cells[0].text
    if SUB_ROW_RE.match(row.label) or SUB_ROW_RE.match(first):
        return 2
    return 0 if ROMAN_RE.match(first) else 1


def _decimals(raw: str) -> int:
    return len(raw.split(",", 1)[1]) if "," in raw else 0


def _percent_columns(rows: list[_TableRow], header: _TableRow | None, width: int) -> None:
    """A percentage column is the ratio of the pair of columns that gives it in every row but at most one; the rows
    it does not fit are flagged (the columns are known from the others), the rest pass."""
    body = [r for r in rows if r is not header]
    if width > MAX_PAIRED_WIDTH:
        return  # every pair of columns is tried for each percentage column: a bounded width keeps that small
    for column in range(width):
        named = _percent_head(header, column)
        cells = [r.number(column) for r in body]
        stated = [(r, c, _stated(c[1])) for r, c in zip(body, cells) if c is not None and c[1] not in EMPTY_CELL
                  and (c[4] or named)]
        if len(stated) < 3 or len(stated) < len([c for c in cells if c is not None and c[1] not in EMPTY_CELL]):
            continue
        scored = []
        for a in range(width):
            for b in range(width):
                got = _fitting(stated, a, b) if len({a, b, column}) == 3 else None
                if got is not None and any(got):
                    scored.append(((a, b), [item[0].line.number for item, ok in zip(stated, got) if ok]))
        most = max((len(fits) for _, fits in scored), default=0)
        best = [(pair, fits) for pair, fits in scored if len(fits) == most]
        # two pairs that fit different rows equally well leave the columns unknown (equal columns fit the same rows)
        if not best or most < max(2, len(stated) - 1) or len({tuple(fits) for _, fits in best}) > 1:
            continue
        a, b = best[0][0]
        for row, cell, printed in stated:
            line = row.line
            num, den = row.number(a), row.number(b)
            if not den[0]:
                continue
            line.used.add(cell[2])
            spans = [(num[2], num[3]), (den[2], den[3]), (cell[2], cell[3])]
            _rate_row(line, min(num[2], den[2]), cell[3], num[0], den[0], printed, spans, (cell[2], cell[3]),
                      (num[1], den[1]), assumption=line.msg("ratio_table_column", a=_name(header, a), b=_name(header, b)))


def _percent_head(header: _TableRow | None, column: int) -> bool:
    """Whether a column's header says it holds percentages ("Tỷ lệ (%)"), its cells printed without the sign."""
    return header is not None and bool(PERCENT_HEAD_RE.search(header.cells[column].text))


def _name(header: _TableRow | None, column: int) -> str:
    """A column as its header names it, or by its place ("3") in a table without a header."""
    return header.cells[column].text if header is not None and header.cells[column].text else str(column + 1)


def _fitting(stated, a: int, b: int) -> list[bool] | None:
    """Which rows columns a/b give the percentage of; None as soon as two rows do not (such a pair cannot be the
    column's, and giving up early keeps a long table's search short) or a cell is not a count."""
    got, misses = [], 0
    for row, _, printed in stated:
        fits = _fits(row, a, b, printed)
        misses += fits is not True
        if fits is None or misses > 1:
            return None
        got.append(fits)
    return got


def _fits(row: _TableRow, a: int, b: int, printed) -> bool | None:
    num, den = row.number(a), row.number(b)
    if num is None or den is None or num[4] or den[4]:
        return None
    if not den[0]:
        return False
    return _within(100.0 * num[0] / den[0], printed_interval(printed.value, printed.decimals))

