"""Batch parsing: folders of plans to one record file each, in parallel, with a report.

The stages are one module each: ``discover`` (inputs → items with their output paths),
``worker`` (one file → its output and a small result dict), ``runner`` (in-process or a process
pool, interruption), ``report`` (ipplan-report.json) and ``display`` (progress bar, summary).
"""

from __future__ import annotations

REPORT_NAME = "ipplan-report.json"
