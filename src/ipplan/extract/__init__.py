"""Extractors: format-blind, from a block stream and its outline to the records of a ``Plan``.

The order is the pipeline's: front matter (meta, and where the body starts), the outline of the
body, then sections, indicators, tasks and prose targets read off that outline.
"""

from __future__ import annotations

from ipplan.blocks import Document, Paragraph
from ipplan.extract.departments import states_first_listed_leads
from ipplan.extract.indicators import indicators
from ipplan.extract.meta import extract_meta
from ipplan.extract.targets import targets
from ipplan.extract.tasks import sections, task_sections, tasks
from ipplan.extract.tasktable import merge_table_tasks, table_tasks
from ipplan.outline import build_outline
from ipplan.schema import Plan, SourceInfo, Warning


def build_plan(document: Document, source: SourceInfo) -> Plan:
    """Run the outline and every extractor over ``document``."""
    front = extract_meta(document.blocks, document.meta_hints)
    body = list(document.blocks[front.body_start :])
    if front.title_split and body and isinstance(body[0], Paragraph):
        first = body[0]
        body[0] = Paragraph(first.text[front.title_split :], first.loc, None, first.centered, first.bold)
    outline = build_outline(body)
    warnings: list[Warning] = list(document.warnings) + outline.warnings
    # a notice may state before its body that the first body listed in a note leads
    front_blocks = document.blocks[: front.body_start]
    stated_before = any(isinstance(b, Paragraph) and states_first_listed_leads(b.text) for b in front_blocks)
    chapters = task_sections(outline)  # which chapters hold the tasks: sections title measures by it
    plan = Plan(
        source=source,
        meta=front.meta,
        sections=sections(outline, chapters),
        indicators=indicators(outline, warnings),
        tasks=merge_table_tasks(
            tasks(outline, chapters, leads_first_listed_from=0 if stated_before else None, warnings=warnings),
            table_tasks(outline, first_listed_leads=stated_before),
        ),
        targets=targets(outline, front.meta),
        warnings=warnings,
    )
    if not plan.sections and not plan.indicators and not plan.tasks:
        plan.warnings.append(
            Warning(code="not-a-plan", message="no numbered outline or indicator table found")
        )
    return plan
