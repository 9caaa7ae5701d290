"""The notice's metadata from its front matter (GB/T 9704 版头, 标题, 主送机关, 落款).

Finds the 发文字号, the 关于印发…的通知 wrapper (often broken over several lines), the issuer
(the organ before 关于, or the signature), the 成文日期, the plan's own title and its period,
and where the plan's body starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from ipplan.blocks import Block, Paragraph
from ipplan.extract.departments import split_names
from ipplan.outline.labels import chinese_number, match_label
from ipplan.schema import Meta, Period

_FRONT_MATTER_BLOCKS = 60
_TAIL_BLOCKS = 12

_DOC_NUMBER = re.compile(
    r"^(?P<prefix>[\u4e00-\u9fff]{1,15})\s*[〔\[［【(（]?\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]?\s*"
    r"(?P<no>\d{1,5})\s*号?$"
)
_DATE_CN = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DATE_CN_NUMERALS = re.compile(
    r"^([〇○零一二三四五六七八九]{4})年([〇○零一二三四五六七八九十]{1,3})月([〇○零一二三四五六七八九十]{1,3})日$"
)
_DATE_COMPACT = re.compile(r"^((?:19|20)\d{2})[-./]?(\d{2})[-./]?(\d{2})$")
_DATE_DASHED = re.compile(r"^((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})$")
_PERIOD = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*[-—–～~至到]+\s*((?:19|20)\d{2})\s*年?\s*[）)]")
_PERIOD_ANY = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–～~至到]+\s*((?:19|20)\d{2})\s*年")
_ONE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?(?=.{0,30}(?:方案|计划|要点))")
_FIVE_YEAR_PLAN = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?")
_TITLE_END = r"(?:工作方案|实施方案|行动方案|方案|规划|计划|实施意见|意见|办法|纲要|细则|要点|措施)"
_TITLE_RUN_ON = re.compile(
    rf"^(.{{4,60}}?{_TITLE_END}(?:\s*[（(][^）)]{{0,20}}[）)])?)(?=为|根据|按照|以|现将|[一二三四五六七八九十]、)"
)
_FILE_NAME = re.compile(r"\.(docx?|wps|pdf|txt|html?)$", re.I)
_ORGAN_END = re.compile(r"(政府|办公室|办公厅|委员会|管委会|局|厅|部|院|会|办|中心|小组)$")
_CITED = re.compile(r"《(.+)》")


@dataclass(slots=True)
class FrontMatter:
    meta: Meta
    body_start: int  # index of the block where the plan's body starts, after its title
    title_split: int | None = None  # chars of that block taken by a run-on title


def _para_texts(blocks: list[Block]) -> list[tuple[int, str]]:
    return [(i, b.text) for i, b in enumerate(blocks[:_FRONT_MATTER_BLOCKS]) if isinstance(b, Paragraph)]


def extract_meta(blocks: list[Block], hints: dict[str, str] | None = None) -> FrontMatter:
    """Metadata and the start of the plan's body."""
    hints = hints or {}
    paras = _para_texts(blocks)
    meta = Meta()
    notice = _notice_title(paras)
    hinted = hints.get("title") or ""
    if "关于" in hinted and hinted.endswith("通知") and (not notice or len(hinted) >= len(notice[0])):
        # a site's own metadata gives the notice title whole, where the body may break it or
        # lose its punctuation
        notice = (hinted, notice[1] if notice else -1, notice[2] if notice else -1)
    notice_end = -1
    if notice:
        meta.notice_title, _, notice_end = notice
    meta.doc_number = (
        normalise_doc_number(hints["doc_number"]) if hints.get("doc_number") else _doc_number(paras)
    )
    title, body_start, split = _plan_title(paras, blocks, meta.notice_title, notice_end)
    meta.title = title
    tail = [(i, b.text) for i, b in enumerate(blocks[-_TAIL_BLOCKS:]) if isinstance(b, Paragraph)]
    meta.issuer = hints.get("issuer") or _issuer(meta.notice_title, paras, tail)
    when = parse_date(hints["issue_date"]) if hints.get("issue_date") else None
    meta.issue_date = when or _issue_date(paras, tail)
    meta.recipients = _recipients(paras, notice_end, body_start)
    meta.period = plan_period(meta.title, meta.notice_title)
    return FrontMatter(meta, body_start, split)


def normalise_doc_number(text: str) -> str | None:
    """柳高新[2022]2号 → 柳高新〔2022〕2号; repairs a lost closing bracket and 号."""
    m = _DOC_NUMBER.match(re.sub(r"\s+", "", text))
    if not m:
        return None
    return f"{m['prefix']}〔{m['year']}〕{m['no']}号"


_DOC_NUMBER_IN_LINE = re.compile(
    r"(?<![《（(\u4e00-\u9fff])([\u4e00-\u9fff]{1,15}\s*[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*\d{1,5}\s*号)"
)


def _doc_number(paras: list[tuple[int, str]]) -> str | None:
    """The 发文字号: a line of its own, else one sharing its line with 签发人 and the like."""
    for _, text in paras:
        t = text.strip()
        if len(t) <= 30:
            found = normalise_doc_number(t)
            if found:
                return found
    for _, text in paras[:12]:
        t = text.strip()
        m = _DOC_NUMBER_IN_LINE.search(t) if len(t) <= 40 else None
        if m:
            return normalise_doc_number(m.group(1))
    return None


def _notice_title(paras: list[tuple[int, str]]) -> tuple[str, int, int] | None:
    """The 关于印发…的通知 title, joined from the lines it is printed on: (text, first, last)."""
    for k, (_, text) in enumerate(paras):
        t = text.strip()
        if "通知" not in t or len(t) > 120 or t.endswith(("。", "：", ":")):
            continue
        if not re.search(r"(的|之)?通知$", t):
            continue
        start = k
        joined = t
        while "关于" not in joined and start > 0 and k - start < 5:
            start -= 1
            joined = paras[start][1].strip() + joined
        if "关于" not in joined:
            continue
        # the organ's name may stand on lines of its own above "关于…"
        while start > 0 and _title_line(paras[start - 1][1]):
            before = paras[start - 1][1].strip()
            joined = before + joined
            start -= 1
            if _ORGAN_END.search(before) or k - start > 6:
                break
        if "印发" not in joined and "转发" not in joined:
            continue
        return joined, paras[start][0], paras[k][0]
    return None


def _title_line(text: str) -> bool:
    """A short line that can be part of a title printed over several lines."""
    t = text.strip()
    return (
        0 < len(t) <= 30
        and not re.search(r"[。：:，,；;]", t)
        and not t.endswith("文件")
        and normalise_doc_number(t) is None
        and parse_date(t) is None
    )


def _cited_title(notice: str) -> str | None:
    m = _CITED.search(notice)
    if m:
        return m.group(1)
    m = re.search(r"(?:印发|转发)(.+?)的?通知$", notice)
    return m.group(1) if m else None


def _squash(s: str) -> str:
    return re.sub(r"[\s“”\"'‘’《》「」]", "", s)


def _plan_title(
    paras: list[tuple[int, str]], blocks: list[Block], notice: str | None, notice_end: int
) -> tuple[str | None, int, int | None]:
    """The plan's own title (joined from its lines), the index of the block the body starts at
    (the one after the title's last line), and, where the title runs on into the body in one
    block, how much of that block the title takes."""
    cited = _cited_title(notice) if notice else None
    after = [(i, t.strip()) for i, t in paras if i > notice_end and t.strip()]
    if cited:
        target = _squash(cited)
        for k, (_, t) in enumerate(after):
            if not target.startswith(_squash(t)[:6] or "\0"):
                continue
            joined, m = t, k
            while len(_squash(joined)) < len(target) and m + 1 < len(after) and m - k < 5:
                m += 1
                joined += after[m][1]
            if _squash(joined) == target:
                # prefer the cited form where the printed one lost punctuation (quotes)
                return (cited if len(cited) > len(joined) else joined), after[m][0] + 1, None
        return cited, (after[0][0] if after else 0), None
    for k, (i, t) in enumerate(after):
        if _FILE_NAME.search(t) or match_label(t):
            continue
        run_on = _TITLE_RUN_ON.match(t)
        if run_on and len(t) > 80:
            return run_on.group(1), i, len(run_on.group(1))
        if len(t) <= 60 and not re.search(r"[。；：:]", t) and re.search(_TITLE_END, t):
            joined = t
            m = k
            while (
                m + 1 < len(after)
                and len(after[m + 1][1]) <= 40
                and _continues_title(joined, after[m + 1][1])
            ):
                m += 1
                joined += after[m][1]
            return joined, after[m][0] + 1, None
        if len(t) > 60 and k > 3:
            break
    # no title-like line: the first line of text, if short
    for i, t in after:
        if not _FILE_NAME.search(t) and len(t) <= 60 and not match_label(t):
            return t, i + 1, None
        break
    return None, 0, None


def _continues_title(joined: str, nxt: str) -> bool:
    if _PERIOD.fullmatch(nxt.strip()):
        return True
    return (
        not re.search(f"{_TITLE_END}$", joined) and not re.search(r"[。；：:]", nxt) and not match_label(nxt)
    )


def _issuer(notice: str | None, paras: list[tuple[int, str]], tail: list[tuple[int, str]]) -> str | None:
    """The organ before 关于 in the notice title, else the 版头's "XX文件", else the signature
    standing above the date of a plan signed at its end."""
    if notice:
        head = notice.split("关于", 1)[0].strip()
        if head:
            return head
    for _, text in paras[:8]:
        t = text.strip()
        if t.endswith("文件") and len(t) > 4:
            return t[:-2]
    for (_, above), (_, below) in pairwise(tail):
        signature = above.strip()
        if parse_date(re.sub(r"\s+", "", below)) and _title_line(signature) and _ORGAN_END.search(signature):
            return signature
    return None


def parse_date(text: str) -> date | None:
    """A 成文日期 printed as 2022年10月27日, 二〇二二年十月二十七日, 2022-10-27 or 20221027."""
    t = re.sub(r"\s+", "", text)
    for pattern in (_DATE_CN, _DATE_DASHED, _DATE_COMPACT):
        m = pattern.match(t)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    m = _DATE_CN_NUMERALS.match(t)
    if m:
        year = chinese_number(m[1])
        month, day = chinese_number(m[2]), chinese_number(m[3])
        if year and month and day:
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


_CN_DIGIT = "〇○零一二三四五六七八九十"
_SIGNED_DATE = re.compile(
    rf"((?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日|[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}]{{1,3}}月[{_CN_DIGIT}]{{1,3}}日)$"
)


_SPACE_RUN = re.compile(r"[\s\u2002\u3000]+")
_INK_RUN = re.compile(r"[^\s\u2002\u3000]+")


def _squeezed(text: str, limit: int) -> str | None:
    """``text`` without its spaces when that is at most ``limit`` characters long, else None.

    Stops reading at the limit: a paragraph may be a whole document on one line.
    """
    if len(text) <= 4 * limit:
        t = _SPACE_RUN.sub("", text)
        return t if len(t) <= limit else None
    pieces: list[str] = []
    size = 0
    for m in _INK_RUN.finditer(text):
        size += m.end() - m.start()
        if size > limit:
            return None
        pieces.append(m.group())
    return "".join(pieces)


def _issue_date(paras: list[tuple[int, str]], tail: list[tuple[int, str]]) -> date | None:
    """The 成文日期: the first date standing alone on its line under the notice's signature,
    else one ending the signature line, else the last such date of a plan signed at its end."""
    for lines in (paras, tail[::-1]):
        for _, text in lines:
            t = _squeezed(text, 16)
            if t is not None:
                found = parse_date(t)
                if found:
                    return found
        for _, text in lines:
            t = _squeezed(text, 40)
            m = _SIGNED_DATE.search(t) if t is not None and not re.search(r"[。，,；;]", t) else None
            if m:
                return parse_date(m.group(1))
    return None


def _recipients(paras: list[tuple[int, str]], notice_end: int, body_start: int) -> list[str]:
    for i, text in paras:
        if notice_end < i < max(body_start, notice_end + 4):
            t = text.strip()
            if t.endswith(("：", ":")) and len(t) <= 80:
                return split_names(t.rstrip("：:"))
    return []


def plan_period(title: str | None, notice: str | None) -> Period | None:
    """（2022-2025年） in the title, or the years of a “十四五” plan."""
    for text in (title, notice):
        if not text:
            continue
        m = _PERIOD.search(text) or _PERIOD_ANY.search(text)
        if m and int(m[1]) <= int(m[2]):
            return Period(start=int(m[1]), end=int(m[2]))
        m = _ONE_YEAR.search(text)
        if m:
            return Period(start=int(m[1]), end=int(m[1]))
        m = _FIVE_YEAR_PLAN.search(text)
        if m:
            n = 10 + (chinese_number(m[1]) or 0)
            start = 1966 + 5 * (n - 3)  # five-year plans run in step from the 3rd (1966-1970)
            return Period(start=start, end=start + 4)
    return None
