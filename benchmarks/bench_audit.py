"""Benchmark of the audit: one year against the floor notebook, the batch with --jobs 1 vs --jobs 2, and a re-run of
``hdnd audit --all`` over synthetic units after one unit-year changed against its first run (``--rerun-only``).

Every measurement is a separate process, so both sides pay the same start-up costs; runs are interleaved
and the median is reported. Run with ``nox -s bench`` or ``python benchmarks/bench_audit.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _time(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(repeat: int) -> list[dict]:
    """Median seconds of each command over ``repeat`` interleaved runs."""
    with tempfile.TemporaryDirectory() as tmp:
        hdnd = [sys.executable, "-m", "hdnd_data.cli", "audit", "--quiet"]
        commands = {
            "floor notebook (papermill + nbconvert)": [sys.executable, str(HERE / "floor.py"), f"{tmp}/floor"],
            "hdnd audit --year 2020": [*hdnd, "--year", "2020", "--output", f"{tmp}/one"],
            "hdnd audit --all --jobs 1": [*hdnd, "--all", "--jobs", "1", "--output", f"{tmp}/j1"],
            "hdnd audit --all --jobs 2": [*hdnd, "--all", "--jobs", "2", "--output", f"{tmp}/j2"],
        }
        _time(commands["floor notebook (papermill + nbconvert)"])  # warm the file cache once
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(_time(command))
    return [{"name": name, "median_s": statistics.median(t), "min_s": min(t), "runs": len(t)} for name, t in times.items()]


def measure_rerun(units: int = 20, jobs: int = 2) -> dict[str, float]:
    """Seconds of ``hdnd audit --all`` over ``units`` synthetic units × 1 year, of a re-run after one figure of one
    unit-year was corrected (the proposals received, one more), and of a re-run with nothing changed."""
    sys.path.insert(0, str(REPO))
    from hdnd_data import synthetic

    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp, "data"), Path(tmp, "out")
        frames, _ = synthetic.generate(units, years=(2020,), seed=7, inconsistency_rate=0.0)
        synthetic.write_datasets(frames, data)
        hdnd = [sys.executable, "-m", "hdnd_data.cli", "audit", "--all", "--quiet", "--jobs", str(jobs), "--data-dir", str(data),
                "--output", str(out)]
        first = _time(hdnd)
        petitions = sorted(data.glob("*/2020/petitions.csv"))[units // 2]
        text = petitions.read_text(encoding="utf-8")
        edited = re.sub(r"proposal,received,(\d+)", lambda m: f"proposal,received,{int(m.group(1)) + 1}", text, count=1)
        assert edited != text, petitions
        petitions.write_text(edited, encoding="utf-8")
        rerun = _time(hdnd)
        unchanged = _time(hdnd)
        said = subprocess.run(hdnd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True).stdout
        assert f"giữ nguyên {units} năm" in said, said  # the re-runs kept what they should (here: everything)
    return {"units": units, "first": first, "rerun": rerun, "unchanged": unchanged}


def rerun_table(found: dict[str, float]) -> str:
    n = found["units"]
    return "\n".join([
        "| measurement | s |", "|---|---:|",
        f"| hdnd audit --all, {n} units × 1 year, --jobs 2 | {found['first']:.2f} |",
        f"| re-run after 1 unit-year changed | {found['rerun']:.2f} |",
        f"| re-run, nothing changed | {found['unchanged']:.2f} |",
        "",
        f"- re-run after 1 of {n} changed / first run: **{found['rerun'] / found['first']:.3f}×** (redoing 1 of {n} is {1 / n:.3f}× the work)",
        f"- re-run with nothing changed / first run: **{found['unchanged'] / found['first']:.3f}×**",
    ])


def table(rows: list[dict]) -> str:
    by_name = {r["name"]: r["median_s"] for r in rows}
    floor = by_name["floor notebook (papermill + nbconvert)"]
    lines = ["| measurement | median s | min s | runs |", "|---|---:|---:|---:|"]
    lines += [f"| {r['name']} | {r['median_s']:.2f} | {r['min_s']:.2f} | {r['runs']} |" for r in rows]
    lines.append("")
    lines.append(f"- audit of one year / floor: **{by_name['hdnd audit --year 2020'] / floor:.2f}×**")
    lines.append(f"- batch speed-up, --jobs 2 over --jobs 1 (2 years): "
                 f"**{by_name['hdnd audit --all --jobs 1'] / by_name['hdnd audit --all --jobs 2']:.2f}×**")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--units", type=int, default=20, help="synthetic units of the re-run measurement (default 20)")
    parser.add_argument("--rerun-only", action="store_true", help="measure only the re-run")
    args = parser.parse_args()
    if not args.rerun_only:
        print(table(measure(args.repeat)))
        print()
    print(rerun_table(measure_rerun(args.units)))


if __name__ == "__main__":
    main()
