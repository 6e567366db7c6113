"""The index of an output folder: one small record per unit-year audit or reviewed document, merged into index.html.

Each run writes a JSON record per row it produced (``<out>/.hdnd-index/*.json``, atomically) and rebuilds
``<out>/index.html`` from every record present, under an exclusive file lock: a partial run, or two runs into one
folder at once, never drop another run's rows. A row whose output is gone, whose page is older than its run, or
whose input's content changed after the run read it, is marked stale. Standard library only, so that the runners
stay light.
"""

from __future__ import annotations

import fcntl
import hashlib
import html
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from hdnd_data.data.files import write_atomic
from hdnd_data.labels import term
from hdnd_data.runs.digests import changed

__all__ = ["RECORDS", "Row", "add_rows", "read_rows", "render", "stale_reason"]

RECORDS = ".hdnd-index"  # folder of the records inside an output folder
KINDS = ("audit", "document")
COUNTED = {"audit": ("pass", "fail", "warn"), "document": ("pass", "fail", "warn", "unchecked")}
ROW_STATUSES = ("done", "invalid", "error", "unreadable")


@dataclass
class Row:
    """One line of the index: a unit-year's audit or a document's review, as its run left it."""

    kind: str  # audit | document
    key: str  # the row's identity in the folder: "<unit>/<year>" or "documents/<slug>"
    title: dict[str, str]  # what the reader sees, by language (the unit's name, the document's file name)
    status: str  # done | invalid | error | unreadable
    counts: dict[str, int] = field(default_factory=dict)
    message: dict[str, str] = field(default_factory=dict)  # why it is not done, by language
    files: dict[str, str] = field(default_factory=dict)  # page | notebook | table -> path relative to the folder
    inputs: list[str] = field(default_factory=list)  # files whose later change makes the row stale (relative to the
    # output folder, as a document's identity is, or absolute)
    year: int | None = None
    finished: float = field(default_factory=time.time)
    started: float | None = None  # when known exactly: a page older than this is from an earlier run
    wrote_page: bool | None = None  # whether the run wrote its page (None: not recorded; then by ``started``)
    digests: dict[str, dict] = field(default_factory=dict)  # input -> its snapshot when the run read it (runs.digests)
    engine: str = ""  # what made the page (a document's review: runs.review.engine_version)
    lang: str = ""  # the language of the page

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.status not in ROW_STATUSES:
            raise ValueError(f"status must be one of {ROW_STATUSES}, not {self.status!r}")


_FIELDS = {f.name for f in fields(Row)}


def _real(output: Path, inputs: list[str]) -> tuple[str, ...]:
    return tuple(os.path.realpath(Path(output, name)) for name in inputs)


def _record_path(output: Path, key: str) -> Path:
    readable = re.sub(r"[^\w.-]+", "~", key)[:80]
    return output / RECORDS / f"{readable}-{hashlib.sha1(key.encode()).hexdigest()[:8]}.json"


@contextmanager
def _locked(output: Path) -> Iterator[None]:
    folder = output / RECORDS
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "lock", "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)  # released when the file closes, also if the process dies
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _records(output: Path, only: Iterable[Path] | None = None) -> dict[Path, Row]:
    """Every readable record of the folder (or ``only`` those files) by its file (one that cannot be read is left out:
    the next run of its row rewrites it)."""
    found = {}
    for path in sorted((output / RECORDS).glob("*.json")) if only is None else [p for p in only if p.is_file()]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found[path] = Row(**{k: v for k, v in data.items() if k in _FIELDS})  # a newer version's extra fields wait
        except (OSError, ValueError, TypeError):
            continue
    return found


def read_rows(output: str | os.PathLike) -> list[Row]:
    """Every record of the folder (a record that cannot be read is left out: the next run of its row rewrites it)."""
    return list(_records(Path(output)).values())


def add_rows(output: str | os.PathLike, rows: Iterable[Row], lang: str = "vi", page: bool = True) -> Path:
    """Record ``rows`` (a row keeps the newest of its results) and rebuild ``index.html`` from all records (unless not
    ``page``: a batch run rebuilds it now and then and at its end); the records are read once per call, under the lock."""
    output = Path(output)
    with _locked(output):
        rows = list(rows)
        whole = page or any(r.kind == "document" for r in rows)  # else only the rows' own records are compared
        recorded = _records(output, None if whole else [_record_path(output, r.key) for r in rows])
        documents = {_real(output, r.inputs): r.key for r in rows if r.kind == "document" and r.inputs}
        for path, old in list(recorded.items()):  # a document has one row: a record under an older folder name gives way
            if old.kind == "document" and documents.get(_real(output, old.inputs)) not in (None, old.key):
                path.unlink(missing_ok=True)
                del recorded[path]
        for row in rows:
            path = _record_path(output, row.key)
            if path in recorded and recorded[path].finished > row.finished:
                continue  # a later run of this row already finished
            write_atomic(path, json.dumps(asdict(row), ensure_ascii=False, indent=1))
            recorded[path] = row
        if not page:
            return output / "index.html"
        return write_atomic(output / "index.html", render([recorded[p] for p in sorted(recorded)], output, lang))


def stale_reason(output: str | os.PathLike, row: Row) -> str | None:
    """``missing`` when the row's page is gone, ``older`` when the page is an earlier run's (this run could not write
    it), ``inputs`` when an input's content changed since the run read it (exactly, by its recorded digest; by
    modification time for a record without one), ``gone`` when a recorded input no longer exists, else None."""
    page = row.files.get("page")
    if page and not (Path(output) / page).is_file():
        return "missing"
    if page and row.wrote_page is False:
        return "older"  # the run could not write its page: the one there is an earlier run's
    if page and row.wrote_page is None and row.started is not None and (Path(output) / page).stat().st_mtime < row.started - 1:
        return "older"
    for name in row.inputs:
        path = Path(output, name)  # an absolute input stays as it is
        if name in row.digests:
            if not os.path.lexists(path):
                return "gone"  # the document was deleted or moved: the row speaks of a file no longer there
            if changed(path, row.digests[name]):
                return "inputs"
            continue
        try:
            latest = max([path.stat().st_mtime] + [p.stat().st_mtime for p in path.iterdir()] if path.is_dir()
                          else [path.stat().st_mtime])
        except OSError:
            continue  # an input that went away says nothing about the result
        if latest > row.finished:
            return "inputs"
    return None


# ------------------------------------------------------------------------------------------- the page
STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}"
    "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}td.n{text-align:right}"
    "tr.invalid,tr.error,tr.unreadable{background:#fde2e2}tr.stale{color:#666;font-style:italic}"
    ".stale-note{font-weight:bold;font-style:normal;color:#8a4b00}small.where{color:#666}"
)


def _count(n: int, lang: str) -> str:
    """A count the reader's way (1.234 in Vietnamese, 1,234 in English), without loading the number formatting of
    :mod:`hdnd_data.data.numbers` (pandas) into the runners."""
    return f"{int(n):,}".replace(",", "." if lang == "vi" else ",")


def _when(seconds: float, lang: str) -> str:
    return time.strftime("%d/%m/%Y %H:%M" if lang == "vi" else "%Y-%m-%d %H:%M", time.localtime(seconds))


def _result(row: Row, stale: str | None, lang: str) -> str:
    text = html.escape(term(f"row_{row.status}", lang))
    detail = row.message.get(lang) or next(iter(row.message.values()), "")
    if detail and row.status != "done":
        text += ": " + html.escape(detail.splitlines()[0])
    if stale:
        text += (f" <span class='stale-note'>({html.escape(term('index_stale', lang))}: "
                 f"{html.escape(term(f'index_stale_{stale}', lang))})</span>")
    return text


def _links(row: Row, lang: str) -> str:
    names = {"page": "index_page", "notebook": "index_notebook", "table": "index_table"}
    return " · ".join(f"<a href='{html.escape(path, quote=True)}'>{html.escape(term(names.get(role, role), lang))}</a>"
                      for role, path in row.files.items())


def _changes(row: Row, lang: str) -> str:
    """Findings new, resolved, changed since the last run into the folder (recorded by the audit page)."""
    kinds = ("new", "resolved", "changed", "new_rule")
    if not any(k in row.counts for k in kinds):
        return "–"
    return " · ".join(f"{term(f'findings.change.{k}', lang)} {row.counts.get(k, 0)}" for k in kinds)


def _where(output: Path, row: Row) -> str:
    """The folder of a document, relative to the index: two documents of one name read apart."""
    if not row.inputs:
        return ""
    try:
        folder = Path(os.path.relpath(Path(output, row.inputs[0]).resolve().parent, output.resolve())).as_posix()
    except ValueError:
        folder = Path(row.inputs[0]).parent.as_posix()
    return f"<br><small class='where'>{html.escape(folder)}</small>"


def _table(output: Path, rows: list[Row], kind: str, lang: str) -> str:
    counted = COUNTED[kind]
    first = [term("unit", lang), term("year", lang)] if kind == "audit" else [term("review_document", lang)]
    head = [*first, term("index_result", lang), *[term(f"review_{s}" if s == "unchecked" else s, lang) for s in counted],
            *([term("findings.changes", lang)] if kind == "audit" else []), term("index_when", lang), term("index_files", lang)]
    body = []
    for row in rows:
        title = row.title.get(lang) or next(iter(row.title.values()), row.key)
        where = _where(output, row) if kind == "document" else ""
        cells = [f"<td>{html.escape(title)}{where}</td>"]
        if kind == "audit":
            cells.append(f"<td>{row.year}</td>")
        stale = stale_reason(output, row)  # once per row: it reads the inputs' signatures
        cells.append(f"<td>{_result(row, stale, lang)}</td>")
        cells += [f"<td class='n'>{_count(row.counts[s], lang) if s in row.counts else '–'}</td>" for s in counted]
        if kind == "audit":
            cells.append(f"<td>{html.escape(_changes(row, lang))}</td>")
        cells += [f"<td>{_when(row.finished, lang)}</td>", f"<td>{_links(row, lang)}</td>"]
        classes = row.status + (" stale" if stale else "")
        body.append(f"<tr class='{classes}' id='{html.escape(row.key, quote=True)}'>{''.join(cells)}</tr>")
    return ("<table><thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def render(rows: list[Row], output: str | os.PathLike, lang: str = "vi") -> str:
    """The index page of ``rows``: audits by unit and year, then documents by name; every word in ``lang``."""
    output = Path(output)
    title = term("index_title", lang)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    audits = sorted((r for r in rows if r.kind == "audit"), key=lambda r: (r.title.get(lang, r.key), r.year or 0))
    documents = sorted((r for r in rows if r.kind == "document"), key=lambda r: (r.title.get(lang, r.key).lower(), r.inputs))
    for kind, chosen, heading in (("audit", audits, "index_audits"), ("document", documents, "index_documents")):
        if chosen:
            parts.append(f"<h2>{html.escape(term(heading, lang))}</h2>" + _table(output, chosen, kind, lang))
    if not rows:
        parts.append(f"<p>{html.escape(term('index_none', lang))}</p>")
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")
