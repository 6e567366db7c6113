"""Names the runners, the notebooks they run and the report share: the MIME type of recorded values, the check
statuses, the kinds of document a review reads, a reviewed document's identity and folder name, and the files of a
unit-year's findings record.

In the data wing and standard library only: the checks and the report read these names without importing the
runners (which only the command imports), and the runners read them without importing pandas.
"""

import hashlib
import os
import re
import unicodedata
from pathlib import PurePath

RECORD_MIME = "application/vnd.hdnd.record+json"
STATUSES = ("pass", "fail", "warn")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
FINDINGS_RECORD = "findings.json"  # a unit-year's findings as its last run left them (hdnd_data.findings.history)
FINDINGS_PREVIOUS = ".findings.previous.json"  # the last finished run's record while a batch run redoes the unit-year


def slug(path: str | PurePath) -> str:
    """The folder name of a document's review: its file name without accents, lower case, words joined by hyphens.

    >>> slug("Báo cáo HĐND 2020 (bản cuối).docx")
    'bao-cao-hdnd-2020-ban-cuoi'
    """
    stem = PurePath(path).stem.replace("đ", "d").replace("Đ", "D")
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "document"


def document_identity(path: str | PurePath, output: str | PurePath) -> str:
    """Who a reviewed document is in an output folder: its real path relative to the folder (``../docs/a/x.docx``).

    Two documents of one file name in different folders are two documents; the same file named another way
    (``./docs/x.txt``, an absolute path, a link to it, from another working directory) is the same one; and a project
    folder holding both the documents and the reports keeps every identity when it is moved or copied elsewhere.
    """
    real, out = os.path.realpath(path), os.path.realpath(output)
    try:
        return PurePath(os.path.relpath(real, out)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return PurePath(real).as_posix()


def document_folder(path: str | PurePath, output: str | PurePath) -> str:
    """The folder of a document's review under ``<output>/documents/``: its name's slug, then 8 hex digits of its
    identity (:func:`document_identity`), so the name stays readable and two documents never share a folder.

    >>> document_folder("/srv/a/Báo cáo.docx", "/srv/reports"), document_folder("/srv/b/Báo cáo.docx", "/srv/reports")
    ('bao-cao-9071e006', 'bao-cao-1606ab25')
    """
    identity = document_identity(path, output)
    return f"{slug(path)}-{hashlib.sha1(identity.encode('utf-8')).hexdigest()[:8]}"
