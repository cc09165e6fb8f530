"""The enumeration parser: lists inline and line by line, their items typed by the entity layer."""
from __future__ import annotations

import pytest

from kg.mentions import lists

# (line, [(item text, kind)]) — a line that is nothing but a list line gives its items
LINES = [
    ("河北沧州市", [("沧州市", "place")]),                                # province without 省
    ("江苏省：苏州市、扬州市", [("苏州市", "place"), ("扬州市", "place")]),
    ("北京市 | 东城区、西城区 |", [("东城区", "place"), ("西城区", "place")]),
    ("内蒙古自治区 扎兰屯市，鄂温克旗", [("扎兰屯市", "place"), ("鄂温克旗", "place")]),
    ("南昌市：蒋巷镇、黄马乡", [("蒋巷镇", "town"), ("黄马乡", "town")]),   # towns below the gazetteer
    ("九江市：永修县城、南昌县莲塘镇", [("永修县城", "town"), ("莲塘镇", "town")]),
    ("1. 北京邮电大学（网络安全方向）", [("北京邮电大学", "org")]),          # numbered, note dropped
    ("12 甲乙丙科技有限公司", [("甲乙丙科技有限公司", "org")]),
    ("湖南某某制药股份有限公司", [("湖南某某制药股份有限公司", "org")]),       # not the province in it
    ("| 3 | 南京某某股份有限公司 | 江苏省南京市 |", [("南京某某股份有限公司", "org")]),  # a table row
    ("王 刚 某某机械有限公司总工程师", [("王刚", "person")]),                # a name, then what they are
    ("王建国（东禾电子股份有限公司技术员）", [("王建国", "person")]),       # the post in brackets
    # a ranking's line: the rank, the item, then its figures or the region that holds it
    ("7 甲乙能源集团有限公司 35652450 12.5%", [("甲乙能源集团有限公司", "org")]),
    ("8 丙丁建筑集团有限公司 2066.3亿元", [("丙丁建筑集团有限公司", "org")]),
    ("第3名：戊己石化集团有限公司", [("戊己石化集团有限公司", "org")]),
    ("1 昆山市 江苏省苏州市", [("昆山市", "place")]),
    ("2 晋江市 福建省", [("晋江市", "place")]),
    ("| 4 | 义乌市 | 浙江省 |", [("义乌市", "place")]),
    # a city and a county it holds, both items; a city the gazetteer no longer knows
    ("山东枣庄市、滕州市", [("枣庄市", "place"), ("滕州市", "place")]),
    ("苏州市 昆山市、太仓市", [("昆山市", "place"), ("太仓市", "place")]),   # a column places the rest
    ("江苏新沂市、东台市、大丰市", [("新沂市", "place"), ("东台市", "place"), ("大丰市", "town")]),
    ("赣州市：洞头乡、固村镇", [("洞头乡", "town"), ("固村镇", "town")]),      # 村镇 ends a title too
    # a table of people: the name, then the unit and the post, in one cell or two
    ("| 1 | 王 刚 | 男 | 东禾电子股份有限公司技术员 |", [("王刚", "person")]),
    ("| 王建国 | 东禾电子股份有限公司 | 技术员 |", [("王建国", "person")]),
]

NOT_LINES = [
    "二、国家园林县城（共2个）",        # a heading that counts, not an item
    "序号 | 企业名称 | 所在地 |",       # a table's header row
    "名单如下：",
    "全市经济保持平稳增长。",           # a sentence
    "2023年度全国综合实力百强县市",     # a title, though it ends like a place
    "1 35652450 12.5%",                 # figures alone
    "王建国（2030）",                    # a year in brackets is no post
]


@pytest.mark.parametrize("line,expected", LINES)
def test_line_items(resources, line, expected):
    assert [(i.text, i.kind) for i in lists.line_items(line, resources)] == expected


@pytest.mark.parametrize("line", NOT_LINES)
def test_not_a_list_line(resources, line):
    assert lists.line_items(line, resources) == []


def test_note_and_offsets(resources):
    line = "2. 某某大学（人工智能方向）"
    [item] = lists.line_items(line, resources)
    assert line[item.start:item.end] == "某某大学" and item.note == "人工智能方向"


# (text, category, [item texts]) — inline lists split at 、，和 and typed
INLINE = [
    ("北京市平谷区、河北省秦皇岛市和江苏省南通市", None, ["平谷区", "秦皇岛市", "南通市"]),
    ("甲乙医药集团、丙丁化工、戊己贸易", "org", ["甲乙医药集团", "丙丁化工", "戊己贸易"]),
    ("某某实验小学、某某第一中学和某某师范学院", None, ["某某实验小学", "某某第一中学", "某某师范学院"]),
]


@pytest.mark.parametrize("text,category,expected", INLINE)
def test_inline_items(resources, text, category, expected):
    found = lists.items(text, 0, len(text), resources, category=category)
    assert [i.text for i in found] == expected


def test_unknown_names_need_a_category(resources):
    # names of no known kind are a list only when a category noun says what they are
    assert lists.items("丙丁甲、戊己乙", 0, 7, resources) is None


def test_a_name_and_a_trade_is_a_company(resources):
    found = lists.items("丙丁化工、戊己贸易、合肥某某电子科技", 0, 18, resources)
    assert [(i.text, i.kind) for i in found] == [
        ("丙丁化工", "org"), ("戊己贸易", "org"), ("合肥某某电子科技", "org")]


@pytest.mark.parametrize("text", ["生物医药、新能源汽车", "高端装备、绿色食品", "新材料、电子信息"])
def test_industries_are_no_companies(resources, text):
    assert lists.items(text, 0, len(text), resources) is None


def test_a_list_of_figures_is_no_list(resources):
    text = "增长12.5%、8.3%和6.1%"
    assert lists.items(text, 0, len(text), resources) is None


@pytest.mark.parametrize("text,expected", [("等27个城市", 27), ("共十家", 10), ("两百个", 200),
                                           ("没有数字", None), ("第一批，共46个", 46)])
def test_counts(text, expected):
    assert lists.count(text) == expected


def test_blocks_keep_their_headings(resources):
    texts = ["附件", "一、示范城市（共2个）", "江苏省：苏州市、扬州市", "二、示范县城（共1个）", "浙江省：安吉县"]
    blocks = lists.blocks(texts, resources)
    assert [[i.text for i in b.items] for b in blocks] == [["苏州市", "扬州市"], ["安吉县"]]
    assert blocks[0].headings[-1] == (1, "一、示范城市（共2个）")
    assert blocks[1].first == 4


PRESENT = [
    ("张某某参加并讲话。赵一鸣、钱多多、孙立、李强参加会议。", ["赵一鸣", "钱多多", "孙立", "李强"]),
    ("市领导周某、吴某、郑仁科参加座谈会。", ["周某", "吴某", "郑仁科"]),   # 科 ends a name here
    ("出席活动的还有王强、李明以及张华等。", ["王强", "李明", "张华"]),
    # places and bodies before the verb are no people
    ("上海、杭州参加了展会。", []),
    ("北京市、天津市代表团参加会议。", []),
    # groups joined by commas before one verb: every group's people are present
    ("区领导周某、吴某华，区政府秘书长郑某科等参加座谈会。", ["周某", "吴某华", "郑某科"]),
    ("大会主席团常务主席周某、吴某华、郑某在主席台前排就座。", ["周某", "吴某华", "郑某"]),
    # one name after a body's 领导; 共同 between the list and the verb
    ("市领导周某、吴某华，某某管委会领导郑某科参加座谈会。", ["周某", "吴某华", "郑某科"]),
    ("区领导周某、吴某华，交易所领导郑某科、王某等共同参加会见。", ["周某", "吴某华", "郑某科", "王某"]),
    ("向与会领导和专家表示欢迎。", []),
    # a clause before the group that is no list of people stops the walk
    ("会议听取了汇报，区领导周某、吴某华参加会议。", ["周某", "吴某华"]),
    # a title word running into a noun (部长级嘉宾) is nobody
    ("共有300多位部长级嘉宾出席。", []),
    # the list after the verb, people written with their posts
    ("出席开幕式的各方嘉宾还有：某省省长周某明、某市副市长吴某。", ["周某明", "吴某"]),
]


@pytest.mark.parametrize("text,expected", PRESENT)
def test_people_listed_as_present(resources, text, expected):
    assert [i.text for i in lists.people(text, resources)] == expected


def test_a_table_row_of_a_person_keeps_unit_and_post_as_the_note(resources):
    [item] = lists.line_items("| 王建国 | 东禾电子股份有限公司 | 技术员 |", resources)
    assert item.note == "东禾电子股份有限公司技术员"
