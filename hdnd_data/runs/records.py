"""Names the runners and the notebooks they run share: the MIME type of recorded values, the check statuses, the
kinds of document a review reads and the folder name of a document's review.

Kept at the bottom of the package (no imports from it), so that the report never imports the runners and the
runners never import pandas.
"""

import re
import unicodedata
from pathlib import PurePath

RECORD_MIME = "application/vnd.hdnd.record+json"
STATUSES = ("pass", "fail", "warn")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def slug(path: str | PurePath) -> str:
    """The folder name of a document's review: its file name without accents, lower case, words joined by hyphens.

    >>> slug("Báo cáo HĐND 2020 (bản cuối).docx")
    'bao-cao-hdnd-2020-ban-cuoi'
    """
    stem = PurePath(path).stem.replace("đ", "d").replace("Đ", "D")
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "document"
