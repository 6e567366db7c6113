"""The batch runner behind ``hdnd review``: papermill per document, HTML by nbconvert, a row per document in the index.

Writes ``<out>/documents/<folder>/{review.ipynb,review.html,claims.csv}`` (the folder named by the document's
identity, :func:`hdnd_data.data.records.document_folder`) and merges the documents into ``<out>/index.html`` beside
the unit-year audits (:mod:`hdnd_data.runs.index`). A re-run redoes only the documents whose content, the engine
or the language changed since their page was made; the record of a document is written last, after its files, so
a run killed mid-way leaves each document either recorded whole or redone by the next run. Like the audit runner
it imports neither pandas nor the claims engine: the notebook's kernel reads and checks the document.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from hdnd_data.data.files import write_atomic
from hdnd_data.data.records import DOCUMENT_SUFFIXES, document_folder, document_identity
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

__all__ = ["DocumentResult", "engine_version", "find_documents", "notebook_path", "review_document", "run_review", "slugs",
           "summary_lines", "up_to_date", "write_index"]

NOTEBOOK = "document_review.ipynb"
COUNTED = ("pass", "fail", "warn", "unchecked")


@dataclass
class DocumentResult:
    """What the runner learnt about one document."""

    path: str
    slug: str
    status: str  # done | unreadable | error
    counts: dict[str, int] = field(default_factory=dict)
    message: dict[str, str] = field(default_factory=dict)  # the reading problem or the error, by language
    reason: str = ""
    seconds: float = 0.0
    finished: float = 0.0
    started: float = 0.0
    digest: dict = field(default_factory=dict)  # the document as the kernel was given it (runs.digests.snapshot)
    engine: str = ""
    lang: str = ""
    wrote_page: bool = False
    kept: bool = False  # up to date since an earlier run: not reviewed again


def notebook_path() -> Path:
    """The review notebook of the checkout (``notebooks/document_review.ipynb``)."""
    return Path(__file__).resolve().parents[2] / "notebooks" / NOTEBOOK


def find_documents(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The documents to review (a folder is searched, in name order, for .txt .md .docx .pdf) and the paths given
    that are no document: ``(path, "missing" | "wrong_type")``."""
    found: list[Path] = []
    refused: list[tuple[Path, str]] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(given).parts))
        elif not given.exists():
            refused.append((given, "missing"))
        elif given.suffix.lower() not in DOCUMENT_SUFFIXES:
            refused.append((given, "wrong_type"))
        else:
            found.append(given)
    return list(dict.fromkeys(p.resolve() for p in found)), refused


# The code that reads and checks a document and draws its page (``__init__.py`` holds the version): a page made by
# other code is made again.
ENGINE_SOURCES = ("__init__.py", "text", "report", "labels", "data", "runs/notebooks.py")


def engine_version() -> str:
    """A digest of the review notebook and of the code that makes a review page (the package's version included)."""
    return code_version(notebook_path(), Path(__file__).resolve().parents[1], ENGINE_SOURCES)


def slugs(paths: list[Path], output: str | os.PathLike) -> dict[Path, str]:
    """The folder of each document's review in ``output``: one per document, the same on every run
    (:func:`hdnd_data.data.records.document_folder`)."""
    return {path: document_folder(path, output) for path in paths}


def _problem(path: Path, reason: str) -> dict[str, str]:
    return {lang: f"{path.name}: {term(f'review_read_{reason}', lang)}" for lang in ("vi", "en")}


def review_document(path: str | os.PathLike, output: str | os.PathLike, *, name: str | None = None, lang: str = "vi",
                    notebook: str | None = None) -> DocumentResult:
    """Execute the review notebook for one document and render it; never raises for a bad document or a failing cell,
    and says why in one line, in Vietnamese and English."""
    skip_slow_optional_imports()
    import papermill as pm

    start, started = time.perf_counter(), time.time()
    path = Path(path).resolve()
    name = name or document_folder(path, output)
    folder = Path(output).resolve() / "documents" / name
    title = f"{term('review_title', lang)}: {path.name}"
    try:
        digest = snapshot(path)  # before the kernel reads it: a change while it runs makes the row stale
    except OSError:
        digest = {}  # the kernel's reader says why it cannot be read

    def result(status: str, counts: dict, message: dict, reason: str = "", wrote_page: bool = True) -> DocumentResult:
        return DocumentResult(str(path), name, status, counts, message, reason, time.perf_counter() - start, time.time(),
                              started, digest, engine_version(), lang, wrote_page)

    def failed(message: dict[str, str]) -> DocumentResult:
        try:
            write_atomic(folder / "review.html", error_page(title, term("notebook_error", lang), [message[lang]], lang))
            wrote = True
            (folder / "claims.csv").unlink(missing_ok=True)
        except OSError:
            wrote = False  # the output itself is blocked: the result (and the index) still say why
        return result("error", {}, message, wrote_page=wrote)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_leftovers(folder, ".review")
    except OSError as exc:
        return failed(output_problem(exc, Path(output).resolve()))
    tmp = folder / f".review.{os.getpid()}.{threading.get_ident()}.tmp.ipynb"  # two runs into one folder never share it
    kernel = kernel_setup()  # a quiet kernel; before the warm-up thread
    warm = threading.Thread(target=exporter, args=(False,), daemon=True)  # templates load while the kernel runs
    warm.start()
    status, message, reason = "done", {}, ""
    try:
        try:
            pm.execute_notebook(str(notebook or notebook_path()), str(tmp), progress_bar=False, log_output=False,
                                parameters={"path": str(path), "lang": lang, "claims_csv": str(folder / "claims.csv")},
                                kernel_name="python3", resources=kernel_in(folder), **kernel)
        except pm.PapermillExecutionError as exc:
            status, message = "error", reasons("run_failed_cell", error=f"{exc.ename}: {exc.evalue}")
        except OSError as exc:  # no room or no right to write the notebook
            return failed(output_problem(exc, Path(output).resolve()))
        except Exception as exc:  # noqa: BLE001 - a kernel that died or never started: this document's row says so
            if tmp.is_file():  # what the kernel did before it died, for whoever looks into it
                os.replace(tmp, folder / "review.ipynb")
            return failed(reasons("run_failed_kernel", error=f"{type(exc).__name__}: {exc}"))
        os.replace(tmp, folder / "review.ipynb")
        export_html(folder / "review.ipynb", folder / "review.html", title=title, lang=lang)
        found = records(folder / "review.ipynb").get("document") or {}
        if found.get("problem"):
            problem = found["problem"]
            status, reason = "unreadable", problem["reason"]
            message = {k: one_line(v) for k, v in problem.items() if k != "reason"}
        if status != "done":
            (folder / "claims.csv").unlink(missing_ok=True)  # a claims table of an earlier reading is no longer true
    except OSError as exc:  # an output blocked by a file in a folder's place, a full disk, no permission
        return failed(output_problem(exc, Path(output).resolve()))
    finally:
        discard(tmp)
    return result(status, {k: int(v) for k, v in (found.get("counts") or {}).items()}, message, reason)


def up_to_date(row, path: Path, output: str | os.PathLike, engine: str, lang: str) -> bool:
    """Whether a document's recorded review still holds: read whole (done or unreadable) by this engine in this
    language, from the document's present content, its files all there and none from an earlier run."""
    from hdnd_data.runs.index import stale_reason

    recorded = row.digests.get(document_identity(path, output)) if row is not None else None
    return (recorded is not None and row.status in ("done", "unreadable") and row.engine == engine and row.lang == lang
            and changed(path, recorded) is False and all((Path(output) / f).is_file() for f in row.files.values())
            and stale_reason(output, row) is None)


def _kept(row, path: Path, output: Path) -> DocumentResult:
    return DocumentResult(str(path), row.key.removeprefix("documents/"), row.status, dict(row.counts), dict(row.message),
                          finished=row.finished, started=row.started or 0.0,
                          digest=row.digests.get(document_identity(path, output), {}),
                          engine=row.engine, lang=row.lang, wrote_page=True, kept=True)


def run_review(paths: Iterable[str | os.PathLike], output: str | os.PathLike = "reports", *, jobs: int = 1,
               lang: str = "vi", progress: bool = True, force: bool = False) -> list[DocumentResult]:
    """Review every document of ``paths``, ``jobs`` at a time; each one joins the output folder's index as it ends.

    A document whose recorded review is up to date (:func:`up_to_date`) is kept (``kept=True``) unless ``force``.
    A path that is no document (missing, or not .txt .md .docx .pdf) gets its row at once, without a kernel. A run
    that is interrupted keeps the rows of the documents it finished; the next run does the rest.
    """
    from tqdm.auto import tqdm

    from hdnd_data.runs.index import read_rows

    skip_slow_optional_imports()  # in this thread, before the workers' threads start (see there)
    output = Path(output).absolute()  # before any worker starts: nothing later depends on the working folder
    documents, refused = find_documents(paths)
    names = slugs(documents, output)
    results = [DocumentResult(str(p.resolve() if p.exists() else p), document_folder(p, output), "unreadable",
                              message=_problem(p, reason), reason=reason, finished=time.time(), lang=lang)
               for p, reason in refused]
    if not force and documents:
        engine = engine_version()
        recorded = {row.key: row for row in read_rows(output) if row.kind == "document"}
        kept = {p for p in documents if up_to_date(recorded.get(f"documents/{names[p]}"), p, output, engine, lang)}
        results += [_kept(recorded[f"documents/{names[p]}"], p, output) for p in documents if p in kept]
        documents = [p for p in documents if p not in kept]
    if results:
        write_index(results, output, lang)  # the refused rows, and the index in this run's language
    bar = tqdm(total=len(documents), desc="hdnd review", unit="văn bản" if lang == "vi" else "document", disable=not progress)

    def done(result: DocumentResult) -> None:
        results.append(result)
        write_index([result], output, lang)
        bar.update()

    try:
        if jobs <= 1:
            for path in documents:
                done(review_document(path, output, name=names[path], lang=lang))
        else:
            # Threads: each document's work runs in its own kernel process; the runner only waits and renders,
            # and one process keeps papermill and the warmed-up HTML exporter for every document.
            pool = ThreadPoolExecutor(max_workers=jobs)
            try:
                futures = [pool.submit(review_document, path, str(output), name=names[path], lang=lang) for path in documents]
                for future in as_completed(futures):
                    done(future.result())
            except BaseException:  # Ctrl-C: the documents not started never start (the pool's `with` would run them all)
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
    finally:
        bar.close()
    results.sort(key=lambda r: r.path)
    return results


def write_index(results: list[DocumentResult], output: str | os.PathLike, lang: str = "vi") -> Path:
    """Record each document in the output folder's index (unit-year rows stay) and rebuild ``index.html``."""
    from hdnd_data.runs.index import Row, add_rows

    rows = []
    for r in results:
        if r.kept:
            continue  # its record stands as it is
        base = f"documents/{r.slug}"
        files = {}
        if (Path(output) / base / "review.html").is_file():
            files["page"] = f"{base}/review.html"
        if (Path(output) / base / "review.ipynb").is_file():
            files["notebook"] = f"{base}/review.ipynb"
        if r.status == "done":
            files["table"] = f"{base}/claims.csv"
        name, identity = Path(r.path).name, document_identity(r.path, output)  # moves with the output folder
        rows.append(Row("document", base, {"vi": name, "en": name}, r.status, dict(r.counts), dict(r.message), files,
                        [identity] if Path(r.path).exists() else [], None, r.finished, r.started or None,
                        r.wrote_page, {identity: r.digest} if r.digest else {}, r.engine, r.lang))
    return add_rows(output, rows, lang)


def _shown(path: str) -> str:
    """A document as the terminal names it: relative to the working folder when inside it (two documents of one name
    in different folders read apart), else its whole path."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def summary_lines(results: list[DocumentResult], lang: str = "vi") -> list[str]:
    """One line per document reviewed (or kept but not done: it still needs a look), then one line for those kept."""
    out = []
    for r in results:
        if r.kept and r.status == "done":
            continue
        if r.status == "done":
            said = ", ".join(f"{term('review_unchecked' if s == 'unchecked' else s, lang)} {r.counts.get(s, 0)}" for s in COUNTED)
        else:
            said = (r.message.get(lang) or next(iter(r.message.values()), "")).splitlines()[0]
        out.append(f"{_shown(r.path)}: {term(f'row_{r.status}', lang)} ({said})" + ("" if r.kept else f" {r.seconds:.1f}s"))
    kept = sum(r.kept for r in results)
    if kept:
        out.append(msg("review_kept", lang, n=kept))
    return out

