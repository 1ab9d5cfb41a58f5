"""The examples in the documentation run, so they cannot rot.

Each ``python`` block of a page is a doctest; the page's first ``yaml`` block is saved as
the file the page's text names (``network.yaml``) in a fresh folder the examples run in,
beside a link to ``examples/``.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from .conftest import ROOT

DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
PAGES = sorted(p for p in DOCS.glob("*.md") if "```python" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = page.read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    yaml_blocks = [body for lang, body in blocks if lang == "yaml"]
    files = re.findall(r"Save this as `([\w.-]+)`", text)
    if files and yaml_blocks:
        (tmp_path / files[0]).write_text(yaml_blocks[0], encoding="utf-8")
    (tmp_path / "examples").symlink_to(ROOT / "examples")  # pages may load the bundled example
    monkeypatch.chdir(tmp_path)
    source = "\n".join(body for lang, body in blocks if lang == "python")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) in {page.name} failed; see the output above"
