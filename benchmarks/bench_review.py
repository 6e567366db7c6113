"""Benchmark of ``hdnd review``: one document against the floor notebook, 20 documents with --jobs 2 vs --jobs 1, how
long a 100-page document's page takes to open in headless Chromium, and a re-run of 100 small documents of which 2
changed against their first run (``--rerun-only`` measures only that).

Documents are generated here (sentences written for the benchmark, numbers drawn with a fixed seed). Every
measurement is a separate process, so both sides pay the same start-up costs; runs are interleaved and the median
is reported. Run ``python benchmarks/bench_review.py`` (``--quick``: one run of each, 6 documents, a re-run of 20).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CHARS_PER_PAGE = 3000  # a printed A4 page of a Vietnamese report


def paragraph(rng: random.Random, i: int) -> str:
    """One paragraph with a sum, a rate and a pair of percentages of one base; about one claim in ten is off."""
    parts = [rng.randint(5, 90) for _ in range(3)]
    total = sum(parts) + (1 if rng.random() < 0.1 else 0)
    settled = rng.randint(total // 2, total)
    rate = round(100 * settled / total + (2.0 if rng.random() < 0.1 else 0.0), 1)
    base = rng.randint(200, 900) * 1000
    done, year = base * rng.randint(60, 90) // 100, base * rng.randint(95, 120) // 100
    fmt = lambda x: f"{x:,}".replace(",", ".")  # noqa: E731
    pct = lambda x: f"{x:.1f}".replace(".", ",")  # noqa: E731
    return (f"Mục {i}. Trong kỳ, đơn vị số {i} tiếp nhận {total} đơn ({parts[0]} khiếu nại, {parts[1]} tố cáo, "
            f"{parts[2]} kiến nghị), đã giải quyết {settled}/{total} đơn, đạt tỷ lệ {pct(rate)}%. "
            f"Chi thường xuyên thực hiện {fmt(done)} triệu đồng, đạt {pct(100 * done / base)}% dự toán giao; ước cả năm "
            f"{fmt(year)} triệu đồng, bằng {pct(100 * year / base)}% dự toán giao.")


def write_document(path: Path, pages: float, seed: int) -> Path:
    rng = random.Random(seed)
    lines, size, i = [f"Báo cáo tổng hợp số {seed}"], 0, 1
    while size < pages * CHARS_PER_PAGE:
        lines.append(paragraph(rng, i))
        size += len(lines[-1])
        i += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _time(command: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:  # without --strict a failing claim is a finding, not an exit code
        raise RuntimeError(f"{' '.join(command[-4:])} exited {done.returncode}:\n{done.stdout[-1500:]}\n{done.stderr[-3000:]}")
    return seconds


def _chromium_open(page: Path, profile: Path) -> float:
    """Seconds for headless Chromium to load ``page`` and paint its first screen (a screenshot)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               f"--user-data-dir={profile}", "--window-size=1280,900", f"--screenshot={profile.parent / 'shot.png'}",
               page.as_uri()]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return time.perf_counter() - start


def measure(repeat: int, documents: int) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = write_document(tmp / "one.txt", 2, 1)
        batch = tmp / "batch"
        batch.mkdir()
        for n in range(documents):
            write_document(batch / f"doc-{n:02d}.txt", 2, 100 + n)
        hdnd = [sys.executable, "-m", "hdnd_data.cli", "review", "--quiet"]
        commands = {
            "floor notebook (papermill + nbconvert)": [sys.executable, str(HERE / "floor.py"), str(tmp / "floor")],
            "hdnd review (one 2-page document)": [*hdnd, "--output", str(tmp / "one-out"), str(one)],
            f"hdnd review ({documents} documents) --jobs 1": [*hdnd, "--jobs", "1", "--output", str(tmp / "j1"), str(batch)],
            f"hdnd review ({documents} documents) --jobs 2": [*hdnd, "--jobs", "2", "--output", str(tmp / "j2"), str(batch)],
        }
        _time(commands["floor notebook (papermill + nbconvert)"])  # warm the file cache once
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(_time(command))
        long = write_document(tmp / "long.txt", 100, 7)
        times["hdnd review (one 100-page document)"] = [_time([*hdnd, "--output", str(tmp / "long-out"), str(long)])]
        page = tmp / "long-out" / "documents" / "long" / "review.html"
        empty = tmp / "empty.html"
        empty.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
        if shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome"):
            opened, blank = [], []
            for _ in range(max(repeat, 2)):
                blank.append(_chromium_open(empty, tmp / "profile"))
                opened.append(_chromium_open(page, tmp / "profile"))
            times["Chromium opens the 100-page page"] = opened
            times["Chromium opens an empty page"] = blank
            times["_page_kb"] = [page.stat().st_size / 1024]
            times["_marks"] = [page.read_text(encoding="utf-8").count("<mark")]
    return times


def measure_rerun(documents: int, changed: int = 2, jobs: int = 2) -> dict[str, float]:
    """Seconds of a first run over ``documents`` one-page documents, of a re-run after ``changed`` of them were
    corrected, and of a re-run with nothing changed (``--jobs`` as given to all three)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        docs.mkdir()
        paths = [write_document(docs / f"doc-{n:03d}.txt", 0.5, 500 + n) for n in range(documents)]
        hdnd = [sys.executable, "-m", "hdnd_data.cli", "review", "--quiet", "--jobs", str(jobs), "--output", str(tmp / "out"),
                str(docs)]
        first = _time(hdnd)
        for path in paths[:: max(1, documents // changed)][:changed]:  # an edited line in each
            path.write_text(path.read_text(encoding="utf-8").replace("Mục 1.", "Mục 1 (đã sửa)."), encoding="utf-8")
        rerun = _time(hdnd)
        unchanged = _time(hdnd)
    return {"documents": documents, "changed": changed, "first": first, "rerun": rerun, "unchanged": unchanged}


def rerun_table(found: dict[str, float]) -> str:
    n, k = found["documents"], found["changed"]
    return "\n".join([
        "| measurement | s |", "|---|---:|",
        f"| first run, {n} documents, --jobs 2 | {found['first']:.2f} |",
        f"| re-run after {k} changed | {found['rerun']:.2f} |",
        f"| re-run, nothing changed | {found['unchanged']:.2f} |",
        "",
        f"- re-run after {k} of {n} changed / first run: **{found['rerun'] / found['first']:.3f}×** "
        f"(redoing {k} of {n} is {k / n:.3f}× the work)",
        f"- re-run with nothing changed / first run: **{found['unchanged'] / found['first']:.3f}×**",
    ])


def table(times: dict[str, list[float]], documents: int) -> str:
    med = {name: statistics.median(t) for name, t in times.items()}
    lines = ["| measurement | median s | min s | runs |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {med[name]:.2f} | {min(t):.2f} | {len(t)} |" for name, t in times.items() if not name.startswith("_")]
    floor = med["floor notebook (papermill + nbconvert)"]
    jobs1, jobs2 = med[f"hdnd review ({documents} documents) --jobs 1"], med[f"hdnd review ({documents} documents) --jobs 2"]
    lines += ["", f"- one document / floor: **{med['hdnd review (one 2-page document)'] / floor:.2f}×** (target ≤ 1.3×)",
              f"- {documents} documents, --jobs 2 / --jobs 1: **{jobs2 / jobs1:.2f}×** (target ≤ 0.6×)"]
    if "Chromium opens the 100-page page" in med:
        extra = med["Chromium opens the 100-page page"] - med["Chromium opens an empty page"]
        lines.append(f"- 100-page page ({times['_page_kb'][0]:.0f} KB, {times['_marks'][0]:.0f} marks): opens in "
                     f"**{extra:.2f} s** beyond an empty page (target < 2 s)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--documents", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="one run of each, 6 documents, a re-run of 20")
    parser.add_argument("--rerun", type=int, default=100, help="documents of the re-run measurement (default 100)")
    parser.add_argument("--rerun-only", action="store_true", help="measure only the re-run")
    args = parser.parse_args()
    repeat, documents = (1, 6) if args.quick else (args.repeat, args.documents)
    if not args.rerun_only:
        print(table(measure(repeat, documents), documents))
        print()
    print(rerun_table(measure_rerun(20 if args.quick else args.rerun)))


if __name__ == "__main__":
    main()
