"""Word segmentation, only where a heading runs on into its body text with nothing between.

jieba and its dictionary are loaded on first use, once per process.
"""

from __future__ import annotations

import logging
from functools import cache


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
    pos = 0
    previous = ""
    for w in _posseg().cut(text[:80]):
        if pos >= min_chars and (w.flag in ("v", "p", "c") or w.flag == "x") and previous.startswith("n"):
            return text[:pos].strip()
        pos += len(w.word)
        previous = w.flag
    comma = text.find("，")
    return text[:comma] if comma > 0 else text
