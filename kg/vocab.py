"""The kg vocabulary as a closed namespace, and the packaged ontology file."""
from __future__ import annotations

from importlib import resources

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NAMESPACE = "https://kg.example.org/ontology#"
DEFAULT_BASE = "https://kg.example.org/id/"

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")


class KG(DefinedNamespace):
    """Closed: a misspelt term raises instead of minting a new IRI."""

    _NS = Namespace(NAMESPACE)
    _fail = True

    Article: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    Place: URIRef
    Province: URIRef
    City: URIRef
    County: URIRef
    Event: URIRef
    Document: URIRef
    Title: URIRef

    awardedTitle: URIRef
    publishes: URIRef
    speaksAt: URIRef
    attends: URIRef
    worksFor: URIRef
    jobTitle: URIRef
    heldIn: URIRef
    heldOn: URIRef
    organizedBy: URIRef
    locatedIn: URIRef
    code: URIRef
    partOf: URIRef

    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    extractor: URIRef


RELATIONS = ("awardedTitle", "publishes", "speaksAt", "attends", "worksFor", "jobTitle",
             "heldIn", "heldOn", "organizedBy", "locatedIn")
LITERAL_RELATIONS = frozenset({"jobTitle", "heldOn"})
CLASSES = ("Article", "Person", "Organization", "GovernmentBody", "Place", "Province", "City",
           "County", "Event", "Document", "Title")


def term(local_name: str) -> URIRef:
    return getattr(KG, local_name)


def load_ontology() -> Graph:
    """The vocabulary (ontology/kg.ttl) as shipped inside the package."""
    text = resources.files("kg").joinpath("ontology", "kg.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def labels(ontology: Graph, lang: str = "zh") -> dict[str, str]:
    """Local name -> label in `lang` for every term of the vocabulary."""
    from rdflib.namespace import RDFS

    out: dict[str, str] = {}
    for s, o in ontology.subject_objects(RDFS.label):
        if str(s).startswith(NAMESPACE) and getattr(o, "language", None) == lang:
            out[str(s)[len(NAMESPACE):]] = str(o)
    return out
