from decimal import Decimal

import pytest

from hdnd_data.data.numbers import (
    NumberParseError,
    decimals_of,
    format_number,
    format_percent,
    parse_fraction,
    parse_number,
    parse_percent,
    parse_stated,
    printed_interval,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("390.463", 390463), ("440.000", 440000), ("93,2", Decimal("93.2")), ("05", 5), ("10,15", Decimal("10.15")),
     ("1.234.567", 1234567), ("13,6", Decimal("13.6")), (" 877 ", 877)],
)
def test_parse_number_reads_vietnamese_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["3904.63", "39.0463", "1.5", "12.34,5", "93.2", "1,234.5", "", "abc", "9 3", "390.46"])
def test_parse_number_rejects_misplaced_separators(text):
    with pytest.raises(NumberParseError):
        parse_number(text)


def test_parse_percent_and_precision():
    assert parse_percent("93,2%") == Decimal("93.2")
    assert parse_percent("105%") == 105
    assert decimals_of("93,2%") == 1 and decimals_of("105") == 0 and decimals_of("10,15") == 2
    stated = parse_stated("97,5%")
    assert stated.value == 97.5 and stated.decimals == 1
    low, high = stated.interval
    assert low == pytest.approx(97.45) and high == pytest.approx(97.55)
    assert printed_interval(105, 0) == (104.5, 105.5)


def test_fractions():
    assert parse_fraction("8/8") == (8, 8)
    assert parse_fraction("04/04") == (4, 4)
    assert parse_fraction("1/2") == (1, 2)
    with pytest.raises(NumberParseError):
        parse_fraction("1/0")
    with pytest.raises(NumberParseError):
        parse_fraction("8:8")


def test_formatting_round_trips_the_printed_figures():
    assert format_number(390463) == "390.463"
    assert format_percent(93.2) == "93,2%"
    assert format_percent(550 / 564 * 100) == "97,5%"
    assert format_number(13.6, 1) == "13,6"
    assert format_number(None) == "–"
    for text in ["390.463", "228.974", "472.408", "656.800"]:
        assert format_number(parse_number(text)) == text


def test_format_significant_keeps_only_needed_decimals():
    from hdnd_data.data.numbers import format_significant

    assert format_significant(0.05) == "0,05"
    assert format_significant(680.443) == "680,443"
    assert format_significant(1234.5) == "1.234,5"
    assert format_significant(0) == "0"
