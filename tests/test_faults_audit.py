"""Fault suite, part 3: the audit runner under faults. A kernel that dies, a cell that raises and an output folder
blocked by a file each fail their own unit-year only; the index is written; no temporary notebook stays; kernel
noise never reaches the terminal; Ctrl-C ends with one line and exit 130; a closed pipe ends quietly."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from hdnd_data.cli import main
from hdnd_data.runs import audit

REPO = Path(__file__).resolve().parent.parent
UNIT = "lang-son-city"

FAULTS = """import os, signal, sys
os.write(2, b"KERNEL NOISE ON STDERR\\n")
print("KERNEL NOISE ON STDOUT", file=sys.__stdout__, flush=True)
if year == 2021:
    os.kill(os.getpid(), signal.SIGKILL)
if year == 2022:
    raise ValueError("a cell that raises")
"""


def audit_notebook_running(code: str, folder: Path, monkeypatch) -> Path:
    """A small notebook taking the audit's parameters and running ``code``, made the audit's notebook."""
    params = "unit = 'x'\nyear = 0\nlang = 'vi'\ndata_dir = None\nreport_path = None\nchecks_csv = None"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(params, metadata={"tags": ["parameters"]}),
                                         nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "faults.ipynb"
    nbformat.write(nb, path)
    monkeypatch.setattr(audit, "notebook_path", lambda: path)
    return path


@pytest.fixture
def fault_notebook(tmp_path: Path, monkeypatch) -> Path:
    """Its kernel dies for 2021, a cell raises for 2022."""
    return audit_notebook_running(FAULTS, tmp_path, monkeypatch)


def test_faults_of_one_unit_year_never_stop_the_others(fault_notebook: Path, tmp_path: Path, capfd):
    out = tmp_path / "reports"
    (out / "u").mkdir(parents=True)
    (out / "u" / "2023").write_text("a file where the unit-year's folder belongs")
    (out / "u" / "2020").mkdir()
    (out / "u" / "2020" / ".audit.4194999.1.tmp.ipynb").write_text("{}")  # left by a run killed with SIGKILL
    results = audit.run_audit([("u", 2020), ("u", 2021), ("u", 2022), ("u", 2023)], out, progress=False)
    got = {r.year: (r.status, r.message.split(":")[0]) for r in results}
    assert got == {2020: ("ok", ""), 2021: ("error", "DeadKernelError"), 2022: ("error", "ValueError"), 2023: ("error", "FileExistsError")}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"u/{year}" in index for year in (2020, 2021, 2022, 2023))
    assert "Kernel died" in (out / "u" / "2021" / "audit.html").read_text(encoding="utf-8")
    assert (out / "u" / "2023").read_text().startswith("a file")  # the blocking file is left as it was
    assert not list(out.rglob("*.tmp.ipynb"))
    terminal = "".join(capfd.readouterr())
    assert "KERNEL NOISE" not in terminal and "Kernel died while" not in terminal


@pytest.fixture
def two_years(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(REPO / "datasets" / UNIT, root / UNIT)
    return root


def test_ctrl_c_stops_with_one_line_and_exit_130_keeping_what_finished(two_years: Path, tmp_path: Path, monkeypatch, capsys):
    def audit_then_interrupt(unit, year, output, **kwargs):
        if year == 2023:
            raise KeyboardInterrupt
        (Path(output) / unit / str(year)).mkdir(parents=True)
        return audit.YearResult(unit, year, "ok", {"pass": 3, "fail": 0, "warn": 1})

    monkeypatch.setattr(audit, "audit_year", audit_then_interrupt)
    out = tmp_path / "reports"
    assert main(["audit", "--all", "--data-dir", str(two_years), "--output", str(out), "--quiet"]) == 130
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Ctrl-C" in err[0]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"{UNIT}/2020" in index and f"{UNIT}/2023" not in index


def test_jobs_above_the_cores_are_capped_with_a_note(two_years: Path, tmp_path: Path, monkeypatch, capsys):
    seen = {}

    def fake_run(tasks, output, *, jobs, **kwargs):
        seen["jobs"] = jobs
        return [audit.YearResult(u, y, "ok", {"pass": 1}) for u, y in tasks]

    monkeypatch.setattr(audit, "run_audit", fake_run)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert main(["audit", "--all", "--jobs", "64", "--data-dir", str(two_years), "--output", str(tmp_path / "r"), "--lang", "en"]) == 0
    assert seen["jobs"] == 2 and "--jobs 64: this machine has 2 cores" in capsys.readouterr().err


class ClosedPipe:
    """A standard output whose reader has gone (``hdnd check | head`` after head exits)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_quietly(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["tables"]) == 141
    assert capsys.readouterr().err == ""


def test_check_into_head_ends_quietly_in_a_shell(tmp_path: Path):
    import subprocess

    script = f"{sys.executable} -m hdnd_data.cli check --format csv 2>{tmp_path}/err | head -n 1; echo ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
                          timeout=120)
    first, code = done.stdout.splitlines()
    assert first.startswith("rule_id,") and code in ("0", "141")
    assert (tmp_path / "err").read_text() == ""


def test_a_read_only_output_folder_is_refused_before_any_kernel(two_years: Path, tmp_path: Path, monkeypatch, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    real_access = __import__("os").access
    monkeypatch.setattr("os.access", lambda path, mode: False if Path(path) == out else real_access(path, mode))  # root ignores chmod
    monkeypatch.setattr(audit, "audit_year", lambda *a, **k: pytest.fail("a kernel was started"))
    assert main(["audit", "--all", "--data-dir", str(two_years), "--output", str(out), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"hdnd audit: --output {out}: the folder {out} is not writable"]
    assert list(out.iterdir()) == []


def test_an_index_blocked_by_a_folder_ends_in_one_line(two_years: Path, tmp_path: Path, monkeypatch, capsys):
    out = tmp_path / "reports"
    (out / "index.html").mkdir(parents=True)
    monkeypatch.setattr(audit, "audit_year", lambda unit, year, output, **k: audit.YearResult(unit, year, "ok", {"pass": 1}))
    assert main(["audit", "--year", "2020", "--data-dir", str(two_years), "--output", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "index.html" in err[0] and "Traceback" not in err[0]
    assert (out / "index.html").is_dir() and not [p for p in out.iterdir() if p.name.startswith(".index.html")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_real_ctrl_c_mid_kernel_stops_cleanly(tmp_path: Path, jobs: str):
    """SIGINT to the whole process group (as a terminal sends it) while kernels run: one line, 130, nothing left."""
    import os
    import signal
    import subprocess
    import time

    out = tmp_path / "reports"
    run = subprocess.Popen([sys.executable, "-m", "hdnd_data.cli", "audit", "--year", "2020", "--year", "2023", "--jobs", jobs,
                            "--output", str(out), "--quiet"], cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 90
    while not list(out.rglob("*.tmp.ipynb")) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    assert run.poll() is None, "the audit ended before a kernel was seen running"
    time.sleep(1)  # the kernel is busy in the notebook
    os.killpg(run.pid, signal.SIGINT)
    stdout, stderr = run.communicate(timeout=90)
    assert run.returncode == 130, stderr
    assert stderr.splitlines() == ["hdnd audit: đã dừng theo yêu cầu (Ctrl-C); các kết quả đã xong được giữ nguyên"]
    assert not list(out.rglob("*.tmp.ipynb")) and (out / "index.html").is_file()
