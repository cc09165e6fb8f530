"""documents: organisations publishing documents."""
from __future__ import annotations

import pytest

from kg.extractors import documents
from tests.conftest import make_article, triples

DOC = "“双千兆”网络协同发展行动计划(2021-2023年)"

CASES = [
    # a speaker publishing on behalf of a body: the body publishes
    ("某某副厅长王某并代表浙江省经济和信息化厅发布了《某某案例集》。",
     {("浙江省经济和信息化厅", "publishes", "某某案例集")}),
    # 会同: both bodies publish; 制定 before the verb is drafting, no part of a publisher
    ("湖南省商务厅会同湖南省财政厅制定出台了《某某若干措施》。",
     {(o, "publishes", "某某若干措施") for o in ("湖南省商务厅", "湖南省财政厅")}),
    ("工业和信息化部今年印发《“双千兆”网络协同发展行动计划（2021-2023年）》，并启动评估工作。",
     {("工业和信息化部", "publishes", DOC)}),
    # several publishers, abbreviations, 联合
    ("日前，工信部联合发改委、财政部公布了《2023年度智能制造示范工厂揭榜单位名单》。",
     {(o, "publishes", "2023年度智能制造示范工厂揭榜单位名单")
      for o in ("工业和信息化部", "国家发展和改革委员会", "财政部")}),
    ("8月1日，国家发展改革委、工业和信息化部、生态环境部联合印发《工业领域碳达峰实施方案》。",
     {(o, "publishes", "工业领域碳达峰实施方案")
      for o in ("工业和信息化部", "国家发展和改革委员会", "生态环境部")}),
    # "and other departments" names nobody more
    ("工业和信息化部、财政部等五部门联合发布《电子信息制造业稳增长行动方案》。",
     {(o, "publishes", "电子信息制造业稳增长行动方案") for o in ("工业和信息化部", "财政部")}),
    # when and where between the publishers and the verb
    ("中国企业联合会、中国企业家协会8月30日在沈阳发布2012中国企业500强,中石化领跑榜单。",
     {(o, "publishes", "2012中国企业500强") for o in ("中国企业联合会", "中国企业家协会")}),
    # an unquoted document ending in a document noun
    ("12月17日，文化和旅游部公布了第三批国家全域旅游示范区名单。",
     {("文化和旅游部", "publishes", "第三批国家全域旅游示范区名单")}),
    # a signature block signs the notice named above it
    ("关于印发《测试行动方案》的通知\n现将方案印发给你们。\n生态环境部 财政部\n2020年10月30日",
     {("生态环境部", "publishes", "测试行动方案"), ("财政部", "publishes", "测试行动方案")}),
]

NEGATIVE = [
    "会议通过了《2022年G20可持续金融报告》。",
    "《长三角地区行动方案》印发。",
    "记者从会上获悉，方案将于明年发布。",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_documents(resources, text, expected):
    assert triples(documents.extract(make_article(text), resources)) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_documents(resources, text):
    assert list(documents.extract(make_article(text), resources)) == []


MORE = [
    # a relative clause: the body publishes the list named after 发布的, up to the noun
    ("在中央文明委日前发布的第二届全国文明校园名单中，我省有多所学校上榜。",
     {("中央精神文明建设指导委员会", "publishes", "第二届全国文明校园名单")}),
    # a body's website publishes for it; 拟认定的 stays part of the list's name
    ("工业和信息化部网站公布拟认定的第九批制造业单项冠军名单。",
     {("工业和信息化部", "publishes", "拟认定的第九批制造业单项冠军名单")}),
    # a dateline and a date before the publisher are not part of its name
    ("新华社北京2月22日电国家统计局22日发布了《2030年统计公报》。",
     {("国家统计局", "publishes", "2030年统计公报")}),
    ("本月20日某某省人民政府公布《某某办法》。", {("某某省人民政府", "publishes", "某某办法")}),
]


@pytest.mark.parametrize("text,expected", MORE)
def test_more_publishers(resources, text, expected):
    assert triples(documents.extract(make_article(text), resources)) == expected


CARRIED = [
    # 该部 is the ministry of the statement before
    ("商务部日前印发《某某工作方案》。同日，该部还印发了《某某管理办法》。",
     {("商务部", "publishes", "某某工作方案"), ("商务部", "publishes", "某某管理办法")}),
    # a clause with no subject but adverbs goes on with the publisher before it
    ("商务部日前印发《某某工作方案》，随后又发布了《某某指南》。",
     {("商务部", "publishes", "某某工作方案"), ("商务部", "publishes", "某某指南")}),
    # 上述部门: every body of the statement before
    ("商务部、财政部联合印发《甲方案》。同日，上述部门还发布了《乙指南》。",
     {(b, "publishes", d) for b in ("商务部", "财政部") for d in ("甲方案", "乙指南")}),
    # the passive: the document first, its publishers after 由
    ("《某某办法》近日由国务院办公厅和商务部联合印发。",
     {("国务院办公厅", "publishes", "某某办法"), ("商务部", "publishes", "某某办法")}),
    # a clause whose subject is someone else does not carry the publisher
    ("商务部印发《甲方案》。记者注意到，还发布了《乙指南》。", {("商务部", "publishes", "甲方案")}),
    # a body named more than three sentences back is not the one meant
    ("商务部印发《甲方案》。第二句。第三句。第四句。同日，该部还印发了《乙办法》。",
     {("商务部", "publishes", "甲方案")}),
]


@pytest.mark.parametrize("text,expected", CARRIED)
def test_publishers_carried_and_passive(resources, text, expected):
    assert triples(documents.extract(make_article(text), resources)) == expected


FINANCE = [
    # an adverb before the verb; a relative province body
    ("近日，某省委宣传部、某省政府新闻办公室公开发布了某省2030年新闻发言人名单。",
     {("某省委宣传部", "publishes", "某省2030年新闻发言人名单"),
      ("某省政府新闻办公室", "publishes", "某省2030年新闻发言人名单")}),
    # 发表 a white paper
    ("某部新闻办公室发表《中国某某状况》白皮书。", {("某部新闻办公室", "publishes", "中国某某状况")}),
    # 根据…发布的《关于印发X的通知》: the publisher in a relative clause, the document X
    ("根据某省工业和信息化厅发布的《关于印发第四批专精特新“小巨人”企业名单的通知》，东禾电子被认定。",
     {("某省工业和信息化厅", "publishes", "第四批专精特新“小巨人”企业名单")}),
    # a year before 《》; a note after the publisher
    ("东方品牌研究院发布2030年《东方500最具价值品牌》。",
     {("东方品牌研究院", "publishes", "东方500最具价值品牌")}),
    ("东方品牌研究院(East Brand Institute)发布《东方500最具价值品牌》。",
     {("东方品牌研究院", "publishes", "东方500最具价值品牌")}),
    ("某某股份转让系统有限责任公司(简称“某某股转公司”)发布《挂牌公司信息披露规则》。",
     {("某某股份转让系统有限责任公司", "publishes", "挂牌公司信息披露规则")}),
    # an unquoted convention
    ("某某商业协会于近日发布了协会自律公约。", {("某某商业协会", "publishes", "协会自律公约")}),
    # 将…予以公告: the document after 将
    ("某某部等四部门将2030年度智能制造示范工厂名单予以公告。",
     {("某某部", "publishes", "2030年度智能制造示范工厂名单")}),
    # a notice's heading line names the bodies one after another
    ("某某市发展和改革委员会 某某市规划和自然资源局 关于印发某某市社区服务设施建设实施方案的通知",
     {("某某市发展和改革委员会", "publishes", "某某市社区服务设施建设实施方案"),
      ("某某市规划和自然资源局", "publishes", "某某市社区服务设施建设实施方案")}),
    # a speech titled in 《》 is no document
    ("某某集团董事长王某发表题为《共创未来》的主旨演讲。", set()),
    ("我们将继续做好名单公布工作。", set()),
]


@pytest.mark.parametrize("text,expected", FINANCE)
def test_finance_news_publishers(resources, text, expected):
    assert triples(documents.extract(make_article(text), resources)) == expected
