"""participation (speaksAt, attends) and events (heldIn, heldOn, organizedBy)."""
from __future__ import annotations

import pytest

from kg.extractors import events, participation
from tests.conftest import make_article, triples

FORUM = "首届“千兆城市”高峰论坛"

PARTICIPATION = [
    # a byline's reporter writes about the event and is not at it
    ("某社武汉5月6日电（记者王某明）第三届某某发展论坛6日在武汉开幕，市长李某平致辞。",
     {("李某平", "speaksAt", "第三届某某发展论坛")}),
    ("12月24日，首届“千兆城市”高峰论坛在山东省青岛市举行。工业和信息化部总工程师韩夏出席会议并致辞。",
     {("韩夏", "speaksAt", FORUM)}),
    # attending without speaking, several people; a speaker is not also an attendee
    ("今天上午，第五届东方国际小商品博览会隆重开幕。省政协主席周某明宣布开幕。"
     "商务部副部长吴某、副省长郑某科出席了开幕式。周某明出席开幕式。",
     {("周某明", "speaksAt", "第五届东方国际小商品博览会"),
      ("吴某", "attends", "第五届东方国际小商品博览会"),
      ("郑某科", "attends", "第五届东方国际小商品博览会")}),
    # a later bare mention of a known person
    ("2030年10月12日，二十国集团于摩洛哥马拉喀什召开第九次G20财长和央行行长会议。"
     "中国人民银行行长周某明出席会议并讲话。中国人民银行副行长吴某参加会议。",
     {("周某明", "speaksAt", "第九次G20财长和央行行长会议"),
      ("吴某", "attends", "第九次G20财长和央行行长会议")}),

    # someone sent in another's place: the representative spoke, the official did not come
    ("东方信息技术发展论坛在深圳举行。科技部张某武副部长的代表王某军副巡视员致辞。",
     {("王某军", "speaksAt", "东方信息技术发展论坛")}),
]

PARTICIPATION.append(
    # sharing experience at the event is speaking at it; two people with their companies
    ("第三届某某数字经济大会在苏州开幕。会上，甲乙电气有限公司董事长李某强、丙丁机械有限公司总经理"
     "周某敏围绕数字化转型作交流分享。",
     {("李某强", "speaksAt", "第三届某某数字经济大会"), ("周某敏", "speaksAt", "第三届某某数字经济大会")}))

PARTICIPATION.append(
    # a roundtable named in quotes is a session of the event: its moderator and guests speak there
    ("2030某某财富管理年会在上海举行。在随后举行的“养老金融”圆桌对话中，某某研究院副院长宁某卿担任主持人，"
     "甲乙证券股份有限公司（下称“甲乙证券”）总经理邵某鸣、丙丁人寿保险股份有限公司副总裁柯某敏展开讨论。",
     {(n, "speaksAt", "2030某某财富管理年会") for n in ("宁某卿", "邵某鸣", "柯某敏")}))

PARTICIPATION.append(
    # 以“…”为题: the quote after the coverb cuts the clause, not the name
    ("第五届某某制造论坛在苏州开幕。中国工程院院士孟某川以“工业智能体”为题发表主旨演讲。",
     {("孟某川", "speaksAt", "第五届某某制造论坛")}))

PARTICIPATION.append(
    # a foreign name before 以“…”; a name after a post that begins like a place (会长葛…: 长葛)
    ("第三届某某港口论坛在宁波开幕。德国某某咨询有限公司高级合伙人克劳斯·韦某以“港口”为题发表主旨演讲。"
     "某某研究会会长葛某舒作主题报告。",
     {("克劳斯·韦某", "speaksAt", "第三届某某港口论坛"), ("葛某舒", "speaksAt", "第三届某某港口论坛")}))

PARTICIPATION.append(
    # what someone said in an interview, far from any mention of the event, is no speech at it
    ("1月5日，中国人民银行召开2030年工作会议。中国人民银行行长周某明出席会议并讲话。"
     "通胀保持温和。\n此外，东禾银行行长王某日前接受记者采访时表示，银行业将加大支持。",
     {("周某明", "speaksAt", "2030年工作会议")}))

PARTICIPATION_NEGATIVE = [
    # a body named like an event (…大会) that holds posts or organises is not an event
    "世界互联网大会秘书长任思远主持工作。",
    # no event anywhere
    "工业和信息化部总工程师韩夏表示，要推进网络建设。",
    # speech inside a quotation is not presence at the event
    "首届论坛在青岛举行。“习近平总书记多次强调，要开放。”",
    # 介绍 about the city, and an expo that is only promoted: no speech at the expo
    "10月20日，某市市长周某清向来宾介绍了某市概况，重点推介了第三届某某国际园林博览会。",
    # an expo that is the topic of the answers (就…筹办等问题答问), not where they were given
    "商务部副部长周某清就第三届某某国际园林博览会筹办等问题答问。",
]

EVENTS = [
    # a ceremony named by the honours it confers, listed with 、
    ("4月28日，某某市劳动模范、先进集体和模范班组表彰大会在张家口举行。",
     {("某某市劳动模范、先进集体和模范班组表彰大会", "heldIn", "张家口市"),
      ("某某市劳动模范、先进集体和模范班组表彰大会", "heldOn", "2021-04-28")}),
    # an alias defined between the name and the date adds no distance
    ("第十二届某某国际农业博览会（以下简称“农博会”）于10月16日在成都开幕。",
     {("第十二届某某国际农业博览会", "heldIn", "成都市"), ("第十二届某某国际农业博览会", "heldOn", "2021-10-16")}),
    ("12月24日，首届“千兆城市”高峰论坛在山东省青岛市举行。",
     {(FORUM, "heldIn", "青岛市"), (FORUM, "heldOn", "2021-12-24")}),
    ("2011年11月16日下午，由国家发展改革委、科学技术部和深圳市人民政府共同主办的“新一代信息技术发展论坛”"
     "在深圳会展中心隆重举行。",
     {("新一代信息技术发展论坛", "organizedBy", "国家发展和改革委员会"),
      ("新一代信息技术发展论坛", "organizedBy", "科学技术部"),
      ("新一代信息技术发展论坛", "organizedBy", "深圳市人民政府"),
      ("新一代信息技术发展论坛", "heldIn", "深圳市"),
      ("新一代信息技术发展论坛", "heldOn", "2011-11-16")}),
    # a press conference named after the body that holds it; 今日 is the article's date
    ("国新办今日就资本市场改革等情况举行发布会。",
     {("国新办发布会", "organizedBy", "国务院新闻办公室"), ("国新办发布会", "heldOn", "2021-12-25")}),
    # a town below the gazetteer's counties is the place, as written
    ("11月8日，2023年世界互联网大会乌镇峰会在浙江省乌镇开幕。",
     {("2023年世界互联网大会乌镇峰会", "heldIn", "浙江省乌镇"),
      ("2023年世界互联网大会乌镇峰会", "heldOn", "2021-11-08")}),
    # a briefing (吹风会) is an event, named after the body that holds it
    ("国务院新闻办公室9月22日举行国务院政策例行吹风会。",
     {("国务院政策例行吹风会", "organizedBy", "国务院新闻办公室"),
      ("国务院政策例行吹风会", "heldOn", "2021-09-22")}),
    # the dateline sets the date that 今天 means, and the place when the sentence names none
    ("本报义乌10月21日电 今天上午，第二届东方小商品博览会开幕。",
     {("第二届东方小商品博览会", "heldOn", "2021-10-21"), ("第二届东方小商品博览会", "heldIn", "义乌市")}),
    # 近日: the event may have been anywhere
    ("本报北京10月21日电 近日，第二届东方小商品博览会开幕。", set()),
]

EVENTS.append(
    # 本届论坛年会 is the forum the article is about, not another event
    ("2024中关村论坛年会25日在北京开幕。本届论坛年会由科技部和北京市人民政府共同主办。",
     {("2024中关村论坛年会", "heldIn", "北京市"), ("2024中关村论坛年会", "heldOn", "2021-12-25"),
      ("2024中关村论坛年会", "organizedBy", "科学技术部"),
      ("2024中关村论坛年会", "organizedBy", "北京市人民政府")}))

EVENTS.append(
    # 于 a date is when, not where; the body that holds it organises it
    ("国务院新闻办公室于3月1日举行新闻发布会。",
     {("国务院新闻办公室新闻发布会", "heldOn", "2021-03-01"),
      ("国务院新闻办公室新闻发布会", "organizedBy", "国务院新闻办公室")}))

EVENTS.append(
    # a province-level unit by its one-character abbreviation
    ("11月30日，第六届中国信息通信大会在沪举行。",
     {("第六届中国信息通信大会", "heldIn", "上海市"), ("第六届中国信息通信大会", "heldOn", "2021-11-30")}))

EVENTS.append(
    # the day after the date last stated; a listed company's own meeting is its own
    ("8月28日晚间，青禾科技（600001.SH）发布半年报。次日上午，青禾科技（600001.SH）2021年第一次临时股东大会在南京召开。",
     {("2021年第一次临时股东大会", "heldOn", "2021-08-29"), ("2021年第一次临时股东大会", "heldIn", "南京市"),
      ("2021年第一次临时股东大会", "organizedBy", "青禾科技")}))

EVENTS.append(
    # a city by the one character news writes for it
    ("11月30日，第二届东方会展论坛在蓉开幕。",
     {("第二届东方会展论坛", "heldIn", "成都市"), ("第二届东方会展论坛", "heldOn", "2021-11-30")}))

EVENTS.append(
    # newspapers among the organisers; 等 closes the list; a theme clause before the event
    ("5月6日，由东方证券报、南港市金融局等共同举办的，以“开放合作”为主题的第二届南港金融论坛开幕。",
     {("第二届南港金融论坛", "organizedBy", "东方证券报"),
      ("第二届南港金融论坛", "organizedBy", "南港市金融局"),
      ("第二届南港金融论坛", "heldOn", "2021-05-06")}))

EVENTS.append(
    ("由东方晨报和南港市人民政府主办的第二届南港金融论坛开幕。",
     {("第二届南港金融论坛", "organizedBy", "东方晨报"),
      ("第二届南港金融论坛", "organizedBy", "南港市人民政府")}))

EVENTS_NEGATIVE = [
    # 在 … 举行 around a clause (…的…, a dash), not a place
    "某某院长在致辞中首先代表我院对首届某某论坛的顺利举行表示祝贺。",
    "先后举办“绽放杯”“光华杯”等应用创新大赛。",
    "2011年将在南京举办的八个国际性品牌展会。",
    "会议期间，代表们进行了讨论。",
]


@pytest.mark.parametrize("text,expected", PARTICIPATION)
def test_participation(resources, text, expected):
    assert triples(participation.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", PARTICIPATION_NEGATIVE)
def test_no_participation(resources, text):
    assert list(participation.extract(make_article(text), resources)) == []


@pytest.mark.parametrize("text,expected", EVENTS)
def test_events(resources, text, expected):
    assert triples(events.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", EVENTS_NEGATIVE)
def test_no_event_facts(resources, text):
    assert list(events.extract(make_article(text), resources)) == []


# Events and their subjects, continued (sentences of our own).
MORE_EVENTS = [
    # an open vocabulary of event nouns: 盛典, 对话, 沙龙 …, organised by a body named by 周刊
    ("12月14日，由某某周刊主办的2030“年度人物”荣誉盛典在北京举行。",
     {("2030“年度人物”荣誉盛典", "heldIn", "北京市"), ("2030“年度人物”荣誉盛典", "heldOn", "2021-12-14"),
      ("2030“年度人物”荣誉盛典", "organizedBy", "某某周刊")}),
    ("10月19日，首届某某省州长对话在北京举行。",
     {("首届某某省州长对话", "heldIn", "北京市"), ("首届某某省州长对话", "heldOn", "2021-10-19")}),
    # 活动 names an event only when a named one is said to take place
    ("5月20日，“书香某城”全民阅读活动在某某图书馆举行。",
     {("“书香某城”全民阅读活动", "heldOn", "2021-05-20"), ("“书香某城”全民阅读活动", "heldIn", "某某图书馆")}),
    # a name's left edge stops at 对 / 为 (the clause before it is not part of the name)
    ("他代表外交部对首届某某论坛的举办表示祝贺。", set()),
]

MORE_EVENTS_NEGATIVE = [
    # 在 … 举行 around a clause (…的…, a dash), not a place
    "某某院长在致辞中首先代表我院对首届某某论坛的顺利举行表示祝贺。",
    "各地积极开展节能宣传活动。",          # an activity, not a named event taking place
    # an event that is what someone promotes is no event the sentence takes place at
    "10月20日，某市市长周某清向来宾介绍了某市概况，重点推介了第三届某某国际园林博览会。",
    "要加快展览业转型升级。",
]


@pytest.mark.parametrize("text,expected", MORE_EVENTS)
def test_more_events(resources, text, expected):
    assert triples(events.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", MORE_EVENTS_NEGATIVE)
def test_no_more_event_facts(resources, text):
    assert list(events.extract(make_article(text), resources)) == []


def test_a_year_in_the_name_dates_an_article_without_a_date(resources):
    # no date on the article: the year the event's name states completes 9月28日
    article = make_article("9月28日，2030年全市各界人士中秋座谈会在某某宾馆举行。", published=None)
    assert ("2030年全市各界人士中秋座谈会", "heldOn", "2030-09-28") in triples(
        events.extract(article, resources))


def test_without_a_date_or_a_year_no_event_is_dated(resources):
    article = make_article("9月28日，全市各界人士中秋座谈会在某某宾馆举行。", published=None)
    assert not [f for f in events.extract(article, resources) if f.predicate == "heldOn"]


def test_names_listed_as_present_attend(resources):
    text = ("9月28日，2030年全市各界人士中秋座谈会在某某宾馆举行。市委书记耿某某参加并讲话。"
            "赵某圣、何某、谢某伦参加会议。")
    found = triples(participation.extract(make_article(text), resources))
    assert {(n, "attends", "2030年全市各界人士中秋座谈会") for n in ("赵某圣", "何某", "谢某伦")} <= found
    assert ("耿某某", "speaksAt", "2030年全市各界人士中秋座谈会") in found


ORGANISERS = [
    # a role's clause ends at the comma when what follows is about something else
    ("第十二届某某农业博览会在成都开幕。本届博览会主办单位为某省农业农村厅，承办单位为成都市某某局，"
     "展览面积12万平方米。",
     {("第十二届某某农业博览会", "organizedBy", n) for n in ("某省农业农村厅", "成都市某某局")}),
    # organisers one a line under their role; guidance is no organising
    ("第三届某某金融科技大会在深圳举行。\n主办单位：\n深圳市某某促进会\n某某数字金融研究院\n"
     "承办单位：\n深圳某某会展服务有限公司\n指导单位：\n深圳市某某区人民政府",
     {("第三届某某金融科技大会", "organizedBy", n)
      for n in ("深圳市某某促进会", "某某数字金融研究院", "深圳某某会展服务有限公司")}),
    # 协办 assists; the guidelines count 主办, 承办 and 举办 as organising
    ("第五届某某制造论坛在苏州举行。\n主办单位：\n苏州市人民政府\n协办单位：\n苏州市某某产业协会",
     {("第五届某某制造论坛", "organizedBy", "苏州市人民政府")}),
    # a known body's branch in a place convenes its own press conference
    ("4月10日，国家金融监督管理总局江苏监管局召开新闻发布会。",
     {("国家金融监督管理总局江苏监管局新闻发布会", "organizedBy", "国家金融监督管理总局江苏监管局")}),
    # two bodies that jointly hold the event, named before the verb
    ("某某学会与某某证券5月6日在上海联合举办第二届某某金融论坛。",
     {("第二届某某金融论坛", "organizedBy", "某某学会"), ("第二届某某金融论坛", "organizedBy", "某某证券")}),
    # 由A主办、B承办: B is the subject of 承办; 省农业厅 in an article about 长沙 is 湖南's
    ("5月6日，由省农业厅主办、长沙市农业科学院承办的第三届丘陵农机研讨班在长沙开班。",
     {("第三届丘陵农机研讨班", "organizedBy", o) for o in ("湖南省农业厅", "长沙市农业科学院")}),
    # an organiser the gazetteer does not know, in a list the splitter gives up on
    ("全国某某评选活动由某某企业联合会、某某企业家协会、某某基金会共同主办。",
     {("全国某某评选活动", "organizedBy", o) for o in ("某某企业联合会", "某某企业家协会", "某某基金会")}),
    # a relative body convening an event named after the verb
    ("市国资委召开2030年度社会责任工作会议。",
     {("2030年度社会责任工作会议", "organizedBy", "市国资委")}),
    # organisers named by their role; 协办 makes no organiser
    ("5月5日，第三届某某产业论坛在杭州开幕。本届论坛的主办单位为某某省经济和信息化厅、杭州市人民政府，"
     "承办单位为杭州某某科技有限公司，协办单位为某某银行。",
     {("第三届某某产业论坛", "organizedBy", o)
      for o in ("某某省经济和信息化厅", "杭州市人民政府", "杭州某某科技有限公司")}),
    ("5月5日，第三届某某产业论坛在杭州开幕。论坛主办方：中国某某协会；承办方：杭州某某会展有限公司。",
     {("第三届某某产业论坛", "organizedBy", o) for o in ("中国某某协会", "杭州某某会展有限公司")}),
    # A携手B举办: two organisers (联合 stays inside 联合会)
    ("杭州市人民政府携手中国某某联合会举办第三届某某产业论坛。",
     {("第三届某某产业论坛", "organizedBy", o) for o in ("杭州市人民政府", "中国某某联合会")}),
    # no organisation before the verb: no organiser
    ("他们今天召开了工作会议。", set()),
    ("该活动已连续举办五届。", set()),
]


@pytest.mark.parametrize("text,expected", ORGANISERS)
def test_organisers(resources, text, expected):
    found = {t for t in triples(events.extract(make_article(text), resources))
             if t[1] == "organizedBy"}
    assert found == expected


PRESENT_AFTER = [
    # the people listed after 出席…的还有, with their posts, attend the event the lead names
    ("5月5日，第三届某某合作论坛在武汉开幕。出席开幕式的各方嘉宾还有：某省省长周某明、某市副市长吴某。",
     {("周某明", "attends", "第三届某某合作论坛"), ("吴某", "attends", "第三届某某合作论坛")}),
    # 出席发布会，并回答了提问: the same person's next clause, a speech
    ("5月5日，第三届某某合作论坛在武汉开幕。某省省长周某明出席论坛，并回答了记者提问。",
     {("周某明", "speaksAt", "第三届某某合作论坛")}),
    # 出席…并致辞的有: they spoke there
    ("5月5日，第三届某某合作论坛在武汉开幕。出席论坛并致辞的有某省省长周某明、某市副市长吴某。",
     {("周某明", "speaksAt", "第三届某某合作论坛"), ("吴某", "speaksAt", "第三届某某合作论坛")}),
    # 出席的还有 with no object: the event the sentence is about
    ("5月5日，第三届某某合作论坛在武汉开幕。出席的还有郑某科、王某。",
     {("郑某科", "attends", "第三届某某合作论坛"), ("王某", "attends", "第三届某某合作论坛")}),
    # 参加会见的: a meeting that is no event named in the text gives nothing
    ("5月5日，第三届某某合作论坛在武汉开幕。参加会见的嘉宾有：郑某科、王某。", set()),
    # 开幕大会 is the opening of the event the article opens with, though a sentence between
    # named another one
    ("9月12日，第14届中国某某博览会在南宁开幕。某某副主席张某丽在开幕大会上发表主旨演讲。"
     "她指出，在某某国际合作高峰论坛上，各方达成了共识。柬埔寨首相洪某、老挝副总理宋某出席了开幕大会。",
     {("张某丽", "speaksAt", "第14届中国某某博览会"), ("洪某", "attends", "第14届中国某某博览会"),
      ("宋某", "attends", "第14届中国某某博览会")}),
    # a long description of who they are between 的 and 还有
    ("5月5日，第三届某某合作论坛在武汉开幕。出席开幕式的各省区市政府主要负责同志还有：福建省省长苏某林、湖南省省长徐某盛。",
     {(n, "attends", "第三届某某合作论坛") for n in ("苏某林", "徐某盛")}),
    # 致开幕词 is speaking
    ("5月5日，第三届某某合作论坛在武汉开幕。某某协会常务副主席夏某代表主办单位致开幕词。",
     {("夏某", "speaksAt", "第三届某某合作论坛")}),
    # groups of names joined to one verb, a 在 inside the last name; a place after 在 is no name
    ("5月5日，第三届某某合作论坛在武汉开幕。市领导陈某竑、王某松，市政府秘书长尤某晶等参加开幕式。",
     {(n, "attends", "第三届某某合作论坛") for n in ("陈某竑", "王某松", "尤某晶")}),
    ("5月5日，第三届某某合作论坛在武汉开幕。王某松、李某盛在鄂出席开幕式。",
     {(n, "attends", "第三届某某合作论坛") for n in ("王某松", "李某盛")}),
    # 致辞嘉宾包括：post name, post name — speakers listed with their posts, split by commas
    ("5月5日，第三届某某合作论坛在武汉开幕。开幕式的致辞嘉宾包括：论坛主席严某华，某国副总理阿利·阿赫某夫，"
     "中国某某学会会长吴某平。",
     {(n, "speaksAt", "第三届某某合作论坛") for n in ("严某华", "阿利·阿赫某夫", "吴某平")}),
]


@pytest.mark.parametrize("text,expected", PRESENT_AFTER)
def test_people_listed_after_the_verb(resources, text, expected):
    found = triples(participation.extract(make_article(text), resources))
    assert {t for t in found if t[1] in ("attends", "speaksAt")} == expected


BRACKETED = [
    # a bracketed place or year inside the name keeps the name whole
    ("5月5日，2030中国（合肥）新材料产业发展大会在合肥开幕。",
     {("2030中国(合肥)新材料产业发展大会", "heldOn", "2021-05-05"),
      ("2030中国(合肥)新材料产业发展大会", "heldIn", "合肥市")}),
    ("5月5日，第二届(2030)某某创新大会在上海开幕。",
     {("第二届(2030)某某创新大会", "heldOn", "2021-05-05"),
      ("第二届(2030)某某创新大会", "heldIn", "上海市")}),
    # a stock code the site put after a company's name ends the name: no event named
    ("5月5日，某某(600000)论坛在上海开幕。", set()),
    # a body named by its structure convenes a press conference named after it
    ("3月26日，山东省人民政府新闻办公室举行新闻发布会。",
     {("山东省人民政府新闻办公室新闻发布会", "heldOn", "2021-03-26"),
      ("山东省人民政府新闻办公室新闻发布会", "organizedBy", "山东省人民政府新闻办公室")}),
    # ...also with the time, the place or whom it is for between the convener and its verb
    ("山东省人民政府新闻办公室7日下午举行新闻发布会。",
     {("山东省人民政府新闻办公室新闻发布会", "heldOn", "2021-12-07"),
      ("山东省人民政府新闻办公室新闻发布会", "organizedBy", "山东省人民政府新闻办公室")}),
    ("商务部今天在北京举行新闻发布会。",
     {("商务部新闻发布会", "heldOn", "2021-12-25"), ("商务部新闻发布会", "heldIn", "北京市"),
      ("商务部新闻发布会", "organizedBy", "商务部")}),
    # a name of common words only (干部大会, 欢迎座谈会) is completed by its convener
    ("5月7日，某某集团召开干部大会。",
     {("某某集团干部大会", "heldOn", "2021-05-07"), ("某某集团干部大会", "organizedBy", "某某集团")}),
    ("5月7日，省工商联为考察团举行欢迎座谈会。",
     {("省工商联欢迎座谈会", "heldOn", "2021-05-07")}),
    # ...but a name of its own is kept as written
    ("5月7日，某某集团召开第三届东湖论坛。",
     {("第三届东湖论坛", "heldOn", "2021-05-07"), ("第三届东湖论坛", "organizedBy", "某某集团")}),
    # an event named to say when another one takes place (…闭幕后，) holds no facts
    ("1月29日，东山县第十五届人民代表大会第三次会议闭幕后，商务部在北京举行新闻发布会。",
     {("商务部新闻发布会", "heldOn", "2021-01-29"), ("商务部新闻发布会", "heldIn", "北京市"),
      ("商务部新闻发布会", "organizedBy", "商务部")}),
    # 人民代表大会 is a name, not a delegate (代表) before one
    ("1月5日，东山县第十五届人民代表大会第三次会议在东山县开幕。",
     {("东山县第十五届人民代表大会第三次会议", "heldOn", "2021-01-05"),
      ("东山县第十五届人民代表大会第三次会议", "heldIn", "东山县")}),
    # a day's date before a name is when it was held, not part of the name
    ("措施已于3月28日省政府第29次常务会议审议通过。",
     {("省政府第29次常务会议", "heldOn", "2021-03-28")}),
]


@pytest.mark.parametrize("text,expected", BRACKETED)
def test_names_with_brackets_and_structural_conveners(resources, text, expected):
    assert triples(events.extract(make_article(text), resources)) == expected


EDGES = [
    # time words and 宣布 are not part of a name
    ("今天上午十三届全国人大三次会议在京开幕。",
     {("十三届全国人大三次会议", "heldIn", "北京市"), ("十三届全国人大三次会议", "heldOn", "2021-12-25")}),
    # a byline in brackets before the name (本报某地某日电（记者某某）) is not part of it
    ("本报南宁5月5日电（记者张某）第二届中国某某博览会在南宁开幕。",
     {("第二届中国某某博览会", "heldIn", "南宁市"), ("第二届中国某某博览会", "heldOn", "2021-05-05")}),
    # 开幕大会 alone is the opening of the event the article is about
    ("5月5日，第14届中国某某博览会在南宁开幕，某某副总理张某丽出席开幕大会并发表主旨演讲。",
     {("张某丽", "speaksAt", "第14届中国某某博览会"), ("第14届中国某某博览会", "heldIn", "南宁市"),
      ("第14届中国某某博览会", "heldOn", "2021-05-05")}),
    # a name ends in 会议, not in the 年会 inside it
    ("由某某协会主办的“东湖论坛”2030年会议7日在北京开幕，协会会长李某明出席开幕式并发表演讲。",
     {("“东湖论坛”2030年会议", "organizedBy", "某某协会"), ("“东湖论坛”2030年会议", "heldIn", "北京市"),
      ("“东湖论坛”2030年会议", "heldOn", "2021-12-07"), ("李某明", "speaksAt", "“东湖论坛”2030年会议")}),
    # an apposition's dash ends the name (盛会——)
    ("12月7日，行业最高级别的盛会——第八届某某研究大会在北京开幕。某部副部长张某明出席了开幕式。",
     {("第八届某某研究大会", "heldIn", "北京市"), ("第八届某某研究大会", "heldOn", "2021-12-07"),
      ("张某明", "attends", "第八届某某研究大会")}),
    # 大会开幕仪式: the opening of the event the article is about
    ("12月7日，第四届某某会长大会在杭州开幕。大会开幕仪式由某市政协主席杨某明主持。",
     {("第四届某某会长大会", "heldIn", "杭州市"), ("第四届某某会长大会", "heldOn", "2021-12-07"),
      ("杨某明", "speaksAt", "第四届某某会长大会")}),
    # a letter to the event (致论坛年会贺信) names no event of its own
    ("12月7日，第四届某某论坛年会在杭州开幕。会上，某某副委员长王某明宣读了贺信。"
     "某某主席致论坛年会贺信说，要加强合作。",
     {("第四届某某论坛年会", "heldIn", "杭州市"), ("第四届某某论坛年会", "heldOn", "2021-12-07"),
      ("王某明", "speaksAt", "第四届某某论坛年会")}),
]


@pytest.mark.parametrize("text,expected", EDGES)
def test_event_names_end_where_the_event_does(resources, text, expected):
    article = make_article(text)
    found = triples(list(events.extract(article, resources))
                    + list(participation.extract(article, resources)))
    assert found == expected


@pytest.mark.parametrize("text", [
    "5月5日，某某论坛在杭州开幕。某某委员会副主任陈某立宣布大会开幕。",
    # 致 before the event: a letter to it (致论坛年会贺信), the name starts after it
    "5月5日，某某论坛在杭州开幕。会上，某某副委员长王某明宣读了某某主席致论坛年会贺信。",
])
def test_a_verb_before_an_event_noun_is_no_name(resources, text):
    article = make_article(text)
    from kg.mentions import events as event_mentions
    tracked = event_mentions.track(article, resources)
    names = {m.name for s in tracked for m in s.mentions if m.name}
    assert names == {"某某论坛"}


SAME_DAY = [
    # 当天 and 同日 are the day the article stated last, not the day it was published
    ("5月5日，第三届某某峰会在杭州开幕。当天下午，某某论坛在杭州举行。",
     {("某某论坛", "heldOn", "2021-05-05"), ("第三届某某峰会", "heldOn", "2021-05-05")}),
    ("5月5日，第三届某某峰会在杭州开幕。同日，某某论坛在杭州举行。",
     {("某某论坛", "heldOn", "2021-05-05"), ("第三届某某峰会", "heldOn", "2021-05-05")}),
    # with no day stated before, 当天 is the article's day
    ("某某论坛当天在杭州举行。", {("某某论坛", "heldOn", "2021-12-25")}),
]


@pytest.mark.parametrize("text,expected", SAME_DAY)
def test_the_same_day_is_the_day_last_stated(resources, text, expected):
    found = triples(events.extract(make_article(text), resources))
    assert {t for t in found if t[1] == "heldOn"} == expected


def test_an_alias_the_article_defines_is_no_event_of_its_own(resources):
    text = "第二届某某大会（以下简称“大会”）5月5日在杭州开幕。市长张某在大会上致辞。"
    article = make_article(text)
    found = triples(list(events.extract(article, resources))
                    + list(participation.extract(article, resources)))
    assert found == {("第二届某某大会", "heldIn", "杭州市"), ("第二届某某大会", "heldOn", "2021-05-05"),
                     ("张某", "speaksAt", "第二届某某大会")}


@pytest.mark.parametrize("text", [
    "某某市议会议长工藤某出席。",          # 会议 across 议会 and 议长
    "某某市议会议员张某出席。",
    "某某国际会议中心位于市区东部。",     # a venue, not a meeting
    "会议室里坐满了人。",
])
def test_meeting_inside_other_words_is_no_event(resources, text):
    from kg.mentions import events as event_mentions
    assert event_mentions.find(text, resources) == []


@pytest.mark.parametrize("text,speaker", [
    ("2030某某论坛5月5日在杭州举行。某某研究院院长王某作题为《某某》的报告。", "王某"),
    ("2030某某表彰大会5月5日在杭州举行。某某局副局长王某宣读表彰决定。", "王某"),
])
def test_reports_and_readings_are_speaking(resources, text, speaker):
    found = triples(participation.extract(make_article(text), resources))
    assert {p for s, p, _o in found if s == speaker} == {"speaksAt"}


SIGNING = "某省人民政府和某某银行股份有限公司战略合作协议签署仪式"


@pytest.mark.parametrize("text,expected", [
    # a short second mention is the one named event it ends
    ("5月6日，" + SIGNING + "在杭州举行。省长王某远出席签署仪式并致辞。副省长赵某燕主持签署仪式。",
     {("王某远", "speaksAt", SIGNING), ("赵某燕", "speaksAt", SIGNING)}),
    # 做 a keynote, as 作
    ("2030东方金融论坛在杭州举行。论坛期间，某某银行行长李某生做主旨演讲。",
     {("李某生", "speaksAt", "2030东方金融论坛")}),
])
def test_speakers_at_the_event_named_before(resources, text, expected):
    assert triples(participation.extract(make_article(text), resources)) == expected


def test_a_short_mention_with_two_longer_events_stays_apart(resources):
    text = ("某市和某银行签约仪式与某县和某集团签约仪式先后举行。市长王某远出席签约仪式并致辞。")
    found = triples(participation.extract(make_article(text), resources))
    assert ("王某远", "speaksAt", "某市和某银行签约仪式") not in found
    assert ("王某远", "speaksAt", "某县和某集团签约仪式") not in found


FORUM5 = "2030东湖金融论坛在南港举行。"


@pytest.mark.parametrize("text", [
    # a plan is no presence
    FORUM5 + "东湖市市长王某远将出席论坛并发表主旨演讲，白杨银行行长李某刚将出席论坛。",
    FORUM5 + "白杨银行行长李某刚拟于明天在论坛上致辞。",
    # a statement in an interview
    FORUM5 + "白杨银行行长李某刚在接受记者采访时表示，论坛很成功。",
])
def test_plans_and_interviews_are_no_presence(resources, text):
    assert triples(participation.extract(make_article(text), resources)) == set()


def test_who_convenes_a_meeting_does_not_speak_at_it(resources):
    text = ("青松科技股份有限公司第二届董事会第十三次会议于2030年2月19日在公司会议室召开。"
            "本次会议由董事长王某远先生召集，由董事会秘书李某刚先生主持。")
    found = triples(participation.extract(make_article(text), resources))
    assert ("李某刚", "speaksAt", "青松科技股份有限公司第二届董事会第十三次会议") in found
    assert not {t for t in found if t[0] == "王某远"}


@pytest.mark.parametrize("text,expected", [
    # 甲参加乙举办的…: 乙 holds it
    ("青松科技股份有限公司参加白杨集团有限公司举办的2030年度集体业绩说明会。",
     {("2030年度集体业绩说明会", "organizedBy", "白杨集团有限公司")}),
    # two parties that hold talks: neither is named as the host, and no glued body
    ("青松投资有限公司与东湖区人民政府举行战略合作框架协议签约仪式。", set()),
])
def test_organisers_among_participants(resources, text, expected):
    found = {t for t in triples(events.extract(make_article(text), resources))
             if t[1] == "organizedBy"}
    assert found == expected


@pytest.mark.parametrize("text,event", [
    # a title in 《》 inside the name
    ("2030年《东湖财经》全球论坛在南港开幕。白杨银行行长李某刚出席论坛并致辞。", "2030年《东湖财经》全球论坛"),
    # an award's name before 颁奖典礼: 成就 holds 就 as a word, not the preposition
    ("第三届东湖企业成就奖颁奖典礼在南港举行。白杨银行行长李某刚出席颁奖典礼并致辞。", "第三届东湖企业成就奖颁奖典礼"),
])
def test_event_names_that_hold_marks_and_awards(resources, text, event):
    assert triples(participation.extract(make_article(text), resources)) == {
        ("李某刚", "speaksAt", event)}


def test_the_event_that_frames_a_statement(resources):
    # 在…举行的发布会上: the press conference is named after its convener, and the speaker
    # speaks there, not at the summit the statement is about
    text = ("2030年6月3日，第三届东湖金融峰会在南港开幕。在6月2日上午东湖市新闻办举行的新闻发布会上，"
            "东湖市金融局副局长王某远表示，峰会筹备就绪。")
    found = triples(participation.extract(make_article(text), resources))
    assert found == {("王某远", "speaksAt", "东湖市新闻办新闻发布会")}


def test_a_convener_after_a_verb_of_attending(resources):
    text = "女士们、先生们，欢迎出席国务院新闻办今天举办的吹风会。"
    found = {t[0] for t in triples(events.extract(make_article(text), resources))}
    assert found == {"国务院新闻办吹风会"}


SIGNED = "某集团与东湖市人民政府战略合作框架协议签约仪式"


def test_a_signing_reported_by_its_verb_alone(resources):
    text = ("5月8日，某集团与东湖市人民政府在南港签署战略合作框架协议。东湖市市长王某远、某集团董事长"
            "李某刚出席签约仪式。东湖市副市长赵某平主持签约仪式。")
    article = make_article(text)
    assert triples(participation.extract(article, resources)) == {
        ("王某远", "attends", SIGNED), ("李某刚", "attends", SIGNED), ("赵某平", "speaksAt", SIGNED)}
    assert (SIGNED, "heldOn", "2021-05-08") in triples(events.extract(article, resources))


def test_a_signing_with_no_ceremony_mentioned_is_no_event(resources):
    text = "5月8日，某集团与东湖市人民政府签署战略合作框架协议。东湖市市长王某远表示，合作前景广阔。"
    assert triples(events.extract(make_article(text), resources)) == set()
