"""Responsible bodies: 责任部门：A，B、C / 牵头单位：…；配合单位：… / 责任单位：A、B.

How the genre writes who leads: in one list, the bodies before the first "，" lead and the rest
support ("A，B、C"); with separate keys, 牵头/责任/主办 lead and 配合/参与/协办 support. A list
joined only by "、" names no lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipplan.schema import Department

_LEAD_KEYS = r"责任|牵头|主办|主责|负责"
_SUPPORT_KEYS = r"配合|参与|协办|协助|协同|支持"
_KEY = re.compile(
    rf"((?:{_LEAD_KEYS}|{_SUPPORT_KEYS})(?:部门|单位|处室|科室|机构|方)(?:[（(](?:单位|部门)[）)])?)\s*[：:]"
)
# a note in brackets at the end of an item: （责任部门：…） 〔责任部门（单位）：…〕 【牵头单位：…】
_NOTE = re.compile(
    rf"[（(〔【\[［]\s*((?:{_LEAD_KEYS}|{_SUPPORT_KEYS})(?:部门|单位|处室|科室|机构|方)(?:[（(](?:单位|部门)[）)])?\s*[：:].*?)[）)〕】\]］]\s*[。.]?\s*$"
)
# the same note without brackets, as the last sentence of an item: …。责任单位：A、B。
_BARE_NOTE = re.compile(
    rf"(?:^|(?<=[。；;]))\s*((?:{_LEAD_KEYS}|{_SUPPORT_KEYS})(?:部门|单位|处室|科室|机构|方)(?:[（(](?:单位|部门)[）)])?\s*[：:][^。]*?)[。.]?\s*$"
)
_SPLIT = re.compile(r"[、，,；;]")


@dataclass(slots=True)
class Assignment:
    """Who is responsible, as a note states it."""

    departments: list[Department]
    lead: list[str] | None
    raw: str


def find_note(text: str) -> tuple[Assignment, int] | None:
    """The department note that ends ``text``, and where it starts."""
    m = _NOTE.search(text) or _BARE_NOTE.search(text)
    if not m:
        return None
    # the non-greedy match may have started at an earlier bracket: keep the last key's bracket
    return parse_assignment(m.group(1)), m.start()


def standalone_assignment(text: str) -> Assignment | None:
    """A paragraph that is nothing but an assignment (applies to every item of its subsection)."""
    t = text.strip()
    m = _NOTE.fullmatch(t) if t[:1] in "（(〔【[［" else None
    if m:
        return parse_assignment(m.group(1))
    if _KEY.match(t):
        return parse_assignment(t)
    return None


def parse_assignment(body: str) -> Assignment:
    """``责任部门：A；参与部门：B、C`` → departments with roles and the lead names."""
    keys = list(_KEY.finditer(body))
    if not keys:
        names = split_names(body)
        return Assignment([Department(name=n) for n in names], None, body)
    parts = []
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(body)
        parts.append((m.group(1), body[m.end() : end].strip(" ；;。.，,")))
    if len(parts) == 1 and re.match(r"责任|负责", parts[0][0]):
        return _marked_leads(parts[0][1], body) or _single_list(parts[0][1], body)
    # beside a 牵头 key, 责任单位 names those who carry the work out under the lead
    has_leader = any(re.match(r"牵头|主办|主责", key) for key, _ in parts)
    departments: list[Department] = []
    lead: list[str] = []
    for key, names_text in parts:
        supports = re.match(_SUPPORT_KEYS, key) or (has_leader and re.match(r"责任|负责", key))
        role = "support" if supports else "lead"
        for name in split_names(names_text):
            departments.append(Department(name=name, role=role))
            if role == "lead":
                lead.append(name)
    return Assignment(departments, lead or None, body)


_LEAD_MARK = re.compile(r"\s*[（(]\s*(?:牵头|牵头单位|主办)\s*[）)]$")


def _marked_leads(names_text: str, raw: str) -> Assignment | None:
    """ "A（牵头）、B、C": the body marked 牵头 leads, the others support."""
    names = split_names(names_text)
    if not any(_LEAD_MARK.search(n) for n in names):
        return None
    departments = [
        Department(name=_LEAD_MARK.sub("", n), role="lead" if _LEAD_MARK.search(n) else "support")
        for n in names
    ]
    return Assignment(departments, [d.name for d in departments if d.role == "lead"], raw)


def _single_list(names_text: str, raw: str) -> Assignment:
    """One list: "A，B、C" → A leads; "A、B、C" → no lead named."""
    comma = re.search(r"[，,]", names_text)
    if comma:
        leads = split_names(names_text[: comma.start()])
        departments = [Department(name=n, role="lead") for n in leads]
        departments += [Department(name=n, role="support") for n in split_names(names_text[comma.end() :])]
        return Assignment(departments, leads, raw)
    return Assignment([Department(name=n) for n in split_names(names_text)], None, raw)


def split_names(text: str) -> list[str]:
    """Names in printed order, split on 、，,；; outside brackets: "各县（市、区）人民政府" is one
    name (duplicates kept as printed)."""
    names: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and _SPLIT.match(ch):
            names.append(text[start:i])
            start = i + 1
    names.append(text[start:])
    stripped = (n.strip(" \u3000。.") for n in names)
    return [n for n in stripped if n]


_OPEN = "（(〔【［[《"
_CLOSE = "）)〕】］]》"
