"""Serialisations of a ``Plan``: JSON and YAML carry the same data."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from ipplan.errors import IpplanError
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


def emit(content: str | bytes, output: str | None) -> None:
    """Write ``content`` to the file ``output`` atomically, or to stdout where it is None or "-"."""
    if output and output != "-":
        try:
            write_atomic(output, content)
        except OSError as exc:
            raise IpplanError("output-error", exc.strerror or str(exc), output) from exc
    else:
        import click

        click.echo(content, nl=False)


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write ``content`` to ``path`` so that no reader ever sees a half-written file.

    The temporary file is named before it is created and created inside the ``try``, so an
    exception at any point (a signal turned into one in a batch worker, say) removes it.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.part"
    try:
        with open(tmp, "xb") as fh:  # the usual mode for a new file, unlike mkstemp's 0600
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
