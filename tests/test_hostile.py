"""Broken and hostile inputs through ``ipplan parse``: a clear error, nothing lost, nothing let in.

Every refusal is one line on stderr, ``ipplan: <code> <name>: <file>: <reason>``, the exit code
docs/errors.md documents for that code, and nothing on stdout. Every file is generated here, in
tmp_path (corpus documents are only copied under other names); no bomb is committed.

Most cases run ``main()`` in process (fast, and monkeypatching reaches the readers); a few run
the installed command in a subprocess, as users do, where a hang or the memory bound matters.
"""

from __future__ import annotations

import io
import json
import os
import random
import socket
import struct
import subprocess
import sys
import tracemalloc
import urllib.request
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import build_pdf, corpus_file, ipplan_command
from ipplan import limits
from ipplan.cli import main
from ipplan.errors import KINDS

LUZHAI = "luzhai-county-2023"
LIUZHOU = "liuzhou-hitech-park-2022"
EXTENSIONS = [".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".TXT", ".doc", ".md", ""]


# --- running the command --------------------------------------------------------------------------


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``ipplan ARGS`` in process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out, err = capsys.readouterr()
    return int(info.value.code or 0), out, err


def run_process(*args: str, timeout: float = 120, memory: int | None = None) -> subprocess.CompletedProcess:
    """The installed ``ipplan`` in a subprocess; ``memory`` caps its address space (bytes)."""

    def cap() -> None:
        import resource  # POSIX only, like the tests that pass ``memory``

        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [*ipplan_command(), *args],
        capture_output=True,
        timeout=timeout,
        check=False,
        preexec_fn=cap if memory is not None else None,
    )


def assert_refused(rc: int, out: str | bytes, err: str | bytes, code: str, name: str | None = None) -> str:
    """One stderr line naming the code, its documented exit code, the file; nothing on stdout."""
    if isinstance(err, bytes):
        err = err.decode("utf-8", "replace")
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"ipplan: {code} {KINDS[code].name}: "), err
    assert rc == KINDS[code].exit_code, err
    assert "Traceback" not in err
    assert not out, out[:200]
    if name is not None:
        assert f": {name}: " in lines[0], lines[0]
    return lines[0]


def parsed(rc: int, out: str, err: str) -> dict:
    """The JSON record of a successful parse (nothing on stderr)."""
    assert rc == 0, err
    assert err == ""
    return json.loads(out)


def warning_codes(record: dict) -> list[str]:
    return [w["code"] for w in record["warnings"]]


# --- generated documents --------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_OPEN = f'<w:document xmlns:w="{W_NS}"><w:body>'
PLAN_LINES = [
    "关于印发某县知识产权工作方案的通知",
    "一、总体要求",
    "坚持创新驱动，到2025年，全县有效发明专利达到300件。",
    "二、主要任务",
    "（一）提升创造质量",
    "1.培育高价值专利。",
    "2.加强知识产权保护。",
]
PLAN_TEXT = "\n".join(PLAN_LINES) + "\n"


def document_xml(paragraphs: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?>{DOCUMENT_OPEN}{body}</w:body></w:document>'


def make_docx(document: str | bytes | None = None, parts: dict[str, str | bytes] | None = None) -> bytes:
    """A minimal Word package of a document.xml (PLAN_LINES by default) and further ``parts``."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document if document is not None else document_xml(PLAN_LINES),
    }
    files.update(parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_pdf(*lines: str) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (ASCII, Helvetica)."""
    ops = "\n".join(f"BT /F1 14 Tf 72 {720 - 20 * i} Td ({line}) Tj ET" for i, line in enumerate(lines))
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(ops.encode("ascii")),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def scanned_pdf() -> bytes:
    """A page that only paints an image, as a scanner writes it: no text layer."""
    pixels = bytes([0, 255, 255, 0] * 16)  # 8 x 8 grey
    return build_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
            _stream(
                pixels,
                b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 ",
            ),
            _stream(b"q 612 0 0 792 0 0 cm /Im0 Do Q"),
        ]
    )


def encrypted_pdf(password: str, algorithm: str) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf("Encrypted plan text"))))
    writer.encrypt(password, algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- empty files and random bytes -----------------------------------------------------------------


@pytest.mark.parametrize("ext", EXTENSIONS)
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b" \r\n\t \n",
        b"\n" * 10_000,
        b"\xef\xbb\xbf",  # what Notepad saves for an empty file
        b"\xff\xfe" + " \r\n\u3000".encode("utf-16-le"),
        "\u3000\u3000\n\u00a0".encode("gb18030"),
    ],
    ids=["zero", "blank", "newlines", "utf8-bom", "utf16-blanks", "ideographic-space"],
)
def test_empty_file_of_every_extension(capsys, tmp_path: Path, ext: str, content: bytes) -> None:
    path = write(tmp_path / f"empty{ext}", content)
    assert_refused(*run_main(capsys, "parse", str(path)), "E103", str(path))


@pytest.mark.parametrize("ext", EXTENSIONS)
@pytest.mark.parametrize("seed", [1, 2])
def test_random_bytes_under_every_extension(capsys, tmp_path: Path, ext: str, seed: int) -> None:
    path = write(tmp_path / f"noise{ext}", random.Random(seed).randbytes(20_000))
    expected = "E202" if ext in (".docx", ".pdf") else "E201"  # a damaged Word/PDF file, or not text
    line = assert_refused(*run_main(capsys, "parse", str(path)), expected, str(path))
    assert "not text" in line


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf", ".html"])
def test_nul_filled_file_is_not_an_empty_plan(capsys, tmp_path: Path, ext: str) -> None:
    path = write(tmp_path / f"zeros{ext}", b"\0" * 4096)  # what a crash leaves of a file
    expected = "E202" if ext in (".docx", ".pdf") else "E201"
    assert_refused(*run_main(capsys, "parse", str(path)), expected, str(path))


def test_refusals_in_a_real_process(tmp_path: Path) -> None:
    """The same contract through the console script: exit codes and stderr as users see them."""
    empty = write(tmp_path / "空 文件.docx", b"")
    noise = write(tmp_path / "noise.pdf", random.Random(3).randbytes(5000))
    cp = run_process("parse", str(empty))
    assert_refused(cp.returncode, cp.stdout, cp.stderr, "E103", str(empty))
    cp = run_process("parse", str(noise))
    assert_refused(cp.returncode, cp.stdout, cp.stderr, "E202", str(noise))


# --- content decides the format -------------------------------------------------------------------


def _same_plan(a: dict, b: dict) -> None:
    for key in ("meta", "sections", "indicators", "tasks", "targets"):
        assert a[key] == b[key], key


@pytest.mark.parametrize(
    ("fmt", "wrong_ext"),
    [("pdf", ".docx"), ("docx", ".txt"), ("docx", ".pdf"), ("html", ".txt"), ("txt", ".pdf"), ("pdf", "")],
)
def test_misnamed_file_is_read_as_what_it_is(capsys, tmp_path: Path, fmt: str, wrong_ext: str) -> None:
    stem = "guangxi-14th-fyp-2021" if fmt == "html" else LUZHAI
    original = corpus_file(stem, fmt)
    right = write(tmp_path / original.name, original.read_bytes())
    wrong = write(tmp_path / f"misnamed{wrong_ext}", original.read_bytes())
    expected = parsed(*run_main(capsys, "parse", str(right)))
    record = parsed(*run_main(capsys, "parse", str(wrong)))
    assert record["source"]["format"] == fmt
    _same_plan(record, expected)
    if wrong_ext:  # a name without extension says nothing, so nothing mismatches
        mismatch = [w for w in record["warnings"] if w["code"] == "format-mismatch"]
        assert len(mismatch) == 1 and f"content is {fmt}" in mismatch[0]["message"]
    assert [w for w in record["warnings"] if w["code"] != "format-mismatch"] == expected["warnings"]


def test_text_quoting_markup_stays_text(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "quote.txt", PLAN_TEXT + "示例：<p>段落</p>与<table>标签。\n")
    record = parsed(*run_main(capsys, "parse", str(path)))
    assert record["source"]["format"] == "txt" and "format-mismatch" not in warning_codes(record)


def test_input_format_flag_is_checked_against_the_content(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "plan.txt", make_docx())
    record = parsed(*run_main(capsys, "parse", str(path), "--input-format", "pdf"))
    assert record["source"]["format"] == "docx" and "format-mismatch" in warning_codes(record)


@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda: _zip({"xl/workbook.xml": "<a/>", "[Content_Types].xml": CONTENT_TYPES}), "E201", "Excel"),
        (lambda: _zip({"readme.txt": "hello"}), "E201", "zip archive"),
        # read through LibreOffice where it is installed (tests/test_convert.py); here it is not
        (lambda: _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<a/>"}),
         "E501", "OpenDocument"),
        (lambda: _ole("WordDocument"), "E501", ".doc"),
        (lambda: _ole("EncryptedPackage"), "E203", "password"),
    ],
    ids=["xlsx", "zip", "odt", "legacy-doc", "encrypted-office"],
)  # fmt: skip
def test_other_office_files_named_docx(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make, code: str, words: str
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice
    path = write(tmp_path / "plan.docx", make())
    line = assert_refused(*run_main(capsys, "parse", str(path)), code, str(path))
    assert words in line


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return buffer.getvalue()


def _ole(stream_name: str) -> bytes:
    """The start of an OLE compound file whose directory names ``stream_name``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    return header + stream_name.encode("utf-16-le") + b"\0" * 1000


# --- truncated and corrupt Word and PDF files -----------------------------------------------------


@pytest.mark.parametrize("fraction", [0.01, 0.3, 0.7, 0.99])
@pytest.mark.parametrize("ext", [".docx", ".txt"])
def test_truncated_docx(capsys, tmp_path: Path, fraction: float, ext: str) -> None:
    data = corpus_file(LUZHAI, "docx").read_bytes()
    path = write(tmp_path / f"cut{ext}", data[: int(len(data) * fraction)])
    assert_refused(*run_main(capsys, "parse", str(path)), "E202", str(path))


@pytest.mark.parametrize(
    "document",
    [
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p>',  # cut mid-XML
        "<html><body>not WordprocessingML</body></html>",
        f'<w:document xmlns:w="{W_NS}"/>',  # no body
    ],
)
def test_corrupt_document_xml(capsys, tmp_path: Path, document: str) -> None:
    path = write(tmp_path / "bad.docx", make_docx(document))
    assert_refused(*run_main(capsys, "parse", str(path)), "E202", str(path))


def test_corrupt_crc(capsys, tmp_path: Path) -> None:
    data = bytearray(make_docx(document_xml(PLAN_LINES * 50)))
    at = data.find(b"word/document.xml") + len("word/document.xml") + 40
    data[at] ^= 0xFF  # one flipped byte inside the deflated part
    path = write(tmp_path / "flipped.docx", bytes(data))
    assert_refused(*run_main(capsys, "parse", str(path)), "E202", str(path))


@pytest.mark.parametrize("fraction", [0.01, 0.5, 0.95])
def test_truncated_pdf(capsys, tmp_path: Path, fraction: float) -> None:
    data = corpus_file(LUZHAI, "pdf").read_bytes()
    path = write(tmp_path / "cut.pdf", data[: int(len(data) * fraction)])
    assert_refused(*run_main(capsys, "parse", str(path)), "E202", str(path))


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"%PDF-1.4\nxref\n0 1\n0000000000 65535 f \ntrailer << /Size 1 >>\nstartxref\n9\n%%EOF",
    ],
    ids=["garbage", "no-root"],
)
def test_corrupt_pdf(capsys, tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "bad.pdf", data)
    assert_refused(*run_main(capsys, "parse", str(path)), "E202", str(path))


def test_damaged_pdf_that_still_reads_leaves_stderr_silent(tmp_path: Path) -> None:
    # pdfminer logs what it repairs; Python printed that on stderr around ipplan's own output
    data = bytearray(corpus_file("boshan-district-2022", "pdf").read_bytes())
    rng = random.Random(1)
    for _ in range(8):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path = write(tmp_path / "damaged.pdf", bytes(data))
    cp = run_process("parse", str(path))
    assert cp.returncode == 0, cp.stderr.decode()
    assert cp.stderr == b""
    assert json.loads(cp.stdout)["source"]["format"] == "pdf"


def test_pdf_without_pages(capsys, tmp_path: Path) -> None:
    # The page tree points nowhere. The reader reports it as a PDF without a text layer (E205)
    # rather than a damaged one (E202); either way it is refused with one clear line.
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
    path = write(tmp_path / "pageless.pdf", data)
    rc, out, err = run_main(capsys, "parse", str(path))
    assert_refused(rc, out, err, "E202" if "E202" in err else "E205", str(path))


# --- zip bombs ------------------------------------------------------------------------------------


def _deflated_docx(inflated_size: int) -> bytes:
    """A .docx whose document.xml inflates to ``inflated_size`` bytes of blanks (~1000:1)."""
    head = f'<w:document xmlns:w="{W_NS}"><w:body>'.encode()
    tail = b"</w:body></w:document>"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [compressor.compress(head)]
    block = b" " * (1 << 20)
    left = inflated_size - len(head) - len(tail)
    while left > 0:
        chunks.append(compressor.compress(block[: min(left, len(block))]))
        left -= len(block)
    chunks.append(compressor.compress(tail) + compressor.flush())
    # zipfile cannot store already deflated data, so the part is written stored and relabelled
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PACKAGE_RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, b"".join(chunks))
    return _relabel(buffer.getvalue(), b"word/document.xml", inflated_size, crc=0)


def _relabel(data: bytes, name: bytes, size: int, crc: int | None = None) -> bytes:
    """Rewrite the headers of part ``name``: deflated, declaring ``size`` inflated bytes."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    while out[central + 46 : central + 46 + len(name)] != name:
        central = out.find(b"PK\x01\x02", central + 4)
    local = struct.unpack_from("<I", out, central + 42)[0]
    for header, method_at, crc_at, size_at in ((central, 10, 16, 24), (local, 8, 14, 22)):
        struct.pack_into("<H", out, header + method_at, zipfile.ZIP_DEFLATED)
        if crc is not None:
            struct.pack_into("<I", out, header + crc_at, crc)
        struct.pack_into("<I", out, header + size_at, size)
    return bytes(out)


def _peak_memory_of(capsys, *args: str) -> tuple[int, tuple[int, str, str]]:
    """The peak of Python allocations while ``ipplan ARGS`` runs (after a first run has imported
    what it needs), and its result. zipfile and zlib inflate into Python bytes, so this sees them."""
    run_main(capsys, *args)
    tracemalloc.start()
    try:
        result = run_main(capsys, *args)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, result


def test_zip_bomb_declaring_gigabytes_is_refused_unread(capsys, tmp_path: Path) -> None:
    # 8 MiB of blanks deflate to ~8 KB; the headers then declare 3.5 GB
    data = _relabel(_deflated_docx(8 << 20), b"word/document.xml", 3_500_000_000)
    assert len(data) < 64 * 1024
    path = write(tmp_path / "bomb.docx", data)
    peak, result = _peak_memory_of(capsys, "parse", str(path))
    line = assert_refused(*result, "E301", str(path))
    assert "3500000" in line and "declare" in line
    assert peak < 8 << 20  # not even what the part really holds was inflated


def test_zip_bomb_over_the_part_limit_is_refused_before_inflating(capsys, tmp_path: Path) -> None:
    size = limits.MAX_ZIP_MEMBER_BYTES + (1 << 20)
    path = write(tmp_path / "bomb.docx", _deflated_docx(size))
    assert path.stat().st_size < size // 500
    peak, result = _peak_memory_of(capsys, "parse", str(path))
    assert_refused(*result, "E301", str(path))
    assert peak < size // 8


def test_zip_bomb_under_the_part_limit_is_refused_by_its_ratio(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.docx", _deflated_docx(16 << 20))
    peak, result = _peak_memory_of(capsys, "parse", str(path))
    line = assert_refused(*result, "E301", str(path))
    assert "zip bomb" in line and peak < 8 << 20


def test_zip_bomb_understating_its_size_is_stopped(capsys, tmp_path: Path) -> None:
    # headers claim 64 KB; inflation is bounded by the part limit and the CRC, whatever they say
    path = write(tmp_path / "liar.docx", _relabel(_deflated_docx(16 << 20), b"word/document.xml", 65_536))
    peak, result = _peak_memory_of(capsys, "parse", str(path))
    rc, out, err = result
    assert_refused(rc, out, err, "E202" if "E202" in err else "E301", str(path))
    assert peak < 8 << 20


def test_zip_with_too_many_parts(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 50)
    path = write(tmp_path / "many.docx", make_docx(parts={f"word/media/{i}.bin": b"x" for i in range(60)}))
    assert_refused(*run_main(capsys, "parse", str(path)), "E301", str(path))


def test_list_counter_bomb(capsys, tmp_path: Path) -> None:
    # a 1 KB file whose lettered list starts at 10^11: drawn as Word repeats letters, the first
    # label alone would be 3.8 GB
    numbering = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="100000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    numbered = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>条目</w:t></w:r></w:p>"
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL_NS}/numbering" Target="numbering.xml"/></Relationships>'
    )
    data = make_docx(
        f"{DOCUMENT_OPEN}{numbered * 3}</w:body></w:document>",
        {"word/numbering.xml": numbering, "word/_rels/document.xml.rels": rels},
    )
    path = write(tmp_path / "counter.docx", data)
    peak, (rc, out, err) = _peak_memory_of(capsys, "parse", str(path))
    assert rc == 0, err
    assert json.loads(out)["source"]["format"] == "docx"
    assert peak < 16 << 20


# --- XML with a DOCTYPE inside a .docx ------------------------------------------------------------


def _laughs(levels: int = 9) -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    )
    body = f"<w:p><w:r><w:t>&lol{levels};</w:t></w:r></w:p>"
    return f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>{DOCUMENT_OPEN}{body}</w:body></w:document>'


def _external(uri: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "{uri}">]>'
        f"{DOCUMENT_OPEN}<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file no parse may ever read into its output."""
    return write(tmp_path / "secret" / "passwd", "SECRET-7f3a9c\n")


@pytest.mark.parametrize("where", ["word/document.xml", "_rels/.rels", "word/styles.xml"])
@pytest.mark.parametrize("kind", ["billion-laughs", "etc-passwd", "local-file", "external-dtd", "utf-16"])
def test_doctype_in_docx_is_unsafe(capsys, tmp_path: Path, secret: Path, where: str, kind: str) -> None:
    xml = {
        "billion-laughs": _laughs(),
        "etc-passwd": _external("file:///etc/passwd"),
        "local-file": _external(secret.as_uri()),
        "external-dtd": f'<!DOCTYPE d SYSTEM "{secret.as_uri()}">{DOCUMENT_OPEN}</w:body></w:document>',
        "utf-16": _external(secret.as_uri()).replace('version="1.0"', 'version="1.0" encoding="UTF-16"'),
    }[kind]
    data: str | bytes = xml.encode("utf-16") if kind == "utf-16" else xml
    parts: dict[str, str | bytes] = {}
    if where == "word/document.xml":
        document = data
    else:
        document = None
        parts[where] = data
        if where == "word/styles.xml":
            parts["word/_rels/document.xml.rels"] = (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>'
            )
    path = write(tmp_path / "entities.docx", make_docx(document, parts))
    rc, out, err = run_main(capsys, "parse", str(path))
    assert_refused(rc, out, err, "E302", str(path))
    assert "SECRET" not in err and "root:" not in err


# --- PDF: encrypted, scanned ----------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_pdf(capsys, tmp_path: Path, algorithm: str) -> None:
    path = write(tmp_path / "locked.pdf", encrypted_pdf("s3cret", algorithm))
    line = assert_refused(*run_main(capsys, "parse", str(path)), "E203", str(path))
    assert "--password" in line
    assert_refused(*run_main(capsys, "parse", str(path), "--password", "wrong"), "E204", str(path))
    record = parsed(*run_main(capsys, "parse", str(path), "--password", "s3cret"))
    assert record["source"]["format"] == "pdf"
    assert "not-a-plan" in warning_codes(record)  # opened and read: one line of English is no plan


def test_scanned_pdf_has_no_text_layer(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "scan.pdf", scanned_pdf())
    line = assert_refused(*run_main(capsys, "parse", str(path)), "E205", str(path))
    assert "OCR" in line


def test_blank_pdf_has_no_text_layer(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "blank.pdf", text_pdf())
    assert_refused(*run_main(capsys, "parse", str(path)), "E205", str(path))


# --- HTML: nothing fetched, nothing run -----------------------------------------------------------


@pytest.fixture
def listener() -> tuple[socket.socket, int]:
    """A local port that records whether anything connected to it (C code bypasses Python's socket)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server, server.getsockname()[1]
    server.close()


def test_html_references_are_never_fetched(
    capsys, tmp_path: Path, secret: Path, listener, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, port = listener
    url = f"http://127.0.0.1:{port}"
    page = f"""<!DOCTYPE html SYSTEM "{url}/evil.dtd">
<html><head><meta charset="utf-8"><base href="{url}/">
<meta http-equiv="refresh" content="0; url={url}/refresh">
<link rel="stylesheet" href="{url}/x.css"><link rel="import" href="{secret.as_uri()}">
<script src="{url}/x.js"></script><script>document.write('脚本写入的文字')</script>
<style>@import url("{url}/y.css"); p {{ background: url({secret.as_uri()}) }}</style></head>
<body><div id="zoom">
<p>一、总体要求</p>
<p>到2025年，全县有效发明专利达到300件。<img src="{url}/a.png" alt="图片说明"></p>
<iframe src="{url}/frame.html">框架备用文字</iframe><frameset><frame src="{secret.as_uri()}"></frameset>
<object data="{url}/a.swf">对象备用文字</object><embed src="{url}/b.swf">
<video src="{url}/v.mp4" poster="{url}/p.png"></video><audio src="{url}/a.mp3"></audio>
<svg><image href="{url}/s.png"/><script>alert(1)</script></svg>
<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>
<p>二、主要任务</p><p onclick="fetch('{url}/click')">（一）提升创造质量</p>
</div></body></html>"""
    path = write(tmp_path / "page.html", page)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ipplan tried to use the network")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)

    rc, out, err = run_main(capsys, "parse", str(path))
    record = parsed(rc, out, err)
    assert [s["title"] for s in record["sections"]] == ["总体要求", "主要任务"]
    for never in ("SECRET", "脚本写入", "框架备用", "对象备用", "alert", "图片说明"):
        assert never not in out
    with pytest.raises(BlockingIOError):
        server.accept()  # no connection came in, from Python or from libxml2


def test_html_entities_are_not_expanded(capsys, tmp_path: Path, secret: Path) -> None:
    page = (
        f'<!DOCTYPE html [<!ENTITY e SYSTEM "{secret.as_uri()}"><!ENTITY a "AAAAAAAAAA">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        "<html><body><p>一、总体要求</p><p>正文&e;与&c;结束。</p></body></html>"
    )
    path = write(tmp_path / "entities.html", page)
    out = run_main(capsys, "parse", str(path))[1]
    assert "SECRET" not in out and "AAAAAAAAAA" not in out


# --- text in any encoding -------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8-bom": ("utf-8", b"\xef\xbb\xbf"),
    "gb18030": ("gb18030", b""),
    "utf-16-le": ("utf-16-le", b""),
    "utf-16-be": ("utf-16-be", b""),
    "utf-16-le-bom": ("utf-16-le", b"\xff\xfe"),
    "utf-16-be-bom": ("utf-16-be", b"\xfe\xff"),
}


@pytest.fixture(scope="module")
def plan_text() -> str:
    return corpus_file(LIUZHOU, "txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(ENCODINGS))
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_every_encoding_gives_the_same_plan(
    capsys, tmp_path: Path, plan_text: str, name: str, eol: str
) -> None:
    codec, bom = ENCODINGS[name]
    reference = parsed(*run_main(capsys, "parse", str(write(tmp_path / "ref.txt", plan_text))))
    data = bom + plan_text.replace("\n", eol).encode(codec)
    record = parsed(*run_main(capsys, "parse", str(write(tmp_path / f"{name}.txt", data))))
    _same_plan(record, reference)
    assert record["warnings"] == reference["warnings"]
    assert record["source"]["encoding"].replace("-sig", "") == codec


def test_invalid_byte_sequences_are_replaced_with_a_warning(capsys, tmp_path: Path, plan_text: str) -> None:
    data = bytearray(plan_text.encode("utf-8"))
    for at in range(500, len(data), 4000):
        data[at] = 0xFF
    record = parsed(*run_main(capsys, "parse", str(write(tmp_path / "broken.txt", bytes(data)))))
    assert "invalid-bytes" in warning_codes(record)
    assert len(record["tasks"]) > 10


def test_undecodable_text(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "high.txt", b"\xff\x80" * 5000)  # no lead byte of UTF-8 or GB18030
    assert_refused(*run_main(capsys, "parse", str(path)), "E206", str(path))


def _run_on(text: str, size: int) -> bytes:
    """``text`` on one line, repeated to ``size`` bytes of UTF-8."""
    line = "".join(text.split()).encode("utf-8")
    return (line * (size // len(line) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


MEMORY_CAP = 1536 << 20  # "about 1 GB" with room for the interpreter's own mappings


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is how the memory bound is checked")
def test_20_mb_on_one_line_finishes_within_the_memory_bound(tmp_path: Path, plan_text: str) -> None:
    # a plan exported as one line, repeated: linear time (a few seconds; quadratic took hours)
    path = write(tmp_path / "one line.txt", _run_on(plan_text, 20 << 20))
    cp = run_process("parse", str(path), "-o", str(tmp_path / "out.json"), timeout=180, memory=MEMORY_CAP)
    assert cp.returncode == 0, cp.stderr.decode()
    record = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert record["source"]["size"] == path.stat().st_size > 20_000_000


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is how the memory bound is checked")
def test_one_line_of_endless_numbered_items_is_a_limit(tmp_path: Path) -> None:
    # every few characters a new item: the records would outgrow the memory bound, so it is refused
    unit = "一、总体要求（一）指导思想。到2025年，专利达到1000件，增长10%；"
    path = write(tmp_path / "items.txt", _run_on(unit, 6 << 20))
    cp = run_process("parse", str(path), timeout=180, memory=MEMORY_CAP)
    assert_refused(cp.returncode, cp.stdout, cp.stderr, "E301", str(path))


@pytest.mark.parametrize("fmt", ["txt", "docx", "html"])
def test_more_blocks_than_a_plan_has(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.setattr(limits, "MAX_BLOCKS", 100)
    lines = [f"{i}. 第{i}项任务。" for i in range(1, 150)]
    data = {
        "txt": "\n".join(lines),
        "docx": make_docx(document_xml(lines)),
        "html": "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>",
    }[fmt]
    path = write(tmp_path / f"long.{fmt}", data)
    assert_refused(*run_main(capsys, "parse", str(path)), "E301", str(path))


def test_more_lines_than_a_text_may_have(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_LINES", 1000)
    path = write(tmp_path / "short lines.txt", "ab\r\n" * 1000)
    assert_refused(*run_main(capsys, "parse", str(path)), "E301", str(path))
    path = write(tmp_path / "fewer.txt", PLAN_TEXT * 100)  # 700 lines
    assert parsed(*run_main(capsys, "parse", str(path)))["sections"]


def test_input_over_the_size_limit_is_refused_unread(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    path = write(tmp_path / "big.txt", PLAN_TEXT * 100)
    assert_refused(*run_main(capsys, "parse", str(path)), "E301", str(path))


# --- paths, unreadable inputs, outputs ------------------------------------------------------------


def test_paths_with_spaces_and_chinese(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "规划 文件 (2023)"
    path = write(folder / "某县 知识产权 方案（终稿）.txt", PLAN_TEXT)
    out = folder / "输出 结果" / "方案 记录.json"
    rc, stdout, err = run_main(capsys, "parse", str(path), "-o", str(out))
    assert (rc, stdout, err) == (0, "", "")
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["path"] == str(path)
    empty = write(folder / "空 的.docx", b"")
    assert_refused(*run_main(capsys, "parse", str(empty)), "E103", str(empty))


def test_control_characters_in_a_file_name_stay_on_one_line(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "two\nlines\t.txt", b"")
    line = assert_refused(*run_main(capsys, "parse", str(path)), "E103")
    assert "two\\nlines\\t.txt" in line


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 1)() == 0, reason="root reads any file whatever its mode")
def test_unreadable_file(capsys, tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", PLAN_TEXT)
    path.chmod(0)
    try:
        assert_refused(*run_main(capsys, "parse", str(path)), "E102", str(path))
    finally:
        path.chmod(0o644)


def test_folder_as_input(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "plan.txt"
    folder.mkdir()
    assert_refused(*run_main(capsys, "parse", str(folder)), "E102", str(folder))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    cp = run_process("parse", str(fifo), timeout=60)
    assert_refused(cp.returncode, cp.stdout, cp.stderr, "E102", str(fifo))


def test_device_is_refused(capsys) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert_refused(*run_main(capsys, "parse", "/dev/zero"), "E102", "/dev/zero")  # would stream forever


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_broken_symlink_as_input(capsys, tmp_path: Path, kind: str) -> None:
    link = tmp_path / "plan.txt"
    link.symlink_to(link if kind == "loop" else tmp_path / "gone.txt")
    assert_refused(*run_main(capsys, "parse", str(link)), "E102" if kind == "loop" else "E101", str(link))


@pytest.mark.parametrize("how", ["same", "dot-dot", "symlink", "hardlink"])
def test_output_onto_the_input_is_refused(capsys, tmp_path: Path, how: str) -> None:
    src = write(tmp_path / "plan.txt", PLAN_TEXT)
    (tmp_path / "sub").mkdir()
    target = {
        "same": src,
        "dot-dot": tmp_path / "sub" / ".." / "plan.txt",
        "symlink": tmp_path / "link.json",
        "hardlink": tmp_path / "hard.json",
    }[how]
    if how == "symlink":
        target.symlink_to(src)
    elif how == "hardlink":
        os.link(src, target)
    for fmt in ("json", "yaml", "csv"):
        assert_refused(*run_main(capsys, "parse", str(src), "-o", str(target), "--format", fmt), "E401")
    assert src.read_text(encoding="utf-8") == PLAN_TEXT


# --- batch and check over a hostile folder --------------------------------------------------------


@pytest.fixture
def hostile_tree(tmp_path: Path) -> Path:
    """A folder of broken files, symlink loops, a dangling link and a FIFO among two good plans."""
    root = tmp_path / "in"
    write(root / "good.txt", PLAN_TEXT)
    write(root / "子 目录" / "良好 方案.docx", make_docx())
    write(root / "empty.pdf", b"")
    write(root / "noise.txt", random.Random(5).randbytes(3000))
    write(root / "cut.docx", make_docx()[:300])
    write(root / "laughs.docx", make_docx(_laughs()))
    (root / "子 目录" / "loop").symlink_to("..", target_is_directory=True)
    (root / "self").symlink_to("self")
    (root / "self.txt").symlink_to("self.txt")
    (root / "dangling.txt").symlink_to("nowhere.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
    return root


def test_batch_over_hostile_folder(hostile_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cp = run_process("batch", str(hostile_tree), "-o", str(out), "--jobs", "2", timeout=120)
    assert cp.returncode == 1, cp.stderr.decode()
    report = json.loads((out / "ipplan-report.json").read_text(encoding="utf-8"))
    by_name = {Path(e["input"]).relative_to(hostile_tree).as_posix(): e for e in report["files"]}
    codes = {name: e["code"] for name, e in by_name.items() if e["status"] == "error"}
    assert codes == {
        "empty.pdf": "E103",
        "noise.txt": "E201",
        "cut.docx": "E202",
        "laughs.docx": "E302",
        "self.txt": "E102",
        "dangling.txt": "E101",
    }
    assert by_name["good.txt"]["status"] == by_name["子 目录/良好 方案.docx"]["status"] == "ok"
    assert all(name.count("loop") == 0 for name in by_name)  # the loop is not walked again


def test_check_over_hostile_folder(hostile_tree: Path) -> None:
    cp = run_process("check", "--format", "json", str(hostile_tree), timeout=120)
    assert cp.returncode == 1, cp.stderr.decode()
    assert b"Traceback" not in cp.stderr
    parse_errors = [f for f in json.loads(cp.stdout)["findings"] if f["rule"] == "parse-error"]
    messages = " ".join(f["message"] for f in parse_errors)
    for code in ("E103", "E201", "E202", "E302"):
        assert code in messages


# --- a document that is no plan -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("letter.txt", "各位同事：\n下周一上午九点在三楼会议室开会，请准时参加。\n办公室\n"),
        ("letter.docx", make_docx(document_xml(["各位同事：", "下周一上午九点开会。"]))),
        ("page.html", "<html><body><div><p>欢迎访问本站。</p><p>今天天气晴。</p></div></body></html>"),
        ("english.pdf", text_pdf("Minutes of the meeting", "Nothing was decided.")),
    ],
)
def test_document_that_is_not_a_plan(capsys, tmp_path: Path, name: str, data: str | bytes) -> None:
    record = parsed(*run_main(capsys, "parse", str(write(tmp_path / name, data))))
    assert "not-a-plan" in warning_codes(record)
    assert record["sections"] == record["tasks"] == record["indicators"] == []


def test_every_exit_code_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert f"| {kind.code} | {kind.name} | {kind.exit_code} |" in doc, kind.code
