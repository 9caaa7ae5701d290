"""What OCR misreads in Chinese official documents, put right in one place.

The recogniser was trained on text of every kind, so where two glyphs look alike it guesses the
commoner one; in a government plan the other is the right one:

* 丶 (a radical, never written alone) for the enumeration comma 、;
* half-width punctuation for the full-width forms Chinese text uses: "," → "，" and so on, where
  the mark stands against Chinese text (between Latin letters or digits it stays as it is);
* straight quotes for the curly ones, opening and closing in turn (``curl_quotes``, over a
  page's lines);
* "·" or "." between two Chinese characters for the full stop 。, and "°" after one;
* "～" between two Chinese characters for 、, and "’" for ，;
* a table cell's lone dash, however read ("一", "-", "－"), for the marker "—" (``lone_mark``);
* a document number's brackets: "〔2021]", "[2021]", "(2021)" before a serial and 号 → "〔2021〕";
* the long dash between two numbers ("2022—2025年"), read as 一, － or ―;
* spaces the recogniser put into Chinese text ("在柳州 772 数字") — Chinese has none;
* O and l inside numbers (1O0 → 100).

Only the OCR path calls these: a text layer holds what the author typed.
"""

from __future__ import annotations

import re
import unicodedata

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WIDE_PUNCT = "，。、；：？！（）《》“”‘’〔〕【】…—"
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}

_RADICAL_COMMA = re.compile("丶")
# A document number: issuer abbreviation, the year in brackets of any kind, serial, 号.
_DOC_NUMBER = re.compile(
    rf"(?:(?<=[{_CJK}])|^)\s*[〔\[【(（［]\s*((?:19|20)\d\d)\s*[〕\]】)）］]\s*(?=\d{{1,5}}\s*号)"
)
# A dash between two numbers ("2022—2025年"): OCR reads the long dash as 一, － or ―.
_NUMBER_DASH = re.compile(r"(?<=\d)\s*[一－―─]\s*(?=\d)")
_MIXED_YEAR = re.compile(r"[〔\[［]\s*((?:19|20)\d\d)\s*[〕\]］]")
_DOT_STOP = re.compile(rf"(?<=[{_CJK}])\s*[·•.]\s*(?=[{_CJK}])")
_DEGREE_STOP = re.compile(rf"(?<=[{_CJK}])°")
_TILDE_COMMA = re.compile(rf"(?<=[{_CJK}])\s*[~～]\s*(?=[{_CJK}])")
_QUOTE_COMMA = re.compile(rf"(?<=[{_CJK}])[’'](?=[{_CJK}])")
_LONE_DASH = re.compile(r"[一\-－–—―─_]{1,3}")
_LABEL_NUMERAL = re.compile(r"\s*[（(]?[一二三四五六七八九十百]+[）)]?")
_PAIRED = re.compile(r"[(（]([^()（）]{0,60})[)）]")
_DIGIT_O = re.compile(r"(?<=\d)[Oo](?=[\dOo]*(?:\D|$))|(?<=\d)[lI](?=\d)|(?<![A-Za-z])[Oo](?=\d)")


def normalise(text: str) -> str:
    """One recognised line put right (see the module's doc)."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _RADICAL_COMMA.sub("、", text)
    text = _DOC_NUMBER.sub(lambda m: f"〔{m.group(1)}〕", text)
    text = _MIXED_YEAR.sub(_mixed_year, text)
    text = _DOT_STOP.sub(_full_stop, text)
    text = _DEGREE_STOP.sub("。", text)
    text = _TILDE_COMMA.sub("、", text)
    text = _QUOTE_COMMA.sub("，", text)
    text = _NUMBER_DASH.sub("—", text)
    text = _DIGIT_O.sub(lambda m: "0" if m.group() in "Oo" else "1", text)
    text = _PAIRED.sub(_widen_pair, text)
    text = _widen_punctuation(text)
    return _drop_spaces(text)


def lone_mark(text: str) -> str:
    """A table cell's text that is only a dash, in whatever form OCR read it, is the marker "—"
    plans put in a cell for "none" (a cell holding the numeral 一 alone is no plan's value)."""
    return "—" if _LONE_DASH.fullmatch(text.strip()) else text


def _full_stop(m: re.Match[str]) -> str:
    """A dot between Chinese characters ends a sentence, unless it follows a label's numeral
    at the start of the line ("一.指导思想")."""
    if _LABEL_NUMERAL.fullmatch(m.string[: m.start()]):
        return m.group()
    return "。"


def _mixed_year(m: re.Match[str]) -> str:
    """〔2021] and [2021〕 (one bracket read right) are 〔2021〕; [2021] alone is left as printed."""
    whole = m.group()
    if "〔" in whole or "〕" in whole:
        return f"〔{m.group(1)}〕"
    return whole


def _widen_pair(m: re.Match[str]) -> str:
    """Brackets round Chinese text, or right after it, are full-width, both of them."""
    inner = m.group(1)
    before = m.string[m.start() - 1] if m.start() > 0 else ""
    if any(_is_cjk(c) for c in inner) or _is_cjk(before):
        return f"（{inner}）"
    return f"({inner})"


def _is_cjk(ch: str) -> bool:
    return bool(ch) and (("\u3400" <= ch <= "\u9fff") or ("\uf900" <= ch <= "\ufaff") or ch in _WIDE_PUNCT)


def _widen_punctuation(text: str) -> str:
    """A half-width comma, colon … after Chinese text (ignoring spaces) is its full-width form;
    so is a bracket whose pair is on another line, opening before or closing after Chinese text
    (a pair on one line is widened, or not, by ``_widen_pair``)."""
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch == "(" and _is_cjk(_neighbour(chars, i, 1)):
            chars[i] = "（"  # a bracket left open at the end of the line (pairs are done)
        elif ch == ")" and _is_cjk(_neighbour(chars, i, -1)):
            chars[i] = "）"
        elif ch in _HALF_TO_FULL and _is_cjk(_neighbour(chars, i, -1)):
            chars[i] = _HALF_TO_FULL[ch]
    return "".join(chars)


def _neighbour(chars: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(chars) and chars[j] == " ":
        j += step
    return chars[j] if 0 <= j < len(chars) else ""


def curl_quotes(lines: list[str]) -> list[str]:
    """Straight double quotes in Chinese text become “ and ” in turn, over the lines of a page in
    reading order (a quotation opened on one line closes on the next); one after an opening “
    closes it."""
    out: list[str] = []
    open_quote = False
    for text in lines:
        if not any(c in text for c in '"“”'):
            out.append(text)
            continue
        chars: list[str] = []
        for ch in text:
            if ch == "“":
                open_quote = True
            elif ch == "”":
                open_quote = False
            elif ch == '"' and any(_is_cjk(c) for c in text):
                ch = "”" if open_quote else "“"
                open_quote = not open_quote
            chars.append(ch)
        out.append("".join(chars))
    return out


def _drop_spaces(text: str) -> str:
    """Spaces touching Chinese text go, except after a numbering label ("1. 提升" stays)."""
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == " ":
            before = out[-1] if out else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not before or not after or after == " ":
                continue
            if _is_cjk(before) or (_is_cjk(after) and before not in ".．、"):
                continue
        out.append(ch)
    return "".join(out)
