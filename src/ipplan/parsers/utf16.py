"""UTF-16 without a byte-order mark, which both text readers (txt, html) must recognise."""

from __future__ import annotations

import re


def utf16_by_nul_pattern(data: bytes) -> str | None:
    """The UTF-16 byte order of ASCII-heavy text (markup, Latin): a NUL in every other byte."""
    sample = data[:2000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def utf16_by_script(data: bytes) -> str | None:
    """UTF-16 without a BOM and without ASCII (so without NUL bytes): the codec under which the
    text reads as Chinese. GB18030 read as UTF-16 falls mostly outside the CJK blocks."""
    if len(data) % 2 or len(data) < 8:
        return None
    sample = data[:4000]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        plausible = sum(1 for ch in text if _PLAUSIBLE.match(ch))
        # prose also has punctuation or line breaks and more than a handful of characters
        breaks = sum(1 for ch in text if ch in "，。、；：\n")
        if plausible >= 0.95 * len(text) and breaks * 100 >= len(text) and len(set(text)) > 8:
            return codec
    return None


_PLAUSIBLE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u201f\s\x20-\x7e]")
