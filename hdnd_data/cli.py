"""The ``hdnd`` command: one entry point, a subcommand per job.

Heavy modules are imported inside each handler so that ``hdnd --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys

from .datasets import DEFAULT_UNIT

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def _add_data_options(parser: argparse.ArgumentParser, *, unit_default: str | None = DEFAULT_UNIT) -> None:
    parser.add_argument("--unit", default=unit_default, help=f"unit id (folder under the data directory); default {unit_default}")
    parser.add_argument("--data-dir", default=None, help="data directory (default: $HDND_DATA_DIR or datasets/ of the checkout)")


def _cmd_tables(args: argparse.Namespace) -> int:
    from .datasets import TABLES

    for table in TABLES.values():
        print(f"{table.name:28} {table.description}")
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from .datasets import DataValidationError, load_all

    try:
        frames = load_all(unit=args.unit, year=args.year, data_dir=args.data_dir)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    rows = []
    for name, frame in frames.items():
        for (unit, year), group in frame.groupby(["unit", "year"]):
            rows.append((unit, int(year), name, len(group)))
    rows.sort()
    print(f"{'unit':16} {'year':>4}  {'table':28} {'rows':>5}")
    for unit, year, name, n in rows:
        print(f"{unit:16} {year:>4}  {name:28} {n:>5}")
    print(f"all {len(frames)} tables valid; {sum(r[3] for r in rows)} rows")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    import json

    from .checks import run_checks, summarise
    from .datasets import DataValidationError

    try:
        unit = None if args.all_units else args.unit
        results = run_checks(unit=unit, year=args.year, data_dir=args.data_dir, lang=args.lang)
    except DataValidationError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    if args.format == "csv":
        results.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif args.format == "json":
        records = json.loads(results.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        shown = results[["unit", "year", "status", "rule_id", "stated_text", "computed_text", "locator"]]
        print(shown.to_string(index=False) if len(shown) else "no checks apply to these data")
        for row in results[results["status"] != "pass"].itertuples():
            print(f"\n[{row.status}] {row.unit} {row.year} {row.rule_id} ({row.locator})\n  {row.message}")
            if row.assumption:
                print(f"  {'giả định' if args.lang == 'vi' else 'assumption'}: {row.assumption}")
        if len(results):
            print()
            print(summarise(results).to_string(index=False))
    return EXIT_FINDINGS if (results["status"] == "fail").any() else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hdnd", description="Figures of People's Council (HĐND) reports: validate, check, audit.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("tables", help="list the tables of the data model")
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("summary", help="load and validate every table; print row counts per unit and year")
    _add_data_options(p, unit_default=None)
    p.add_argument("--year", type=int, action="append", help="year (repeatable); default all")
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser("check", help="run the consistency checks; exit 1 when one fails, 2 on invalid data")
    _add_data_options(p)
    p.add_argument("--all-units", action="store_true", help="check every unit of the data directory")
    p.add_argument("--year", type=int, action="append", help="year (repeatable); default all")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of messages (default vi)")
    p.set_defaults(func=_cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
