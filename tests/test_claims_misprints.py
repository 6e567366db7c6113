"""Misprint hypotheses: the printed forms one slip away from a number, and which kind of slip is believed first."""

from __future__ import annotations

from hdnd_data.text.misprints import first_explanations, slips, truncates_to


def test_each_kind_of_slip():
    by_kind = {}
    for slip in slips("1.254"):
        by_kind.setdefault(slip.slip, set()).add(slip.raw)
    assert {"2.154", "1.524", "1.245"} <= by_kind["swapped"]
    assert {"125,4", "12,54", "1,254"} <= by_kind["comma"]
    assert {"254", "154", "124", "125"} <= by_kind["dropped"]
    assert {"11.254", "1.2054", "12.540"} - by_kind["added"] == {"1.2054"}  # "1.2054" is no Vietnamese number
    assert "1.354" in by_kind["changed"] and "1.254" not in set().union(*by_kind.values())


def test_a_believable_slip_wins_and_a_changed_digit_only_when_alone():
    # 45 + 27 = 72 printed 27 + 54: the swapped "54" for "45" explains it before any changed digit
    found = first_explanations([("part", "54"), ("part", "27")], lambda role, raw, s: raw == "54" and s.value == 45)
    assert [(raw, s.raw, s.slip) for _, raw, s in found] == [("54", "45", "swapped")]
    # two different changed digits would explain it: no hypothesis rather than a guess
    ambiguous = first_explanations([("part", "50")], lambda role, raw, s: s.slip == "changed" and s.value in (40, 60))
    assert ambiguous == []


def test_truncation_is_not_rounding():
    assert truncates_to(98.8965, 2, 98.89) and not truncates_to(98.8965, 2, 98.90)
    assert truncates_to(64.2857, 1, 64.2) and not truncates_to(64.2857, 1, 64.3)


def test_the_engine_reads_numbers_as_the_data_wing_does():
    import pytest

    from hdnd_data.data.numbers import NumberParseError, parse_stated
    from hdnd_data.text.scan import _stated

    for raw in ["390.463", "93,2", "05", "1.234,56", "3904.63", "1.5", "12,50%", "100 %", "0,6", "1.2345", "12.34,5"]:
        try:
            expected = parse_stated(raw)
        except NumberParseError:
            expected = None
        assert _stated(raw) == expected, raw
    with pytest.raises(NumberParseError):
        parse_stated("3904.63")
