"""Articles in traditional characters are read by the same rules as simplified ones."""
from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from rdflib import RDFS

import kg
from kg.sources.body import text_paragraphs
from kg.vocab import KG, RELATIONS

SEED = Path(__file__).parent / "fixtures" / "qianzhao-cities-2021.md"


def facts(graph) -> set[tuple[str, str, str]]:
    def label(node):
        return str(graph.value(node, RDFS.label) or node)

    return {(label(s), p.split("#")[-1], label(o))
            for p in (KG[r] for r in RELATIONS if r != "locatedIn")
            for s, o in graph.subject_objects(p)}


def test_the_seed_in_traditional_characters_gives_the_seed_facts(tmp_path):
    traditional = tmp_path / "seed-traditional.md"
    traditional.write_text(opencc.OpenCC("s2t").convert(SEED.read_text("utf-8")), "utf-8")
    assert "韓夏" in traditional.read_text("utf-8") and "千兆城市" in traditional.read_text("utf-8")
    simplified_facts = facts(kg.build(SEED))
    graph = kg.build(traditional)
    assert len(simplified_facts) > 30
    # labels come out in simplified characters, so both scripts merge into one node
    assert facts(graph) == simplified_facts
    # the evidence quotes the article as written
    sentences = {str(s) for s in graph.objects(None, KG.sentence)}
    assert any("工業和信息化部總工程師韓夏出席會議並致辭" in s for s in sentences), sentences


def test_pinyin_glosses_after_characters_are_dropped(tmp_path):
    page = tmp_path / "glossed.md"
    page.write_text("---\ntitle: 新聞\ndate: 2030-05-06\n---\n"
                    "<p>甲乙集團(tuán)有限公司董事長(zhǎng)王明遠出席了2030年科技(jì)創新大會(huì)。"
                    "會上，他談到了AI(人工智能)。</p>\n", "utf-8")
    graph = kg.build(page)
    labels = {str(o) for o in graph.objects(None, RDFS.label)}
    assert "甲乙集团有限公司" in labels and "王明远" in labels, labels
    assert not any("(" in label for label in labels), labels
    sentences = " ".join(str(s) for s in graph.objects(None, KG.sentence))
    assert "集團有限公司" in sentences and "(tuán)" not in sentences


@pytest.mark.parametrize("text", ["他谈到了AI(人工智能)", "某公司(CEO)", "会议(2030)", "某品牌(app)"])
def test_brackets_that_are_no_glosses_stay(text):
    assert text_paragraphs(text) == [text]
