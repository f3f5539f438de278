"""The graph store: one named graph per document, read through a ``Dataset`` and written whole.

``OxigraphStore`` is the embedded store (on disk or in memory); ``remote.SparqlStore`` keeps the
same graphs in a SPARQL server.

Terms cross from rdflib to Oxigraph in ``terms.to_ox`` and back in ``to_python``; both fail
loudly on anything unexpected. Replacing a named graph is one SPARQL Update request, which
Oxigraph applies as a single transaction: readers and crashes see the old graph or the new one,
never a mix.

>>> store = GraphStore.memory()
>>> from rdflib import URIRef, Literal
>>> g = URIRef("https://example.org/g")
>>> store.replace_graph(g, [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(1))])
>>> store.select("SELECT ?o WHERE { ?s ?p ?o }")
[{'o': 1}]
"""

from __future__ import annotations

import hashlib
import io
import itertools
import logging
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, NamedTuple, Protocol

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError, StoreLockedError
from .terms import Triple, ntriples, to_ox
from .vocab import PREFIXES, XSD

log = logging.getLogger(__name__)

#: A value read from a query: IRIs, strings and dates as ``str``, numbers as numbers.
Value = str | int | float | bool | None


def to_rdflib(term: object) -> Node:
    """An Oxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # RDF 1.1: a plain literal is an xsd:string
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"Unexpected Oxigraph term: {term!r}")


_XSD_STRING = str(XSD.string)
_INTEGER_TYPES = {str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.nonNegativeInteger)}


def integer(value: Value) -> int:
    """A value read from a query as a whole number (a count, an offset, a rank)."""
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        return int(value)
    raise ValueError(f"not a number: {value!r}")


def text_or_none(value: Value) -> str | None:
    """A value read from a query as text, or None when it was unbound."""
    return None if value is None else str(value)


_DECIMAL, _FLOATS, _BOOLEAN = str(XSD.decimal), {str(XSD.double), str(XSD.float)}, str(XSD.boolean)


def to_python(term: object) -> Value:
    """An Oxigraph term as a plain Python value: IRIs and strings as ``str``, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTEGER_TYPES:
                return int(term.value)
            if dt == _DECIMAL or dt in _FLOATS:
                return float(term.value)
            if dt == _BOOLEAN:
                return term.value in ("true", "1")
        except ValueError:
            return term.value
        return term.value
    raise ValueError(f"Unexpected Oxigraph term: {term!r}")


class QueryDataset(NamedTuple):
    """What a query reads: Oxigraph's ``default_graph``, ``named_graphs`` and union arguments."""

    default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None
    named_graphs: list[ox.NamedNode | ox.BlankNode] | None
    union: bool


def query_dataset(default_graph: Iterable[str] | None, named_graphs: Iterable[str] | None,
                  own_dataset: bool) -> QueryDataset:
    """A query's dataset: the graphs given (an empty default graph list is the store's own default
    graph), else the query's own ``FROM``/``FROM NAMED`` (``own_dataset``), else the union of all
    graphs as the default graph."""
    defaults: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None
    if default_graph is not None:
        defaults = [ox.NamedNode(g) for g in default_graph] or [ox.DefaultGraph()]
    named: list[ox.NamedNode | ox.BlankNode] | None = None
    if named_graphs is not None:
        named = [ox.NamedNode(g) for g in named_graphs]
    return QueryDataset(defaults, named, defaults is None and not own_dataset)


def graph_name(graph: URIRef) -> ox.NamedNode:
    """The Oxigraph name of a named graph."""
    return ox.NamedNode(str(graph))


def serialised(data: bytes | None) -> bytes:
    """What Oxigraph's ``serialize`` and ``dump`` return when they write to no file."""
    if data is None:
        raise ValueError("the serialiser wrote to a file, not to memory")
    return data


#: Values bound in one query by ``GraphStore.select_each``.
VALUES_PER_QUERY = 500


def _for_each(sparql: str, name: str, values: Sequence[Node]) -> Iterator[str]:
    """The queries of ``GraphStore.select_each``: ``VALUES_PER_QUERY`` values bound in each."""
    head, where, body = sparql.partition("WHERE {")
    if not where:
        raise QueryError("a query for each value needs a WHERE group")
    variable = str(ox.Variable(name))
    for i in range(0, len(values), VALUES_PER_QUERY):
        terms = " ".join(str(to_ox(v)) for v in values[i : i + VALUES_PER_QUERY])
        yield f"{head}{where} VALUES {variable} {{ {terms} }}{body}"


#: The union of the graphs as a set of triples.
UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


class Dataset(Protocol):
    """What a store reads through: an Oxigraph store, or a SPARQL server seen through the same
    calls (``remote.RemoteDataset``)."""

    def query(self, query: str, /, *, prefixes: dict[str, str] | None = None, base_iri: str | None = None,
              use_default_graph_as_union: bool = False,
              default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
              named_graphs: list[ox.NamedNode | ox.BlankNode] | None = None,
              substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None = None,
              ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples: ...

    def named_graphs(self) -> Iterator[ox.NamedNode | ox.BlankNode]: ...

    def quads_for_pattern(self, subject: None, predicate: None, object: None,
                          graph_name: ox.NamedNode | None = None, /) -> Iterator[ox.Quad]: ...

    def __iter__(self) -> Iterator[ox.Quad]: ...

    def __len__(self) -> int: ...

    def dump(self, output: IO[bytes] | None = None, *, format: ox.RdfFormat, from_graph: ox.NamedNode | None = None,
             prefixes: dict[str, str] | None = None) -> bytes | None: ...


class GraphStore(ABC):
    """The graph: named graphs replaced whole, queries with bound values.

    Reads go through a ``Dataset``; each kind of store writes its own way: ``OxigraphStore``
    (embedded, on disk or in memory) and ``remote.SparqlStore`` (a SPARQL server).
    """

    def __init__(self, dataset: Dataset, location: str) -> None:
        self._dataset = dataset
        self.location = location
        self._writes = 0

    @staticmethod
    def memory() -> OxigraphStore:
        """A store that lives in memory only (for ``kg extract`` and tests)."""
        return OxigraphStore(ox.Store(), ":memory:")

    @staticmethod
    def open(path: str | Path, read_only: bool = False, create: bool = True) -> OxigraphStore:
        """Open (or, unless ``create`` is false, create) the embedded store at ``path``.

        Only one process may open it for writing; a second one gets ``StoreLockedError``
        at once. ``read_only`` opens an existing store without taking the lock.
        """
        path = Path(path)
        if (read_only or not create) and not (path / "CURRENT").exists():
            raise StoreError(f"{path}: no store here; build one with `kg build --store {path}`")
        if read_only:
            try:
                return OxigraphStore(ox.Store.read_only(str(path)), str(path), read_only=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot open the store read-only ({exc})") from exc
        try:
            path.mkdir(parents=True, exist_ok=True)
            return OxigraphStore(ox.Store(str(path)), str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(
                    f"{path}: the store is in use by another process (a running `kg serve` or "
                    "`kg build`); stop it, or use its HTTP API, or pass another --store"
                ) from exc
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc

    @property
    def generation(self) -> int:
        """Changes with every write, so readers can tell when a cached view is stale."""
        return self._writes

    @property
    def shared_location(self) -> str | None:
        """Where query workers in other processes open the same data (a folder or a server's
        URL), or None when it lives only in this process (they load a snapshot instead)."""
        return self.location

    # ---------------------------------------------------------------- writes

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace the named graph ``graph`` with ``triples`` in one transaction."""
        self.replace_graph_text(graph, ntriples(triples))

    @abstractmethod
    def replace_graph_text(self, graph: URIRef, body: str, atomic: bool = True) -> None:
        """Replace the named graph ``graph`` with the triples of ``body``, N-Triples written by
        ``ntriples`` (possibly in another process), in one transaction; ``atomic=False`` allows
        a faster write for derived graphs that a build rewrites after a crash."""

    @abstractmethod
    def remove_graph(self, graph: URIRef) -> None:
        """Drop a named graph (nothing happens when it does not exist)."""

    def remove_graphs(self, graphs: Iterable[URIRef]) -> None:
        """Drop named graphs."""
        for graph in graphs:
            self.remove_graph(graph)

    def add_to_graphs(self, bodies: Mapping[URIRef, str], bulk: bool = False) -> None:
        """Add N-Triples written by ``ntriples`` (each line a triple, every term escaped) to graphs;
        ``bulk`` for much data at once, not atomic (derived graphs a build rewrites after a crash)."""
        parts = [f"GRAPH {graph_name(g)} {{\n{body}}}" for g, body in bodies.items() if body]
        if parts:
            self.update("INSERT DATA { " + "\n".join(parts) + " }")

    def remove_triples(self, bodies: Mapping[URIRef, str]) -> None:
        """Remove N-Triples written by ``ntriples`` from graphs."""
        parts = [f"GRAPH {graph_name(g)} {{\n{body}}}" for g, body in bodies.items() if body]
        if parts:
            self.update("DELETE DATA { " + "\n".join(parts) + " }")

    def remove_subjects(self, subjects: Mapping[URIRef, Collection[Node]]) -> None:
        """Remove every triple of each subject from its graph (terms written by the engine's
        serialiser, in a ``VALUES`` block)."""
        pairs = [f"({graph_name(g)} {to_ox(x)})" for g, xs in subjects.items() for x in xs]
        for i in range(0, len(pairs), VALUES_PER_QUERY):
            self.update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { VALUES (?g ?s) { "
                        + " ".join(pairs[i : i + VALUES_PER_QUERY]) + " } GRAPH ?g { ?s ?p ?o } }")

    def is_empty(self, graph: URIRef) -> bool:
        return not self.select_each("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1", "g", [graph])

    @abstractmethod
    def update(self, text: str, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update checked by ``curation.check_update``, as one transaction."""

    @abstractmethod
    def flush(self) -> None:
        """Write buffered changes to disk (or wherever the store keeps them)."""

    @abstractmethod
    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store at ``target``."""

    @abstractmethod
    def compact(self) -> None:
        """Rewrite the store's files so that reads skip nothing removed (after documents are
        removed or replaced, reads of what remains may take up to about twice as long until this runs)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store."""

    # ---------------------------------------------------------------- reads

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Node] | None = None,
        *,
        default_graph: list[URIRef] | None = None,
        named_graphs: list[URIRef] | None = None,
        base_iri: str | None = None,
        own_dataset: bool = False,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query; the default graph is the union of all graphs unless given, or unless
        the query names its own dataset (``own_dataset``: its ``FROM`` and ``FROM NAMED``)."""
        dataset = query_dataset(None if default_graph is None else map(str, default_graph),
                                None if named_graphs is None else map(str, named_graphs), own_dataset)
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None = None
        if bindings:
            substitutions = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        try:
            return self._dataset.query(sparql, prefixes=PREFIXES, base_iri=base_iri or None,
                                       default_graph=dataset.default_graph, named_graphs=dataset.named_graphs,
                                       substitutions=substitutions, use_default_graph_as_union=dataset.union)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from exc
        except RuntimeError as exc:
            raise QueryError(f"the query cannot run: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{self.location}: query failed ({exc})") from exc

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> list[dict[str, Value]]:
        """Rows of a SELECT query as dicts of plain Python values (unbound variables omitted)."""
        return list(self.stream(sparql, bindings))

    def stream(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Iterator[dict[str, Value]]:
        """The rows of ``select``, each as the engine gives it (for results too large to hold)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        # A solution's terms are read in order (by name, each costs a lookup).
        return ({name: to_python(term) for name, term in zip(names, row) if term is not None} for row in result)

    def select_each(self, sparql: str, name: str, values: Sequence[Node],
                    bindings: Mapping[str, Node] | None = None) -> list[dict[str, Value]]:
        """The rows of a SELECT query for each of ``values`` bound to ``?name``, in a few queries
        (``bindings`` bind other variables in each).

        The values open the query's ``WHERE`` group as a ``VALUES`` block of terms written by the
        engine's serialiser (never raw text), so they bind ``?name`` before anything is joined or
        grouped. Project ``?name`` to tell the rows of one value from another's; left out, it is
        not read for each row."""
        return list(self.stream_each(sparql, name, values, bindings))

    def stream_each(self, sparql: str, name: str, values: Sequence[Node],
                    bindings: Mapping[str, Node] | None = None) -> Iterator[dict[str, Value]]:
        """The rows of ``select_each``, each as the engine gives it (for results too large to hold)."""
        return (row for query in _for_each(sparql, name, values) for row in self.stream(query, bindings))

    def texts_each(self, sparql: str, name: str, values: Sequence[Node]) -> Iterator[str]:
        """The text (an IRI, a literal's lexical form) of the one variable a query projects, for
        each of ``values`` bound as ``select_each`` binds them: many rows, without a dict each."""
        for query in _for_each(sparql, name, values):
            if not isinstance(result := self.query(query), ox.QuerySolutions) or len(result.variables) != 1:
                raise QueryError("texts_each() needs a SELECT query of one variable")
            yield from (term.value for (term,) in result if term is not None)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("ask() needs an ASK query")
        return bool(result)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._dataset.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: URIRef | None = None) -> list[ox.Quad]:
        return list(self._dataset.quads_for_pattern(None, None, None, graph_name(graph) if graph else None))

    def __len__(self) -> int:
        return len(self._dataset)

    def dump(self, format: ox.RdfFormat, graph: URIRef | None = None) -> bytes:
        """Serialise one graph, the dataset (quad formats) or the union of its graphs (triple formats)."""
        out = io.BytesIO()
        self.write(format, out, graph)
        return out.getvalue()

    def write(self, format: ox.RdfFormat, out: IO[bytes], graph: URIRef | None = None) -> None:
        """Serialise to ``out`` as the store is read: one graph, the dataset (quad formats), or the
        union of its graphs (triple formats: each triple once, an RDF merge)."""
        if graph is not None or format.supports_datasets:
            self._dataset.dump(out, format=format, from_graph=graph_name(graph) if graph else None, prefixes=PREFIXES)
        else:
            ox.serialize(self.union(), output=out, format=format, prefixes=PREFIXES)

    def union(self) -> Iterator[ox.Triple]:
        """Every triple of the union of the graphs, once: the engine's CONSTRUCT gives a set."""
        result = self.query(UNION)
        if not isinstance(result, ox.QueryTriples):
            raise StoreError(f"{self.location}: CONSTRUCT gave no triples")
        return iter(result)

    def canonical_hash(self) -> str:
        """A hash of the dataset that does not depend on write order or blank node labels."""
        dataset = ox.Dataset(self._dataset)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        lines = sorted(str(q) for q in dataset)
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


#: Quads in one bulk load of the embedded store: its memory grows with a load's size.
BULK_LOAD_LINES = 50_000

#: Quads one transaction of the embedded store removes at most (when removing graphs).
QUADS_PER_REMOVAL = 50_000


class OxigraphStore(GraphStore):
    """The embedded store: an Oxigraph dataset on disk (or in memory)."""

    def __init__(self, inner: ox.Store, location: str, read_only: bool = False) -> None:
        super().__init__(inner, location)
        self._inner = inner
        self.read_only = read_only

    @property
    def shared_location(self) -> str | None:
        return None if self.location == ":memory:" else self.location

    def replace_graph_text(self, graph: URIRef, body: str, atomic: bool = True) -> None:
        """Without ``atomic``, the old graph is dropped, then the new triples are bulk-loaded,
        several times faster on disk; until the load ends, readers may see the graph empty or
        partly there."""
        name = graph_name(graph)
        try:
            if atomic and not self._inner.contains_named_graph(name):
                # Nothing to replace: one load is one transaction, and parses faster than an update.
                self._inner.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
            elif atomic:
                # Oxigraph has no multi-call transaction in Python; one update request is one.
                # The data is written by the N-Triples serialiser, which escapes every term.
                self._inner.update(f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}")
            else:
                self._inner.update(f"DROP SILENT GRAPH {name}")
                self._inner.bulk_load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: writing graph {graph} failed ({exc})") from exc
        self._writes += 1

    def remove_graph(self, graph: URIRef) -> None:
        self._inner.update(f"DROP SILENT GRAPH {graph_name(graph)}")
        self._writes += 1

    def remove_graphs(self, graphs: Iterable[URIRef]) -> None:
        """No transaction removes more than about ``QUADS_PER_REMOVAL`` quads (a transaction holds
        what it removes in memory, and the derived graphs of a big store hold millions): a big
        graph is emptied that many quads at a time, then dropped with others."""
        pending: list[ox.NamedNode] = []
        held = 0
        for name in (graph_name(g) for g in graphs):
            left = self._empty_but_a_piece(name)
            if pending and held + left > QUADS_PER_REMOVAL:
                self._drop(pending)
                pending, held = [], 0
            pending.append(name)
            held += left
        if pending:
            self._drop(pending)

    def _empty_but_a_piece(self, name: ox.NamedNode) -> int:
        """Remove the quads of graph ``name`` ``QUADS_PER_REMOVAL`` at a time while it holds more;
        how many it holds then (a graph with blank nodes is left whole: an update cannot name them)."""
        while True:
            quads = list(itertools.islice(self._inner.quads_for_pattern(None, None, None, name), QUADS_PER_REMOVAL))
            if len(quads) < QUADS_PER_REMOVAL or any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
                return len(quads)
            # Terms as the engine writes them (N-Triples, every character escaped).
            self._inner.update(f"DELETE DATA {{ GRAPH {name} {{\n" + "".join(
                f"{q.subject} {q.predicate} {q.object} .\n" for q in quads) + "} }")
            self._writes += 1

    def _drop(self, names: Sequence[ox.NamedNode]) -> None:
        self._inner.update(" ;\n".join(f"DROP SILENT GRAPH {name}" for name in names))
        self._writes += 1

    def add_to_graphs(self, bodies: Mapping[URIRef, str], bulk: bool = False) -> None:
        """Each N-Triples line (which ends `` .``) becomes a quad of its graph: in one transaction,
        or in bulk loads of at most ``BULK_LOAD_LINES`` quads (the bulk loader holds about ten times
        its input in memory)."""
        # Line by line, as the bodies are read (a body may be large: not split into a list first).
        quads = (f"{line.rstrip()[:-1]}{graph_name(graph)} .\n" for graph, body in bodies.items()
                 for line in io.StringIO(body) if line.strip())
        try:
            if bulk:
                while chunk := "".join(itertools.islice(quads, BULK_LOAD_LINES)):
                    self._inner.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
            else:
                self._inner.load("".join(quads), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.location}: writing {len(bodies)} graphs failed ({exc})") from exc
        self._writes += 1

    def update(self, text: str, base_iri: str | None = None) -> None:
        try:
            self._inner.update(text, base_iri=base_iri, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{self.location}: the update failed ({exc})") from exc
        self._writes += 1

    def flush(self) -> None:
        if self.location != ":memory:" and not self.read_only:
            self._inner.flush()

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the on-disk store at ``target`` (which must not exist), taken
        while the store stays open; copying its files instead races with its compactions."""
        try:
            self._inner.backup(str(target))
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.location}: cannot back up to {target} ({exc})") from exc

    def compact(self) -> None:
        """Oxigraph's ``optimize``: a full compaction of the on-disk store, in time about in
        proportion to its size; readers may stay open."""
        if self.read_only:
            raise StoreError(f"{self.location}: a store opened read-only cannot be compacted")
        try:
            self._inner.optimize()
        except OSError as exc:
            raise StoreError(f"{self.location}: compaction failed ({exc})") from exc
        # Views opened before it still read (and keep on disk) the files it replaced: readers
        # that watch the generation reopen theirs.
        self._writes += 1

    def close(self) -> None:
        self.flush()
        del self._inner, self._dataset  # the last references: Oxigraph releases the files and the lock


def is_remote(location: str) -> bool:
    """Whether a store location names a SPARQL server rather than a folder."""
    return location.startswith(("http://", "https://"))


class BulkLoader:
    """N-Triples for graphs the caller has emptied, bulk-loaded about ``lines`` triples at a time:
    called with a graph and its text as often as needed; the rest is loaded as the block ends."""

    def __init__(self, store: GraphStore, lines: int) -> None:
        self.store, self.most = store, lines
        self.pending: dict[URIRef, list[str]] = defaultdict(list)
        self.lines = 0

    def __call__(self, graph: URIRef, text: str) -> None:
        self.pending[graph].append(text)
        self.lines += text.count("\n")
        if self.lines >= self.most:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.store.add_to_graphs({graph: "".join(texts) for graph, texts in self.pending.items()}, bulk=True)
        self.pending, self.lines = defaultdict(list), 0

    def __enter__(self) -> BulkLoader:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.flush()
