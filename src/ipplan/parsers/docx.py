"""Word (.docx) reader: the body's paragraphs and tables as a block stream.

The package is opened through ``ooxml`` (bounded inflation, no DTDs), styles.xml and
numbering.xml are digested once, then document.xml's body is walked once with lxml:

* Paragraphs carry their visible text (deleted revisions, hidden runs, field codes, text
  boxes and drawings left out; line breaks inside a paragraph joined with nothing next to
  CJK text, a space between Latin words), the label Word's automatic numbering draws for
  them (``numbering``), and whether they are centred or all bold.
* Tables become rectangular grids over the table's grid columns: a cell spanning n columns
  fills n slots and a vertically merged cell fills every row it spans, the copies marked
  ``spanned``. A cell's paragraphs are joined with nothing; nested tables are flattened
  into the cell's text.
* Content controls (``w:sdt``) and custom XML wrappers are transparent; headers, footers,
  footnotes and comments are not read.

``Location.paragraph`` counts every block-level paragraph of the body (empty ones and those
inside block-level content controls too, tables' paragraphs not), from 0;
``Location.table`` counts the body's tables, from 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipplan.blocks import Block, Cell, Document, Paragraph, Table
from ipplan.errors import IpplanError
from ipplan.parsers import ooxml
from ipplan.parsers.numbering import NumberingDefinitions, NumberingState, parse_numbering
from ipplan.schema import Location, Warning

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_FALSE_VALUES = frozenset({"0", "false", "off"})
_MAX_SPAN = 64  # Word tables have at most 63 columns; a larger gridSpan is garbage, not a reason to allocate
_MAX_STYLE_DEPTH = 32  # basedOn chains longer than this are loops
_BREAK = "\x0b"  # a w:br / w:cr inside a paragraph, until we know its neighbours
# a raw newline inside w:t is some generator's line break, so it is treated as one
_SEPARATORS = re.compile(r"[\x0b\t\r\n]+")


def _is_cjk(char: str) -> bool:
    """Whether ``char`` is CJK text or punctuation, which a line break joins without a space."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or code >= 0x20000
    )


def _join_separator(match: re.Match[str]) -> str:
    """What a run of tabs and line breaks becomes: a space, or nothing where CJK text meets it.

    A tab always separates (a date from a name, a label from its title); a line break inside a
    CJK paragraph is only where the line was cut for layout, so it joins with nothing.
    """
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before.isspace() or after.isspace():
        return ""
    if "\t" not in match.group() and (_is_cjk(before) or _is_cjk(after)):
        return ""
    return " "


def _finish_text(pieces: list[str]) -> str:
    """The pieces of a paragraph as one stripped line."""
    return _SEPARATORS.sub(_join_separator, "".join(pieces)).strip()


def _on(element: Element, val: str) -> bool:
    """A WordprocessingML on/off property (w:b, w:vanish …): present and not switched off."""
    value = element.get(val)
    return value is None or value.lower() not in _FALSE_VALUES


class _Tags:
    """Qualified element and attribute names in one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str):
        w = f"{{{ns}}}"

        def q(*names: str) -> tuple[str, ...]:
            return tuple(w + name for name in names)

        self.w = w
        self.body, self.p, self.pPr, self.pStyle, self.jc, self.rPr = q(
            "body", "p", "pPr", "pStyle", "jc", "rPr"
        )
        self.numPr, self.ilvl, self.numId = q("numPr", "ilvl", "numId")
        self.r, self.t, self.tab, self.ptab, self.br, self.cr = q("r", "t", "tab", "ptab", "br", "cr")
        self.noBreakHyphen, self.ruby, self.rubyBase = q("noBreakHyphen", "ruby", "rubyBase")
        self.b, self.rStyle, self.vanish = q("b", "rStyle", "vanish")
        self.tbl, self.tblGrid, self.gridCol, self.tr, self.trPr = q(
            "tbl", "tblGrid", "gridCol", "tr", "trPr"
        )
        self.gridBefore, self.gridAfter, self.tc, self.tcPr = q("gridBefore", "gridAfter", "tc", "tcPr")
        self.gridSpan, self.vMerge, self.hMerge, self.altChunk = q("gridSpan", "vMerge", "hMerge", "altChunk")
        self.style, self.basedOn, self.docDefaults, self.rPrDefault = q(
            "style", "basedOn", "docDefaults", "rPrDefault"
        )
        self.val = w + "val"
        self.alternate = f"{{{MC_NS}}}AlternateContent"
        self.choice = f"{{{MC_NS}}}Choice"
        # inline wrappers whose runs are visible text: inserted revisions, links, fields' results
        self.inline_containers = frozenset(
            w + n for n in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "sdt", "sdtContent",
                            "customXml", "dir", "bdo")
        )  # fmt: skip
        # block wrappers whose paragraphs and tables are part of the body
        self.block_containers = frozenset(w + n for n in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))


# ---------------------------------------------------------------------------------------------
# styles
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _ParagraphStyle:
    """What a paragraph style (with everything it is based on) says about numbering, alignment, weight."""

    num_id: str | None = None
    ilvl: int | None = None
    centered: bool | None = None
    bold: bool | None = None


@dataclass(slots=True)
class _RawStyle:
    kind: str
    based_on: str | None
    own: _ParagraphStyle


@dataclass(slots=True)
class _Styles:
    paragraph: dict[str, _ParagraphStyle]
    default_paragraph: _ParagraphStyle
    character_bold: dict[str, bool | None]
    numbering_style_num_ids: dict[str, str]
    default_bold: bool = False


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _raw_style(style: Element, tags: _Tags) -> _RawStyle:
    """One w:style's own properties, before inheritance."""
    own = _ParagraphStyle()
    based = style.find(tags.basedOn)
    ppr = style.find(tags.pPr)
    if ppr is not None:
        num_pr = ppr.find(tags.numPr)
        if num_pr is not None:
            num_id = num_pr.find(tags.numId)
            ilvl = num_pr.find(tags.ilvl)
            own.num_id = num_id.get(tags.val) if num_id is not None else None
            own.ilvl = _int_or_none(ilvl.get(tags.val)) if ilvl is not None else None
        jc = ppr.find(tags.jc)
        if jc is not None:
            own.centered = jc.get(tags.val) == "center"
    bold = style.find(f"{tags.rPr}/{tags.b}")
    if bold is not None:
        own.bold = _on(bold, tags.val)
    return _RawStyle(
        style.get(f"{tags.w}type") or "paragraph", based.get(tags.val) if based is not None else None, own
    )


def _inherit(style_id: str, raw: dict[str, _RawStyle]) -> _ParagraphStyle:
    """A style's properties with those of the styles it is based on filled in (nearest wins)."""
    merged = _ParagraphStyle()
    seen: set[str] = set()
    current: str | None = style_id
    while current is not None and current in raw and current not in seen and len(seen) < _MAX_STYLE_DEPTH:
        seen.add(current)
        own = raw[current].own
        if merged.num_id is None:
            merged.num_id = own.num_id
        if merged.ilvl is None:
            merged.ilvl = own.ilvl
        if merged.centered is None:
            merged.centered = own.centered
        if merged.bold is None:
            merged.bold = own.bold
        current = raw[current].based_on
    return merged


def _parse_styles(root: Element, tags: _Tags) -> _Styles:
    """Paragraph styles resolved through basedOn, character styles' weight, numbering styles' lists."""
    raw: dict[str, _RawStyle] = {}
    default_id: str | None = None
    for style in root.iterfind(tags.style):
        style_id = style.get(f"{tags.w}styleId")
        if not style_id or style_id in raw:
            continue
        raw[style_id] = _raw_style(style, tags)
        if raw[style_id].kind == "paragraph" and _on_attr(style.get(f"{tags.w}default")):
            default_id = default_id or style_id
    paragraph = {sid: _inherit(sid, raw) for sid, s in raw.items() if s.kind == "paragraph"}
    character = {sid: _inherit(sid, raw).bold for sid, s in raw.items() if s.kind == "character"}
    numbering: dict[str, str] = {}
    for sid, style in raw.items():
        num_id = _inherit(sid, raw).num_id if style.kind == "numbering" else None
        if num_id:
            numbering[sid] = num_id
    default_bold = root.find(f"{tags.docDefaults}/{tags.rPrDefault}/{tags.rPr}/{tags.b}")
    return _Styles(
        paragraph=paragraph,
        default_paragraph=paragraph.get(default_id, _ParagraphStyle()) if default_id else _ParagraphStyle(),
        character_bold=character,
        numbering_style_num_ids=numbering,
        default_bold=default_bold is not None and _on(default_bold, tags.val),
    )


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE_VALUES


# ---------------------------------------------------------------------------------------------
# the body
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _ParagraphContent:
    text: str
    label: str | None
    centered: bool
    bold: bool


@dataclass(slots=True)
class _Weight:
    """Whether every run with visible text in a paragraph so far is bold."""

    saw_text: bool = False
    all_bold: bool = True


class _BodyReader:
    """One pass over a document body, turning it into blocks."""

    def __init__(self, tags: _Tags, styles: _Styles, numbering: NumberingState):
        self.tags = tags
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.warnings: list[Warning] = []
        self.paragraph_index = 0
        self.table_index = 0
        self._undefined_lists: set[str] = set()

    # -- blocks --------------------------------------------------------------------------------

    def read(self, container: Element) -> list[Block]:
        """The blocks of ``container`` (the body or a block-level wrapper), appended in order."""
        tags = self.tags
        for child in container:
            tag = child.tag
            if tag == tags.p:
                self._body_paragraph(child)
            elif tag == tags.tbl:
                self._body_table(child)
            elif tag in tags.block_containers:
                self.read(child)
            elif tag == tags.alternate:
                self._read_choice(child, self.read)
            elif tag == tags.altChunk:
                self.warnings.append(
                    Warning(
                        code="docx-embedded-chunk",
                        message="an embedded HTML/RTF/Word chunk (w:altChunk) was not read",
                        source=Location(paragraph=self.paragraph_index),
                    )
                )
        return self.blocks

    def _read_choice(self, alternate: Element, handler: Callable[[Element], object]) -> None:
        """mc:AlternateContent: the first choice holds the content (its fallback repeats it)."""
        choice = alternate.find(self.tags.choice)
        if choice is not None:
            handler(choice)

    def _body_paragraph(self, p: Element) -> None:
        index = self.paragraph_index
        self.paragraph_index += 1
        content = self.paragraph(p)
        if content.text:
            self.blocks.append(
                Paragraph(
                    content.text,
                    Location(paragraph=index),
                    numbering_label=content.label,
                    centered=content.centered,
                    bold=content.bold,
                )
            )

    def _body_table(self, tbl: Element) -> None:
        index = self.table_index
        self.table_index += 1
        rows = self.table_grid(tbl, index)
        if rows:
            self.blocks.append(Table(rows, Location(table=index)))

    # -- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, p: Element) -> _ParagraphContent:
        """A paragraph's text, numbering label (counted even when the text is empty), alignment, weight."""
        tags = self.tags
        style_id = num_id = jc = None
        ilvl: int | None = None
        ppr = p[0] if len(p) and p[0].tag == tags.pPr else p.find(tags.pPr)
        if ppr is not None:
            for prop in ppr:
                tag = prop.tag
                if tag == tags.pStyle:
                    style_id = prop.get(tags.val)
                elif tag == tags.numPr:
                    num_id, ilvl = self._num_pr(prop)
                elif tag == tags.jc:
                    jc = prop.get(tags.val)
        # an unknown style id falls back to the default style, as Word does
        style = self.styles.paragraph.get(style_id or "", self.styles.default_paragraph)
        label = self._label(num_id, ilvl, style, style_id)
        pieces: list[str] = []
        weight = _Weight()
        paragraph_bold = style.bold if style.bold is not None else self.styles.default_bold
        self._inline(p, pieces, weight, paragraph_bold)
        centered = jc == "center" if jc is not None else bool(style.centered)
        return _ParagraphContent(_finish_text(pieces), label, centered, weight.saw_text and weight.all_bold)

    def _num_pr(self, num_pr: Element) -> tuple[str | None, int | None]:
        num_id = ilvl = None
        for child in num_pr:
            if child.tag == self.tags.numId:
                num_id = child.get(self.tags.val)
            elif child.tag == self.tags.ilvl:
                ilvl = _int_or_none(child.get(self.tags.val))
        return num_id, ilvl

    def _label(
        self, num_id: str | None, ilvl: int | None, style: _ParagraphStyle, style_id: str | None
    ) -> str | None:
        """The numbering label of a paragraph, from its own numPr or its style's; numId 0 switches it off."""
        if num_id is None:
            num_id = style.num_id
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = style.ilvl
        definitions = self.numbering.definitions
        if definitions.resolve(num_id) is None:
            self._warn_undefined_list(num_id)
            return None
        if ilvl is None:
            ilvl = definitions.level_of_style(num_id, style_id) or 0
        return self.numbering.label(num_id, ilvl)

    def _warn_undefined_list(self, num_id: str) -> None:
        if num_id in self._undefined_lists:
            return
        self._undefined_lists.add(num_id)
        self.warnings.append(
            Warning(
                code="docx-numbering-undefined",
                message=f"paragraphs use list {num_id}, which numbering.xml does not define: no labels drawn",
                source=Location(paragraph=self.paragraph_index),
            )
        )

    def _inline(self, parent: Element, pieces: list[str], weight: _Weight, paragraph_bold: bool) -> None:
        """Collect the visible text of the runs under ``parent`` (a paragraph or an inline wrapper)."""
        tags = self.tags
        for child in parent:
            tag = child.tag
            if tag == tags.r:
                self._run(child, pieces, weight, paragraph_bold)
            elif tag in tags.inline_containers:
                self._inline(child, pieces, weight, paragraph_bold)
            elif tag == tags.alternate:
                self._read_choice(child, lambda c: self._inline(c, pieces, weight, paragraph_bold))
            # anything else: properties, deleted or moved-away revisions, bookmarks, math

    def _run(self, r: Element, pieces: list[str], weight: _Weight, paragraph_bold: bool) -> None:
        tags = self.tags
        start = len(pieces)
        bold: bool | None = None
        for child in r:
            tag = child.tag
            if tag == tags.t:
                if child.text:
                    pieces.append(child.text)
            elif tag == tags.rPr:
                bold, hidden = self._run_props(child)
                if hidden:
                    del pieces[start:]
                    return
            elif tag == tags.tab or tag == tags.ptab:
                pieces.append("\t")
            elif tag == tags.br or tag == tags.cr:
                pieces.append(_BREAK)
            elif tag == tags.noBreakHyphen:
                pieces.append("-")
            elif tag == tags.ruby:
                base = child.find(tags.rubyBase)
                if base is not None:
                    self._inline(base, pieces, weight, paragraph_bold)
            # drawings and text boxes, field codes, deleted text, note references show no text here
        if any(not piece.isspace() for piece in pieces[start:]):
            weight.saw_text = True
            if not (bold if bold is not None else paragraph_bold):
                weight.all_bold = False

    def _run_props(self, rpr: Element) -> tuple[bool | None, bool]:
        """(bold or None where the run does not say, hidden) from a run's w:rPr."""
        tags = self.tags
        bold: bool | None = None
        style_bold: bool | None = None
        hidden = False
        for prop in rpr:
            tag = prop.tag
            if tag == tags.b:
                bold = _on(prop, tags.val)
            elif tag == tags.rStyle:
                style_bold = self.styles.character_bold.get(prop.get(tags.val) or "")
            elif tag == tags.vanish:
                hidden = _on(prop, tags.val)
        return (bold if bold is not None else style_bold), hidden

    # -- tables --------------------------------------------------------------------------------

    def table_grid(self, tbl: Element, table_index: int) -> list[list[Cell]]:
        """A table as a rectangular grid of logical cells, merged cells copied into every slot they span."""
        grid: list[list[Cell]] = []
        for r, tr in enumerate(self._rows(tbl)):
            grid.append(self._grid_row(tr, r, table_index, grid[-1] if grid else None))
        width = max([len(row) for row in grid] + [self._grid_columns(tbl)])
        for r, row in enumerate(grid):
            while len(row) < width:
                row.append(Cell("", Location(table=table_index, row=r, col=len(row))))
        return grid

    def _grid_columns(self, tbl: Element) -> int:
        grid = tbl.find(self.tags.tblGrid)
        return min(len(grid.findall(self.tags.gridCol)), _MAX_SPAN) if grid is not None else 0

    def _rows(self, tbl: Element) -> Iterator[Element]:
        """The rows of a table, through any row-level content controls."""
        return self._children(tbl, self.tags.tr)

    def _children(self, parent: Element, wanted: str) -> Iterator[Element]:
        tags = self.tags
        for child in parent:
            if child.tag == wanted:
                yield child
            elif child.tag in tags.block_containers:
                yield from self._children(child, wanted)

    def _grid_row(self, tr: Element, r: int, t: int, above: list[Cell] | None) -> list[Cell]:
        tags = self.tags
        row: list[Cell] = []
        before, after = self._row_skips(tr)
        for _ in range(before):
            row.append(Cell("", Location(table=t, row=r, col=len(row))))
        for tc in self._children(tr, tags.tc):
            span, vmerge, hmerge = self._cell_props(tc)
            text = self.cell_text(tc)  # read even where merged away: its numbered paragraphs still count
            col = len(row)
            continued = False
            if vmerge == "continue" and above is not None and col < len(above):
                text, continued = above[col].text, True
            elif hmerge == "continue" and row:
                text, continued = row[-1].text, True
            for k in range(span):
                row.append(Cell(text, Location(table=t, row=r, col=col + k), spanned=continued or k > 0))
        for _ in range(after):
            row.append(Cell("", Location(table=t, row=r, col=len(row))))
        return row

    def _row_skips(self, tr: Element) -> tuple[int, int]:
        """The grid columns a row leaves out before its first cell and after its last (w:gridBefore/After)."""
        tags = self.tags
        trpr = tr.find(tags.trPr)
        if trpr is None:
            return 0, 0
        before = trpr.find(tags.gridBefore)
        after = trpr.find(tags.gridAfter)
        return (
            _bounded(_int_or_none(before.get(tags.val)) if before is not None else 0),
            _bounded(_int_or_none(after.get(tags.val)) if after is not None else 0),
        )

    def _cell_props(self, tc: Element) -> tuple[int, str | None, str | None]:
        """(grid span, vMerge state, hMerge state) of a cell; an unvalued merge element means "continue"."""
        tags = self.tags
        tcpr = tc[0] if len(tc) and tc[0].tag == tags.tcPr else None
        if tcpr is None:
            return 1, None, None
        span, vmerge, hmerge = 1, None, None
        for prop in tcpr:
            tag = prop.tag
            if tag == tags.gridSpan:
                span = max(1, _bounded(_int_or_none(prop.get(tags.val))))
            elif tag == tags.vMerge:
                vmerge = prop.get(tags.val) or "continue"
            elif tag == tags.hMerge:
                hmerge = prop.get(tags.val) or "continue"
        return span, vmerge, hmerge

    def cell_text(self, cell: Element) -> str:
        """A cell's paragraphs (numbering labels included) joined with nothing; nested tables flattened."""
        parts: list[str] = []
        self._cell_parts(cell, parts)
        return "".join(parts)

    def _cell_parts(self, container: Element, parts: list[str]) -> None:
        tags = self.tags
        for child in container:
            tag = child.tag
            if tag == tags.p:
                content = self.paragraph(child)
                if content.label and content.text:
                    parts.append(content.label)
                parts.append(content.text)
            elif tag == tags.tbl:
                for tr in self._rows(child):
                    for tc in self._children(tr, tags.tc):
                        self._cell_parts(tc, parts)
            elif tag in tags.block_containers:
                self._cell_parts(child, parts)
            elif tag == tags.alternate:
                self._read_choice(child, lambda c: self._cell_parts(c, parts))


def _bounded(value: int | None) -> int:
    """A column count from the file, clamped to what a Word table can have."""
    if value is None or value < 0:
        return 0
    return min(value, _MAX_SPAN)


# ---------------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------------


def _load_styles(package: ooxml.Package, main: str, tags: _Tags) -> _Styles:
    part = package.related_part(main, "/styles")
    if part is None:
        return _Styles({}, _ParagraphStyle(), {}, {})
    return _parse_styles(package.xml_part(part), tags)


def _load_numbering(package: ooxml.Package, main: str, tags: _Tags, styles: _Styles) -> NumberingDefinitions:
    part = package.related_part(main, "/numbering")
    if part is None:
        return NumberingDefinitions()
    return parse_numbering(package.xml_part(part), tags.w, styles.numbering_style_num_ids)


def _namespace(root: Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def read(data: bytes, path: str, *, password: str | None = None) -> Document:
    """Read a .docx into blocks.

    ``password`` is unused: an encrypted .docx is an OLE compound file, which is refused upstream.
    """
    package = ooxml.Package(data, path)
    main = package.main_document()
    root = package.xml_part(main)
    ns = _namespace(root)
    if ns not in (W_TRANSITIONAL, W_STRICT):
        raise IpplanError("corrupt-file", f"{main} is not a WordprocessingML document", path)
    tags = _Tags(ns)
    body = root.find(tags.body)
    if body is None:
        raise IpplanError("corrupt-file", f"{main} has no body", path)
    styles = _load_styles(package, main, tags)
    numbering = NumberingState(_load_numbering(package, main, tags, styles))
    reader = _BodyReader(tags, styles, numbering)
    try:
        blocks = reader.read(body)
    except RecursionError as exc:
        raise IpplanError("limit-exceeded", "the document nests content too deeply to read", path) from exc
    return Document(blocks=blocks, format="docx", warnings=reader.warnings)
