"""A document's review page: its own text with every number a claim uses marked by its verdict, then all claims.

Used by ``notebooks/document_review.ipynb`` (:class:`DocumentReview`) and by ``hd.review(path)`` in JupyterLab.
The page is one HTML fragment without script or external assets: each mark shows its claims on hover and on
keyboard focus by CSS alone, and differs by status in colour and also in weight, underline and an icon.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pandas as pd

from hdnd_data.data.files import write_atomic
from hdnd_data.data.numbers import format_number
from hdnd_data.data.records import RECORD_MIME
from hdnd_data.labels import TERMS, msg, term

__all__ = ["DocumentReview", "read_problem", "render_page", "review", "with_spans"]

STATUS_ORDER = ("fail", "warn", "pass", "unchecked")  # a number several claims use shows the worst verdict
EXTRA_COLUMNS = ("convention", "hypothesis", "assumption")
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
PART_LINES = 40
OPEN_TABLE_ROWS = 200  # a longer table of claims starts folded, so that a long document's page opens at once

STYLE = """
.hdnd-review{font-family:system-ui,sans-serif;line-height:1.55}
.hdnd-review .doc{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fcfcfc;max-width:60em}
.hdnd-review .part{content-visibility:auto;contain-intrinsic-size:auto 30em}
.hdnd-review .part:hover,.hdnd-review .part:focus-within{content-visibility:visible}
.hdnd-review summary{cursor:pointer;font-weight:600}
.hdnd-review mark{color:inherit;background:none;padding:0 2px;border-radius:2px;position:relative;cursor:help}
.hdnd-review mark::before{font-weight:700;margin-right:1px;font-size:.85em}
.hdnd-review .pass{background:#d8f0dc;border-bottom:2px solid #1b6e2f}
.hdnd-review .pass::before{content:"✓";color:#1b6e2f}
.hdnd-review .warn{background:#fff0bf;border-bottom:2px dashed #8a5a00}
.hdnd-review .warn::before{content:"⚠";color:#8a5a00}
.hdnd-review .fail{background:#fbd0cd;font-weight:700;text-decoration:underline wavy #a4161a;border-bottom:3px double #a4161a}
.hdnd-review .fail::before{content:"✗";color:#a4161a}
.hdnd-review .unchecked{background:#ececec;border-bottom:1px dotted #555}
.hdnd-review .unchecked::before{content:"?";color:#555}
.hdnd-review span.pass,.hdnd-review span.warn,.hdnd-review span.fail,.hdnd-review span.unchecked{padding:0 4px}
.hdnd-review mark:focus{outline:3px solid #1a4fa0;outline-offset:1px}
.hdnd-review mark:hover::after,.hdnd-review mark:focus::after{content:attr(data-tip);position:absolute;left:0;top:1.6em;
 z-index:20;width:max-content;max-width:34em;white-space:pre-line;background:#fff;color:#111;border:1px solid #777;
 box-shadow:0 2px 6px rgba(0,0,0,.25);padding:.4em .6em;font-weight:400;text-decoration:none;font-size:.9em}
.hdnd-review table{border-collapse:collapse;font-size:.9em}.hdnd-review table td,.hdnd-review table th{border:1px solid #ccc;
 padding:3px 6px;text-align:left;vertical-align:top}.hdnd-review tr.row-fail{background:#fff4f3}
.hdnd-review tr.row-warn{background:#fffaeb}
"""


def read_problem(exc: Exception) -> dict[str, str]:
    """Why a document could not be read: the reader's ``reason`` code and its sentence in each language."""
    return {"reason": exc.reason, **{lang: exc.text(lang) for lang in ("vi", "en")}}


def _status_label(status: str, lang: str) -> str:
    return term("review_unchecked" if status == "unchecked" else status, lang)


def _kind_label(kind: str, lang: str) -> str:
    """The claims engine's label of a kind (``kind_<code>``); a kind it adds later without a label is "other"."""
    return term(f"kind_{kind}" if f"kind_{kind}" in TERMS else "review_kind_other", lang)


def _convention(value: str, lang: str) -> str:
    return term(f"convention_{value}", lang) if f"convention_{value}" in TERMS else value


# ------------------------------------------------------------------------------------------- spans
def _line_starts(text: str) -> list[int]:
    starts, position = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(position)
        position += len(line)
    return starts or [0]


def _guess_spans(text: str, starts: list[int], claim) -> list[tuple[int, int]]:
    """Where the numbers of a claim stand, for an engine that does not give spans: each number of ``stated`` found
    in the claim's line, nearest to where its excerpt begins."""
    number = int(claim.line) - 1
    if not 0 <= number < len(starts):
        return []
    begin = starts[number]
    end = starts[number + 1] if number + 1 < len(starts) else len(text)
    line = text[begin:end]
    anchor = 0
    for piece in str(claim.excerpt).replace("…", "|").split("|"):
        piece = piece.strip()
        if len(piece) > 8 and piece in line:
            anchor = line.index(piece)
            break
    spans = []
    for token in dict.fromkeys(NUMBER_RE.findall(str(claim.stated))):
        found = [m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)", line)]
        if found:
            at = min(found, key=lambda pos: (pos < anchor, abs(pos - anchor)))
            spans.append((begin + at, begin + at + len(token)))
    return spans


def with_spans(text: str, claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with ``claim_id``, ``spans`` and the explanation columns, whatever the engine gave."""
    claims = claims.reset_index(drop=True).copy()
    if "claim_id" not in claims:
        claims.insert(0, "claim_id", [f"c{i + 1}" for i in range(len(claims))])
    for column in EXTRA_COLUMNS:
        if column not in claims:
            claims[column] = ""
    if "spans" not in claims:
        starts = _line_starts(text)
        claims["spans"] = [_guess_spans(text, starts, row) for row in claims.itertuples(index=False)]
    claims["spans"] = [[(int(a), int(b)) for a, b in spans] for spans in claims["spans"]]
    return claims


# ------------------------------------------------------------------------------------------- the page
def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _explain(claim, lang: str) -> str:
    """One claim in words: verdict and kind, the figures stated and recomputed, tolerance, convention, hypothesis."""
    head = (f"{_status_label(claim.status, lang)} · {_kind_label(claim.kind, lang)} ({msg('review_line', lang, line=claim.line)}): "
            f"{msg('review_stated_as', lang, stated=claim.stated)}; {msg('review_computed_as', lang, computed=claim.computed)}")
    if _text(claim.tolerance) not in ("", "0", "–"):
        head += f" ({msg('review_tolerance_as', lang, tolerance=claim.tolerance)})"
    lines = [head]
    for column, key in (("convention", "review_convention"), ("hypothesis", "review_hypothesis"),
                        ("assumption", "review_assumption")):
        value = _text(getattr(claim, column))
        if value:
            lines.append(f"{term(key, lang)}: {_convention(value, lang) if column == 'convention' else value}")
    if _text(claim.note):
        lines.append(_text(claim.note))
    return "\n".join(lines)


def _groups(claims: pd.DataFrame) -> list[tuple[int, int, list[int]]]:
    """Marked stretches of text: (start, end, claim positions); numbers that overlap share one mark."""
    spans = sorted((a, b, i) for i, row in enumerate(claims["spans"]) for a, b in row if b > a)
    groups: list[tuple[int, int, list[int]]] = []
    for a, b, i in spans:
        if groups and a < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, b), members if i in members else [*members, i])
        else:
            groups.append((a, b, [i]))
    return groups


def _marked_text(text: str, claims: pd.DataFrame, explanations: list[str]) -> tuple[str, dict[int, str]]:
    """The text escaped, each marked stretch a focusable mark; and the mark id of each claim's own number (its
    ``start`` when the engine gives one, else the first of its spans), which the summary links to."""
    out, position, first_mark = [], 0, {}
    statuses = claims["status"].tolist()
    ids = claims["claim_id"].tolist()
    own = [int(s) if "start" in claims and pd.notna(s) else (spans[0][0] if spans else -1)
           for s, spans in zip(claims["start"] if "start" in claims else [None] * len(claims), claims["spans"])]
    for number, (start, end, members) in enumerate(_groups(claims), start=1):
        status = min((statuses[i] for i in members), key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else 9)
        tip = "\n\n".join(explanations[i] for i in members)
        described = " ".join(f"x-{ids[i]}" for i in members)
        for i in members:
            if start <= own[i] < end:
                first_mark[i] = f"m{number}"
            first_mark.setdefault(i, f"m{number}")
        out.append(html.escape(text[position:start]))
        out.append(f"<mark class='{status}' id='m{number}' tabindex='0' aria-describedby='{html.escape(described, quote=True)}' "
                   f"data-tip='{html.escape(tip, quote=True).replace(chr(10), '&#10;')}'>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return _parts("".join(out)), first_mark


def _parts(marked: str, lines: int = PART_LINES) -> str:
    """The marked text in blocks of ``lines`` lines, each rendered only when it comes into view (CSS
    ``content-visibility``): a 100-page document opens as fast as its first screen."""
    split = marked.split("\n")  # no mark holds a newline: its explanation's line breaks are written &#10;
    return "".join(f"<div class='part'>{chr(10).join(split[i:i + lines])}</div>" for i in range(0, len(split), lines))


def _counts(claims: pd.DataFrame) -> dict[str, int]:
    return {s: int((claims["status"] == s).sum()) for s in ("pass", "fail", "warn", "unchecked")}


def render_page(text: str, claims: pd.DataFrame, lang: str = "vi", title: str = "") -> str:
    """The review page of ``text`` (HTML fragment with its own style): summary, marked text, table of claims."""
    claims = with_spans(text, claims)
    explanations = [_explain(row, lang) for row in claims.itertuples(index=False)]
    body, first_mark = _marked_text(text, claims, explanations)
    counts = _counts(claims)
    legend = " ".join(f"<span class='{s}'>{html.escape(_status_label(s, lang))}: {format_number(counts[s], 0, lang)}</span>"
                      for s in STATUS_ORDER)
    flagged = [(i, row) for i, row in enumerate(claims.itertuples(index=False)) if row.status in ("fail", "warn")]
    items = "".join(
        f"<li><a href='#{first_mark.get(i, 'x-' + row.claim_id)}'>{html.escape(_status_label(row.status, lang))} · "
        f"{html.escape(msg('review_line', lang, line=row.line))} · {html.escape(_kind_label(row.kind, lang))}: "
        f"{html.escape(_text(row.stated))}</a></li>" for i, row in flagged)
    to_check = f"<ol>{items}</ol>" if items else f"<p>{html.escape(term('review_nothing_to_check', lang))}</p>"
    head = ["review_claim_no", "line_no", "status", "kind", "stated", "computed", "tolerance", "excerpt", "review_explanation"]
    rows = "".join(
        f"<tr class='row-{row.status}' id='x-{html.escape(row.claim_id, quote=True)}'><td>{html.escape(row.claim_id)}</td>"
        f"<td>{row.line}</td><td><span class='{row.status}'>{html.escape(_status_label(row.status, lang))}</span></td>"
        f"<td>{html.escape(_kind_label(row.kind, lang))}</td><td>{html.escape(_text(row.stated))}</td>"
        f"<td>{html.escape(_text(row.computed))}</td><td>{html.escape(_text(row.tolerance))}</td>"
        f"<td>{html.escape(_text(row.excerpt))}</td><td>{html.escape(explanations[i].partition(chr(10))[2]).replace(chr(10), '<br>')}</td></tr>"
        for i, row in enumerate(claims.itertuples(index=False)))
    if len(claims):
        headers = "".join(f"<th>{html.escape(term(k, lang))}</th>" for k in head)
        table = (f"<details{' open' if len(claims) <= OPEN_TABLE_ROWS else ''}><summary>{html.escape(term('review_claims', lang))} "
                 f"({format_number(len(claims), 0, lang)})</summary><table><thead><tr>{headers}</tr>"
                 f"</thead><tbody>{rows}</tbody></table></details>")
    else:
        table = f"<p>{html.escape(term('review_no_claims', lang))}</p>"
    heading = html.escape(title or term("review_title", lang))
    return (f"<div class='hdnd-review' lang='{lang}'><style>{STYLE}</style><h1>{heading}</h1>"
            f"<section><h2>{html.escape(term('review_summary', lang))}</h2><p>{legend}</p>"
            f"<p>{html.escape(term('review_hint', lang))}</p><h3>{html.escape(term('review_to_check', lang))}</h3>{to_check}</section>"
            f"<section><h2>{html.escape(term('review_text', lang))}</h2><div class='doc'>{body}</div></section>"
            f"<section><h2>{html.escape(term('review_claims', lang))}</h2>{table}</section></div>")


def problem_page(problem: dict[str, str], lang: str = "vi", title: str = "") -> str:
    """The page of a document that could not be read: what was wrong, in the reader's language."""
    return (f"<div class='hdnd-review' lang='{lang}'><h1>{html.escape(title or term('review_title', lang))}</h1>"
            f"<h2>{html.escape(term('review_unreadable', lang))}</h2><p>{html.escape(problem[lang])}</p></div>")


# ------------------------------------------------------------------------------------------- notebook
def _record(name: str, value: object) -> None:
    from IPython.display import display

    display({RECORD_MIME: {"name": name, "value": value}}, raw=True)


class DocumentReview:
    """One document read and its claims checked; the notebook shows the page and saves the claims."""

    def __init__(self, path: str | os.PathLike, lang: str = "vi") -> None:
        import hdnd_data.text as engine

        self.path, self.lang = Path(path), lang
        self.title = f"{term('review_title', lang)}: {self.path.name}"
        self.problem: dict[str, str] | None = None
        self.error: Exception | None = None
        self.text = ""
        self.claims = pd.DataFrame(columns=["claim_id", "line", "excerpt", "kind", "stated", "computed", "tolerance", "status",
                                            "note", *EXTRA_COLUMNS, "spans"])
        try:
            self.text = engine.read_report(self.path)
        except engine.ReportReadError as exc:
            self.problem, self.error = read_problem(exc), exc
            return
        self.claims = with_spans(self.text, engine.check_claims(self.text, lang=lang, include_unchecked=True))

    @property
    def counts(self) -> dict[str, int]:
        return _counts(self.claims)

    def page(self) -> str:
        if self.problem:
            return problem_page(self.problem, self.lang, self.title)
        return render_page(self.text, self.claims, self.lang, self.title)

    def show(self) -> None:
        """Display the page and record what the runner reads back (counts, or the reading problem)."""
        from IPython.display import HTML, display

        display(HTML(self.page()))
        _record("document", {"name": self.path.name, "problem": self.problem, "counts": None if self.problem else self.counts})

    def save(self, claims_csv: str | os.PathLike | None) -> None:
        """Write every claim (the spans as text) to a CSV no spreadsheet runs as formulas; nothing if unreadable."""
        if claims_csv and not self.problem:
            frame = self.claims.assign(spans=[";".join(f"{a}-{b}" for a, b in s) for s in self.claims["spans"]])
            from hdnd_data.text.claims import claims_csv as safe_csv

            write_atomic(claims_csv, safe_csv(frame))


def review(path: str | os.PathLike, lang: str = "vi", show: bool = True) -> pd.DataFrame:
    """In JupyterLab: the claims of a document (one row per claim) and, by default, its marked text shown inline.

    A document that cannot be read raises the reader's ``ReportReadError``.
    """
    document = DocumentReview(path, lang)
    if document.error is not None:
        raise document.error
    if show:
        from IPython.display import HTML, display

        display(HTML(document.page()))
    return document.claims
