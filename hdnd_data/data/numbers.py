"""Strict parsing and formatting of numbers written the Vietnamese way.

A thousands separator is a dot and the decimal mark a comma (``390.463`` is 390463, ``93,2%`` is 93.2).
Parsing is strict: a misplaced separator raises, it never silently changes a value by a factor of 1000.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from babel.numbers import NumberFormatError, format_decimal, parse_decimal

__all__ = [
    "NumberParseError",
    "Stated",
    "decimals_of",
    "format_number",
    "format_percent",
    "format_significant",
    "nfc",
    "parse_fraction",
    "parse_number",
    "parse_percent",
    "parse_stated",
    "printed_interval",
]

LOCALE = "vi"
_PLAIN = re.compile(r"^[+-]?\d+$|^[+-]?\d{1,3}(\.\d{3})+$|^[+-]?\d+,\d+$|^[+-]?\d{1,3}(\.\d{3})+,\d+$")
_FRACTION = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class NumberParseError(ValueError):
    """A text that is not a well-formed Vietnamese number."""


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C (composed diacritics)."""
    return unicodedata.normalize("NFC", text)


def decimals_of(text: str) -> int:
    """Number of digits printed after the decimal comma (``"93,2"`` -> 1, ``"105"`` -> 0)."""
    text = nfc(text).strip().rstrip("%").strip()
    return len(text.split(",", 1)[1]) if "," in text else 0


def parse_number(text: str) -> Decimal:
    """Parse a Vietnamese-formatted number strictly.

    >>> parse_number("390.463")
    Decimal('390463')
    >>> parse_number("93,2")
    Decimal('93.2')
    >>> parse_number("05")
    Decimal('5')

    A dot that is not a thousands separator (``"3904.63"``, ``"1.5"``) is an error, not a silent
    ×1000 or a decimal point.
    """
    if not isinstance(text, str):
        raise NumberParseError(f"expected text, got {type(text).__name__}")
    cleaned = nfc(text).strip()
    if not cleaned or not _PLAIN.match(cleaned):
        raise NumberParseError(f"{text!r} is not a Vietnamese number (write 390.463 or 93,2)")
    try:
        return parse_decimal(cleaned, locale=LOCALE, strict=True)
    except NumberFormatError as exc:  # pragma: no cover - the regex above already rejects these
        raise NumberParseError(f"{text!r}: {exc}") from exc


def parse_percent(text: str) -> Decimal:
    """Parse a printed percentage (``"93,2%"`` or ``"93,2"``) to its number of percent (93.2)."""
    cleaned = nfc(text).strip()
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    return parse_number(cleaned)


def parse_fraction(text: str) -> tuple[int, int]:
    """Parse ``"8/8"`` or ``"04/04"`` to ``(8, 8)``; ``"1/2"`` (a half day) to ``(1, 2)``."""
    match = _FRACTION.match(nfc(text))
    if not match:
        raise NumberParseError(f"{text!r} is not a fraction like 8/8")
    numerator, denominator = int(match.group(1)), int(match.group(2))
    if denominator == 0:
        raise NumberParseError(f"{text!r} has a zero denominator")
    return numerator, denominator


@dataclass(frozen=True)
class Stated:
    """A number as printed: its value and how many decimals the text showed."""

    value: float
    decimals: int
    raw: str

    @property
    def interval(self) -> tuple[float, float]:
        return printed_interval(self.value, self.decimals)


def parse_stated(text: str) -> Stated:
    """Parse a printed number or percentage, keeping its printed precision."""
    value = parse_percent(text)
    return Stated(float(value), decimals_of(text), nfc(text).strip())


def printed_interval(value: float, decimals: int) -> tuple[float, float]:
    """The values that print as ``value`` at ``decimals`` digits, under half-up or half-even rounding.

    ``97,5`` -> (97.45, 97.55): both ends are admitted because half-even rounding can print a
    value at either end as 97,5.
    """
    half = 0.5 * 10.0 ** (-decimals)
    return value - half, value + half


def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _locale(lang: str) -> str:
    # an English page prints 390,463 and 93.2%; any other language reads the Vietnamese way
    return "en" if lang == "en" else LOCALE


def format_number(value: float | int | Decimal | None, decimals: int = 0, lang: str = "vi") -> str:
    """Format ``390463`` as ``"390.463"`` and ``13.6`` (1 decimal) as ``"13,6"`` (``lang="en"``: ``"390,463"``, ``"13.6"``); missing -> ``"–"``."""
    if value is None or pd.isna(value):
        return "–"
    return format_decimal(value, format=_pattern(decimals), locale=_locale(lang), decimal_quantization=True)


def format_significant(value: float | Decimal | None, max_decimals: int = 3, lang: str = "vi") -> str:
    """Format with only the decimals a value needs: ``0.05`` -> ``"0,05"``, ``680.443`` -> ``"680,443"``."""
    if value is None or pd.isna(value):
        return "–"
    return format_decimal(value, format="#,##0." + "#" * max_decimals, locale=_locale(lang))


def format_percent(value: float | Decimal | None, decimals: int = 1, lang: str = "vi") -> str:
    """Format ``93.2`` as ``"93,2%"``: the number of percent, Vietnamese decimal comma, no space (``"93.2%"`` in English)."""
    text = format_number(value, decimals, lang)
    return text if text == "–" else text + "%"


# A number printed the Vietnamese way inside a sentence: thousands dots (390.463, 1.042,5) or a decimal comma (93,2).
_VI_NUMBER_RE = re.compile(r"(?<![\w.,/])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![\w/]|[.,]\d)")


def english_numbers(text: str) -> str:
    """The numbers of a sentence written the Vietnamese way, printed the English way (the words are left alone).

    >>> english_numbers("45/60 = 75,00%, tolerance ±0,05; base 418.727–419.177; 1.042,5 million; 15/NQ-HĐND; 06/11/2020")
    '45/60 = 75.00%, tolerance ±0.05; base 418,727–419,177; 1,042.5 million; 15/NQ-HĐND; 06/11/2020'
    """
    return _VI_NUMBER_RE.sub(lambda m: m.group(0).translate(_SWAP), text)


_SWAP = str.maketrans({".": ",", ",": "."})

