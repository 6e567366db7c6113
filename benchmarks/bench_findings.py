"""Benchmark of the likely-misprint search: accuracy on planted digit swaps, and its time against the checks' own.

Synthetic unit-years (consistent, from the real unit) get one adjacent-digit swap in 10 % of them, in a figure some
rule reads. A planted swap is *detected* when a rule of its unit-year fails; it is *named* when the rank-1 hypothesis
of one of those failures is the planted figure (table, row, column), and *corrected* when it also proposes the
figure's true value. Run ``python benchmarks/bench_findings.py`` (``--quick``: 1,000 unit-years; default 10,000).
"""

from __future__ import annotations

import argparse
import time


def run(unit_years: int, rate: float = 0.1, seed: int = 0) -> dict:
    import hdnd_data.checks.catalogue as catalogue
    from hdnd_data import synthetic
    from hdnd_data.checks.engine import run_checks
    from hdnd_data.findings.edits import misprint_columns, plant_misprints
    from hdnd_data.findings.misprint import likely_misprints

    frames, _ = synthetic.generate(unit_years // 2, years=(2020, 2023), seed=seed, inconsistency_rate=0.0)
    frames, truth = plant_misprints(frames, misprint_columns(catalogue.RULES), rate, seed=seed)
    start = time.perf_counter()
    results = run_checks(frames=frames, validated=True)
    checks = time.perf_counter() - start
    start = time.perf_counter()
    hypotheses = likely_misprints(results, frames, best_only=True)
    search = time.perf_counter() - start
    failed = results.loc[results["status"] == "fail", ["unit", "year"]].drop_duplicates()
    detected = truth.merge(failed, on=["unit", "year"])
    best = hypotheses[["unit", "year", "table", "row", "column", "value"]].drop_duplicates()
    named = detected.merge(best, on=["unit", "year", "table", "row", "column"])
    corrected = named[named["value"] == named["before"]]
    return {"unit_years": unit_years, "planted": len(truth), "detected": len(detected),
            "named": int(named[["unit", "year"]].drop_duplicates().shape[0]),
            "corrected": int(corrected[["unit", "year"]].drop_duplicates().shape[0]),
            "fails": int((results["status"] == "fail").sum()), "checks_s": checks, "search_s": search}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 unit-years instead of 10,000")
    parser.add_argument("--unit-years", type=int, default=None)
    args = parser.parse_args()
    size = args.unit_years or (1_000 if args.quick else 10_000)
    r = run(size)
    accuracy = r["named"] / r["detected"] if r["detected"] else float("nan")
    print(f"unit-years {r['unit_years']:,}; planted swaps {r['planted']}; detected by a failing rule {r['detected']}; "
          f"failures {r['fails']}")
    print(f"hypothesis names the planted figure: {r['named']}/{r['detected']} = {accuracy:.1%} "
          f"(and its true value: {r['corrected']}/{r['detected']})")
    print(f"checks {r['checks_s']:.2f} s; misprint search {r['search_s']:.2f} s; ratio {r['search_s'] / r['checks_s']:.2f}×")


if __name__ == "__main__":
    main()
