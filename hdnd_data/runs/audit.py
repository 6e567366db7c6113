"""The batch runner behind ``hdnd audit``: papermill per unit-year, HTML by nbconvert, an index page.

Writes ``<out>/<unit>/<year>/{audit.ipynb,audit.html,checks.csv}`` and ``<out>/index.html``. It imports
neither pandas nor pandera: the notebook's kernel does the data work (see :mod:`hdnd_data.report.sections`).
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
from hdnd_data.labels import term
from hdnd_data.runs.digests import snapshot
from hdnd_data.runs.notebooks import clean_leftovers, discard, error_page, export_html, exporter, kernel_setup, records, skip_slow_optional_imports
from hdnd_data.runs.records import STATUSES

NOTEBOOK = "annual_audit.ipynb"


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


def notebook_path() -> Path:
    """The audit notebook of the checkout (``notebooks/annual_audit.ipynb``)."""
    return Path(__file__).resolve().parents[2] / "notebooks" / NOTEBOOK


def audit_year(unit: str, year: int, output: str | os.PathLike, *, lang: str = "vi", data_dir: str | None = None,
               show_code: bool = False, report_path: str | None = None, notebook: str | None = None) -> YearResult:
    """Execute the audit notebook for one unit-year and render it; never raises for bad data, a failing cell, a kernel
    that dies or an output that cannot be written (the result says what happened), and leaves no temporary notebook."""
    skip_slow_optional_imports()
    import papermill as pm

    start, started = time.perf_counter(), time.time()
    folder = Path(output).resolve() / unit / str(year)  # the kernel runs in this folder: no relative paths
    title = f"{term('audit_title', lang)}: {unit_info(unit, data_dir)['name_vi' if lang == 'vi' else 'name_en']} — {year}"
    try:  # before the kernel reads it: a correction made while it runs makes the row stale
        digest = snapshot(resolve_data_dir(data_dir).resolve() / unit / str(year))
    except OSError:
        digest = {}

    def result(status: str, counts: dict, message: str, wrote_page: bool = True) -> YearResult:
        return YearResult(unit, year, status, counts, message, time.perf_counter() - start, started, time.time(), digest,
                          wrote_page)

    def failed(status: str, message: str, lines: Iterable[str]) -> YearResult:
        try:
            page = error_page(title, term("invalid_data" if status == "invalid" else "notebook_error", lang), lines, lang)
            write_atomic(folder / "audit.html", page)
            wrote = True
        except OSError:
            wrote = False  # the output itself is blocked: the result (and the index) still say why
        return result(status, {}, message, wrote)

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return failed("error", f"{type(exc).__name__}: {exc}", [str(exc)])
    clean_leftovers(folder, ".audit")
    executed = folder / "audit.ipynb"
    params = {"unit": unit, "year": int(year), "lang": lang, "data_dir": None if data_dir is None else str(data_dir),
              "report_path": report_path, "checks_csv": str(folder / "checks.csv")}
    status, message = "ok", ""
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
                                log_output=False, kernel_name="python3", cwd=str(folder),
                                **kernel)
        except pm.PapermillExecutionError as exc:
            if exc.ename == "DataValidationError":  # the data, not the notebook, is at fault: say so plainly
                (folder / "checks.csv").unlink(missing_ok=True)
                return failed("invalid", exc.evalue, exc.evalue.splitlines())
            status, message = "error", f"{exc.ename}: {exc.evalue}"
        except Exception as exc:  # a kernel that died or never started, a timeout: this unit-year only
            executed.unlink(missing_ok=True)
            return failed("error", f"{type(exc).__name__}: {exc}", [f"{type(exc).__name__}: {exc}"])
        os.replace(tmp, executed)
        export_html(executed, folder / "audit.html", show_code=show_code, title=title, lang=lang)
        recorded = records(executed)
        found = {**recorded.get("checks", {}), **recorded.get("findings", {})}  # findings: open, decided, changes
    except OSError as exc:  # an output blocked by a folder in a file's place, a full disk, no permission
        return failed("error", f"{type(exc).__name__}: {exc}", [str(exc)])
    finally:
        discard(tmp)
    return result(status, {k: int(v) for k, v in found.items()}, message)


def plan(unit: str | None = DEFAULT_UNIT, years_: Iterable[int] | None = None, data_dir: str | None = None) -> list[tuple[str, int]]:
    """The unit-years to audit: given years of one unit, or every year of every unit (``unit=None``)."""
    wanted = units(data_dir) if unit is None else [unit]
    tasks = []
    for u in wanted:
        available = years(u, data_dir)
        chosen = available if years_ is None else [int(y) for y in years_]
        tasks.extend((u, y) for y in chosen)
    return tasks


def run_audit(tasks: list[tuple[str, int]], output: str | os.PathLike = "reports", *, jobs: int = 1, lang: str = "vi",
              data_dir: str | None = None, show_code: bool = False, report_path: str | None = None,
              executor: Executor | None = None, progress: bool = True, window: int | None = None) -> list[YearResult]:
    """Audit every task, ``jobs`` at a time (or on a given ``concurrent.futures`` executor), then write the index.

    Any ``concurrent.futures.Executor`` will do: a ``ThreadPoolExecutor`` (kernels are processes anyway), a
    ``ProcessPoolExecutor``, or Dask's ``distributed.Client(address).get_executor()`` to spread the unit-years over
    a cluster. At most ``window`` unit-years are in flight at once (default: twice the workers), so the futures
    held stay bounded however many units a province has; each finished one leaves only its small :class:`YearResult`.
    """
    from tqdm.auto import tqdm

    skip_slow_optional_imports()  # in this thread, before a thread pool's workers start (see there)
    output = Path(output)
    data_dir = None if data_dir is None else str(resolve_data_dir(data_dir).resolve())
    report_path = None if report_path is None else str(Path(report_path).resolve())  # the kernel runs elsewhere
    kwargs = {"lang": lang, "data_dir": data_dir, "show_code": show_code, "report_path": report_path}
    results: list[YearResult] = []
    bar = tqdm(total=len(tasks), desc="hdnd audit", unit="năm" if lang == "vi" else "year", disable=not progress)
    own = executor is None and jobs > 1
    pool = ProcessPoolExecutor(max_workers=jobs) if own else executor
    pending: dict = {}
    try:
        if pool is None:
            for unit, year in tasks:
                results.append(audit_year(unit, year, output, **kwargs))
                bar.update()
        else:
            workers = getattr(pool, "_max_workers", None) or (jobs if jobs > 1 else os.cpu_count() or 1)
            limit = max(1, window or 2 * workers)
            for unit, year in tasks:
                if len(pending) >= limit:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    _collect(done, pending, results, bar)
                pending[pool.submit(audit_year, unit, year, str(output), **kwargs)] = (unit, year)
            _collect(list(pending), pending, results, bar)
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
        # the finished unit-years reach the index even when the run is stopped; other runs' rows stay
        results.sort(key=lambda r: (r.unit, r.year))
        write_index(results, output, lang, data_dir)
    return results


def _collect(futures, pending: dict, results: list[YearResult], bar) -> None:
    """Results of finished futures; a worker that died (a broken pool, a lost Dask worker) fails its unit-year only."""
    for future in as_completed(futures):
        unit, year = pending.pop(future)
        try:
            results.append(future.result())
        except Exception as exc:
            results.append(YearResult(unit, year, "error", message=f"{type(exc).__name__}: {exc}", finished=time.time()))
        bar.update()


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


def write_index(results: list[YearResult], output: str | os.PathLike, lang: str = "vi", data_dir: str | None = None) -> Path:
    """Record each unit-year in the output folder's index and rebuild ``index.html`` from every record there.

    Rows of other runs (other years, units, reviewed documents) stay; see :mod:`hdnd_data.runs.index`.
    """
    from hdnd_data.runs.index import Row, add_rows

    status = {"ok": "done", "invalid": "invalid", "error": "error"}
    now = time.time()
    rows = []
    folder = resolve_data_dir(data_dir).resolve()
    for r in results:
        info = unit_info(r.unit, data_dir)
        files = {"page": f"{r.unit}/{r.year}/audit.html"}
        if r.status != "invalid":
            files["notebook"] = f"{r.unit}/{r.year}/audit.ipynb"
        if r.status == "ok":
            files["table"] = f"{r.unit}/{r.year}/checks.csv"
        data = str(folder / r.unit / str(r.year))
        rows.append(Row("audit", f"{r.unit}/{r.year}", {"vi": info["name_vi"], "en": info["name_en"]}, status[r.status],
                        dict(r.counts), {lang: r.message} if r.message else {}, files, [data], r.year, r.finished or now,
                        r.started or None, r.wrote_page if r.started else None, {data: r.digest} if r.digest else {},
                        lang=lang))
    return add_rows(output, rows, lang)


def summary_lines(results: list[YearResult], lang: str = "vi") -> list[str]:
    """One line per unit-year for the terminal."""
    out = []
    for r in results:
        counts = ", ".join(f"{term(s, lang)} {r.counts.get(s, 0)}" for s in STATUSES) if r.status == "ok" else r.message.splitlines()[0]
        out.append(f"{r.unit} {r.year}: {r.status} ({counts}) {r.seconds:.1f}s")
    return out


def result_dicts(results: list[YearResult]) -> list[dict]:
    return [asdict(r) for r in results]
