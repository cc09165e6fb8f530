"""The repository holds only text we wrote: no run of 20 characters of any article of the
shared dev corpus (real third-party news, ../shared/corpus) appears in a tracked file. The seed
article is the one allowed exception. Needs ../shared beside the clone (CI has it); without it
there is nothing to compare with and the test is skipped."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
ALLOWED = {"tests/fixtures/qianzhao-cities-2021.md"}  # the seed, shared on purpose
RUN = 20
# Public names are not text: a document's or award's title and the ministries' standard
# salutation may be quoted (the probe articles and tests name them).
NAMES = (
    "2023年度智能制造示范工厂揭榜单位名单",
    "2024年全国五一劳动奖和全国工人先锋号",
    "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门",
)
_SPACE = re.compile(r"\s+")


def _windows(text: str) -> set[str]:
    text = _SPACE.sub("", text)
    return {text[i:i + RUN] for i in range(len(text) - RUN + 1)}


def _corpus_runs() -> set[str]:
    runs: set[str] = set()
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in (".md", ".html", ".htm", ".txt") and path.name != "GUIDELINES.md":
            runs |= _windows(kg.read(path).text)
    return runs


def _tracked() -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
                           ).stdout.decode("utf-8").split("\0")
    return [ROOT / n for n in names if n and n not in ALLOWED and (ROOT / n).is_file()]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared beside the clone")
def test_no_sentence_of_the_dev_corpus_is_in_the_repository():
    runs = _corpus_runs()
    assert len(runs) > 10000  # the corpus was read
    found = []
    for path in _tracked():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files hold no article text
        flat = _SPACE.sub("", text)
        for name in NAMES:
            flat = flat.replace(name, "\0")
        hits = {flat[i:i + RUN] for i in range(len(flat) - RUN + 1)} & runs
        if hits:
            found.append(f"{path.relative_to(ROOT)}: {min(hits)}")
    assert not found, "text of ../shared/corpus in the repository:\n" + "\n".join(found)
