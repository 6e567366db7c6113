"""Review pages in a real browser: headless Chromium focuses a failing number and sees its explanation; the index
after a partial run; the English page. Screenshots are kept in test-artifacts/."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import matplotlib.image as mpimg
import pytest

from hdnd_data.runs.records import document_folder
from hdnd_data.runs.review import run_review

from .conftest import ARTIFACTS
from .test_browser import _chromium, pytestmark  # noqa: F401 - skipped like the other browser tests
from .test_review_page import TEXT

# Run inside a copy of the page (the page itself has no script): focus the failing percentage and report what
# the browser shows for it, then bring it into view for the screenshot.
PROBE = """<script>
const mark = [...document.querySelectorAll("mark.fail")].find(m => m.textContent === "81,7");
mark.focus();
const probe = document.createElement("pre");
probe.id = "probe";
probe.textContent = JSON.stringify({focused: document.activeElement === mark, number: mark.textContent,
  tip: getComputedStyle(mark, "::after").content, hover: getComputedStyle(document.querySelector("mark.pass"), "::after").content});
document.body.appendChild(probe);
window.scrollTo(0, mark.getBoundingClientRect().top + window.scrollY - 150);
</script>"""


def _page(out: Path, name: str) -> Path:
    return out / "documents" / document_folder(out.parent / "docs" / "xa-tan-lap.txt", out) / name


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    docs = out / "docs"  # beside vi/ and en/: _page finds it
    docs.mkdir()
    (docs / "xa-tan-lap.txt").write_text(TEXT, encoding="utf-8")
    run_review([docs / "xa-tan-lap.txt"], out / "vi", progress=False)
    run_review([docs / "xa-tan-lap.txt"], out / "en", lang="en", progress=False)
    return out


def _probe(tmp_path: Path, page: Path, shot: str) -> dict:
    probed = tmp_path / page.name  # beside nothing else: the page needs no other file
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", "--virtual-time-budget=3000", probed.as_uri())
    found = json.loads(re.search(r"<pre id=\"probe\">(.*?)</pre>", dom, re.S).group(1).replace("&quot;", '"').replace("&amp;", "&"))
    ARTIFACTS.mkdir(exist_ok=True)
    _chromium(tmp_path, f"--screenshot={ARTIFACTS / shot}", "--window-size=1280,900", "--virtual-time-budget=3000", probed.as_uri())
    pixels = mpimg.imread(ARTIFACTS / shot)
    assert pixels.shape[:2] == (900, 1280) and pixels[..., :3].std() > 0.05, "the screenshot is blank"
    return found


def test_focusing_a_failing_number_shows_its_explanation(pages: Path, tmp_path: Path):
    found = _probe(tmp_path, _page(pages / "vi", "review.html"), "review-focus-fail.png")
    assert found["focused"] and found["number"] == "81,7"
    assert "sai lệch" in found["tip"] and "tính lại 75,00%" in found["tip"] and "±0,05" in found["tip"]
    assert found["hover"] == "none"  # a number neither hovered nor focused shows nothing


def test_the_english_page_explains_in_english(pages: Path, tmp_path: Path):
    found = _probe(tmp_path, _page(pages / "en", "review.html"), "review-focus-fail-en.png")
    assert found["focused"] and found["tip"].startswith("\"fail · ratio") and "(line 2): stated 81,7%" in found["tip"]
    assert "recomputed 75" in found["tip"] and "Convention: rounding" in found["tip"]


def test_the_index_after_a_partial_run_keeps_the_audits(reports: Path, pages: Path, tmp_path: Path):
    out = tmp_path / "reports"
    shutil.copytree(reports, out)
    run_review([_page(pages / "vi", "review.ipynb")], out, progress=False)  # wrong type: no kernel
    dom = _chromium(tmp_path, "--dump-dom", (out / "index.html").as_uri())
    assert dom.count("audit.html") >= 2 and "Thành phố Lạng Sơn" in dom and "review.ipynb" in dom
    assert "không đọc được" in dom and "Văn bản được rà soát" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    _chromium(tmp_path, f"--screenshot={ARTIFACTS / 'index-after-partial-run.png'}", "--window-size=1280,700",
              (out / "index.html").as_uri())
    assert mpimg.imread(ARTIFACTS / "index-after-partial-run.png")[..., :3].std() > 0.05
    run_review([out / "index.html"], out, lang="en", progress=False)  # another partial run, in English
    dom = _chromium(tmp_path, "--dump-dom", (out / "index.html").as_uri())
    assert "Lạng Sơn city" in dom and "Thành phố" not in dom and dom.count("unreadable: ") == 2 and "review.ipynb" in dom
    _chromium(tmp_path, f"--screenshot={ARTIFACTS / 'index-after-partial-run-en.png'}", "--window-size=1280,700",
              (out / "index.html").as_uri())
    assert mpimg.imread(ARTIFACTS / "index-after-partial-run-en.png")[..., :3].std() > 0.05
