"""The time one PDF may take: checked between pages, so a document ends with a clear error, never
hangs a batch (a page's own work is bounded by the page limits)."""

from __future__ import annotations

import time

from ipplan.errors import IpplanError


class Budget:
    """A deadline for reading one document."""

    def __init__(self, seconds: float, path: str):
        self.seconds = seconds
        self.path = path
        self.started = time.monotonic()

    def check(self, done: str) -> None:
        """Raise E301 when the time is up; ``done`` says how far the reading got."""
        if time.monotonic() - self.started > self.seconds:
            raise IpplanError(
                "limit-exceeded",
                f"reading the PDF took longer than its {self.seconds:g}-second limit ({done})",
                self.path,
            )
