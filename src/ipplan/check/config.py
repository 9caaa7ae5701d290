"""Which rules ``ipplan check`` applies, and at what severity.

Configuration lives in ``.ipplan.yaml`` or in ``pyproject.toml`` under ``[tool.ipplan]``, found
from the working folder upward (the nearest wins; in one folder .ipplan.yaml before pyproject.toml),
or is named with ``--config``. Keys::

    select = ["IP1", "indicator-missing-target"]   # codes, code prefixes, names or "ALL"
    ignore = ["missing-meta"]
    strict = false                                 # warnings fail the check too
    [tool.ipplan.severity]
    numbering-inferred = "error"

Command-line flags override: ``--select`` replaces the configured selection, ``--ignore`` removes
rules from it, ``--severity RULE=LEVEL`` overrides per rule. Any other key is reported (a
warning naming it, as ruff does) and otherwise ignored: a misspelt ``ignroe`` must not pass
silently. ``parse-error`` (IP001) cannot be deselected, ignored or made a warning: an input that
could not be checked always fails the check.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ipplan.check.findings import SEVERITIES, Severity
from ipplan.check.rules import PARSE_ERROR, RULES, Rule, by_name

CONFIG_NAMES = (".ipplan.yaml", ".ipplan.yml")
KNOWN_KEYS = ("select", "ignore", "severity", "strict")


class ConfigError(ValueError):
    """A configuration or a rule selector that cannot be used (a usage error, exit 2)."""


@dataclass(frozen=True, slots=True)
class Config:
    """Rule selection as configured; ``select`` None means every rule."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    strict: bool = False
    path: str | None = None  # the file it was read from
    unknown_keys: tuple[str, ...] = ()  # keys of the file that are none of KNOWN_KEYS

    def rules(self) -> list[tuple[Rule, Severity]]:
        """The enabled rules by code, each with its effective severity (parse-error always, as an error)."""
        chosen = resolve(self.select or ["ALL"])
        ignored = set(resolve(self.ignore))
        if PARSE_ERROR.code in ignored and any(_names_parse_error(s) for s in self.ignore):
            raise ConfigError(
                f"{PARSE_ERROR.code} {PARSE_ERROR.name} cannot be ignored: an input that could not be "
                "checked always fails the check"
            )
        overrides: dict[str, Severity] = {}
        for selector, level in self.severity.items():
            for code in resolve([selector]):
                if code == PARSE_ERROR.code and level != "error" and _names_parse_error(selector):
                    raise ConfigError(f"{PARSE_ERROR.code} {PARSE_ERROR.name} is always an error")
                overrides[code] = level
        codes = (set(chosen) - ignored) | {PARSE_ERROR.code}
        return [
            (RULES[code], "error" if code == PARSE_ERROR.code else overrides.get(code, RULES[code].severity))
            for code in sorted(codes)
        ]

    def warnings(self) -> list[str]:
        """What is wrong with the configuration file but does not stop the check: unknown keys."""
        out = []
        where = f"{self.path}: " if self.path else ""
        table = " in [tool.ipplan]" if self.path and self.path.endswith(".toml") else ""
        for key in self.unknown_keys:
            close = difflib.get_close_matches(key, KNOWN_KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(KNOWN_KEYS)})"
            out.append(f"{where}unknown key {key!r}{table}, ignored{hint}")
        return out

    def with_cli(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        severity: dict[str, Severity] | None = None,
        strict: bool | None = None,
    ) -> Config:
        """This configuration overridden by command-line flags."""
        return replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=(() if select else self.ignore) + tuple(ignore),
            severity={**self.severity, **(severity or {})},
            strict=self.strict if strict is None else strict,
        )


def _names_parse_error(selector: str) -> bool:
    """Whether ``selector`` names parse-error itself (IP001 or its name), not a prefix or ALL
    that merely includes it: ``--ignore IP0`` keeps parse-error on rather than failing."""
    text = selector.strip()
    return text.upper() == PARSE_ERROR.code or text == PARSE_ERROR.name


def resolve(selectors: Iterable[str]) -> list[str]:
    """Rule codes for selectors: a code (IP101), a code prefix (IP1), a name, or ALL."""
    codes: list[str] = []
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            found = list(RULES)
        elif (rule := by_name(selector)) is not None:
            found = [rule.code]
        else:
            found = [code for code in RULES if code.startswith(selector.upper())]
        if not found:
            raise ConfigError(f"unknown rule {selector!r} (see `ipplan check --list-rules`)")
        codes.extend(c for c in found if c not in codes)
    return codes


def split_list(values: Iterable[str]) -> list[str]:
    """Comma-separated flag values (``--select IP1,missing-meta``) as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def parse_severity_flags(values: Iterable[str]) -> dict[str, Severity]:
    """``--severity RULE=LEVEL`` flags."""
    out: dict[str, Severity] = {}
    for value in split_list(values):
        rule, sep, level = value.partition("=")
        if not sep:
            raise ConfigError(f"--severity {value!r}: expected RULE=error or RULE=warning")
        out[rule.strip()] = _level(level.strip(), f"--severity {value}")
    return out


def _level(value: object, where: str) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: severity must be 'error' or 'warning', not {value!r}")
    return value  # type: ignore[return-value]


def find(start: Path | None = None) -> Path | None:
    """The nearest configuration file from ``start`` (the working folder) upward."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def load(path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """The configuration at ``path``, or the one found from ``start`` upward, or the defaults."""
    found = Path(path) if path else find(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise ConfigError(f"{found}: no such configuration file")
    table = (_pyproject_table(found) or {}) if found.suffix == ".toml" else _yaml_table(found)
    return _from_table(table, str(found))


def _pyproject_table(path: Path) -> dict | None:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    table = data.get("tool", {}).get("ipplan")
    return table if isinstance(table, dict) else None


def _yaml_table(path: Path) -> dict:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    return data


def _from_table(table: dict, where: str) -> Config:
    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key} must be a list of rule codes or names")
        resolve(value)  # fail early, naming the file, on an unknown rule
        return tuple(value)

    severity_table = table.get("severity") or {}
    if not isinstance(severity_table, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = 'error' | 'warning'")
    severity = {str(k): _level(v, f"{where}: severity.{k}") for k, v in severity_table.items()}
    resolve(severity)
    strict = table.get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"{where}: strict must be true or false")
    return Config(
        select=strings("select"),
        ignore=strings("ignore") or (),
        severity=severity,
        strict=strict,
        path=where,
        unknown_keys=tuple(str(k) for k in table if k not in KNOWN_KEYS),
    )
