"""Resource bounds applied to every input (documented in docs/errors.md)."""

MAX_INPUT_BYTES = 200 * 1024 * 1024  # a file larger than this is refused unread
MAX_TEXT_CHARS = 50 * 1024 * 1024  # decoded text
MAX_ZIP_MEMBER_BYTES = 256 * 1024 * 1024  # declared or actually inflated size of one docx part
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # declared size of all docx parts together
MAX_ZIP_RATIO = 200  # declared inflation ratio of a docx part beyond which it is a bomb
MAX_PDF_PAGES = 2000
# A .docx has a few dozen parts; a central directory of millions of empty entries costs
# gigabytes of ZipInfo objects before any size check could run, so it is counted first.
MAX_ZIP_MEMBERS = 10_000
