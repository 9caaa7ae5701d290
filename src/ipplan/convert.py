"""Old Word, WPS, RTF and OpenDocument files, read through LibreOffice's conversion to .docx.

Many offices still publish .doc (Word 97-2003), .wps (Kingsoft WPS) and .odt. ipplan has no
reader of its own for them: where LibreOffice (``soffice``) is installed, the file is converted
to .docx and that is parsed; otherwise the error names the format and how to get LibreOffice.

The conversion is contained: the document is copied into a private temporary folder (removed
afterwards, whatever happens), LibreOffice runs headless with a user profile of its own made
there (never the user's, so no settings, macros or recent files leak in or out, and parallel
conversions do not lock each other out), macros are off and links are never updated, and it has
no network: in a network namespace of its own where the system allows one (``unshare -rn``), and
with every proxy pointed at a closed local port in any case. It is killed, with every process it
started, after ``TIMEOUT_SECONDS``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ipplan.errors import IpplanError

if TYPE_CHECKING:
    import subprocess

# subprocess, tempfile, shutil and zipfile are imported where used: batch and check import this
# module for EXTENSIONS alone.

TIMEOUT_SECONDS = 120
# What each kind of file is called in messages, and the extension LibreOffice needs to see on it.
KINDS = {
    "doc": ("a legacy Word 97-2003 (.doc) file", ".doc"),
    "wps": ("a WPS Writer (.wps) file", ".wps"),
    "rtf": ("a Rich Text (.rtf) file", ".rtf"),
    "odt": ("an OpenDocument text (.odt) file", ".odt"),
}
# Extensions of the files a folder walk (batch, check) offers for conversion.
EXTENSIONS = frozenset({".doc", ".wps", ".odt", ".rtf"})
SOFFICE_NAMES = ("soffice", "libreoffice")
_MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
INSTALL_HINT = (
    "install LibreOffice (apt install libreoffice-writer, brew install --cask libreoffice, or "
    "libreoffice.org) so that soffice is on PATH, or save the file as .docx"
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPES = (
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.text-template",
)

# LibreOffice settings for the throwaway profile: no macros, no link updates, no update check,
# no lock files, no fetching of what a document references from the web.
_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link"
 oor:op="fuse"><value>2</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking"
 oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments">
<prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""
_DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens, a connection fails at once


def legacy_kind(data: bytes, path: str) -> str | None:
    """The kind of file LibreOffice would have to convert (doc, wps, rtf, odt), or None.

    Judged by the content, as every format is: a Word binary inside an OLE compound file (named
    .wps, a WPS file), an RTF document, an OpenDocument text package. An encrypted Office file is
    None: the format choice refuses it as encrypted.
    """
    suffix = Path(path).suffix.lower()
    head = data[:8]
    if head == _OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data:
            return None
        if suffix == ".wps":
            return "wps"
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        return None
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if data[:4] == b"PK\x03\x04" and _is_odt(data):
        return "odt"
    return None


def _is_odt(data: bytes) -> bool:
    import zipfile
    from io import BytesIO

    from ipplan import parsers

    names = parsers.zip_names(data)
    if names is None or "mimetype" not in names or "content.xml" not in names:
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            info = zf.getinfo("mimetype")
            if info.file_size > 200:
                return False
            return zf.read(info).strip() in _ODT_MIMETYPES
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, NotImplementedError):
        return False


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on PATH (or where the macOS installer puts it), or None."""
    import shutil

    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "darwin" and os.access(_MAC_SOFFICE, os.X_OK):
        return _MAC_SOFFICE
    return None


def to_docx(data: bytes, path: str, kind: str) -> bytes:
    """``data`` (a file of ``kind``) converted to .docx by LibreOffice.

    Raises IpplanError: missing-dependency where LibreOffice is not installed (naming the format
    and how to install it), corrupt-file where LibreOffice cannot convert the file,
    limit-exceeded where it takes longer than ``TIMEOUT_SECONDS``.
    """
    import tempfile

    what, extension = KINDS[kind]
    soffice = find_soffice()
    if soffice is None:
        raise IpplanError(
            "missing-dependency",
            f"{what} needs LibreOffice to be read, and soffice is not on PATH: {INSTALL_HINT}",
            path,
        )
    with tempfile.TemporaryDirectory(prefix="ipplan-convert-") as tmp:
        folder = Path(tmp)
        source = folder / f"document{extension}"
        source.write_bytes(data)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
        out = folder / "out"
        command = [
            *_no_network_prefix(),
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        stderr = _run(command, folder, what, path)
        converted = out / "document.docx"
        if not converted.is_file():
            reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
            raise IpplanError("corrupt-file", f"{what} that LibreOffice could not convert: {reason}", path)
        return converted.read_bytes()


def _run(command: list[str], folder: Path, what: str, path: str) -> str:
    """Run LibreOffice in a session of its own, killed with its children on timeout; its stderr."""
    import subprocess

    env = _environment(folder)
    try:
        proc = subprocess.Popen(
            command,
            cwd=folder,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise IpplanError(
            "missing-dependency", f"{what}: LibreOffice could not be started ({exc.strerror or exc})", path
        ) from exc
    try:
        _, err = proc.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as exc:
        _kill_group(proc)
        raise IpplanError(
            "limit-exceeded", f"{what}: LibreOffice did not convert it within {TIMEOUT_SECONDS} s", path
        ) from exc
    except BaseException:  # Ctrl-C, a batch worker terminated: never leave LibreOffice running
        _kill_group(proc)
        raise
    _kill_group(proc)  # whatever it left behind (oosplash's soffice.bin) goes with it
    return err.decode("utf-8", "replace")


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    import signal

    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def _environment(folder: Path) -> dict[str, str]:
    """A small environment: its own HOME and temp folder, no display, every proxy a dead end."""
    env = {
        key: os.environ[key]
        for key in ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "SYSTEMROOT", "FONTCONFIG_PATH")
        if key in os.environ
    }
    env.update(HOME=str(folder), TMPDIR=str(folder), SAL_USE_VCLPLUGIN="svp")
    for key in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy"):
        env[key] = env[key.upper()] = _DEAD_PROXY
    env["no_proxy"] = env["NO_PROXY"] = ""
    return env


@functools.cache
def _no_network_prefix() -> tuple[str, ...]:
    """``unshare -rn`` where this system lets an unprivileged process have a network namespace of
    its own (LibreOffice then has no network at all); nothing where it does not."""
    import shutil
    import subprocess

    unshare = shutil.which("unshare")
    if unshare is None or not sys.platform.startswith("linux"):
        return ()
    try:
        ok = subprocess.run(
            [unshare, "-rn", "true"], stdin=subprocess.DEVNULL, capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return (unshare, "-rn") if ok.returncode == 0 else ()


def converted_warning_message(kind: str) -> str:
    """The warning a converted plan carries: where its locations point."""
    what, _ = KINDS[kind]
    return (
        f"{what}, read from LibreOffice's conversion to .docx: paragraph and table numbers count "
        "in the converted document"
    )
