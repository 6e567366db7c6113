"""The floor of the audit benchmark: execute floor.ipynb with papermill and export it with nbconvert.

Run as a separate process, exactly as ``hdnd audit`` is, so both pay the same start-up costs.
"""

import sys
from pathlib import Path

import nbformat
import papermill as pm
from nbconvert import HTMLExporter

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
pm.execute_notebook(str(Path(__file__).with_name("floor.ipynb")), str(out / "floor.ipynb"), progress_bar=False, kernel_name="python3")
body, _ = HTMLExporter(template_name="lab", exclude_input=True).from_notebook_node(nbformat.read(str(out / "floor.ipynb"), as_version=4))
(out / "floor.html").write_text(body, encoding="utf-8")
