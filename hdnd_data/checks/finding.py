"""What a rule is and what it returns: the :class:`Rule` record, the :class:`Run` it evaluates, and its findings.

A rule's evaluator reads the run's frames and returns one finding per relation instance (:func:`finding`);
the engine turns findings into verdicts. This module sits below the kinds, the domain rules and the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from hdnd_data.checks.wording import distinct_rows
from hdnd_data.data.loader import TABLES
from hdnd_data.labels import term

__all__ = ["FINDING_COLUMNS", "Findings", "Rule", "Run", "finding", "keys_of", "no_findings"]

# What an evaluator returns: one row per relation instance. ``ok`` is True (holds), False (violated) or missing
# (cannot be decided from what is printed: always a warn). Texts are in the run's language.
FINDING_COLUMNS = [
    "unit",
    "year",
    "ok",
    "stated",
    "computed",
    "tolerance",
    "stated_text",
    "computed_text",
    "source_id",
    "locator",
    "message",
    "assumption",
    "keys",
]


@dataclass(frozen=True)
class Rule:
    """One consistency rule as the catalogue declares it, bound to the function of its kind.

    ``severity`` is the status a violation gets when nothing in it rests on an assumption: ``fail`` for relations
    that must hold, ``warn`` for relations that hold only under an assumption the rule names. ``evaluate`` takes
    a :class:`Run` and returns findings; ``examples`` are the catalogue's passing and failing cases.
    """

    id: str
    kind: str
    severity: str
    tables: tuple[str, ...]
    fields: tuple[str, ...]
    evaluate: Callable[[Run], dict]
    parameters: Mapping[str, object] = field(default_factory=dict)
    examples: tuple[Mapping[str, object], ...] = ()

    def __post_init__(self) -> None:
        if self.severity not in ("fail", "warn"):
            raise ValueError(f"rule {self.id}: severity must be 'fail' or 'warn', not {self.severity!r}")

    def description(self, lang: str = "vi") -> str:
        """What the rule checks, in ``lang`` (from the label catalogue)."""
        return term(f"rule.{self.id}", lang)

    @property
    def description_vi(self) -> str:
        return self.description("vi")

    @property
    def description_en(self) -> str:
        return self.description("en")


class Run:
    """The tables of one run of the checks, its language, and what several rules derive from the tables once."""

    def __init__(self, frames: Mapping[str, pd.DataFrame], lang: str):
        self.frames = frames
        self.lang = lang
        self._memo: dict[tuple, object] = {}

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.frames[table]

    def shared(self, derive: Callable[..., object], *args: object) -> object:
        """``derive(frames, *args)``, computed once per run (e.g. the wide petition table, or texts in the run's
        language with ``run.lang`` as an argument); callers must not modify it."""
        if (derive, args) not in self._memo:
            self._memo[derive, args] = derive(self.frames, *args)
        return self._memo[derive, args]


def _key_text(value: object) -> str:
    # a whole-number code read as float prints as a whole number (session 13.0 -> 13)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else ("<NA>" if value != value else str(value))
    return "<NA>" if value is None or value is pd.NA else str(value)


def keys_of(frame: pd.DataFrame, table: str, columns: list[str] | None = None, **fixed: str) -> pd.Series:
    """The language-independent name of the figures each row reads: ``table[col=value,...]``.

    ``columns`` default to the table's key (without unit and year, which results carry); ``fixed`` adds a
    value that is the same on every row (``status="*"`` for a figure summed over every status).
    """
    columns = [c for c in (TABLES[table].key if columns is None else columns) if c not in ("unit", "year")]
    tail = "".join(f",{name}={value}" for name, value in fixed.items())
    if not columns:
        return pd.Series(f"{table}[{tail[1:]}]", index=frame.index, dtype=object)
    # the same few key values repeat over every unit and year: each distinct combination is written once
    codes, first = distinct_rows(frame, columns)
    texts = np.array(
        [f"{table}[" + ",".join(f"{c}={_key_text(v)}" for c, v in zip(columns, values)) + tail + "]"
         for values in zip(*(frame[c].to_numpy(dtype=object)[first] for c in columns))],
        dtype=object,
    )
    return pd.Series(texts[codes], index=frame.index, dtype=object)


Findings = dict  # column name -> numpy array, one entry per relation instance (see FINDING_COLUMNS)


def _ok(ok: object, n: int) -> np.ndarray:
    """Holds as 1.0, is violated as 0.0, cannot be decided as NaN."""
    if isinstance(ok, pd.Series):
        if ok.dtype == bool:
            return ok.to_numpy(dtype="float64")
        return ok.astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    return np.broadcast_to(np.asarray(ok, dtype="float64"), (n,)).copy()


def _numbers(value: object, n: int) -> np.ndarray:
    if isinstance(value, pd.Series):
        if value.dtype.kind in "iuf":
            return value.to_numpy(dtype="float64")
        return pd.to_numeric(value, errors="coerce").astype("float64").to_numpy()
    if isinstance(value, np.ndarray):
        return value.astype("float64")
    return np.full(n, value, dtype="float64")


def _texts(value: object, n: int) -> np.ndarray:
    if isinstance(value, pd.Series):
        return value.to_numpy(dtype=object)
    if isinstance(value, np.ndarray):
        return value.astype(object)
    return np.full(n, value, dtype=object)


def finding(
    run: Run,
    frame: pd.DataFrame,
    *,
    ok: object,
    stated: object,
    computed: object,
    stated_text: object,
    computed_text: object,
    message: object,
    keys: object,
    tolerance: object = np.nan,
    assumption: object = "",
    locator: object = None,
) -> Findings:
    """Assemble an evaluator's output from ``frame`` (which carries unit, year, source_id, locator).

    ``message`` and ``assumption`` may be callables: they are then built only when the frame has rows. The
    findings are plain arrays (no frame per rule): the engine builds one results frame from all rules.
    """
    n = len(frame)
    return {
        "unit": frame["unit"].to_numpy(dtype=object),
        "year": frame["year"].to_numpy(dtype="int64"),
        "ok": _ok(ok, n),
        "stated": _numbers(stated, n),
        "computed": _numbers(computed, n),
        "tolerance": _numbers(tolerance, n),
        "stated_text": _texts(stated_text, n),
        "computed_text": _texts(computed_text, n),
        "source_id": frame["source_id"].to_numpy(dtype=object),
        "locator": _texts(frame["locator"] if locator is None else locator, n),
        "message": _texts(message() if callable(message) else message, n),
        "assumption": _texts(assumption() if callable(assumption) else assumption, n),
        "keys": _texts(keys, n),
    }


def no_findings() -> Findings:
    """An evaluator's answer when the data hold no instance of its relation."""
    return {c: np.empty(0, dtype=object) for c in FINDING_COLUMNS}
