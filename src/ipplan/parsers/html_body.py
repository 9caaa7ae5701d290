"""Finding the article on a government web page and removing the site around it.

Nothing here depends on one site's markup. A node's worth is the CJK text it holds outside links
(navigation is links, an article is prose), less the text of links and of site boilerplate
(当前位置, 版权所有 …); class and id names that say "content" or "navigation" only tilt the
balance. Every walk over the tree is iterative, so nesting depth costs no recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ipplan.parsers.html_text import cjk_count

# Elements that never carry document text, or carry only what the page fetches or runs.
ALWAYS_DROP = (
    "head", "title", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "applet", "picture", "video", "audio", "canvas", "svg", "math", "map", "button", "select", "option",
    "optgroup", "textarea", "datalist",
)  # fmt: skip
# Void elements: they hold nothing, but libxml2 lets some (embed, source, track, wbr, keygen)
# swallow the markup after them as children, so only the tag goes and what follows stays.
VOID_DROP = (
    "embed",
    "img",
    "input",
    "param",
    "area",
    "source",
    "track",
    "wbr",
    "keygen",
    "meta",
    "link",
    "base",
)
# Site furniture by tag. A form or header can wrap a whole page (ASP.NET puts every page in a
# <form>), so these go only when they hold a small part of the page's text.
_CHROME_TAGS = {"nav", "header", "footer", "aside", "form", "menu"}
_NEGATIVE = {
    "nav", "navbar", "navigation", "menu", "crumb", "crumbs", "breadcrumb", "breadcrumbs", "bread",
    "position", "location", "dqwz", "weizhi", "curpos", "share", "bdshare", "fenxiang", "footer", "foot",
    "bottom", "header", "sidebar", "side", "aside", "related", "relate", "xgwz", "xglj", "xgxx", "links",
    "link", "friendlink", "yqlj", "print", "font", "fontsize", "tool", "tools", "toolbar", "comment",
    "comments", "copyright", "banner", "search", "login", "qrcode", "ewm", "gotop", "backtop", "ad", "ads",
    "advert", "skip", "hidden", "logo",
}  # fmt: skip
_STRONG_POSITIVE = re.compile(
    r"trs_editor|trs_ueditor|custom_unionstyle|zoom|ucap-?content|pages_content|article[-_]?content|art_con"
    r"|detail[-_]?content|ccontent|zwnr|wznr|content[-_]?text|news[-_]?content|text[-_]?content|main[-_]?text"
)
_WEAK_POSITIVE = {
    "content",
    "con",
    "cont",
    "article",
    "detail",
    "text",
    "zw",
    "zhengwen",
    "wz",
    "neirong",
    "nr",
    "view",
}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.IGNORECASE)
# Text that is site boilerplate wherever it stands on a page.
BOILERPLATE = re.compile(
    r"当前位置|您现在的位置|您的位置|现在位置|版权所有|Copyright|©|ICP备|ICP证|网站标识码|公网安备"
    r"|网站地图|分享到|打印本页|关闭窗口|【\s*字体|浏览次数|阅读次数|扫一扫",
    re.IGNORECASE,
)

# never the article's container: a row or row group of a data table would lose its table
_NOT_CONTAINERS = {"a", "br", "tr", "tbody", "thead", "tfoot", "caption"}
_CHROME_MAX_SHARE = 0.5  # a chrome-tagged element holding more of the page than this is kept
_HINTED_MAX_SHARE = 0.3  # the same for one only named like chrome or looking like a link list
_LINK_LIST_MIN_LINKS = 3
_LINK_LIST_DENSITY = 0.6
_STRONG_BONUS = 0.25
_WEAK_BONUS = 0.1
_NEGATIVE_MALUS = 0.5
_BOILERPLATE_WEIGHT = 2


@dataclass(slots=True)
class _Stats:
    text: int = 0  # CJK ideographs outside links
    link: int = 0  # CJK ideographs inside links
    boiler: int = 0  # CJK ideographs of boilerplate text pieces
    links: int = 0  # number of <a> elements


def drop_always(root: etree._Element) -> None:
    """Remove what never is document text: scripts, styles, embedded and fetched content, controls."""
    for el in list(root.iter(*VOID_DROP)):
        if el.getparent() is not None:
            el.drop_tag()
    for el in list(root.iter(*ALWAYS_DROP)):
        _remove(el)
    # the parser keeps comments out; a stray processing instruction or entity goes the same way
    for el in list(root.iter(etree.PI, etree.Entity)):
        _remove(el)


def drop_chrome(root: etree._Element) -> None:
    """Remove navigation, headers and footers, hidden elements and link lists that are small
    next to the page's text."""
    stats = _measure(root)
    total = max(stats[root].text, 1)
    doomed = []
    for el, st in stats.items():
        if el is root or el.tag in ("body", "html"):
            continue
        share = st.text / total
        if el.tag in _CHROME_TAGS or _is_hidden(el):
            if share < _CHROME_MAX_SHARE:
                doomed.append(el)
        elif share < _HINTED_MAX_SHARE and (_hint(el) < 0 or _is_link_list(st)):
            doomed.append(el)
    for el in doomed:
        _remove(el)


def select(root: etree._Element) -> etree._Element:
    """The element that holds the article: the best-scoring one, the deepest of equals."""
    stats = _measure(root)
    best, best_score = root, float("-inf")
    for el, st in stats.items():  # document order: a descendant comes after its ancestors
        if el.tag in _NOT_CONTAINERS:
            continue
        score = st.text - st.link - _BOILERPLATE_WEIGHT * st.boiler
        hint = _hint(el)
        if hint > 0:
            score += st.text * (_STRONG_BONUS if hint > 1 else _WEAK_BONUS)
        elif hint < 0:
            score -= st.text * _NEGATIVE_MALUS
        if score >= best_score:
            best, best_score = el, score
    return best


def _measure(root: etree._Element) -> dict[etree._Element, _Stats]:
    """Text statistics of every element's subtree, summed bottom-up without recursion."""
    in_link = {d for a in root.iter("a") for d in a.iter()}
    stats: dict[etree._Element, _Stats] = {}
    order = [el for el in root.iter() if isinstance(el.tag, str)]
    for el in order:
        st = stats[el] = _Stats(links=1 if el.tag == "a" else 0)
        linked = el in in_link
        for piece in (el.text, *(c.tail for c in el)):
            if not piece:
                continue
            n = cjk_count(piece)
            if linked:
                st.link += n
            else:
                st.text += n
            if n and BOILERPLATE.search(piece):
                st.boiler += n
    for el in reversed(order):  # children before parents
        parent = el.getparent()
        if el is root or parent is None or parent not in stats:
            continue
        ps, st = stats[parent], stats[el]
        ps.text += st.text
        ps.link += st.link
        ps.boiler += st.boiler
        ps.links += st.links
    return stats


def _hint(el: etree._Element) -> int:
    """2 for a strong content name, 1 for a weak one, -1 for a chrome name, 0 otherwise."""
    names = f"{el.get('class', '')} {el.get('id', '')}".lower()
    if not names.strip():
        return 0
    if _STRONG_POSITIVE.search(names):
        return 2
    tokens = set(_TOKEN_SPLIT.split(names))
    positive, negative = bool(tokens & _WEAK_POSITIVE), bool(tokens & _NEGATIVE)
    if positive and not negative:
        return 1
    return -1 if negative and not positive else 0


def _is_hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style", "")))


def _is_link_list(st: _Stats) -> bool:
    chars = st.text + st.link
    return st.links >= _LINK_LIST_MIN_LINKS and chars > 0 and st.link / chars >= _LINK_LIST_DENSITY


def _remove(el: etree._Element) -> None:
    """Remove ``el`` with its content, keeping the text that follows it."""
    if el.getparent() is None:
        return
    el.drop_tree()
