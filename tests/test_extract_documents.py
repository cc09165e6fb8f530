"""documents: organisations publishing documents."""
from __future__ import annotations

import pytest

from kg.extractors import documents
from tests.conftest import make_article, triples

DOC = "“双千兆”网络协同发展行动计划(2021-2023年)"

CASES = [
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
