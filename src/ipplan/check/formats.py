"""Output formats of ``ipplan check``: text (people), json (tools), junit (CI test reports),
github (workflow annotations). Each takes the findings, the files checked and whether the check
is strict (which decides what fails it).

An input that could not be checked (a parse-error finding) fails the check in every format: a
text line and the summary, an ``unchecked`` entry in JSON, an ``<error>`` case in JUnit, an
``::error`` annotation for GitHub.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from ipplan.check.findings import Finding

# XML 1.0 cannot carry most control characters even escaped; a scraped page can contain them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ERROR_CODE = re.compile(r"^(E\d{3}) ([a-z-]+): (.*)$", re.DOTALL)


def text(
    findings: Sequence[Finding], files: Sequence[str], *, strict: bool = False, summary: bool = True
) -> str:
    """``file:line: CODE [severity] rule: message (where)`` lines and a one-line summary."""
    lines = []
    for f in findings:
        at = f"{f.file}:{f.line}:" if f.line is not None else f"{f.file}:"
        position = f.position()
        suffix = f" ({position})" if position else ""
        lines.append(f"{at} {f.code} [{f.severity}] {f.rule}: {f.message}{suffix}")
    if summary:
        lines.append(_summary(findings, files))
    return "".join(line + "\n" for line in lines)


def _summary(findings: Sequence[Finding], files: Sequence[str]) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    noun = "file" if len(files) == 1 else "files"
    if not findings:
        return f"All checks passed ({len(files)} {noun})."
    unchecked = sum(1 for f in findings if f.unchecked)
    tail = f" ({unchecked} could not be checked)" if unchecked else ""
    return f"Found {_n(errors, 'error')} and {_n(warnings, 'warning')} in {len(files)} {noun}{tail}."


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def unchecked_entry(f: Finding) -> dict:
    """An input that could not be checked: its file and the error as ``ipplan parse`` reports it."""
    match = _ERROR_CODE.match(f.message)
    code, name, message = match.groups() if match else (None, None, f.message)
    return {"file": f.file, "code": code, "error": name, "message": message}


def as_json(findings: Sequence[Finding], files: Sequence[str], *, strict: bool = False) -> str:
    """``{"findings": […], "files": K, "unchecked": […], "failed": bool}``."""
    doc = {
        "findings": [f.to_dict() for f in findings],
        "files": len(files),
        "unchecked": [unchecked_entry(f) for f in findings if f.unchecked],
        "failed": any(f.fails(strict) for f in findings),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def junit(findings: Sequence[Finding], files: Sequence[str], *, strict: bool = False) -> str:
    """One testsuite per file and one testcase per finding (a passing one for a clean file).

    Only what fails the check is a ``<failure>``; an input that could not be checked is an
    ``<error>``; a warning that does not fail it (without --strict) is a passing case whose
    ``<system-out>`` carries the message, so CI report viewers count failures as the exit code does.
    """
    root = ET.Element("testsuites", name="ipplan check")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for file in files:
        mine = [f for f in findings if f.file == file]
        counts = {
            "tests": max(len(mine), 1),
            "failures": sum(1 for f in mine if f.fails(strict) and not f.unchecked),
            "errors": sum(1 for f in mine if f.unchecked),
        }
        suite = ET.SubElement(root, "testsuite", name=_x(file), **{k: str(v) for k, v in counts.items()})
        for key, value in counts.items():
            totals[key] += value
        if not mine:
            ET.SubElement(suite, "testcase", classname="ipplan.check", name="ipplan check", file=_x(file))
        for f in mine:
            _case(suite, f, strict)
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(suite: ET.Element, f: Finding, strict: bool) -> None:
    where = f.where()
    name = f"{f.code} {f.rule}" + (f": {where}" if where else "")
    attrs = {"classname": "ipplan.check", "name": _x(name), "file": _x(f.file)}
    if f.line is not None:
        attrs["line"] = str(f.line)
    case = ET.SubElement(suite, "testcase", attrs)
    at = f"{f.file}:{f.line}" if f.line is not None else f.file
    body = _x(f"{at}: {f.code} [{f.severity}] {f.rule}\n{f.message}\n{where}")
    if f.unchecked:
        entry = unchecked_entry(f)
        error = ET.SubElement(case, "error", type=entry["code"] or f.rule, message=_x(f.message))
        error.text = body
    elif f.fails(strict):
        failure = ET.SubElement(case, "failure", type=f.rule, message=_x(f"[{f.severity}] {f.message}"))
        failure.text = body
    else:
        ET.SubElement(case, "system-out").text = body


def _x(value: str) -> str:
    return _XML_INVALID.sub("\ufffd", value)


def github(findings: Sequence[Finding], files: Sequence[str], *, strict: bool = False) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``.

    A finding that fails the check is an ``::error`` (a warning under --strict too); other
    warnings are ``::warning``.
    """
    lines = []
    for f in findings:
        props = [f"file={_gh_property(f.file)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
        props.append(f"title={_gh_property(f'{f.code} {f.rule}')}")
        position = f.position()
        message = f.message + (f" ({position})" if position else "")
        level = "error" if f.fails(strict) else "warning"
        lines.append(f"::{level} {','.join(props)}::{_gh_data(message)}")
    return "".join(line + "\n" for line in lines)


def _gh_data(value: str) -> str:
    # the escaping GitHub's runner undoes (actions/toolkit command.ts)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


Formatter = Callable[..., str]
FORMATS: dict[str, Formatter] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
}
