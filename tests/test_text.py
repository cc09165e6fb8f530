"""Text handling: width folding, sentence splitting and Chinese dates."""
from __future__ import annotations

from datetime import date, datetime, timezone

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


@pytest.mark.parametrize("text,reference,expected", [
    # where each date is, as well as what it is; a date after other text is found too
    ("首届论坛于12月24日在青岛举行", REF, [(5, 11, "2021-12-24")]),
    ("2023年10月12-13日", REF, [(0, 14, "2023-10-12")]),
    ("会前，3月5日和3月8日", REF, [(3, 7, "2021-03-05"), (8, 12, "2021-03-08")]),
    # 去年, 今年, 明年 against the article's year, with or without a day
    ("去年5月", REF, [(0, 4, "2020-05")]),
    ("去年12月24日", REF, [(0, 8, "2020-12-24")]),
    ("明年3月", REF, [(0, 4, "2022-03")]),
    ("今年1月9日", date(2022, 3, 1), [(0, 6, "2022-01-09")]),
    # a day alone: this month up to the day after the article, else last month
    ("19日", date(2022, 10, 18), [(0, 3, "2022-10-19")]),
    ("20日", date(2022, 10, 18), [(0, 3, "2022-09-20")]),
    ("18日", date(2022, 10, 18), [(0, 3, "2022-10-18")]),
    # ... across the turn of the year, and from March back into February
    ("28日", date(2022, 1, 3), [(0, 3, "2021-12-28")]),
    ("28日", date(2022, 2, 3), [(0, 3, "2022-01-28")]),
    ("31日", date(2022, 3, 2), []),   # no 31 February: no date rather than a wrong one
    # a month and day with no year: up to a month ahead is this year, further is last year
    ("1月20日", date(2022, 12, 25), [(0, 5, "2022-01-20")]),
    ("1月20日", date(2022, 12, 31), [(0, 5, "2022-01-20")]),
    ("2月3日", date(2022, 1, 28), [(0, 4, "2022-02-03")]),
    ("3月3日", date(2022, 1, 28), [(0, 4, "2021-03-03")]),
    ("12月31日", date(2022, 1, 1), [(0, 6, "2021-12-31")]),
    ("11月30日", date(2022, 12, 2), [(0, 6, "2022-11-30")]),
    ("2月30日", REF, []),
    # an article without a date: only dates that state their year
    ("2021年12月24日举行", None, [(0, 11, "2021-12-24")]),
    ("2021年12月", None, [(0, 8, "2021-12")]),
    ("12月24日举行", None, []),
    ("24日举行", None, []),
    ("今年3月", None, []),
    ("去年12月24日", None, []),
])
def test_date_mentions_table(text, reference, expected):
    found = dates.find_dates(text, reference)
    assert [(d.start, d.end, d.value) for d in found] == expected


def test_relative_days_are_placed_and_sorted_among_dates():
    found = dates.find_dates("昨日，即12月24日，今天又", REF, {"今天": 0, "昨日": -1})
    assert [(d.start, d.end, d.value) for d in found] == [
        (0, 2, "2021-12-24"), (4, 10, "2021-12-24"), (11, 13, "2021-12-25")]
    # relative days need the article's date
    assert dates.find_dates("昨日发布", None, {"昨日": -1}) == []


@pytest.mark.parametrize("text,published,expected", [
    ("本报义乌10月21日电 (记者", date(2011, 10, 22), date(2011, 10, 21)),
    ("天津5月20日消息", date(2020, 5, 20), date(2020, 5, 20)),
    ("北京讯 10月22日讯", date(2011, 10, 21), date(2011, 10, 22)),   # the day after: same year
    ("北京10月23日电", date(2011, 10, 21), date(2010, 10, 23)),       # two days ahead: last year
    ("本报北京12月30日电", date(2022, 1, 2), date(2021, 12, 30)),
    ("北京2月30日电", date(2022, 3, 2), None),
    ("没有电头的一段文字", date(2022, 3, 2), None),
    ("本报义乌10月21日电", None, None),
    ("x" * 53 + "10月21日电", date(2011, 10, 22), date(2011, 10, 21)),  # ends at 60
    ("x" * 54 + "10月21日电", date(2011, 10, 22), None),  # a dateline is at the start
])
def test_dateline(text, published, expected):
    assert dates.dateline(text, published) == expected


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
    # time zones: an RFC 2822 date keeps its zone, -0000 (zone unknown) is UTC
    ("Sat, 25 Dec 2021 12:39:10 +0800", "2021-12-25T12:39:10+08:00"),
    ("Sat, 25 Dec 2021 04:39:10 -0000", "2021-12-25T04:39:10+00:00"),
    # ISO 8601 keeps its zone (Z is UTC); without one it is Beijing time
    ("2021-12-25T04:39:10Z", "2021-12-25T04:39:10+00:00"),
    ("2021-12-25T04:39:10+00:00", "2021-12-25T04:39:10+00:00"),
    ("2021-12-25 12:00:00", "2021-12-25T12:00:00+08:00"),
    # what YAML front matter gives: datetimes with or without a zone, dates
    (datetime(2021, 12, 25, 12, 0), "2021-12-25T12:00:00+08:00"),
    (datetime(2021, 12, 25, 4, 0, tzinfo=timezone.utc), "2021-12-25T04:00:00+00:00"),
    (date(2021, 12, 25), "2021-12-25T00:00:00+08:00"),
    ("2021/2/30", None),
    ("", None),
    (None, None),
])
def test_parse_published(value, expected):
    parsed = dates.parse_published(value)
    assert (parsed.isoformat() if parsed else None) == expected


@pytest.mark.parametrize("published,expected", [
    (datetime(2021, 12, 24, 20, 0, tzinfo=timezone.utc), date(2021, 12, 25)),  # 04:00 in Beijing
    (datetime(2021, 12, 25, 1, 0, tzinfo=dates.SHANGHAI), date(2021, 12, 25)),
    (None, None),
])
def test_local_date_is_the_date_in_beijing(published, expected):
    assert dates.local_date(published) == expected


@pytest.mark.parametrize("text,pos,start", [
    ("12月24日，首届论坛在青岛举行", 12, 7),
    ("大会由中国科协指导,中国通信学会主办", 17, 10),
    ("没有标点的一句", 5, 0),
])
def test_clause_start(text, pos, start):
    assert sentences.clause_start(text, pos) == start


def test_the_packaged_boilerplate_list_is_read_once_a_process():
    from kg.sources import body
    first = body.Boilerplate.load()
    assert body.Boilerplate.load() is first
    assert first.drop and first.meta


def test_a_comma_inside_brackets_ends_no_clause():
    from kg.text.sentences import clause_start

    text = "会上，某公司(SZ 000001,HK 00001)荣获奖项"
    assert clause_start(text, text.index("荣获")) == 3
    # a bracket that closed before the comma does not hide it
    text = "某公司(深圳)成立，荣获奖项"
    assert clause_start(text, text.index("荣获")) == text.index("，") + 1
