"""The front matter's lines, each read as what it is in the genre, and the title-like lines
joined into runs.

A line is page chrome or a page's metadata line (``pagemeta``), a 版头 mark, a 发文字号
(``docnumber``), a date (``dates``), a closing line (特此通知, （此件公开发布）, 抄送), a numbered
heading, a news headline, a signature with its date, a 主送机关 line (各…：), a title-like line or
text. Title-like lines in a row are joined into runs where the genre breaks one title (or one
issuer's name) over several lines; ``meta`` reads the runs as titles, 版头 and signatures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ipplan.blocks import Block, Table
from ipplan.extract import pagemeta
from ipplan.extract.dates import find_dates, parse_date
from ipplan.extract.docnumber import doc_number, doc_number_in_line
from ipplan.outline.labels import match_label

FRONT_MATTER_BLOCKS = 60
MAX_FRONT_SCAN = 400  # blocks of chrome a scrape may carry above the document
_MAX_RUN_LINES = 6
_SHORT_VALUE = 12
_MAX_FRONT_LINE = 400  # longer lines are text, whatever else they hold

# the kinds of document a title names at its end (GB/T 9704 文种, and a plan's own kinds)
KIND = (
    r"(?:工作方案|实施方案|行动方案|方案|规划|计划|实施意见|指导意见|意见|办法|纲要|细则|要点|措施|通知|决定"
    r"|报告|清单|分工表|分解表|一览表|表|安排|批复|公告|通告|条例|规定|指南|要求|任务分工|责任分工|分工|分解|函)"
)
PERIOD_TAIL = r"(?:[\s\u3000]*[（(][^（）()]{0,20}[）)])?"
TITLE_END = re.compile(rf"{KIND}{PERIOD_TAIL}$")
# a line under a title that belongs to it: （2022-2025年）, （试行）, （征求意见稿）, 2022—2025年
# （2022-2025年）, （试行）, （征求意见稿） under a title; not a sentence in brackets under it
# （责任单位中排在第一位的为牵头单位）
_SUBTITLE_LINE = re.compile(
    r"^(?:[（(](?![^（）()]*(?:的为|牵头|负责|单位|部门|下同))[^（）()]{1,20}[）)]"
    r"|(?:19|20)\d{2}\s*年?\s*[-－—–~～至]+\s*(?:19|20)\d{2}\s*年?)$"
)
_SITE_SUFFIX = re.compile(
    rf"^(.{{4,}}?{KIND}{PERIOD_TAIL})[\s\u3000]*(?:[-_|｜]|——)[\s\u3000]*[^-_|｜\s]{{2,30}}$"
)
FILE_NAME = re.compile(r"\.(docx?|wps|pdf|txt|html?)$", re.I)
_ORGAN_END = re.compile(
    # (廳 辦 會: the same names in traditional script, as gov.cn's big5 gateway serves them)
    r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|部|院|会|办|中心|小组|联席会议|委|署|府|廳|辦|會)"
    r"(?:[（(](?:代章|盖章|印章|印|章)[）)])?$"
)
_ALIAS = re.compile(r"[（(][^（）()]{2,20}(?:局|厅|委|办|室|会|院|部)[）)]$")
SEAL = re.compile(r"[（(](?:代章|盖章|印章|印|章)[）)]$")
CITATION = re.compile(r"《[^》]*》")
_NUMBER_MARK = re.compile(r"[〔\[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*\d{1,5}\s*号")  # a 文号 is no title
_TRAILING_NUMBER = re.compile(r"^(.{4,}?)[\s\u3000]*[（(]([^（）()]{4,30}号)[）)]$")
_CLOSING = re.compile(
    r"^(?:特此(?:通知|函告|报告|批复|公告|通告)[。.]?|[（(](?:此件|本件)[^）)]{0,12}[）)]|[（(](?:代章|盖章|印章)[）)]"
    r"|抄送[:：].*|附件\d{0,2}[:：]?.*)$"
)
# GB/T 9704 版头 marks above the issuer: 份号, 密级和保密期限, 紧急程度
_HEADER_MARK = re.compile(r"^(?:\d{6}|(?:绝密|机密|秘密)(?:★.{0,6})?|特急|加急|特提|平急|急件)$")
_SENTENCE_MARK = re.compile(r"[。；;：:！!？?，,]")
# characters a scrape lost at the end of a line (non-breaking spaces turned into ?):
# 辽宁省人民政府 国家知识产权局? ? ? ??, 2024年7月30日? ??
_LOST_TAIL = re.compile(r"(?:[\s\u00a0]*[?\ufffd]){2,}$|[\s\u00a0]+[?\ufffd]$")
# the cell bar a flattened table leaves after a line's text: …的 通知 |
_TRAILING_BAR = re.compile(r"(?<=[^|｜\s])[\s\u00a0]*[|｜]$")
# a news lead over a reposted document: X于…印发《Y》，全文如下： (no 主送机关)
_NEWS_LEAD_END = re.compile(r"(?:全文如下|原文如下|全文)[:：]$|》[^《》]{0,6}(?:如下|内容如下)[:：]$")
_OPENERS = {"《": "》", "（": "）", "(": ")", "“": "”", "〔": "〕", "[": "]", "【": "】"}


# --- the lines ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """One front-matter line and what it is: ``kind`` is one of blank, file (a file name), meta
    (a metadata line or table, ``pairs``), chrome, row (a table row of a text export), table,
    doc_number (``number``, and ``when`` a date beside it), date, closing, contents (a 目录 and
    its entries), label (a numbered heading), headline, signed (organ and date), recipients,
    title, prose."""

    index: int  # the block's index
    text: str
    kind: str
    pairs: list[tuple[str, str]] = field(default_factory=list)
    number: tuple[str, str] | None = None  # a 文号: (normalised, as printed)
    when: date | None = None  # a date the line prints (alone, after a 文号, ending a signature)
    iso: bool = False  # the date is printed 2022-10-27 (a page's), not 2022年10月27日 (a document's)


@dataclass(slots=True)
class Run:
    """Title-like lines joined: a title, a 版头, a signature."""

    lines: list[Line]
    text: str

    @property
    def first(self) -> int:
        return self.lines[0].index

    @property
    def last(self) -> int:
        return self.lines[-1].index


def squeezed(text: str) -> str:
    """``text`` without any spaces."""
    return re.sub(r"[\s\u3000\u00a0]+", "", text)


def classify(index: int, raw: str) -> Line:
    text = _TRAILING_BAR.sub("", _LOST_TAIL.sub("", raw.strip()))
    if not text:
        return Line(index, text, "blank")
    if pagemeta.DIGEST.match(text):
        return Line(index, text, "chrome")
    if len(text) > _MAX_FRONT_LINE:
        return Line(index, text, "prose")  # a paragraph (or a whole document on one line)
    if FILE_NAME.search(text):
        return Line(index, text, "file")
    pairs = pagemeta.read_label_line(text)
    if pairs:
        return Line(index, text, "meta", pairs=pairs)
    if "\t" in text:
        return Line(index, text, "row")  # a table row of a text export
    if pagemeta.is_chrome(text):
        return Line(index, text, "chrome")
    number = doc_number(text)
    if number:
        rest = text[text.find(number[1]) + len(number[1]) :] if number[1] in text else ""
        dates = find_dates(rest)
        return Line(index, text, "doc_number", number=number, when=dates[0].value if dates else None)
    compact = squeezed(text)
    bare = compact.strip("（）()")
    if len(bare) <= 16 and parse_date(bare):
        return Line(index, text, "date", when=parse_date(bare), iso="年" not in bare)
    if _CLOSING.match(compact):
        return Line(index, text, "closing")
    if _HEADER_MARK.match(compact):
        return Line(index, text, "chrome")  # 份号, 密级, 紧急程度 of the 版头
    if compact == "目录":
        return Line(index, text, "contents")
    if match_label(text):
        return Line(index, text, "label")
    if pagemeta.is_news_headline(text):
        return Line(index, text, "headline")
    at_signature = signed(text)
    if at_signature:
        return Line(index, at_signature[0], "signed", when=at_signature[1])
    if text.endswith(("：", ":")) and len(text) <= 200 and not _NEWS_LEAD_END.search(text):
        return Line(index, text, "recipients")
    tagged = _TRAILING_NUMBER.match(text)
    if tagged and title_like(tagged.group(1)):
        # 关于…的通知（穗府办〔2007〕25号）: a title with its 文号 on one line
        number = doc_number(tagged.group(2))
        if number:
            return Line(index, tagged.group(1), "title", number=number)
    header = doc_number_in_line(text)
    if header:
        # a page's header line: 关于…的通知 国知战联办〔2018〕24号 2018年12月27日 发布机关：…
        head = text[: text.find(header[1])].strip()
        if head and title_like(head) and TITLE_END.search(head):
            rest = text[text.find(header[1]) + len(header[1]) :]
            dates = find_dates(rest)
            when = dates[0].value if dates else None
            iso = bool(dates) and "年" not in rest[dates[0].start : dates[0].end]
            return Line(index, head, "title", number=header, when=when, iso=iso)
    site = _SITE_SUFFIX.match(text)
    if site:
        text = site.group(1)  # XX方案 - 某某文库, XX方案_某市人民政府: the page's <title> copied
    if title_like(text):
        return Line(index, text, "title")
    return Line(index, text, "prose")


def front_lines(blocks: list[Block]) -> list[Line]:
    """The lines of the front matter, classified: the first ``FRONT_MATTER_BLOCKS`` blocks that
    are not page chrome or metadata (a scrape may carry long menus above the document)."""
    lines: list[Line] = []
    counted = 0
    for i, block in enumerate(blocks[:MAX_FRONT_SCAN]):
        if isinstance(block, Table):
            pairs = _table_pairs(block)
            lines.append(Line(i, "", "meta", pairs=pairs) if pairs else Line(i, "", "table"))
        elif block.numbering_label and block.text.strip():
            lines.append(Line(i, block.text.strip(), "label"))  # a heading Word numbers
        else:
            lines.append(classify(i, block.text))
        if lines[-1].kind not in ("blank", "chrome", "meta"):
            counted += 1
            if counted >= FRONT_MATTER_BLOCKS:
                break
    return lines


def _table_pairs(table: Table) -> list[tuple[str, str]] | None:
    """The label/value pairs of a metadata table (索引号 | … | 发布机构 | … rows) read as a grid."""
    pairs: list[tuple[str, str]] = []
    for row in table.rows[:12]:
        found = pagemeta.read_label_line(" | ".join(c.text for c in row if not c.spanned) + " |")
        if found:
            pairs.extend(found)
    labels = {label for label, _ in pairs}
    return pairs if len(labels) >= 2 and labels & pagemeta.RARE else None


def mark_contents(lines: list[Line], head: int, end: int) -> None:
    """The entries of a 目录 are no title or heading; a title printed after them, just above
    the body, stays one."""
    inside = [ln for ln in lines if head <= ln.index < end]
    last_entry = max((ln.index for ln in inside if ln.kind == "label"), default=head)
    for line in inside:
        if line.index <= last_entry or line.kind != "title":
            line.kind = "contents"


def pair_label_lines(lines: list[Line]) -> None:
    """A label alone on its line (索引号, 成文日期：) takes the line below it as its value, as a
    flattened metadata table prints them; a colon-less one only among other labels or where only
    a metadata block uses it. The last label of a block takes the line below only where it is a
    value of that label (a date for 成文日期): an empty 主题词： stands over the document's title."""
    shown = [ln for ln in lines if ln.kind != "blank"]
    alone = {ln.index: pagemeta.label_only(ln.text) for ln in shown}
    labels = sum(1 for v in alone.values() if v)
    for k, line in enumerate(shown[:-1]):
        found = alone.get(line.index)
        if not found or (line.kind == "meta" and line.pairs and line.pairs[-1][1]):
            continue
        label, colon = found
        # 有效性 under a row of the block (…成文日期 2021-02-22 废止日期) is the block's last label
        in_block = k > 0 and shown[k - 1].kind == "meta"
        if not (colon or label in pagemeta.RARE or labels >= 2 or in_block):
            continue
        line.kind, line.pairs = "meta", [(label, "")]
        below = shown[k + 1]
        if alone.get(below.index) or below.kind == "meta" or len(below.text) > 100:
            continue
        after = shown[k + 2] if k + 2 < len(shown) else None
        block_goes_on = after is not None and (alone.get(after.index) or after.kind == "meta")
        if block_goes_on or _fits(label, below.text):
            line.pairs = [(label, below.text)]
            below.kind = "meta"


def _fits(label: str, value: str) -> bool:
    """Whether ``value`` can be the value of ``label`` (where no next label says so)."""
    key = pagemeta.LABELS.get(label)
    if key in ("issue_date", "sent_date", "publish_date"):
        return bool(find_dates(value)) or parse_date(value) is not None
    if key == "doc_number":
        return doc_number(value) is not None
    if key == "index_number":
        return bool(re.search(r"\d{4}", value))
    if key is None:
        # 主动公开, 有效, 其他文件: a short word; a title's first line names an organ or says 关于
        return len(value) <= _SHORT_VALUE and "关于" not in value and not is_organ(value)
    return key != "title" and is_organ(value)


def signed(text: str) -> tuple[str, date] | None:
    """A signature and its date on one line: 某某县人民政府办公室 2024年3月5日."""
    t = text.strip()
    if len(t) > 60 or _SENTENCE_MARK.search(t):
        return None
    dates = find_dates(t)
    if not dates or dates[-1].end != len(t) or dates[-1].start == 0:
        return None
    organ = t[: dates[-1].start].strip()
    return (organ, dates[-1].value) if is_organ(organ) else None


def title_like(text: str) -> bool:
    """A line that can be (part of) a title: short, no sentence punctuation outside 《》."""
    outside = CITATION.sub("", text)
    limit = 120 if TITLE_END.search(text) else 60
    return 0 < len(text) <= limit and not _SENTENCE_MARK.search(outside) and not _NUMBER_MARK.search(outside)


def is_organ(text: str) -> bool:
    # 浙江省市场监督管理局（浙江省知识产权局）: a name with its other name in brackets
    t = _ALIAS.sub("", squeezed(text))
    return 2 < len(t) <= 40 and "关于" not in t and bool(_ORGAN_END.search(t)) and not TITLE_END.search(t)


def _unbalanced(text: str) -> bool:
    return any(text.count(o) > text.count(c) for o, c in _OPENERS.items()) or text.count("“") > text.count(
        "”"
    )


# a line a title cannot start with: a conjunction joining it to the line above
_CONTINUES = re.compile(r"^(?:和|及|与|以及|暨)(?!其)")


def _joins(run: Run, nxt: Line) -> str | None:
    """What joins ``nxt`` to the title-like run above it ("" for a title or a name broken over
    lines, a space between two issuers' names), or None where ``nxt`` starts something new."""
    if len(run.lines) >= _MAX_RUN_LINES:
        return None
    prev = run.text
    if _SUBTITLE_LINE.match(nxt.text):
        # （2022-2025年）, （试行）, （征求意见稿） under the title
        return "" if TITLE_END.search(prev) is not None or not is_organ(prev) else None
    if is_organ(prev):
        # joint issuers over several lines, or the issuer's name over the rest of the title
        # (重庆市人民政府办公厅 / 关于…, or broken inside the name: …联席会议 / 办公室关于…)
        if is_organ(nxt.text):
            return " "
        if re.match(r"(?:关于|联合|印发|转发|批转)", nxt.text):
            return ""
        head = nxt.text.split("关于", 1)[0] if "关于" in nxt.text else None
        return "" if head is not None and is_organ(prev + head) else None
    if prev.endswith("文件"):
        return None  # a 版头
    if _unbalanced(prev):
        return ""
    if TITLE_END.search(prev) and not _CONTINUES.match(nxt.text):
        return None  # …的通知 ends a title, unless the next line goes on (…（2021-2025年） / 和…的通知)
    if is_organ(nxt.text):
        # a name broken over lines (广西…工作厅际 / 联席会议办公室（代章）), not a title over a signature
        return "" if not prev.endswith((")", "）")) and is_organ(prev + nxt.text) else None
    return ""


def title_runs(lines: list[Line]) -> tuple[list[Run], set[int]]:
    """Consecutive title lines joined into runs; also the lines that repeat the line above them
    (a page headline printed again as the title)."""
    runs: list[Run] = []
    repeats: set[int] = set()
    current: Run | None = None
    for line in lines:
        if line.kind == "blank":
            continue
        if line.kind != "title":
            current = None
            continue
        if current is not None and squeezed(line.text) == squeezed(current.lines[-1].text):
            repeats.add(line.index)
            continue
        glue = _joins(current, line) if current is not None else None
        if current is not None and glue is not None:
            current.lines.append(line)
            current.text = _join_text(current.text, line.text, glue)
            continue
        current = Run([line], line.text)
        runs.append(current)
    return runs, repeats


def _join_text(a: str, b: str, glue: str) -> str:
    if re.search(r"[A-Za-z0-9]$", a) and re.match(r"[A-Za-z0-9]", b):
        return f"{a} {b}"
    return a + glue + b


def is_text(line: Line) -> bool:
    """A line of the document's text (its 主送机关, a sentence, a heading): no title follows."""
    return line.kind in ("label", "recipients", "table") or (
        line.kind == "prose" and bool(re.search(r"[。；;]", line.text))
    )
