"""The graph as CSV: plain tables with evidence, and the files Neo4j imports.

csv:   nodes.csv (one row per entity), edges.csv (one row per fact between entities, with its
       first evidence sentence, article and offsets, and how many sentences state it) and
       evidence.csv (every evidence sentence of every fact).
neo4j: nodes.csv and relationships.csv with the headers `neo4j-admin database import full`
       reads (`iri:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed properties such as
       `startOffset:int` and `aliases:string[]`, arrays split on ";"), and import.cypher, the
       same data through LOAD CSV for a running server (plain Cypher, no plugin).
Files are UTF-8 without BOM, written atomically.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from rdflib import Graph

from kg.export import atomic
from kg.export.tables import Tables, tables

NEO4J_ARRAY = ";"   # neo4j-admin's default --array-delimiter


def _rows_to_text(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def _write(path: Path, header: list[str], rows: list[list]) -> Path:
    atomic.write_text(path, _rows_to_text(header, rows))
    return path


def _one_line(text: str) -> str:
    # neo4j-admin reads a field with a line break only with --multiline-fields; none here
    return " ".join(str(text).split())


# ------------------------------------------------------------------------------ plain CSV

NODE_HEADER = ["id", "label", "type", "aliases", "code", "latitude", "longitude", "jobTitle",
               "heldOn"]
EDGE_HEADER = ["source", "target", "relation", "label", "source_label", "target_label",
               "sentence", "article", "headline", "date", "url", "start", "end", "evidence"]
EVIDENCE_HEADER = ["source", "relation", "target", "sentence", "article", "headline", "date",
                   "url", "start", "end", "extractor"]


def write_csv(graph: Graph | Tables, out_dir: Path) -> list[Path]:
    rows = graph if isinstance(graph, Tables) else tables(graph)
    names = {n.iri: n.label for n in rows.nodes}
    nodes = [[n.iri, n.label, n.type, "|".join(n.aliases), n.code, n.latitude, n.longitude,
              "|".join(n.job_titles), "|".join(n.held_on)] for n in rows.nodes]
    edges = []
    evidence = []
    for e in rows.edges:
        first = e.evidence[0] if e.evidence else None
        edges.append([e.source, e.target, e.relation, e.label, names[e.source], names[e.target],
                      *_evidence_cells(first), len(e.evidence)])
        for ev in e.evidence:
            evidence.append([e.source, e.relation, e.target, *_evidence_cells(ev),
                             ev.extractor])
    return [_write(out_dir / "nodes.csv", NODE_HEADER, nodes),
            _write(out_dir / "edges.csv", EDGE_HEADER, edges),
            _write(out_dir / "evidence.csv", EVIDENCE_HEADER, evidence)]


def _evidence_cells(ev) -> list:
    if ev is None:
        return ["", "", "", "", "", None, None]
    return [ev.sentence, ev.article, ev.headline, ev.date, ev.url, ev.start, ev.end]


# ------------------------------------------------------------------------------ Neo4j

NEO4J_NODE_HEADER = ["iri:ID", ":LABEL", "name", "type", "aliases:string[]", "code",
                     "latitude:double", "longitude:double", "jobTitle:string[]",
                     "heldOn:string[]"]
NEO4J_REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "relation", "label", "sentence",
                    "article", "headline", "date", "url", "startOffset:int", "endOffset:int",
                    "evidence:int"]


def neo4j_type(relation: str) -> str:
    """worksFor -> WORKS_FOR: Neo4j's convention for relationship types."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def _array(values: list[str]) -> str:
    return NEO4J_ARRAY.join(_one_line(v).replace(NEO4J_ARRAY, "；") for v in values)


def write_neo4j(graph: Graph | Tables, out_dir: Path) -> list[Path]:
    rows = graph if isinstance(graph, Tables) else tables(graph)
    nodes = [[n.iri, f"Entity{NEO4J_ARRAY}{n.type}", _one_line(n.label), n.type,
              _array(n.aliases), n.code, n.latitude, n.longitude, _array(n.job_titles),
              _array(n.held_on)] for n in rows.nodes]
    rels = []
    for e in rows.edges:
        first = e.evidence[0] if e.evidence else None
        rels.append([e.source, e.target, neo4j_type(e.relation), e.relation, e.label,
                     _one_line(first.sentence) if first else "",
                     first.article if first else "", _one_line(first.headline) if first else "",
                     first.date if first else "", first.url if first else "",
                     first.start if first else None, first.end if first else None,
                     len(e.evidence)])
    paths = [_write(out_dir / "nodes.csv", NEO4J_NODE_HEADER, nodes),
             _write(out_dir / "relationships.csv", NEO4J_REL_HEADER, rels)]
    script = out_dir / "import.cypher"
    atomic.write_text(script, cypher_script(sorted({n.type for n in rows.nodes}),
                                            sorted({e.relation for e in rows.edges})))
    return paths + [script]


def cypher_script(classes: list[str], relations: list[str]) -> str:
    """LOAD CSV statements for nodes.csv and relationships.csv in Neo4j's import folder."""
    lines = [
        "// kg export --to neo4j: load nodes.csv and relationships.csv into a running Neo4j.",
        "// Copy both files into the server's import folder, then:",
        "//   cypher-shell -u neo4j -p PASSWORD -f import.cypher",
        "// (For an empty database, neo4j-admin database import full --nodes=nodes.csv",
        "//  --relationships=relationships.csv reads the same files, faster.)",
        "CREATE CONSTRAINT kg_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;",
        "",
    ]
    for cls in classes:
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
            f"WITH row WHERE row.type = '{cls}'",
            f"MERGE (n:Entity:{cls} {{iri: row.`iri:ID`}})",
            "SET n.name = row.name, n.type = row.type, n.code = row.code,",
            "    n.aliases = CASE row.`aliases:string[]` WHEN '' THEN [] "
            "ELSE split(row.`aliases:string[]`, ';') END,",
            "    n.jobTitle = CASE row.`jobTitle:string[]` WHEN '' THEN [] "
            "ELSE split(row.`jobTitle:string[]`, ';') END,",
            "    n.heldOn = CASE row.`heldOn:string[]` WHEN '' THEN [] "
            "ELSE split(row.`heldOn:string[]`, ';') END,",
            "    n.latitude = toFloat(row.`latitude:double`), "
            "n.longitude = toFloat(row.`longitude:double`);",
            "",
        ]
    for relation in relations:
        kind = neo4j_type(relation)
        lines += [
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{kind}'",
            "MATCH (a:Entity {iri: row.`:START_ID`}), (b:Entity {iri: row.`:END_ID`})",
            f"MERGE (a)-[r:{kind}]->(b)",
            "SET r.relation = row.relation, r.label = row.label, r.sentence = row.sentence,",
            "    r.article = row.article, r.headline = row.headline, r.date = row.date, "
            "r.url = row.url,",
            "    r.startOffset = toInteger(row.`startOffset:int`), "
            "r.endOffset = toInteger(row.`endOffset:int`),",
            "    r.evidence = toInteger(row.`evidence:int`);",
            "",
        ]
    return "\n".join(lines)


# ------------------------------------------------------------------------------ dispatch

def write(graph: Graph | Tables, out_dir: Path, fmt: str) -> list[Path]:
    return (write_neo4j if fmt == "neo4j" else write_csv)(graph, Path(out_dir))

