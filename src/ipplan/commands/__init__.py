"""CLI commands, one module each; each exposes ``command``."""

from __future__ import annotations

import click

# How PDFs' scanned pages are read, for every command that parses files (ipplan.api.OCR_MODES).
ocr_option = click.option(
    "--ocr",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="OCR for PDFs: the scanned pages (auto), every page, or none. Needs pip install 'ipplan[ocr]'.",
)
