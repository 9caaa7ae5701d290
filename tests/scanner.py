"""An office scanner, simulated: a text PDF printed and scanned back into an image-only PDF.

Each page is rasterised by PDFium at the scanner's resolution, turned by a slight random angle,
set on grey paper with a little sensor noise and speckle, softened by the optics, stored as a
JPEG: what a plan looks like after passing through the photocopier room. Used by the OCR tests
and by ``benchmarks/ocr_scans.py``, never by ipplan itself.

    python tests/scanner.py IN.pdf OUT.pdf [--pages 1,4-5] [--seed N] [--dpi 200]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Iterable


def scan_pdf(
    data: bytes,
    *,
    pages: Iterable[int] | None = None,
    dpi: int = 200,
    seed: int = 0,
    max_angle: float = 1.2,
) -> bytes:
    """An image-only PDF of ``data``'s pages (1-based numbers; all by default), as scanned."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    document = pdfium.PdfDocument(data)
    numbers = list(pages) if pages is not None else list(range(1, len(document) + 1))
    images = []
    try:
        for number in numbers:
            page = document[number - 1]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            grey = np.asarray(bitmap.to_pil().convert("L"), dtype=np.float32)
            bitmap.close()
            page.close()
            paper = rng.uniform(205, 235)
            grey = grey * (paper / 255.0)  # white becomes the paper's tone, black stays black
            image = Image.fromarray(grey.astype(np.uint8))
            image = image.rotate(
                rng.uniform(-max_angle, max_angle), resample=Image.BICUBIC, fillcolor=int(paper)
            )
            pixels = np.asarray(image, dtype=np.float32) + noise.normal(0, 5, (image.height, image.width))
            count = pixels.size // 3000  # speckle: dark dots of dust and toner
            ys = noise.integers(0, image.height, count)
            xs = noise.integers(0, image.width, count)
            pixels[ys, xs] = noise.integers(0, 100, count)
            image = Image.fromarray(pixels.clip(0, 255).astype(np.uint8))
            images.append(image.filter(ImageFilter.GaussianBlur(0.5)))
    finally:
        document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], quality=80)
    return out.getvalue()


def _numbers(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source")
    ap.add_argument("target")
    ap.add_argument("--pages", type=_numbers, help="page numbers, e.g. 1,4-5 (default: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--max-angle", type=float, default=1.2, help="largest rotation, degrees")
    args = ap.parse_args(argv)
    with open(args.source, "rb") as fh:
        data = fh.read()
    scanned = scan_pdf(data, pages=args.pages, dpi=args.dpi, seed=args.seed, max_angle=args.max_angle)
    with open(args.target, "wb") as fh:
        fh.write(scanned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
