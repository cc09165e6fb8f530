"""The enumeration parser, case by case: the behaviours mutation testing found no test for.

Sentences and lines of our own -> the items they hold (text, kind, note), with negative cases.
"""
from __future__ import annotations

import pytest

from kg.mentions import lists


def _items(found):
    return [(i.text, i.kind, i.note) for i in found] if found else found


# (text, category, [(item, kind, note)] or None) — an inline list, typed piece by piece
INLINE = [
    # people by surname, with the posts before them as their note
    ("张某、李某某", "person", [("张某", "person", ""), ("李某某", "person", "")]),
    ("魏某科、王某", "person", [("魏某科", "person", ""), ("王某", "person", "")]),
    # posts in brackets after the names
    ("张某明（某某钢铁公司技术员）、李某华（某某县人民医院院长）", None,
     [("张某明", "person", "某某钢铁公司技术员"), ("李某华", "person", "某某县人民医院院长")]),
    ("张某某某", "person", [("张某某某", "person", "")]),
    ("某某公司数控车工王某、某某医院护士李某", None,
     [("王某", "person", "某某公司数控车工"), ("李某", "person", "某某医院护士")]),
    ("某某公司数控车工王某、某某医院护士李某", "person",
     [("王某", "person", "某某公司数控车工"), ("李某", "person", "某某医院护士")]),
    ("南京、王某", "person", [("南京", "place", ""), ("王某", "person", "")]),
    # names the gazetteer does not know, as places when the category counts places
    ("甲乙市、丙丁县", "place", [("甲乙市", "town", ""), ("丙丁县", "town", "")]),
    ("甲乙市、丙丁公司", "place", [("甲乙市", "town", ""), ("丙丁公司", "org", "")]),
    ("某某公司和某某集团", "org", [("某某公司", "org", ""), ("某某集团", "org", "")]),
    # towns below the gazetteer, after the places that contain them; not a title
    ("某某镇、某某乡", None, [("某某镇", "town", ""), ("某某乡", "town", "")]),
    ("南昌县蒋巷镇", None, [("蒋巷镇", "town", "")]),
    ("永修县城", None, [("永修县城", "town", "")]),
    ("国家卫生乡镇、某某镇", None, None),
    # places after their province, with and without 省, and split at 和
    ("南京市和苏州市", None, [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("江苏省南京市、苏州市", None, [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("江苏南京、江苏苏州", None, [("南京", "place", ""), ("苏州", "place", "")]),
    ("江苏省 南京市", None, [("南京市", "place", "")]),
    ("南京市和平区", None, None),
    # numbering before an item and a note after it
    ("1.南京市", None, [("南京市", "place", "")]),
    ("1.南京市、2.苏州市", None, [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("（1）南京市", None, [("南京市", "place", "")]),
    ("第一名南京市", None, [("南京市", "place", "")]),
    ("南京市（省会）、苏州市（地级市）", None, [("南京市", "place", "省会"), ("苏州市", "place", "地级市")]),
]


@pytest.mark.parametrize("text,category,expected", INLINE)
def test_inline_items_typed(resources, text, category, expected):
    found = lists.items(text, 0, len(text), resources, category=category)
    assert _items(found) == expected
    assert all(text[i.start:i.end] == i.text and i.sentence == 0 for i in found or [])


def test_items_offsets_follow_the_span(resources):
    text = "获奖单位：某某镇、某某乡。"
    found = lists.items(text, 5, len(text) - 1, resources, sentence=3)
    assert [(i.sentence, i.start, i.end, text[i.start:i.end]) for i in found] == [
        (3, 5, 8, "某某镇"), (3, 9, 12, "某某乡")]


# (line, [(item, kind, note)]) — lines that are nothing but a list line
LINES = [
    ("江苏省 南京市六合区，泰州市", [("六合区", "place", ""), ("泰州市", "place", "")]),
    ("江苏省 南京市、苏州市", [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("南京市", [("南京市", "place", "")]),
    ("某某镇", [("某某镇", "town", "")]),
    ("李某某 某某大学教授", [("李某某", "person", "某某大学教授")]),
    ("欧阳某某 某某医院主任医师", [("欧阳某某", "person", "某某医院主任医师")]),
    ("某某公司 | 某某省某某市 |", [("某某公司", "org", "")]),
    ("江苏省 | 南京市、苏州市 |", [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("江苏省｜南京市｜", [("南京市", "place", "")]),
    ("1、某某科技有限公司", [("某某科技有限公司", "org", "")]),
    ("（二）某某科技有限公司", [("某某科技有限公司", "org", "")]),
    ("一、南京市", [("南京市", "place", "")]),
    ("某某科技有限公司（牵头单位）", [("某某科技有限公司", "org", "牵头单位")]),
    ("某某科技有限公司、某某集团", [("某某科技有限公司", "org", ""), ("某某集团", "org", "")]),
    # spaces before the line and inside a table's cells
    ("  南京市、苏州市", [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("| 1 |  某某科技有限公司  | 南京市 |", [("某某科技有限公司", "org", "")]),
    ("|  江苏省 |  南京市、苏州市 |", [("南京市", "place", ""), ("苏州市", "place", "")]),
    ("  王 某  某某公司工程师", [("王某", "person", "某某公司工程师")]),
    ("  李某某  某某大学教授", [("李某某", "person", "某某大学教授")]),
    ("李某某 某某", [("李某某", "person", "某某")]),
    # a name, a comma and the post (numbered or not); a short biography's fields skipped
    ("1.张某明，某某钢铁公司炼钢厂技术员", [("张某明", "person", "某某钢铁公司炼钢厂技术员")]),
    ("李某华，女，汉族，中共党员，1970年5月生，某某县人民医院院长。",
     [("李某华", "person", "某某县人民医院院长")]),
    # the unit in one column, the name in the next
    ("某某县人民医院　李某华", [("李某华", "person", "某某县人民医院")]),
    # a town after its county's path, though its name ends like a title (城镇, 村镇)
    ("晋城市阳城县润城镇", [("润城镇", "town", "")]),
    ("吕梁市汾阳市杏花村镇", [("杏花村镇", "town", "")]),
    # a village after its township, though its name starts like a county (柳林)
    ("北京市房山区史家营乡柳林水村", [("柳林水村", "town", "")]),
    # a district whose name several cities share is an item, not the path of the next one
    ("朝阳区、海淀区", [("朝阳区", "town", ""), ("海淀区", "place", "")]),
    # villages split by semicolons, a full stop at the end
    ("登封市大金店镇东坡村；栾川县陶湾镇西岭村。", [("东坡村", "town", ""), ("西岭村", "town", "")]),
    # towns grouped by district, the groups split by commas, a full stop at the end
    ("门头沟区潭柘寺镇、斋堂镇,房山区窦店镇、长沟镇。",
     [("潭柘寺镇", "town", ""), ("斋堂镇", "town", ""), ("窦店镇", "town", ""), ("长沟镇", "town", "")]),
]

NOT_LINES = [
    "张某",                      # a name alone says nothing of the person
    "王某 教",                   # too little after the name
    "南京市：",
    "全市共有12个（共12个）",
    "南京市、" + "苏州市、" * 100,  # longer than any list line
    "李某某 某",                  # one character says nothing of the person
    "南京 大学",
    "国家卫生城镇",               # a title that ends like a town
    "南京市、苏州市获评文明城市。",  # a sentence, not a line of places
    "数 量",                      # a table's header cell, spaced out
    "张某明，你好",                # a comma after a name, and no post after it
    "李某华，女，汉族。",          # a biography that names no post
]


@pytest.mark.parametrize("line,expected", LINES)
def test_list_lines(resources, line, expected):
    found = lists.line_items(line, resources)
    assert _items(found) == expected
    # offsets point at the item (a name set out with spaces inside it aside)
    assert all(line[i.start:i.end].replace(" ", "") == i.text and i.sentence == 0 for i in found)


@pytest.mark.parametrize("line", NOT_LINES)
def test_not_list_lines(resources, line):
    assert lists.line_items(line, resources) == []


def test_a_long_line_can_still_be_a_list(resources):
    line = "南京市、" + "苏州市、" * 99
    assert len(lists.line_items(line, resources, index=2)) == 100


def test_blocks_keep_three_headings_and_split_at_prose(resources):
    texts = ["第一行标题", "第二行标题", "第三行标题", "第四行标题", "南京市", "苏州市", "说明文字。", "无锡市"]
    blocks = lists.blocks(texts, resources)
    assert [([i.text for i in b.items], b.headings, b.first) for b in blocks] == [
        (["南京市", "苏州市"], ((1, "第二行标题"), (2, "第三行标题"), (3, "第四行标题")), 4),
        (["无锡市"], ((6, "说明文字。"),), 7)]
    assert [i.sentence for i in blocks[0].items] == [4, 5]


def test_the_last_block_keeps_three_headings(resources):
    texts = ["甲标题", "乙标题", "丙标题", "丁标题", "南京市"]
    [block] = lists.blocks(texts, resources)
    assert block.headings == ((1, "乙标题"), (2, "丙标题"), (3, "丁标题"))


def test_blocks_without_headings(resources):
    [block] = lists.blocks(["南京市", "苏州市"], resources)
    assert (block.headings, block.first) == ((), 0)
    blocks = lists.blocks(["名单", "南京市", "附注", "某某科技有限公司"], resources)
    assert [([i.text for i in b.items], b.headings, b.first) for b in blocks] == [
        (["南京市"], ((0, "名单"),), 1), (["某某科技有限公司"], ((2, "附注"),), 3)]


@pytest.mark.parametrize("text,expected", [
    ("ab", True), ("名单如下", True), ("一、国家园林城市（共46个）", True), ("x" * 60, True),
    ("a", False), ("x" * 61, False), ("名单如下。", False), ("名单如下！", False)])
def test_is_heading(text, expected):
    assert lists.is_heading(text) is expected


# (text, count, category)
COUNTS = [
    ("一百二十三个", 123, None), ("十五家", 15, "org"), ("两千名", 2000, "person"),
    ("三十个", 30, None), ("共计七所", 7, None), ("一十二个", 12, None), ("等7家企业", 7, "org"),
    ("等30座城市", 30, "place"), ("等12所高校", 12, "org"), ("等5名同志", 5, "person"),
    ("没有", None, None),
    ("城市中的10家企业", 10, "org"),   # the noun that ends the text says what is counted
]


@pytest.mark.parametrize("text,count,category", COUNTS)
def test_counts_and_categories(resources, text, count, category):
    assert lists.count(text) == count
    assert lists.category_of(text, resources) == category


@pytest.mark.parametrize("digits,expected", [("305", 305), ("十", 10), ("二十", 20), ("百", 100),
                                             ("两百零五", 205), ("三千", 3000), ("十几", None),
                                             ("十X", None)])
def test_numbers(digits, expected):
    assert lists.number(digits) == expected


PRESENT = [
    ("王某、李某出席会议。", ["王某", "李某"]),
    ("会上，王某、李某发言。", ["王某", "李某"]),                 # a speaking verb
    ("参加会议的有王某、李某。", ["王某", "李某"]),
    ("出席会议的领导有：王某、李某等。", ["王某", "李某"]),
    ("张某和李某某也参加会议。", ["张某", "李某某"]),
    ("赵某、钱某均出席会议。", ["赵某", "钱某"]),
    ("上官某某、王某参加会议。", ["上官某某", "王某"]),            # a compound surname
    ("特邀嘉宾王某、李某出席会议。", ["王某", "李某"]),            # after 嘉宾, 同志, 领导
    ("老同志王某、李某参加会议。", ["王某", "李某"]),
    ("王某、李某某参加会议，张某主持。", ["王某", "李某某"]),
    ("参加会议的还有王某、李某等人。", ["王某", "李某"]),
    ("参加会议的还有王某、李某", ["王某", "李某"]),
    ("会上，参加会议的有王某、李某。", ["王某", "李某"]),
    # not names: a place among them, four characters with no compound surname
    ("王某、李某、南京出席会议。", []),
    ("参加会议的有南京、苏州。", []),
    ("司马某某某、王某参加会议。", []),
    ("王某某某、李某参加会议。", []),
    ("王某、李某、赵某某某出席会议。", []),
    ("王某、李某、张三丰公司出席会议。", []),
]


def test_people_default_sentence(resources):
    assert [i.sentence for i in lists.people("王某、李某出席会议。", resources)] == [0, 0]


@pytest.mark.parametrize("text,expected", PRESENT)
def test_people_present(resources, text, expected):
    found = lists.people(text, resources, sentence=2)
    assert [i.text for i in found] == expected
    assert all(text[i.start:i.end] == i.text and i.sentence == 2 and i.kind == "person"
               for i in found)


def test_a_municipality_alone_heads_its_districts_but_not_other_cities(resources):
    [block] = lists.blocks(["名单", "北京市", "怀柔区", "密云区"], resources)
    assert [i.text for i in block.items] == ["怀柔区", "密云区"]
    [block] = lists.blocks(["名单", "北京市", "上海市", "天津市"], resources)
    assert [i.text for i in block.items] == ["北京市", "上海市", "天津市"]


def test_a_table_one_cell_a_line_gives_its_organisations_only(resources):
    texts = ["名单", "序号", "企业名称", "所在地", "1", "甲乙科技股份有限公司", "海曙区",
             "2", "丙丁机械有限公司", "北仑区"]
    [block] = lists.blocks(texts, resources)
    assert [i.text for i in block.items] == ["甲乙科技股份有限公司", "丙丁机械有限公司"]
    assert block.first == 5


def test_markdown_bullets_are_list_marks(resources):
    assert [i.text for i in lists.line_items("- 甲乙科技股份有限公司", resources)] == ["甲乙科技股份有限公司"]
    assert [i.text for i in lists.line_items("• 南京市", resources)] == ["南京市"]


@pytest.mark.parametrize("line,name,note", [
    ("张三：某某集团有限公司，高级工程师", "张三", "某某集团有限公司，高级工程师"),
    ("李四（女）　某某大学教授", "李四", "某某大学教授"),
    ("王五　某某医院主任医师", "王五", "某某医院主任医师"),
])
def test_person_lines(resources, line, name, note):
    [item] = lists.line_items(line, resources)
    assert (item.kind, item.text, item.note) == ("person", name, note)
    assert line[item.start:item.end] == name


@pytest.mark.parametrize("line", ["金奖：某某集团有限公司", "组长：某某大学", "江苏省：南京市"])
def test_a_title_or_post_before_a_colon_is_no_person(resources, line):
    assert all(i.kind != "person" for i in lists.line_items(line, resources))


@pytest.mark.parametrize("line,name", [
    ("1. 昆山市（江苏 苏州）", "昆山市"),        # a space inside a note splits nothing
    ("・河北省邢台市", "邢台市"),                # a bullet with no space after it
    ("天津市和平区", "和平区"),                  # 和 inside a place's name joins nothing
])
def test_one_item_lines(resources, line, name):
    assert [i.text for i in lists.line_items(line, resources)] == [name]


def test_a_group_line_among_people_is_a_sub_heading(resources):
    texts = ["某某学部", "李志远 某某大学", "宋建国 某某研究院", "某某工程学部", "丁文华 某某医院"]
    [block] = lists.blocks(texts, resources)
    assert [(i.text, i.kind) for i in block.items] == [
        ("李志远", "person"), ("宋建国", "person"), ("丁文华", "person")]


def test_a_numbered_person_line_with_a_gender_column(resources):
    [item] = lists.line_items("（一）李志远　男　某某县某某镇卫生院医生", resources)
    assert (item.kind, item.text, item.note) == ("person", "李志远", "某某县某某镇卫生院医生")
