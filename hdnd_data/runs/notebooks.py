"""What both runners do with a notebook: read its recorded values, render it to an offline HTML page, start a
quiet kernel, write a page of problems when there is no notebook to render, and clean what killed runs left.

Shared by :mod:`hdnd_data.runs.audit` (one notebook per unit-year) and :mod:`hdnd_data.runs.review` (per document).
"""

from __future__ import annotations

import html
import json
import logging
import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from hdnd_data.data.files import write_atomic
from hdnd_data.data.records import RECORD_MIME
from hdnd_data.labels import msg

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



def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line of at most ``limit`` characters (an index row's or the terminal's reason)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reasons(key: str, **values: object) -> dict[str, str]:
    """Why a document or a unit-year failed, in both languages, on one line."""
    return {lang: one_line(msg(key, lang, **{k: one_line(v, 200) for k, v in values.items()})) for lang in ("vi", "en")}


def output_problem(exc: OSError, output: Path) -> dict[str, str]:
    """An output that cannot be written, named relative to the output folder (a temporary file by its folder)."""
    where = Path(exc.filename) if getattr(exc, "filename", None) else output
    if where.name.startswith("."):  # a temporary file of ours: the reader knows its folder
        where = where.parent
    try:
        where = where.relative_to(output)
    except ValueError:
        pass
    return reasons("run_failed_output", path=where.as_posix(), error=f"{type(exc).__name__}: {exc.strerror or exc}")


def _zombie(pid: int) -> bool:
    """Whether process ``pid`` has ended but was never reaped (Linux: its state in /proc is Z); False elsewhere."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2:].startswith("Z")


def clean_leftovers(folder: Path, prefix: str) -> None:
    """Remove what runs killed mid-way left in ``folder``: their temporary notebooks (``<prefix>.<pid>.*.tmp.ipynb``,
    whose process is gone) and the temporary files of an atomic write (``.<name>.*.tmp``) older than a minute, when
    no write can still be busy with them. The pages themselves are only ever replaced whole."""
    import time

    for path in folder.glob(f"{prefix}.*.tmp.ipynb"):
        try:
            pid = int(path.name.split(".")[2])
            os.kill(pid, 0)
            if _zombie(pid):  # killed, never reaped (its parent died too, and no init reaps it in a container)
                path.unlink(missing_ok=True)
        except (ValueError, IndexError, ProcessLookupError):
            path.unlink(missing_ok=True)
        except (PermissionError, OSError):
            pass  # a live process of another user
    for path in folder.glob(".*.tmp"):
        try:
            if path.stat().st_mtime < time.time() - 60:
                path.unlink()
        except OSError:
            pass


def discard(path: Path) -> None:
    """Remove a temporary file if it is there; on a read-only disk even a missing file cannot be unlinked (EROFS),
    and that must not hide the problem the run already reports."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def export_html(notebook: str | os.PathLike, target: str | os.PathLike, *, show_code: bool = False, title: str = "",
                lang: str = "en") -> Path:
    """Render an executed notebook to self-contained HTML (images embedded), code hidden unless asked; the page
    declares ``lang`` (the shared exporter's own setting stays untouched, so threads can render at once)."""
    import nbformat

    nb = nbformat.read(str(notebook), as_version=4)
    exporter_ = exporter(show_code)
    for cell in nb.cells:  # recorded values are for machines; keep them out of the reviewers' page
        if cell.get("outputs"):
            cell.outputs = [o for o in cell.outputs if RECORD_MIME not in o.get("data", {})]
    if title:
        nb.metadata["title"] = title
    body, _ = exporter_.from_notebook_node(nb)
    body = body.replace(f'<html lang="{exporter_.language_code}">', f'<html lang="{lang}">', 1)
    return write_atomic(target, body)


def skip_slow_optional_imports() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax``, which builds a grammar at import (≈1.7 s here).

    nbformat imports jsonschema, and jsonschema imports that optional package only to check IRI formats,
    which notebook validation never uses; without it jsonschema simply skips that format. This runs in the
    runner's own processes only, before papermill is imported.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # None makes `import rfc3987_syntax` raise ImportError
    # pygments loads its lexers lazily and not thread-safely: two threads asking for PythonLexer at once (the
    # exporter's warm-up for IPython's lexers, papermill for IPython's inspector, or two workers of a thread pool)
    # failed with "cannot import name 'PythonLexer'" on a busy host. The runners call this before any thread starts.
    from pygments.lexers import PythonLexer  # noqa: F401


# JupyterLab's page without the two scripts it fetches from a CDN (require.js for widgets, MathJax for formulas):
# the pages hold neither, and must open offline without waiting on the network.
OFFLINE_TEMPLATE = "hdnd_offline.html.j2"
_OFFLINE = ("{%- extends 'index.html.j2' -%}\n{% block html_head_js_requirejs %}{% endblock %}\n"
            "{% block html_head_js_mathjax %}{% endblock %}\n")
_EXPORTERS: dict[bool, object] = {}
_EXPORTER_LOCK = threading.Lock()


def exporter(show_code: bool):
    """One HTML exporter per process, its templates loaded by a first rendering.

    Importing nbconvert and compiling its templates costs more than rendering a notebook; both runners
    do it in a thread while the kernel runs on the other core, so a reviewer's page costs no extra wait.
    """
    with _EXPORTER_LOCK:
        if show_code not in _EXPORTERS:
            import nbformat
            from jinja2 import DictLoader
            from nbconvert import HTMLExporter

            exporter = HTMLExporter(template_name="lab", exclude_input=not show_code, exclude_input_prompt=not show_code,
                                    exclude_output_prompt=True, template_file=OFFLINE_TEMPLATE,
                                    extra_loaders=[DictLoader({OFFLINE_TEMPLATE: _OFFLINE})])
            exporter.from_notebook_node(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("warm-up")]))
            _EXPORTERS[show_code] = exporter
        return _EXPORTERS[show_code]


def error_page(title: str, heading: str, lines: Iterable[str], lang: str) -> str:
    """A page of problems styled like the index: the message's first line as a sentence, each problem an item."""
    lines = [line.strip() for line in lines if line.strip()]
    lead = f"<p>{html.escape(lines[0])}</p>" if lines else ""
    items = "".join(f"<li>{html.escape(line.removeprefix('- '))}</li>" for line in lines[1:])
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{PAGE_STYLE}h2{{color:#9c2b2b}}li{{margin:0.3em 0}}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<h2>{html.escape(heading)}</h2>{lead}<ul>{items}</ul></body></html>")


def kernel_in(folder: str | os.PathLike) -> dict[str, object]:
    """nbclient's resources that start the kernel in ``folder``: papermill's own ``cwd=`` would instead change the
    working folder of the whole runner process, under the feet of the other workers of a thread pool."""
    return {"metadata": {"path": str(folder)}}


def kernel_setup() -> dict[str, object]:
    """Call before starting the exporter's warm-up thread; pass what it returns to ``papermill.execute_notebook``.

    The kernel gets a manager that sends its own stdout and stderr to /dev/null, so that ipykernel's log lines
    ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in kernel") never reach the terminal
    (the notebook's outputs travel over the kernel's messages, not these streams, and are all kept); papermill's log
    ("Kernel died while waiting ...") is silenced, the result says it once. (The pygments race between the warm-up
    thread and the kernel's start is settled earlier, by :func:`skip_slow_optional_imports`.)
    """
    import subprocess

    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    papermill_log = logging.getLogger("papermill")
    if not any(isinstance(h, logging.NullHandler) for h in papermill_log.handlers):
        papermill_log.addHandler(logging.NullHandler())
    return {"kernel_manager_class": QuietKernelManager}
