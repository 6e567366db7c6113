"""The rendered HTML in a real browser: headless Chromium opens the index and one year's audit."""

from __future__ import annotations

import os
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
