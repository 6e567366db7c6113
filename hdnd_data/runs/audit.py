"""The batch runner behind ``hdnd audit``: papermill per unit-year, HTML by nbconvert, an index page.

Writes ``<out>/<unit>/<year>/{audit.ipynb,audit.html,checks.csv,findings.json}`` and ``<out>/index.html``. A re-run
keeps each unit-year whose data folder (``reviews.csv``, the reviewers' decisions, included), unit.yaml, report text,
audit engine and language are unchanged since its page was made, its files all there (:func:`up_to_date`); ``force``
redoes them. Each unit-year's index record is written as it ends, after its files, so a run killed mid-way leaves each
unit-year recorded whole or redone by the next run; the findings record of the last finished run is kept aside
while a unit-year is redone (:data:`hdnd_data.data.records.FINDINGS_PREVIOUS`). It imports neither pandas nor
pandera: the notebook's kernel does the data work (see :mod:`hdnd_data.report.sections`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hdnd_data.data.files import write_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, resolve_data_dir, unit_info, units, years
from hdnd_data.data.records import FINDINGS_PREVIOUS, FINDINGS_RECORD, STATUSES, document_folder
from hdnd_data.labels import msg, term
from hdnd_data.runs.digests import changed, code_version, snapshot
from hdnd_data.runs.notebooks import (
    clean_leftovers,
    discard,
    error_page,
    export_html,
    exporter,
    kernel_in,
    kernel_setup,
    one_line,
    output_problem,
    reasons,
    records,
    skip_slow_optional_imports,
)

NOTEBOOK = "annual_audit.ipynb"
INDEX_EVERY = 10.0  # seconds between rebuilds of index.html during a batch run (the records are written at once)


# ------------------------------------------------------------------------------------------- runner
@dataclass
class YearResult:
    """What the runner learnt about one unit-year."""

    unit: str
    year: int
    status: str  # ok | invalid | error
    counts: dict[str, int] = field(default_factory=dict)
    message: str = ""
    seconds: float = 0.0
    started: float = 0.0  # wall clock when this unit-year began (its page, if written, is newer)
    finished: float = 0.0
    digest: dict = field(default_factory=dict)  # its data folder as the kernel was given it (runs.digests.snapshot)
    wrote_page: bool = False
    said: dict[str, str] = field(default_factory=dict)  # why it failed, one line by language (``message``: the error)
    sources: dict[str, dict] = field(default_factory=dict)  # its other inputs (unit.yaml, the report text) by path
    engine: str = ""  # what made the page (:func:`engine_version`)
    lang: str = ""
    kept: bool = False  # up to date since an earlier run: not audited again


def notebook_path() -> Path:
    """The audit notebook of the checkout (``notebooks/annual_audit.ipynb``)."""
    return Path(__file__).resolve().parents[2] / "notebooks" / NOTEBOOK


# The code that checks a unit-year and draws its page (``__init__.py`` holds the version; text: the claims of --report)
ENGINE_SOURCES = ("__init__.py", "checks", "report", "data", "labels", "findings", "text", "runs/notebooks.py")


def engine_version(show_code: bool = False, notebook: str | os.PathLike | None = None) -> str:
    """A digest of the audit notebook and of the package code it runs; a page with its code shown is another page."""
    version = code_version(notebook or notebook_path(), Path(__file__).resolve().parents[1], ENGINE_SOURCES)
    return version + ("+code" if show_code else "")


def sources(unit: str, report_path: str | None = None, data_dir: str | None = None,
            output: str | os.PathLike | None = None) -> list[Path]:
    """A unit-year's inputs beside its data folder: the unit's unit.yaml (its name on the page), the report text, and
    that text's review page in ``output`` when ``hdnd review`` wrote one (the audit page links to it)."""
    unit_yaml = resolve_data_dir(data_dir).resolve() / unit / "unit.yaml"
    found = [unit_yaml] if unit_yaml.is_file() else []
    if report_path:
        found.append(Path(report_path).resolve())
        page = None if output is None else Path(output).resolve() / "documents" / document_folder(report_path, output) / "review.html"
        found += [page] if page is not None and page.is_file() else []
    return found


def _snapshots(paths: Iterable[Path]) -> dict[str, dict]:
    out = {}
    for path in paths:
        try:
            out[str(path)] = snapshot(path)
        except OSError:
            continue  # the kernel says why it cannot be read
    return out


def keep_previous(folder: Path) -> None:
    """Keep the findings record of the last finished run aside before the unit-year is redone (not over one a killed
    run kept: that one is still the last finished run's)."""
    record, previous = folder / FINDINGS_RECORD, folder / FINDINGS_PREVIOUS
    if record.is_file() and not previous.is_file():
        try:
            os.link(record, previous)  # the kernel replaces the record by a new file: the link keeps the old one
        except OSError:
            write_atomic(previous, record.read_bytes())


def finish_previous(output: str | os.PathLike, result: YearResult) -> None:
    """Once a unit-year's run is recorded whole, the record kept aside has served (a failed one keeps it)."""
    if result.status == "ok" and not result.kept:
        discard(Path(output).resolve() / result.unit / str(result.year) / FINDINGS_PREVIOUS)


def audit_year(unit: str, year: int, output: str | os.PathLike, *, lang: str = "vi", data_dir: str | None = None,
               show_code: bool = False, report_path: str | None = None, notebook: str | None = None,
               previous_kept: bool = False) -> YearResult:
    """Execute the audit notebook for one unit-year and render it; never raises for bad data, a failing cell, a kernel
    that dies or an output that cannot be written (the result says what happened, in Vietnamese and English), and
    leaves no temporary notebook. With ``previous_kept`` the caller removes the findings record kept aside once it has
    recorded the result (:func:`finish_previous`); else this does when the audit ends well."""
    skip_slow_optional_imports()
    import papermill as pm

    start, started = time.perf_counter(), time.time()
    root = Path(output).resolve()
    folder = root / unit / str(year)  # the kernel runs in this folder (kernel_in), given absolute paths
    title = f"{term('audit_title', lang)}: {unit_info(unit, data_dir)['name_vi' if lang == 'vi' else 'name_en']} — {year}"
    try:  # before the kernel reads it: a correction made while it runs makes the row stale
        digest = snapshot(resolve_data_dir(data_dir).resolve() / unit / str(year))
    except OSError:
        digest = {}
    others = _snapshots(sources(unit, report_path, data_dir, root))
    engine = engine_version(show_code, notebook)

    def result(status: str, counts: dict, message: str, said: dict, wrote_page: bool = True) -> YearResult:
        done = YearResult(unit, year, status, counts, message, time.perf_counter() - start, started, time.time(), digest,
                          wrote_page, said, others, engine, lang)
        if not previous_kept:
            finish_previous(root, done)
        return done

    def failed(status: str, message: str, said: dict, lines: Iterable[str]) -> YearResult:
        try:
            page = error_page(title, term("invalid_data" if status == "invalid" else "notebook_error", lang), lines, lang)
            write_atomic(folder / "audit.html", page)
            wrote = True
        except OSError:
            wrote = False  # the output itself is blocked: the result (and the index) still say why
        return result(status, {}, message, said, wrote)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_leftovers(folder, ".audit")
        keep_previous(folder)
    except OSError as exc:
        return failed("error", f"{type(exc).__name__}: {exc}", output_problem(exc, root), [str(exc)])
    executed = folder / "audit.ipynb"
    params = {"unit": unit, "year": int(year), "lang": lang, "data_dir": None if data_dir is None else str(data_dir),
              "report_path": report_path, "checks_csv": str(folder / "checks.csv")}
    status, message, said = "ok", "", {}
    tmp = folder / f".audit.{os.getpid()}.{threading.get_ident()}.tmp.ipynb"  # two runs into one folder never share it
    kernel = kernel_setup()
    # The kernel manager (this thread, through IPython) and the exporter (the warm-up thread) both resolve pygments'
    # lazily loaded lexers; two first lookups at once can fail ("cannot import name 'PythonLexer'"), so resolve it here.
    from pygments.lexers import PythonLexer  # noqa: F401
    warm = threading.Thread(target=exporter, args=(show_code,), daemon=True)
    warm.start()
    try:
        try:
            pm.execute_notebook(str(notebook or notebook_path()), str(tmp), parameters=params, progress_bar=False,
                                log_output=False, kernel_name="python3", resources=kernel_in(folder),
                                **kernel)
        except pm.PapermillExecutionError as exc:
            if exc.ename == "DataValidationError":  # the data, not the notebook, is at fault: say so plainly
                (folder / "checks.csv").unlink(missing_ok=True)
                return failed("invalid", exc.evalue, _invalid(tmp, exc.evalue), exc.evalue.splitlines())
            status, message = "error", f"{exc.ename}: {exc.evalue}"
            said = reasons("run_failed_cell", error=message)
        except Exception as exc:  # a kernel that died or never started, a timeout: this unit-year only
            executed.unlink(missing_ok=True)
            error = f"{type(exc).__name__}: {exc}"
            return failed("error", error, reasons("run_failed_kernel", error=error), [error])
        os.replace(tmp, executed)
        export_html(executed, folder / "audit.html", show_code=show_code, title=title, lang=lang)
        recorded = records(executed)
        found = {**recorded.get("checks", {}), **recorded.get("findings", {})}  # findings: open, decided, changes
    except OSError as exc:  # an output blocked by a folder in a file's place, a full disk, no permission
        return failed("error", f"{type(exc).__name__}: {exc}", output_problem(exc, root), [str(exc)])
    finally:
        discard(tmp)
    return result(status, {k: int(v) for k, v in found.items()}, message, said)


def _invalid(notebook: Path, evalue: str) -> dict[str, str]:
    """Why a unit-year's data are invalid, by language, from the problems its kernel recorded (the index and the
    terminal say "invalid data" themselves); the kernel's own words when it recorded none."""
    try:
        problems = records(notebook).get("invalid") or {}
    except (OSError, ValueError):
        problems = {}
    said = {lang: one_line("; ".join(str(p) for p in problems[lang])) for lang in ("vi", "en") if problems.get(lang)}
    return said if len(said) == 2 else {lang: one_line(evalue) for lang in ("vi", "en")}


def plan(unit: str | None = DEFAULT_UNIT, years_: Iterable[int] | None = None, data_dir: str | None = None) -> list[tuple[str, int]]:
    """The unit-years to audit: given years of one unit, or every year of every unit (``unit=None``)."""
    wanted = units(data_dir) if unit is None else [unit]
    tasks = []
    for u in wanted:
        available = years(u, data_dir)
        chosen = available if years_ is None else [int(y) for y in years_]
        tasks.extend((u, y) for y in chosen)
    return tasks


def up_to_date(row, output: str | os.PathLike, inputs: list[Path], engine: str, lang: str) -> bool:
    """Whether a unit-year's recorded audit still holds: done by this engine in this language, from the present content
    of exactly these ``inputs`` (its data folder first, reviews.csv included, then :func:`sources`), its page, notebook,
    checks.csv and findings.json all there and the page this run's."""
    from hdnd_data.runs.index import stale_reason

    if row is None or row.status != "done" or row.engine != engine or row.lang != lang:
        return False
    if set(row.digests) != {str(p) for p in inputs} or any(changed(p, row.digests[str(p)]) is not False for p in inputs):
        return False
    folder = Path(output) / row.key
    return (all((Path(output) / f).is_file() for f in row.files.values()) and set(row.files) >= {"page", "notebook", "table"}
            and (folder / FINDINGS_RECORD).is_file() and stale_reason(output, row) is None)


def kept_years(tasks: list[tuple[str, int]], output: str | os.PathLike, *, lang: str = "vi", data_dir: str | None = None,
               show_code: bool = False, report_path: str | None = None) -> list[YearResult]:
    """The unit-years of ``tasks`` whose recorded audit in ``output`` is up to date (:func:`up_to_date`), as results."""
    from hdnd_data.runs.index import read_rows

    recorded = {row.key: row for row in read_rows(output) if row.kind == "audit"}
    if not recorded:
        return []
    engine, root = engine_version(show_code), resolve_data_dir(data_dir).resolve()
    kept = []
    for unit, year in tasks:
        row = recorded.get(f"{unit}/{year}")
        data = root / unit / str(year)
        if up_to_date(row, output, [data, *sources(unit, report_path, data_dir, output)], engine, lang):
            kept.append(YearResult(unit, int(year), "ok", dict(row.counts), started=row.started or 0.0, finished=row.finished,
                                   digest=row.digests[str(data)], wrote_page=True,
                                   sources={k: v for k, v in row.digests.items() if k != str(data)}, engine=row.engine,
                                   lang=row.lang, kept=True))
    return kept


def run_audit(tasks: list[tuple[str, int]], output: str | os.PathLike = "reports", *, jobs: int = 1, lang: str = "vi",
              data_dir: str | None = None, show_code: bool = False, report_path: str | None = None,
              executor: Executor | None = None, progress: bool = True, window: int | None = None,
              force: bool = False) -> list[YearResult]:
    """Audit every task, ``jobs`` at a time (or on a given ``concurrent.futures`` executor); each unit-year joins the
    output folder's index as it ends.

    A unit-year whose recorded audit is up to date (:func:`up_to_date`) is kept (``kept=True``) unless ``force``. A run
    that is interrupted (Ctrl-C, or killed) keeps the rows of the unit-years it finished; the next run does the rest.
    Any ``concurrent.futures.Executor`` will do: a ``ThreadPoolExecutor`` (kernels are processes anyway), a
    ``ProcessPoolExecutor``, or Dask's ``distributed.Client(address).get_executor()`` to spread the unit-years over
    a cluster. At most ``window`` unit-years are in flight at once (default: twice the workers), so the futures
    held stay bounded however many units a province has; each finished one leaves only its small :class:`YearResult`.
    """
    from tqdm.auto import tqdm

    skip_slow_optional_imports()  # in this thread, before a thread pool's workers start (see there)
    output = Path(output).absolute()  # before any worker starts: nothing later depends on the working folder
    data_dir = None if data_dir is None else str(resolve_data_dir(data_dir).resolve())
    report_path = None if report_path is None else str(Path(report_path).resolve())  # the kernel runs elsewhere
    kwargs = {"lang": lang, "data_dir": data_dir, "show_code": show_code, "report_path": report_path, "previous_kept": True}
    results = [] if force else kept_years(tasks, output, lang=lang, data_dir=data_dir, show_code=show_code,
                                          report_path=report_path)
    kept = {(r.unit, r.year) for r in results}
    tasks = [(u, int(y)) for u, y in tasks if (u, int(y)) not in kept]
    bar = tqdm(total=len(tasks), desc="hdnd audit", unit="năm" if lang == "vi" else "year", disable=not progress)

    shown = [-INDEX_EVERY]

    def done(result: YearResult) -> None:
        results.append(result)
        page = time.monotonic() - shown[0] >= INDEX_EVERY  # index.html now and then: each rebuild reads every row
        write_index([result], output, lang, data_dir, page=page)  # its files are written: now its record
        shown[0] = time.monotonic() if page else shown[0]
        finish_previous(output, result)
        bar.update()

    own = executor is None and jobs > 1
    pool = ProcessPoolExecutor(max_workers=jobs) if own else executor
    pending: dict = {}
    try:
        if pool is None:
            for unit, year in tasks:
                done(audit_year(unit, year, output, **kwargs))
        else:
            workers = getattr(pool, "_max_workers", None) or (jobs if jobs > 1 else os.cpu_count() or 1)
            limit = max(1, window or 2 * workers)
            for unit, year in tasks:
                if len(pending) >= limit:
                    finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                    _collect(finished, pending, done)
                pending[pool.submit(audit_year, unit, year, str(output), **kwargs)] = (unit, year)
            _collect(list(pending), pending, done)
    except KeyboardInterrupt:
        for future in pending:
            future.cancel()
        if own:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        bar.close()
        if own:
            pool.shutdown()
        write_index([], output, lang, data_dir)  # the page in this run's language, every run's rows on it
    results.sort(key=lambda r: (r.unit, r.year))
    return results


def _collect(futures, pending: dict, done) -> None:
    """Results of finished futures; a worker that died (a broken pool, a lost Dask worker) fails its unit-year only."""
    for future in as_completed(futures):
        unit, year = pending.pop(future)
        try:
            result = future.result()
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            result = YearResult(unit, year, "error", message=error, finished=time.time(), said=reasons("run_failed_kernel", error=error))
        done(result)


def make_executor(kind: str, jobs: int, scheduler: str | None = None) -> Executor:
    """An executor by name: ``process`` or ``thread`` pools of ``jobs`` workers, or ``dask``: a Dask cluster's
    (``scheduler`` address, else a local cluster of ``jobs`` workers). Dask is optional: ``pip install distributed``."""
    if kind == "process":
        return ProcessPoolExecutor(max_workers=jobs)
    if kind == "thread":
        return ThreadPoolExecutor(max_workers=jobs)
    if kind == "dask":
        try:
            from distributed import Client
        except ImportError as exc:
            raise RuntimeError("--executor dask needs Dask's distributed package: pip install distributed") from exc
        client = Client(scheduler) if scheduler else Client(n_workers=jobs, threads_per_worker=1)
        return client.get_executor()
    raise ValueError(f"unknown executor {kind!r}; use process, thread or dask")


def write_index(results: list[YearResult], output: str | os.PathLike, lang: str = "vi", data_dir: str | None = None,
                page: bool = True) -> Path:
    """Record each unit-year in the output folder's index and rebuild ``index.html`` from every record there (unless
    not ``page``).

    Rows of other runs (other years, units, reviewed documents) stay; see :mod:`hdnd_data.runs.index`.
    """
    from hdnd_data.runs.index import Row, add_rows

    status = {"ok": "done", "invalid": "invalid", "error": "error"}
    now = time.time()
    rows = []
    folder = resolve_data_dir(data_dir).resolve()
    for r in results:
        if r.kept:
            continue  # its record stands as it is
        info = unit_info(r.unit, data_dir)
        files = {"page": f"{r.unit}/{r.year}/audit.html"}
        if r.status != "invalid":
            files["notebook"] = f"{r.unit}/{r.year}/audit.ipynb"
        if r.status == "ok":
            files["table"] = f"{r.unit}/{r.year}/checks.csv"
        data = str(folder / r.unit / str(r.year))
        said = dict(r.said) or ({lang: one_line(r.message)} if r.message else {})
        digests = {data: r.digest} if r.digest else {}
        rows.append(Row("audit", f"{r.unit}/{r.year}", {"vi": info["name_vi"], "en": info["name_en"]}, status[r.status],
                        dict(r.counts), said, files, [data, *r.sources], r.year, r.finished or now, r.started or None,
                        r.wrote_page if r.started else None, {**digests, **r.sources} if digests else {}, r.engine,
                        r.lang or lang))
    return add_rows(output, rows, lang, page)


def summary_lines(results: list[YearResult], lang: str = "vi") -> list[str]:
    """One line per unit-year audited (why, in ``lang``, for one that failed), then one line for those kept."""
    out = []
    for r in results:
        if r.kept:
            continue
        if r.status == "ok":
            said = ", ".join(f"{term(s, lang)} {r.counts.get(s, 0)}" for s in STATUSES)
        else:
            said = r.said.get(lang) or one_line(r.message.splitlines()[0] if r.message else "")
        out.append(f"{r.unit} {r.year}: {r.status} ({said}) {r.seconds:.1f}s")
    kept = sum(r.kept for r in results)
    if kept:
        out.append(msg("audit_kept", lang, n=kept))
    return out


def result_dicts(results: list[YearResult]) -> list[dict]:
    return [asdict(r) for r in results]
