"""People: names wherever they stand after their posts (sentences of our own)."""
from __future__ import annotations

import pytest

from kg.mentions import people
from kg.text.normalize import fold

# (sentence, [(name, [(organisation, title)])])
CASES = [
    # a name before a verb the old stop list did not know
    ("某某大学校长王某某宣读表彰决定。", [("王某某", [("某某大学", "校长")])]),
    ("中央广播电视总台记者李某抢先报道。", [("李某", [("中央广播电视总台", "记者")])]),
    # a name before a date
    ("某某集团董事长刘某9日在北京会见客人。", [("刘某", [("某某集团", "董事长")])]),
    # foreign names: any middle dot, several parts, a verb right after the last part
    ("某国第一副总理阿斯卡尔・马明出席。", [("阿斯卡尔·马明", [(None, "第一副总理")])]),
    ("哈萨克斯坦第一副总理阿斯卡尔・马明出席。", [("阿斯卡尔·马明", [("哈萨克斯坦", "第一副总理")])]),
    ("美国某州州长玛丽·安妮·史密斯出席会议。", [("玛丽·安妮·史密斯", [("美国某州", "州长")])]),
    # a name in Latin letters after a post
    ("德国某某学会主席Gruss表示。", [("Gruss", [("德国某某学会", "主席")])]),
    # a state as the employer of its head
    ("柬埔寨首相洪某出席。", [("洪某", [("柬埔寨", "首相")])]),
    ("文莱苏丹哈某某出席。", [("哈某某", [("文莱", "苏丹")])]),
    # the head of a government named after the party committee of the same place
    ("中共某某市委副书记、市长张某明致辞。",
     [("张某明", [("中共某某市委", "市委副书记"), ("某某市人民政府", "市长")])]),
    # a consul general whose mission is written as 某国驻某地: the consulate
    ("周某清会见法国驻沪总领事王某明。", [("王某明", [("法国驻沪总领事馆", "总领事")])]),
    ("西班牙驻沪总领事路易斯·卡尔沃出席。", [("路易斯·卡尔沃", [("西班牙驻沪总领事馆", "总领事")])]),
    # 在 as a name's middle character, not the verb
    ("市政府秘书长尤某晶等参加签约仪式。", [("尤某晶", [("市政府", "秘书长")])]),
    # a foreign name ends before 以及
    ("某某学院院长基肖尔·马布巴以及中国工程院杜某副院长作报告。",
     [("基肖尔·马布巴", [("某某学院", "院长")]), ("杜某", [("中国工程院", "副院长")])]),
]

NEGATIVE = [
    "民政部新闻发言人两位。",          # a count, not a name
    "民政部两位新闻发言人中有一位是新任。",  # a count before the post, not a name
    "总书记来陕考察时强调。",       # going to a province (来陕), not a name
    "会议邀请新闻发言人集体亮相。",    # a verb phrase, not a name
]


@pytest.mark.parametrize("text,expected", CASES)
def test_people(resources, text, expected):
    found = people.find(fold(text), resources)
    assert [(p.name, [(x.org, x.title) for x in p.posts]) for p in found] == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_people(resources, text):
    assert people.find(fold(text), resources) == []


POSTS = [
    # an internal department of a known body: the person works for the body
    ("自然资源部某某司司长韩某青出席。",
     {("韩某青", "jobTitle", "司长"), ("韩某青", "worksFor", "自然资源部")}),
    # a department the gazetteer lists is a body of its own (part of the ministry)
    ("自然资源部综合司司长韩某青出席。",
     {("韩某青", "jobTitle", "司长"), ("韩某青", "worksFor", "自然资源部综合司")}),
    # bare departments after the body the sentence names
    ("财政部新闻发言人增至2人，分别为办公厅主任曾某安和办公厅副主任王某阁。",
     {("曾某安", "jobTitle", "办公厅主任"), ("曾某安", "worksFor", "财政部"),
      ("王某阁", "jobTitle", "副主任"), ("王某阁", "worksFor", "财政部")}),
    # a company is no department, though its name ends in 司
    ("某某部张某副主任、百度公司王某副总裁分别致辞。", {("王某", "worksFor", "百度公司")}),
    # 市政府 in an article about one city is that city's government
    ("北京市召开新闻发布会。昨日，市政府副秘书长、市政府新闻发言人杨某强首次亮相。北京市今年将新建学校。",
     {("杨某强", "jobTitle", "新闻发言人"), ("杨某强", "worksFor", "北京市人民政府")}),
    # with no city of its own, 市政府 stays the article's own
    ("某地召开会议。市政府副秘书长杨某强介绍情况。",
     {("杨某强", "jobTitle", "副秘书长"), ("杨某强", "worksFor", "市政府")}),
    # 曾 as a surname before a verb, as an adverb otherwise
    ("财政部办公厅主任曾某安主持。", {("曾某安", "jobTitle", "办公厅主任"), ("曾某安", "worksFor", "财政部")}),
    ("该局局长曾表示支持。", set()),
]


@pytest.mark.parametrize("text,expected", POSTS)
def test_posts_of_people(resources, text, expected):
    from kg.extractors import posts
    from tests.conftest import make_article, triples

    found = triples(posts.extract(make_article(text), resources))
    assert expected <= found if text.startswith("某某部") else found == expected
