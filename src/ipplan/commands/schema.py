"""``ipplan schema``: the JSON Schema of the output contract."""

from __future__ import annotations

import json

import click


@click.command("schema")
def command() -> None:
    """Print the JSON Schema of the output (generated from the pydantic models)."""
    from ipplan.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
