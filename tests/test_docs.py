"""The examples in the documentation run, so they cannot rot.

Each ``python`` block of a page is a doctest; the page's first ``yaml`` block is saved as
the file the page's text names (``network.yaml``) in a fresh folder the examples run in,
beside a link to ``examples/``.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import MISSING_EXTRAS, ROOT

DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
PAGES = sorted(p for p in DOCS.glob("*.md") if "```python" in p.read_text(encoding="utf-8"))


class _Runner(doctest.DocTestRunner):
    """A doctest runner that keeps the exceptions examples raised, to tell a missing extra."""

    errors: list[BaseException]

    def report_unexpected_exception(self, out: Any, test: Any, example: Any, exc_info: Any) -> None:
        self.__dict__.setdefault("errors", []).append(exc_info[1])
        super().report_unexpected_exception(out, test, example, exc_info)

    def run(self, *args: Any, **kwargs: Any) -> doctest.TestResults:
        self.errors = []
        return super().run(*args, **kwargs)


def _needs(error: BaseException, module: str, extra: str) -> bool:
    """Whether *error* is the missing extra *extra* (its module *module*) being asked for."""
    named = getattr(error, "name", None) or ""
    return isinstance(error, ImportError) and (
        f"resultsframework[{extra}]" in str(error) or named.split(".")[0] == module
    )


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
    runner = _Runner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    lacking = sorted(
        {extra for e in runner.errors for m, extra in MISSING_EXTRAS.items() if _needs(e, m, extra)}
    )
    if lacking:
        pytest.skip(f"the page's examples need the {', '.join(lacking)} extra")
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) in {page.name} failed; see the output above"


def test_readme_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's example does what its comments say."""
    (block,) = [
        body
        for lang, body in BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
        if lang == "python"
    ]
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})  # our own README
    out = capsys.readouterr().out.splitlines()
    assert ["not_achieved", "150.0%"] == out[:2]
    assert out[2].startswith("dates.extension_reason: warning [extension-reason-missing]")
    assert any("Évaluation de la performance fondée sur les indicateurs" in line for line in out)
    assert (tmp_path / "table.xlsx").read_bytes()[:2] == b"PK" == (tmp_path / "report.docx").read_bytes()[:2]
