"""Serialisations of a ``Plan``: JSON and YAML carry the same data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ipplan.schema import Plan


def plan_data(plan: Plan) -> dict:
    return plan.model_dump(mode="json")


def to_json(plan: Plan) -> str:
    # pydantic's own serialiser: the same text as json.dumps of model_dump, without building the
    # intermediate dict (a third of the peak memory on a large plan)
    return plan.model_dump_json(indent=2) + "\n"


def to_yaml(plan: Plan) -> str:
    import yaml

    return yaml.safe_dump(plan_data(plan), allow_unicode=True, sort_keys=False, width=1000)


TEXT_WRITERS = {"json": to_json, "yaml": to_yaml}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` so that no reader ever sees a half-written file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp creates 0600; an output file gets the mode any new file would get
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
