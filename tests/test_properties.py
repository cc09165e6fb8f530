"""Property tests: whatever the text, the graph is valid RDF, and the reader fails only cleanly."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg import errors, pipeline, sources
from kg.errors import InputError, NoInputError
from kg.export import rdf
from kg.graph import build as build_graph
from kg.model import Entity, Evidence, Fact, Mention, Value
from kg.resolve import ResolvedFact
from kg.vocab import DEFAULT_BASE

# Decoded text never holds lone surrogates; everything else may come from a scraped page.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _oxigraph_triples(data: bytes) -> set[tuple[str, str, str]]:
    return {(str(t.subject), str(t.predicate), str(t.object))
            for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)}


def _rdflib_as_oxigraph(graph: Graph) -> set[tuple[str, str, str]]:
    data = rdf.serialize(graph, "nt")
    return {(str(t.subject), str(t.predicate), str(t.object))
            for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)}


@SETTINGS
@given(person=TEXT, org=TEXT, title=TEXT, sentence=TEXT)
def test_any_names_give_turtle_that_parses_back(person, org, title, sentence):
    entities = {
        "person/" + person: Entity("person/" + person, "Person", person, alt_labels=(title,)),
        "org/" + org: Entity("org/" + org, "GovernmentBody", org),
    }
    evidence = Evidence("a1", sentence, 0, len(sentence), "test")
    fact = Fact(Mention(person, "Person"), "worksFor", Mention(org, "GovernmentBody"), evidence)
    facts = [ResolvedFact("person/" + person, "worksFor", "org/" + org, fact),
             ResolvedFact("person/" + person, "jobTitle", Value(title),
                          Fact(fact.subject, "jobTitle", Value(title), evidence))]
    graph = build_graph(entities, facts, [], DEFAULT_BASE)
    data = rdf.serialize(graph, "turtle")
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)
    assert _oxigraph_triples(data) == _rdflib_as_oxigraph(graph)
    jsonld = rdf.serialize(graph, "jsonld")
    assert isomorphic(Graph().parse(data=jsonld, format="json-ld"), graph)


@SETTINGS
@given(body=TEXT, name=st.text(st.characters(exclude_categories=("Cs",)), min_size=2, max_size=6))
def test_any_article_text_gives_valid_turtle(resources, body, name):
    text = f"标题\n\n工业和信息化部总工程师{name}出席会议并致辞。{body}\n首届“{body}”高峰论坛在山东省青岛市举行。"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_text(text, encoding="utf-8")
        try:
            graph = pipeline.run([path], resources=resources).graph
        except NoInputError as exc:  # a NUL among the characters makes the file binary
            assert [e.reason for e in exc.errors] == [errors.BINARY] and "\0" in text
            return
    data = rdf.serialize(graph, "turtle")
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)
    assert _oxigraph_triples(data) == _rdflib_as_oxigraph(graph)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".md", ".html", ".htm", ".txt"]))
def test_the_reader_raises_nothing_but_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(data)
        try:
            article = sources.read(path)
        except InputError as exc:
            assert exc.path == str(path) and exc.reason
        else:
            assert article.text and all(article.text[s.start:s.end] == s.text
                                        for s in article.sentences)


@settings(max_examples=150, deadline=None)
@given(front=st.dictionaries(st.sampled_from(["title", "date", "categories", "author", "url", "x"]),
                             st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                                          lambda c: st.lists(c, max_size=3)
                                          | st.dictionaries(TEXT, c, max_size=2), max_leaves=5),
                             max_size=5),
       body=TEXT)
@example(front={"categories": 2021}, body="正文。")
@example(front={"categories": True, "tags": 5, "date": 7}, body="正文。")
def test_any_front_matter_values(front, body):
    """Whatever the front matter's values, the article is read: only its body can make it fail."""
    import yaml

    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n<p>" + body + "</p>\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.md"
        path.write_text(text, encoding="utf-8")
        try:
            article = sources.read(path)
        except InputError as exc:
            # the body may hold no text, or control bytes that make it binary; never the front matter
            assert exc.reason in (errors.NO_TEXT, errors.BINARY), exc.reason
            return
    assert article.text and article.title
    assert all(isinstance(c, str) for c in article.categories)
    categories = front.get("categories")
    if categories and not isinstance(categories, (list, dict)):  # false values name none
        assert article.categories == (str(categories),)
