"""Time the document reader on a long PDF (and the same report as a web page and a Word
file): the goal is a 60-page PDF in under 2 s on two cores.

The documents are the tests' made-up government report (tests/documents/_corpus.py),
repeated until the PDF has the pages asked for, laid out as a printed government document
(16-point body, running header, page numbers). Needs the test dependencies (fpdf2).

    python3 bench/extract_bench.py [--pages 60] [--runs 5] [--size 16]

``--size 10.5`` sets the body in 五号 type, as dense as reports get (about 2,000 characters
a page instead of 600).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "documents"))

from _corpus import PARAGRAPHS  # noqa: E402
from _make import write_docx, write_pdf  # noqa: E402

from briefing.documents import read_document  # noqa: E402

#: The report's paragraphs fill about two pages; this many copies make about one page each.
_PAGES_PER_REPEAT = 2


def make_pdf(folder: Path, pages: int, size: float) -> Path:
    """A PDF of at least ``pages`` pages (the report repeated), trimmed to exactly that."""
    import pypdfium2 as pdfium

    per_repeat = _PAGES_PER_REPEAT * (size / 16) ** 2
    repeat = max(1, int(pages / per_repeat))
    while True:
        path = write_pdf(folder / "long.pdf", repeat=repeat, size=size)
        count = len(pdfium.PdfDocument(path))
        if count >= pages:
            return path if count == pages else _first_pages(path, pages, pdfium)
        repeat += max(1, int((pages - count) / per_repeat))


def _first_pages(path: Path, pages: int, pdfium) -> Path:
    source = pdfium.PdfDocument(path)
    trimmed = pdfium.PdfDocument.new()
    trimmed.import_pages(source, list(range(pages)))
    out = path.with_name(f"long-{pages}.pdf")
    trimmed.save(out)
    return out


def timed(path: Path, runs: int) -> tuple[float, float, object]:
    """The first read (the format's library imported then) and the median of ``runs``."""
    times, document = [], None
    for _ in range(runs + 1):
        start = time.perf_counter()
        document = read_document(path)
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:]), document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=float, default=16, help="body type size in points")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pdf = make_pdf(Path(folder), args.pages, args.size)
        first, seconds, document = timed(pdf, args.runs)
        print(f"PDF   {len(document.pages)} pages ({args.size:g}-point body), "
              f"{pdf.stat().st_size / 1e6:.1f} MB, {len(document.text):,} characters: "
              f"{seconds:.3f} s (median of {args.runs}; the first, importing pypdfium2: "
              f"{first:.3f} s; goal < 2 s)")
        html = Path(folder) / "long.html"
        paragraphs = "\n".join(f"<p>{p}</p>" for p in document.text.splitlines())
        html.write_text(f"<html><head><meta charset='utf-8'></head><body><div class='nav'>"
                        f"<a href='/'>首页</a></div><div id='zoom'>{paragraphs}</div>"
                        "</body></html>", encoding="utf-8")
        first, seconds, _ = timed(html, args.runs)
        print(f"HTML  the same text, {html.stat().st_size / 1e6:.1f} MB: {seconds:.3f} s "
              f"(first {first:.3f} s)")
        docx = write_docx(Path(folder) / "long.docx", tuple(document.text.splitlines())
                          or PARAGRAPHS)
        first, seconds, _ = timed(docx, args.runs)
        print(f"DOCX  the same text, {docx.stat().st_size / 1e6:.1f} MB: {seconds:.3f} s "
              f"(first {first:.3f} s)")


if __name__ == "__main__":
    main()
