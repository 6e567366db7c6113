"""The audit notebook executed with papermill for both years, its HTML, the index and the runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
import yaml

from hdnd_data.runs.audit import audit_year, notebook_path, plan, records, run_audit

from .conftest import REPO


def test_notebook_is_committed_without_outputs_and_has_one_parameters_cell():
    nb = nbformat.read(notebook_path(), as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    # no logic in the notebook: no def/class/loops, every other cell is a short call
    for cell in nb.cells:
        if cell is not tagged[0] and cell.cell_type == "code":
            assert not any(word in cell.source for word in ("def ", "class ", "for ", "while ", "lambda"))
            assert len([line for line in cell.source.splitlines() if line.strip()]) <= 3


def test_params_files_match_the_notebook_and_the_data():
    nb = nbformat.read(notebook_path(), as_version=4)
    source = next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    names = {line.split("=")[0].strip() for line in source.splitlines() if "=" in line and not line.startswith("#")}
    files = sorted((REPO / "params").glob("*.yaml"))
    assert [f.name for f in files] == ["lang-son-city-2020.yaml", "lang-son-city-2023.yaml"]
    for f in files:
        params = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert set(params) == names
        assert (REPO / "datasets" / params["unit"] / str(params["year"])).is_dir()


def test_2020_notebook_records_the_reports_figures(reports: Path):
    rec = records(reports / "lang-son-city" / "2020" / "audit.ipynb")
    assert rec["settlement_rate"] == "97,5%"
    assert rec["voters_attending"] == {"after-11": 766, "before-13": 877, "after-13": 356, "before-14": 855}
    assert rec["resolutions"] == 7 + 4 + 16
    assert rec["budget_percentages"] == 13
    assert set(rec["checks"]) == {"pass", "fail", "warn"} and sum(rec["checks"].values()) > 20


def test_2023_notebook_records(reports: Path):
    rec = records(reports / "lang-son-city" / "2023" / "audit.ipynb")
    assert rec["resolutions"] == 6
    assert rec["rows"]["economy"] == 10


def test_html_is_readable_without_python(reports: Path):
    page = (reports / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")
    for figure in ["390.463", "93,2%", "550/564 = 97,52%", "877", "Tiếp xúc cử tri", "Kiểm tra tính nhất quán",
                   "lsc-2020-annual-report, mục I.4.3"]:
        assert figure in page, figure
    assert page.count("data:image/png;base64") >= 3  # charts embedded: works offline
    assert "audit.voter_contact()" not in page  # report mode hides code
    assert "application/vnd.hdnd.record" not in page
    page23 = (reports / "lang-son-city" / "2023" / "audit.html").read_text(encoding="utf-8")
    assert "10,15%" in page23 and "16/18" in page23 and "51,5%" in page23


def test_index_and_checks_csv(reports: Path):
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "lang-son-city/2020/audit.html" in index and "lang-son-city/2023/checks.csv" in index
    for year in (2020, 2023):
        lines = (reports / "lang-son-city" / str(year) / "checks.csv").read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("rule_id,")
        assert len(lines) > 5


def test_english_report_and_visible_code(tmp_path: Path):
    result = audit_year("lang-son-city", 2023, tmp_path, lang="en", show_code=True)
    assert result.status == "ok"
    page = (tmp_path / "lang-son-city" / "2023" / "audit.html").read_text(encoding="utf-8")
    assert "Socio-economic indicators" in page and "Growth vs last year" in page
    assert "jp-InputArea-editor" in page and "YearAudit" in page  # code cells shown


def test_invalid_year_gets_a_page_and_others_still_run(data_copy: Path, tmp_path: Path):
    bad = data_copy / "lang-son-city" / "2020" / "petitions.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",564", ",<b>5.64</b>"), encoding="utf-8")
    results = run_audit(plan(None, None, data_copy), tmp_path, data_dir=str(data_copy), progress=False,
                        executor=ThreadPoolExecutor(2))
    assert [r.status for r in results] == ["invalid", "ok"]
    page = (tmp_path / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")
    assert "Số liệu không hợp lệ" in page and "petitions.csv, dòng 5, cột &#x27;count&#x27;" in page
    assert "<b>5.64</b>" not in page and "&lt;b&gt;5.64&lt;/b&gt;" in page  # text from data is escaped
    assert "lang-son-city/2023/audit.html" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_failing_cell_keeps_the_executed_notebook(tmp_path: Path):
    broken = tmp_path / "broken.ipynb"
    nb = nbformat.read(notebook_path(), as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("raise RuntimeError('boom in cell')"))
    nbformat.write(nb, broken)
    result = audit_year("lang-son-city", 2020, tmp_path / "out", notebook=str(broken))
    assert result.status == "error" and "boom in cell" in result.message
    executed = json.loads((tmp_path / "out" / "lang-son-city" / "2020" / "audit.ipynb").read_text(encoding="utf-8"))
    assert any(o.get("ename") == "RuntimeError" for c in executed["cells"] for o in c.get("outputs", []))
    assert "boom in cell" in (tmp_path / "out" / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")


def test_cli_audit_exit_codes(data_copy: Path, tmp_path: Path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    ok = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "audit", "--year", "2023", "--output", "relative/out",
                         "--quiet"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "lang-son-city 2023: ok" in ok.stdout
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "relative").rglob("*") if p.is_file()
                     and ".hdnd-index" not in p.parts)  # the index's records: see test_review_index.py
    assert written == ["relative/out/index.html", "relative/out/lang-son-city/2023/audit.html",
                       "relative/out/lang-son-city/2023/audit.ipynb", "relative/out/lang-son-city/2023/checks.csv",
                       "relative/out/lang-son-city/2023/findings.json"]
    shutil.rmtree(data_copy / "lang-son-city" / "2020")
    (data_copy / "lang-son-city" / "2023" / "sources.csv").unlink()
    bad = subprocess.run([sys.executable, "-m", "hdnd_data.cli", "audit", "--all", "--data-dir", str(data_copy),
                          "--output", str(tmp_path / "b"), "--quiet"], capture_output=True, text=True, env=env, cwd=REPO)
    assert bad.returncode == 2 and "lang-son-city 2023: invalid" in bad.stdout


SEEDS = REPO.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the checkout")
def test_claims_section_from_the_report_text(tmp_path: Path):
    report = next(SEEDS.glob("004_*.txt"))
    result = audit_year("lang-son-city", 2020, tmp_path, report_path=str(report))
    assert result.status == "ok"
    claims = records(tmp_path / "lang-son-city" / "2020" / "audit.ipynb")["claims"]
    assert claims["fail"] == 0 and claims["pass"] >= 15 and claims["warn"] >= 1
    page = (tmp_path / "lang-son-city" / "2020" / "audit.html").read_text(encoding="utf-8")
    assert "Các số liệu trong văn bản" in page
