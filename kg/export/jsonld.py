"""Compacted JSON-LD: the graph's nodes under the @context shipped in ontology/context.jsonld.

pyoxigraph writes expanded JSON-LD (full IRIs, one value object per value). Compaction here
is the small part of the JSON-LD algorithm this graph needs, done by hand so that the result
is deterministic and needs no network: IRIs become prefixed names of the context, rdf:type
becomes @type, Chinese strings become plain strings (the context's default language is zh),
and each node appears once, its values sorted. Other strings keep their value objects, so
the document reads back as exactly the same triples.
"""
from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@lru_cache(maxsize=1)
def _shipped() -> dict:
    text = resources.files("kg").joinpath("ontology", "context.jsonld").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def context(prefixes: dict[str, str] | None = None) -> dict:
    """The shipped @context; `prefixes` (the graph's own, e.g. person: under another --base)
    replace the shipped ones of the same name."""
    out = copy.deepcopy(_shipped())
    for name, iri in (prefixes or {}).items():
        if name in out and not name.startswith("@"):
            out[name] = iri
    return out


def compact_iri(iri: str, prefixes: dict[str, str]) -> str:
    best = ""
    for name, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            best = name
    if not best:
        return iri
    suffix = iri[len(prefixes[best]):]
    # "p://x" would read as an absolute IRI, not as prefix p
    return iri if suffix.startswith("//") else f"{best}:{suffix}"


def compact(expanded: list[dict], ctx: dict) -> dict:
    """Expanded JSON-LD node objects (as pyoxigraph writes them) -> one compacted document."""
    language = ctx.get("@language")
    prefixes = {k: v for k, v in ctx.items() if not k.startswith("@") and isinstance(v, str)}
    nodes: dict[str, dict[str, list]] = {}
    for obj in expanded:
        node = nodes.setdefault(obj["@id"], {})
        for key, values in obj.items():
            if key == "@id":
                continue
            if key == "@type" or key == _RDF_TYPE:
                types = [v["@id"] if isinstance(v, dict) else v for v in values]
                node.setdefault("@type", []).extend(compact_iri(t, prefixes) for t in types)
                continue
            prop = compact_iri(key, prefixes)
            node.setdefault(prop, []).extend(_value(v, prefixes, language) for v in values)
    graph = []
    for node_id in sorted(nodes, key=lambda i: compact_iri(i, prefixes)):
        out: dict = {"@id": compact_iri(node_id, prefixes)}
        for key in sorted(nodes[node_id]):
            values = _distinct(nodes[node_id][key])
            out[key] = values[0] if len(values) == 1 else values
        graph.append(out)
    return {"@context": ctx, "@graph": graph}


def _value(value: dict, prefixes: dict[str, str], language: str | None):
    if "@id" in value:
        return {"@id": compact_iri(value["@id"], prefixes)}
    if "@language" in value:
        if language and value["@language"].lower() == language.lower():
            return value["@value"]
        return {"@value": value["@value"], "@language": value["@language"]}
    if "@type" in value:
        return {"@value": value["@value"], "@type": compact_iri(value["@type"], prefixes)}
    # a string with no language must say so: a bare string would take the default language
    return {"@value": value["@value"]}


def _distinct(values: list) -> list:
    keyed = {json.dumps(v, ensure_ascii=False, sort_keys=True): v for v in values}
    return [keyed[k] for k in sorted(keyed)]


def dumps(expanded: list[dict], prefixes: dict[str, str] | None = None) -> bytes:
    """The compacted document as UTF-8 JSON."""
    document = compact(expanded, context(prefixes))
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
