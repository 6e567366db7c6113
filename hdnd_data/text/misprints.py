"""Misprints that explain an inconsistent claim: printed forms one slip away from a number, and which of them make
the relation hold (a digit dropped or added, two neighbouring digits swapped, the decimal comma moved, one digit
wrong), and whether truncation rather than rounding explains a printed figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from hdnd_data.data.numbers import format_number
from hdnd_data.labels import msg

# Slips in the order they are believed: a changed digit explains almost anything, so it is tried last.
SLIPS = ("swapped", "comma", "dropped", "added", "changed")
MAX_HYPOTHESES = 3


@dataclass(frozen=True)
class Slip:
    """One printed form ``raw`` of a number (value ``value``, ``decimals`` shown) and the slip that would give it."""

    raw: str
    value: float
    decimals: int
    slip: str


def _printed(digits: str, integer_digits: int) -> tuple[str, float, int] | None:
    """Digits and the count of those before the comma, as Vietnamese print ("1014", 4 -> "1.014")."""
    whole, frac = digits[:integer_digits], digits[integer_digits:]
    if not whole or (len(whole) > 1 and whole[0] == "0" and len(whole) != len(digits)):
        return None
    whole = whole.lstrip("0") or "0"
    value = float(whole + ("." + frac if frac else ""))
    return format_number(value, len(frac)), value, len(frac)


def slips(raw: str) -> list[Slip]:
    """Every printed form one slip away from ``raw`` ("1.104": "1.014" swapped, "1.10" …), nearest slips first.

    >>> sorted({s.raw for s in slips("2,6") if s.slip == "comma"})
    ['26']
    >>> [s.raw for s in slips("1.104") if s.slip == "swapped"]
    ['1.014', '1.140']
    """
    text = raw.strip().rstrip("%").strip()
    whole, _, frac = text.partition(",")
    digits, integer_digits = whole.replace(".", "") + frac, len(whole.replace(".", ""))
    if not digits.isdigit() or len(digits) > 12:
        return []
    found: dict[str, Slip] = {}

    def keep(new_digits: str, new_integer: int, slip: str) -> None:
        shown = _printed(new_digits, new_integer) if 0 < new_integer <= len(new_digits) else None
        if shown is not None and shown[0] != format_number(float(whole.replace(".", "") + "." + frac) if frac else
                                                            float(whole.replace(".", "")), len(frac)):
            found.setdefault(shown[0], Slip(shown[0], shown[1], shown[2], slip))

    n = len(digits)
    for i in range(n - 1):
        if digits[i] != digits[i + 1]:
            keep(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:], integer_digits, "swapped")
    for k in range(1, n + 1):
        if k != integer_digits:
            keep(digits, k, "comma")
    for i in range(n):
        keep(digits[:i] + digits[i + 1:], integer_digits - (i < integer_digits), "dropped")
    for i in range(n + 1):
        # at the comma, the new digit may stand on either side of it
        sides = (integer_digits + 1, integer_digits) if i == integer_digits else (integer_digits + (i < integer_digits),)
        for d in "0123456789":
            for new_integer in sides:
                keep(digits[:i] + d + digits[i:], new_integer, "added")
    for i in range(n):
        for d in "0123456789":
            if d != digits[i]:
                keep(digits[:i] + d + digits[i + 1:], integer_digits, "changed")
    return sorted(found.values(), key=lambda s: SLIPS.index(s.slip))


def first_explanations(candidates: list[tuple[str, str, Slip]],
                       holds: Callable[[str, str, Slip], bool]) -> list[tuple[str, str, Slip]]:
    """The slips that make the relation hold, from the most believable kind of slip only, at most three.

    ``candidates`` are (role, printed raw, slip) for every number of the claim; a changed digit is reported only
    when no other kind of slip explains the claim, and only when it is the one explanation of its kind.
    """
    winners = [c for c in candidates if holds(*c)]
    for slip in SLIPS:
        tier = [c for c in winners if c[2].slip == slip]
        if tier and (slip != "changed" or len(tier) == 1):
            return tier[:MAX_HYPOTHESES]
    return []


def candidates(numbers: list[tuple[str, str]]) -> list[tuple[str, str, Slip]]:
    """(role, raw, slip) for every slip of every number of a claim ([("percent", "2,6"), ("base", "204")])."""
    return [(role, raw, s) for role, raw in dict.fromkeys(numbers) for s in slips(raw)]


def truncates_to(value: float, decimals: int, printed: float) -> bool:
    """Whether ``value`` with its digits after ``decimals`` dropped (not rounded) prints as ``printed``.

    >>> truncates_to(64.2857, 2, 64.28), truncates_to(64.2857, 2, 64.29)
    (True, False)
    """
    scale = 10 ** decimals
    return math.isclose(math.floor(value * scale + 1e-9) / scale, printed, abs_tol=0.1 / scale)


def explain(numbers: list[tuple[str, str]], holds: Callable[[str, str, Slip], bool], lang: str) -> str:
    """The misprint hypotheses, in words, for the numbers of a claim [(role, printed)] under the test ``holds``.

    Roles are ``percent``, ``base``, ``count``, ``part`` and ``total`` (each has its sentence in labels/text.py).
    """
    found = first_explanations(candidates(numbers), holds)
    said = [msg(f"hyp_{role}", lang, right=slip.raw, printed=raw, slip=msg(f"slip_{slip.slip}", lang))
            for role, raw, slip in found]
    return msg("hyp_or", lang).join(said)
