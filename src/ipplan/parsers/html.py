"""HTML reader: a plan as published on a government web site.

The page is decoded (``html_charset``), parsed by lxml with the network off, stripped of what
never is document text (scripts, embedded frames, images, form controls), its 政府信息公开
metadata block read into ``meta_hints`` and removed (``html_meta``), the site's navigation and
footers removed and the article body found (``html_body``), and the body turned into the block
stream a Word reader would give (``html_blocks``). Nothing the page references is fetched.
"""

from __future__ import annotations

import re

from lxml import etree

from ipplan import limits
from ipplan.blocks import Block, Document, Paragraph
from ipplan.errors import IpplanError
from ipplan.extract import pagemeta
from ipplan.parsers import html_body, html_charset, html_meta
from ipplan.parsers.html_blocks import Flow
from ipplan.parsers.html_text import cjk_count, match_key, normalize
from ipplan.schema import Location, Warning

# C0 controls other than TAB/LF/CR: not text, and libxml2 turns some into U+FFFD
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Site furniture that never is plan text, wherever it stands in the body.
_STRONG_CHROME = re.compile(
    r"当前位置|您现在的位置|您的位置[:：]|现在位置[:：]|ICP备|ICP证|网站标识码|公网安备|【\s*字体|打印本页|关闭窗口|分享到"
)
# Words that are site furniture only at the edges of the body and only in short lines.
_WEAK_WORDS = re.compile(
    r"版权所有|Copyright|©|主办单位|承办单位|技术支持|网站地图|联系我们|收藏|分享|打印|关闭|字体|字号|微信|微博"
    r"|浏览次数|阅读次数|上一篇|下一篇|相关链接|相关文章|相关阅读|附件下载|文件下载|关联文件|责任编辑|扫一扫|返回顶部",
    re.IGNORECASE,
)
_WEAK_LABELLED = re.compile(
    r"^(?:来源|信息来源|发布时间|发布日期|责任编辑|编辑|浏览次数|阅读次数|上一篇|下一篇|文件下载|附件下载|关联文件)[:：]"
    r"|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"  # the "2021-11-26 11:00  来源：…" line under a headline
)
_MAX_CHROME_CHARS = 100
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | -- |—{2})\s*")
_HEADLINE_SEARCH_BLOCKS = 40  # the document's own title is printed within its first lines


def read(data: bytes, path: str, *, password: str | None = None) -> Document:
    """Read an HTML page into the block stream of the document it publishes."""
    if len(data) > 4 * limits.MAX_HTML_CHARS:  # no codec takes more than 4 bytes a character
        raise IpplanError("limit-exceeded", f"over {limits.MAX_HTML_CHARS} characters of markup", path)
    text, encoding, warnings = html_charset.decode(data, path)
    if len(text) > limits.MAX_HTML_CHARS:
        raise IpplanError("limit-exceeded", f"over {limits.MAX_HTML_CHARS} characters of markup", path)
    root = _parse(text, path)
    if root is None:
        return Document(blocks=[], format="html", encoding=encoding, warnings=[*warnings, _no_text()])
    page_title = _page_title(root)
    html_body.drop_always(root)
    hints = html_meta.extract(root)
    html_body.drop_chrome(root)
    body = html_body.select(root)
    flow = Flow()
    try:
        flow.run(body)
    except IpplanError as exc:
        exc.path = path
        raise
    blocks = _trim_chrome(flow.blocks, flow.link_only, hints)
    for key, value in html_meta.source_line(root, body).items():
        hints.setdefault(key, value)
    headline = html_meta.headline(root, body)
    if headline:
        blocks = _with_headline(blocks, *headline)
        hints["headline"] = headline[0]
    elif page_title:
        hints["page_title"] = page_title
    if not blocks:
        warnings.append(_no_text())
    return Document(blocks=blocks, format="html", encoding=encoding, warnings=warnings, meta_hints=hints)


def _parse(text: str, path: str) -> etree._Element | None:
    """The page's element tree, or None for a page without any element."""
    import lxml.html

    # Text goes in re-encoded as UTF-8 with the codec named, so the page's own (perhaps wrong)
    # charset declaration cannot make libxml2 decode it a second time.
    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True, recover=True
    )
    try:
        return lxml.html.document_fromstring(_CONTROL.sub("", text).encode("utf-8"), parser=parser)
    except etree.ParserError:
        return None  # "Document is empty"
    except (etree.LxmlError, ValueError) as exc:
        raise IpplanError("corrupt-file", f"the HTML cannot be parsed: {exc}", path) from exc


def _page_title(root: etree._Element) -> str | None:
    """The <title> without the site name most CMSs append to it."""
    el = root.find(".//title")
    if el is None:
        return None
    for part in _TITLE_SPLIT.split(normalize(el.text_content())):
        if cjk_count(part) >= 6:
            return part
    return None


def _no_text() -> Warning:
    return Warning(code="no-text", message="the page has no article text", source=Location())


def _trim_chrome(blocks: list[Block], link_only: list[bool], hints: dict[str, str]) -> list[Block]:
    """Drop site furniture the body still holds: boilerplate anywhere, and above the first and
    below the last sentence of prose short lines of share/print/source words and link-only lines.
    What a dropped line states (发布时间：…, 来源：…) is kept in ``hints``."""
    prose = [i for i, b in enumerate(blocks) if not isinstance(b, Paragraph) or "。" in b.text]
    first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
    kept = []
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph):
            at_edge = i < first or i > last
            if _is_chrome(b.text, strong_only=not at_edge) or (at_edge and link_only[i]):
                for key, value in pagemeta.hints_from_pairs(pagemeta.read_label_line(b.text) or []).items():
                    hints.setdefault(key, value)
                continue
        kept.append(b)
    return kept


def _is_chrome(text: str, *, strong_only: bool) -> bool:
    if len(text) > _MAX_CHROME_CHARS:
        return False
    if _STRONG_CHROME.search(text):
        return True
    if strong_only:
        return False
    words = {m.group(0).lower() for m in _WEAK_WORDS.finditer(text)}
    bare = re.sub(r"[\s【】\[\]〖〗()（）|｜:：>›»]+", "", text)
    return len(words) >= 2 or bool(_WEAK_LABELLED.match(text)) or (bool(words) and bare.lower() in words)


def _with_headline(blocks: list[Block], text: str, line: int | None) -> list[Block]:
    """Put the page headline in front when the body does not print the title itself: a Word file
    of the document would have it."""
    key = match_key(text)
    head = "".join(match_key(b.text) for b in blocks[:_HEADLINE_SEARCH_BLOCKS] if isinstance(b, Paragraph))
    if not key or key in head:
        return blocks
    return [Paragraph(text, Location(line=line), centered=True, bold=True), *blocks]
