"""Word lists as one regular expression shaped like a trie, for fast dictionary scans.

`trie_pattern(words)` matches, at a position, the longest word of the list that the text has
there; when what follows the match fails (a lookahead after it), the regex engine backtracks to
the next shorter word, exactly like trying the words longest first. One C-level search replaces
a Python loop that tries every word (or every length) at every character.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """Regex source matching any of `words`, longest first at a given position."""
    root: dict = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True  # a word ends here
    if not root:
        return "(?!)"  # matches nothing
    return _node(root)


def _node(node: dict) -> str:
    """The regex of what may follow a trie node; "" marks a word that ends at the node."""
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        # greedy: the longer words first, then the word that ends here
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body
