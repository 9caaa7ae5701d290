"""Metadata a government page states outside the document text: the 政府信息公开 label:value
block (索引号, 发文字号, 成文日期 …) and the page headline.

The label block comes in many shapes — a ``<table>`` of label and value cells, a ``<ul>`` of
``<li><span>索引号：</span>…</li>``, one ``<p>`` with several pairs in a row — so it is found by
its labels, not by markup: the smallest container holding two or more distinct known labels and
little else. It is read as a stream of text pieces in which each label starts a new value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ipplan.extract import pagemeta
from ipplan.parsers.html_blocks import line_of
from ipplan.parsers.html_text import cjk_count, normalize

# the vocabulary is the one text lines are read with; _SP lets a label have spaces inside
_LABELS = pagemeta.LABELS
_RARE = pagemeta.RARE
_SP = pagemeta.SP
_alternation = pagemeta.label_alternation


_ALT = _alternation(list(_LABELS))
_LONG_ALT = _alternation([k for k in _LABELS if len(k) >= 3])
# A label followed by a colon: at the start of a text piece or after a space, or anywhere for a
# label of three or more characters ("索引号：…主题分类：…" run together); 来源 or 标题 inside
# a sentence ("资金来源：") is no label.
_LABEL_COLON = re.compile(rf"(?:(?:^|(?<=[\s\u00a0\u3000|｜]))({_ALT})|({_LONG_ALT})){_SP}[:：]")
# a text piece that is nothing but a label (a table's label cell)
_LABEL_ONLY = re.compile(rf"^{_SP}({_ALT}){_SP}[:：]?{_SP}$")
# an unknown label at the start of a piece ("统一编号：") ends the value before it
_OTHER_LABEL = re.compile(r"^[\s\u00a0\u3000]*[\u4e00-\u9fff][\u4e00-\u9fff\s\u00a0\u3000]{1,7}[:：]")
_CANON_SPACE = re.compile(r"[\s\u00a0\u3000]+")

# where a metadata block may sit: not a single cell, row or item, nor inline markup
_CONTAINER_TAGS = {
    "table", "ul", "ol", "dl", "div", "section", "p", "header", "article", "aside", "center", "form",
}  # fmt: skip
# elements that end a value: the text of the next cell or item is not part of it
_VALUE_BOUNDS = {
    "td",
    "th",
    "li",
    "dt",
    "dd",
    "p",
    "div",
    "tr",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
_MAX_LEVELS_UP = 8  # a label's container is a few levels above it
_MAX_VALUE_CHARS = 300
_MIN_COVERAGE = 0.5  # share of a metadata block's text that is its labels and values
_MAX_HITS = 2000  # label hits considered: metadata sits near the top of a page
_MAX_BLOCKS = 4  # metadata blocks read from one page

_HEADLINE_TOKENS = re.compile(r"(?:^|[^a-z])(?:title|biaoti|bt|tit|headline|wzbt|xxbt)(?:$|[^a-z])")
_MIN_HEADLINE_CJK = 6
_MAX_HEADLINE_CHARS = 200
_MAX_TEXT_ABOVE_HEADLINE = 200  # CJK characters of the body an <h1> may follow and still head it


@dataclass(slots=True)
class _Hit:
    owner: etree._Element
    label: str
    colon: bool


def extract(root: etree._Element) -> dict[str, str]:
    """The metadata blocks' values by ``meta_hints`` key; the blocks are removed from the tree."""
    _join_spaced_labels(root)
    hits = _label_hits(root)
    hints: dict[str, str] = {}
    for _ in range(_MAX_BLOCKS):
        container = _best_container(hits)
        if container is None:
            break
        for key, value in _pairs(container):
            hints.setdefault(key, value)
        hits = [h for h in hits if not _is_within(h.owner, container)]
        _drop(container)
    return hints


_MAX_LABEL_CHARS = 16
_MAX_LABEL_CHILDREN = 6


def _join_spaced_labels(root: etree._Element) -> None:
    """A label spaced out with empty elements (``<b>索<i class="m_1em"></i>引<i></i>号：</b>``)
    becomes one text piece, as a reader sees it."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not 0 < len(el) <= _MAX_LABEL_CHILDREN:
            continue
        if any(len(child) or (child.text or "").strip() for child in el):
            continue  # the children hold text of their own: not spacers
        text = _short_text(el)
        if text is not None and _LABEL_ONLY.match(text):
            doomed.append((el, text))
    for el, text in doomed:
        for child in list(el):
            el.remove(child)
        el.text = text


def _short_text(el: etree._Element) -> str | None:
    pieces, size = [], 0
    for piece in (el.text, *(c.tail for c in el)):
        if piece:
            size += len(piece)
            if size > _MAX_LABEL_CHARS:
                return None
            pieces.append(piece)
    return "".join(pieces)


def _label_hits(root: etree._Element) -> list[_Hit]:
    hits: list[_Hit] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for piece, owner in ((el.text, el), *((c.tail, el) for c in el)):
            if piece and ("：" in piece or ":" in piece or len(piece) <= 12):
                hits.extend(_Hit(owner, label, colon) for label, colon in _labels_in(piece))
        if len(hits) >= _MAX_HITS:
            break  # metadata sits near the top; a page of labels must not cost quadratic time
    return hits


def _labels_in(piece: str) -> list[tuple[str, bool]]:
    only = _LABEL_ONLY.match(piece)
    if only:
        return [(_canon(only.group(1)), ":" in piece or "：" in piece)]
    return [(_canon(m.group(1) or m.group(2)), True) for m in _LABEL_COLON.finditer(piece)]


def _canon(label: str) -> str:
    return pagemeta.canon_label(label)


def _best_container(hits: list[_Hit]) -> etree._Element | None:
    """The deepest container that is a metadata block: the smallest one around its labels, so
    that two blocks (a label table and a 发布时间/来源 line) do not merge into their wrapper."""
    labels: dict[etree._Element, dict[str, bool]] = {}
    for hit in hits:
        el: etree._Element | None = hit.owner
        for _ in range(_MAX_LEVELS_UP):
            if el is None:
                break
            if el.tag in _CONTAINER_TAGS:
                seen = labels.setdefault(el, {})
                seen[hit.label] = seen.get(hit.label, True) and hit.colon
            el = el.getparent()
    for el, seen in sorted(labels.items(), key=lambda item: -_depth(item[0])):
        if _is_metadata_block(el, seen):
            return el
    return None


def _depth(el: etree._Element) -> int:
    return sum(1 for _ in el.iterancestors())


def _is_metadata_block(el: etree._Element, seen: dict[str, bool]) -> bool:
    if len(seen) < 2:
        return False
    # Two colon-less table cells that happen to say 名称 and 来源 are a data table's header row.
    if not (seen.keys() & _RARE) and not all(seen.values()):
        return False
    limit = 100 * len(seen) + 200  # a container with much more than its labels holds article text too
    pieces, raw = [], 0
    for piece in el.itertext():
        pieces.append(piece)
        raw += len(piece)
        if raw > 4 * limit:  # stop reading a big container early: it cannot qualify
            return False
    text = normalize("".join(pieces))
    if len(text) > limit:
        return False
    pairs = _raw_pairs(el)
    # labels with values: a header row of labels over rows of data is not a metadata block
    if len({label for label, _ in pairs}) < 2:
        return False
    covered = sum(len(label) + len(value) for label, value in pairs)
    return covered >= _MIN_COVERAGE * len(text.replace(" ", ""))


def _pairs(container: etree._Element) -> list[tuple[str, str]]:
    """(key, value) for each known label with a value, in document order."""
    out = []
    for label, value in _raw_pairs(container):
        key = _LABELS.get(label)
        if key and value:
            out.append((key, value))
    return out


def _raw_pairs(container: etree._Element) -> list[tuple[str, str]]:
    """(label, value) for each label in the container that is followed by a value.

    A value is the text after its label up to the next label, within one cell or item: it may
    start in the cell after the label's cell, but does not run on into a third one.
    """
    pairs: list[tuple[str, str]] = []
    label: str | None = None
    parts: list[str] = []
    value_bound: etree._Element | None = None

    def close() -> None:
        value = normalize("".join(parts))
        if label and value and len(value) <= _MAX_VALUE_CHARS:
            pairs.append((label, value))

    for piece, bound in _pieces(container):
        for kind, text in _tokens(piece):
            if kind == "value":
                if value_bound is not None and bound is not value_bound and normalize("".join(parts)):
                    close()
                    label, parts, value_bound = None, [], None
                if label is not None:
                    value_bound = bound
                    parts.append(text)
                continue
            close()
            label, parts, value_bound = (text if kind == "label" else None), [], None
    close()
    return pairs


def _pieces(container: etree._Element) -> list[tuple[str, etree._Element]]:
    """The container's text nodes in document order, each with the cell or item it is in."""
    pieces = []
    for event, el in etree.iterwalk(container, events=("start", "end")):
        if event == "start":
            text, owner = el.text, el
        elif el is not container:
            text, owner = el.tail, el.getparent()
        else:
            continue
        if text and text.strip() and isinstance(el.tag, str):
            pieces.append((text, _bound(owner, container)))
    return pieces


def _bound(el: etree._Element, container: etree._Element) -> etree._Element:
    node: etree._Element | None = el
    while node is not None and node is not container:
        if node.tag in _VALUE_BOUNDS:
            return node
        node = node.getparent()
    return container


def _tokens(piece: str) -> list[tuple[str, str]]:
    """A piece split into ("label", canonical label), ("other", "") and ("value", text) tokens."""
    only = _LABEL_ONLY.match(piece)
    if only:
        return [("label", _canon(only.group(1)))]
    tokens: list[tuple[str, str]] = []
    pos = 0
    other = _OTHER_LABEL.match(piece)
    if other and not _LABEL_COLON.match(piece):
        tokens.append(("other", ""))
        pos = other.end()
    for m in _LABEL_COLON.finditer(piece, pos):
        if m.start() > pos:
            tokens.append(("value", piece[pos : m.start()]))
        tokens.append(("label", _canon(m.group(1) or m.group(2))))
        pos = m.end()
    if pos < len(piece):
        tokens.append(("value", piece[pos:]))
    return tokens


def _is_within(el: etree._Element, container: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _drop(el: etree._Element) -> None:
    """Remove ``el`` and its content but keep the text that follows it."""
    if el.getparent() is not None:
        el.drop_tree()


def headline(root: etree._Element, body: etree._Element) -> tuple[str, int | None] | None:
    """The page's own heading of the article with its source line: the last ``<h1>`` (else
    title-like element) before the article body, or an ``<h1>`` at the top of the body."""
    return _headline_before(root, body) or _headline_atop(body)


def _headline_atop(body: etree._Element) -> tuple[str, int | None] | None:
    seen = 0
    for el in body.iter():
        if el.tag == "h1":
            return _headline_text(el)
        seen += cjk_count(el.text or "") + cjk_count(el.tail or "")
        if seen > _MAX_TEXT_ABOVE_HEADLINE:
            return None
    return None


def _headline_text(el: etree._Element) -> tuple[str, int | None] | None:
    text = normalize(" ".join(el.itertext()))
    if cjk_count(text) < _MIN_HEADLINE_CJK or len(text) > _MAX_HEADLINE_CHARS or _in_link(el):
        return None
    return text, line_of(el)


def _headline_before(root: etree._Element, body: etree._Element) -> tuple[str, int | None] | None:
    last_h1 = last_other = None
    for el in root.iter():
        if el is body:
            break
        if not isinstance(el.tag, str):
            continue
        is_h1 = el.tag == "h1"
        if not (is_h1 or el.tag in ("h2", "h3") or _HEADLINE_TOKENS.search(_hint_text(el))):
            continue
        if _is_within(body, el):
            continue  # a wrapper of the body is no heading
        found = _headline_text(el)
        if found and is_h1:
            last_h1 = found
        elif found:
            last_other = found
    return last_h1 or last_other


def _hint_text(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def _in_link(el: etree._Element) -> bool:
    """Whether the element is (mostly) a link: a list entry pointing to another article."""
    node: etree._Element | None = el
    while node is not None:
        if node.tag == "a":
            return True
        node = node.getparent()
    linked = sum(len("".join(a.itertext())) for a in el.iter("a"))
    return linked * 2 > len("".join(el.itertext()))


_INLINE = {"span", "a", "b", "strong", "em", "i", "font", "label", "small", "u", "sup", "sub", "br"}
_MAX_SOURCE_LINE = 150


def source_line(root: etree._Element, body: etree._Element) -> dict[str, str]:
    """What a headline's source line outside the article states (``2021-11-26 11:00 来源:…``,
    发布时间：… 来源：…): the page's post date and source, from the first such line above the body."""
    for el in root.iter():
        if el is body:
            break
        if not isinstance(el.tag, str) or el.tag in _INLINE or any(c.tag not in _INLINE for c in el):
            continue
        text = normalize("".join(el.itertext()))
        if not text or len(text) > _MAX_SOURCE_LINE:
            continue
        hints = pagemeta.hints_from_pairs(pagemeta.read_label_line(text) or [])
        if "publish_date" in hints:
            return {k: v for k, v in hints.items() if k in ("publish_date", "source")}
    return {}
