"""``ipplan check``: each rule on a corpus text edited to carry its defect, the unedited corpus
texts (only findings true of them), output formats, configuration and exit codes.

The corpus texts come from tests/data/corpus (conftest.py); edits are made on copies in tmp_path.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import ipplan
from conftest import corpus_file, ipplan_command
from ipplan.check.config import Config, ConfigError, resolve
from ipplan.check.engine import check_plan
from ipplan.check.findings import Finding
from ipplan.check.formats import github, junit
from ipplan.check.rules import RULES, all_rules
from ipplan.cli import cli
from ipplan.schema import Deadline, Location, Meta, Period, Plan, Section, SourceInfo, Task

LIUZHOU = "liuzhou-hitech-park-2022"
LUZHAI = "luzhai-county-2023"
GUANGXI = "guangxi-14th-fyp-2021"
CHONGQING = "chongqing-district-2023"
BOSHAN = "boshan-district-2022"
REPO = Path(__file__).resolve().parents[1]
# liuzhou's first indicator row, one cell per line: 序号 is on the line before, baseline 3, target 6
CHACHU = "\t查处假冒知识产权行政案件（起）\n\t3\n\t{target}\n"
CHACHU_NAME = "查处假冒知识产权行政案件"


def check(*args: str) -> tuple[int, list[dict]]:
    """Run ``ipplan check --format json`` and return the exit code and the findings."""
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def edited(tmp_path: Path, stem: str, edit: Callable[[str], str]) -> Path:
    """A copy of a corpus text with ``edit`` applied (which must change it)."""
    text = corpus_file(stem, "txt").read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text, "the edit did not apply: has the corpus text changed?"
    path = tmp_path / f"{stem}.txt"
    path.write_text(changed, encoding="utf-8")
    return path


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} is not unique"
        return text.replace(old, new)

    return edit


def brief(finding: dict) -> tuple:
    """What a finding is about: rule, line, task path, indicator name."""
    indicator = finding["indicator"]["name"] if finding["indicator"] else None
    line = finding["source"].get("line") if finding["source"] else None
    return (finding["rule"], line, finding["task_path"], indicator)


def without(findings: list[dict], rule: str) -> list[dict]:
    return [f for f in findings if f["rule"] != rule]


# ------------------------------------------------------------------ each defect, on a corpus copy


def test_task_without_department(tmp_path: Path) -> None:
    # item 3.2.1 of liuzhou loses its 〔责任部门（单位）：…〕 note; every other item keeps its own
    note = r"(严格制度，深化知识产权严保护。.*?)〔责任部门（单位）：[^〕]*〕"
    path = edited(tmp_path, LIUZHOU, lambda t: re.sub(note, r"\1", t))
    code, findings = check(str(path))
    assert code == 1
    assert [brief(f) for f in findings] == [("task-without-department", 234, [3, 2, 1], None)]
    (finding,) = findings
    assert finding["code"] == "IP201" and finding["severity"] == "error"
    assert finding["section"] == 3
    assert "21 of 22 tasks" in finding["message"]


def test_indicator_missing_target(tmp_path: Path) -> None:
    path = edited(tmp_path, LIUZHOU, replace_once(CHACHU.format(target="6"), CHACHU.format(target="")))
    code, findings = check(str(path))
    assert code == 1
    assert [brief(f) for f in findings] == [("indicator-missing-target", 43, None, CHACHU_NAME)]
    assert findings[0]["indicator"] == {"seq": "1", "name": "查处假冒知识产权行政案件"}
    assert findings[0]["source"]["table"] == 0 and findings[0]["source"]["row"] == 1


def test_numbering_gap(tmp_path: Path) -> None:
    # delete item （一）2. of luzhai's tasks: 1, 3, 4 remain
    item = r"\n2\. 建立健全知识产权强县建设工作体系[^\n]*\n"
    path = edited(tmp_path, LUZHAI, lambda t: re.sub(item, "\n", t))
    code, findings = check(str(path))
    assert code == 1
    gaps = without(findings, "numbering-inferred")
    assert [brief(f) for f in gaps] == [("numbering-gap", 156, [3, 1, 3], None)]
    assert gaps[0]["code"] == "IP101"
    assert "3.1.2 missing" in gaps[0]["message"]


def test_unknown_marker(tmp_path: Path) -> None:
    path = edited(tmp_path, LIUZHOU, replace_once("\t95.26%\n", "\t？？\n"))
    code, findings = check(str(path))
    assert code == 1
    assert [brief(f) for f in findings] == [("unknown-marker", 49, None, "非正常专利申请主动撤回率")]
    assert "'？？'" in findings[0]["message"] and "baseline" in findings[0]["message"]


def test_numbering_duplicate(tmp_path: Path) -> None:
    # liuzhou's （一）2. printed as a second 1.: a duplicate, and 2 is now missing before 3
    old = "\n2. 建立健全国家级知识产权强国建设试点园区建设工作体系"
    path = edited(tmp_path, LIUZHOU, replace_once(old, old.replace("2.", "1.")))
    code, findings = check(str(path))
    assert code == 1
    assert [brief(f) for f in findings] == [
        ("numbering-gap", 231, [3, 1, 3], None),
        ("numbering-duplicate", 230, [3, 1, 1], None),
    ]
    assert findings[1]["message"] == "item number 3.1.1 is used twice"


def test_target_below_baseline_is_a_warning(tmp_path: Path) -> None:
    path = edited(tmp_path, LIUZHOU, replace_once(CHACHU.format(target="6"), CHACHU.format(target="2")))
    code, findings = check(str(path))
    assert code == 0  # a warning alone passes
    assert [brief(f) for f in findings] == [("target-below-baseline", 43, None, CHACHU_NAME)]
    assert findings[0]["severity"] == "warning"
    assert check(str(path), "--strict")[0] == 1


def test_duplicate_indicator(tmp_path: Path) -> None:
    path = edited(tmp_path, LIUZHOU, replace_once("\t中国专利奖（件）\n", "\t自治区专利奖（件）\n"))
    _, findings = check(str(path))
    assert [brief(f) for f in findings] == [("duplicate-indicator", 103, None, "自治区专利奖")]


def test_period_mismatch(tmp_path: Path) -> None:
    path = edited(tmp_path, LIUZHOU, replace_once("2025年目标值", "2027年目标值"))
    _, findings = check(str(path))
    assert {f["rule"] for f in findings} == {"period-mismatch"}
    assert len(findings) == 29  # every indicator of the table
    assert "target year 2027 is outside the period 2022–2025" in findings[0]["message"]


def test_parse_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, findings = check(str(empty), str(tmp_path / "missing.docx"))
    assert code == 1
    assert [(f["rule"], f["code"], f["file"]) for f in findings] == [
        ("parse-error", "IP001", str(empty)),
        ("parse-error", "IP001", str(tmp_path / "missing.docx")),
    ]
    assert findings[0]["message"].startswith("E103 input-empty")
    assert findings[1]["message"].startswith("E101 input-not-found")


# ------------------------------------------------------------- the unedited corpus texts: exactly

LUZHAI_INFERRED = [  # labels that are Word automatic numbering, lost in the text export
    ("numbering-inferred", 20, None, None),
    ("numbering-inferred", 23, None, None),
    ("numbering-inferred", 193, None, None),
    ("numbering-inferred", 25, None, None),
    ("numbering-inferred", 151, None, None),
    ("numbering-inferred", 183, None, None),
    ("numbering-inferred", 198, None, None),  # 保障措施 （二）落实资金保障
    ("numbering-inferred", 202, None, None),  # （三）严格督查考核
]
GUANGXI_BLANKS = [  # cells the published table leaves empty
    ("indicator-missing-target", 220, None, "知识产权使用费年进出口总额"),
    ("indicator-missing-target", 229, None, "专利密集型产业增加值占GDP比重"),
    ("indicator-missing-target", 238, None, "版权产业增加值占GDP比重"),
    ("indicator-missing-baseline", 148, None, "海外发明专利授权量"),
    ("indicator-missing-baseline", 220, None, "知识产权使用费年进出口总额"),
    ("indicator-missing-baseline", 229, None, "专利密集型产业增加值占GDP比重"),
    ("indicator-missing-baseline", 238, None, "版权产业增加值占GDP比重"),
]
CHONGQING_META = [("missing-meta", None, None, None)] * 3  # no 文号, issuer or date is printed

CORPUS_FINDINGS = [
    pytest.param(LIUZHOU, [], 0, id=LIUZHOU),
    pytest.param(BOSHAN, [], 0, id=BOSHAN),
    pytest.param(LUZHAI, LUZHAI_INFERRED, 0, id=LUZHAI),
    pytest.param(CHONGQING, CHONGQING_META, 1, id=CHONGQING),
    pytest.param(GUANGXI, GUANGXI_BLANKS, 1, id=GUANGXI),
]


@pytest.mark.parametrize(("stem", "expected", "exit_code"), CORPUS_FINDINGS)
def test_corpus_texts_have_only_true_findings(stem: str, expected: list[tuple], exit_code: int) -> None:
    code, findings = check(str(corpus_file(stem, "txt")))
    assert [brief(f) for f in findings] == expected
    assert code == exit_code


def test_luzhai_inferred_labels_point_at_their_sections() -> None:
    _, findings = check(str(corpus_file(LUZHAI, "txt")))
    assert [f["section"] for f in findings] == [1, 2, 4] + [None] * 5
    assert all(f["severity"] == "warning" and f["code"] == "IP103" for f in findings)
    assert "'指导思想' has no printed label" in findings[0]["message"]


def test_chongqing_missing_meta_fields() -> None:
    _, findings = check(str(corpus_file(CHONGQING, "txt")))
    assert [f["message"] for f in findings] == [
        "meta doc_number (发文字号) is missing",
        "meta issue_date (成文日期) is missing",
        "meta issuer (发文机关) is missing",
    ]


def test_word_file_keeps_the_labels_the_text_export_lost() -> None:
    # the .docx renders luzhai's automatic numbering from numbering.xml: nothing is inferred
    code, findings = check(str(corpus_file(LUZHAI, "docx")))
    assert (code, findings) == (0, [])


# ------------------------------------------------------------------------------- formats


def finding(**changes: object) -> Finding:
    fields: dict = {
        "rule": "unknown-marker",
        "code": "IP303",
        "severity": "error",
        "message": "indicator 'x' baseline '？？' is neither a number nor a defined marker",
        "file": "plans/a.txt",
        "indicator_seq": "1",
        "indicator_name": "x",
        "source": Location(line=49, table=0, row=2),
    }
    fields.update(changes)
    return Finding(**fields)


def test_junit_is_valid_xml_with_a_suite_per_file() -> None:
    nasty = finding(file='we<ird>&"name.txt', message='a <b> & "c" \x01 d\x1f')
    findings = [finding(), nasty, finding(severity="warning", source=None)]
    xml = junit(findings, ["plans/a.txt", nasty.file, "clean.txt"])
    root = ET.fromstring(xml.encode("utf-8"))
    # the warning does not fail the check, so it is no failure: a passing case with its message
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "2"
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["plans/a.txt", 'we<ird>&"name.txt', "clean.txt"]
    assert [len(s.findall("testcase/failure")) for s in suites.values()] == [1, 1, 0]
    assert [s.get("failures") for s in suites.values()] == ["1", "1", "0"]
    (out,) = suites["plans/a.txt"].findall("testcase/system-out")
    assert "[warning] unknown-marker" in (out.text or "")
    assert len(suites["clean.txt"].findall("testcase")) == 1  # a passing case for a clean file
    failure = suites[nasty.file].find("testcase/failure")
    assert failure is not None and failure.get("type") == "unknown-marker"
    assert 'a <b> & "c" \ufffd d\ufffd' in (failure.get("message") or "")
    case = suites["plans/a.txt"].find("testcase")
    assert case is not None and case.get("line") == "49"


def test_junit_from_the_command(tmp_path: Path) -> None:
    out = tmp_path / "report.xml"
    result = CliRunner().invoke(
        cli,
        ["check", "--format", "junit", "-o", str(out), str(corpus_file(LUZHAI, "txt"))],
        catch_exceptions=False,
    )
    assert result.exit_code == 0 and result.stdout == ""
    root = ET.fromstring(out.read_bytes())
    # exit 0 with warnings only: no failures, the warnings in the cases' system-out
    assert root.get("failures") == "0" and root.findall("testsuite/testcase/failure") == []
    assert len(root.findall("testsuite/testcase/system-out")) == len(LUZHAI_INFERRED)


def test_github_annotations() -> None:
    text = github(
        [finding(), finding(file="a,b:c.txt", severity="warning", source=None, message="50% done\nnext")],
        ["x"],
    )
    assert text.splitlines() == [
        "::error file=plans/a.txt,line=49,title=IP303 unknown-marker::"
        "indicator 'x' baseline '？？' is neither a number nor a defined marker (table 0 row 2)",
        "::warning file=a%2Cb%3Ac.txt,title=IP303 unknown-marker::50%25 done%0Anext",
    ]


def test_github_from_the_command() -> None:
    result = CliRunner().invoke(cli, ["check", "--format", "github", str(corpus_file(LUZHAI, "txt"))])
    lines = result.stdout.splitlines()
    assert len(lines) == len(LUZHAI_INFERRED)
    assert lines[0].startswith("::warning file=") and ",line=20,title=IP103 numbering-inferred::" in lines[0]


def test_text_format_and_summary() -> None:
    result = CliRunner().invoke(cli, ["check", str(corpus_file(CHONGQING, "txt"))])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": IP401 [error] missing-meta: meta doc_number (发文字号) is missing")
    assert lines[-1] == "Found 3 errors and 0 warnings in 1 file."
    clean = CliRunner().invoke(cli, ["check", str(corpus_file(LIUZHOU, "txt"))])
    assert (clean.exit_code, clean.stdout) == (0, "All checks passed (1 file).\n")


def test_json_document_shape() -> None:
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(corpus_file(LIUZHOU, "txt"))])
    assert json.loads(result.stdout) == {"findings": [], "files": 1, "unchecked": [], "failed": False}


def test_folders_are_searched_for_plans(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.txt").write_bytes(corpus_file(CHONGQING, "txt").read_bytes())
    (tmp_path / "notes.md").write_text("not a plan")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(tmp_path)])
    doc = json.loads(result.stdout)
    assert doc["files"] == 1 and {f["rule"] for f in doc["findings"]} == {"missing-meta"}


# ------------------------------------------------------------------------ configuration


def test_select_and_ignore_flags() -> None:
    path = str(corpus_file(CHONGQING, "txt"))
    assert check(path, "--ignore", "missing-meta") == (0, [])
    assert check(path, "--ignore", "IP4") == (0, [])
    assert check(path, "--select", "IP1,IP3") == (0, [])
    assert len(check(path, "--select", "numbering-gap", "--select", "IP401")[1]) == 3


def test_severity_flag(tmp_path: Path) -> None:
    path = str(corpus_file(LUZHAI, "txt"))
    code, findings = check(path, "--severity", "numbering-inferred=error")
    assert code == 1 and {f["severity"] for f in findings} == {"error"}
    code, findings = check(str(corpus_file(CHONGQING, "txt")), "--severity", "IP401=warning")
    assert code == 0 and len(findings) == 3


def test_strict_fails_on_warnings() -> None:
    path = str(corpus_file(LUZHAI, "txt"))
    assert check(path)[0] == 0
    assert check(path, "--strict")[0] == 1


def test_pyproject_config_found_upward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "plans"\n\n[tool.ipplan]\nignore = ["numbering-inferred"]\n'
        '[tool.ipplan.severity]\nmissing-meta = "warning"\n',
        encoding="utf-8",
    )
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert check(str(corpus_file(LUZHAI, "txt"))) == (0, [])
    code, findings = check(str(corpus_file(CHONGQING, "txt")))
    assert code == 0 and [f["severity"] for f in findings] == ["warning"] * 3
    # a flag overrides the file: --select replaces its selection (and its ignore list)
    selected = check(str(corpus_file(LUZHAI, "txt")), "--select", "numbering-inferred")[1]
    assert len(selected) == len(LUZHAI_INFERRED)


def test_ipplan_yaml_wins_over_pyproject_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ipplan]\nselect = ["missing-meta"]\n', encoding="utf-8")
    (tmp_path / ".ipplan.yaml").write_text("strict: true\nselect: [numbering-inferred]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, findings = check(str(corpus_file(LUZHAI, "txt")))
    assert code == 1 and len(findings) == len(LUZHAI_INFERRED)  # strict: the warnings fail
    assert check(str(corpus_file(LUZHAI, "txt")), "--config", str(tmp_path / "pyproject.toml")) == (0, [])


def test_config_errors_are_usage_errors(tmp_path: Path) -> None:
    bad = tmp_path / ".ipplan.yaml"
    path = str(corpus_file(LUZHAI, "txt"))
    bad_configs = (
        "select: [no-such-rule]\n",
        "severity: {numbering-gap: fatal}\n",
        "strict: maybe\n",
        "[1]\n",
    )
    for text in bad_configs:
        bad.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", "--config", str(bad), path])
        assert result.exit_code == 2, text
    result = CliRunner().invoke(cli, ["check", "--select", "nope", path])
    assert result.exit_code == 2 and "unknown rule 'nope'" in result.output
    result = CliRunner().invoke(cli, ["check", "--severity", "numbering-gap", path])
    assert result.exit_code == 2


def test_config_resolution() -> None:
    assert resolve(["ALL"]) == sorted(RULES)
    assert resolve(["ip1"]) == ["IP101", "IP102", "IP103"]
    assert resolve(["numbering-gap", "IP101"]) == ["IP101"]
    with pytest.raises(ConfigError):
        resolve(["IP9"])
    config = Config(ignore=("IP3",), severity={"IP1": "warning"})
    enabled = {rule.name: level for rule, level in config.rules()}
    assert "unknown-marker" not in enabled and enabled["numbering-gap"] == "warning"
    assert enabled["missing-meta"] == "error"


def test_list_rules() -> None:
    result = CliRunner().invoke(cli, ["check", "--list-rules", "--ignore", "IP4"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    assert re.match(r"IP401\s+missing-meta\s+off\s", lines[-1])


def test_no_files_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["check"]).exit_code == 2


# ------------------------------------------------------------------ registry and documentation


def test_registry_metadata() -> None:
    names = [r.name for r in all_rules()]
    assert len(set(names)) == len(names)
    for rule in all_rules():
        assert re.fullmatch(r"IP\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.severity in ("error", "warning")
        assert rule.summary and rule.example
    required = {
        "numbering-gap", "numbering-duplicate", "numbering-inferred", "task-without-department",
        "indicator-missing-target", "indicator-missing-baseline", "unknown-marker", "target-below-baseline",
        "duplicate-indicator", "missing-meta", "period-mismatch", "parse-error",
    }  # fmt: skip
    assert required <= set(names)


def test_every_rule_is_documented() -> None:
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        heading = re.search(rf"^## {rule.code} `{rule.name}`$", doc, re.MULTILINE)
        assert heading, f"docs/rules.md has no section for {rule.code} {rule.name}"
        assert f"default severity: **{rule.severity}**" in doc[heading.end() : heading.end() + 300]


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "ipplan-check" and hook["entry"] == "ipplan check"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.docx", "b.pdf", "c.html", "d.htm", "e.txt"))
    assert all(files.search(n) for n in ("a.doc", "b.wps", "c.odt"))  # read through LibreOffice
    assert not any(files.search(n) for n in ("b.md", "c.txt.json", "d.docx.json"))


# ------------------------------------------------------------------ numbering rules, synthetic


def synthetic(paths: list[list[int]], sections: tuple[int, ...] = (1, 2, 3)) -> Plan:
    return Plan(
        source=SourceInfo(path="x.txt", format="txt", sha256="0" * 64, size=0),
        sections=[Section(number=n, title=f"s{n}") for n in sections],
        tasks=[Task(path=p, title="t", text="t") for p in paths],
    )


@pytest.mark.parametrize(
    ("paths", "sections", "messages"),
    [
        ([[3, 1, 1], [3, 1, 2], [3, 2, 3], [3, 2, 4]], (1, 2, 3), []),  # straight across: no gap
        ([[3, 1, 1], [3, 1, 2], [3, 2, 1]], (1, 2, 3), []),
        ([[3, 1, 1], [3, 1, 2], [3, 2, 4]], (1, 2, 3), ["item 3.2.4 opens 3.2: 3.2.3 missing"]),
        ([[3, 1, 2]], (1, 2, 3), ["item 3.1.2 opens 3.1: 3.1.1 missing"]),
        ([[3, 1, 1], [3, 3, 1]], (1, 2, 3), ["subsection 3.3 follows 3.1: 3.2 missing"]),
        ([[3, 1], [3, 2], [3, 5]], (1, 2, 3), ["item 3.5 follows 3.2: 3.3–3.4 missing"]),  # no subsections
        ([], (1, 2, 4), ["section 4 follows 2: 3 missing"]),
        ([], (2, 3), ["section 2 follows the start: 1 missing"]),
    ],
)
def test_numbering_gap_cases(paths: list[list[int]], sections: tuple[int, ...], messages: list[str]) -> None:
    findings = check_plan(synthetic(paths, sections), "x.txt", Config(select=("numbering-gap",)))
    assert [f.message for f in findings] == messages


def test_numbering_duplicate_sections() -> None:
    findings = check_plan(synthetic([], (1, 2, 2, 3)), "x.txt", Config(select=("IP102",)))
    assert [(f.message, f.section) for f in findings] == [("section number 2 is used twice", 2)]


# ------------------------------------------------------------------ inputs that could not be checked


OLE_WORD = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 1000
)


def run_check(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``ipplan check`` through the installed command, as CI runs it."""
    environ = {**os.environ, **(env or {})}
    return subprocess.run(
        [*ipplan_command(), "check", *args], capture_output=True, text=True, timeout=300, env=environ
    )


def test_a_folder_without_plans_fails_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not a plan", encoding="utf-8")
    folder = str(tmp_path)
    text = run_check(folder)
    assert text.returncode == 1
    assert text.stdout.splitlines() == [
        f"{folder}: IP001 [error] parse-error: E103 input-empty: no plan file "
        "(.doc .docx .htm .html .odt .pdf .rtf .txt .wps) in this folder",
        "Found 1 error and 0 warnings in 1 file (1 could not be checked).",
    ]
    doc = json.loads(run_check("--format", "json", folder).stdout)
    assert doc["failed"] is True
    assert doc["unchecked"] == [
        {
            "file": folder,
            "code": "E103",
            "error": "input-empty",
            "message": "no plan file (.doc .docx .htm .html .odt .pdf .rtf .txt .wps) in this folder",
        }
    ]
    junit_run = run_check("--format", "junit", folder)
    assert junit_run.returncode == 1
    root = ET.fromstring(junit_run.stdout.encode("utf-8"))
    assert (root.get("errors"), root.get("failures")) == ("1", "0")
    error = root.find("testsuite/testcase/error")
    assert error is not None and error.get("type") == "E103"
    gh = run_check("--format", "github", folder)
    assert gh.returncode == 1 and gh.stdout.startswith(f"::error file={folder},title=IP001 parse-error::E103")


def test_a_folder_of_old_word_files_fails_without_libreoffice(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "old.doc").write_bytes(OLE_WORD)
    bare = tmp_path / "bin"  # a PATH without soffice
    bare.mkdir()
    result = run_check("--format", "json", str(tmp_path / "plans"), env={"PATH": str(bare)})
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    assert doc["files"] == 1
    (entry,) = doc["unchecked"]
    assert entry["file"] == str(tmp_path / "plans" / "old.doc")
    assert (entry["code"], entry["error"]) == ("E501", "missing-dependency")
    assert "Word 97-2003 (.doc)" in entry["message"] and "LibreOffice" in entry["message"]
    junit_run = run_check("--format", "junit", str(tmp_path / "plans"), env={"PATH": str(bare)})
    error = ET.fromstring(junit_run.stdout.encode("utf-8")).find("testsuite/testcase/error")
    assert error is not None and error.get("type") == "E501"


def test_parse_error_cannot_be_switched_off(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    # a selection that leaves parse-error out still reports what could not be checked
    code, findings = check(str(empty), "--select", "numbering-gap")
    assert code == 1 and [f["code"] for f in findings] == ["IP001"]
    for flags in (["--ignore", "IP001"], ["--ignore", "parse-error"], ["--severity", "IP001=warning"]):
        result = CliRunner().invoke(cli, ["check", *flags, str(empty)])
        assert result.exit_code == 2, flags
        assert "parse-error" in result.output


def test_junit_counts_only_what_fails_the_check() -> None:
    path = str(corpus_file(LUZHAI, "txt"))  # warnings only: the check passes
    passing = ET.fromstring(run_check("--format", "junit", path).stdout.encode("utf-8"))
    assert passing.get("failures") == "0" and passing.get("tests") == str(len(LUZHAI_INFERRED))
    outs = passing.findall("testsuite/testcase/system-out")
    assert len(outs) == len(LUZHAI_INFERRED) and "numbering-inferred" in (outs[0].text or "")
    strict = run_check("--format", "junit", "--strict", path)
    assert strict.returncode == 1
    root = ET.fromstring(strict.stdout.encode("utf-8"))
    assert root.get("failures") == str(len(LUZHAI_INFERRED))


# ------------------------------------------------------------------ configuration keys


def test_unknown_config_keys_are_reported(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ipplan]\nselct = ["IP1"]\nignore = ["missing-meta"]\ncolour = true\n', encoding="utf-8"
    )
    path = str(corpus_file(CHONGQING, "txt"))
    result = subprocess.run(
        [*ipplan_command(), "check", path], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert result.returncode == 0  # ignore = missing-meta still applies
    assert result.stderr.splitlines() == [
        f"ipplan: warning: {tmp_path / 'pyproject.toml'}: unknown key 'selct' in [tool.ipplan], ignored; "
        "did you mean 'select'?",
        f"ipplan: warning: {tmp_path / 'pyproject.toml'}: unknown key 'colour' in [tool.ipplan], ignored "
        "(known keys: select, ignore, severity, strict)",
    ]
    (tmp_path / ".ipplan.yaml").write_text("strict: false\nignroe: [IP4]\n", encoding="utf-8")
    result = subprocess.run(
        [*ipplan_command(), "check", path], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert result.stderr == (
        f"ipplan: warning: {tmp_path / '.ipplan.yaml'}: unknown key 'ignroe', ignored; "
        "did you mean 'ignore'?\n"
    )


# ------------------------------------------------------------------ deadlines (contract 1.1)


def _with_deadlines(*deadlines: Deadline | None, period: tuple[int, int] | None = (2022, 2025)) -> Plan:
    return Plan(
        source=SourceInfo(path="x.txt", format="txt", sha256="0" * 64, size=0),
        meta=Meta(period=Period(start=period[0], end=period[1]) if period else None),
        tasks=[
            Task(
                path=[3, 1, n],
                title=f"第{n}项任务",
                text="t",
                deadline=d,
                source=Location(line=10 + n),
                note_source=Location(table=1, row=n) if n == 2 else None,
            )
            for n, d in enumerate(deadlines, start=1)
        ],
    )


def test_deadline_after_period() -> None:
    plan = _with_deadlines(
        Deadline(raw="2025年底前", year=2025, month=12, kind="by_date"),
        Deadline(raw="2027年6月底前", year=2027, month=6, kind="by_date"),
        Deadline(raw="持续推进", kind="ongoing"),
        None,
        Deadline(raw="2026年", year=2026, kind="text"),
    )
    findings = check_plan(plan, "x.txt", Config(select=("deadline-after-period",)))
    assert [(f.code, f.severity, f.task_path) for f in findings] == [
        ("IP202", "warning", (3, 1, 2)),
        ("IP202", "warning", (3, 1, 5)),
    ]
    assert (
        findings[0].message
        == "task 3.1.2 “第2项任务” is due '2027年6月底前' (2027), after the period 2022–2025"
    )
    assert findings[0].source == Location(table=1, row=2)  # where the deadline was read
    assert findings[1].line == 15


def test_deadline_rule_is_silent_without_a_period_and_can_be_ignored() -> None:
    late = Deadline(raw="2030年底前", year=2030, month=12, kind="by_date")
    only_tasks = Config(select=("IP2",))
    assert check_plan(_with_deadlines(late), "x.txt", only_tasks)[0].code == "IP202"
    assert check_plan(_with_deadlines(late, period=None), "x.txt", only_tasks) == []
    assert check_plan(_with_deadlines(late), "x.txt", only_tasks.with_cli(ignore=["IP202"])) == []
    (finding,) = check_plan(
        _with_deadlines(late), "x.txt", only_tasks.with_cli(severity={"deadline-after-period": "error"})
    )
    assert finding.severity == "error"


# ------------------------------------------------------------------ a text cut off inside an item


def test_a_page_cut_off_inside_an_item_is_reported() -> None:
    # the page opening of 2024年知识产权强国建设推进计划 ends in item 7: "7.推进《中医药传"
    page = Path(__file__).resolve().parent / "data" / "real" / "pages" / "web-guojia-qiangguo-tuijin-2024.txt"
    plan = ipplan.parse(page)
    assert [t.path[-1] for t in plan.tasks] == [1, 2, 3, 4, 5, 6]
    (finding,) = check_plan(plan, str(page), Config(select=("truncated-item",)))
    assert (finding.code, finding.severity) == ("IP203", "warning")
    assert "推进《中医药传" in finding.message
    assert finding.line == 16
