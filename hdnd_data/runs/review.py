"""The batch runner behind ``hdnd review``: papermill per document, HTML by nbconvert, a row per document in the index.

Writes ``<out>/documents/<slug>/{review.ipynb,review.html,claims.csv}`` and merges the documents into
``<out>/index.html`` beside the unit-year audits (:mod:`hdnd_data.runs.index`). Like the audit runner it imports
neither pandas nor the claims engine: the notebook's kernel reads and checks the document.
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
from hdnd_data.labels import term
from hdnd_data.runs.notebooks import error_page, export_html, exporter, kernel_setup, records, skip_slow_optional_imports
from hdnd_data.runs.records import DOCUMENT_SUFFIXES, slug

__all__ = ["DocumentResult", "find_documents", "notebook_path", "review_document", "run_review", "slugs", "summary_lines",
           "write_index"]

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


def slugs(paths: list[Path]) -> dict[Path, str]:
    """A folder name per document, unique in the run: the name's slug; on a clash the suffix, then a number."""
    out: dict[Path, str] = {}
    taken: set[str] = set()
    for path in paths:
        name = slug(path)
        if name in taken:
            name = f"{name}-{path.suffix.lstrip('.').lower()}"
        base, n = name, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        out[path] = name
    return out


def _problem(path: Path, reason: str) -> dict[str, str]:
    return {lang: f"{path.name}: {term(f'review_read_{reason}', lang)}" for lang in ("vi", "en")}


def review_document(path: str | os.PathLike, output: str | os.PathLike, *, name: str | None = None, lang: str = "vi",
                    notebook: str | None = None) -> DocumentResult:
    """Execute the review notebook for one document and render it; never raises for a bad document or a failing cell."""
    skip_slow_optional_imports()
    import papermill as pm

    start = time.perf_counter()
    path = Path(path).resolve()
    name = name or slug(path)
    folder = Path(output).resolve() / "documents" / name
    title = f"{term('review_title', lang)}: {path.name}"

    def failed(said: str) -> DocumentResult:
        try:
            write_atomic(folder / "review.html", error_page(title, term("notebook_error", lang), [said], lang))
            (folder / "claims.csv").unlink(missing_ok=True)
        except OSError:
            pass  # the output itself is blocked: the result (and the index) still say why
        return DocumentResult(str(path), name, "error", {}, {lang: said}, "", time.perf_counter() - start, time.time())

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return failed(f"{type(exc).__name__}: {exc}")
    tmp = folder / f".review.{os.getpid()}.{threading.get_ident()}.tmp.ipynb"  # two runs into one folder never share it
    kernel = kernel_setup()  # a quiet kernel; before the warm-up thread
    warm = threading.Thread(target=exporter, args=(False,), daemon=True)  # templates load while the kernel runs
    warm.start()
    status, message, reason = "done", {}, ""
    try:
        try:
            pm.execute_notebook(str(notebook or notebook_path()), str(tmp), progress_bar=False, log_output=False,
                                parameters={"path": str(path), "lang": lang, "claims_csv": str(folder / "claims.csv")},
                                kernel_name="python3", cwd=str(folder), **kernel)
        except pm.PapermillExecutionError as exc:
            status, message = "error", {lang: f"{exc.ename}: {exc.evalue}"}
        except Exception as exc:  # noqa: BLE001 - a kernel that died or never started: this document's row says so
            if tmp.is_file():  # what the kernel did before it died, for whoever looks into it
                os.replace(tmp, folder / "review.ipynb")
            return failed(f"{type(exc).__name__}: {exc}")
        os.replace(tmp, folder / "review.ipynb")
        export_html(folder / "review.ipynb", folder / "review.html", title=title, lang=lang)
        found = records(folder / "review.ipynb").get("document") or {}
        if found.get("problem"):
            problem = found["problem"]
            status, reason, message = "unreadable", problem["reason"], {k: v for k, v in problem.items() if k != "reason"}
        if status != "done":
            (folder / "claims.csv").unlink(missing_ok=True)  # a claims table of an earlier reading is no longer true
    except OSError as exc:  # an output blocked by a file in a folder's place, a full disk, no permission
        return failed(f"{type(exc).__name__}: {exc}")
    finally:
        tmp.unlink(missing_ok=True)
    counts = {k: int(v) for k, v in (found.get("counts") or {}).items()}
    return DocumentResult(str(path), name, status, counts, message, reason, time.perf_counter() - start, time.time())


def run_review(paths: Iterable[str | os.PathLike], output: str | os.PathLike = "reports", *, jobs: int = 1,
               lang: str = "vi", progress: bool = True) -> list[DocumentResult]:
    """Review every document of ``paths``, ``jobs`` at a time; each one joins the output folder's index as it ends.

    A path that is no document (missing, or not .txt .md .docx .pdf) gets its row at once, without a kernel. A run
    that is interrupted keeps the rows of the documents it finished.
    """
    from tqdm.auto import tqdm

    skip_slow_optional_imports()  # in this thread, before the workers' threads start (see there)
    output = Path(output)
    documents, refused = find_documents(paths)
    names = slugs(documents)
    results = [DocumentResult(str(p.resolve() if p.exists() else p), slug(p), "unreadable", message=_problem(p, reason),
                              reason=reason, finished=time.time()) for p, reason in refused]
    if results:
        write_index(results, output, lang)
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
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(review_document, path, str(output), name=names[path], lang=lang) for path in documents]
                for future in as_completed(futures):
                    done(future.result())
    finally:
        bar.close()
    results.sort(key=lambda r: r.path)
    return results


def write_index(results: list[DocumentResult], output: str | os.PathLike, lang: str = "vi") -> Path:
    """Record each document in the output folder's index (unit-year rows stay) and rebuild ``index.html``."""
    from hdnd_data.runs.index import Row, add_rows

    rows = []
    for r in results:
        base = f"documents/{r.slug}"
        files = {}
        if (Path(output) / base / "review.html").is_file():
            files["page"] = f"{base}/review.html"
            files["notebook"] = f"{base}/review.ipynb"
        if r.status == "done":
            files["table"] = f"{base}/claims.csv"
        name = Path(r.path).name
        rows.append(Row("document", base, {"vi": name, "en": name}, r.status, dict(r.counts), dict(r.message), files,
                        [r.path] if Path(r.path).exists() else [], None, r.finished, r.finished - r.seconds))
    return add_rows(output, rows, lang)


def summary_lines(results: list[DocumentResult], lang: str = "vi") -> list[str]:
    """One line per document for the terminal."""
    out = []
    for r in results:
        if r.status == "done":
            said = ", ".join(f"{term('review_unchecked' if s == 'unchecked' else s, lang)} {r.counts.get(s, 0)}" for s in COUNTED)
        else:
            said = (r.message.get(lang) or next(iter(r.message.values()), "")).splitlines()[0]
        out.append(f"{Path(r.path).name}: {term(f'row_{r.status}', lang)} ({said}) {r.seconds:.1f}s")
    return out

