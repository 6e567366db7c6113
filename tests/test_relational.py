"""The rules' numpy group and join give what pandas' groupby().agg and merge give, on random frames of every column
type the tables hold (text, nullable and plain integers, floats, booleans, dates), with missing values and duplicates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from hdnd_data.checks.relational import aggregate, merge, pairs, spread


def _frame(rng: np.random.Generator, n: int, missing: float) -> pd.DataFrame:
    def holes(values, dtype):
        s = pd.Series(values, dtype=dtype)
        return s.mask(rng.random(n) < missing) if missing else s

    return pd.DataFrame({
        "unit": holes(rng.choice(["b-unit", "a-unit", "c"], n), "str"),
        "year": pd.Series(rng.choice([2023, 2020], n), dtype="int64"),
        "kind": holes(rng.choice(["x", "y"], n), "str"),
        "no": holes(rng.integers(1, 4, n), "Int64"),
        "count": pd.Series(rng.integers(0, 1000, n), dtype="int64"),
        "amount": holes(rng.integers(0, 50, n), "Int64"),
        "rate": holes(rng.random(n) * 100, "float64"),
        "flag": pd.Series(rng.random(n) < 0.5, dtype=bool),
        "day": holes(pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 400, n), unit="D"), "datetime64[ns]"),
        "text": holes(rng.choice(["12", "7", "1.204"], n), "str"),
    })


CASES = [(seed, n, missing) for seed in range(6) for n, missing in ((0, 0.0), (1, 0.0), (7, 0.0), (40, 0.2), (300, 0.3))]


@pytest.mark.parametrize(("seed", "n", "missing"), CASES)
def test_aggregate_is_pandas_groupby_agg(seed, n, missing):
    frame = _frame(np.random.default_rng(seed), n, missing)
    for by in (["unit", "year"], ["unit", "year", "kind", "no"], ["no"]):
        named = {"rows": ("count", "size"), "n": ("amount", "count"), "total": ("count", "sum"), "amounts": ("amount", "sum"),
                 "rates": ("rate", "sum"), "flags": ("flag", "sum"), "where": ("text", "first"), "no_first": ("amount", "first"),
                 "early": ("day", "min"), "late": ("day", "max"), "kinds": ("text", "nunique"), "low": ("amount", "min"),
                 "high": ("count", "max"), "least": ("rate", "min")}
        expected = frame.groupby(by, as_index=False).agg(**named)
        got = aggregate(frame, by, **named)
        pd.testing.assert_frame_equal(got, expected.reset_index(drop=True), check_index_type=False)


@pytest.mark.parametrize(("seed", "n", "missing"), CASES)
def test_joined_texts_are_the_groups_texts_in_row_order(seed, n, missing):
    frame = _frame(np.random.default_rng(seed), n, 0.0)
    frame["piece"] = frame["text"].astype(object) + " + "
    expected = frame.groupby(["unit", "year"])["piece"].sum().str[:-3]
    got = aggregate(frame, ["unit", "year"], parts=("text", "join", " + "))
    assert got["parts"].tolist() == expected.tolist()


def test_aggregate_worked_example():
    # petitions of one unit-year: 12 + 7 = 19 of type a, 1.204 alone of type b; the row with no unit is left out
    frame = pd.DataFrame({"unit": ["u", "u", "u", None], "kind": ["a", "b", "a", "a"], "n": [12, 1204, 7, 5]})
    frame["printed"] = ["12", "1.204", "7", "5"]
    got = aggregate(frame, ["unit", "kind"], total=("n", "sum"), rows=("n", "size"), parts=("printed", "join", " + "))
    assert got.to_dict("records") == [{"unit": "u", "kind": "a", "total": 19, "rows": 2, "parts": "12 + 7"},
                                      {"unit": "u", "kind": "b", "total": 1204, "rows": 1, "parts": "1.204"}]


@pytest.mark.parametrize(("seed", "n", "missing"), CASES)
@pytest.mark.parametrize("how", ["inner", "left"])
def test_merge_is_pandas_merge(seed, n, missing, how):
    rng = np.random.default_rng(seed)
    left = _frame(rng, n, missing)
    right = _frame(rng, max(0, n // 2 + 1) if n else 0, missing)[["unit", "year", "no", "count", "rate", "flag", "text"]]
    for on in (["unit", "year"], ["unit", "year", "no"], ["year"]):
        expected = left.merge(right, on=on, how=how, suffixes=("", "_b"))
        got = merge(left, right, on=on, how=how, suffixes=("", "_b"))
        pd.testing.assert_frame_equal(got, expected, check_index_type=False)


def test_merge_worked_example_keeps_left_order_and_fills_the_unmatched():
    left = pd.DataFrame({"k": [2, 1, 3], "a": ["two", "one", "three"]})
    right = pd.DataFrame({"k": [1, 2, 2], "b": [10, 20, 21]})
    assert merge(left, right, on=["k"]).to_dict("list") == {"k": [2, 2, 1], "a": ["two", "two", "one"], "b": [20, 21, 10]}
    filled = merge(left, right, on=["k"], how="left")
    assert filled["b"].tolist()[:3] == [20.0, 21.0, 10.0] and np.isnan(filled["b"].iloc[3])


def test_unknown_operations_are_refused():
    frame = pd.DataFrame({"k": [1], "v": [2]})
    with pytest.raises(ValueError, match="median"):
        aggregate(frame, ["k"], v=("v", "median"))
    with pytest.raises(ValueError, match="outer"):
        merge(frame, frame, on=["k"], how="outer")


@pytest.mark.parametrize(("seed", "n", "missing"), CASES)
def test_spread_is_pandas_unstack(seed, n, missing):
    frame = _frame(np.random.default_rng(seed), n, missing).drop_duplicates(["unit", "year", "kind"]).dropna(subset=["unit", "kind"])
    frame = frame.assign(decimals=frame["count"] % 3)
    keys = ["unit", "year"]
    wide = frame.set_index([*keys, "kind"])[["rate", "amount", "decimals", "text"]].unstack("kind")
    wide.columns = [f"{a}__{b}" for a, b in wide.columns]
    where = frame.drop_duplicates(subset=keys).set_index(keys)[["day", "count"]]
    expected = wide.join(where).reset_index()
    got = spread(frame, keys, "kind", ["rate", "amount", "decimals", "text"], carry=["day", "count"])
    # plain whole numbers may come out floating from one and not the other (same values); other types are kept alike
    pd.testing.assert_frame_equal(got, expected, check_index_type=False, check_dtype=False)
    plain = {"int64", "float64"}
    assert [str(t) for t in got.dtypes if str(t) not in plain] == [str(t) for t in expected.dtypes if str(t) not in plain]


def test_spread_worked_example_with_fixed_codes():
    # 564 received, 550 settled for one recipient; nothing in progress is printed: that column is missing, not 0
    long = pd.DataFrame({"unit": ["u", "u"], "status": ["received", "settled"], "count": pd.array([564, 550], dtype="Int64"),
                         "locator": ["I.4.3", "I.4.3"]})
    got = spread(long, ["unit"], "status", ["count"], codes=["received", "settled", "in_progress"], name=lambda v, c: c, carry=["locator"])
    assert list(got.columns) == ["unit", "received", "settled", "in_progress", "locator"]
    assert got.loc[0, "received"] == 564 and got.loc[0, "settled"] == 550 and pd.isna(got.loc[0, "in_progress"])


@pytest.mark.parametrize(("seed", "n", "missing"), CASES)
def test_pairs_are_the_self_merge_rows_whose_left_row_comes_first(seed, n, missing):
    frame = _frame(np.random.default_rng(seed), n, missing).assign(position=np.arange(n))
    for on in (["unit", "year"], ["unit", "kind", "no"]):
        joined = frame.merge(frame, on=on, suffixes=("", "_b"))
        expected = joined[joined["position"] < joined["position_b"]].reset_index(drop=True)
        pd.testing.assert_frame_equal(pairs(frame, on), expected, check_index_type=False)


def test_pairs_worked_example():
    # three percentages of one base (93,2 %, 105 %, 84,7 %) make three pairs; a fourth of another base makes none
    frame = pd.DataFrame({"base": ["a", "a", "b", "a"], "percent": [93.2, 105.0, 50.0, 84.7]})
    got = pairs(frame, ["base"])
    assert list(zip(got["percent"], got["percent_b"])) == [(93.2, 105.0), (93.2, 84.7), (105.0, 84.7)]
