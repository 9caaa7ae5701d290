"""Department notes: who is responsible for an item, in every spelling the genre uses.

Keyed notes name their roles: 责任单位：A、B / 牵头单位：A；配合单位：B、C / 责任部门：A，B、C (the part
before the first ， leads) / 责任单位：A（牵头）、B. Unkeyed notes, the national style, end each clause with
what the bodies do: （A、B按职责分工负责） （A负责） （A、B等负责） （A牵头，B、C按职责分工负责）
（A牵头，B、C参与） （A会同B负责） （A、B等和各有关省级人民政府负责）. A note stands in brackets
（）()〔〕【】[]［］ after any sentence of an item, or as a sentence or a line of its own.

A note whose bodies do not all look like bodies (see ``names``) is no note: "(以下简称打击侵权假冒)"
and "（GB 50180）" are not assignments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ipplan.extract.deadlines import is_deadline_clause
from ipplan.extract.departments.conventions import states_first_listed_leads
from ipplan.extract.departments.names import (
    all_bodies,
    ends_as_body,
    looks_like_body,
    mostly_bodies,
    split_bodies,
    split_outside_brackets,
)
from ipplan.schema import Department

_LEAD_KEYS = r"责任|牵头|主办|主责|负责|承办|主管"
_SUPPORT_KEYS = r"配合|参与|协办|协助|协同|支持|参加"
_KEY_NOUNS = r"(?:部门|单位|处室|科室|股室|机构|方|领导单位)"
# 牵头单位, 配合责任单位, 市级牵头单位, 县级责任单位, 责任部门（单位）
_KEY_TIER = r"(?:[省市州县区镇乡]级)?"
_KEY_TEXT = rf"{_KEY_TIER}(?:{_LEAD_KEYS}|{_SUPPORT_KEYS})(?:责任)?{_KEY_NOUNS}(?:[（(](?:单位|部门)[）)])?"
_COLON = "：:∶"
_TIER = re.compile(r"^[省市州县区镇乡]级")
_KEY = re.compile(rf"({_KEY_TEXT})\s*[{_COLON}]")
# keys of a note that carry something other than bodies (a time limit, the official in charge):
# only departments are departments
_OTHER_KEY = re.compile(
    r"(?:^|(?<=[；;，,。\s]))((?:完成|工作|进度|时间|实施)?(?:时限|时间|期限|节点|安排|进度|要求|目标|备注|说明)"
    rf"(?:节点|要求|安排)?|(?:责任|分管|牵头|联系)?(?:领导|责任人|联系人|领导同志))\s*[{_COLON}]"
)
# 【责任单位】A、B: a key in brackets of its own instead of a colon
_BRACKETED_KEY = re.compile(rf"[【\[［〔]\s*({_KEY_TEXT}|完成时限|时间节点|完成时间)\s*[】\]］〕]")
_DEADLINE_KEY = re.compile(r"时限|时间|期限|节点|进度")
_OPEN = "（(〔【［["
_CLOSE = "）)〕】］]"
_PAIR = dict(zip(_OPEN, _CLOSE, strict=True))

# what an unkeyed clause says the bodies before it do
_LEAD_VERB = re.compile(r"(?:分别|共同|负责)?牵头(?:负责|落实|实施|推进|办理|抓总)?$")
_SUPPORT_VERB = re.compile(
    r"(?:等)?(?:共同|积极|按职责|按职责分工)?(?:参与|配合|协助|协同|参加|支持)(?:实施|落实)?$"
)
_DUTY_VERB = re.compile(
    r"(?:等)?(?:按照?职责分工|按照?职责|依职责|根据职责|按职能|按照?各自职责|分工|分别|共同|具体|负责)?"
    r"(?:负责|落实|承担|实施|组织实施|推进|办理)(?:落实)?$"
)
# "此项工作由A负责": the bodies come after 由
_AGENT = re.compile(r"^(?:(?:此项|该项|本项|具体|以上|上述|相关|各项)?(?:工作|任务)?由|请)")
# a clause that remarks on the notes rather than naming bodies: 下同, 不再做分工, 除标注…外,
# 各项任务均需各市州人民政府落实
_REMARK_CLAUSE = re.compile(r"下同|不再|除标注|以下简称|均需|均由|均要|各项任务")


def _without_remarks(value: str) -> str:
    """A keyed note's value without its remark clauses: 市政务办、市发改委；列第一位的为牵头单位，下同."""
    kept = []
    for clause in split_outside_brackets(value, "；;"):
        # a remark in brackets after a name (市科技局（排名第一的为牵头单位，下同）) is the names'
        # own, and is taken off the name itself
        bare = _IN_BRACKETS.sub("", clause)
        if not (_REMARK_CLAUSE.search(bare) or states_first_listed_leads(bare)):
            kept.append(clause)
    return "；".join(kept)


_IN_BRACKETS = re.compile(r"[（(][^（()）]*[）)]")
# "A（牵头）、B": a body marked as lead inside a list
_LEAD_MARK = re.compile(r"\s*[（(]\s*(?:牵头|牵头单位|牵头部门|主办|主责)\s*[）)]$")


@dataclass(slots=True)
class Assignment:
    """Who is responsible, as one note states it.

    ``lead`` is set where the note itself says who leads (a 牵头 key or mark, 牵头 after names,
    the comma of 责任部门：A，B、C); ``marked`` tells whether that came from words (牵头, 配合 …)
    rather than from the comma, since a convention the document states (列第一位者为牵头单位)
    overrides the comma but not the words.
    """

    departments: list[Department]
    lead: list[str] | None
    raw: str
    marked: bool = False
    deadline: str | None = None
    start: int = 0  # where the note starts in the text it was found in
    end: int = 0
    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.names:
            self.names = [d.name for d in self.departments]


def parse_assignment(body: str) -> Assignment:
    """A note's text (without brackets) → departments with roles and the lead names. Text
    with no key is read as one list of names."""
    found = parse_note(body)
    if found is not None:
        return found
    return Assignment([Department(name=n) for n in split_bodies(body)], None, body)


def parse_note(body: str, *, closing: bool = False) -> Assignment | None:
    """A note's text (without brackets) as an assignment, or None where it is no note. A
    ``closing`` note (in brackets at the end of an item, or on a line of its own) may be a bare
    list of bodies (市市场监管局、市科技局), as plans that state which one leads write them."""
    text = _BRACKETED_KEY.sub(r"\1：", body).strip()
    if not text:
        return None
    if _KEY.search(text):
        return _keyed(text)
    return _unkeyed(text, closing=closing)


# --- keyed notes ---------------------------------------------------------------------------------


def _keyed(body: str) -> Assignment | None:
    keys = sorted(
        [(m.start(), m.end(), m.group(1), True) for m in _KEY.finditer(body)]
        + [(m.start(1), m.end(), m.group(1), False) for m in _OTHER_KEY.finditer(body)]
    )
    if not keys or body[: keys[0][0]].strip(" （(〔【"):
        return None  # a note starts with its key; "加强责任部门：…" is a sentence
    parts: list[tuple[str, str]] = []
    deadline = None
    for k, (_, end, key, is_department) in enumerate(keys):
        stop = keys[k + 1][0] if k + 1 < len(keys) else len(body)
        value = body[end:stop].strip(" ；;。.，,")
        if is_department:
            # what follows the names' sentence is a remark (…负责。具体任务均涉及…，下同), as is a
            # clause after ； that states a convention or a blanket duty (；列第一位的为牵头单位，下同)
            value = _without_remarks(value.split("。", 1)[0])
            parts.append((_TIER.sub("", key), value))
        elif _DEADLINE_KEY.search(key) and value:
            deadline = value
    if len(parts) == 1 and re.match(r"责任|负责|主管", parts[0][0]):
        found = _marked_leads(parts[0][1], body) or _single_list(parts[0][1], body)
        found.deadline = deadline
        return found
    # beside a 牵头 key, 责任单位 names those who carry the work out under the lead
    has_leader = any(re.match(r"牵头|主办|主责|承办", key) for key, _ in parts)
    departments: list[Department] = []
    lead: list[str] = []
    for key, names_text in parts:
        supports = re.match(_SUPPORT_KEYS, key) or (has_leader and re.match(r"责任|负责", key))
        role = "support" if supports else "lead"
        names, _ = _clause_names(names_text)
        for name in names:
            departments.append(Department(name=name, role=role))
            if role == "lead":
                lead.append(name)
    return Assignment(departments, lead or None, body, marked=True, deadline=deadline)


def _marked_leads(names_text: str, raw: str) -> Assignment | None:
    """ "A（牵头）、B、C": the body marked 牵头 leads, the others support."""
    names = split_bodies(names_text)
    if not any(_LEAD_MARK.search(n) for n in names):
        return None
    departments = [
        Department(name=_LEAD_MARK.sub("", n), role="lead" if _LEAD_MARK.search(n) else "support")
        for n in names
    ]
    lead = [d.name for d in departments if d.role == "lead"]
    return Assignment(departments, lead, raw, marked=True)


def _single_list(names_text: str, raw: str) -> Assignment:
    """One list: "A，B、C" → A leads; "A、B、C" → no lead named; "A、B分别牵头" → both lead."""
    names, verb = _clause_names(names_text)
    if verb == "lead":
        return Assignment([Department(name=n, role="lead") for n in names], names, raw, marked=True)
    before, *after = split_outside_brackets(names_text, "，,")
    if after:
        leads, _ = _clause_names(before)
        rest, _ = _clause_names("，".join(after))
        departments = [Department(name=n, role="lead") for n in leads]
        departments += [Department(name=n, role="support") for n in rest]
        return Assignment(departments, leads, raw)
    return Assignment([Department(name=n) for n in names], None, raw)


# --- unkeyed notes (the national style) ----------------------------------------------------------


def _unkeyed(body: str, *, closing: bool = False) -> Assignment | None:
    """（A、B按职责分工负责） （A牵头，B、C参与） （A、B等负责。列第一位者为牵头单位，下同）: the
    first sentence names the bodies; what follows it (a convention, a remark) names none."""
    sentence = re.split(r"[。.]", body, maxsplit=1)[0]
    clauses = [c.strip() for c in split_outside_brackets(sentence, "，,；;") if c.strip()]
    if not clauses:
        return None
    read: list[tuple[list[str], str | None]] = []
    deadline = None
    has_verb = False
    for clause in clauses:
        if is_deadline_clause(clause):
            deadline = clause
            continue
        if _REMARK_CLAUSE.search(clause) or states_first_listed_leads(clause):
            continue  # …负责，列第一位者为牵头单位，下同: a remark about the notes names no body
        names, verb = _clause_names(clause)
        if not mostly_bodies(names):
            return None
        has_verb = has_verb or verb is not None
        read.append((names, verb))
    if not read or not (has_verb or deadline or closing):
        return None  # inside a sentence, a list of names without saying what they do is no note
    if not has_verb and not all(all_bodies(names) for names, _ in read):
        return None
    marks = any(_LEAD_MARK.search(n) for names, _ in read for n in names)
    leading = marks or any(verb == "lead" for _, verb in read)
    departments: list[Department] = []
    lead: list[str] = []
    for names, verb in read:
        for name in names:
            marked = _LEAD_MARK.search(name) is not None
            role = "lead" if verb == "lead" or marked else ("support" if leading else None)
            name = _LEAD_MARK.sub("", name)
            departments.append(Department(name=name, role=role))  # type: ignore[arg-type]
            if role == "lead":
                lead.append(name)
    return Assignment(departments, lead or None, body, marked=leading, deadline=deadline)


def _clause_names(clause: str) -> tuple[list[str], str | None]:
    """The bodies a clause names and what it says they do: "lead" (牵头), "support" (参与, 配合),
    "duty" (负责, 按职责分工负责) or None (names alone)."""
    text = _AGENT.sub("", clause.strip(" 。."))
    for verb, pattern in (("lead", _LEAD_VERB), ("support", _SUPPORT_VERB), ("duty", _DUTY_VERB)):
        m = pattern.search(text)
        if m and m.start() > 0:
            head = text[: m.start()]
            etc = m.group(0).startswith("等")  # "A、B等负责": 等 belongs to the list
            return split_bodies(head + ("等" if etc else "")), verb
    return split_bodies(text), None


# --- finding notes in text -----------------------------------------------------------------------

_SENTENCE_START = r"(?:^|(?<=[。；;！？]))\s*"
# a note without brackets: a sentence of its own that starts with its key (…。责任单位：A、B。,
# …。【牵头单位】A【配合单位】B), or with 由 (…。此项工作由A牵头，B配合。)
_KEY_START = rf"(?:{_KEY_TEXT}\s*[{_COLON}]|[【\[［〔]\s*{_KEY_TEXT}\s*[】\]］〕])"
_BARE_KEYED = re.compile(rf"{_SENTENCE_START}({_KEY_START}[^。]*)(?:。|$)")
_THIS_WORK = r"(?:(?:此项|该项|本项|上述|以上)(?:工作|任务)?)?"
_BARE_AGENT = re.compile(rf"{_SENTENCE_START}({_THIS_WORK}由[^。]*)(?:。|$)")
# the bodies a clause makes its agents, whatever the work it gives them (…的问题，由A会同B、C等部门
# 研究提出落实意见): 由 opens the clause, bodies follow, then the work
_AGENT_CLAUSE = re.compile(r"(?:^|(?<=[。；;！？，,]))\s*(由([^，,。；;]+)[^。]*)")
_ETC_WORK = re.compile(r"等(?:有关|相关)?(?:部门|单位|机构)(?=\S)")
_TOGETHER_WORD = "会同"
# the work the agents are given: a verb opens it
_WORK_START = re.compile(
    r"负责|牵头|组织|研究|提出|制定|抓好|落实|推进|实施|开展|统筹|指导|督促|协调|做好|完成|承担|出台|编制|建立|完善|加强|办理"
)


def _agent_clause(clause: str) -> Assignment | None:
    """由A会同B、C等部门研究提出… → A, B, C等部门 (roles unsaid: 会同 names no lead), or None.

    Only the assignment's own shapes are read: a list closed by 等部门 before the work, or bodies
    joined by 会同; 由市科技局组织评审 describes a procedure, not who answers for the item."""
    names = split_outside_brackets(clause[1:], "、")
    last = names[-1]
    m = _ETC_WORK.search(last)
    if m is not None:
        cut = m.end()
    elif _TOGETHER_WORD in clause:
        ends = (
            k for k in range(len(last) - 1, 1, -1) if ends_as_body(last[:k]) and _WORK_START.match(last, k)
        )
        cut = next(ends, 0)
    else:
        return None
    bodies = split_bodies("、".join([*names[:-1], last[:cut]])) if cut else []
    if not all_bodies(bodies):
        return None
    return Assignment([Department(name=n) for n in bodies], None, clause)


def find_notes(text: str) -> list[Assignment]:
    """Every department note in ``text``, in printed order: bracketed notes after any sentence,
    and keyed sentences of their own."""
    found: list[Assignment] = []
    for start, end, inner in _bracketed(text):
        # a bare list closes an item after its last sentence (…5家。（A、B）); right after a name
        # it qualifies that name (报送省农委（科教处）)
        closing = not text[end:].strip(" 。.；;") and (start == 0 or text[:start].rstrip()[-1:] in "。；;！!")
        note = parse_note(inner, closing=closing)
        if note is not None and note.departments:
            note.start, note.end = start, end
            found.append(note)
    for pattern in (_BARE_KEYED, _BARE_AGENT):
        for m in pattern.finditer(text):
            if any(n.start <= m.start(1) < n.end for n in found):
                continue
            note = parse_note(m.group(1))
            if note is not None and note.departments:
                note.start, note.end = m.start(1), m.end()
                found.append(note)
    for m in _AGENT_CLAUSE.finditer(text):
        if any(n.start <= m.start(1) < n.end for n in found):
            continue
        # the rest of the sentence may be a note (…的问题，由A牵头，B、C等部门参与), else its first
        # clause names the agents of the work it gives
        note = parse_note(m.group(1))
        if note is None or not note.departments:
            note = _agent_clause("由" + m.group(2))
            end = m.start(1) + 1 + len(m.group(2))
        else:
            end = m.end()
        if note is not None:
            note.start, note.end = m.start(1), end
            found.append(note)
    found.sort(key=lambda n: n.start)
    return found


def find_note(text: str) -> tuple[Assignment, int] | None:
    """The department note that ends ``text`` (only punctuation after it), and where it starts."""
    notes = find_notes(text)
    if not notes:
        return None
    last = notes[-1]
    if text[last.end :].strip(" 。.；;）)"):
        return None
    return last, last.start


def _bracketed(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of each outermost bracketed span of ``text``."""
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((i, ch))
        elif ch in _CLOSE and stack:
            start, opener = stack.pop()
            if _PAIR[opener] != ch and ch not in "）)" and opener not in "（(":
                continue
            if not stack:
                spans.append((start, i + 1, text[start + 1 : i]))
    return spans


def standalone_assignment(text: str) -> Assignment | None:
    """A paragraph that is nothing but a department note: （责任部门：…；参与部门：…） on its own
    line, 责任单位：A、B, or an unkeyed note in brackets."""
    t = text.strip().rstrip("。.")
    if not t:
        return None
    if t[0] in _OPEN:
        spans = _bracketed(t)
        if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] == len(t):
            note = parse_note(spans[0][2], closing=True)
            return note if note is not None and note.departments else None
        return None
    if _KEY.match(t) or _BRACKETED_KEY.match(t):
        note = parse_note(t)
        return note if note is not None and note.departments else None
    return None


# a line that gives only a time limit, printed under an item's note lines (完成时限：2023年12月底前)
_DEADLINE_LINE = re.compile(
    rf"^(?:完成时限|完成时间|时间节点|完成期限|时限要求|时间要求)\s*[{_COLON}]\s*(\S.*)$"
)


def standalone_deadline(text: str) -> str | None:
    """The time limit of a line that states nothing else (完成时限：2023年12月底前), or None."""
    m = _DEADLINE_LINE.match(text.strip().rstrip("。."))
    return m.group(1).strip() if m else None


def merged(first: Assignment, second: Assignment) -> Assignment:
    """Two note lines printed one under the other (牵头单位：A / 责任单位：B) read as one note."""
    joined = parse_note(first.raw + "；" + second.raw)
    if joined is None:
        return first
    joined.deadline = joined.deadline or first.deadline or second.deadline
    return joined


def is_whole_note_line(text: str) -> bool:
    """Whether ``text`` is a department note line whose every body reads as a whole name: a
    line of its own that an export did not break (牵头单位：A；配合单位：B、C)."""
    note = standalone_assignment(text)
    return note is not None and is_complete(note)


def is_complete(note: Assignment) -> bool:
    """Whether every body of a note reads as a whole name (a cut-off page may end mid-name)."""
    return all(looks_like_body(d.name) for d in note.departments)
