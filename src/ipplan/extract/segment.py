"""Where a heading or item title runs on into its body text with nothing between.

The words the genre opens a clause with (为 以 按照 围绕 依托 …) settle most cases at no cost;
only what they cannot settle goes to word segmentation: jieba and its part-of-speech dictionary
(a second or more to load) are loaded on first such use, once per process.
"""

from __future__ import annotations

import logging
import re
from functools import cache

# Words that open a clause of body text in these plans, never the end of a heading.
_CLAUSE_OPENERS = re.compile(
    r"为|以|按照|根据|围绕|依托|坚持|立足|聚焦|结合|通过|依据|面向|针对|紧扣|对标|利用|借助|着力|到\d{4}年"
)


def _cut_at_opener(text: str, min_chars: int, max_chars: int) -> str | None:
    m = _CLAUSE_OPENERS.search(text, min_chars, max_chars + 1)
    return text[: m.start()].strip() if m else None


@cache
def _posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg


# Word classes that start a clause after a heading noun phrase: preposition, verb, conjunction.
_CLAUSE_START = ("p", "c")


def heading_prefix(text: str) -> str:
    """The noun phrase a run-on heading starts with: "指导思想为深学笃用…" → "指导思想"."""
    quick = _cut_at_opener(text, 2, 20)
    if quick:
        return quick
    words = list(_posseg().cut(text))
    seen_noun = False
    pos = 0
    for w in words:
        if seen_noun and (w.flag in _CLAUSE_START or w.flag == "x"):
            return text[:pos].strip()
        if w.flag.startswith(("n", "vn")):
            seen_noun = True
        pos += len(w.word)
        if pos > 20:
            break
    return text[:20].strip()


def lead_phrase(text: str, min_chars: int = 6) -> str:
    """The lead phrase of an item whose full stop was lost: "优化区域知识产权资源配置围绕全区…"
    → "优化区域知识产权资源配置", cut where a verb opens a new clause after a noun."""
    quick = _cut_at_opener(text, min_chars, 30)
    if quick:
        return quick
    pos = 0
    previous = ""
    for w in _posseg().cut(text[:80]):
        if pos >= min_chars and (w.flag in ("v", "p", "c") or w.flag == "x") and previous.startswith("n"):
            return text[:pos].strip()
        pos += len(w.word)
        previous = w.flag
    comma = text.find("，")
    return text[:comma] if comma > 0 else text
