"""Imported once by the pool's forkserver, so that every worker forked from it starts with the
parser imported and jieba's dictionary loaded (copy-on-write, shared) instead of each worker
loading its own: that load is most of a worker's start-up cost."""

from __future__ import annotations

import logging

import ipplan.api
import ipplan.batch.worker
import ipplan.extract
import ipplan.writers  # noqa: F401 - imported for the workers' sake

try:
    import jieba
    import jieba.posseg  # the part of jieba the segmenter uses

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" lines on a batch's stderr
    jieba.initialize()
except ImportError:  # jieba is only needed for run-on headings: workers load it if they must
    pass
