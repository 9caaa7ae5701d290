"""The one way ipplan makes a rich console: colour as NO_COLOR and FORCE_COLOR say, no highlighting.

NO_COLOR (non-empty) means plain text: no colour and no bold, dim or italic either (rich's own
NO_COLOR handling keeps those). FORCE_COLOR (non-empty) means escapes even into a pipe, and
even where TERM says the terminal is dumb (CI logs often run so). NO_COLOR wins where both are
set. rich's highlighter is never on: it would colour numbers and the "(s)" of "job(s)" in text
that is data.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO

from rich.console import Console


def colour_choice(environ: Mapping[str, str] = os.environ) -> bool | None:
    """False where NO_COLOR is set, True where FORCE_COLOR is, None to follow the terminal."""
    if environ.get("NO_COLOR", "") != "":
        return False
    if environ.get("FORCE_COLOR", "") != "":
        return True
    return None


def make_console(
    width: int | None = None, file: IO[str] | None = None, *, stderr: bool = False, plain: bool = False
) -> Console:
    """A console for ``file`` (stdout, or stderr with ``stderr``) at ``width`` columns.

    ``plain``: never any escape, whatever the environment says (output written to a file).
    """
    choice = False if plain else colour_choice()
    kwargs: dict = {"width": width, "file": file, "stderr": stderr, "highlight": False, "emoji": False}
    if choice is False:
        kwargs.update(color_system=None, no_color=True)
        if plain:
            kwargs["force_terminal"] = False
    elif choice is True:
        kwargs["force_terminal"] = True
        if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
            kwargs["color_system"] = "standard"  # rich detects none for a dumb terminal
    return Console(**kwargs)
