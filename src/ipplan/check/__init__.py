"""``ipplan check``: validation rules over parsed plans, configurable like a linter.

``rules`` holds the registry (code, name, default severity, summary, example, function),
``config`` the selection from .ipplan.yaml / pyproject.toml and flags, ``engine`` applies the
rules to files, ``formats`` prints findings as text, JSON, JUnit XML or GitHub annotations.
"""

from __future__ import annotations
