"""The control characters no text that leaves the reader may hold, and how they are found:
in decoded text (`CONTROL`, a class scan), in valid UTF-8 bytes (`CONTROL_BYTES` and
`C1_UTF8`, far cheaper), and, with lone surrogates, in what a PDF's or a DOCX's text layer
gives for a glyph that maps to no text (`UNMAPPED`)."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["C1_UTF8", "CONTROL", "CONTROLS", "CONTROL_BYTES", "UNMAPPED"]

# Control characters (category Cc) other than the white space of text files and ESC.
CONTROLS: Final = r"\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f"
CONTROL = re.compile(f"[{CONTROLS}]")
# The same, counted in UTF-8 bytes (a scan led by a class costs ~8 ns a character; these are
# ~1 ns a byte): C0 controls and DEL are single bytes, and no other character's UTF-8 holds
# them; C1 controls are "\xc2" (always a lead byte) and one byte 0x80-0x9f.
CONTROL_BYTES: Final = bytes([*range(0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
# What a PDF's text layer holds for a glyph its font does not map to text: those controls, or
# a lone surrogate (half of a UTF-16 pair, which no UTF-8 encoder or database takes).
UNMAPPED = re.compile(rf"[{CONTROLS}\ud800-\udfff]")
