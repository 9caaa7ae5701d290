"""Text helpers for the HTML reader: whitespace as a browser shows it, CJK counting."""

from __future__ import annotations

import re

# Characters a browser renders as blank space. &nbsp; (U+00A0), the ideographic space (U+3000)
# and the en/em spaces (U+2002…) are how editors indent Chinese text, so they are layout too.
_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
# Invisible characters editors leave behind; they are removed, not turned into spaces.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# CJK ideographs, kana, CJK and full-width punctuation, and the quotes/dashes Chinese text uses.
_CJK_CLASS = (
    "\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3100-\u312f"
    "\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\U00020000-\U0003134f"
)
# A space between two CJK characters is a line break or an editor's padding, never a word break.
_LAYOUT_SPACE = re.compile(f"(?<=[{_CJK_CLASS}]) (?=[{_CJK_CLASS}])")
_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KEY_DROP = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def normalize(text: str) -> str:
    """``text`` as one printed line: whitespace collapsed and trimmed, layout spaces in CJK removed."""
    text = _INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return _LAYOUT_SPACE.sub("", text)


def cjk_count(text: str) -> int:
    """How many CJK ideographs ``text`` has: the measure of how much article text a node holds."""
    return len(_IDEOGRAPH.findall(text))


def match_key(text: str) -> str:
    """``text`` reduced to ideographs, letters and digits, to compare two renderings of a title."""
    return _KEY_DROP.sub("", text)
