"""Width normalisation that keeps every character in place, so offsets stay valid for evidence."""
from __future__ import annotations

# Full-width ASCII forms (U+FF01..U+FF5E) map to ASCII; the ideographic space to a space.
_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE[0x3000] = 0x20
_TABLE[0x00A0] = 0x20
# Dashes used in year ranges (2021—2023, 2021–2023) read as a hyphen for matching.
for _dash in (0x2014, 0x2013, 0x2012, 0x2212, 0xFE63):
    _TABLE[_dash] = 0x2D
# Middle dots between the parts of a foreign name (katakana, half-width, bullets) read as ·.
for _dot in (0x30FB, 0xFF65, 0x2022, 0x2027, 0x2219):
    _TABLE[_dot] = 0xB7
# Corner brackets (Hong Kong, Taiwan, some mainland pages) read as the quotes the rules know.
_TABLE.update({ord("「"): ord("“"), ord("」"): ord("”"), ord("『"): ord("‘"), ord("』"): ord("’")})


def fold(text: str) -> str:
    """Same length as `text`: position i of the result is character i of the input, folded."""
    return text.translate(_TABLE)


_QUOTES = str.maketrans("", "", "“”‘’「」『』\"'《》〈〉")


def name_key(name: str) -> str:
    """The comparison key of a name: folded, without quotes, book-title marks or spaces."""
    return "".join(fold(name).translate(_QUOTES).split())
