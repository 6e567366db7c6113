"""Misprints that explain an inconsistent claim: printed forms one slip away from a number, and which of them make
the relation hold (a digit dropped or added, two neighbouring digits swapped, the decimal comma moved, one digit
wrong), and whether truncation rather than rounding explains a printed figure.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from hdnd_data.labels import msg

# Slips in the order they are believed: a changed digit explains almost anything, so it is tried last.
SLIPS = ("swapped", "comma", "dropped", "added", "changed")
MAX_HYPOTHESES = 3
MAX_NUMBERS = 8


@dataclass(frozen=True)
class Slip:
    """A printed form one slip away from a number: its ``digits`` with ``integer_digits`` before the comma."""

    digits: str
    integer_digits: int
    slip: str

    @property
    def decimals(self) -> int:
        return len(self.digits) - self.integer_digits

    @property
    def value(self) -> float:
        return int(self.digits) / 10 ** self.decimals

    @property
    def raw(self) -> str:
        """As Vietnamese print ("1014", 4 -> "1.014"); plain string work, as babel is slow for hundreds of slips."""
        whole, frac = self.digits[:self.integer_digits], self.digits[self.integer_digits:]
        return f"{int(whole):,}".replace(",", ".") + ("," + frac if frac else "")


def _tier(digits: str, integer_digits: int, slip: str):
    n = len(digits)
    if slip == "swapped":
        for i in range(n - 1):
            if digits[i] != digits[i + 1]:
                yield digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:], integer_digits
    elif slip == "comma":
        for k in range(1, n + 1):
            if k != integer_digits:
                yield digits, k
    elif slip == "dropped":
        for i in range(n):
            yield digits[:i] + digits[i + 1:], integer_digits - (i < integer_digits)
    elif slip == "added":
        for i in range(n + 1):
            # at the comma, the new digit may stand on either side of it
            sides = (integer_digits + 1, integer_digits) if i == integer_digits else (integer_digits + (i < integer_digits),)
            for d in "0123456789":
                for new_integer in sides:
                    yield digits[:i] + d + digits[i:], new_integer
    else:
        for i in range(n):
            for d in "0123456789":
                if d != digits[i]:
                    yield digits[:i] + d + digits[i + 1:], integer_digits


def _parts(raw: str) -> tuple[str, int] | None:
    text = raw.strip().rstrip("%").strip()
    whole, _, frac = text.partition(",")
    digits = whole.replace(".", "") + frac
    if not digits.isdigit() or len(digits) > 12:
        return None
    return digits, len(whole.replace(".", ""))


def slips(raw: str, kinds: tuple[str, ...] = SLIPS) -> list[Slip]:
    """Every printed form one slip away from ``raw`` ("1.104": "1.014" swapped, "104" dropped …), nearest first.

    >>> [s.raw for s in slips("2,6", ("comma",))]
    ['26']
    >>> [s.raw for s in slips("1.104", ("swapped",))]
    ['1.014', '1.140']
    """
    return list(_slips(raw, kinds))


@functools.lru_cache(maxsize=8192)
def _slips(raw: str, kinds: tuple[str, ...]) -> tuple[Slip, ...]:
    """:func:`slips`, kept: a claim that fails tries each of its numbers once per kind of slip, and a report repeats them."""
    parts = _parts(raw)
    if parts is None:
        return ()
    digits, integer_digits = parts
    seen, found = {(digits.lstrip("0"), len(digits) - integer_digits)}, []
    for kind in kinds:
        for new_digits, new_integer in _tier(digits, integer_digits, kind):
            whole = new_digits[:new_integer]
            if not 0 < new_integer <= len(new_digits) or (len(whole) > 1 and whole[0] == "0"):
                continue
            key = (new_digits.lstrip("0"), len(new_digits) - new_integer)
            if key not in seen:
                seen.add(key)
                found.append(Slip(new_digits, new_integer, kind))
    return tuple(found)


def first_explanations(numbers: list[tuple[str, str]],
                       holds: Callable[[str, str, Slip], bool]) -> list[tuple[str, str, Slip]]:
    """The slips that make the relation hold, from the most believable kind of slip only, at most three.

    ``numbers`` are (role, printed raw) for every number of the claim; kinds of slip are tried in order and the
    first kind that explains the claim wins; a changed digit is reported only when it is the one explanation.
    """
    numbers = list(dict.fromkeys(numbers))
    for kind in SLIPS:
        tier = [(role, raw, s) for role, raw in numbers for s in slips(raw, (kind,)) if holds(role, raw, s)]
        if tier and (kind != "changed" or len(tier) == 1):
            return tier[:MAX_HYPOTHESES]
    return []


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
    if len(numbers) > MAX_NUMBERS:
        return ""  # one slip among a dozen figures explains too much to be told as likely (and costs the most)
    found = first_explanations(numbers, holds)
    said = [msg(f"hyp_{role}", lang, right=slip.raw, printed=raw, slip=msg(f"slip_{slip.slip}", lang))
            for role, raw, slip in found]
    return msg("hyp_or", lang).join(said)
