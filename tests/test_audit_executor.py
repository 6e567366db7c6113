"""Tests of the audit runner on many synthetic units: local pools, bounded work in flight, Dask when installed."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from hdnd_data import synthetic as syn
from hdnd_data.runs import audit


@pytest.fixture(scope="module")
def synthetic_dir(tmp_path_factory):
    """Three synthetic units of 2023, each with one planted inconsistency (fixed seed), written as CSV."""
    root = tmp_path_factory.mktemp("synthetic")
    frames, truth = syn.generate(3, years=[2023], seed=11, inconsistency_rate=1.0)
    syn.write_datasets(frames, root)
    return root, truth


def _check_results(results, out, truth):
    assert [(r.unit, r.year, r.status) for r in results] == [(u, 2023, "ok") for u in syn.unit_ids(3)]
    planted = truth.groupby("unit").size().to_dict()
    assert {r.unit: r.counts["fail"] for r in results} == planted  # the notebook found each planted error
    index = (out / "index.html").read_text(encoding="utf-8")
    for unit in syn.unit_ids(3):
        assert f"{unit}/2023/audit.html" in index
        assert (out / unit / "2023" / "checks.csv").is_file()


def test_thread_pool_audits_every_unit_year(synthetic_dir, tmp_path):
    root, truth = synthetic_dir
    tasks = audit.plan(None, data_dir=root)
    assert tasks == [(u, 2023) for u in syn.unit_ids(3)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = audit.run_audit(tasks, tmp_path, data_dir=str(root), executor=pool, progress=False, window=2)
    _check_results(results, tmp_path, truth)


def test_process_pool_audits_every_unit_year(synthetic_dir, tmp_path):
    root, truth = synthetic_dir
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = audit.run_audit(audit.plan(None, data_dir=root), tmp_path, data_dir=str(root), executor=pool, progress=False)
    _check_results(results, tmp_path, truth)


class _CountingPool(ThreadPoolExecutor):
    """A thread pool that records the most futures ever submitted and not yet finished."""

    def __init__(self, workers: int):
        super().__init__(max_workers=workers)
        self.lock, self.open, self.peak = threading.Lock(), 0, 0

    def submit(self, fn, /, *args, **kwargs):
        with self.lock:
            self.open += 1
            self.peak = max(self.peak, self.open)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _future) -> None:
        with self.lock:
            self.open -= 1


def test_work_in_flight_is_bounded(monkeypatch, tmp_path):
    def fake_audit_year(unit, year, output, **kwargs):  # stands in for the notebook: only the scheduling is under test
        time.sleep(0.01)
        return audit.YearResult(unit, year, "ok", {"pass": 1, "fail": 0, "warn": 0})

    monkeypatch.setattr(audit, "audit_year", fake_audit_year)
    tasks = [(f"syn-{i:04d}", 2020) for i in range(1, 61)]
    with _CountingPool(2) as pool:
        results = audit.run_audit(tasks, tmp_path, executor=pool, progress=False)
    assert [(r.unit, r.year) for r in results] == tasks
    assert 2 <= pool.peak <= 4  # default window: twice the workers, not all 60 at once
    with _CountingPool(2) as pool:
        audit.run_audit(tasks, tmp_path, executor=pool, progress=False, window=1)
    assert pool.peak == 1


def test_make_executor_names():
    with audit.make_executor("thread", 2) as pool:
        assert isinstance(pool, ThreadPoolExecutor) and pool._max_workers == 2
    with audit.make_executor("process", 1) as pool:
        assert isinstance(pool, ProcessPoolExecutor)
    with pytest.raises(ValueError, match="unknown executor"):
        audit.make_executor("cluster", 2)


def test_dask_executor(synthetic_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    root, truth = synthetic_dir
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2) as client:
        results = audit.run_audit(audit.plan(None, data_dir=root), tmp_path, data_dir=str(root),
                                  executor=client.get_executor(), progress=False)
    _check_results(results, tmp_path, truth)


def test_dask_missing_is_explained(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed":
            raise ImportError("no module named distributed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    with pytest.raises(RuntimeError, match="pip install distributed"):
        audit.make_executor("dask", 2)
