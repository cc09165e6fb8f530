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
