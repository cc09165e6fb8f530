"""awards: places and organisations given a title."""
from __future__ import annotations

import pytest

from kg.extractors import awards
from tests.conftest import make_article, triples

CASES = [
    ("包括北京、天津、上海、呼和浩特、青岛在内的5个城市获评“千兆城市”。",
     {(c, "awardedTitle", "千兆城市") for c in ("北京市", "天津市", "上海市", "呼和浩特市", "青岛市")}),
    # a place path names its most specific unit; the title word 称号 is not part of the title
    ("湖北省咸宁市通山县、黄冈市英山县等2家创建单位均喜获“国家全域旅游示范区”称号。",
     {("通山县", "awardedTitle", "国家全域旅游示范区"), ("英山县", "awardedTitle", "国家全域旅游示范区")}),
    ("神农架林区近日获评“国家全域旅游示范区”称号。", {("神农架林区", "awardedTitle", "国家全域旅游示范区")}),
    # the active voice: ORG 授予 N个城市 …称号, with the list set out line by line below
    ("近日，国家林业和草原局授予3个城市“国家森林城市”称号。\n这3个城市名单包括\n"
     "北京市石景山区、门头沟区\n河北省邢台市",
     {("石景山区", "awardedTitle", "国家森林城市"), ("门头沟区", "awardedTitle", "国家森林城市"),
      ("邢台市", "awardedTitle", "国家森林城市")}),
    # numbered lines
    ("工业和信息化部授予2个城市“千兆城市”称号。\n名单如下：\n1.山东省青岛市\n2.四川省绵阳市",
     {("青岛市", "awardedTitle", "千兆城市"), ("绵阳市", "awardedTitle", "千兆城市")}),
    # 入选 with no object: the list is the document named just before
    ("工信部公布了《2023年度智能制造示范工厂揭榜单位名单》。我市金泽云岭乳粉智能制造示范工厂成功入选。",
     {("金泽云岭乳粉智能制造示范工厂", "awardedTitle", "2023年度智能制造示范工厂揭榜单位名单")}),
    # a list in book-title marks, and an organisation as the awardee
    ("金泽云岭乳粉智能制造示范工厂入选《2023年度智能制造示范工厂揭榜单位名单》。",
     {("金泽云岭乳粉智能制造示范工厂", "awardedTitle", "2023年度智能制造示范工厂揭榜单位")}),
    # unquoted, the title says it is one (…名单, …称号)
    ("杭州市余杭区入选第二批国家全域旅游示范区名单。",
     {("余杭区", "awardedTitle", "国家全域旅游示范区")}),  # the batch (第二批) is not the title
    ("青岛市荣获全国文明城市称号。", {("青岛市", "awardedTitle", "全国文明城市")}),
    # 上榜 with the list named before it, and a partial list (A、B等100个)
    ("日前，生态环境部公布第七批国家生态文明建设示范区名单，浙江省杭州市淳安县、江苏省南京市溧水区等100个地区上榜。",
     {("淳安县", "awardedTitle", "第七批国家生态文明建设示范区"),
      ("溧水区", "awardedTitle", "第七批国家生态文明建设示范区")}),
    # unmarked, a title ends in a word titles end in; who published the list is not part of it
    ("苏州获评国家历史文化名城，成为首批试点。", {("苏州市", "awardedTitle", "国家历史文化名城")}),
    ("泰州职业技术学院入选教育部第二批全国职业院校数字校园建设样板校。",
     {("泰州职业技术学院", "awardedTitle", "全国职业院校数字校园建设样板校")}),
    # an organisation is the awardee even when it has a place in its name and a note after it
    ("江苏泰瑞精工股份有限公司(以下简称“泰瑞精工”)入选工业和信息化部等四部门公布的"
     "2023年度智能制造示范工厂揭榜单位名单。",
     {("江苏泰瑞精工股份有限公司", "awardedTitle", "2023年度智能制造示范工厂揭榜单位")}),
    # lists set out under headings that name their titles, places grouped under provinces
    ("江苏省苏州市等2个城市被命名为国家生态园林城市，河北省正定县等2个县城被命名为国家园林县城。\n"
     "具体名单如下：\n一、国家生态园林城市（2个）\n江苏省：苏州市、扬州市\n"
     "二、国家园林县城（2个）\n河北省：正定县\n浙江省：安吉县",
     {("苏州市", "awardedTitle", "国家生态园林城市"), ("扬州市", "awardedTitle", "国家生态园林城市"),
      ("正定县", "awardedTitle", "国家园林县城"), ("安吉县", "awardedTitle", "国家园林县城")}),
    # numbered organisations, each perhaps with a note
    ("3家单位成为首批5G应用安全创新示范中心。名单如下：\n1. 北京邮电大学（5G应用安全方向）\n"
     "2. 东南大学（工业互联网安全方向）\n3. 华为技术有限公司",
     {(o, "awardedTitle", "5G应用安全创新示范中心") for o in ("北京邮电大学", "东南大学", "华为技术有限公司")}),
    # newly elected academicians with their institutions
    ("新当选的中国科学院院士:景一鹏(数学物理学部,上海交通大学)、唐永(化学部,同济大学)。",
     {("景一鹏", "awardedTitle", "中国科学院院士"), ("唐永", "awardedTitle", "中国科学院院士"),
      ("景一鹏", "worksFor", "上海交通大学"), ("唐永", "worksFor", "同济大学")}),
]

NEGATIVE = [
    "文化和旅游部公布了第三批国家全域旅游示范区名单，其中湖北省五地上榜。",
    # a relative clause (入选…的轴承企业) describes a company; it names no title
    "永和轴承则是溧阳首家入选国家级“小巨人”的轴承企业。",
    # 入选 with no object takes a list named before, never a notice
    "住房和城乡建设部印发《关于命名国家园林城市的通报》。马鞍山市和县此次以县城身份入选。",
    # approved to work towards a title is not holding it
    "泰兴市已获批创建国家森林城市。",
    # no named awardee
    "这家企业荣获“中国专利金奖”。",
    # the count says 5 but only a province is named: the province is not the awardee
    "此次湖北5地获评国家全域旅游示范区。",
    # addressees of a notice are not awardees
    "南京、无锡、徐州市人民政府：",
    # a standard reached is not a title awarded
    "我国15个省的29个城市达到了千兆城市评价标准。",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_awards(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_awards(resources, text):
    assert list(awards.extract(make_article(text), resources)) == []


def test_awarded_places_carry_their_code(resources):
    facts = list(awards.extract(make_article("青岛获评“千兆城市”。"), resources))
    assert [(f.subject.kind, f.subject.key) for f in facts] == [("City", "370200")]


# Lists read by the enumeration parser (kg/mentions/lists.py). Sentences of our own.
LIST_CASES = [
    # headings that name the title and count the lines below; a sub-heading whose count fits
    # inside the title's count is a category of it, not a title
    ("附件\n第九届全国文明城市名单（3个）\n省会城市（2个）\n河北省石家庄市\n青海省西宁市\n"
     "直辖市城区（1个）\n上海市徐汇区",
     {(c, "awardedTitle", "第九届全国文明城市") for c in ("石家庄市", "西宁市", "徐汇区")}),
    # several titles named in one sentence, each with its own list
    ("现决定命名山东省威海市等5个城市为国家生态园林城市、安徽省黄山市等30个城市为国家园林城市。",
     {("威海市", "awardedTitle", "国家生态园林城市"), ("黄山市", "awardedTitle", "国家园林城市")}),
    # a list under a heading that names no title takes the one the article named
    ("经研究，决定命名北京市海淀区某某镇等3个乡镇为国家卫生乡镇(县城)。\n命名名单(江西省)\n"
     "南昌市:蒋巷镇、黄马乡\n九江市:永修县城",
     {("某某镇", "awardedTitle", "国家卫生乡镇(县城)"), ("蒋巷镇", "awardedTitle", "国家卫生乡镇(县城)"),
      ("黄马乡", "awardedTitle", "国家卫生乡镇(县城)"), ("永修县城", "awardedTitle", "国家卫生乡镇(县城)")}),
    # a count taken up again after a colon: 这3个城市是
    ("北京市平谷区等3个城市日前被授予“国家森林城市”称号。这3个城市是：北京市平谷区，"
     "浙江省舟山市和江山市。",
     {(c, "awardedTitle", "国家森林城市") for c in ("平谷区", "舟山市", "江山市")}),
    # the title quoted before the colon
    ("三个受表彰的“年度发展成效先进县(市)”依次是：新郑市、林州市、禹州市。",
     {(c, "awardedTitle", "年度发展成效先进县(市)") for c in ("新郑市", "林州市", "禹州市")}),
    # 上榜T的学校分别是: schools, typed by their head nouns
    ("上榜第二届全国文明校园的学校分别是：某某师范大学、某某市第三中学、某某县实验小学。",
     {(c, "awardedTitle", "第二届全国文明校园") for c in ("某某师范大学", "某某市第三中学", "某某县实验小学")}),
    # a ranking's heading, then the places that made it (the edition's year is not part of the title)
    ("2030中国特色旅游城市排行榜\n烟台、洛阳、扬州等30座城市上榜。",
     {(c, "awardedTitle", "中国特色旅游城市排行榜") for c in ("烟台市", "洛阳市", "扬州市")}),
    ("在同期发布的全国综合竞争力百强区榜单中，广州市天河区、深圳市南山区和福田区位列前三。",
     {(c, "awardedTitle", "全国综合竞争力百强区") for c in ("天河区", "南山区", "福田区")}),
    # companies without a legal suffix, typed by the category noun after 等
    ("甲乙医药集团、丙丁化工、戊己贸易等3家企业入选服务业百强。",
     {(c, "awardedTitle", "服务业百强") for c in ("甲乙医药集团", "丙丁化工", "戊己贸易")}),
    # a table of people: name, then employer and post
    ("名单如下：\n全国五一劳动奖章\n王 刚 某某机械有限公司总工程师\n李明 某某大学附属医院医生",
     {("王刚", "awardedTitle", "全国五一劳动奖章"), ("李明", "awardedTitle", "全国五一劳动奖章"),
      ("王刚", "jobTitle", "总工程师"), ("王刚", "worksFor", "某某机械有限公司"),
      ("李明", "jobTitle", "医生"), ("李明", "worksFor", "某某大学附属医院")}),
    # a list of lines after a colon line takes the ranking named just before
    ("榜单显示，江苏省昆山市连续多年位居全国综合实力百强县市榜首。排名前三的县市依次为：\n"
     "1.江苏省昆山市\n2.江苏省江阴市\n3.福建省晋江市",
     {(c, "awardedTitle", "全国综合实力百强县市") for c in ("昆山市", "江阴市", "晋江市")}),
]

LIST_CASES += [
    # the active voice with the list after the verb, people and bodies by their category nouns
    ("市委、市政府决定授予赵某某、钱某某等50名同志“某市劳动模范”荣誉称号；授予某某县、"
     "某某区发改局等12家单位“某市模范集体”荣誉称号。",
     {("赵某某", "awardedTitle", "某市劳动模范"), ("钱某某", "awardedTitle", "某市劳动模范"),
      ("某某县", "awardedTitle", "某市模范集体"), ("某某区发改局", "awardedTitle", "某市模范集体")}),
    # the passive with its agent: 被全国总工会授予 (the agent is no awardee), an unquoted title
    ("某某市税务局、某某勘测有限公司等12家单位日前被全国总工会授予全国五一劳动奖状。",
     {("某某市税务局", "awardedTitle", "全国五一劳动奖状"),
      ("某某勘测有限公司", "awardedTitle", "全国五一劳动奖状")}),
    # people with their posts in a list; a count without 等
    ("某某装备有限公司数控车工范某辉、某某街道西堡社区人民调解员李某叶等43人荣获全国五一劳动奖章。",
     {("范某辉", "awardedTitle", "全国五一劳动奖章"), ("李某叶", "awardedTitle", "全国五一劳动奖章"),
      # a post the titles lack (数控车工), after its unit
      ("范某辉", "jobTitle", "数控车工"), ("范某辉", "worksFor", "某某装备有限公司")}),
    # (the batch is not part of the title)
    ("本市甲乙冷却塔股份有限公司和丙丁减速机股份有限公司2家企业近日上榜第八批制造业单项冠军。",
     {("甲乙冷却塔股份有限公司", "awardedTitle", "制造业单项冠军"),
      ("丙丁减速机股份有限公司", "awardedTitle", "制造业单项冠军")}),
]

LIST_CASES += [
    # a count and a title, then the items after 分别是 (no colon), or after a colon
    ("某省有10座国家园林城市，分别是杭州市、宁波市、温州市。",
     {(c, "awardedTitle", "国家园林城市") for c in ("杭州市", "宁波市", "温州市")}),
    ("有5个城市入选全国文明城市，分别是：杭州市(首次入选)、宁波市(复查确认)。",
     {(c, "awardedTitle", "全国文明城市") for c in ("杭州市", "宁波市")}),
    # the rest of a list counted in the sentence before
    ("某省有10座国家园林城市。另3座分别是：嘉兴市、湖州市、绍兴市。",
     {(c, "awardedTitle", "国家园林城市") for c in ("嘉兴市", "湖州市", "绍兴市")}),
    # T有3个，甲是其中之一，另两个是乙和丙
    ("全国文明城市有3个，杭州是其中之一，另两个是宁波和温州。",
     {(c, "awardedTitle", "全国文明城市") for c in ("杭州市", "宁波市", "温州市")}),
    # 入选T的有…, T包括…等
    ("入选2030年度中国城市榜单的有杭州、宁波。",
     {(c, "awardedTitle", "2030年度中国城市榜单") for c in ("杭州市", "宁波市")}),
    ("全国文明城市包括杭州等。", {("杭州市", "awardedTitle", "全国文明城市")}),
    # the title a relative clause names, items led by their rank
    ("入围某地企业百强的3家本市企业分别是第40位甲乙石化、第60位丙丁集团、第64位戊己电器。",
     {(c, "awardedTitle", "某地企业百强") for c in ("甲乙石化", "丙丁集团", "戊己电器")}),
]

LIST_CASES += [
    # re-confirmed titles: 重新确认为, and a subject carried from the clause before
    ("我省甲市、乙市等5个城市重新确认为国家卫生城市；攸县、茶陵县通过复审，继续保留国家卫生县城称号。",
     {("甲市", "awardedTitle", "国家卫生城市"), ("乙市", "awardedTitle", "国家卫生城市"),
      ("攸县", "awardedTitle", "国家卫生县城"), ("茶陵县", "awardedTitle", "国家卫生县城")}),
    ("杭州市通过复查，继续保留全国文明城市称号。", {("杭州市", "awardedTitle", "全国文明城市")}),
    # people whose posts hold 、, listed with ；
    ("获评某省劳动模范的3人是：某某汽配有限公司总经理林某峰、某村党支部书记、村委会主任陈某福；"
     "某县某镇农民张某根。",
     {(n, "awardedTitle", "某省劳动模范") for n in ("林某峰", "陈某福", "张某根")}
     | {("林某峰", "jobTitle", "总经理"), ("陈某福", "jobTitle", "村委会主任"),
        ("林某峰", "worksFor", "某某汽配有限公司"), ("陈某福", "worksFor", "某村党支部")}),
    # collectives named by their head nouns (审判庭, 班)
    ("名单如下：\n全国三八红旗集体（2个）\n某市某区人民法院少年家事审判庭\n某某集团有限公司质检中心化验班",
     {("某市某区人民法院少年家事审判庭", "awardedTitle", "全国三八红旗集体"),
      ("某某集团有限公司质检中心化验班", "awardedTitle", "全国三八红旗集体")}),
]

LIST_NEGATIVE = [
    # counts by city are statistics, not a list of awardees
    "从城市看，上海27家，杭州22家，宁波7家。",
    # a list with no title anywhere near it
    "参加调研的有：南京市、苏州市、无锡市。",
    # one line under no heading is a signature, not a list
    "特此通知。\n全国某某委员会",
    # a place and a category noun count items; they name no title
    "入围的7家本市企业分别是甲乙石化、丙丁集团。",
]


@pytest.mark.parametrize("text,expected", LIST_CASES)
def test_list_awards(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", LIST_NEGATIVE)
def test_no_list_awards(resources, text):
    assert list(awards.extract(make_article(text), resources)) == []


def test_places_inside_company_names_are_not_awardees(resources):
    text = "江苏某某精工股份有限公司、浙江某某电器集团等2家企业荣获省级专精特新企业称号。"
    subjects = {s for s, _p, _o in triples(awards.extract(make_article(text), resources))}
    assert subjects == {"江苏某某精工股份有限公司", "浙江某某电器集团"}


@pytest.mark.parametrize("text,expected", [
    ("青禾科技（600321）12月1日公告，公司被认定为国家级专精特新“小巨人”企业。",
     {("青禾科技", "awardedTitle", "国家级专精特新“小巨人”企业")}),
    ("青禾科技(300456.SZ)发布公告称，公司入选国家级绿色工厂名单。",
     {("青禾科技", "awardedTitle", "国家级绿色工厂")}),
    # no company named: 公司 is nobody
    ("近日，公司入选国家级绿色工厂名单。", set()),
])
def test_the_listed_company_an_announcement_is_about(resources, text, expected):
    assert triples(awards.extract(make_article(text), resources)) == expected
