"""PDFium's C functions with plain-integer handles, for the calls made once per character or object.

pypdfium2's raw bindings type every handle as a distinct pointer class; a prototype taking and
returning ``c_void_p`` makes each call cheaper and lets handles be compared and used as dict keys
(the text object a character belongs to). Only functions pypdfium2 exports are bound, at the
addresses it loaded.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_char_p, c_double, c_float, c_int, c_ulong, c_ushort, c_void_p

import pypdfium2.raw as pdfium_c

FS_RECTF = pdfium_c.FS_RECTF
FS_MATRIX = pdfium_c.FS_MATRIX


def _bind(name: str, restype, *argtypes):
    address = ctypes.cast(getattr(pdfium_c, name), c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def handle(obj) -> int:
    """The address behind a pypdfium2 object (a page, a text page) as an int."""
    return ctypes.cast(obj.raw, c_void_p).value or 0


# text page
count_chars = _bind("FPDFText_CountChars", c_int, c_void_p)
get_text = _bind("FPDFText_GetText", c_int, c_void_p, c_int, c_int, POINTER(c_ushort))
get_unicode = _bind("FPDFText_GetUnicode", ctypes.c_uint, c_void_p, c_int)
loose_char_box = _bind("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, POINTER(FS_RECTF))
char_text_object = _bind("FPDFText_GetTextObject", c_void_p, c_void_p, c_int)
char_matrix = _bind("FPDFText_GetMatrix", c_int, c_void_p, c_int, POINTER(FS_MATRIX))
char_font_size = _bind("FPDFText_GetFontSize", c_double, c_void_p, c_int)
is_generated = _bind("FPDFText_IsGenerated", c_int, c_void_p, c_int)
has_unicode_map_error = _bind("FPDFText_HasUnicodeMapError", c_int, c_void_p, c_int)

# page objects
count_objects = _bind("FPDFPage_CountObjects", c_int, c_void_p)
get_object = _bind("FPDFPage_GetObject", c_void_p, c_void_p, c_int)
count_form_objects = _bind("FPDFFormObj_CountObjects", c_int, c_void_p)
get_form_object = _bind("FPDFFormObj_GetObject", c_void_p, c_void_p, c_ulong)
object_type = _bind("FPDFPageObj_GetType", c_int, c_void_p)
object_matrix = _bind("FPDFPageObj_GetMatrix", c_int, c_void_p, POINTER(FS_MATRIX))
text_object_font = _bind("FPDFTextObj_GetFont", c_void_p, c_void_p)
font_base_name = _bind("FPDFFont_GetBaseFontName", c_ulong, c_void_p, c_char_p, c_ulong)
path_draw_mode = _bind("FPDFPath_GetDrawMode", c_int, c_void_p, POINTER(c_int), POINTER(c_int))
path_count_segments = _bind("FPDFPath_CountSegments", c_int, c_void_p)
path_segment = _bind("FPDFPath_GetPathSegment", c_void_p, c_void_p, c_int)
segment_point = _bind("FPDFPathSegment_GetPoint", c_int, c_void_p, POINTER(c_float), POINTER(c_float))
segment_type = _bind("FPDFPathSegment_GetType", c_int, c_void_p)
segment_closes = _bind("FPDFPathSegment_GetClose", c_int, c_void_p)

OBJ_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
OBJ_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
OBJ_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
OBJ_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
SEG_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
SEG_LINETO = pdfium_c.FPDF_SEGMENT_LINETO
