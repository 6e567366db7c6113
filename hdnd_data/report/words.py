"""Codes the data keep for machines, said in the reader's words: source locators, voter-contact rounds, claim kinds.

``I.1.3 note 1`` reads ``mục I.1.3, ghi chú 1``; ``para 12`` reads ``đoạn 12``; ``after-11`` reads ``sau kỳ họp 11``.
"""

from __future__ import annotations

import re

from hdnd_data.labels import TERMS, msg, term

_SECTION = re.compile(r"^(?:[IVXLC]+|\d+)(?:\.\d+)*$")  # I.3.2, II.1, 4
_PART = re.compile(r"^(note|para|preamble)(?:\s+(\d+))?$")
_ROUND = re.compile(r"^(before|after)-(\d+)$")


def locator(text: str, lang: str = "vi") -> str:
    """A source locator (``I.3.2``, ``I.1.3 note 1``, ``para 1; para 12``) in ``lang``; anything else as it is."""
    places = []
    for place in str(text).split(";"):
        words = []
        for token in re.split(r"\s+(?=note|para|preamble)", place.strip()):
            if _SECTION.match(token):
                words.append(msg("locator.section", lang, at=token))
            elif m := _PART.match(token):
                words.append(msg(f"locator.{m.group(1)}", lang, n=m.group(2) or ""))
            else:
                words.append(token)
        places.append(", ".join(words))
    return "; ".join(places)


def locators(texts, lang: str = "vi") -> str:
    """Several locators of one source, each once, in the order given; numbered sections share one word
    (``mục I.2, I.3.1; đoạn 4``)."""
    sections, others = [], []
    for text in dict.fromkeys(p.strip() for t in texts for p in str(t).split(";")):
        (sections if _SECTION.match(text) else others).append(text)
    said = [msg("locator.section", lang, at=", ".join(sections))] if sections else []
    return "; ".join(said + [locator(t, lang) for t in others])


def round_name(round_id: str, lang: str = "vi") -> str:
    """``after-11`` -> ``sau kỳ họp 11``; several rounds (``before-13;after-13``) joined by commas."""
    names = []
    for part in str(round_id).split(";"):
        m = _ROUND.match(part.strip())
        names.append(f"{term(m.group(1), lang)} {m.group(2)}" if m else part.strip())
    return ", ".join(names)


def claim_kind(kind: str, lang: str = "vi") -> str:
    """The relation a claim states (``sum``, ``percent_of_base``, ...) as a reader names it: the claims engine's own
    label (``kind_<code>`` in labels/text.py), "another claim" for a kind it adds later without one."""
    return term(f"kind_{kind}" if f"kind_{kind}" in TERMS else "review_kind_other", lang)
