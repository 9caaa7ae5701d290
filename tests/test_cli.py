"""The ``ipplan`` command: output formats, files, stdin, the error contract, schema, version.

Most tests run the installed console script in a subprocess, as users do; the error contract
(one stderr line, a documented exit code, no traceback) is also checked through ``main()`` run
by ``python -c``, which is what the console script calls.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import ipplan
from conftest import ipplan_command
from ipplan.cli import main

LIUZHOU = "liuzhou-hitech-park-2022"
BOSHAN = "boshan-district-2022"


IPPLAN = ipplan_command()
MAIN = [sys.executable, "-c", "from ipplan.cli import main; main()"]


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, command: list[str] = IPPLAN
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*command, *args], cwd=cwd, input=stdin, capture_output=True, timeout=120, check=False
    )


def assert_one_error_line(cp: subprocess.CompletedProcess[bytes], code: str, exit_code: int) -> str:
    err = cp.stderr.decode("utf-8")
    assert cp.returncode == exit_code, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"ipplan: {code} "), err
    assert "Traceback" not in err
    assert cp.stdout == b""
    return lines[0]


@pytest.fixture(scope="module")
def liuzhou_json(corpus_file) -> dict:
    cp = run("parse", str(corpus_file(LIUZHOU, "txt")))
    assert cp.returncode == 0, cp.stderr.decode()
    assert cp.stderr == b""
    return json.loads(cp.stdout.decode("utf-8"))


# --- parse ---------------------------------------------------------------------------------------


def test_parse_prints_json(liuzhou_json: dict, corpus_file) -> None:
    assert liuzhou_json["schema_version"] == "1.1"
    assert liuzhou_json["meta"]["doc_number"] == "柳高新〔2022〕2号"
    assert liuzhou_json["meta"]["issue_date"] == "2022-10-27"
    assert liuzhou_json["source"]["path"] == str(corpus_file(LIUZHOU, "txt"))
    assert [s["number"] for s in liuzhou_json["sections"]] == [1, 2, 3, 4]
    assert len(liuzhou_json["indicators"]) == 29
    assert len(liuzhou_json["tasks"]) == 22


def test_json_output_equals_the_library(liuzhou_json: dict, corpus_file) -> None:
    plan = ipplan.parse(str(corpus_file(LIUZHOU, "txt")))
    assert liuzhou_json == plan.model_dump(mode="json")


def test_yaml_and_json_are_the_same_data(liuzhou_json: dict, corpus_file) -> None:
    cp = run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "yaml")
    assert cp.returncode == 0, cp.stderr.decode()
    text = cp.stdout.decode("utf-8")
    assert "柳高新〔2022〕2号" in text  # Chinese written as is, not escaped
    assert yaml.safe_load(text) == liuzhou_json


def test_output_file(tmp_path: Path, liuzhou_json: dict, corpus_file) -> None:
    out = tmp_path / "nested" / "plan.json"  # missing folders are made
    cp = run("parse", str(corpus_file(LIUZHOU, "txt")), "-o", str(out))
    assert cp.returncode == 0, cp.stderr.decode()
    assert cp.stdout == b"" and cp.stderr == b""
    assert json.loads(out.read_text(encoding="utf-8")) == liuzhou_json
    assert [p.name for p in out.parent.iterdir()] == ["plan.json"]  # no temporary file left


def test_output_file_yaml(tmp_path: Path, liuzhou_json: dict, corpus_file) -> None:
    out = tmp_path / "plan.yaml"
    cp = run("parse", str(corpus_file(LIUZHOU, "txt")), "--format", "yaml", "--output", str(out))
    assert cp.returncode == 0, cp.stderr.decode()
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == liuzhou_json


def test_stdin(corpus_file) -> None:
    path = corpus_file(BOSHAN, "txt")  # GB18030 with CRLF
    cp = run("parse", "-", stdin=path.read_bytes())
    assert cp.returncode == 0, cp.stderr.decode()
    data = json.loads(cp.stdout.decode("utf-8"))
    assert data["source"]["path"] == "<stdin>"
    assert data["source"]["encoding"] == "gb18030"
    assert data["meta"]["doc_number"] == "博政发〔2022〕8号"
    expected = ipplan.parse(path).model_dump(mode="json")
    expected["source"]["path"] = "<stdin>"
    assert data == expected


def test_stdin_to_output_file(tmp_path: Path, corpus_file) -> None:
    out = tmp_path / "out.json"
    cp = run("parse", "-", "-o", str(out), stdin=corpus_file(BOSHAN, "txt").read_bytes())
    assert cp.returncode == 0, cp.stderr.decode()
    assert json.loads(out.read_text(encoding="utf-8"))["meta"]["issuer"] == "博山区人民政府"


# --- the error contract --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    cp = run("parse", "missing.txt", cwd=tmp_path, command=MAIN)
    line = assert_one_error_line(cp, "E101", 3)
    assert line == "ipplan: E101 input-not-found: missing.txt: no such file"


def test_missing_file_console_script(tmp_path: Path) -> None:
    assert_one_error_line(run("parse", "missing.txt", cwd=tmp_path), "E101", 3)


def test_output_onto_the_input_is_refused(tmp_path: Path, corpus_file) -> None:
    src = tmp_path / "plan.txt"
    original = corpus_file(LIUZHOU, "txt").read_bytes()
    src.write_bytes(original)
    cp = run("parse", str(src), "-o", str(src), command=MAIN)
    line = assert_one_error_line(cp, "E401", 8)
    assert "output-error" in line
    assert src.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["plan.txt"]


def test_output_onto_the_input_by_another_spelling(tmp_path: Path, corpus_file) -> None:
    src = tmp_path / "plan.txt"
    original = corpus_file(LIUZHOU, "txt").read_bytes()
    src.write_bytes(original)
    (tmp_path / "sub").mkdir()
    cp = run("parse", "plan.txt", "-o", "sub/../plan.txt", cwd=tmp_path)
    assert_one_error_line(cp, "E401", 8)
    assert src.read_bytes() == original


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_one_error_line(run("parse", "empty.txt", cwd=tmp_path, command=MAIN), "E103", 4)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    assert_one_error_line(run("parse", str(tmp_path), command=MAIN), "E102", 3)


def test_unwritable_output(tmp_path: Path, corpus_file) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cp = run("parse", str(corpus_file(LIUZHOU, "txt")), "-o", str(blocker / "out.json"), command=MAIN)
    assert_one_error_line(cp, "E401", 8)


def test_usage_error_exits_2() -> None:
    cp = run("parse", "--format", "xml", "x.txt")
    assert cp.returncode == 2
    assert b"Traceback" not in cp.stderr
    cp = run("no-such-command")
    assert cp.returncode == 2


# --- in process: main() ----------------------------------------------------------------------


def test_main_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", str(tmp_path / "missing.txt")])
    assert info.value.code == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("ipplan: E101 input-not-found: ")
    assert captured.err.count("\n") == 1


def test_main_in_process_success(capsys: pytest.CaptureFixture[str], corpus_file) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", str(corpus_file(BOSHAN, "txt")), "--format", "yaml"])
    assert info.value.code == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["tasks"][0]["lead"] == ["区市场监督管理局"]


# --- schema and version --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict:
    cp = run("schema")
    assert cp.returncode == 0, cp.stderr.decode()
    return json.loads(cp.stdout.decode("utf-8"))


def test_schema_is_the_plans(schema: dict) -> None:
    assert set(schema["properties"]) == set(ipplan.Plan.model_fields)
    assert {
        "schema_version",
        "source",
        "meta",
        "sections",
        "indicators",
        "tasks",
        "targets",
        "warnings",
    } <= set(schema["properties"])
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "ipplan Plan v1.1"
    assert {"Indicator", "Task", "Value", "Meta"} <= set(schema["$defs"])


def test_output_validates_against_schema(schema: dict, liuzhou_json: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(liuzhou_json, schema)


def test_version() -> None:
    cp = run("--version")
    assert cp.returncode == 0
    assert cp.stdout.decode().strip() == f"ipplan, version {ipplan.__version__}"


def test_help_lists_the_commands() -> None:
    cp = run("--help")
    assert cp.returncode == 0
    out = cp.stdout.decode()
    assert "parse" in out and "schema" in out
