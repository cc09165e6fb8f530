"""Articles in traditional characters are read by the same rules as simplified ones."""
from __future__ import annotations

from pathlib import Path

import opencc
from rdflib import RDFS

import kg
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
