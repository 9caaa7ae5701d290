"""The document's front matter (GB/T 9704 版头, 标题, 主送机关, 落款) and the page around it.

The first lines of a document are read as what they are in the genre:

* page chrome (breadcrumbs, print/share bars, headlines about the document) and a page's
  metadata lines (索引号 | … | 发布机构 | … |, 成文日期：…) (``pagemeta``);
* the 版头 (XX人民政府文件, or the organ's name over the 发文字号), the 发文字号 (``docnumber``);
* the 标题, printed over one line or several, with the issuing organ at its head (X关于Y的意见)
  or without it; a 关于印发《Y》的通知 wrapper whose plan Y follows the notice;
* the 主送机关 line (各…：), the notice's text, the 落款 (organ) and 成文日期 (``dates``).

From these: the plan's title (as printed), the notice title, the 文号, the issuer, the 成文日期,
the page's own publish date, the period (``period``), and where the plan's body starts (past a
table of contents printed before it, ``contents``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from itertools import pairwise

from ipplan.blocks import Block, Paragraph
from ipplan.extract import pagemeta
from ipplan.extract.contents import body_after_contents, contents_span
from ipplan.extract.dates import find_dates, parse_date
from ipplan.extract.docnumber import doc_number_in_line, normalise_doc_number
from ipplan.extract.frontlines import (
    CITATION,
    FILE_NAME,
    FRONT_MATTER_BLOCKS,
    KIND,
    MAX_FRONT_SCAN,
    SEAL,
    TITLE_END,
    Line,
    Run,
    front_lines,
    is_organ,
    is_text,
    mark_contents,
    pair_label_lines,
    signed,
    squeezed,
    title_like,
    title_runs,
)
from ipplan.extract.period import opening_period, plan_period
from ipplan.schema import Meta, Period

__all__ = ["FrontMatter", "extract_meta", "normalise_doc_number", "parse_date", "plan_period"]

# lines that are front matter wherever they stand before the text
_FRONT_KINDS = ("meta", "chrome", "headline", "file", "doc_number", "date", "closing", "signed")
_TAIL_BLOCKS = 12
_CONTENTS_AFTER_TITLE = 12  # blocks after the title within which a 目录 belongs to the front matter
_TITLE_RUN_ON = re.compile(
    rf"^(.{{4,60}}?{KIND}(?:\s*[（(][^）)]{{0,20}}[）)])?)"
    # the text, or the 主送机关 (各县、市、区人民政府，…：) the title runs on into
    r"(?=\s*(?:为|根据|按照|以|现将|[一二三四五六七八九十]、)|\s*各[^，,。：:]{1,30}[，,、：:])"
)
_WRAPPER = re.compile(
    r"^(?P<head>.*?)(?:关于)?(?:联合)?(?:印发|转发|批转|下发|下达|颁发|发布|公布)(?P<cited>.+?)(?:的|之)?通知$"
)
_CITED = re.compile(r"《([^》]+)》")  # the first plan a notice issues
# the notice's own sentence issuing the plan: 现将《X》印发给你们, 《X》已经…同意，现予印发
# 现将《X》印发给你们; not a document cited as issued before (《X》（国办发〔2010〕47号）印发以来)
_ISSUING_SENTENCE = re.compile(
    r"《([^》]{4,120})》[^。]{0,40}?(?:印发|转发|下发|下达|发布|颁布)(?!以来|后|之后|实施以来)"
)
# news of the document: 中共中央 国务院印发《X》 as a headline, …，中共中央、国务院印发了《X》，并发出通知…
_ISSUED_HEADLINE = re.compile(
    r"^(?P<head>.{2,40}?)[\s\u3000]*(?:联合)?(?:印发|发布|颁布)了?《(?P<cited>[^》]{4,120})》$"
)
_ISSUED_NEWS = re.compile(
    r"(?:^|[，,。\s])(?:近日|日前|近期)?[，,]?(?P<head>[^，,。；;：:\s]{2,30}(?:[、\s][^，,。；;：:\s]{2,30}){0,4}?)"
    # …印发了《X》, or with the day it was issued: X于2022年7月7日印发《Y》，全文如下：
    r"(?:(?:联合)?(?:印发|发布|颁布)了|于(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:联合)?(?:印发|发布|颁布)了?)"
    r"《(?P<cited>[^》]{4,120})》"
)
# a notice's title at the start of a page flattened to one line, before its 主送机关
_RUN_ON_NOTICE = re.compile(r"^(.{6,150}?通知)[\s\u3000]*(?=各[^，,。：:]{1,30}[，,、：:])")
_CHUNK_MARK = re.compile(r"^1[、.．]\s*(?=\S)")
_STATED_ISSUE = re.compile(r"^\s*(?:印发|签发|正式印发)")
_TRAILING_NUMBER = re.compile(
    r"[\s\u3000]*[（(][^（）()]{1,20}〔\d{4}〕\d{1,5}号[）)]$"
)  # a headline's （国办发〔2019〕3号）
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff“”《》（）〔〕])[\s\u3000]+(?=[\u3400-\u9fff“”《》（）〔〕])")


@dataclass(slots=True)
class FrontMatter:
    meta: Meta
    body_start: int  # index of the block where the plan's body starts, after its title
    title_split: int | None = None  # chars of that block taken by a run-on title


def _tidy_title(text: str) -> str:
    """A title as printed, without the layout spaces a centred heading gets between ideographs
    and without the 《》 a page may print a whole title in (the README's title has none)."""
    title = _CJK_SPACE.sub("", text.strip())
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        title = title[1:-1].strip()
    return title


# --- reading the front matter ---------------------------------------------------------------------


def extract_meta(blocks: list[Block], hints: dict[str, str] | None = None) -> FrontMatter:
    """Metadata and the start of the plan's body."""
    hints = dict(hints or {})
    lines = front_lines(blocks)
    toc = contents_span(blocks, 0, lines[-1].index + 1 if lines else 0)
    if toc:
        mark_contents(lines, *toc)
    pair_label_lines(lines)
    for line in lines:
        if line.kind == "meta":
            for key, value in pagemeta.hints_from_pairs(line.pairs).items():
                hints.setdefault(f"line_{key}", value)
    runs, repeats = title_runs(lines)
    reading = _Reading(lines, runs, repeats, hints)
    meta = Meta()
    reading.find_title()
    meta.notice_title = reading.notice
    meta.title = _tidy_title(reading.title) if reading.title else None
    number = reading.doc_number()
    if number:
        meta.doc_number, meta.doc_number_raw = number
    body_start = reading.body_start()
    if toc and toc[0] <= body_start + _CONTENTS_AFTER_TITLE:
        body_start = max(body_start, toc[1])
    else:
        body_start = body_after_contents(blocks, body_start)
    # the signature and date of a plan signed at its end (not lines of the front matter)
    tail_start = max(len(blocks) - _TAIL_BLOCKS, body_start + 1)
    tail = [(i, b.text) for i, b in enumerate(blocks[tail_start:]) if isinstance(b, Paragraph)]
    meta.issuer = reading.issuer(tail)
    meta.issue_date = reading.issue_date(tail)
    meta.published = reading.published()
    meta.recipients = reading.recipients()
    meta.period = plan_period(meta.title, meta.notice_title) or reading.opening_period(body_start)
    return FrontMatter(meta, body_start, reading.title_split)


class _Reading:
    """The front matter's lines read in the genre's order."""

    def __init__(self, lines: list[Line], runs: list[Run], repeats: set[int], hints: dict[str, str]):
        self.lines = lines
        self.runs = runs
        self.repeats = repeats
        self.hints = hints
        self.notice: str | None = None
        self.notice_run: Run | None = None
        self.title: str | None = None
        self.title_run: Run | None = None
        self.title_split: int | None = None
        self.run_on_index: int | None = None
        self.issued_by: str | None = None  # the organs a news line says issued the document
        self.number_date: date | None = None  # the date printed beside a 文号 inside a header line
        self.run_on_date: date | None = None  # the 落款 date of a notice run on into one line

    # -- title ---------------------------------------------------------------------------------

    def _hint(self, key: str) -> str | None:
        value = self.hints.get(key) or self.hints.get(f"line_{key}")
        return value.strip() if value and value.strip() else None

    def _evidence(self) -> list[str]:
        """Titles the page states outside the text: its 标题 row, its headline, its <title>."""
        found = []
        for key in ("title", "headline", "page_title"):
            value = self._hint(key)
            if value and not pagemeta.is_news_headline(value) and not pagemeta.is_chrome(value):
                found.append(_TRAILING_NUMBER.sub("", value))
        return found

    def find_title(self) -> None:
        runs = [r for r in self.runs if not r.text.endswith("文件") and not is_organ(r.text)]
        evidence = self._evidence()
        wrapper = next((r for r in runs if _wrapper(r.text)), None)
        hinted_wrapper = next((e for e in evidence if _wrapper(e)), None)
        if wrapper or hinted_wrapper:
            printed = wrapper.text if wrapper else None
            # a site's metadata gives the notice title whole where the text breaks it or loses
            # its punctuation
            if hinted_wrapper and (not printed or _squash(hinted_wrapper) == _squash(printed)):
                self.notice = (
                    hinted_wrapper if not printed or len(hinted_wrapper) >= len(printed) else printed
                )
            else:
                self.notice = printed
            self.notice_run = wrapper
            self._plan_after_notice(runs)
            return
        news = self._issued_news()
        if news:
            cited, self.issued_by, at = news
            run = next((r for r in runs if r.first > at and _same_title(r.text, cited)), None)
            self.title_run = run
            self.title = _prefer_punctuated(run.text, cited) if run else cited
            return
        for e in evidence:
            run = next((r for r in runs if _squash(r.text) == _squash(e)), None) or _split_print(self.runs, e)
            if run:
                self._take(run, e)
                return
        cited = self._issuing_sentence()
        if cited:
            after = [r for r in runs if r.first > cited[1]]
            run = next((r for r in after if _same_title(r.text, cited[0])), None)
            self.title_run = run
            self.title = _prefer_punctuated(run.text, cited[0]) if run else cited[0]
            if self.notice is None:
                self._run_on_notice(*cited)
            return
        first_text = next((ln.index for ln in self.lines if is_text(ln)), None)
        above = [
            r
            for r in runs
            if (first_text is None or r.first <= first_text) and r.lines[0].index not in self.repeats
        ]
        # a line that names a document's kind (…规划, …方案) is the title, not a site's tag or
        # menu line above it (yl6809永利 / 团队动态 / 当前位置… / X“十四五”规划)
        named = next((r for r in above if TITLE_END.search(r.text)), None)
        if named or above:
            self._take(named or above[0], None)
            return
        if evidence:
            self.title = evidence[0]
            return
        self._run_on_title()
        if self.title is None:
            # a document library's listing names the file: 关于…工作方案.docx
            named = next((ln.text for ln in self.lines if ln.kind == "file"), None)
            stem = FILE_NAME.sub("", named) if named else ""
            if stem and title_like(stem) and TITLE_END.search(stem):
                self.title = stem

    def _take(self, run: Run, stated: str | None) -> None:
        # a page prints its headline and then the document's own title, with its date and
        # source line between: the later print is the document's, the body starts after it
        first_text = next((ln.index for ln in self.lines if is_text(ln)), MAX_FRONT_SCAN)
        again = [
            r for r in self.runs if run.last < r.first < first_text and _squash(r.text) == _squash(run.text)
        ]
        self.title_run = again[-1] if again else run
        self.title = _prefer_punctuated(self.title_run.text, stated) if stated else self.title_run.text

    def _plan_after_notice(self, runs: list[Run]) -> None:
        cited = _cited_title(self.notice or "")
        if not cited:
            return
        after = self.notice_run.last if self.notice_run else -1
        for run in runs:
            if run.first > after and _same_title(run.text, cited):
                self.title_run = run
                self.title = _prefer_punctuated(run.text, cited)
                return
        # the plan printed under the notice's signature and date, its title worded a little
        # differently from the notice's (咸宁市实施质量兴市战略… for 咸宁市质量兴市战略…): the
        # plan's own print is its title
        for run in runs:
            closing = self._previous_line(run.first)
            if (
                run.first > after
                and closing is not None
                and closing.kind in ("date", "signed")
                and TITLE_END.search(run.text)
                and not _wrapper(run.text)
                and SequenceMatcher(None, _squash(run.text), _squash(cited)).ratio() >= 0.6
            ):
                self.title_run = run
                self.title = run.text
                return
        self.title = cited

    def _issued_news(self) -> tuple[str, str, int] | None:
        """(the document, its issuers, the line) where a page reports the document's issue above
        it: a headline 中共中央 国务院印发《X》 or a lead …，国务院办公厅印发了《X》，并发出通知."""
        for line in self.lines:
            if line.kind in ("title", "headline"):
                m = _ISSUED_HEADLINE.match(line.text)
                if m is None and line.kind == "title":
                    return None  # a title of its own: a plan's opening may report other documents
            elif line.kind == "prose":
                m = _ISSUED_NEWS.search(line.text)
            elif is_text(line):
                return None
            else:
                continue
            if m and is_organ(m["head"].replace("、", "")):
                return m["cited"], m["head"], line.index
            if is_text(line):
                return None
        return None

    def _issuing_sentence(self) -> tuple[str, int] | None:
        """The plan the notice's text issues (现将《X》印发给你们) and that line's index."""
        for line in self.lines:
            if line.kind in ("prose", "recipients"):
                m = _ISSUING_SENTENCE.search(line.text)
                if m:
                    return m.group(1), line.index
        return None

    def _run_on_notice(self, cited: str, index: int) -> None:
        """A notice run on into one line with its plan, as a page flattened to one line prints
        it: 成都市人民政府关于印发X的通知 各区(市)县政府…： 《X》…现印发给你们… 二○○五年十二月十二日 X 为…;
        its title starts the line and its 落款 date stands just before the plan's title."""
        text = next((ln.text for ln in self.lines if ln.index == index), "")
        m = _RUN_ON_NOTICE.match(text)
        if m is None or not _wrapper(m.group(1)):
            return
        self.notice = m.group(1)
        want = _squash(cited)
        for found in find_dates(text[m.end() :]):
            after = text[m.end() + found.end :].lstrip()
            if _squash(after[: len(cited) + 8]).startswith(want):
                self.run_on_date = found.value
                return

    def _run_on_title(self) -> None:
        """A title run on into the text in one line, as a one-line export prints it."""
        for line in self.lines:
            if line.kind in ("blank", "file", "chrome", "meta"):
                continue
            if len(line.text) <= 40 and not re.search(r"[。；;]", line.text):
                continue  # a page's byline (编辑: … 2019-01-14) above the run-on text
            m = _TITLE_RUN_ON.match(line.text)
            if m and len(line.text) > 80:
                # a document library numbers the chunks of its preview (1、 2、 3、 at line starts):
                # the first chunk's 1、 is no part of the title
                self.title = _CHUNK_MARK.sub("", m.group(1))
                self.title_split = len(m.group(1))
                self.run_on_index = line.index
            return

    # -- 文号, issuer, dates ---------------------------------------------------------------------

    def doc_number(self) -> tuple[str, str] | None:
        stated = self._hint("doc_number")
        if stated:
            found = normalise_doc_number(stated, labelled=True)
            if found:
                return found, stated
        # the 文号 stands above the text: in the 版头, or under the title as web pages print it;
        # a page may put a news lead above a reposted notice, so the search starts over at the
        # notice's title
        starts = [0] + ([self.notice_run.first] if self.notice_run else [])
        for start in starts:
            for line in self.lines:
                if line.index < start:
                    continue
                if line.kind in ("prose", "label", "recipients"):
                    break
                if line.number:
                    return line.number
        # or among the items of a header line (title 国知战联办〔2018〕24号 2018年12月27日 …)
        for line in self.lines:
            if is_text(line):
                break
            found = doc_number_in_line(line.text) if line.kind in ("prose", "title", "meta") else None
            if found:
                after = find_dates(line.text[line.text.find(found[1]) + len(found[1]) :])
                self.number_date = after[0].value if after else None
                return found
        return None

    def issuer(self, tail: list[tuple[int, str]]) -> str | None:
        stated = self._hint("issuer")
        signature = self._signature()
        if stated:
            return signature if signature and _shortened(stated, signature) else stated
        # the 版头 (发文机关标志) names the issuer in full; a title may shorten it (市政府关于…)
        for run in self.runs:
            if run.text.endswith("文件") and len(run.text) > 4:
                return run.text[:-2]
        head = _head_organ(self.notice) or _head_organ(self.title) or self.issued_by
        if head and not (signature and _shortened(head, signature)):
            return head
        if signature:
            return signature
        for line in self.lines:
            if line.kind == "signed":
                return line.text
        for (_, above), (_, below) in pairwise(tail):
            organ = above.strip()
            if parse_date(squeezed(below)) and title_like(organ) and is_organ(organ):
                return organ
        publisher = self._hint("publisher")
        if publisher and not pagemeta.is_chrome(publisher):  # 科技部门户网站 is a site, not an organ
            return publisher
        source = self._hint("source")
        if source and is_organ(source):
            return source
        return None

    def _signature(self) -> str | None:
        """The organ's name standing over the 成文日期, over the 文号 (a 版头 without 文件), or
        ending the notice's text above the plan's title."""
        organs = [r for r in self.runs if _organs(r.text)]
        for run in organs:
            after = self._next_line(run.last)
            if after is not None and after.kind in ("date", "doc_number"):
                return SEAL.sub("", run.text)
        issuing = self._issuing_sentence()
        for run in organs:
            if (
                issuing
                and run.first > issuing[1]
                and (self.title_run is None or run.last < self.title_run.first)
            ):
                return SEAL.sub("", run.text)
        return None

    def _previous_line(self, index: int) -> Line | None:
        return next((ln for ln in reversed(self.lines) if ln.index < index and ln.kind != "blank"), None)

    def _next_line(self, index: int) -> Line | None:
        return next((ln for ln in self.lines if ln.index > index and ln.kind != "blank"), None)

    def _first_document_line(self) -> int:
        """Where the document starts: its first title, 文号, 主送机关 or text line. A date above it
        is the page's post date."""
        kinds = ("title", "doc_number", "recipients", "prose", "label", "signed")
        return next((ln.index for ln in self.lines if ln.kind in kinds and ln.index not in self.repeats), 0)

    def issue_date(self, tail: list[tuple[int, str]]) -> date | None:
        stated = self._hint("issue_date")
        if stated:
            found = parse_date(stated) or next((d.value for d in find_dates(stated)), None)
            if found:
                return found
        start = self._first_document_line()
        limit = self.title_run.first if self.title_run else FRONT_MATTER_BLOCKS
        under = self._under_title()
        for line in self.lines:
            if not line.when or line.index < start or line.kind == "title":
                continue
            # under the notice's signature, beside the 文号, or printed under the title in words
            # (2022年3月1日, not a page's 2022-03-01)
            if line.index < limit or line.kind == "doc_number" or (line.index in under and not line.iso):
                if line.kind == "date" and line.iso and self._posted(line):
                    continue  # never the page's own post date
                return line.when
        if self.number_date:
            return self.number_date
        if self.run_on_date:
            return self.run_on_date
        sent = self._hint("sent_date")
        if sent:
            found = parse_date(sent) or next((d.value for d in find_dates(sent)), None)
            if found:
                return found
        # the date a page's header line prints beside the title and 文号, in words
        header = next((ln for ln in self.lines if ln.kind == "title" and ln.when and not ln.iso), None)
        if header:
            return header.when
        for line in self.lines:
            if line.kind == "prose":
                for found in find_dates(line.text):
                    if _STATED_ISSUE.match(line.text[found.end :]) and line.text[: found.start].endswith(
                        "于"
                    ):
                        return found.value
        for _, text in reversed(tail):
            t = squeezed(text)
            if len(t) <= 16 and parse_date(t):
                return parse_date(t)
        for _, text in reversed(tail):
            at_signature = signed(text)
            if at_signature:
                return at_signature[1]
        return None

    def _posted(self, line: Line) -> bool:
        """Whether a date printed 2008-11-13 beside the page's 来源/发布时间 line is the page's
        post date (the notice's own date stands under its signature, in words)."""
        near = [ln for ln in self.lines if ln.kind != "blank" and abs(ln.index - line.index) <= 2]
        keys = {pagemeta.LABELS.get(label) for ln in near if ln.kind == "meta" for label, _ in ln.pairs}
        return bool(keys & {"source", "publish_date"})

    def published(self) -> date | None:
        stated = self._hint("publish_date")
        if stated:
            found = next((d.value for d in find_dates(stated)), None) or parse_date(stated.split()[0])
            if found:
                return found
        start = self._first_document_line()
        under = self._under_title()
        for line in self.lines:
            if line.kind == "date" and (line.index < start or (line.index in under and line.iso)):
                return line.when
        return None

    def _under_title(self) -> set[int]:
        """The lines between the title and the text: dates and 文号 printed under the title."""
        if self.title_run is None:
            return set()
        under = set()
        for line in self.lines:
            if line.index <= self.title_run.last:
                continue
            if is_text(line) or line.kind in ("title", "prose"):
                break
            under.add(line.index)
        return under

    def recipients(self) -> list[str]:
        # the notice's 主送机关 (before the plan's title), or the document's own (after its title)
        after = self.notice_run.last if self.notice_run else (self.title_run.last if self.title_run else -1)
        limit = self.title_run.first if self.notice_run and self.title_run else FRONT_MATTER_BLOCKS
        for line in self.lines:
            if line.kind == "recipients" and after < line.index < limit and len(line.text) <= 200:
                return _recipient_names(line.text.rstrip("：:"))
            if line.kind == "label" and line.index > after:
                break
        return []

    def opening_period(self, body_start: int) -> Period | None:
        """The period the plan's opening paragraph states, where its title states none."""
        for line in self.lines:
            if line.index >= body_start and line.kind == "prose":
                return opening_period(line.text)
            if line.index >= body_start and line.kind == "label":
                return None
        return None

    # -- where the body starts -------------------------------------------------------------------

    def body_start(self) -> int:
        if self.run_on_index is not None:
            return self.run_on_index
        if self.title_run:
            end = self.title_run.last + 1
            # the page's date and source line, a repeated title or the 文号 under the title
            for line in self.lines:
                if line.index < end:
                    continue
                if line.index in self.repeats or line.kind in ("blank", "meta", "chrome", "headline"):
                    end = line.index + 1
                    continue
                break
            return end
        # no title printed: after the front matter (chrome, metadata, the notice and its
        # signature) and before the first line of text
        end = 0
        notice_end = self.notice_run.last if self.notice_run else -1
        for line in self.lines:
            if line.kind in ("label", "contents"):
                break
            if line.kind in ("prose", "recipients") and self.notice_run is None:
                break
            if line.kind in _FRONT_KINDS or line.index <= notice_end:
                end = line.index + 1
        return end


_ADDRESSEE_END = re.compile(
    r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|部|院|会|办|中心|部门|机构|单位|处|室|队|所|企业|公司|学校)$"
)


def _recipient_names(text: str) -> list[str]:
    """The 主送机关 as printed, one per addressee: split at ，；, and at 、 only between whole names
    (各省、自治区、直辖市人民政府 and 区政府各委、办、局 are one addressee each)."""
    names: list[str] = []
    for part in re.split(r"[，,；;]", text):
        part = part.strip()
        if not part:
            continue
        pieces = [p.strip() for p in part.split("、")]
        if len(pieces) > 1 and all(len(p) >= 3 and _ADDRESSEE_END.search(p) for p in pieces):
            names.extend(pieces)
        else:
            names.append(part)
    return names


def _shortened(head: str, full: str) -> bool:
    """Whether a title's head (or a page's 发文单位 field) is the short form of the signed name:
    市政府 for 常州市人民政府, 市人民政府 for 鄂州市人民政府."""
    head, full = squeezed(head), squeezed(full)
    if not head or head[0] not in "省市县区州盟旗" or len(full) <= len(head):
        return False
    return full.endswith(head) or (len(head) <= 4 and full[-2:] == head[-2:])


def _split_print(runs: list[Run], stated: str) -> Run | None:
    """The title a page's 标题 field states, printed over runs the lines did not join (a
    line break after an organ's name in a script whose 关于 reads 關於)."""
    want = _squash(stated)
    for k, first in enumerate(runs):
        if not want.startswith(_squash(first.text)):
            continue
        joined = Run(list(first.lines), first.text)
        for nxt in runs[k + 1 : k + 4]:
            joined = Run(joined.lines + nxt.lines, joined.text + nxt.text)
            if _squash(joined.text) == want:
                return joined
            if not want.startswith(_squash(joined.text)):
                break
    return None


def _wrapper(text: str) -> re.Match[str] | None:
    """The 关于印发《X》的通知 wrapper (also 转发, 批转, and X印发Y的通知 without 关于)."""
    # squeezed for a title spaced out (关 于 印 发 …), as printed for joint issuers' names
    for form in (squeezed(text), " ".join(text.split())):
        m = _WRAPPER.match(form)
        if not m:
            return None
        head = m["head"].strip()
        if not head or head.endswith("关于") or _organs(head) or _organs(head.removesuffix("关于")):
            return m
    return None


def _organs(text: str) -> bool:
    """One organ's name, or joint issuers' names set apart by spaces (成都市发展和改革委员会
    中共成都市委社会工作部 成都市规划和自然资源局 …), however long together."""
    if is_organ(text):
        return True
    names = text.split()
    return len(names) >= 2 and all(is_organ(n) for n in names)


def _cited_title(notice: str) -> str | None:
    m = _CITED.search(notice)
    if m:
        return m.group(1)
    w = _wrapper(notice)
    return w["cited"] if w else None


def _head_organ(title: str | None) -> str | None:
    """The issuing organ a title starts with: X in X关于… or X印发…的通知."""
    if not title:
        return None
    own = CITATION.sub("《》", title)  # 《国务院关于…的意见》分工表 names no issuer of its own
    head = own.split("关于", 1)[0].strip() if "关于" in own else ""
    if not head:
        w = _wrapper(title)
        head = w["head"] if w else ""
    head = head.strip()
    return head if head and _organs(head) else None


_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "―": "-", "～": "-", "~": "-", "（": "(", "）": ")"})


_NO_BRACKETS = str.maketrans("", "", "()")


def _squash(s: str) -> str:
    """A title reduced to compare two prints of it: no spaces or quotes, one dash, one bracket."""
    return re.sub(r"[\s“”\"'‘’《》〈〉「」\u3000]", "", s).translate(_DASHES)


def _same_title(printed: str, cited: str) -> bool:
    """Whether a printed title is the one a notice cites: the same words (its period perhaps
    printed without brackets), or the print a good part of it (its period on a line of its own)."""
    a, b = _squash(printed).translate(_NO_BRACKETS), _squash(cited).translate(_NO_BRACKETS)
    return bool(a) and (
        a == b or (len(a) >= 8 and (b.startswith(a) or a.startswith(b)) and len(a) * 4 >= len(b) * 3)
    )


def _prefer_punctuated(printed: str, stated: str | None) -> str:
    """The printed title, or the one the notice or the page states where the print lost its
    punctuation (quotes) and the two otherwise agree."""
    if stated and _squash(stated) == _squash(printed) and len(squeezed(stated)) > len(squeezed(printed)):
        return stated
    return printed
