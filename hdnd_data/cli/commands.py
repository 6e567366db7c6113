"""The ``hdnd`` command: one entry point, a subcommand per job.

Heavy modules are imported inside each handler so that ``hdnd --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys

from hdnd_data.cli.args import guarded, loose_int, refusals
from hdnd_data.data.layout import DEFAULT_UNIT

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def _add_data_options(parser: argparse.ArgumentParser, *, unit_default: str | None = DEFAULT_UNIT) -> None:
    parser.add_argument("--unit", default=unit_default, help=f"unit id (folder under the data directory); default {unit_default}")
    parser.add_argument("--data-dir", default=None, help="data directory (default: $HDND_DATA_DIR or datasets/ of the checkout)")


def _cmd_tables(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import TABLES

    for table in TABLES.values():
        print(f"{table.name:28} {table.description}")
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import DataValidationError, NoDataError, load_all

    try:
        frames = load_all(unit=args.unit, year=args.year, data_dir=args.data_dir)
    except (DataValidationError, NoDataError) as exc:
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

    from hdnd_data.checks.engine import run_checks, summarise
    from hdnd_data.data.files import csv_for_people
    from hdnd_data.data.loader import DataValidationError, NoDataError, load_all
    from hdnd_data.findings.console import finding_lines
    from hdnd_data.findings.misprint import likely_misprints
    from hdnd_data.findings.reviews import attach_reviews, stale_reviews, strict_failures

    try:
        unit = None if args.all_units else args.unit
        frames = load_all(unit=unit, year=args.year, data_dir=args.data_dir, lang=args.lang)
        results = run_checks(frames=frames, validated=True, lang=args.lang)
        reviews = frames["reviews"]
    except DataValidationError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except NoDataError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    results = attach_reviews(results, reviews)
    if args.format == "csv":
        sys.stdout.write(csv_for_people(results))
    elif args.format == "json":
        records = json.loads(results.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        shown = results[["unit", "year", "status", "rule_id", "stated_text", "computed_text", "locator"]]
        print(shown.to_string(index=False) if len(shown) else "no checks apply to these data")
        hypotheses = likely_misprints(results, frames, lang=args.lang, best_only=True)
        for line in finding_lines(results, stale_reviews(results, reviews), args.lang, hypotheses):
            print(line)
        if len(results):
            print()
            print(summarise(results).to_string(index=False))
    # a failure decided "explained" or "ignore" has been looked at: it no longer fails the command
    return EXIT_FINDINGS if strict_failures(results).any() else EXIT_OK


def _cmd_decide(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import DataValidationError, NoDataError
    from hdnd_data.findings.reviews import UnknownFindingError, decide
    from hdnd_data.labels import msg

    try:
        path, finding = decide(args.fingerprint, args.decision, args.note, reviewer=args.reviewer, unit=args.unit,
                               year=args.year, data_dir=args.data_dir, lang=args.lang)
    except (DataValidationError, NoDataError) as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except UnknownFindingError as exc:
        print(f"hdnd decide: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(msg("findings.written", args.lang, decision=args.decision, fingerprint=args.fingerprint, rule=finding["rule_id"],
              unit=finding["unit"], year=int(finding["year"]), path=path))
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from hdnd_data.findings.history import change_lines, diff_folders

    try:
        changes = diff_folders(args.old, args.new)
    except FileNotFoundError as exc:
        print(f"hdnd diff: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if args.format == "csv":
        changes.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif args.format == "json":
        print(changes.to_json(orient="records", force_ascii=False, indent=1))
    else:
        for line in change_lines(changes, args.lang):
            print(line)
        counts = changes["change"].value_counts()
        print(", ".join(f"{c}: {int(counts.get(c, 0))}" for c in ("new", "resolved", "changed", "new_rule")))
    return EXIT_OK


def _cmd_letter(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import DataValidationError, NoDataError
    from hdnd_data.findings.letter import letter_findings, write_letter
    from hdnd_data.labels import msg

    try:
        path = write_letter(args.unit, args.year, args.output, data_dir=args.data_dir, lang=args.lang, sender=args.sender)
        n = len(letter_findings(args.unit, args.year, args.data_dir, args.lang)[0])
    except (DataValidationError, NoDataError) as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    print(msg("letter.written", args.lang, n=n, path=path))
    return EXIT_OK


def _cmd_audit(args: argparse.Namespace) -> int:
    from hdnd_data.runs.audit import make_executor, plan, run_audit, summary_lines

    if not args.all and not args.year:
        print("hdnd audit: give --year Y (repeatable) or --all", file=sys.stderr)
        return EXIT_INVALID
    unit = args.unit or (None if args.all else DEFAULT_UNIT)
    tasks = plan(unit, None if args.all else args.year, args.data_dir)
    if not tasks:
        print("hdnd audit: no data to audit", file=sys.stderr)
        return EXIT_INVALID
    try:  # a process pool of --jobs is run_audit's own default; other engines are made here
        executor = None if args.executor == "process" else make_executor(args.executor, args.jobs, args.scheduler)
    except RuntimeError as exc:
        print(f"hdnd audit: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        results = run_audit(tasks, args.output, jobs=args.jobs, lang=args.lang, data_dir=args.data_dir,
                            show_code=args.show_code, report_path=args.report, progress=not args.quiet, executor=executor,
                            force=args.force)
    finally:
        if executor is not None:
            executor.shutdown()
    for line in summary_lines(results, args.lang):
        print(line)
    print(f"{args.output}/index.html")
    if any(r.status != "ok" for r in results):
        return EXIT_INVALID
    # open failures: those a reviewer decided "explained" or "ignore" no longer count (recorded by the audit page)
    if args.strict and any(r.counts.get("open_fail", r.counts.get("fail", 0)) for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_claims(args: argparse.Namespace) -> int:
    from hdnd_data.text.claims import check_claims, claims_csv, claims_summary
    from hdnd_data.text.reading import ReportReadError, read_report

    try:
        text = read_report(args.file)
    except ReportReadError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    claims = check_claims(text, lang=args.lang, include_unchecked=args.all)
    if args.format == "csv":
        sys.stdout.write(claims_csv(claims))
    elif args.format == "json":
        print(claims.to_json(orient="records", force_ascii=False, indent=1))
    else:
        for row in claims.itertuples(index=False):
            print(f"{row.line:>5}  {row.status:9} {row.kind:16} {row.stated}  →  {row.computed}  ({row.tolerance})")
            print(f"       {row.excerpt}")
            for extra in (row.note, row.hypothesis, row.assumption):
                if extra:
                    print(f"       {extra}")
        print(claims_summary(claims).to_string() if len(claims) else "(no claims)")
    return EXIT_FINDINGS if (claims["status"] == "fail").any() else EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from hdnd_data.labels import term
    from hdnd_data.runs.review import run_review, summary_lines

    results = run_review(args.paths, args.output, jobs=args.jobs, lang=args.lang, progress=not args.quiet, force=args.force)
    if not results:
        print(f"hdnd review: {term('review_no_documents', args.lang)}", file=sys.stderr)
        return EXIT_INVALID
    for line in summary_lines(results, args.lang):
        print(line)
    print(f"{args.output}/index.html")
    if any(r.status != "done" for r in results):
        return EXIT_INVALID
    if args.strict and any(r.counts.get("fail", 0) for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _cmd_excel_export(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import DataValidationError
    from hdnd_data.workbook.excel import export_workbook

    try:
        path = export_workbook(
            args.output, year=args.year, unit=args.unit, data_dir=args.data_dir, template=args.template, lang=args.lang
        )
    except DataValidationError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    print(path)
    return EXIT_OK


def _cmd_excel_import(args: argparse.Namespace) -> int:
    from hdnd_data.data.loader import DataValidationError
    from hdnd_data.workbook.excel import import_workbook

    try:
        frames = import_workbook(
            args.file, year=args.year, unit=args.unit, data_dir=args.data_dir, lang=args.lang, dry_run=args.dry_run,
            force=args.force,
        )
    except DataValidationError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return EXIT_INVALID
    except FileExistsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    rows = {name: len(frame) for name, frame in frames.items() if len(frame)}
    print(("checked" if args.dry_run else "imported") + ": " + ", ".join(f"{name} {n}" for name, n in rows.items()))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hdnd", description="Figures of People's Council (HĐND) reports: validate, check, audit.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("tables", help="list the tables of the data model")
    p.set_defaults(func=_cmd_tables)

    p = sub.add_parser("summary", help="load and validate every table; print row counts per unit and year")
    _add_data_options(p, unit_default=None)
    p.add_argument("--year", type=loose_int, action="append", help="year (repeatable); default all")
    p.set_defaults(func=_cmd_summary)

    p = sub.add_parser("check", help="run the consistency checks; exit 1 when one fails, 2 on invalid data")
    _add_data_options(p)
    p.add_argument("--all-units", action="store_true", help="check every unit of the data directory")
    p.add_argument("--year", type=loose_int, action="append", help="year (repeatable); default all")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of messages (default vi)")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("decide", help="record a reviewer's decision on a finding (by its fingerprint) in reviews.csv")
    p.add_argument("fingerprint", help="the finding's fingerprint (hdnd check prints it after #)")
    p.add_argument("--decision", required=True, choices=["explained", "confirmed_error", "forwarded", "ignore"])
    p.add_argument("--note", required=True, help="why: what the reviewer found")
    p.add_argument("--reviewer", default=None, help="who decided")
    _add_data_options(p, unit_default=None)
    p.add_argument("--year", type=loose_int, default=None, help="the finding's year (default: look in every year)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the messages (default vi)")
    p.set_defaults(func=_cmd_decide)

    p = sub.add_parser("diff", help="findings new, resolved or changed between two audit output folders")
    p.add_argument("old", help="the earlier output folder of hdnd audit")
    p.add_argument("new", help="the later one")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the words (default vi)")
    p.set_defaults(func=_cmd_diff)

    p = sub.add_parser("letter", help="write the open findings of a unit-year as a letter of comments (.docx) to the report's issuer")
    _add_data_options(p)
    p.add_argument("--year", type=loose_int, required=True)
    p.add_argument("--output", default=None, help="the .docx to write (default gop-y-<unit>-<year>.docx)")
    p.add_argument("--sender", default=None, help="who signs the letter")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the letter (default vi)")
    p.set_defaults(func=_cmd_letter)

    p = sub.add_parser("audit", help="execute the audit notebook per unit-year and render HTML for reviewers")
    _add_data_options(p, unit_default=None)
    years = p.add_mutually_exclusive_group()
    years.add_argument("--year", type=loose_int, action="append", help="year to audit (repeatable)")
    years.add_argument("--all", action="store_true", help="every year (of every unit, unless --unit is given)")
    p.add_argument("--jobs", type=loose_int, default=1, help="unit-years run in parallel (default 1)")
    p.add_argument("--executor", choices=["process", "thread", "dask"], default="process",
                   help="what runs the unit-years in parallel (default process pool; dask needs the distributed package)")
    p.add_argument("--scheduler", default=None, help="with --executor dask: address of a running Dask scheduler")
    p.add_argument("--output", default="reports", help="output directory (default reports/)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the report (default vi)")
    p.add_argument("--show-code", action="store_true", help="show code cells in the HTML (default: report mode, hidden)")
    p.add_argument("--report", default=None, help="a report text whose numeric claims are checked too")
    p.add_argument("--strict", action="store_true", help="exit 1 when a consistency check fails")
    p.add_argument("--force", action="store_true",
                   help="audit every unit-year again, also those unchanged since their page was made (kept by default)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_audit)

    p = sub.add_parser("claims", help="read a report (.txt, .md, .docx, .pdf) and recompute the numbers it states")
    p.add_argument("file", help="the report: UTF-8 text or Markdown, Word .docx or a PDF with a text layer")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default table)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the notes (default vi)")
    p.add_argument("--all", action="store_true", help="also list the claims that could not be checked")
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("review", help="review documents: a page per document with every checked number marked, and the index")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help="documents (.txt, .md, .docx, .pdf) or folders searched for them")
    p.add_argument("--output", default="reports", help="output directory (default reports/); pages go to DIR/documents/")
    p.add_argument("--jobs", type=loose_int, default=1, help="documents reviewed in parallel (default 1)")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the pages (default vi)")
    p.add_argument("--strict", action="store_true", help="exit 1 when a claim fails")
    p.add_argument("--force", action="store_true",
                   help="review every document again, also those unchanged since their page was made (kept by default)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_review)

    excel = sub.add_parser("excel", help="Excel workbook for entering a year's figures").add_subparsers(
        dest="excel_command", required=True, metavar="ACTION"
    )
    p = excel.add_parser("export", help="write a workbook with one sheet per table (the year's rows, or empty with --template)")
    _add_data_options(p)
    p.add_argument("--year", type=loose_int, required=True)
    p.add_argument("--template", action="store_true", help="empty sheets, for a new year")
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the instructions and notes")
    p.add_argument("--output", required=True, help="the .xlsx file to write")
    p.set_defaults(func=_cmd_excel_export)
    p = excel.add_parser("import", help="validate a filled workbook and write the year's CSV files (exit 2 if invalid)")
    p.add_argument("file", help="the .xlsx file")
    _add_data_options(p)
    p.add_argument("--year", type=loose_int, required=True)
    p.add_argument("--lang", choices=["vi", "en"], default="vi", help="language of the problem messages")
    p.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
    p.add_argument("--force", action="store_true", help="overwrite the year's existing files")
    p.set_defaults(func=_cmd_excel_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    prefix = " ".join(filter(None, ["hdnd", args.command, getattr(args, "excel_command", None)]))
    problems, notes = refusals(args)  # before anything is read or written
    for line in problems + notes:
        print(f"{prefix}: {line}", file=sys.stderr)
    return EXIT_INVALID if problems else guarded(args.func, args, prefix)

