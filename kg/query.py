"""SPARQL over the graph: a file (in memory), an Oxigraph store folder, or a SPARQL endpoint.

Every engine's answer is turned into one small neutral form (`Result` of `Term`s) so that the
output formats (a readable table, the standard SPARQL JSON / CSV / TSV results, Turtle or
N-Triples for graphs) are written by one piece of code whichever engine answered.

Engines, fastest first:
  * pyoxigraph: the file is parsed into an in-memory Oxigraph store (standard-conformant and
    much faster than rdflib's engine), or an on-disk store made by `kg load --store` is opened;
  * rdflib: the fallback for files when pyoxigraph is not installed (or `engine="rdflib"`);
  * an HTTP SPARQL endpoint (SPARQL 1.1 Protocol), see `kg.store.http_query`.

Nothing here imports rdflib or pyoxigraph at module level: `import kg.cli` must stay cheap.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.vocab import DEFAULT_BASE, NAMESPACE

#: predeclared in every query (a query's own PREFIX lines take precedence)
PREFIXES: dict[str, str] = {
    "": NAMESPACE,  # so `:awardedTitle` works as well as `kg:awardedTitle`
    "kg": NAMESPACE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    # the entity families the table prints (place:370200, org:工业和信息化部 ...), so that a
    # name copied from kg query's output can be pasted back into a query
    **{kind: f"{DEFAULT_BASE}{kind}/" for kind in
       ("article", "doc", "event", "org", "person", "place", "statement", "title")},
}

#: used to shorten IRIs in the readable table (and Turtle output): the same names
DISPLAY_PREFIXES: dict[str, str] = {name: ns for name, ns in PREFIXES.items() if name}

XSD = PREFIXES["xsd"]
RDF_LANG_STRING = PREFIXES["rdf"] + "langString"
XSD_STRING = XSD + "string"

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY",
                             "MOVE", "ADD", "WITH"})
QUERY_KEYWORDS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


class QueryError(Exception):
    """A query that cannot be run: bad syntax, an update where none is allowed, a bad file."""


# ------------------------------------------------------------------------------- terms

@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term, engine-neutral. kind is "uri", "bnode", "literal" (or "triple", RDF-star)."""

    kind: str
    value: str
    lang: str | None = None
    datatype: str | None = None

    def n3(self) -> str:
        """N-Triples / SPARQL syntax of the term."""
        if self.kind == "uri":
            return f"<{_escape_iri(self.value)}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        if self.kind == "triple":
            return f"<< {self.value} >>"
        text = '"' + _escape_string(self.value) + '"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype and self.datatype not in (XSD_STRING, RDF_LANG_STRING):
            return f"{text}^^<{self.datatype}>"
        return text

    def short(self, prefixes: dict[str, str] = DISPLAY_PREFIXES) -> str:
        """How the readable table shows it: compact IRIs, bare literal text."""
        if self.kind == "uri":
            return shorten(self.value, prefixes)
        if self.kind == "bnode":
            return f"_:{self.value}"
        return self.value

    def json(self) -> dict[str, str]:
        """SPARQL 1.1 Query Results JSON form."""
        if self.kind == "uri":
            return {"type": "uri", "value": self.value}
        if self.kind == "bnode":
            return {"type": "bnode", "value": self.value}
        out = {"type": "literal", "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype and self.datatype != XSD_STRING:
            out["datatype"] = self.datatype
        return out


_PN_LOCAL_OK = re.compile(r"^[^\s<>\"{}|^`\\~.!$&'()*+,;=/?#@%\[\]:][^\s<>\"{}|^`\\~!$&'()*+,;=/?#@\[\]]*$")


def shorten(iri: str, prefixes: dict[str, str] = DISPLAY_PREFIXES) -> str:
    best = ""
    for name, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")):
            best = name
    if best:
        local = iri[len(prefixes[best]):]
        if local == "" or (_PN_LOCAL_OK.match(local) and not local.endswith(".")
                           and not re.search(r"%(?![0-9A-Fa-f]{2})", local)):
            return f"{best}:{local}"
    return f"<{iri}>"


def _escape_string(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def _escape_iri(iri: str) -> str:
    return "".join(c if c not in '<>"{}|^`\\' and ord(c) > 0x20 else f"\\u{ord(c):04X}"
                   for c in iri)


def from_oxigraph(term) -> Term | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term("literal", term.value, term.language, term.datatype.value)
    if isinstance(term, ox.Triple):
        return Term("triple", str(term))
    raise QueryError(f"unsupported term {term!r}")


def from_rdflib(term) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else (
            RDF_LANG_STRING if term.language else XSD_STRING)
        return Term("literal", str(term), term.language, datatype)
    raise QueryError(f"unsupported term {term!r}")


def from_json(binding: dict) -> Term:
    """A term of SPARQL JSON results (also Virtuoso's older "typed-literal" form)."""
    kind = binding["type"]
    if kind == "uri":
        return Term("uri", binding["value"])
    if kind == "bnode":
        return Term("bnode", binding["value"])
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang") or None
        datatype = binding.get("datatype") or (RDF_LANG_STRING if lang else XSD_STRING)
        return Term("literal", binding["value"], lang, datatype)
    if kind == "triple":
        return Term("triple", json.dumps(binding["value"], ensure_ascii=False))
    raise QueryError(f"unknown term type {kind!r} in the results")


# ------------------------------------------------------------------------------- results

@dataclass
class Result:
    """kind: "select" (vars, rows), "ask" (boolean) or "graph" (triples)."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)

    def __len__(self) -> int:
        if self.kind == "select":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1

    def values(self) -> set[tuple[str | None, ...]]:
        """Rows as tuples of lexical values (IRIs and literals alike), for comparisons."""
        if self.kind == "select":
            return {tuple(r[v].value if v in r else None for v in self.vars) for r in self.rows}
        if self.kind == "graph":
            return {tuple(t.value for t in triple) for triple in self.triples}
        return {(str(self.boolean).lower(),)}


# ------------------------------------------------------------------------------- query text

def _strip(query: str) -> str:
    """The query without comments, strings and IRIs (so keywords can be found safely)."""
    out = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            i = n if j < 0 else j
        elif c == "<":
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])
            if m:
                out.append(" <> ")
                i += m.end()
            else:
                out.append(c)
                i += 1
        elif c in "\"'":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            out.append(' "" ')
            i = j + len(quote)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT, DESCRIBE, or UPDATE for any SPARQL Update operation."""
    text = _strip(query)
    text = re.sub(r"(?is)\b(PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)", " ", text)
    m = re.search(r"[A-Za-z]+", text)
    word = m.group(0).upper() if m else ""
    if word in QUERY_KEYWORDS:
        return word
    if word in UPDATE_KEYWORDS:
        return "UPDATE"
    raise QueryError("not a SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE"
                     + (f", found {m.group(0)!r}" if m else " (the query is empty)"))


def declared_prefixes(query: str) -> set[str]:
    return {m.group(1) for m in
            re.finditer(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*|)\s*:", _strip(query))}


def with_prologue(query: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """The query with PREFIX lines for the predeclared prefixes it does not declare itself
    (for engines, like HTTP endpoints, that take no prefix table)."""
    own = declared_prefixes(query)
    lines = [f"PREFIX {name}: <{iri}>" for name, iri in prefixes.items() if name not in own]
    return "\n".join(lines + [query])


# ------------------------------------------------------------------------------- --bind

_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[^\s<>\"{}|^`\\]*")


def _mask(query: str) -> str:
    """The query with comments, strings and IRIs blanked out, character for character, so
    that a match in the mask is at the same place in the query."""
    out = list(query)
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            j = query.find("\n", i)
            end = n if j < 0 else j
        elif c == "<" and (m := re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])):
            end = i + m.end()
        elif c in "\"'":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            end = min(n, j + len(quote))
        else:
            i += 1
            continue
        for k in range(i, end):
            if out[k] != "\n":
                out[k] = " "
        i = end
    return "".join(out)


def parse_binding(text: str, query: str = "") -> tuple[str, str]:
    """NAME=VALUE -> (name, the value as a SPARQL term). VALUE may be written as SPARQL
    (<iri>, a prefixed name such as place:370200, "a literal"@zh, a number); an http(s) IRI
    is taken as an IRI; anything else is a plain string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _VARNAME.fullmatch(name):
        raise QueryError(f"--bind {text!r}: write NAME=VALUE, e.g. --bind name=青岛市")
    value = value.strip()
    known = set(PREFIXES) | declared_prefixes(query)
    if value.startswith("<") and value.endswith(">") or value[:1] in ("\"", "'"):
        term = value
    elif _NUMBER.fullmatch(value):
        term = value
    elif re.fullmatch(r"https?://[^\s<>\"{}|^`\\]+", value):
        term = f"<{value}>"
    elif _PREFIXED.fullmatch(value) and value.split(":", 1)[0] in known:
        term = value
    else:
        term = '"' + _escape_string(value) + '"'
    return name, term


def bind(query: str, bindings: list[tuple[str, str]]) -> str:
    """The query with each variable given one value: the query's own `VALUES ?name { … }`
    (its default) is replaced, otherwise a VALUES block opens the WHERE clause. Standard
    SPARQL, so it works the same on every engine and endpoint; line numbers are kept."""
    for name, term in bindings:
        mask = _mask(query)
        if not re.search(rf"[?$]{name}(?!\w)", mask):
            raise QueryError(f"--bind {name}: the query has no variable ?{name}")
        block = f"VALUES ?{name} {{ {term} }}"
        own = re.search(rf"(?i)\bVALUES\s+[?$]{name}\s*\{{[^{{}}]*\}}", mask)
        if own:
            query = query[:own.start()] + block + query[own.end():]
            continue
        where = re.search(r"(?i)\bWHERE\s*\{", mask)
        if where is None and query_form(query) in ("SELECT", "ASK"):
            where = re.search(r"\{", mask)
        if where is None:
            raise QueryError(f"--bind {name}: the query has no WHERE clause to bind it in")
        query = query[:where.end()] + f" {block} " + query[where.end():]
    return query


# ------------------------------------------------------------------------------- errors

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


def syntax_message(detail: str, query: str, line_shift: int = 0) -> str:
    """Oxigraph's parser message ("error at 2:11: expected one of …" and a wall of character
    classes) as one short line: where, after what, and what was expected when that is short."""
    m = _POSITION.search(detail)
    if not m:
        first = detail.strip().splitlines()[0] if detail.strip() else "invalid query"
        return f"syntax error in the query: {_clip_line(first)}"
    line, column = int(m.group(1)) - line_shift, int(m.group(2))
    return _where(query, line, column) + _expected(m.group(3), query, line, column)


def _rdflib_syntax_message(exc: Exception, query: str, prologue: int) -> str:
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if isinstance(line, int) and isinstance(column, int):
        return _where(query, line - prologue, column)
    text = str(exc).strip().splitlines()
    return f"syntax error in the query: {_clip_line(text[0] if text else type(exc).__name__)}"


def _where(query: str, line: int, column: int) -> str:
    lines = query.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    tokens = text[:max(0, column - 1)].split()[-2:]
    near = f' (near "{_clip_line(" ".join(tokens), 40)}")' if tokens else ""
    return f"syntax error in the query at line {line}, column {column}{near}"


def _expected(detail: str, query: str, line: int, column: int) -> str:
    if "Prefix not found" in detail:
        lines = query.split("\n")
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        m = re.search(r"([A-Za-z][\w.-]*)?:[^\s]*$", text[:max(0, column - 1)])
        prefix = (m.group(1) or "") if m else ""
        return f": undeclared prefix {prefix}: (add PREFIX {prefix}: <…>)"
    first = detail.strip().splitlines()[0] if detail.strip() else ""
    items = re.findall(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*',
                       re.sub(r"^expected (one of )?", "", first))
    # character classes ([_], ['0' ..= '9' | …]) say nothing to a person writing a query
    words = [x.strip() for x in items if x.strip() and not x.startswith(("[", "'"))]
    if not words:
        return ""
    shown = ", ".join(words[:6]) + (" …" if len(words) > 6 else "")
    return f": expected {shown}"


def _clip_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# ------------------------------------------------------------------------------- engines

_OX_FORMATS = {".ttl": "TURTLE", ".turtle": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS",
               ".trig": "TRIG", ".n3": "N3", ".rdf": "RDF_XML", ".owl": "RDF_XML",
               ".xml": "RDF_XML", ".jsonld": "JSON_LD", ".json": "JSON_LD"}


def rdf_format(path: Path):
    """The pyoxigraph RdfFormat of a graph file, from its extension (Turtle if unknown)."""
    import pyoxigraph as ox

    return getattr(ox.RdfFormat, _OX_FORMATS.get(path.suffix.lower(), "TURTLE"))


def have_oxigraph() -> bool:
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return True


def oxigraph_result(answer, *, lazy: bool = False) -> Result:
    """The engine's answer as a Result; with `lazy`, rows and triples are iterators that
    are read as the output is written (memory does not grow with the answer)."""
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]

        def row(solution) -> dict[str, Term]:
            return {name: from_oxigraph(solution[name]) for name in names
                    if solution[name] is not None}

        rows = (row(solution) for solution in answer)
        return Result("select", vars=names, rows=rows if lazy else list(rows))
    triples = ((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
               for t in answer)
    return Result("graph", triples=triples if lazy else list(triples))


def run_oxigraph(store, query: str, *, default_graph: str | None = None,
                 lazy: bool = False) -> Result:
    """Run a query (or, on a writable store, an update) on a pyoxigraph Store."""
    import pyoxigraph as ox

    form = query_form(query)
    try:
        if form == "UPDATE":
            store.update(query, prefixes=PREFIXES)
            return Result("ask", boolean=True)
        kwargs = {}
        if default_graph:
            kwargs["default_graph"] = ox.NamedNode(default_graph)
        return oxigraph_result(store.query(query, prefixes=PREFIXES, **kwargs), lazy=lazy)
    except SyntaxError as exc:
        raise QueryError(syntax_message(str(exc), query)) from None
    except OSError as exc:
        raise QueryError(f"the store failed: {exc}") from None


def load_memory_store(path: Path):
    """The graph file parsed into an in-memory pyoxigraph store."""
    import pyoxigraph as ox

    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except SyntaxError as exc:
        raise QueryError(f"{path}: cannot parse the graph: {exc}") from None
    return store


def _rdflib_prefixes(query: str) -> dict[str, str]:
    """The predeclared prefixes rdflib can take for this query: rdflib keeps one prefix per
    namespace, so `:` and `kg:` (one namespace) cannot both be declared; a query that writes
    kg: names gets kg:, one that writes only `:` names gets the empty prefix."""
    prefixes = dict(PREFIXES)
    prefixes.pop("" if _USES_KG.search(query) else "kg")
    return prefixes


_USES_KG = re.compile(r"(?<![\w:/#<-])kg:")


def run_rdflib(path: Path, query: str) -> Result:
    from rdflib import Graph
    from rdflib.util import guess_format

    graph = Graph()
    try:
        graph.parse(path, format=guess_format(str(path)) or "turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise QueryError(f"{path}: cannot parse the graph: {exc}") from None
    form = query_form(query)
    prefixes = _rdflib_prefixes(query)
    try:
        answer = graph.query(with_prologue(query, prefixes))
    except Exception as exc:  # pyparsing's ParseException and friends
        raise QueryError(_rdflib_syntax_message(exc, query, len(prefixes))) from None
    if form == "ASK":
        return Result("ask", boolean=bool(answer.askAnswer))
    if form in ("CONSTRUCT", "DESCRIBE"):
        return Result("graph", triples=[tuple(from_rdflib(t) for t in triple)
                                        for triple in answer.graph])
    names = [str(v) for v in answer.vars]
    rows = []
    for solution in answer:
        row = {}
        for name, value in zip(names, solution):
            if value is not None:
                row[name] = from_rdflib(value)
        rows.append(row)
    return Result("select", vars=names, rows=rows)


def refuse_service(query: str) -> None:
    """SERVICE makes the local engine send requests to the servers a query names: a query
    from someone else must not make kg reach out unless the user asked for it."""
    if re.search(r"(?i)\bSERVICE\b", _strip(query)):
        raise QueryError("the query uses SERVICE, which sends requests to other servers; "
                         "refused unless you give --allow-service")


def query_file(path: Path, query: str, engine: str = "auto", *,
               allow_service: bool = False, lazy: bool = False) -> Result:
    """Run a read-only query over a graph file. Updates are refused (the file is not a store),
    and so is SERVICE unless allowed."""
    if not allow_service:
        refuse_service(query)
    if query_form(query) == "UPDATE":
        raise QueryError(
            "updates are refused on a graph file: kg query only reads files. Load the graph "
            "into a store (kg load GRAPH --store DIR) and run the update with "
            "kg query --store DIR, or edit the articles and rebuild")
    if engine == "rdflib" or (engine == "auto" and not have_oxigraph()):
        return run_rdflib(path, query)
    return run_oxigraph(load_memory_store(path), query, lazy=lazy)


def open_store(directory: Path, *, write: bool = False):
    import pyoxigraph as ox

    if not directory.is_dir():
        raise QueryError(f"{directory}: no such store (create it with kg load GRAPH --store DIR)")
    try:
        return ox.Store(str(directory)) if write else ox.Store.read_only(str(directory))
    except OSError as exc:
        raise QueryError(f"{directory}: cannot open the store: {exc}") from None


def query_store(directory: Path, query: str, *, graph: str | None = None,
                allow_service: bool = False, lazy: bool = False) -> Result:
    """Run a query or an update on an Oxigraph store folder (made by kg load --store);
    SERVICE is refused unless allowed."""
    if not allow_service:
        refuse_service(query)
    write = query_form(query) == "UPDATE"
    return run_oxigraph(open_store(directory, write=write), query, default_graph=graph,
                        lazy=lazy)


# ------------------------------------------------------------------------------- output

def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cell(text: str) -> str:
    return text.replace("\n", "⏎").replace("\r", "").replace("\t", " ")


#: rows the readable table measures before it starts writing (later rows keep those widths)
TABLE_SAMPLE = 1000
#: a graph answer up to this size is sorted (reproducible output); a bigger one is written
#: in the engine's order as it comes, so that memory does not grow with it
SORTED_UP_TO = 100_000


def format_table(result: Result) -> str:
    return "".join(iter_table(result))


def iter_table(result: Result) -> Iterator[str]:
    if result.kind == "ask":
        yield ("yes" if result.boolean else "no") + "\n"
        return
    if result.kind == "graph":
        yield from iter_graph(result, "turtle")
        return
    header = result.vars
    rows = iter(result.rows)
    sample = list(itertools.islice(rows, TABLE_SAMPLE))

    def cells(row: dict[str, Term]) -> list[str]:
        return [_cell(row[v].short()) if v in row else "" for v in header]

    body = [cells(r) for r in sample]
    widths = [max([_width(h)] + [_width(r[i]) for r in body]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return " │ ".join(_pad(c, w) for c, w in zip(values, widths)).rstrip() + "\n"

    yield line(header)
    yield "─┼─".join("─" * w for w in widths) + "\n"
    for values in body:
        yield line(values)
    for row in rows:
        yield line(cells(row))


def format_json(result: Result) -> str:
    return "".join(iter_json(result))


def iter_json(result: Result) -> Iterator[str]:
    if result.kind == "ask":
        yield json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=1) + "\n"
        return
    yield '{\n "head": ' + json.dumps({"vars": result.vars}, ensure_ascii=False) + \
        ',\n "results": {\n  "bindings": ['
    separator = "\n   "
    for row in result.rows:
        yield separator + json.dumps({k: t.json() for k, t in row.items()}, ensure_ascii=False)
        separator = ",\n   "
    yield "\n  ]\n }\n}\n"


def format_csv(result: Result) -> str:
    return "".join(iter_csv(result))


def iter_csv(result: Result) -> Iterator[str]:
    """SPARQL 1.1 Query Results CSV: lexical values, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if result.boolean else "false"])
        yield out.getvalue()
        return
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow([("_:" + row[v].value if row[v].kind == "bnode" else row[v].value)
                         if v in row else "" for v in result.vars])
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def format_tsv(result: Result) -> str:
    return "".join(iter_tsv(result))


def iter_tsv(result: Result) -> Iterator[str]:
    """SPARQL 1.1 Query Results TSV: terms in SPARQL/Turtle syntax."""
    if result.kind == "ask":
        yield "?_askResult\n" + ("true" if result.boolean else "false") + "\n"
        return
    yield "\t".join("?" + v for v in result.vars) + "\n"
    for row in result.rows:
        yield "\t".join(row[v].n3() if v in row else "" for v in result.vars) + "\n"


def format_graph(result: Result, fmt: str) -> str:
    """CONSTRUCT/DESCRIBE answers: N-Triples ("nt"), or Turtle with the display prefixes."""
    return "".join(iter_graph(result, fmt))


def iter_graph(result: Result, fmt: str) -> Iterator[str]:
    """A graph answer, sorted when it is small enough to hold (SORTED_UP_TO), else written in
    the engine's order as it comes (Turtle then declares every display prefix up front)."""
    triples = iter(result.triples)
    held = list(itertools.islice(triples, SORTED_UP_TO + 1))
    if len(held) <= SORTED_UP_TO:
        yield _graph_text(sorted(held, key=lambda t: tuple(x.n3() for x in t)), fmt)
        return
    if fmt == "nt":
        for s, p, o in itertools.chain(held, triples):
            yield f"{s.n3()} {p.n3()} {o.n3()} .\n"
        return
    yield "".join(f"@prefix {n}: <{ns}> .\n" for n, ns in DISPLAY_PREFIXES.items()) + "\n"
    for triple in itertools.chain(held, triples):
        yield _graph_text([triple], "turtle", header=False)


def _graph_text(triples: list, fmt: str, header: bool = True) -> str:
    if fmt == "nt":
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)
    used = {}
    lines: list[str] = []
    last_subject = None

    def show(term: Term) -> str:
        if term.kind == "uri":
            text = shorten(term.value)
            if not text.startswith("<"):
                used[text.split(":", 1)[0]] = True
            return text
        if term.kind == "literal" and term.datatype and not term.lang \
                and term.datatype not in (XSD_STRING, RDF_LANG_STRING):
            dt = shorten(term.datatype)
            if not dt.startswith("<"):
                used[dt.split(":", 1)[0]] = True
            return '"' + _escape_string(term.value) + '"^^' + dt
        return term.n3()

    for s, p, o in triples:
        if s != last_subject:
            if lines:
                lines[-1] = lines[-1][:-2] + " ."
                lines.append("")
            lines.append(show(s))
            last_subject = s
        verb = "a" if p.value == PREFIXES["rdf"] + "type" else show(p)
        lines.append(f"    {verb} {show(o)} ;")
    if lines:
        lines[-1] = lines[-1][:-2] + " ."
    head = [f"@prefix {n}: <{DISPLAY_PREFIXES[n]}> ." for n in DISPLAY_PREFIXES if n in used]
    if not header:
        return "\n".join(lines) + "\n"
    return "\n".join(head + ([""] if head else []) + lines) + "\n"


TABULAR = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("table", "turtle", "nt")


def render(result: Result, fmt: str) -> str:
    return "".join(iter_render(result, fmt))


def iter_render(result: Result, fmt: str) -> Iterator[str]:
    """The answer in `fmt`, piece by piece as the engine gives it (raises QueryError at once
    for a format that does not fit the answer)."""
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE answer is a graph: use --format "
                             f"turtle or nt, not {fmt}")
        return iter_graph(result, "nt" if fmt == "nt" else "turtle")
    if fmt in ("turtle", "nt"):
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE answers; "
                         f"use table, csv, tsv or json")
    return {"table": iter_table, "csv": iter_csv, "tsv": iter_tsv,
            "json": iter_json}[fmt](result)

