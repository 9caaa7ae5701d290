"""What the README promises a new user, checked as far as a test can: the Python version, install
commands that work from a checkout, the GitHub Actions and pre-commit examples (run as they are
written), shell completion, and the library API it shows; the API documents what it raises and
every field of the contract is described in the JSON Schema."""

from __future__ import annotations

import ast
import inspect
import os
import re
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

import ipplan
from conftest import ipplan_command

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def yaml_blocks() -> list[dict]:
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)]


def ipplan_run(command: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    assert args[0] == "ipplan", command
    return subprocess.run(
        [*ipplan_command(), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=300
    )


# --- install ------------------------------------------------------------------------------------


def test_python_version_is_stated_and_true() -> None:
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert re.search(r"Python 3\.11 or newer", README)


def test_quick_start_keeps_its_two_commands() -> None:
    venv = r"python3 -m venv \.venv && \. \.venv/bin/activate"
    assert re.search(rf"^    {venv} && pip install \. && ipplan parse samples/\S+$", README, re.MULTILINE)
    assert (
        "    python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && pytest\n" in README
    )
    sample = re.search(r"ipplan parse (samples/\S+)$", README, re.MULTILINE)
    assert sample and (REPO / sample.group(1)).is_file()


def test_install_commands_work_from_a_checkout() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert "ipplan[" not in README  # not on an index yet: `pip install 'ipplan[xlsx]'` would fail
    named = re.findall(r"pip install (?:-e )?'\.\[([a-z,]+)\]'", README)
    assert "xlsx" in named
    for group in named:
        assert set(group.split(",")) <= set(extras), group


# --- CI and pre-commit, as written ----------------------------------------------------------------


def test_github_actions_example_works_as_written() -> None:
    (workflow,) = [b for b in yaml_blocks() if "jobs" in b]
    # YAML reads a bare `on` key as True
    assert set(workflow.get("on", workflow.get(True))) >= {"push"}
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert tuple(map(int, str(setup["with"]["python-version"]).split("."))) >= (3, 11)
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0] == "pip install ."  # the checkout is the package
    checks = [r for r in runs if r.startswith("ipplan ")]
    assert checks
    for command in checks:
        cp = ipplan_run(command)
        assert cp.returncode == 0, cp.stdout + cp.stderr  # the samples pass their own check
        lines = cp.stdout.splitlines()
        assert lines and all(line.startswith(("::warning ", "::error ")) for line in lines)


def test_pre_commit_example_works_as_written(tmp_path: Path) -> None:
    (config,) = [b for b in yaml_blocks() if "repos" in b]
    (repo,) = config["repos"]
    assert repo["repo"] == "local"  # runs with the ipplan installed, no published repository needed
    (hook,) = repo["hooks"]
    assert hook["language"] == "system" and {"id", "name", "entry"} <= set(hook)
    files = re.compile(hook["files"])
    samples = sorted(p.name for p in (REPO / "samples").iterdir() if files.search(p.name))
    assert samples == sorted(p.name for p in (REPO / "samples").iterdir())
    assert all(files.search(n) for n in ("a.doc", "b.docx", "c.pdf", "d.htm", "e.wps", "f.odt"))
    assert not any(files.search(n) for n in ("notes.md", "out.json", "a.docx.json"))
    # pre-commit runs the entry with the staged files that match, from the repository's root
    cp = ipplan_run(f"{hook['entry']} " + " ".join(f"samples/{n}" for n in samples))
    assert cp.returncode == 0, cp.stdout
    (tmp_path / "empty.txt").write_bytes(b"")
    assert ipplan_run(f"{hook['entry']} empty.txt", cwd=tmp_path).returncode == 1


def test_shell_completion_is_documented_and_works() -> None:
    shells = re.findall(r"_IPPLAN_COMPLETE=(\w+)_source ipplan", README)
    assert set(shells) == {"bash", "zsh", "fish"}
    for shell in shells:
        cp = subprocess.run(
            ipplan_command(),
            env={**os.environ, "_IPPLAN_COMPLETE": f"{shell}_source"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert cp.returncode == 0 and "_IPPLAN_COMPLETE" in cp.stdout, shell


# --- the library API ------------------------------------------------------------------------------


def test_readme_names_the_api() -> None:
    library = README[README.index("## Library") : README.index("## Documentation")]
    for name in ("ipplan.parse(", "ipplan.parse_bytes(", "Plan", "IpplanError"):
        assert name in library, name
    assert set(ipplan.__all__) == {"IpplanError", "Plan", "__version__", "parse", "parse_bytes"}


def test_readme_library_example_runs_and_says_true(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``expression  # literal`` line of the example evaluates to that literal."""
    monkeypatch.chdir(REPO)
    block = re.search(r"## Library.*?```python\n(.*?)```", README, re.DOTALL)
    assert block
    namespace: dict = {}
    checked = 0
    for statement in ast.parse(block.group(1)).body:
        source = ast.get_source_segment(block.group(1), statement) or ""
        line = block.group(1).splitlines()[statement.end_lineno - 1]
        comment = line.partition("#")[2].strip()
        if isinstance(statement, ast.Expr) and comment.startswith(("'", "[", "(", "0", "1", "2", "3")):
            value = eval(compile(ast.Expression(statement.value), "README", "eval"), namespace)
            assert value == ast.literal_eval(comment), source
            checked += 1
        elif isinstance(statement, ast.Try):
            # the except clause's expressions, evaluated with the exception the try raised
            try:
                exec(compile(ast.Module(statement.body, []), "README", "exec"), namespace)
            except ipplan.IpplanError as exc:
                namespace[statement.handlers[0].name] = exc
                for inner in statement.handlers[0].body:
                    text = block.group(1).splitlines()[inner.end_lineno - 1].partition("#")[2].strip()
                    value = eval(compile(ast.Expression(inner.value), "README", "eval"), namespace)
                    assert value == ast.literal_eval(text)
                    checked += 1
            else:
                pytest.fail("the example's try block did not raise")
        else:
            exec(compile(ast.Module([statement], []), "README", "exec"), namespace)
    assert checked >= 6


def test_public_functions_say_what_they_raise() -> None:
    from ipplan import api

    functions = [
        getattr(ipplan, name) for name in ipplan.__all__ if inspect.isfunction(getattr(ipplan, name))
    ]
    functions += [
        f for name, f in inspect.getmembers(api, inspect.isfunction) if f.__module__ == api.__name__
    ]
    public = [f for f in functions if not f.__name__.startswith("_")]
    assert {f.__name__ for f in public} >= {"parse", "parse_bytes", "read_input", "choose_format"}
    for function in public:
        doc = inspect.getdoc(function) or ""
        assert re.search(r"Raises IpplanError", doc), function.__name__
    assert "Raised by" in (inspect.getdoc(ipplan.IpplanError) or "")


def test_every_field_of_the_contract_is_described() -> None:
    schema = ipplan.Plan.model_json_schema(mode="serialization")
    models = {"Plan": schema, **schema["$defs"]}
    missing = [
        f"{model}.{field}"
        for model, definition in models.items()
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert missing == []
    assert all(definition.get("description") for definition in models.values())  # each model too
