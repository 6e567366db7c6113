"""Every sentence the claims engine says comes from labels/text.py, in Vietnamese and English, with the same fields."""

from __future__ import annotations

import re
import string

from hdnd_data.labels import TERMS
from hdnd_data.labels import text as text_labels
from hdnd_data.text.misprints import SLIPS

from .conftest import REPO

SOURCES = sorted((REPO / "hdnd_data" / "text").glob("*.py"))


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_the_engine_asks_for_exists():
    used = set()
    for path in SOURCES:
        used |= set(re.findall(r"""\bmsg\(\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
    used |= {f"slip_{kind}" for kind in SLIPS}
    used |= {f"hyp_{role}" for role in ("percent", "base", "count", "part", "total", "change", "count_before")}
    used |= {f"read_{reason}" for reason in ("missing", "wrong_type", "empty", "not_utf8", "corrupt", "encrypted", "no_text_layer")}
    assert len(used) > 40
    assert sorted(used - set(TERMS)) == []


def test_both_languages_have_the_same_fields():
    for key, (vi, en) in text_labels.TERMS.items():
        assert vi and en, key
        assert _fields(vi) == _fields(en), key


def test_the_engine_words_no_sentence_itself():
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        assert "line.say(" not in source and "_say(" not in source, path.name
