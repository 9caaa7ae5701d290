"""Imported once by the pool's forkserver, so that every worker forked from it starts with the
parser imported (copy-on-write, shared) instead of each worker importing its own.

jieba's dictionary is not preloaded: segmentation is a fallback few documents reach, and loading
it here would put a second of serial work in front of every batch.
"""

from __future__ import annotations

import ipplan.api
import ipplan.batch.worker
import ipplan.extract
import ipplan.writers  # noqa: F401 - imported for the workers' sake
