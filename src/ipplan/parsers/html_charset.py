"""The character set of an HTML page: BOM, then the page's own declaration, then detection.

Chinese government pages mostly say ``gb2312`` while their editors write characters only GBK or
GB18030 has (人名 like 镕, 堃; Extension A like 㐀), so every GB label is read as GB18030, the
superset a browser uses too. A page whose declaration is wrong (a UTF-8 page saying gb2312) is
read in the codec that decodes it cleanly, with a warning.
"""

from __future__ import annotations

import codecs
import re

from ipplan.errors import IpplanError
from ipplan.parsers.utf16 import utf16_by_nul_pattern
from ipplan.schema import Location, Warning

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_PRESCAN_BYTES = 8192  # browsers look at 1024; government CMS pages put scripts before the meta

_GB_LABELS = {
    "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "chinese", "csgb2312",
    "csiso58gb231280", "gb_2312", "gb_2312-80", "iso-ir-58", "euc-cn", "x-euc-cn", "gb2312-80",
}  # fmt: skip
_UTF8_LABELS = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"}
_BIG5_LABELS = {"big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"}
# Labels of single-byte Western codecs: on a Chinese page they are a CMS default, not a fact.
_WESTERN_LABELS = {"iso-8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252"}
# The share of its non-ASCII characters a page may have broken and still be read in its codec:
# a few broken bytes, not a wrong codec (GB18030 turns almost any bytes into some characters,
# so this is what tells noise from text).
_MAX_BAD_SHARE = 0.01


def decode(data: bytes, path: str) -> tuple[str, str, list[Warning]]:
    """The text of ``data``, the codec that produced it and warnings about repairs."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], codec.replace("-sig", ""), codec, path, alternatives=())
    utf16 = utf16_by_nul_pattern(data)
    if utf16:
        return _decode_as(data, utf16, utf16, path, alternatives=())
    declared = declared_charset(data)
    if declared and declared != "utf-8" and not data.isascii():
        # Bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the page says: GB18030 text
        # is never valid UTF-8 by chance, while a re-saved page often keeps its old declaration.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return text, "utf-8", [_mismatch(declared, "utf-8")]
    if declared:
        return _decode_as(data, declared, declared, path)
    return _detect(data, path)


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset the page declares, or None when it declares none we trust."""
    head = data[:_PRESCAN_BYTES]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    if label in _UTF8_LABELS or label.startswith("utf-16"):
        # a UTF-16 label found by an ASCII scan cannot be true; browsers read such a page as UTF-8
        return "utf-8"
    if label in _BIG5_LABELS:
        return "big5hkscs"
    if label in _WESTERN_LABELS:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decode_as(
    data: bytes, codec: str, name: str, path: str, *, alternatives: tuple[str, ...] = ("utf-8", "gb18030")
) -> tuple[str, str, list[Warning]]:
    """Decode in the codec the page names: a few broken bytes are replaced, but a page that is
    broken throughout was mislabelled and is read in the alternative that decodes it cleanly."""
    try:
        return data.decode(codec), name, []
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    if _few_bad(text, _MAX_BAD_SHARE):
        return text, name, [_replaced(text, name)]
    for other in alternatives:
        if other == codec:
            continue
        try:
            return data.decode(other), other, [_mismatch(name, other)]
        except UnicodeDecodeError:
            continue
    raise _undecodable(text, name, path)


def _detect(data: bytes, path: str) -> tuple[str, str, list[Warning]]:
    """An undeclared page: UTF-8 if it is valid UTF-8, else GB18030, else the one less broken."""
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec, []
        except UnicodeDecodeError:
            continue
    texts = {codec: data.decode(codec, errors="replace") for codec in ("utf-8", "gb18030")}
    codec = min(texts, key=lambda c: texts[c].count("\ufffd"))
    if _few_bad(texts[codec], _MAX_BAD_SHARE):
        return texts[codec], codec, [_replaced(texts[codec], codec)]
    raise _undecodable(texts[codec], "UTF-8", path)


def _few_bad(text: str, share: float) -> bool:
    """Whether the U+FFFD in ``text`` are a few broken bytes rather than a wrong codec: measured
    against the non-ASCII text, since a wrong codec garbles only that."""
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return bad <= max(1, share * non_ascii)


def _mismatch(declared: str, used: str) -> Warning:
    return Warning(
        code="charset-mismatch",
        message=f"the page says {declared} but is {used}: read as {used}",
        source=Location(),
    )


def _replaced(text: str, codec: str) -> Warning:
    return Warning(
        code="invalid-bytes",
        message=f"{text.count(chr(0xFFFD))} byte sequences invalid in {codec} were replaced by U+FFFD",
        source=Location(),
    )


def _undecodable(text: str, codec: str, path: str) -> IpplanError:
    bad = text.count("\ufffd")
    return IpplanError(
        "undecodable-text", f"the page is not valid {codec}, UTF-8 or GB18030 ({bad} undecodable bytes)", path
    )
