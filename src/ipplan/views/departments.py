"""The department view: every responsible body across plans, with what it leads and supports.

Names are compared in a normalised form (full/half width, spaces, a trailing 等, bracket
shapes) because the same body is printed differently across and within documents; every
printed variant is kept for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ipplan.schema import Department, Plan
from ipplan.views.values import join, task_id

ItemKind = Literal["task", "indicator"]
RoleName = Literal["lead", "support", "named"]
ROLES: tuple[RoleName, ...] = ("lead", "support", "named")

_OPEN = "([{〔【〖〘⦅"
_CLOSE = ")]}〕】〗〙⦆"
_BRACKETS = str.maketrans({**dict.fromkeys(_OPEN, "("), **dict.fromkeys(_CLOSE, ")")})
_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The comparison key of a body's name: 县知识产权局 and ``县 知识产权局等`` are one body.

    NFKC folds full-width letters, digits and （） to half width; brackets of every shape
    become (); all whitespace goes (PDF and Word exports space names out); a trailing 等
    ("县科工贸局等") is a list's "and others", not part of the name.
    """
    key = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    key = _SPACE.sub("", key)
    while key.endswith("等") and len(key) > 1:
        key = key[:-1]
    return key


@dataclass(frozen=True, slots=True)
class Item:
    """One task or indicator that names a body, with the body's role in it."""

    plan: str
    kind: ItemKind
    id: str
    name: str
    role: RoleName
    printed: str


@dataclass(slots=True)
class Body:
    """One responsible body (by normalised name) and the items that name it."""

    key: str
    variants: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The printed form to show: the first one met."""
        return self.variants[0]

    def count(self, kind: ItemKind, role: RoleName | None = None) -> int:
        return sum(1 for it in self.items if it.kind == kind and (role is None or it.role == role))

    @property
    def plans(self) -> list[str]:
        return list(dict.fromkeys(it.plan for it in self.items))


def role_of(dept: Department, lead: list[str] | None = None) -> RoleName:
    """lead, support, or named where the text names the body without saying which."""
    if dept.role is not None:
        return dept.role
    # a task's ``lead`` list may name a body whose entry carries no role of its own
    return "lead" if lead and dept.name in lead else "named"


_RANK = {"lead": 0, "support": 1, "named": 2}


def _item_entries(plan: Plan) -> list[tuple[ItemKind, str, str, list[Department], list[str] | None]]:
    entries: list[tuple[ItemKind, str, str, list[Department], list[str] | None]] = []
    for i, ind in enumerate(plan.indicators, start=1):
        entries.append(("indicator", str(i), ind.name, ind.departments, None))
    for t in plan.tasks:
        entries.append(("task", task_id(t.path), t.title, t.departments, t.lead))
    return entries


def collect(plans: list[Plan]) -> list[Body]:
    """Every body named by a task or indicator of ``plans``, most-named first.

    An item that names one body twice (two printed variants, or as lead and again in a list)
    counts once, with its strongest role.
    """
    bodies: dict[str, Body] = {}
    for plan in plans:
        for kind, item_id, item_name, departments, lead in _item_entries(plan):
            seen: dict[str, Item] = {}
            for dept in departments:
                key = normalise_name(dept.name)
                if not key:
                    continue
                body = bodies.setdefault(key, Body(key))
                if dept.name not in body.variants:
                    body.variants.append(dept.name)
                item = Item(plan.source.path, kind, item_id, item_name, role_of(dept, lead), dept.name)
                if key not in seen or _RANK[item.role] < _RANK[seen[key].role]:
                    seen[key] = item
            for key, item in seen.items():
                bodies[key].items.append(item)
    return sorted(bodies.values(), key=lambda b: (-len(b.items), b.key))


def select(bodies: list[Body], name: str) -> list[Body]:
    """The bodies ``name`` means: the one whose normalised name equals it, else all containing it."""
    key = normalise_name(name)
    exact = [b for b in bodies if b.key == key]
    return exact or [b for b in bodies if key and key in b.key]


def to_data(bodies: list[Body], plans: list[Plan], *, with_items: bool) -> dict:
    """The view as JSON-ready data."""
    out: dict = {
        "plans": [{"path": p.source.path, "title": p.meta.title} for p in plans],
        "departments": [],
    }
    for b in bodies:
        entry: dict = {"name": b.name, "key": b.key, "variants": b.variants, "plans": b.plans}
        for kind in ("task", "indicator"):
            entry[kind + "s"] = {**{r: b.count(kind, r) for r in ROLES}, "total": b.count(kind)}
        if with_items:
            entry["items"] = [
                {
                    "plan": it.plan,
                    "kind": it.kind,
                    "id": it.id,
                    "name": it.name,
                    "role": it.role,
                    "printed": it.printed,
                }
                for it in b.items
            ]
        out["departments"].append(entry)
    return out


SUMMARY_HEADER = [
    "department", "variants", "tasks_lead", "tasks_support", "tasks_named", "tasks_total",
    "indicators_lead", "indicators_support", "indicators_named", "indicators_total", "plans",
]  # fmt: skip
ITEMS_HEADER = ["department", "plan", "item_kind", "item_id", "item_name", "role", "printed"]


def summary_rows(bodies: list[Body]) -> list[list[str | int]]:
    rows: list[list[str | int]] = []
    for b in bodies:
        counts: list[str | int] = []
        kind: ItemKind
        for kind in ("task", "indicator"):
            counts += [*(b.count(kind, r) for r in ROLES), b.count(kind)]
        rows.append([b.name, join(b.variants), *counts, join(b.plans)])
    return rows


def item_rows(bodies: list[Body]) -> list[list[str | int]]:
    return [[b.name, it.plan, it.kind, it.id, it.name, it.role, it.printed] for b in bodies for it in b.items]
