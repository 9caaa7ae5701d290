"""Safe access to an Office Open XML package: the zip container, its relationships and its XML parts.

This is the only code that inflates or parses what a .docx carries, so it is where the input is
distrusted: declared and actual inflated sizes are bounded (zip bombs), DTDs and entities are
refused (billion laughs, external entities), and every failure of zipfile or lxml becomes an
``IpplanError``.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from io import BytesIO

from lxml import etree

from ipplan import limits
from ipplan.errors import IpplanError

# Ratios only mean something for parts large enough to hurt; a 10 KB styles.xml of repeated
# attributes legitimately compresses 300:1.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
_CHUNK_BYTES = 64 * 1024
_EOCD_SIGNATURE = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
# Word only writes stored and deflated parts; bzip2 and lzma decompressors in zipfile inflate a
# whole read at once, so they are not allowed to run on untrusted input.
_ALLOWED_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_DOCTYPE_MARKERS = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)


def declared_member_count(data: bytes) -> int | None:
    """The entry count the end-of-central-directory record declares, or None if none is found."""
    tail_start = max(0, len(data) - (_EOCD_SIZE + _MAX_COMMENT))
    at = data.rfind(_EOCD_SIGNATURE, tail_start)
    if at < 0 or at + _EOCD_SIZE > len(data):
        return None
    (total_entries,) = struct.unpack_from("<H", data, at + 10)
    # 0xFFFF defers to a ZIP64 record; the count is then checked once zipfile has read it
    return None if total_entries == 0xFFFF else total_entries


def _safe_parser() -> etree.XMLParser:
    """An XML parser that never loads a DTD, expands an entity, touches the network or grows huge."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def parse_xml(data: bytes, part: str, path: str | None = None) -> etree._Element:
    """Parse one XML part safely; a DOCTYPE is refused outright, a syntax error is corruption."""
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise IpplanError("unsafe-content", f"{part} declares a DTD (<!DOCTYPE>), which ipplan refuses", path)
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        if "XML_PARSE_HUGE" in str(exc):  # libxml2's own bounds on depth and node size
            message = f"{part} is nested too deeply or too large: {exc}"
            raise IpplanError("limit-exceeded", message, path) from exc
        raise IpplanError("corrupt-file", f"{part} is not well-formed XML: {exc}", path) from exc
    except (etree.LxmlError, ValueError) as exc:
        raise IpplanError("corrupt-file", f"{part} cannot be parsed: {exc}", path) from exc
    # second line of defence: an encoding the byte scan above did not foresee
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise IpplanError("unsafe-content", f"{part} declares a DTD, which ipplan refuses", path)
    return root


def read_bounded(stream, limit: int, part: str, path: str | None = None) -> bytes:
    """Read ``stream`` to its end in chunks, refusing it once more than ``limit`` bytes came out.

    This is the hard bound on what is actually inflated, whatever the zip headers declare.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(_CHUNK_BYTES)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:
            raise IpplanError(
                "limit-exceeded", f"{part} inflates to more than {limit} bytes: refused as a zip bomb", path
            )
        chunks.append(chunk)


def _check_declared_sizes(info: zipfile.ZipInfo, path: str | None) -> None:
    """Refuse a part whose declared size or inflation ratio is beyond the limits, before inflating it."""
    if info.file_size > limits.MAX_ZIP_MEMBER_BYTES:
        raise IpplanError(
            "limit-exceeded",
            f"{info.filename} declares {info.file_size} bytes,"
            f" over the {limits.MAX_ZIP_MEMBER_BYTES}-byte part limit",
            path,
        )
    if info.file_size > RATIO_CHECK_MIN_BYTES and info.file_size > limits.MAX_ZIP_RATIO * max(
        info.compress_size, 1
    ):
        raise IpplanError(
            "limit-exceeded",
            f"{info.filename} declares a {info.file_size // max(info.compress_size, 1)}:1 compression ratio,"
            f" over the {limits.MAX_ZIP_RATIO}:1 limit: refused as a zip bomb",
            path,
        )


class Package:
    """An OPC package (the zip of a .docx) opened for reading parts by name.

    Part names are given without a leading slash ("word/document.xml") and matched without
    regard to case, as OPC requires.
    """

    def __init__(self, data: bytes, path: str | None = None):
        self.path = path
        declared = declared_member_count(data)
        if declared is not None and declared > limits.MAX_ZIP_MEMBERS:
            raise IpplanError(
                "limit-exceeded", f"the zip declares {declared} parts, over {limits.MAX_ZIP_MEMBERS}", path
            )
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise IpplanError("corrupt-file", f"not a readable zip package: {exc}", path) from exc
        if len(infos) > limits.MAX_ZIP_MEMBERS:
            raise IpplanError(
                "limit-exceeded", f"the zip holds {len(infos)} parts, over {limits.MAX_ZIP_MEMBERS}", path
            )
        total = sum(info.file_size for info in infos)
        if total > limits.MAX_ZIP_TOTAL_BYTES:
            raise IpplanError(
                "limit-exceeded",
                f"the parts declare {total} bytes together, over the {limits.MAX_ZIP_TOTAL_BYTES}-byte limit",
                path,
            )
        self._infos = {info.filename.lstrip("/").lower(): info for info in infos if not info.is_dir()}
        self._relationships: dict[str, dict[str, str]] = {}

    def has_part(self, name: str) -> bool:
        """Whether the package holds a part of that name."""
        return name.lstrip("/").lower() in self._infos

    def read_part(self, name: str) -> bytes:
        """The inflated bytes of a part, within the size and ratio limits."""
        info = self._infos.get(name.lstrip("/").lower())
        if info is None:
            raise IpplanError("corrupt-file", f"the package has no {name} part", self.path)
        _check_declared_sizes(info, self.path)
        if info.flag_bits & 0x1:
            raise IpplanError("corrupt-file", f"{name} is zip-encrypted, which Word never does", self.path)
        if info.compress_type not in _ALLOWED_COMPRESSION:
            raise IpplanError(
                "corrupt-file",
                f"{name} uses zip compression method {info.compress_type}, which Word never writes",
                self.path,
            )
        try:
            with self._zip.open(info) as stream:
                return read_bounded(stream, limits.MAX_ZIP_MEMBER_BYTES, name, self.path)
        except IpplanError:
            raise
        except _ZIP_ERRORS as exc:
            raise IpplanError("corrupt-file", f"{name} is damaged: {exc}", self.path) from exc

    def xml_part(self, name: str) -> etree._Element:
        """A part parsed as XML with the safe parser."""
        return parse_xml(self.read_part(name), name, self.path)

    def relationships(self, source: str) -> dict[str, str]:
        """Relationship type → target part name for the internal relationships of ``source``.

        ``source`` is a part name, or "" for the package's own relationships. Where a type occurs
        more than once the first wins.
        """
        if source not in self._relationships:
            self._relationships[source] = self._read_relationships(source)
        return self._relationships[source]

    def _read_relationships(self, source: str) -> dict[str, str]:
        folder, base = posixpath.split(source.lstrip("/"))
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has_part(rels_name):
            return {}
        root = self.xml_part(rels_name)
        found: dict[str, str] = {}
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rel_type, target = rel.get("Type"), rel.get("Target")
            if not rel_type or not target or rel.get("TargetMode") == "External":
                continue
            found.setdefault(rel_type, _resolve_target(folder, target))
        return found

    def related_part(self, source: str, type_suffix: str) -> str | None:
        """The part ``source`` relates to with a relationship type ending in ``type_suffix``.

        Matching the suffix ("/styles") covers the transitional and the strict type URIs alike.
        """
        for rel_type, target in self.relationships(source).items():
            if rel_type.endswith(type_suffix) and self.has_part(target):
                return target
        return None

    def main_document(self) -> str:
        """The main document part: the officeDocument relationship's target, else word/document.xml."""
        target = self.related_part("", "/officeDocument")
        if target is not None:
            return target
        if self.has_part("word/document.xml"):
            return "word/document.xml"
        raise IpplanError("corrupt-file", "the package has no main document (word/document.xml)", self.path)


def _resolve_target(folder: str, target: str) -> str:
    """A relationship target as a part name: absolute targets from the root, others from ``folder``."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
