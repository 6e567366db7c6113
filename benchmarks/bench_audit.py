"""Benchmark of the audit: one year against the floor notebook, and the batch with --jobs 1 vs --jobs 2.

Every measurement is a separate process, so both sides pay the same start-up costs; runs are interleaved
and the median is reported. Run with ``nox -s bench`` or ``python benchmarks/bench_audit.py``.
"""

from __future__ import annotations

import argparse
import os
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
    args = parser.parse_args()
    print(table(measure(args.repeat)))


if __name__ == "__main__":
    main()
