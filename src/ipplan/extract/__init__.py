"""Extractors: format-blind, from a block stream and its outline to the records of a ``Plan``."""

from __future__ import annotations

from ipplan.blocks import Document
from ipplan.schema import Plan, SourceInfo


def build_plan(document: Document, source: SourceInfo) -> Plan:
    """Run the outline and every extractor over ``document``."""
    plan = Plan(source=source)
    plan.warnings.extend(document.warnings)
    return plan
