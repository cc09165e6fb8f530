"""Labels are the article's words: the rules read folded text, only the keys are folded."""
from __future__ import annotations

from rdflib import RDFS

import kg
from kg.vocab import KG

ARTICLE = """---
title: 测试
date: 2030-05-06 10:00:00
---
5月5日，第三届中国—某某博览会在南宁开幕。某某（北京）科技有限公司董事长王某明出席开幕式并致辞。
"""


def test_labels_keep_the_characters_the_article_writes(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, "utf-8")
    graph = kg.build(path)
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "第三届中国—某某博览会" in labels          # the em dash, not a folded hyphen
    assert "某某（北京）科技有限公司" in labels        # full-width brackets stay full-width
    (event,) = set(graph.objects(None, KG.speaksAt))
    assert str(graph.value(event, RDFS.label)) == "第三届中国—某某博览会"
