"""Conventions a document states about its own notes: "the body listed first leads".

National notices write it once, in the first note or in the preamble, and it holds for that note
and every one after it: （…等负责。列第一位者为牵头单位，下同） / 列第一位的为牵头单位 / 排在首位的为牵头部门
/ 第一个单位为牵头单位 / 牵头单位列第一位 / 列第一位为牵头或汇总单位. Where it holds, a note that does
not say itself who leads (no 牵头, no 配合 key) is led by its first body.
"""

from __future__ import annotations

import re

_FIRST = r"(?:第一|首)"
_LEADS = r"(?:牵头|主办|主责|主要责任|责任|汇总)"
FIRST_LISTED_LEADS = re.compile(
    # 列第一位者为牵头单位 / 排在首位的为牵头部门 / 位列第一的是主办单位
    rf"(?:列|排|位列|排列|列于|列在|排在|排于|名列|排名|排序){_FIRST}?(?:在|于)?{_FIRST}(?:位|个|名)?(?:的|者)?"
    rf"(?:单位|部门)?(?:为|是|系)?{_LEADS}"
    # 第一个单位为牵头单位 / 首位单位是牵头部门 / 第一责任单位为牵头单位
    rf"|{_FIRST}(?:个|位|家|列)(?:责任)?(?:单位|部门)?(?:为|是|系){_LEADS}"
    rf"|{_FIRST}(?:责任)?(?:单位|部门)(?:为|是|系){_LEADS}"
    # 牵头单位列第一位 / 牵头部门排在首位
    rf"|{_LEADS}(?:单位|部门)(?:均)?(?:列|排|放)(?:在|于)?{_FIRST}(?:位)?"
)


def states_first_listed_leads(text: str) -> bool:
    """Whether ``text`` states that the body listed first in a note leads."""
    return FIRST_LISTED_LEADS.search(text) is not None
