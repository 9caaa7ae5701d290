"""Resource bounds applied to every input (documented in docs/errors.md)."""

MAX_INPUT_BYTES = 200 * 1024 * 1024  # a file larger than this is refused unread
MAX_TEXT_CHARS = 50 * 1024 * 1024  # decoded text of a .txt file
MAX_TEXT_LINES = 1_000_000  # lines of a .txt file: each is an object of ~90 bytes, however short
# Decoded markup of an .html page: lxml's tree takes some 40 bytes per character of dense markup.
MAX_HTML_CHARS = 20 * 1024 * 1024
# Declared or actually inflated size of one docx part that is read (document.xml, styles.xml …;
# media are never inflated). lxml takes some 25 bytes of memory per byte of WordprocessingML, so
# this bounds the reader near 800 MB; a 500-page report's document.xml is a few megabytes.
MAX_ZIP_MEMBER_BYTES = 32 * 1024 * 1024
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # declared size of all docx parts together
MAX_ZIP_RATIO = 200  # declared inflation ratio of a docx part beyond which it is a bomb
MAX_PDF_PAGES = 2000
# Glyphs one PDF page draws (a dense page has ~3,000): more is a page built to exhaust the reader.
MAX_PDF_PAGE_CHARS = 100_000
# Ruling pieces one PDF page draws: a page with more is a drawing (a map, a chart), not a table,
# and is not searched for tables (crossing rules are paired, so this bounds quadratic work).
MAX_PDF_PAGE_RULES = 4_000
# Time for reading one PDF, OCR included: past it the document is refused (E301), never left to
# hang a batch. A scanned page takes a few seconds of OCR.
PDF_SECONDS = 1800.0
# Pages of one PDF that are read by OCR; a scan longer than that is refused (E301).
MAX_OCR_PAGES = 300
# Pixels of one page rendered for OCR: a larger page (A3, a poster) is rendered at a lower
# resolution so as to stay within it (~90 MB of grey and colour copies at this size).
MAX_RENDER_PIXELS = 12_000_000
# A .docx has a few dozen parts; a central directory of millions of empty entries costs
# gigabytes of ZipInfo objects before any size check could run, so it is counted first.
MAX_ZIP_MEMBERS = 10_000
# Paragraphs and table cells of one document, and the pieces the outline cuts run-on text into.
# A plan has a few hundred to a few thousand; each becomes up to a few records, and 50,000 of them
# take some 700 MB from reading to writing the JSON.
MAX_BLOCKS = 50_000
