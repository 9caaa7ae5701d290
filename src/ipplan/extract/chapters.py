"""What a plan's chapters are for: its tasks, its framing, or its closing safeguards.

The genre (GB/T 9704 公文, and the plans and notices built on it) opens with chapters that frame the
plan (指导思想, 总体要求, 基本原则, 目标, 背景/形势, 序言), puts its work in chapters titled as its tasks
(主要任务, 重点任务, 工作措施, 重点工作 …) or in chapters that are each a task area (加强…, 推进…), and
closes with safeguards (保障措施, 组织实施, 组织保障, 组织领导, 实施步骤, 工作要求).
"""

from __future__ import annotations

import re

# A chapter titled as the plan's tasks.
TASK_TITLE = re.compile(
    r"(?:主要|重点|具体|工作|核心|各项|年度)(?:任务|措施|工作|举措)"
    r"|任务(?:和|与|及)?(?:措施|举措|分工|分解|清单)|工作(?:重点|内容)|主要内容"
)
# Closing chapters: how the plan is to be carried out, not work it assigns.
_CLOSING = re.compile(
    r"保障措施|保障机制|组织实施|组织保障|组织领导|实施保障|工作保障|实施步骤|工作步骤|步骤安排|进度安排|"
    r"时间安排|实施安排|实施进度|工作要求|有关要求|附则|其他事项|监督考核|考核评估|督查考核|督促检查"
)
# Framing chapters end on what frames a plan: a noun phrase, not an action.
_FRAMING_END = re.compile(
    r"(?:思想|方针|原则|要求|思路|目标|指标|定位|背景|形势|基础|现状|意义|序言|前言|引言|总则|成效|成就|依据|"
    r"范围|情况|概况|回顾|环境|机遇|挑战)$"
)
_ACTION_START = re.compile(
    r"^(?:加强|加快|加大|推进|推动|提升|提高|完善|强化|健全|深化|夯实|构建|建立|实施|促进|优化|扩大|培育|打造|"
    r"营造|做好|落实|坚持|开展|着力|大力|积极|切实|持续|创新|严格|丰富|壮大|拓展|支持|鼓励|引导|规范|增强|"
    r"筑牢|巩固|聚焦|围绕|突出|抓好|抓实|激发|释放|发挥|服务|助力|探索|深入|全面推进|全力)"
)


def is_task_title(title: str) -> bool:
    """Whether a chapter is titled as the plan's tasks (三、主要任务, 二、工作措施)."""
    return TASK_TITLE.search(title) is not None


# a title that is nothing but safeguards: 五、强化保障, 六、加强组织保障, 保障体系
_ONLY_SAFEGUARDS = re.compile(
    r"^(?:强化|加强|完善|健全|做好|落实)?(?:组织|政策|工作|实施|要素|制度)?保障(?:措施|机制|体系)?$"
)


# a title that asks for the plan to be carried out: 三、抓好贯彻落实, 认真组织实施
_CARRY_OUT = re.compile(
    r"^(?:抓好|认真|切实|狠抓|确保|推动|加强|全面)?(?:贯彻落实|组织落实|抓好落实|落实落细|狠抓落实)$"
)


# how a breakdown notice asks for its table to be carried out: 一、统一思想抓落实, 二、明确责任抓落实
_FOR_CARRYING_OUT = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:抓落实|促落实|保落实)$")


def is_closing(title: str) -> bool:
    """Whether a chapter is one of the closing safeguards (四、保障措施, 八、强化组织领导)."""
    t = title.strip(" 。.")
    return any(p.search(t) for p in (_CLOSING, _ONLY_SAFEGUARDS, _CARRY_OUT, _FOR_CARRYING_OUT))


# a framing noun the title's action words only qualify: 一、深化预算管理制度改革的总体要求
_OF_FRAMING = re.compile(r"的(?:总体要求|指导思想|基本原则|主要目标|总体目标|目标任务|重要意义|总体思路)$")


def is_framing(title: str) -> bool:
    """Whether a chapter frames the plan (一、指导思想, 二、指导思想和主要目标, 一、序言)."""
    t = title.strip(" 。.：:")
    if _OF_FRAMING.search(t):
        return True
    return _FRAMING_END.search(t) is not None and _ACTION_START.match(t) is None


def is_goals(title: str) -> bool:
    """Whether a chapter or subsection states the plan's goals (主要目标, 发展目标, 主要预期目标)."""
    return "目标" in title and _ACTION_START.match(title.strip()) is None


def is_chapter_title(title: str) -> bool:
    """Whether a heading is titled as one of a plan's chapters: its framing, its tasks or its
    closing safeguards."""
    return is_framing(title) or is_task_title(title) or is_closing(title)
