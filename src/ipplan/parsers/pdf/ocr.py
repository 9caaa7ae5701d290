"""The OCR engine: RapidOCR's PP-OCRv4 Chinese models on ONNX Runtime (the ``ipplan[ocr]`` extra).

rapidocr-onnxruntime ships the detection and recognition models inside its wheel, so nothing is
fetched at run time. Its steps are called one by one rather than through ``RapidOCR.__call__``:
detection runs on the page reduced to ``DETECT_SIDE`` pixels (text lines are found as well at
that size, in a fraction of the time), recognition on crops of the full-resolution page, and no
step resizes the page behind ipplan's back. The engine is built once per process (a batch
worker keeps its own) on first use.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from dataclasses import dataclass
from functools import cache

from ipplan.errors import IpplanError

# The longer side of the image the text detector sees.
DETECT_SIDE = 1440
# Boxes the detector is less sure of than this are dropped (speckle, stamps' edges).
BOX_THRESHOLD = 0.5
# Lines the recogniser reads with less confidence than this are dropped as noise.
MIN_LINE_SCORE = 0.5

_MODULES = ("rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy")
_lock = threading.Lock()
_engine = None


@cache
def available() -> bool:
    """Whether the OCR extra is installed (checked once, without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


@dataclass(frozen=True, slots=True)
class Recognised:
    """One text line found on the image: its text, its box's four corners (pixels, clockwise from
    the top-left) and the recogniser's confidence."""

    text: str
    quad: tuple[tuple[float, float], ...]
    score: float


def engine():
    """The process's RapidOCR engine, created on first use. An extra that is installed but cannot
    be loaded (a native library missing) is E207, as if it were not installed."""
    global _engine
    with _lock:
        if _engine is None:
            try:
                _engine = _create()
            except (ImportError, OSError, RuntimeError) as exc:
                raise IpplanError(
                    "ocr-unavailable", f"the OCR extra is installed but cannot be loaded: {exc}"
                ) from exc
        return _engine


def _create():
    import logging

    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    threads = _threads()
    return RapidOCR(
        text_score=MIN_LINE_SCORE,
        det_box_thresh=BOX_THRESHOLD,
        intra_op_num_threads=threads,
        inter_op_num_threads=1,
    )


def _threads() -> int:
    """Threads ONNX Runtime may use: IPPLAN_OCR_THREADS if set; one in a worker process (a batch
    runs a worker per core already); else its default, every core."""
    import multiprocessing

    try:
        wanted = int(os.environ.get("IPPLAN_OCR_THREADS", "0"))
    except ValueError:
        wanted = 0
    if wanted > 0:
        return wanted
    return 1 if multiprocessing.parent_process() is not None else -1


def detect(image) -> list:
    """The text lines' boxes on a grey page image: a list of 4 × 2 arrays in the image's pixels,
    in reading order (top to bottom, then left to right)."""
    import cv2
    import numpy as np

    ocr = engine()
    height, width = image.shape[:2]
    factor = min(1.0, DETECT_SIDE / max(height, width))
    small = image
    if factor < 1.0:
        small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    boxes, _ = ocr.text_det(np.ascontiguousarray(np.dstack([small] * 3)))
    if boxes is None or len(boxes) == 0:
        return []
    return [np.asarray(box, dtype=np.float32) / factor for box in ocr.sorted_boxes(boxes)]


def recognise(image, boxes: list) -> list[Recognised]:
    """Read the text in each box of a grey image; lines read with too little confidence dropped."""
    import numpy as np

    if not boxes:
        return []
    ocr = engine()
    colour = np.ascontiguousarray(np.dstack([image] * 3))
    crops = ocr.get_crop_img_list(colour, [np.asarray(b, dtype=np.float32) for b in boxes])
    results, _ = ocr.text_rec(crops, False)
    out: list[Recognised] = []
    for box, result in zip(boxes, results, strict=True):
        text, score = str(result[0]), float(result[1])
        if text.strip() and score >= MIN_LINE_SCORE:
            quad = tuple((float(x), float(y)) for x, y in box)
            out.append(Recognised(text=text, quad=quad, score=score))
    return out
