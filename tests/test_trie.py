"""The faster scans find what the loops they replace found: the trie-shaped word regex (job
titles, Lexicon.search, participation's verbs) and the quotation depth of participation."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest

from kg.extractors import participation
from kg.lexicon import Lexicon
from kg.mentions import people
from kg.resources import Resources
from kg.text.trie import trie_pattern

WORDS = ["主任", "副主任", "主任委员", "主席", "主", "a-b", "a.b"]


def _longest_first(words: list[str], text: str, pos: int, not_after: tuple[str, ...]):
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word, pos) and not text.startswith(not_after, pos + len(word)):
            return word
    return None


def test_longest_word_at_a_place():
    pattern = re.compile(trie_pattern(WORDS))
    assert pattern.match("主任委员会").group() == "主任委员"
    assert pattern.match("副主任").group() == "副主任"
    assert pattern.match("主人").group() == "主"
    assert pattern.match("a.b").group() == "a.b" and pattern.match("axb") is None  # escaped


def test_backtracks_to_a_shorter_word_when_the_lookahead_fails():
    pattern = re.compile(trie_pattern(WORDS) + "(?!会)")
    assert pattern.match("主任委员会").group() == "主任"


def test_same_as_trying_every_word_on_random_text():
    rng = random.Random(3)
    alphabet = "主任副委员席会长"
    pattern = re.compile(trie_pattern(WORDS) + "(?!会|长)")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        for pos in range(len(text) + 1):
            match = pattern.match(text, pos)
            assert (match.group() if match else None) == _longest_first(WORDS, text, pos,
                                                                        ("会", "长"))


def test_an_empty_list_matches_nothing():
    assert re.compile(trie_pattern(["", ""])).search("任何文字") is None


def test_people_titles_skip_a_title_that_is_part_of_a_word():
    res = Resources.load()
    titles = [t.text for t in people._titles("记者招待会上主任委员会议后副主任兼秘书长", res)]
    # 记者 before 招待会 is no title, nor 主任委员 before 会 or the shorter 主任 before 委;
    # 兼 joins two posts
    assert titles == ["副主任兼秘书长"]


def test_a_segment_that_ends_in_jian_after_a_title_is_read():
    # the per-character loop read past the end here (IndexError: the article was lost)
    res = Resources.load()
    assert [t.text for t in people._titles("某局局长兼", res)] == ["局长"]
    assert people.find("某局局长兼，出席会议", res) == []


def test_lexicon_search_finds_the_first_word_and_the_longest_there():
    lex = Lexicon(lists={"v": ("致开幕辞", "出席", "致辞")}, values={}, surnames=frozenset(),
                  compound_surnames=frozenset())
    assert lex.search("v", "甲出席并致开幕辞", 0) == (1, "出席")
    assert lex.search("v", "甲出席并致开幕辞", 2) == (4, "致开幕辞")
    assert lex.search("v", "甲出席并致开幕辞", 9) is None
    assert lex.search("v", "无关的话", 0) is None


@dataclass
class _Events:  # the one field of events.SentenceEvents that participation._verb reads
    mentions: list


@dataclass
class _Span:
    start: int
    end: int


def test_participation_verb_is_the_first_outside_event_names():
    res = Resources.load()
    text = "甲出席论坛并致辞，乙发布报告"
    assert participation._verb(text, 1, res, _Events([])) == ("speaksAt", 6)  # 出席…并致辞
    # ，并 goes on with the same person; another clause is someone else's
    assert participation._verb("甲出席论坛，并致辞", 1, res, _Events([])) == ("speaksAt", 7)
    assert participation._verb("甲出席论坛，乙致辞", 1, res, _Events([])) == ("attends", 1)
    # 发布 inside the name of an event (报告发布会) is no verb
    assert participation._verb("乙在报告发布会上出席", 1, res, _Events([_Span(2, 7)])) == \
        ("attends", 8)
    assert participation._verb("甲乙丙丁", 1, res, _Events([])) is None


def _quoted_by_character(text: str) -> list[bool]:
    depth, out = 0, []
    for ch in text:
        if ch == "\n":
            depth = 0
        elif ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
        out.append(depth > 0)
    return out


@pytest.mark.parametrize("text", ["", "甲说", "“甲”说“乙", "“甲“乙”丙”丁", "”甲“乙\n丙”丁",
                                  "“\n“", "甲“乙"])
def test_quotation_depth_is_the_character_by_character_one(text):
    assert participation._quoted(text) == _quoted_by_character(text)
    assert len(participation._quoted(text)) == len(text)
