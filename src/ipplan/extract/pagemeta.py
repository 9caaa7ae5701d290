"""What a government web page prints around a document: its metadata labels and its chrome.

Sites publish a 政府信息公开 metadata block (索引号, 发文机关, 成文日期, 发文字号, 标题 …) above the
document. A reader that keeps markup finds it by structure (``parsers/html_meta``); a text
scrape or a saved page keeps it as lines, in every layout sites use:

* ``标签：值`` lines, one label or several on a line (索引号：… 主题分类：…), labels printed with
  spaces inside (标　　题, 发 文 字 号);
* pipe rows of a flattened table (``索引号 | 001008003015081/2022-00489 | 发布机构 | … |``);
* a headline's source line (时间：2022-06-09 来源：上海知识产权 阅读：968, or
  ``2021-11-26 11:00 来源：…``).

The same vocabulary serves both readers: ``LABELS`` maps each label to the key the front matter
reads it into (None for labels that only end the value before them).

Around the document stand breadcrumbs (当前位置：首页 > …), print/share/font bars, search
boxes, account menus, document-library listings (ID, 大小, 页数, 上传者, 第N页) and news
headlines about the document (123项！《…》印发). ``is_chrome`` and ``is_news_headline`` tell
them from the document's own lines: none of them is a title, an issuer or a heading.
"""

from __future__ import annotations

import re

from ipplan.extract.docnumber import normalise_doc_number

LABELS: dict[str, str | None] = {
    "索引号": "index_number",
    "发文字号": "doc_number",
    "发文文号": "doc_number",
    "文件编号": "doc_number",
    "文号": "doc_number",
    "发文机关": "issuer",
    "发文单位": "issuer",
    "发文机构": "issuer",
    "制发机关": "issuer",
    "发布机关": "issuer",
    # a law database's fields (颁布部门：…, 【制定机关】…) and a big5 gateway's 發文機關
    "颁布部门": "issuer",
    "颁布机关": "issuer",
    "发文部门": "issuer",
    "制定机关": "issuer",
    "發文機關": "issuer",
    "發文字號": "doc_number",
    "发布机构": "publisher",
    "发布单位": "publisher",
    "信息来源": "source",
    "文章来源": "source",
    "来源": "source",
    "成文日期": "issue_date",
    "成文时间": "issue_date",
    "颁布日期": "issue_date",
    "公布日期": "issue_date",
    # a site's 发文日期/印发日期 is often the day the office sent the document out, which may be
    # days after the 成文日期 under its signature: the signature's date wins where both are printed
    "印发日期": "sent_date",
    "发文日期": "sent_date",
    "签发日期": "sent_date",
    "发布日期": "publish_date",
    "发布时间": "publish_date",
    "公开日期": "publish_date",
    "公开时间": "publish_date",
    "发表时间": "publish_date",
    "發佈日期": "publish_date",
    "更新时间": "publish_date",
    "时间": "publish_date",
    "日期": "publish_date",
    "标题": "title",
    "標題": "title",
    "文件标题": "title",
    "文件名称": "title",
    "题名": "title",
    "名称": "title",
}
for _label in (
    "主题分类", "主题词", "关键词", "公文种类", "文种", "体裁分类", "组配分类", "服务对象", "有效性",
    "时效性", "是否有效", "生效日期", "实施日期", "废止日期", "失效日期", "作者", "浏览次数", "阅读次数",
    "浏览量", "阅读量", "阅读", "浏览", "点击数", "点击量", "点击", "访问量", "访问次数", "评论", "公开方式",
    "公开范围", "公开时限", "施行日期", "效力等级", "政策级别", "政策主题", "索引號", "主題分類", "時效",
    "所属机构", "所属主题", "信息分类", "分类", "统一编号", "登记号", "内容概述", "摘要", "责任编辑", "编辑",
    "签发人", "字体", "字号", "分享到", "上传者", "上传时间", "大小", "页数", "下载次数",
):  # fmt: skip
    LABELS[_label] = None
# Labels that only a metadata block has; plan text and its tables never use them as labels.
RARE = {
    "索引号",
    "发文字号",
    "发文文号",
    "成文日期",
    "发文机关",
    "主题分类",
    "公文种类",
    "发布机构",
    "体裁分类",
    "颁布部门",
    "制定机关",
    "效力等级",
    "發文機關",
    "發文字號",
    "组配分类",
}
_DATE_KEYS = {"issue_date", "sent_date", "publish_date"}

SP = r"[\s\u00a0\u3000]*"


def label_alternation(labels: list[str]) -> str:
    """A regex alternation of ``labels`` that also matches them printed with spaces inside."""
    return "|".join(SP.join(map(re.escape, k)) for k in sorted(labels, key=len, reverse=True))


_CANON_SPACE = re.compile(r"[\s\u00a0\u3000]+")


def canon_label(label: str) -> str:
    """标　　题 → 标题."""
    return _CANON_SPACE.sub("", label)


_ALT = label_alternation(list(LABELS))
_LONG_ALT = label_alternation([k for k in LABELS if len(k) >= 3])
# a label with its colon: at the start or after a space or bar, or anywhere for a label of three
# or more characters (索引号：…主题分类：… run together); 来源 inside 资金来源： is no label
_LABEL_COLON = re.compile(rf"(?:(?:^|(?<=[\s\u00a0\u3000|｜]))({_ALT})|({_LONG_ALT})){SP}[:：]")
_LABEL_CELL = re.compile(rf"^{SP}[\[【［]?{SP}({_ALT}){SP}[\]】］]?{SP}[:：]?{SP}$")
_LEADING_TIME = re.compile(
    r"^((?:19|20)\d{2}[-./年]\d{1,2}[-./月]\d{1,2}日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?=\s|$)"
)
_MAX_LINE = 300
_COLON_OR_BAR = re.compile(r"[:：|｜\t]")
# a law database's attribute row: •【制定机关】延安市科学技术局, •【字号】延市科发〔2018〕24号
_BRACKET_ROW = re.compile(rf"^[•·●▪\s]*【{SP}({_ALT}){SP}】{SP}(\S.*)$")
# a row of a flattened metadata table whose labels stand apart by spaces only:
# 索  引  号 113708280043358015/2021-01956 公开方式 主动公开
_SPACED_LABEL = re.compile(rf"(?:^|(?<=[\s\u00a0\u3000]))({_ALT})(?=[\s\u00a0\u3000]|$)")
_PAIR_BRACKETS = re.compile(r"[【】〖〗\[\]]")


def read_label_line(text: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a metadata line, labels canonical and values trimmed (a value
    may be empty: 浏览次数： with its count left to a script); None when the line is no metadata
    line. A line starting with a date and time (the 2021-11-26 11:00 来源：… under a headline)
    gives that date as 发布时间."""
    if len(text) > _MAX_LINE:
        return None
    bracketed = _BRACKET_ROW.match(text)
    if bracketed:
        return [_bracket_pair(canon_label(bracketed.group(1)), bracketed.group(2).strip())]
    if not _COLON_OR_BAR.search(text):
        return _spaced_row(text.strip())
    # 【发布时间：…】【来源：…】: brackets around each pair are layout
    t = _PAIR_BRACKETS.sub(" ", text).strip()
    if not t:
        return None
    if "|" in t or "｜" in t or "\t" in t:
        return _pipe_row(t)
    pairs: list[tuple[str, str]] = []
    pos = 0
    lead = _LEADING_TIME.match(t)
    if lead:
        pairs.append(("发布时间", lead.group(0).strip()))
        pos = lead.end()
        while pos < len(t) and t[pos].isspace():
            pos += 1
    if not _LABEL_COLON.match(t, pos):
        return None
    matches = list(_LABEL_COLON.finditer(t, pos))
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        value = t[m.end() : nxt.start() if nxt else len(t)].strip()
        pairs.append((canon_label(m.group(1) or m.group(2)), value))
    if any("。" in v for _, v in pairs):
        return None  # a labelled sentence (来源：……。) is prose
    if not _plausible(pairs):
        return None
    return pairs


def _bracket_pair(label: str, value: str) -> tuple[str, str]:
    # 【字号】 in a law database is the 发文字号 (elsewhere 字号 is a page's font-size control)
    if label == "字号" and normalise_doc_number(value):
        return "发文字号", value
    return label, value


def _spaced_row(t: str) -> list[tuple[str, str]] | None:
    """The pairs of a row whose labels are set apart by spaces only: it starts with a label,
    holds two or more, one of them a label only a metadata block has."""
    matches = list(_SPACED_LABEL.finditer(t))
    if len(matches) < 2 or matches[0].start() != 0:
        return None
    pairs = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        pairs.append((canon_label(m.group(1)), t[m.end() : nxt.start() if nxt else len(t)].strip()))
    if not any(label in RARE for label, _ in pairs) or any("。" in v for _, v in pairs):
        return None
    return pairs


def label_only(text: str) -> tuple[str, bool] | None:
    """(label, printed with a colon) for a line that is a known label and nothing else: a
    flattened metadata table puts each label on a line of its own with its value below."""
    m = _LABEL_CELL.match(text)
    if not m:
        return None
    return canon_label(m.group(1)), ":" in text or "：" in text


def _pipe_row(t: str) -> list[tuple[str, str]] | None:
    cells = [c.strip() for c in re.split(r"[|｜\t]", t)]
    cells = [c for c in cells if c]
    pairs: list[tuple[str, str]] = []
    label: str | None = None
    labelled = 0
    for cell in cells:
        only = _LABEL_CELL.match(cell)
        if only:
            if label is not None:
                pairs.append((label, ""))
            label = canon_label(only.group(1))
            labelled += 1
            continue
        inline = read_label_line(cell) if _LABEL_COLON.match(cell) else None
        if inline:
            if label is not None:
                pairs.append((label, ""))
                label = None
            pairs.extend(inline)
            labelled += 1
        elif label is not None:
            pairs.append((label, cell))
            label = None
    if label is not None:
        pairs.append((label, ""))
    if not labelled or labelled * 2 < len(cells) - labelled:
        return None
    return pairs if _plausible(pairs) else None


def _plausible(pairs: list[tuple[str, str]]) -> bool:
    """Whether pairs read from a line are a metadata line: two labels, or one a block only has,
    or a date label with a date."""
    if len(pairs) >= 2:
        return True
    label, value = pairs[0]
    if label in RARE:
        return True
    key = LABELS.get(label)
    if key in _DATE_KEYS:
        return bool(re.match(r"(?:19|20)\d{2}", value))
    return key in ("doc_number", "title", "source", "publisher", "issuer") and 0 < len(value) <= 60


def hints_from_pairs(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The front-matter keys of a metadata line's pairs (first value of a key wins)."""
    hints: dict[str, str] = {}
    for label, value in pairs:
        key = LABELS.get(label)
        if key and value:
            hints.setdefault(key, value)
    return hints


# --- chrome ---------------------------------------------------------------------------------------

_STRONG_CHROME = re.compile(
    r"当前位置|您现在的位置|您的位置|现在位置|所在位置|所在的位置|ICP备|ICP证|网站标识码|公网安备|版权所有|Copyright|©"
    r"|【\s*字体|字体\s*[:：]|打印本页|关闭窗口|分享到|扫一扫|返回顶部|网站地图|无障碍|简体版|繁体版|长者模式"
    r"|适老化|高级搜索|站内搜索|请输入|关键[字词]\s*[:：]?\s*搜索|【\s*[大中小]\s*[】\]]|上传者|我要收藏|免费下载"
    r"|阅读全文|下载文档|举报|^首\s*页$|^>>|^[»›]"
    # a law database's section marks around the document: 文章属性, 正文
    r"|^(?:正文|全文|原文|文章属性|法规属性|条款摘要)$",
    re.IGNORECASE,
)
_CHROME_WORDS = re.compile(
    r"首页|收藏|分享|打印|关闭|字体|字号|微信|微博|头条|空间|qq|浏览次数|阅读次数|阅读量|浏览量|点击数|访问量"
    r"|上一篇|下一篇|相关链接|相关文章|相关阅读|附件下载|文件下载|责任编辑|搜索|检索|登录|注册|退出|个人中心"
    r"|用户中心|配色|辅助线|重置|页面|IPv6|下载|页数|大小|积分|预览|文档|评论|点赞|纠错|返回|English|手机版|设为首页"
    r"|加入收藏|导航|邮箱|繁體|移动端|转发",
    re.IGNORECASE,
)
_PAGE_COUNTER = re.compile(
    r"^(?:第\s*\d+\s*页\s*(?:[/／,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|\d+\s*/\s*\d+)$"
)
_BREADCRUMB = re.compile(
    r"^(?:(?:您的|当前)?位置\s*[:：]|首\s*页\s*(?:[>›»/]|&gt;|-{1,2}>))|(?:[>›»]|&gt;).*(?:[>›»]|&gt;)"
)
_SITE_NAME = re.compile(
    r"(?:门户网站|政府网|网站|政务网|政务服务网|官网|公众号|文库|文档网|资料网|范文网"
    r"|(?:信息|搜索|新闻|法律|法规|资讯|在线|门户|服务|中国)网)$"
)
# a site's name with its slogan or domain: 法搜网--中国法律信息搜索网, 某某网_权威发布
_SITE_PAIR = re.compile(r"^[^\s\-—_|｜]{1,12}网[\s]*(?:--|——|_|\||｜)")
# a breadcrumb that sets its parts apart by spaces: EHS中国 法规首页 惠州市人民政府关于…
_SPACED_CRUMB = re.compile(r"(?:^|[\s\u3000])\S{0,8}首页[\s\u3000]+\S")
# a language switch (EN, English, 中文) or a bare Latin word: no line of a Chinese title
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z\s./|-]{0,11}$")
# a site's summary of the document (导读：…, 内容提要：…), written by the site, not the issuer
DIGEST = re.compile(r"^[【\[]?\s*(?:导读|导语|核心提示|内容提要|内容摘要|摘要|编者按)\s*[】\]]?\s*[:：]")
_LIBRARY = re.compile(r"(?:^|\s)(?:ID|大小|页数|上传者|上传时间|格式|下载|贡献者|文档格式|文件大小)\s*[:：]")
_SEPARATORS = re.compile(r"[\s【】\[\]〖〗()（）|｜:：>›»/·•]+")
_MAX_CHROME = 100


def is_chrome(text: str) -> bool:
    """Whether a line is site furniture: a breadcrumb, a print/share/font bar, a search box, an
    account menu, a page counter, a document-library listing, a site name."""
    t = text.strip()
    if not t or len(t) > _MAX_CHROME:
        return False
    if _STRONG_CHROME.search(t) or _PAGE_COUNTER.match(t) or _LIBRARY.search(t):
        return True
    if _LATIN_ONLY.match(t) or _SITE_PAIR.match(t) or _SPACED_CRUMB.search(t):
        return True
    crumb = _BREADCRUMB.search(t)
    if crumb and (crumb.start() == 0 or "首页" in t):
        return True
    if _SITE_NAME.search(t.rstrip(" |｜")) and "。" not in t and len(t) <= 30:
        return True
    if _is_menu(t):
        return True
    words = {m.group(0).lower() for m in _CHROME_WORDS.finditer(t)}
    bare = _SEPARATORS.sub("", t).lower()
    if not words:
        return False
    # the line is chrome words and little else: 收藏 我要收藏 …, 分享 微信, 微博 空间 qq
    rest = _CHROME_WORDS.sub("", _SEPARATORS.sub("", t))
    return bare in words or len(rest) <= 2 or (len(words) >= 2 and len(rest) <= 2 * len(words) + 4)


_MENU_ITEM = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
_ORGAN_WORD = re.compile(r"(?:政府|办公室|办公厅|委员会|局|厅|部|委|院|会|办|署|中心)$")


def _is_menu(t: str) -> bool:
    """A site's menu bar: three or more short items set apart by spaces (首页 政务公开 政务服务 互动交流),
    unlike a line of issuers' names (财政部 科技部 工业和信息化部)."""
    items = t.replace("|", " ").replace("｜", " ").split()
    if len(items) < 3 or not all(_MENU_ITEM.match(i) for i in items):
        return False
    return sum(1 for i in items if _ORGAN_WORD.search(i)) * 2 < len(items)


# --- headlines about a document ---------------------------------------------------------------------

_CITATION = re.compile(r"《[^》]*》")
_NEWS_VERB = re.compile(
    r"(?:印发|发布|出台|出炉|公布|亮相|来了|解读|正式实施|施行|落地|印发实施|正式印发|重磅发布|全文)$"
)
_NEWS_LEAD = re.compile(
    r"^(?:重磅|图解|图文解读|一图读懂|一图看懂|政策解读|解读|速览|划重点|最新|权威发布|\d+\s*[项条个大])"
)
_EXCLAIM = re.compile(r"[!！?？]")
# a site's tag before a headline: 【聚焦】, 【要闻】, [工作动态]
_SITE_TAG_ONLY = re.compile(r"^[【\[［『「][^】\]］』」]{1,6}[】\]］』」]\s*")
_SITE_TAG = re.compile(_SITE_TAG_ONLY.pattern + r"\S")  # the tag with a headline after it
_TAG_WORD = re.compile(r"^[【\[［『「][^】\]］』」]*(?:解读|图解|视频|专题|热点|要闻|聚焦)")
_REPORTED_ISSUE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<!关于)(?:印发|出台|发布|公布)(?!的)")
# what a report of an issue never holds: the notice itself (or a line of it broken inside its
# 《》), a sentence, a 文号, a date
_NOT_A_REPORT = re.compile(
    r"关于|通知|通告|公告|决定|意见|批复|[《》。；;]|[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]|(?:19|20)\d{2}年\d{1,2}月"
)


def is_news_headline(text: str) -> bool:
    """Whether a line is a news headline about a document (123项！《X》印发, 重磅｜《X》出台,
    图解：《X》) rather than the document's own title (which a 《》 never wraps whole, and which
    ends with its kind: 方案, 通知, 分工表 …)."""
    t = text.strip()
    if not t or len(t) > 150:
        return False
    outside = _CITATION.sub("《》", t)
    if "《》" not in outside:
        # 【聚焦】X印发Y 明确…: a site's tag, or an organ reporting that it issued something — a
        # title never says it was issued unless it is the notice that issues (…印发…的通知)
        reports = _REPORTED_ISSUE.search(t) is not None and _NOT_A_REPORT.search(t) is None
        return bool(_NEWS_LEAD.match(t) and _EXCLAIM.search(t)) or bool(_SITE_TAG.match(t)) or reports
    bare = outside.replace("《》", "").strip(' 　“”"')
    if not bare:
        return False  # 《X》 alone: a title printed in its citation marks
    # 『图文解读』 一图读懂《X》: a site's tag before the lead
    untagged = _SITE_TAG_ONLY.sub("", outside)
    return bool(
        _EXCLAIM.search(outside)
        or _NEWS_VERB.search(outside)
        or _NEWS_LEAD.match(outside)
        or (untagged != outside and (_NEWS_LEAD.match(untagged) or _TAG_WORD.search(outside)))
    )
