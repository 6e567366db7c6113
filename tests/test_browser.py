"""The rendered HTML in a real browser: headless Chromium opens the index and one year's audit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from .conftest import ARTIFACTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# CI installs Chromium and sets this, so a missing browser fails there instead of skipping.
REQUIRED = os.environ.get("HDND_REQUIRE_BROWSER") == "1"

pytestmark = pytest.mark.skipif(not CHROMIUM and not REQUIRED, reason="Chromium not installed (apt-get install chromium)")


def _chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM, "Chromium is required (HDND_REQUIRE_BROWSER=1) but not installed"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_index_lists_both_years_in_the_browser(reports: Path, tmp_path: Path):
    dom = _chromium(tmp_path, "--dump-dom", (reports / "index.html").as_uri())
    assert "Kết quả kiểm tra số liệu" in dom and "Thành phố Lạng Sơn" in dom  # the unit by its name, not its id
    assert dom.count("audit.html") >= 2 and "2020" in dom and "2023" in dom


def test_audit_page_shows_summary_charts_and_vietnamese(reports: Path, tmp_path: Path):
    page = (reports / "lang-son-city" / "2020" / "audit.html").as_uri()
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=5000", page)
    assert "Kiểm tra tính nhất quán" in dom and "Tổng hợp" in dom  # check summary
    assert dom.count("<img") >= 3 and "data:image/png;base64" in dom  # charts as embedded images
    assert "Tiếp xúc cử tri" in dom and "Đơn thư" in dom and "97,52%" in dom  # diacritics survive
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "audit-2020.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", "--virtual-time-budget=5000", page)
    pixels = mpimg.imread(shot)
    assert pixels.shape[0] == 2400 and pixels.shape[1] == 1280
    assert pixels[..., :3].std() > 0.05, "the screenshot is blank"


@pytest.fixture(scope="module")
def partial_english(reports: Path, tmp_path_factory) -> Path:
    """The seed years' reports, then a partial run into the same folder: 2020 again, in English."""
    from hdnd_data.runs.audit import plan, run_audit

    out = tmp_path_factory.mktemp("partial") / "reports"
    shutil.copytree(reports, out)
    (result,) = run_audit(plan("lang-son-city", [2020]), out, lang="en", progress=False)
    assert result.status == "ok"
    return out


def test_english_page_in_the_browser(partial_english: Path, tmp_path: Path):
    page = (partial_english / "lang-son-city" / "2020" / "audit.html").as_uri()
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=5000", page)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", " ", dom, flags=re.S))
    assert "Consistency checks" in text and "Lạng Sơn city — 2020" in text
    assert "390,463" in text and "93.2%" in text and "550/564 = 97.52%" in text  # English numbers
    assert "390.463" not in text and "93,2%" not in text and "Thu ngân sách" not in text
    assert dom.count("<details") >= 5 and "passing checks" in text  # passing checks folded under their sections
    assert "DISAGREES: recomputed 69.55%, printed 84.7%" in text  # the budget's disagreeing rate is marked
    shot = _screenshot(tmp_path, page, "audit-2020-en.png", 2400)
    assert shot[..., :3].std() > 0.05, "the screenshot is blank"


def test_index_after_a_partial_run_in_the_browser(partial_english: Path, tmp_path: Path):
    index = (partial_english / "index.html").as_uri()
    dom = _chromium(tmp_path, "--dump-dom", index)
    # the partial run (2020) did not drop the other year's row, and both link their pages
    assert "lang-son-city/2020/audit.html" in dom and "lang-son-city/2023/audit.html" in dom
    assert "Lạng Sơn" in dom and "lang-son-city</td>" not in dom  # the unit by its name
    shot = _screenshot(tmp_path, index, "index-after-partial-run.png", 900)
    assert shot[..., :3].std() > 0.02, "the screenshot is blank"


def _screenshot(tmp_path: Path, uri: str, name: str, height: int):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    _chromium(tmp_path, f"--screenshot={shot}", f"--window-size=1280,{height}", "--virtual-time-budget=5000", uri)
    pixels = mpimg.imread(shot)
    assert pixels.shape[:2] == (height, 1280)
    return pixels
