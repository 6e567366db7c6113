"""The batch runner behind ``hdnd audit``: papermill per unit-year, HTML by nbconvert, an index page.

Writes ``<out>/<unit>/<year>/{audit.ipynb,audit.html,checks.csv}`` and ``<out>/index.html``. It imports
neither pandas nor pandera: the notebook's kernel does the data work (see :mod:`hdnd_data.report.sections`).
"""

from __future__ import annotations

import html
import json
import os
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path

from hdnd_data.data.files import write_atomic
from hdnd_data.data.layout import DEFAULT_UNIT, resolve_data_dir, unit_info, units, years
from hdnd_data.labels import term
from hdnd_data.records import RECORD_MIME, STATUSES

NOTEBOOK = "annual_audit.ipynb"
PAGE_STYLE = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}"


def records(notebook_path: str | os.PathLike) -> dict[str, object]:
    """Values recorded with :func:`record` in an executed notebook."""
    nb = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    out = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(RECORD_MIME)
            if data:
                out[data["name"]] = data["value"]
    return out



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


def notebook_path() -> Path:
    """The audit notebook of the checkout (``notebooks/annual_audit.ipynb``)."""
    return Path(__file__).resolve().parent.parent / "notebooks" / NOTEBOOK


def export_html(notebook: str | os.PathLike, target: str | os.PathLike, *, show_code: bool = False, title: str = "") -> Path:
    """Render an executed notebook to self-contained HTML (images embedded), code hidden unless asked."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    exporter = _exporter(show_code)
    for cell in nb.cells:  # recorded values are for machines; keep them out of the reviewers' page
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if RECORD_MIME not in o.get("data", {})]
    if title:
        nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    return write_atomic(target, body)


def _skip_slow_optional_imports() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax``, which builds a grammar at import (≈1.7 s here).

    nbformat imports jsonschema, and jsonschema imports that optional package only to check IRI formats,
    which notebook validation never uses; without it jsonschema simply skips that format. This runs in the
    runner's own processes only, before papermill is imported.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None makes `import rfc3987_syntax` raise ImportError


_EXPORTERS: dict[bool, object] = {}
_EXPORTER_LOCK = threading.Lock()


def _exporter(show_code: bool):
    """One HTML exporter per process, its templates loaded by a first rendering.

    Importing nbconvert and compiling its templates costs more than rendering a notebook; :func:`audit_year`
    does it in a thread while the kernel runs on the other core, so a reviewer's page costs no extra wait.
    """
    with _EXPORTER_LOCK:
        if show_code not in _EXPORTERS:
            import nbformat
            from nbconvert import HTMLExporter

            exporter = HTMLExporter(template_name="lab", exclude_input=not show_code, exclude_input_prompt=not show_code,
                                    exclude_output_prompt=True)
            exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("warm-up")]))
            _EXPORTERS[show_code] = exporter
        return _EXPORTERS[show_code]


def _error_page(title: str, heading: str, lines: Iterable[str], lang: str) -> str:
    """A page of problems styled like the index: the message's first line as a sentence, each problem an item."""
    lines = [line.strip() for line in lines if line.strip()]
    lead = f"<p>{html.escape(lines[0])}</p>" if lines else ""
    items = "".join(f"<li>{html.escape(line.removeprefix('- '))}</li>" for line in lines[1:])
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{PAGE_STYLE}h2{{color:#9c2b2b}}li{{margin:0.3em 0}}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<h2>{html.escape(heading)}</h2>{lead}<ul>{items}</ul></body></html>")


def audit_year(unit: str, year: int, output: str | os.PathLike, *, lang: str = "vi", data_dir: str | None = None,
               show_code: bool = False, report_path: str | None = None, notebook: str | None = None) -> YearResult:
    """Execute the audit notebook for one unit-year and render it; never raises for bad data or a failing cell."""
    _skip_slow_optional_imports()
    import papermill as pm

    start = time.perf_counter()
    folder = Path(output).resolve() / unit / str(year)  # the kernel runs in this folder: no relative paths
    folder.mkdir(parents=True, exist_ok=True)
    title = f"{term('audit_title', lang)}: {unit_info(unit, data_dir)['name_vi' if lang == 'vi' else 'name_en']} — {year}"
    executed = folder / "audit.ipynb"
    params = {"unit": unit, "year": int(year), "lang": lang, "data_dir": None if data_dir is None else str(data_dir),
              "report_path": report_path, "checks_csv": str(folder / "checks.csv")}
    status, message = "ok", ""
    tmp = folder / ".audit.tmp.ipynb"
    # The kernel manager (this thread, through IPython) and the exporter (the warm-up thread) both resolve pygments'
    # lazily loaded lexers; two first lookups at once can fail ("cannot import name 'PythonLexer'"), so resolve it here.
    from pygments.lexers import PythonLexer  # noqa: F401
    warm = threading.Thread(target=_exporter, args=(show_code,), daemon=True)
    warm.start()
    try:
        pm.execute_notebook(str(notebook or notebook_path()), str(tmp), parameters=params, progress_bar=False,
                            log_output=False, kernel_name="python3", cwd=str(folder))
    except pm.PapermillExecutionError as exc:
        if exc.ename == "DataValidationError":  # the data, not the notebook, is at fault: say so plainly
            tmp.unlink(missing_ok=True)
            (folder / "checks.csv").unlink(missing_ok=True)
            page = _error_page(title, term("invalid_data", lang), exc.evalue.splitlines(), lang)
            write_atomic(folder / "audit.html", page)
            return YearResult(unit, year, "invalid", message=exc.evalue, seconds=time.perf_counter() - start)
        status, message = "error", f"{exc.ename}: {exc.evalue}"
    os.replace(tmp, executed)
    export_html(executed, folder / "audit.html", show_code=show_code, title=title)
    found = records(executed).get("checks", {})
    return YearResult(unit, year, status, {k: int(v) for k, v in found.items()}, message, time.perf_counter() - start)


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

    output = Path(output)
    data_dir = None if data_dir is None else str(resolve_data_dir(data_dir).resolve())
    kwargs = {"lang": lang, "data_dir": data_dir, "show_code": show_code, "report_path": report_path}
    results: list[YearResult] = []
    bar = tqdm(total=len(tasks), desc="hdnd audit", unit="năm" if lang == "vi" else "year", disable=not progress)
    own = executor is None and jobs > 1
    pool = ProcessPoolExecutor(max_workers=jobs) if own else executor
    try:
        if pool is None:
            for unit, year in tasks:
                results.append(audit_year(unit, year, output, **kwargs))
                bar.update()
        else:
            workers = getattr(pool, "_max_workers", None) or (jobs if jobs > 1 else os.cpu_count() or 1)
            limit = max(1, window or 2 * workers)
            pending: set = set()
            for unit, year in tasks:
                if len(pending) >= limit:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    _collect(done, results, bar)
                pending.add(pool.submit(audit_year, unit, year, str(output), **kwargs))
            _collect(pending, results, bar)
    finally:
        bar.close()
        if own:
            pool.shutdown()
    results.sort(key=lambda r: (r.unit, r.year))
    write_index(results, output, lang, data_dir)
    return results


def _collect(futures, results: list[YearResult], bar) -> None:
    for future in as_completed(futures):
        results.append(future.result())
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

    Rows of other runs (other years, units, reviewed documents) stay; see :mod:`hdnd_data.index`.
    """
    from hdnd_data.index import Row, add_rows

    status = {"ok": "done", "invalid": "invalid", "error": "error"}
    now = time.time()
    rows = []
    for r in results:
        info = unit_info(r.unit, data_dir)
        files = {"page": f"{r.unit}/{r.year}/audit.html"}
        if r.status != "invalid":
            files["notebook"] = f"{r.unit}/{r.year}/audit.ipynb"
        if r.status == "ok":
            files["table"] = f"{r.unit}/{r.year}/checks.csv"
        rows.append(Row("audit", f"{r.unit}/{r.year}", {"vi": info["name_vi"], "en": info["name_en"]}, status[r.status],
                        dict(r.counts), {lang: r.message} if r.message else {}, files,
                        [str(resolve_data_dir(data_dir).resolve() / r.unit / str(r.year))], r.year, now))
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
