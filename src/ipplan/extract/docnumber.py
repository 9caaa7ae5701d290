"""The 发文字号 (GB/T 9704 7.2.4): 机关代字 + 〔年份〕 + 发文顺序号 + 号.

Printed with 〔〕 as the standard says, or with [] ［］ 【】 () （） ﹝﹞ where a typist or a web
editor had no 〔〕, with spaces inside (X政发 〔2019〕 8号, 温政办〔2022〕73 号), in brackets of its
own under a title ((宝府办〔2009〕59号)), or scraped with its closing bracket and 号 lost
(桂市监函〔20212676). ``doc_number`` reads one into (normalised, as printed).
"""

from __future__ import annotations

import re

_OPEN = "〔[［【(（﹝"
_CLOSE = "〕]］】)）﹞"
_SP = r"[\s\u00a0\u3000]*"
_YEAR = r"(?:19|20)\d{2}"
# a 机关代字 is a short run of ideographs; a title's words before a bracket are not one
_NOT_A_PREFIX_END = re.compile(
    r"(?:方案|规划|计划|纲要|意见|要点|通知|办法|细则|措施|决定|报告|目标|年度|年|和|与|及|的|之)$"
)
_DOC_NUMBER = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fffA-Za-z]{{1,15}}){_SP}"
    rf"(?:(?P<open>[{re.escape(_OPEN)}]){_SP})?(?P<year>{_YEAR}){_SP}(?P<close>[{re.escape(_CLOSE)}])?{_SP}"
    rf"(?P<no>\d{{1,5}}){_SP}(?P<hao>[号號])?"
)
_LABEL = re.compile(rf"^(?:发{_SP}文{_SP}字{_SP}号|发文文号|文{_SP}号|字{_SP}号){_SP}[:：]?{_SP}")
_ENCLOSED = re.compile(rf"^[(（]{_SP}(.+?){_SP}[)）]$")
# what may follow a 文号 on its line: its date, the 签发人, another label
_AFTER = re.compile(r"^(?:[\s\u00a0\u3000]|签发|$|(?:19|20)\d{2}|[〇○零一二]{4}年)")


def _normalised(m: re.Match[str], labelled: bool = False) -> str | None:
    # under a 文号 label the prefix is a 机关代字 whatever it ends with (临发改规划〔2022〕13号)
    if not labelled and _NOT_A_PREFIX_END.search(m["prefix"]):
        return None
    opened, closed = m["open"], m["close"]
    if not opened and not closed:
        return None  # 柳高新2022年2号, a bare run of digits: no 文号
    if opened and not closed and opened not in "〔[［【﹝":
        # a scrape lost the closing bracket (and perhaps 号): only after a bracket that never
        # encloses anything else; （2022 opens a period as often as a 文号
        return None
    if closed and not opened and closed not in "〕]］】﹞":
        return None
    if not m["hao"] and not (opened and closed) and len(m["no"]) == 4 and m["no"][:2] in ("19", "20"):
        return None  # (20222023: a period that lost its dash, not 〔2022〕2023号
    return f"{m['prefix']}〔{m['year']}〕{m['no']}{m['hao'] or '号'}"


def normalise_doc_number(text: str, labelled: bool = False) -> str | None:
    """柳高新[2022]2号 → 柳高新〔2022〕2号: ``text`` that is one 文号, normalised; else None.
    ``labelled``: the text is a 文号 field's value, so its prefix may end like a title's word."""
    t = text.strip()
    enclosed = _ENCLOSED.match(t)
    if enclosed:
        t = enclosed.group(1)
    m = _DOC_NUMBER.fullmatch(t)
    return _normalised(m, labelled) if m else None


def doc_number(line: str) -> tuple[str, str] | None:
    """The 文号 a front-matter line prints, as (normalised, as printed), or None.

    The line is the 文号 alone (perhaps labelled 发文字号： or in brackets of its own), or starts
    with it and goes on with its date or the 签发人, as a 版头 prints them on one line.
    """
    t = line.strip()
    label = _LABEL.match(t)
    if label:
        t = t[label.end() :]
    enclosed = _ENCLOSED.match(t)
    if enclosed:
        t = enclosed.group(1)
    m = _DOC_NUMBER.match(t)
    if m is None or not _AFTER.match(t[m.end() :]):
        return None
    found = _normalised(m)
    return (found, m.group(0).strip()) if found else None


_IN_LINE = re.compile(
    rf"(?:^|(?<=[\s\u3000|｜]))([\u4e00-\u9fff]{{1,15}}{_SP}[〔\[［【﹝]{_SP}{_YEAR}{_SP}[〕\]］】﹞]{_SP}\d{{1,5}}{_SP}[号號])"
    r"(?=[\s\u3000|｜《]|$)"  # a page may print the 文号 right before the 《title》
)


def doc_number_in_line(line: str) -> tuple[str, str] | None:
    """A 文号 standing among other items of a header line (title, 文号, date, labels, separated
    by spaces or bars), as (normalised, as printed); never one cited in a sentence."""
    for m in _IN_LINE.finditer(line):
        found = normalise_doc_number(m.group(1))
        if found:
            return found, m.group(1)
    return None
