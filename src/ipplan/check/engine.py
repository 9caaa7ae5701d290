"""Applying the enabled rules to files: parse each, run every rule, collect findings."""

from __future__ import annotations

from collections.abc import Iterable

from ipplan.check.config import Config
from ipplan.check.findings import Finding, Hit, Severity
from ipplan.check.rules import PARSE_ERROR, Rule
from ipplan.errors import IpplanError
from ipplan.schema import Plan


def check_file(path: str, config: Config, *, ocr: str = "auto") -> list[Finding]:
    """Findings for one file; a file that cannot be parsed yields one parse-error finding."""
    from ipplan.api import parse

    try:
        plan = parse(path, ocr=ocr)
    except IpplanError as exc:
        return _parse_error(path, exc, config)
    except Exception as exc:  # a reader bug must not hide the other files' findings
        return _parse_error(path, IpplanError("internal-error", f"{type(exc).__name__}: {exc}", path), config)
    return check_plan(plan, path, config)


def check_plan(plan: Plan, file: str, config: Config) -> list[Finding]:
    """Findings of every enabled rule, by rule code and then in document order."""
    findings: list[Finding] = []
    for rule, severity in config.rules():
        if rule.check is not None:
            findings.extend(_finding(rule, severity, file, hit) for hit in rule.check(plan))
    return findings


def _parse_error(path: str, exc: IpplanError, config: Config) -> list[Finding]:
    for rule, severity in config.rules():
        if rule is PARSE_ERROR:
            message = f"{exc.code} {exc.kind.name}: {' '.join(exc.message.split())}"
            return [Finding(rule.name, rule.code, severity, message, path)]
    return []


def _finding(rule: Rule, severity: Severity, file: str, hit: Hit) -> Finding:
    task, indicator, section = hit.task, hit.indicator, hit.section
    record = task or indicator or section
    source = hit.source or (record.source if record is not None else None)
    return Finding(
        rule=rule.name,
        code=rule.code,
        severity=severity,
        message=hit.message,
        file=file,
        task_path=tuple(task.path) if task else None,
        indicator_seq=indicator.seq if indicator else None,
        indicator_name=indicator.name if indicator else None,
        section=section.number if section else (task.path[0] if task and task.path else None),
        source=source,
    )


def failed(findings: Iterable[Finding], strict: bool) -> bool:
    """Whether the check fails: any error, or any warning when strict."""
    return any(f.severity == "error" or strict for f in findings)
