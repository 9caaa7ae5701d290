"""Shared fixtures: where the corpus documents and their annotations are.

The five corpus documents in txt form and their hand annotations (``expected/*.yaml``) are copied
into ``tests/data/corpus`` so that a clean clone runs the suite. Readers of other formats keep
their files in ``tests/data/<fmt>/``; CI also has the shared corpus beside the clone.

Use ``corpus_file(stem, fmt)`` (a plain function, ``from conftest import corpus_file``, or the
fixture of the same name) to get a path: it skips the test when the file is nowhere to be found.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import yaml

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
CORPUS = DATA / "corpus"
# CI checks the repository out with the shared corpus beside it: <parent>/shared/corpus
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

STEMS = (
    "liuzhou-hitech-park-2022",
    "luzhai-county-2023",
    "guangxi-14th-fyp-2021",
    "chongqing-district-2023",
    "boshan-district-2022",
)
EXTENSIONS = {"txt": ".txt", "docx": ".docx", "pdf": ".pdf", "html": ".html", "expected": ".yaml"}


def corpus_dirs(fmt: str) -> list[Path]:
    """Where files of ``fmt`` are looked for, in order."""
    return [CORPUS / fmt, DATA / fmt, SHARED_CORPUS / fmt]


def find_corpus_file(stem: str, fmt: str) -> Path | None:
    """The path of ``stem`` in ``fmt`` (txt, docx, pdf, html or expected), or None."""
    name = stem + EXTENSIONS.get(fmt, "." + fmt)
    for folder in corpus_dirs(fmt):
        path = folder / name
        if path.is_file():
            return path
    return None


def corpus_file(stem: str, fmt: str) -> Path:
    """The path of ``stem`` in ``fmt``; skips the calling test where there is none."""
    path = find_corpus_file(stem, fmt)
    if path is None:
        where = ", ".join(str(d) for d in corpus_dirs(fmt))
        pytest.skip(f"corpus file {stem} ({fmt}) not found in {where}")
    return path


@cache
def load_expected(stem: str) -> dict:
    """The hand annotation of ``stem`` (a fresh parse of the YAML is cached: do not mutate it)."""
    path = find_corpus_file(stem, "expected")
    if path is None:
        pytest.skip(f"no annotation for {stem}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(name="corpus_file", scope="session")
def corpus_file_fixture() -> Callable[[str, str], Path]:
    """``corpus_file(stem, fmt)`` as a fixture."""
    return corpus_file


@pytest.fixture(params=STEMS)
def corpus_stem(request: pytest.FixtureRequest) -> str:
    """Each corpus document's stem in turn."""
    return request.param


@pytest.fixture
def corpus_txt(corpus_stem: str) -> Path:
    """Each corpus document in txt form in turn."""
    return corpus_file(corpus_stem, "txt")


@pytest.fixture
def expected(corpus_stem: str) -> dict:
    """The annotation of the current ``corpus_stem``."""
    return load_expected(corpus_stem)


@pytest.fixture
def liuzhou_txt() -> Path:
    return corpus_file("liuzhou-hitech-park-2022", "txt")


@pytest.fixture
def luzhai_txt() -> Path:
    return corpus_file("luzhai-county-2023", "txt")


@pytest.fixture
def guangxi_txt() -> Path:
    return corpus_file("guangxi-14th-fyp-2021", "txt")


@pytest.fixture
def chongqing_txt() -> Path:
    return corpus_file("chongqing-district-2023", "txt")


@pytest.fixture
def boshan_txt() -> Path:
    return corpus_file("boshan-district-2022", "txt")


def ipplan_command() -> list[str]:
    """The console script installed with this interpreter, else the one on PATH, else -m."""
    beside = Path(sys.executable).with_name("ipplan")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("ipplan")
    return [found] if found else [sys.executable, "-m", "ipplan"]


def build_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (object n is objects[n-1]) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)
