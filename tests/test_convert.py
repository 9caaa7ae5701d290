""".doc, .wps and .odt files, read through LibreOffice's conversion to .docx (ipplan.convert).

tests/data/convert holds the liuzhou plan saved by LibreOffice as Word 97-2003 (.doc) and as
OpenDocument (.odt) from tests/data/docx. Tests that need LibreOffice itself skip where ``soffice``
is not installed; the contract with it (the command line, a private profile and environment, the
timeout) and the path without it are tested everywhere with a PATH that holds a stand-in or nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DATA, corpus_file, ipplan_command

LIUZHOU = "liuzhou-hitech-park-2022"
CONVERT = DATA / "convert"
DOC = CONVERT / f"{LIUZHOU}.doc"
ODT = CONVERT / f"{LIUZHOU}.odt"
HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")


def ipplan(*args: str, path: str | None = None, env: dict[str, str] | None = None, cwd: Path | None = None):
    environ = {**os.environ, **(env or {})}
    if path is not None:
        environ["PATH"] = path
    return subprocess.run(
        [*ipplan_command(), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=environ,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(scope="module")
def from_docx() -> dict:
    """The record of the same plan parsed from its .docx: what a conversion must give."""
    cp = ipplan("parse", str(corpus_file(LIUZHOU, "docx")))
    assert cp.returncode == 0, cp.stderr
    return json.loads(cp.stdout)


def same_content(record: dict, expected: dict) -> None:
    assert record["meta"] == expected["meta"]
    assert [s["title"] for s in record["sections"]] == [s["title"] for s in expected["sections"]]
    for key in ("name", "baseline", "target", "departments"):
        assert [i[key] for i in record["indicators"]] == [i[key] for i in expected["indicators"]], key
    for key in ("path", "title", "departments", "lead"):
        assert [t[key] for t in record["tasks"]] == [t[key] for t in expected["tasks"]], key


# --- with LibreOffice ---------------------------------------------------------------------------


@needs_soffice
def test_doc_is_read_through_libreoffice(tmp_path: Path, from_docx: dict) -> None:
    home = tmp_path / "home"
    home.mkdir()
    cp = ipplan("parse", str(DOC), env={"HOME": str(home)})
    assert cp.returncode == 0, cp.stderr
    record = json.loads(cp.stdout)
    same_content(record, from_docx)
    assert record["source"]["format"] == "docx"
    assert record["source"]["size"] == DOC.stat().st_size  # the file given, not the conversion
    assert record["warnings"][0]["code"] == "converted"
    assert "Word 97-2003 (.doc)" in record["warnings"][0]["message"]
    assert list(home.iterdir()) == []  # the user's profile is neither read nor written


@needs_soffice
def test_odt_and_wps_in_a_batch(tmp_path: Path, from_docx: dict) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(ODT, folder / "plan.odt")
    shutil.copy(DOC, folder / "plan.wps")  # WPS Writer saves Word's binary format
    out = tmp_path / "out"
    cp = ipplan("batch", str(folder), "-o", str(out))
    assert cp.returncode == 0, cp.stdout + cp.stderr
    report = json.loads((out / "ipplan-report.json").read_text(encoding="utf-8"))
    assert [(f["input"], f["status"]) for f in report["files"]] == [
        (str(folder / "plan.odt"), "warning"),
        (str(folder / "plan.wps"), "warning"),
    ]
    for name in ("plan.odt.json", "plan.wps.json"):
        same_content(json.loads((out / name).read_text(encoding="utf-8")), from_docx)


@needs_soffice
def test_a_damaged_doc_is_a_corrupt_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.doc"
    bad.write_bytes(DOC.read_bytes()[:512] + "WordDocument".encode("utf-16-le") + b"\0" * 600)
    cp = ipplan("parse", str(bad))
    assert cp.returncode == 4, cp.stderr
    assert cp.stderr.startswith(f"ipplan: E202 corrupt-file: {bad}: a legacy Word 97-2003 (.doc) file that")
    assert cp.stderr.count("\n") == 1


# --- without LibreOffice ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "source", "what"),
    [
        ("plan.doc", DOC, "a legacy Word 97-2003 (.doc) file"),
        ("plan.wps", DOC, "a WPS Writer (.wps) file"),
        ("plan.odt", ODT, "an OpenDocument text (.odt) file"),
        ("plan.docx", DOC, "a legacy Word 97-2003 (.doc) file"),  # the content decides, not the name
    ],
)
def test_without_libreoffice_the_error_says_how_to_get_it(
    tmp_path: Path, name: str, source: Path, what: str
) -> None:
    path = tmp_path / name
    shutil.copy(source, path)
    empty = tmp_path / "bin"
    empty.mkdir()
    cp = ipplan("parse", str(path), path=str(empty))
    assert cp.returncode == 9, cp.stderr
    assert cp.stdout == ""
    assert cp.stderr == (
        f"ipplan: E501 missing-dependency: {path}: {what} needs LibreOffice to be read, and soffice is not "
        "on PATH: install LibreOffice (apt install libreoffice-writer, brew install --cask libreoffice, or "
        "libreoffice.org) so that soffice is on PATH, or save the file as .docx\n"
    )


def test_batch_lists_them_as_failed_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(DOC, folder / "a.doc")
    shutil.copy(ODT, folder / "b.odt")
    shutil.copy(corpus_file(LIUZHOU, "txt"), folder / "c.txt")
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "out"
    cp = ipplan("batch", str(folder), "-o", str(out), "--jobs", "1", path=str(empty))
    assert cp.returncode == 1, cp.stderr
    report = json.loads((out / "ipplan-report.json").read_text(encoding="utf-8"))
    got = [(Path(f["input"]).name, f["status"], f["code"], f["error"]) for f in report["files"]]
    assert got == [
        ("a.doc", "error", "E501", "missing-dependency"),
        ("b.odt", "error", "E501", "missing-dependency"),
        ("c.txt", "ok", None, None),
    ]
    assert "LibreOffice" in report["files"][0]["message"]


def test_encrypted_office_files_are_still_refused_as_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "secret.doc"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    )
    cp = ipplan("parse", str(path))
    assert cp.returncode == 5 and cp.stderr.startswith("ipplan: E203 encrypted-file: "), cp.stderr


# --- the contract with LibreOffice, with a stand-in for it ---------------------------------------


STAND_IN = """\
import json, os, shutil, subprocess, sys, time
args = sys.argv[1:]
call = {"args": args, "env": dict(os.environ), "cwd": os.getcwd(), "pid": os.getpid()}
with open(LOG, "a") as fh:
    fh.write(json.dumps(call) + "\\n")
"""


def stand_in(folder: Path, body: str) -> Path:
    """An executable ``soffice`` in ``folder`` that logs its call, then runs ``body`` (Python)."""
    folder.mkdir(exist_ok=True)
    log = folder / "calls.jsonl"
    script = folder / "soffice"
    script.write_text(f"#!{sys.executable}\nLOG = {str(log)!r}\n" + STAND_IN + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return log


# writes the .docx LibreOffice would: the plan's own .docx, under the source's name, in --outdir
CONVERTS = f"""\
out = args[args.index("--outdir") + 1]
name = os.path.basename(args[-1]).rsplit(".", 1)[0] + ".docx"
os.makedirs(out, exist_ok=True)
shutil.copy({str(DATA / "docx" / f"{LIUZHOU}.docx")!r}, os.path.join(out, name))
"""
HANGS = """\
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
time.sleep(60)
"""


def test_libreoffice_runs_headless_with_a_private_profile_and_no_network(
    tmp_path: Path, from_docx: dict
) -> None:
    bin_dir = tmp_path / "bin"
    log = stand_in(bin_dir, CONVERTS)
    path = tmp_path / "plan.doc"
    shutil.copy(DOC, path)
    cp = ipplan(
        "parse", str(path), path=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", env={"HOME": "/nonexistent"}
    )
    assert cp.returncode == 0, cp.stderr
    same_content(json.loads(cp.stdout), from_docx)
    (call,) = [json.loads(line) for line in log.read_text().splitlines()]
    args, env, cwd = call["args"], call["env"], Path(call["cwd"])
    assert cwd.name.startswith("ipplan-convert-") and not cwd.exists()  # a private folder, removed after
    assert "--headless" in args and "--norestore" in args
    assert args[args.index("--convert-to") + 1].startswith("docx")
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert profile.startswith(f"-env:UserInstallation={cwd.as_uri()}/")  # its own profile, in that folder
    assert Path(args[-1]).parent == cwd and Path(args[-1]).suffix == ".doc"
    assert env["HOME"] == str(cwd)
    assert env["http_proxy"] == env["https_proxy"] == "http://127.0.0.1:9"


def test_a_conversion_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ipplan import convert
    from ipplan.errors import IpplanError

    bin_dir = tmp_path / "bin"
    log = stand_in(bin_dir, HANGS)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(convert, "TIMEOUT_SECONDS", 2)
    started = time.monotonic()
    with pytest.raises(IpplanError) as info:
        convert.to_docx(DOC.read_bytes(), "plan.doc", "doc")
    assert info.value.kind.name == "limit-exceeded"
    assert "did not convert it within 2 s" in info.value.message
    assert time.monotonic() - started < 30
    pid = json.loads(log.read_text().splitlines()[0])["pid"]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed, with what it started
