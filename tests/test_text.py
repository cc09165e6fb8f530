"""Text handling: width folding, sentence splitting and Chinese dates."""
from __future__ import annotations

from datetime import date

import pytest

from kg.text import dates, sentences
from kg.text.normalize import fold, name_key
from kg.text.script import Simplifier

REF = date(2021, 12, 25)


def test_fold_keeps_length_and_maps_width():
    text = "（2021—2023年），ＡＢＣ　１２３"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "(2021-2023年),ABC 123"


def test_fold_reads_corner_brackets_as_quotes():
    assert fold("首屆「千兆城市」『高峰』") == "首屆“千兆城市”‘高峰’"


@pytest.fixture(scope="module")
def simplifier():
    return Simplifier()


@pytest.mark.parametrize("traditional, simplified", [
    ("工業和信息化部總工程師韓夏出席會議並致辭。", "工业和信息化部总工程师韩夏出席会议并致辞。"),
    ("於12月24日在臺灣舉行", "于12月24日在台湾举行"),
    ("「雙千兆」網絡協同發展行動計劃", "「双千兆」网络协同发展行动计划"),
])
def test_simplify_keeps_every_character_in_place(simplifier, traditional, simplified):
    assert simplifier.simplify(traditional) == simplified
    assert len(simplifier.simplify(traditional)) == len(traditional)


def test_a_phrase_conversion_that_changes_length_falls_back_to_characters(simplifier):
    class Phrases:  # a converter whose phrase table would shorten 臺灣 to one character
        def convert(self, text):
            return text.replace("臺灣", "台").replace("會", "会") if len(text) > 1 else \
                {"臺": "台", "灣": "湾", "會": "会"}.get(text, text)

    simplifier._t2s, real = Phrases(), simplifier._t2s
    try:
        assert simplifier.simplify("在臺灣開會") == "在台湾開会"
    finally:
        simplifier._t2s = real


@pytest.mark.parametrize("text, traditional", [
    ("工業和信息化部總工程師韓夏出席會議並致辭。首屆高峰論壇在山東省青島市舉行。", True),
    ("工业和信息化部总工程师韩夏出席会议并致辞。首届高峰论坛在山东省青岛市举行。", False),
    # simplified text that OpenCC would still touch in a word or two stays simplified
    ("著名作家出席开幕式并致辞，会议在北京举行，与会代表共同见证了成果发布。", False),
    ("", False),
])
def test_an_article_is_read_as_traditional_only_when_it_is(simplifier, text, traditional):
    assert simplifier.is_traditional(text) is traditional


def test_name_key_ignores_quotes_marks_and_width():
    assert name_key("首届“千兆城市”高峰论坛") == name_key("首届千兆城市高峰论坛")
    assert name_key("《“双千兆”网络协同发展行动计划（2021-2023年）》") == \
        "双千兆网络协同发展行动计划(2021-2023年)"


def test_sentences_split_with_offsets_and_closing_quotes():
    text = "他说：“好。”随后离开！\n第二段？没有结尾"
    parts = sentences.split(text)
    assert [p.text for p in parts] == ["他说：“好。”", "随后离开！", "第二段？", "没有结尾"]
    assert all(text[p.start:p.end] == p.text for p in parts)


@pytest.mark.parametrize("text,reference,expected", [
    ("12月24日，首届论坛举行", REF, "2021-12-24"),
    ("2025年5月19日,大会召开", REF, "2025-05-19"),
    ("2023年10月12-13日,会议召开", REF, "2023-10-12"),
    ("17日上午举行", date(2022, 10, 18), "2022-10-17"),
    ("28日举行", date(2022, 11, 2), "2022-10-28"),
    ("12月24日举行", date(2022, 1, 3), "2021-12-24"),
    ("今年3月", REF, "2021-03"),
    ("2021年12月", REF, "2021-12"),
])
def test_dates_resolved_against_article_date(text, reference, expected):
    found = dates.find_dates(text, reference)
    assert found and found[0].value == expected


@pytest.mark.parametrize("text", ["截至11月底，5G基站", "第17届博览会", "3月份以来", "增长3.5%"])
def test_not_dates(text):
    assert dates.find_dates(text, REF) == []


def test_relative_days_and_dateline():
    reference = dates.dateline("本报义乌10月21日电 (记者", date(2011, 10, 22))
    assert reference == date(2011, 10, 21)
    found = dates.find_dates("今天上午，博览会开幕", reference, {"今天": 0, "昨日": -1})
    assert found[0].value == "2011-10-21"
    assert dates.find_dates("昨日发布", REF, {"昨日": -1})[0].value == "2021-12-24"


@pytest.mark.parametrize("value,expected", [
    ("Sat, 25 Dec 2021 04:39:10 GMT", "2021-12-25T04:39:10+00:00"),
    ("2022-10-18", "2022-10-18T00:00:00+08:00"),
    ("2021年12月25日", "2021-12-25T00:00:00+08:00"),
    ("not a date", None),
])
def test_parse_published(value, expected):
    parsed = dates.parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize("text,pos,start", [
    ("12月24日，首届论坛在青岛举行", 12, 7),
    ("大会由中国科协指导,中国通信学会主办", 17, 10),
    ("没有标点的一句", 5, 0),
])
def test_clause_start(text, pos, start):
    assert sentences.clause_start(text, pos) == start
