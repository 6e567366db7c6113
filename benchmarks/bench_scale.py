"""Benchmark at the scale of a province or the country: load+validate many unit folders, checks at 1 / 100 / 10,000
unit-years, and whether the checks find exactly the inconsistencies planted in the synthetic units.

Each size runs in a fresh process so that peaks of memory do not mix. Run with ``nox -s bench`` or
``python benchmarks/bench_scale.py`` (``--quick`` for a smoke run; ``--with-audit`` adds bench_audit's table).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def child_checks(unit_years: int) -> dict:
    """In this process: generate ``unit_years`` synthetic unit-years, time run_checks on them, compare with the truth."""
    import hdnd_data.checks.catalogue  # noqa: F401 - the catalogue is read before the clock starts, as in a session
    from hdnd_data import synthetic
    from hdnd_data.checks.engine import run_checks
    from hdnd_data.data.loader import validate_frames

    years = [2020] if unit_years == 1 else [2020, 2023]
    frames, truth = synthetic.generate(max(1, unit_years // len(years)), years=years, seed=0, inconsistency_rate=0.1)
    rows = sum(len(f) for f in frames.values())
    before = _rss_mb()
    start = time.perf_counter()
    results = run_checks(frames=frames)
    seconds = time.perf_counter() - start
    # as the notebook does: frames validated once when loaded, then checked (the checks' own cost)
    validated = validate_frames(frames)
    start, cpu = time.perf_counter(), time.process_time()
    run_checks(frames=validated, validated=True)
    checks_only, checks_cpu = time.perf_counter() - start, time.process_time() - cpu  # CPU time: steadier on a busy host
    failed = set(map(tuple, results.loc[results["status"] == "fail", ["unit", "year", "rule_id"]].itertuples(index=False)))
    planted = set(map(tuple, truth[["unit", "year", "rule_id"]].itertuples(index=False)))
    return {"unit_years": unit_years, "rows": rows, "results": len(results), "seconds": seconds, "checks_only": checks_only, "checks_cpu": checks_cpu,
            "rss_before_mb": before, "peak_mb": _peak_mb(), "planted": len(planted),
            "found": len(failed & planted), "missed": len(planted - failed), "extra": len(failed - planted)}


def child_load(units: int) -> dict:
    """In this process: write ``units`` synthetic unit folders (two years each) and time load_all over all of them."""
    from hdnd_data import synthetic
    from hdnd_data.data.loader import load_all

    frames, _ = synthetic.generate(units, seed=0, inconsistency_rate=0.0)
    with tempfile.TemporaryDirectory() as tmp:
        files = synthetic.write_datasets(frames, tmp)
        before = _rss_mb()
        start = time.perf_counter()
        loaded = load_all(unit=None, data_dir=tmp)
        seconds = time.perf_counter() - start
    return {"units": units, "files": sum(1 for f in files if f.suffix == ".csv"), "rows": sum(len(f) for f in loaded.values()),
            "seconds": seconds, "rss_before_mb": before, "peak_mb": _peak_mb()}


def _run_child(kind: str, size: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(size)], check=True, cwd=REPO, env=env,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(loads: list[dict], checks: list[dict]) -> str:
    lines = ["| measurement | size | rows | time s | rows/s | peak RSS MB (data before) |", "|---|---:|---:|---:|---:|---:|"]
    for r in loads:
        lines.append(f"| load+validate (`load_all(unit=None)`) | {r['units']} units, {r['files']} files | {r['rows']:,} | "
                     f"{r['seconds']:.2f} | {r['rows'] / r['seconds']:,.0f} | {r['peak_mb']:.0f} ({r['rss_before_mb']:.0f}) |")
    for r in checks:
        lines.append(f"| validate + checks (`run_checks(frames=...)`) | {r['unit_years']:,} unit-years | {r['rows']:,} | "
                     f"{r['seconds']:.2f} | {r['rows'] / r['seconds']:,.0f} | {r['peak_mb']:.0f} ({r['rss_before_mb']:.0f}) |")
    for r in checks:
        lines.append(f"| checks of validated frames (`validated=True`) | {r['unit_years']:,} unit-years | {r['rows']:,} | "
                     f"{r['checks_only']:.2f} (CPU {r['checks_cpu']:.2f}) | {r['rows'] / r['checks_only']:,.0f} | – |")
    lines.append("")
    smallest, largest = checks[0], checks[-1]
    ratio = smallest["seconds"] / (largest["seconds"] / largest["unit_years"])
    lines.append(f"- cost of one unit-year alone / cost per unit-year at {largest['unit_years']:,}: **{ratio:,.0f}×**")
    for r in checks:
        if r["planted"]:
            verdict = "exactly" if r["missed"] == r["extra"] == 0 else "NOT exactly"
            lines.append(f"- detection at {r['unit_years']:,} unit-years: planted {r['planted']}, found {r['found']}, "
                         f"missed {r['missed']}, other failures {r['extra']} — the checks find {verdict} the planted set")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--with-audit", action="store_true", help="also run bench_audit.py (papermill; slow)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the audit benchmark")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, size = args.child
        print(json.dumps((child_checks if kind == "checks" else child_load)(int(size))))
        return
    load_sizes, check_sizes = ([10, 100], [1, 100, 1000]) if args.quick else ([100, 1000], [1, 100, 10_000])
    loads = [_run_child("load", n) for n in load_sizes]
    checks = [_run_child("checks", n) for n in check_sizes]
    print(table(loads, checks))
    if args.with_audit:
        sys.path.insert(0, str(HERE))
        import bench_audit

        print()
        print(bench_audit.table(bench_audit.measure(1 if args.quick else args.repeat)))


if __name__ == "__main__":
    main()
