"""People with posts, case by case: the behaviours mutation testing found no test for.

Each row is a sentence of our own -> every person found, with the posts written before the name
(organisation, title), the title written after it and whether someone came in their place.
"""
from __future__ import annotations

import pytest

from kg.mentions import people
from kg.text.normalize import fold

# (sentence, [(name, [(organisation, title)], title after the name, represented)])
CASES = [
    # names after the first share its posts (A、B、C), up to something that is no name
    ("某某大学文科资深教授葛某光、陈某和出席。",
     [("葛某光", [("某某大学", "文科资深教授")], None, False),
      ("陈某和", [("某某大学", "文科资深教授")], None, False)]),
    ("某某集团董事长沈某、韩某、杨某出席。",
     [("沈某", [("某某集团", "董事长")], None, False), ("韩某", [("某某集团", "董事长")], None, False),
      ("杨某", [("某某集团", "董事长")], None, False)]),
    ("某某集团董事长沈某、某某县、杨某出席。", [("沈某", [("某某集团", "董事长")], None, False)]),
    ("某某公司总经理张某、某某县出席。", [("张某", [("某某公司", "总经理")], None, False)]),
    # a comma ends the sharing
    ("某某集团董事长沈某，韩某出席。", [("沈某", [("某某集团", "董事长")], None, False)]),
    # a name that comes with its own post does not share the one before; a deputy of the
    # same rank right after the head holds it in the same body
    ("某某大学校长王某、副校长李某出席。",
     [("王某", [("某某大学", "校长")], None, False), ("李某", [("某某大学", "副校长")], None, False)]),
    ("某某大学校长王某、教授李某出席。",
     [("王某", [("某某大学", "校长")], None, False), ("李某", [(None, "教授")], None, False)]),
    # posts with no name hand on to the next segment, whose name stands before a title
    ("某某大学党委副书记、王某某教授出席。",
     [("王某某", [("某某大学", "党委副书记")], "教授", False)]),
    # "X的代表": someone came in X's place
    ("某某部部长张某的代表李某出席。", [("张某", [("某某部", "部长")], None, True)]),
    # party committees and governments by level: 省, 市, 县, 区, 州
    ("省委书记张某出席。", [("张某", [("省委", "省委书记")], None, False)]),
    ("中共某某省委书记周某出席。", [("周某", [("中共某某省委", "省委书记")], None, False)]),
    ("江苏省南京市市委书记张某出席。", [("张某", [("江苏省南京市市委", "市委书记")], None, False)]),
    # words before the place that are no organisation: the committee is the place's
    ("据悉南京市委书记张某出席。", [("张某", [("南京市委", "市委书记")], None, False)]),
    ("会议由南京市市委书记张某主持。", [("张某", [("南京市市委", "市委书记")], None, False)]),
    ("江苏省省长张某出席。", [("张某", [("江苏省人民政府", "省长")], None, False)]),
    ("安吉县县长李某出席。", [("李某", [("安吉县人民政府", "县长")], None, False)]),
    ("平谷区区长赵某出席。", [("赵某", [("平谷区人民政府", "区长")], None, False)]),
    ("恩施州州长钱某出席。", [("钱某", [("恩施州人民政府", "州长")], None, False)]),
    ("某某区委书记、区长王某出席。",
     [("王某", [("某某区委", "区委书记"), ("某某区人民政府", "区长")], None, False)]),
    ("某某州委书记、州长王某出席。",
     [("王某", [("某某州委", "州委书记"), ("某某州人民政府", "州长")], None, False)]),
    ("某某县委副书记、县长王某出席。",
     [("王某", [("某某县委", "县委副书记"), ("某某县人民政府", "县长")], None, False)]),
    ("某某市委常委、副市长王某出席。",
     [("王某", [("某某市委", "市委常委"), ("某某市人民政府", "副市长")], None, False)]),
    # the government named in the post before: 某某市人民政府党组书记、市长
    ("某某市人民政府党组书记、市长钱某出席。",
     [("钱某", [("某某市人民政府", "党组书记"), ("某某市人民政府", "市长")], None, False)]),
    # a committee of another level names no government: the article's 市政府
    ("某某省委副书记、市长周某出席。",
     [("周某", [("某某省委", "省委副书记"), ("市政府", "市长")], None, False)]),
    # a former head of government is of no government
    ("原市长孙某出席。", [("孙某", [(None, "原市长")], None, False)]),
    ("某某市市长、原副市长赵某出席。",
     [("赵某", [("某某市", "市长"), (None, "原副市长")], None, False)]),
    # a former post: a party committee's post keeps the committee, a head of government's
    # post its government, a title that starts with an organisation its organisation
    ("天津市委原书记李某出席。", [("李某", [("天津市委", "原市委书记")], None, False)]),
    ("南京市原市长张某出席。", [("张某", [("南京市人民政府", "原市长")], None, False)]),
    ("原中国科学院院士张某出席。", [("张某", [("中国科学院", "原中国科学院院士")], None, False)]),
    ("原省委书记张某出席。", [("张某", [("省委", "原省委书记")], None, False)]),
    ("某某大学原校长、名誉校长吴某出席。",
     [("吴某", [("某某大学", "原校长"), (None, "名誉校长")], None, False)]),
    # a district's head after its city; a government after a committee of another place
    ("南京市江宁区区长周某出席。", [("周某", [("南京市江宁区人民政府", "区长")], None, False)]),
    ("某某区委书记、南京市江宁区区长周某出席。",
     [("周某", [("某某区委", "区委书记"), ("南京市江宁区人民政府", "区长")], None, False)]),
    ("南京市委书记、市长韩某出席。",
     [("韩某", [("南京市委", "市委书记"), ("南京市人民政府", "市长")], None, False)]),
    ("某某市委副书记、代市长韩某出席。",
     [("韩某", [("某某市委", "市委副书记"), ("某某市人民政府", "代市长")], None, False)]),
    # 和 between two people, each with posts in two organisations
    ("某某协会会长、某某大学教授郑某和某某公司总经理王某出席。",
     [("郑某", [("某某协会", "会长"), ("某某大学", "教授")], None, False),
      ("王某", [("某某公司", "总经理")], None, False)]),
    ("某某公司总经理王某和某某大学原校长、某某研究院院长李某出席。",
     [("王某", [("某某公司", "总经理")], None, False),
      ("李某", [("某某大学", "原校长"), ("某某研究院", "院长")], None, False)]),
    ("柬埔寨王国首相洪某出席。", [("洪某", [("柬埔寨王国", "首相")], None, False)]),
    # a title that starts with an organisation's name belongs to it
    ("中国科学院院士张某出席。", [("张某", [("中国科学院", "中国科学院院士")], None, False)]),
    # a state with a former post (前), modifiers before titles (特聘, 名誉), posts held together (兼)
    ("德国前总理吴某出席。", [("吴某", [("德国", "前总理")], None, False)]),
    ("某某大学特聘教授郑某出席。", [("郑某", [("某某大学", "特聘教授")], None, False)]),
    ("某某大学原特聘教授王某出席。", [("王某", [("某某大学", "原特聘教授")], None, False)]),
    ("某某大学名誉校长、前校长赵某出席。",
     [("赵某", [("某某大学", "名誉校长"), (None, "前校长")], None, False)]),
    ("某某公司总经理兼董事长张某出席。", [("张某", [("某某公司", "总经理兼董事长")], None, False)]),
    ("某某大学教授、博士生导师刘某出席。",
     [("刘某", [("某某大学", "教授"), (None, "博士生导师")], None, False)]),
    # two people joined by 和, the second with a chain of posts
    ("某某研究院院长褚某和某某大学副校长、某某学院院长蒋某出席。",
     [("褚某", [("某某研究院", "院长")], None, False),
      ("蒋某", [("某某大学", "副校长"), ("某某学院", "院长")], None, False)]),
    # what may follow a name: a verb, 在, 等人, a date, a count
    ("某某公司总经理张某表示。", [("张某", [("某某公司", "总经理")], None, False)]),
    ("某某公司总经理张某在会上说。", [("张某", [("某某公司", "总经理")], None, False)]),
    ("某某公司总经理张某等人出席。", [("张某", [("某某公司", "总经理")], None, False)]),
    ("某某公司总经理张某9月1日出席。", [("张某", [("某某公司", "总经理")], None, False)]),
    # a name before its title: a compound surname of four characters, a name alone
    ("某某公司欧阳某某总经理出席。", [("欧阳某某", [("某某公司", "总经理")], None, False)]),
    ("张某某总经理出席。", [("张某某", [(None, "总经理")], None, False)]),
    ("约翰·史密斯总裁出席。", [("约翰·史密斯", [(None, "总裁")], None, False)]),
    # bylines: a name of two or three characters between spaces
    ("通讯员 李某 摄", [("李某", [(None, "通讯员")], None, False)]),
    ("记者 王某某 ", [("王某某", [(None, "记者")], None, False)]),
]

# people wherever they act: (sentence, [(name, [(organisation, title)])])
WHEREVER_THEY_ACT = [
    # appointed or elected to a post written after the name
    ("会议决定，任命李某华为国家统计局副局长。", [("李某华", [("国家统计局", "副局长")])]),
    ("张某当选为中国某某协会会长。", [("张某", [("中国某某协会", "会长")])]),
    ("任命他为局长。", []),
    # a post taken, written after the name: 同志任, 担任, 出任; 不再担任 takes none
    ("会议宣布：张某里同志任某某集团党委书记；俞某平同志任某某集团副董事长。",
     [("张某里", [("某某集团", "党委书记")]), ("俞某平", [("某某集团", "副董事长")])]),
    ("王某平担任某某集团董事长。", [("王某平", [("某某集团", "董事长")])]),
    ("王某平不再担任某某集团董事长。", []),
    # a second person after the first one's verb
    ("省长刘某明会见了某某集团有限公司董事长梁某康一行。",
     [("刘某明", [("省政府", "省长")]), ("梁某康", [("某某集团有限公司", "董事长")])]),
    # …whose chain of posts goes on past a 、
    ("省长刘某明会见了某某集团党委书记、董事长梁某康。",
     [("刘某明", [("省政府", "省长")]),
      ("梁某康", [("某某集团", "党委书记"), (None, "董事长")])]),
    # a department ends in 司, a name does not
    ("国家能源局综合司副司长、新闻发言人张某宇主持发布会。",
     [("张某宇", [("国家能源局综合司", "副司长"), (None, "新闻发言人")])]),
    # a bare head of a unit opening its clause serves the unit named before it
    ("某省某某厅厅长杨某林作报告，副厅长徐某主持会议。",
     [("杨某林", [("某省某某厅", "厅长")]), ("徐某", [("某省某某厅", "副厅长")])]),
    ("商务部副部长傅某应致辞，钱某明副部长陪同出席。",
     [("傅某应", [("商务部", "副部长")]), ("钱某明", [("商务部", "副部长")])]),
    # a bracketed place inside a company's name; a byline in brackets stays a byline
    ("某某（北京）科技有限公司董事长王某明出席。", [("王某明", [("某某(北京)科技有限公司", "董事长")])]),
    ("本报讯（记者唐某丽）某某公司总经理张某表示。",
     [("唐某丽", [(None, "记者")]), ("张某", [("某某公司", "总经理")])]),
    # a name before a speaking verb
    ("县文化和旅游局局长郑某华通报了工作。", [("郑某华", [("县文化和旅游局", "局长")])]),
    # an adverb or a coverb phrase between the name and its verb
    ("市发改委主任陈某远详细介绍了项目情况。", [("陈某远", [("市发改委", "主任")])]),
    ("某某集团总经理王某远围绕企业创新作了发言。", [("王某远", [("某某集团", "总经理")])]),
    ("某某厅厅长李某随后简要通报了情况。", [("李某", [("某某厅", "厅长")])]),
    # the next post begins where a name would: no name there
    ("东湖市委常委宣传部长李某刚主持会议。", [("李某刚", [("东湖市委", "市委常委"), (None, "宣传部长")])]),
    # a compound surname gives a four-character name
    ("某某集团董事长欧阳文华表示，订单充足。", [("欧阳文华", [("某某集团", "董事长")])]),
    # a city, the name, then a government post: the city's government
    ("杭州市欧阳卫平副市长在致辞中表示，合作前景广阔。", [("欧阳卫平", [("杭州市人民政府", "副市长")])]),
    # a name before leaving a post, or before its reason
    ("青禾科技股份有限公司董事长方某栋辞职。", [("方某栋", [("青禾科技股份有限公司", "董事长")])]),
    ("某某集团总经理王某远因工作调整辞去职务。", [("王某远", [("某某集团", "总经理")])]),
    # a unit and then its people's names, with no post between them
    ("某某钢铁有限公司吴某林表示，要加强管理。", [("吴某林", [("某某钢铁有限公司", "")])]),
    ("某某大学潘某新、彭某胜等获得一等奖。",
     [("潘某新", [("某某大学", "")]), ("彭某胜", [("某某大学", "")])]),
    # ...but not words that follow a unit's name (于近日) or a name no one is seen to act with
    ("某某商业协会于近日发布通知。", []),
    ("某某大学王某今年毕业。", []),
    # ... but not when other words stand before the title
    ("某某部副部长苏某、原某某工业部老部长何某远出席。",
     [("苏某", [("某某部", "副部长")]), ("何某远", [(None, "部长")])]),
]
CASES += [(text, [(name, posts, None, False) for name, posts in found])
          for text, found in WHEREVER_THEY_ACT]


NEGATIVE = [
    # 分行长期以来: a branch, then 长期; no 行长 and no name
    "白杨银行武汉分行长期以来支持地方发展。",
    "记者 王某某某 报道",   # four characters with no compound surname: no byline name
    "记者 王 报道",
    "记者 王某会 报道",     # 会 is in no name
    "福建省委常委出席。",   # a place before a post is no name
    "司马某某总经理出席。",  # four characters alone before a post: no name
    "某某处处长应邀出席会议。",  # 应 is a surname, but 应邀 is the verb
    "大会主席在主席台就座。",    # 主席台 is the rostrum
    "某某科学院公布院士增选结果。",  # 公 is a surname, but 公布 is the verb
    "基金经理奖项方面，某某获评。",      # four characters with no surname after a post: a phrase
    "对分析师全年发布的深度报告进行抽样评审。",  # 全 is a surname, but 全年 is the whole year
    "甲当选董事长后不再兼任总经理。",    # 后 is a surname, but 后不再 is "thereafter no longer"
]


@pytest.mark.parametrize("text,expected", CASES)
def test_people_posts(resources, text, expected):
    folded = fold(text)
    found = people.find(folded, resources)
    assert [(p.name, [(x.org, x.title) for x in p.posts], p.after and p.after.title, p.represented)
            for p in found] == expected
    assert all(folded[p.start:p.end] == p.name for p in found)


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_people_here(resources, text):
    assert people.find(fold(text), resources) == []


def test_a_name_before_an_accompanying_verb(resources):
    found = people.find(fold("某某部副部长钱某明陪同出席。"), resources)
    assert [(p.name, [(x.org, x.title) for x in p.posts]) for p in found] == [
        ("钱某明", [("某某部", "副部长")])]


# (sentence, the employers of its one person): a former post counts only when the title after
# the name is current and no current post names an organisation
EMPLOYERS = [
    # 年 ends many given names
    ("发布会由某省政府新闻办副主任严某年主持。", ["某省政府新闻办"]),
    # an alias the article defines between the body and the post
    ("上海某某机器人股份有限公司（以下简称“某某机器人”）董事长兼总裁沈某群作报告。",
     ["上海某某机器人股份有限公司"]),
    ("某某大学原特聘教授王某出席。", []),
    ("某某大学名誉校长、前校长赵某出席。", ["某某大学"]),
    ("某某市委书记、市长王某出席。", ["某某市委", "某某市人民政府"]),
    ("某某大学党委副书记、王某某教授出席。", ["某某大学"]),
    ("某某大学原校长、名誉校长吴某出席。", []),
    ("南京市原市长张某出席。", []),
    ("某某研究院院长李某出席。", ["某某研究院"]),
]


@pytest.mark.parametrize("text,expected", EMPLOYERS)
def test_employers(resources, text, expected):
    [person] = people.find(fold(text), resources)
    assert person.employers() == expected


def test_former_posts(resources):
    [person] = people.find(fold("某某大学名誉校长、前校长赵某出席。"), resources)
    assert [p.former for p in person.posts] == [False, True]
    assert person.job_title == "前校长"


@pytest.mark.parametrize("text", ["记者梳理发现，今年的数字有所增长。", "记者注意到，会场座无虚席。",
                                  "记者了解到，项目已开工。", "某院公布2030年院士增选结果。"])
def test_a_reporter_who_notices_is_no_name(resources, text):
    assert [p.name for p in people.find(text, resources)] == []
