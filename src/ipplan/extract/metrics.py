"""What a target measures, as printed: the noun phrase without the verb, the comparator and the
words that frame the commitment (到2025年，力争全区…达到 → the words between).

``verb_chain`` finds where the stating words before a number begin (达到, 稳定在, 分别达到,
原则上不高于承担风险责任的); ``clean`` strips the framing words off both ends of what precedes them;
``split_items`` distributes 分别 over a list (花生种植、收获机械化率 → 花生种植机械化率, 花生收获机械化率).
"""

from __future__ import annotations

import re
from functools import cache

from ipplan.extract.quantities import PRE_COMPARATORS
from ipplan.extract.segment import _posseg  # one jieba, loaded on first use, for the whole process

# verbs that state a level (the verb is never the metric); longest first within each family
_STATE_VERBS = (
    "提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至|扩大到|扩大至|降低到|降低至|"
    "下降到|下降至|减少到|减少至|压缩到|压缩至|缩短到|缩短至|降到|降至|增至|达到|达|突破|超过|"
    "稳定在|保持在|控制在|维持在|巩固在|保持|稳定|维持|新增|累计|共计|合计|实现|为|在|至|到"
)
STATE_VERBS = _STATE_VERBS
# verbs of change: kept in the metric when the number is the change (生产总值增长6%以上)
CHANGE_VERBS = (
    "增长|下降|提高|提升|降低|减少|增加|上涨|上升|扩大|缩短|压减|压缩|下调|上调|增速|涨幅|增幅|降幅"
)
_ADVERBS = (
    "原则上|总体上|总体|分别|均|各|都|一般|逐步|力争|争取|确保|要|应|将|可|再|共|每年|年均|平均|基本|稳步|持续|"
    "全年|当年|累计|进一步|不断|努力"
)
_PRE_CMP = "|".join(sorted(PRE_COMPARATORS, key=len, reverse=True))
# the words between a metric and its number: adverbs, a stating verb, a comparator, and an "of"
# phrase the value is a share of (不高于承担风险责任的0.5%; 为试点地区年度用药总量的60%-70%)
_OF = r"(?:[^，。；的]{1,20}的)?"
_CHAIN = re.compile(
    rf"(?:{_ADVERBS})*(?:(?:{_STATE_VERBS})(?:{_ADVERBS})*(?:(?P<cmp>{_PRE_CMP}))?|(?P<cmp2>{_PRE_CMP})){_OF}$"
    rf"|(?:{_ADVERBS})*$"
)
# verbs a count follows (培育100家…) or a metric's leading verb (培育市级及以上…企业20家以上)
COMMIT_VERBS = (
    "培育认定|新培育|再培育|培育|培养培训|培养|培训|建设认定|建设|建成|新建|改建|扩建|建立|组建|创建|创成|争创|"
    "打造|引进|招引|引育|引导|吸引|集聚|扶持|资助|支持|选拔|遴选|设立|成立|组织|举办|开展|召开|实施|推出|推广|"
    "认定|评选|评定|命名|表彰|奖励|发展|布局|储备|孵化|服务|帮助|带动|撬动|完成|形成|制定|修订|出台|发布|开发|"
    "研制|攻克|转化|落实|提供|安排|投入|筹集|发放|改造|获批|获得|申报|新认定|推动|推进|促成|签约|吸纳|招聘|"
    "招收|招募|选派|聘请|挂牌|授予|编制|新开|开通|开设|设置|配备|聘任|使用"
)
# a verb followed by one of these is the first half of a noun (服务业, 建成区, 孵化器, 实施率)
_NOUN_AFTER_VERB = "业区器费额量率者员性类库园站用数值力"
_NOUN_AFTER_VERB_NOT_AREA = _NOUN_AFTER_VERB.replace("区", "")
_LEAD_FRAMING = re.compile(
    r"^(?:(?:到|至|截至|截止到|截止)?\s*(?:19|20)\d{2}\s*年(?:\d{1,2}月)?(?:底前|末前|底|末|前)?|"
    r"(?:未来|今后)?[一二三四五六七八九十两\d]+年(?:内|间|来)?|未来[一二三四五六七八九十两\d]*年|"
    r"力争|争取|确保|预计|努力|其中|同时|此外|另外|原则上|总体上|一般(?!公共|性|工业|贸易|纳税人|债务)|并且|每年|年均|全年|当年|年内|对于|"
    r"每(?:季度|半年|两年|月|周)|今年|本年度?|明年|拟|大规模|"
    r"全面|进一步|着力|合计|累计|(?:我|全)[区县市省州镇乡旗盟]|本[区县市省]|"
    # one-character words only where they are not the first half of a noun (对外, 要素, 再生, 共享)
    r"对(?!外|象|接|口|标|比|话)|要(?!素|求|点|件)|将(?!来)|可(?!再生|持续|靠|用|比)|再(?!生|担保|制造)|"
    r"并(?!购|网|联)|且|共(?!享|同|建|性|有)|"
    # 实现区域…: a verb before 区域 is no 建成区
    rf"(?:实现|达成|{COMMIT_VERBS})(?!区(?!域)|[{_NOUN_AFTER_VERB_NOT_AREA}])|(?:和|及|与|并)(?=(?:{COMMIT_VERBS}))|"
    # an adverb of degree before the verb it frames (基本实现…); not 基本公共服务
    rf"(?:基本|初步|逐步|稳步)(?=实现|达成|{COMMIT_VERBS})|"
    # a part stated in brackets after its whole: 新增注册商标300件（其中地理标志商标2件）
    r"[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|末|期末)?|[——\-–\s、，,：:；;（(]+)"
)
# what a change is measured from is not part of the metric: …排放总量(分别比2015年)下降15%,
# 全员劳动生产率(从人均8.7万元)提高到12万元
_BASELINE = re.compile(
    r"(?:分别)?(?:比|较|相比|与)\s*(?:上年|上一年|去年|基期|[“\"]?十[一二三四五]五[”\"]?(?:末|期末)?|"
    r"(?:19|20)\d{2}\s*年(?:底|末)?)(?:水平)?(?:相比)?|(?:从|由)[^，,从由]{0,12}\d[^，,]*$"
)
# （以下简称…） names a term for later; it is no part of the metric
_DEFINITION = re.compile(r"[（(]以下(?:简|统)?称[^）)]{0,20}[）)]")
_TAIL_FRAMING = re.compile(rf"(?:{_ADVERBS}|[、，,\s])+$")
# the object of 将/把/使/让 is what is measured: 引导合作机构逐步将平均担保费率(降至1%以下)
_CAUSATIVE = re.compile(
    r"(?:(?<!即)将(?!来)|把(?!握|关)|(?<!行)使(?!用|命|得)|(?<![转出退谦])让(?!渡|利))(?=[^将把使让]{2,}$)"
)


def verb_chain(left: str) -> tuple[int, str | None]:
    """Where the stating words at the end of ``left`` begin, and the comparator word among them.

    Only the last 30 characters are read: a chain is a few words long."""
    offset = max(0, len(left) - 30)
    m = _CHAIN.search(left, offset)
    if m is None:  # pragma: no cover - the pattern matches the empty string at the end
        return len(left), None
    return m.start(), m.group("cmp") or m.group("cmp2")


def clean(text: str) -> str:
    """``text`` without the framing words at either end (到2025年，力争全区… / …分别)."""
    text = _DEFINITION.sub("", _BASELINE.sub("", text.strip()))
    for _ in range(12):  # each pass strips one framing word; a metric has a few at most
        m = _LEAD_FRAMING.match(text)
        if m is None or not m.group(0):
            break
        rest = text[m.end() :]
        if not rest.strip(" ，,、：:；;"):
            return ""  # only framing and a verb: no metric of its own (其中2019年培训…)
        if len(rest) < 2:
            break
        text = rest
    m = _CAUSATIVE.search(text)
    if m is not None:
        text = text[m.end() :]
    text = _TAIL_FRAMING.sub("", text)
    return text.strip(" ，,、：:；;")


# a clause that ends in a state (…建设更加完善) run on into the next one (建成…) where a comma was lost
# the states a clause ends in (更加完善, 基本健全); "基本康复服务覆盖率" ends in none
_STATES = (
    "完善|健全|成熟|优化|提升|增强|改善|形成|规范|合理|齐全|满足|稳定|巩固|扎实|深入|有效|凸显|明显|丰富|"
    "活跃|畅通|便捷|高效|完备|显著|加快|加强|提高|扩大|强化|落实|建立|确立|实现|普及|到位|见效|协调|均衡"
)
_RUN_ON = re.compile(
    rf"(?:更加|更为|日益|显著|明显|进一步|持续|不断|全面|基本)(?:{_STATES})(?=(?:{COMMIT_VERBS}))"
    # …保护中心并力争申请量达到…: 并 opens a clause of its own
    r"|(?<![合兼吞归])并(?!购|网|联|列|非|不|重)(?:且)?(?:力争|争取|确保|推动|使|实现)?"
)


def run_on_end(text: str) -> int:
    """Where the clause that ``text`` really begins with starts, after a state it ran on from."""
    ends = [m.end() for m in _RUN_ON.finditer(text)]
    return ends[-1] if ends else 0


_ITEM_SEPARATOR = re.compile(r"、|和|及|与|以及")


def split_items(metric: str, count: int) -> list[str]:
    """The metric of each value of 分别: "花生种植、收获机械化率" with two values → 花生种植机械化率,
    花生收获机械化率; the metric itself for each when the list does not read as ``count`` items."""
    parts = [p for p in _ITEM_SEPARATOR.split(metric) if p]
    if len(parts) != count or count < 2:
        return [metric] * count
    first, middles, last = parts[0], parts[1:-1], parts[-1]
    words_first, words_last = _words(first), _words(last)
    prefix = suffix = ""
    for j in range(len(words_last), 0, -1):
        head = "".join(words_last[:j])
        if head[-1] == first[-1]:
            # the items end alike (申请量和授权量; …企业、…中小企业数量): what follows them is shared,
            # and a one-word last item shares what precedes the first (发明专利申请量和授权量)
            suffix = "".join(words_last[j:])
            if j == 1 and len(words_first) > 1:
                prefix, first = "".join(words_first[:-1]), words_first[-1]
            items = [first, *middles, head]
            break
    else:
        if _is_verb(words_first[-1]) and _is_verb(words_last[0]):
            # activities (花生种植、收获机械化率): a shared noun before them, a shared measure after
            prefix = "".join(words_first[:-1])
            items = [words_first[-1], *middles, words_last[0]]
        elif len(words_first) == 1 and len(words_last) > 1:
            items = [first, *middles, words_last[0]]  # 专利、商标申请量
        else:
            return [metric] * count
        suffix = "".join(words_last[1:])
    return [prefix + item + suffix for item in items]


def _words(text: str) -> list[str]:
    return [w.word for w in _posseg().cut(text)] or [text]


@cache
def _is_verb(word: str) -> bool:
    return any(w.flag == "v" for w in _posseg().cut(word))
