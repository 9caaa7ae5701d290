"""Output formats of ``ipplan check``: text (people), json (tools), junit (CI test reports),
github (workflow annotations). Each takes the findings and the number of files checked."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from ipplan.check.findings import Finding

# XML 1.0 cannot carry most control characters even escaped; a scraped page can contain them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def text(findings: Sequence[Finding], files: Sequence[str]) -> str:
    """``file:line: CODE [severity] rule: message (where)`` lines and a one-line summary."""
    lines = []
    for f in findings:
        at = f"{f.file}:{f.line}:" if f.line is not None else f"{f.file}:"
        position = f.position()
        suffix = f" ({position})" if position else ""
        lines.append(f"{at} {f.code} [{f.severity}] {f.rule}: {f.message}{suffix}")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    noun = "file" if len(files) == 1 else "files"
    if findings:
        lines.append(f"Found {_n(errors, 'error')} and {_n(warnings, 'warning')} in {len(files)} {noun}.")
    else:
        lines.append(f"All checks passed ({len(files)} {noun}).")
    return "\n".join(lines) + "\n"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def as_json(findings: Sequence[Finding], files: Sequence[str]) -> str:
    doc = {"findings": [f.to_dict() for f in findings], "files": len(files)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def junit(findings: Sequence[Finding], files: Sequence[str]) -> str:
    """One testsuite per file, one failing testcase per finding (a passing one for a clean file)."""
    root = ET.Element("testsuites", name="ipplan check", tests="0", failures="0")
    total = 0
    for file in files:
        mine = [f for f in findings if f.file == file]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_x(file),
            tests=str(max(len(mine), 1)),
            failures=str(len(mine)),
            errors="0",
        )
        if not mine:
            ET.SubElement(suite, "testcase", classname="ipplan.check", name="ipplan check", file=_x(file))
        for f in mine:
            where = f.where()
            name = f"{f.code} {f.rule}" + (f": {where}" if where else "")
            attrs = {"classname": "ipplan.check", "name": _x(name), "file": _x(file)}
            if f.line is not None:
                attrs["line"] = str(f.line)
            case = ET.SubElement(suite, "testcase", attrs)
            failure = ET.SubElement(case, "failure", type=f.rule, message=_x(f"[{f.severity}] {f.message}"))
            at = f"{f.file}:{f.line}" if f.line is not None else f.file
            failure.text = _x(f"{at}: {f.code} [{f.severity}] {f.rule}\n{f.message}\n{where}")
        total += max(len(mine), 1)
    root.set("tests", str(total))
    root.set("failures", str(len(findings)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _x(value: str) -> str:
    return _XML_INVALID.sub("\ufffd", value)


def github(findings: Sequence[Finding], files: Sequence[str]) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,title=…::message``."""
    lines = []
    for f in findings:
        props = [f"file={_gh_property(f.file)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
        props.append(f"title={_gh_property(f'{f.code} {f.rule}')}")
        position = f.position()
        message = f.message + (f" ({position})" if position else "")
        lines.append(f"::{f.severity} {','.join(props)}::{_gh_data(message)}")
    return "".join(line + "\n" for line in lines)


def _gh_data(value: str) -> str:
    # the escaping GitHub's runner undoes (actions/toolkit command.ts)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


FORMATS: dict[str, Callable[[Sequence[Finding], Sequence[str]], str]] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
}
