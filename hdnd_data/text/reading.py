"""Reading a report into text: .txt/.md (UTF-8), .docx (paragraphs and tables) and .pdf (its text layer).

Every way a file can fail to be a readable report is one :class:`ReportReadError` with a ``reason`` code, whose
message comes from the label catalogue in the reader's language.
"""

from __future__ import annotations

from pathlib import Path

from hdnd_data.data.numbers import nfc
from hdnd_data.labels import msg

__all__ = ["READ_REASONS", "ReportReadError", "read_report"]

READ_REASONS = ("missing", "wrong_type", "empty", "not_utf8", "corrupt", "encrypted", "no_text_layer")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
# A PDF page with fewer visible characters than this per page is taken for a scanned image.
MIN_CHARS_PER_PAGE = 20


class ReportReadError(ValueError):
    """A report file that cannot be read as text; ``reason`` is one of :data:`READ_REASONS`."""

    def __init__(self, reason: str, path: str | Path, **values: object) -> None:
        if reason not in READ_REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        self.reason, self.path, self.values = reason, Path(path), values
        super().__init__(self.text("en"))

    def text(self, lang: str = "vi") -> str:
        """The one-line message in ``lang`` (vi or en)."""
        return msg(f"read_{self.reason}", lang, path=self.path, **self.values)


def read_report(path: str | Path) -> str:
    """Read a report as one text (NFC): ``.txt``/``.md`` in UTF-8, ``.docx`` (tables as ``a | b`` lines) or ``.pdf``.

    >>> read_report("no/such/report.txt")
    Traceback (most recent call last):
    ...
    hdnd_data.text.reading.ReportReadError: no/such/report.txt: no such file
    """
    path = Path(path)
    if not path.exists():
        raise ReportReadError("missing", path)
    suffix = path.suffix.lower()
    if not path.is_file() or suffix not in (*TEXT_SUFFIXES, ".docx", ".pdf"):
        raise ReportReadError("wrong_type", path, suffix=suffix or path.name)
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReportReadError("not_utf8", path, byte=exc.start) from exc
        if "\x00" in text:
            raise ReportReadError("wrong_type", path, suffix=suffix)
    if not text.strip():
        raise ReportReadError("empty", path)
    return nfc(text)


def _read_docx(path: Path) -> str:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types (zip, XML, key) for a damaged file
        raise ReportReadError("corrupt", path, suffix=".docx", detail=type(exc).__name__) from exc
    lines = []
    # Paragraphs and tables in document order: a table's rows are lines with cells joined by " | ".
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append(docx.text.paragraph.Paragraph(block, document).text)
        elif block.tag == qn("w:tbl"):
            for row in docx.table.Table(block, document).rows:
                cells, previous = [], None
                for cell in row.cells:
                    # a merged cell repeats across the columns it spans (the same cell element); two cells of equal
                    # text ("12 | 12") are two columns and both kept, so a table's columns stay aligned
                    if cell._tc is not previous:
                        cells.append(" ".join(cell.text.split()))
                    previous = cell._tc
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = pypdf.PdfReader(str(path))
        # A PDF locked only against editing opens with the empty password; one that needs a password does not.
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportReadError("encrypted", path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except FileNotDecryptedError as exc:
        raise ReportReadError("encrypted", path) from exc
    except ReportReadError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError, TypeError) as exc:
        raise ReportReadError("corrupt", path, suffix=".pdf", detail=type(exc).__name__) from exc
    visible = sum(len("".join(page.split())) for page in pages)
    if not pages or visible < MIN_CHARS_PER_PAGE * len(pages):
        raise ReportReadError("no_text_layer", path)
    return "\n".join(pages)
