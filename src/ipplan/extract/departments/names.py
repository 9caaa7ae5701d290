"""Names of responsible bodies: where a list of them splits, and what a body's name looks like.

A list is split on 、，,；; outside brackets ("各县（市、区）人民政府" is one name). In a note, 和 and
及 also join two bodies, but only after a name that ends as an organisation does (or after 等):
"商务部等和各有关省级人民政府" is two bodies, "住房和城乡建设部", "国家发展和改革委员会" and
"中央和国家机关工委" are one each. Whether a name "ends as an organisation does" is read from the
suffixes the genre's bodies carry (部 委 局 办 厅 院 署 会 中心 政府 单位 …), never from a list of names.
"""

from __future__ import annotations

import re

_OPEN = "（(〔【［[《"
_CLOSE = "）)〕】］]》"

# How the names of Chinese public bodies end: ministries and commissions, bureaus and offices,
# governments and their committees, courts, customs, banks, groups and the grassroots units
# (街道, 镇, 社区) that notes name beside them.
ORGANISATION_END = (
    r"(?:部|委|局|办|厅|院|署|司|会|中心|政府|单位|部门|机构|机关|公司|集团|银行|处|室|科|股|队|所|站|社|联|协|团|"
    r"校|馆|台|组|关|庭|中央|党委|委员会|管委会|办公室|小组|企业|协会|商会|高校|学校|医院|街道|镇|乡|社区|"
    r"县|区|市|州|盟|旗|省|分行|支行)"
)
_BODY_END = re.compile(rf"{ORGANISATION_END}(?:[（(][^）)]{{1,12}}[）)])?$")
# what may follow a body's name in a list: 等, 等有关部门, 等单位, 等相关部门 …
_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位|机构|方面)?$")
# "各县（市、区）", "各有关部门", "有关单位", "相关部门": bodies named by their kind
_KIND_OF_BODY = re.compile(r"^(?:各|有关|相关|其他|其它)")
# characters that a clause has and a body's name never has
_NOT_IN_NAME = re.compile(
    r"[。！？!?：:∶“”\"]|应当|应该|必须|要求|对于|进行|开展|加强|推进|做好|确保|按照|根据|以下|以上|各项|任务|"
    r"均需|均由|均要|需要"
)
_NAME_MAX = 30
# a bracketed remark after a name is not part of it: 市卫生健康委（列第一位为牵头单位，下同）
_REMARK = re.compile(
    r"[（(][^（()）]*(?:下同|为牵头|为主办|汇总|列第一|排名|除标注|以下|负责|分工|配合|参与)[^（()）]*[）)]\s*$"
)
# 和/及/与 between two bodies; the left side must end as an organisation does, or with 等
_JOINER = re.compile(r"以及|和|及(?!其)|与")
# 会同 joins the body that leads the work with those it works with: "A会同B、C负责"
_TOGETHER = re.compile(r"会同|联合|协同")


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` split at each of ``separators`` that stands outside brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def split_names(text: str) -> list[str]:
    """Names in printed order, split on 、，,；; outside brackets: "各县（市、区）人民政府" is one
    name (duplicates kept as printed)."""
    stripped = (n.strip(" \u3000。.") for n in split_outside_brackets(text, "、，,；;"))
    return [n for n in stripped if n]


def split_bodies(text: str) -> list[str]:
    """The bodies a note names, in printed order: ``split_names`` and then 和/及/与 and 会同 where
    they join two bodies. "A、B等和各有关省级人民政府" → A, B等, 各有关省级人民政府."""
    out: list[str] = []
    for name in split_names(text):
        out.extend(_split_joined(_REMARK.sub("", name).strip()))
    return [n for n in out if n]


def _split_joined(name: str) -> list[str]:
    parts: list[str] = []
    rest = name
    while True:
        cut = _joint(rest)
        if cut is None:
            parts.append(rest)
            return [p for p in parts if p]
        start, end = cut
        parts.append(rest[:start].strip())
        rest = rest[end:].strip()


def _joint(name: str) -> tuple[int, int] | None:
    """Where 和/及/与/会同 in ``name`` joins two bodies (outside brackets), or None."""
    depth = 0
    for i, ch in enumerate(name):
        if ch in _OPEN:
            depth += 1
            continue
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        m = _JOINER.match(name, i) or _TOGETHER.match(name, i)
        if m is None or i < 2 or m.end() >= len(name):
            continue
        left, right = name[:i], name[m.end() :]
        if (ends_as_body(left) or _ETC.search(left)) and _starts_as_body(right):
            return i, m.end()
    return None


def _starts_as_body(text: str) -> bool:
    """Whether the text after a joiner can be a body's name: a whole name up to the next joiner
    ends as one (so "住房和城乡建设部" is not cut after a 住房 that is no body)."""
    head = re.split(r"以及|和|及(?!其)|与|会同", text, maxsplit=1)[0]
    return ends_as_body(head) or bool(_ETC.search(head)) or ends_as_body(text)


def ends_as_body(name: str) -> bool:
    """Whether ``name`` ends as the name of a public body does (局, 委员会, 人民政府 …)."""
    n = name.strip()
    m = _BODY_END.search(n)
    # a suffix alone ("中央", "市") names no body: something must qualify it
    return m is not None and m.start() >= 1


def looks_like_body(name: str) -> bool:
    """Whether ``name`` can be one body of a department note: a short name that ends as a body
    does, perhaps followed by 等 (等有关部门), or names a kind of body (各县（市、区）, 有关单位)."""
    n = name.strip()
    if not n or len(n) > _NAME_MAX or _NOT_IN_NAME.search(n):
        return False
    core = _ETC.sub("", n)
    if not core:
        return False
    return ends_as_body(core) or (_KIND_OF_BODY.match(n) is not None and len(n) >= 2) or n != core


_NAME_SHAPE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()、]+$")


def could_be_body(name: str) -> bool:
    """Whether ``name`` may be a body's name the suffixes do not know (a ministry's 司, a
    company's brand): short, of name characters only, with no word a clause has."""
    n = name.strip()
    return 2 <= len(n) <= 20 and _NAME_SHAPE.match(n) is not None and not _NOT_IN_NAME.search(n)


def mostly_bodies(names: list[str]) -> bool:
    """Whether a list that a note's verb (负责, 牵头, 配合) closes names bodies: every name could
    be one and most end as bodies do, so one name the suffixes do not know loses no note."""
    if not names or not all(looks_like_body(n) or could_be_body(n) for n in names):
        return False
    return 2 * sum(looks_like_body(n) for n in names) >= len(names)


def all_bodies(names: list[str]) -> bool:
    """Whether every name of a list looks like a body's (an empty list does not)."""
    return bool(names) and all(looks_like_body(n) for n in names)
