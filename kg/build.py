"""``Document`` and ``Claim`` -> RDF triples: the only place IRIs are minted.

Every IRI is derived from content (document file name, claim id, entity key), never from raw
text, so rebuilding the same input yields the same triples. Each document's triples go to its
own named graph (``graph_iri``); the sources and authors they name are described once, in
``AGENTS_GRAPH``; verdicts between claims go to a graph for each partition (``verdicts_graph``),
what they imply for each claim to ``INDEPENDENCE_GRAPHS``, the digest of the documents they were
made from to ``RECONCILIATION_GRAPH``, how many claims each document has and each entity is
named in to ``COUNTS_GRAPH``, and how often each measure's chains cite one source from another to
``CITATIONS_GRAPH``.

>>> from kg.model import Document
>>> doc = Document(key="a.txt", text="Hello.", sha256="0" * 64, title="Hello")
>>> str(document_iri(doc))
'https://w3id.org/claimgraph/id/document/ebb3ace37412031f'
>>> (document_iri(doc), DCTERMS.title, Literal("Hello")) in set(document_triples(doc))
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef

from . import terms
from .model import Claim, Document, Frame, Relation, Source, content_id
from .ontology import Gazetteer
from .records import document_record
from .terms import Triple
from .vocab import CG, DCTERMS, ID, OA, PROV, RDF, RDFS, SDO, XSD

RECONCILIATION_GRAPH = ID["graph/reconciliation"]
#: How many claims each document has and each entity is named in (``count_triples``).
COUNTS_GRAPH = ID["graph/counts"]
#: How many times the chains of each measure's claims hold each citation (``citation_triples``).
CITATIONS_GRAPH = ID["graph/citations"]
#: Verdicts and the claim-to-claim links they imply, a graph for each partition that has any
#: (``verdicts_graph``).
VERDICTS_GRAPHS = "graph/verdicts/"
#: Each claim's roots and independent sources (``independence_triples``) and its blocking keys
#: (``key_triples``), in graphs by the claim's document (``bucket_graph``).
INDEPENDENCE_GRAPHS = "graph/independence/"
KEYS_GRAPHS = "graph/keys/"
#: The claims of each blocking key with their records, a graph for each key (``members_graph``):
#: what a write reads of the partitions it touches, each in one scan of its graph.
MEMBERS_GRAPHS = "graph/members/"
#: What the service pages in a fixed order (``lists``), in a graph each: the verdicts of each kind
#: by id, and the events in timeline order.
LISTS_GRAPHS = "graph/lists/"
ENTITIES_GRAPH = ID["graph/entities"]
#: The sources and authors the documents name, each described once (``agent_triples``).
AGENTS_GRAPH = ID["graph/agents"]
CONTEXT_CHARS = 32


def graph_iri(doc: Document) -> URIRef:
    """The named graph holding one document's triples."""
    return ID[f"graph/{doc.id}"]


def graph_iri_for_key(key: str) -> URIRef:
    """The named graph of the document read from file ``key``."""
    return ID[f"graph/{content_id('document', key)}"]


def verdicts_graph(kind: str, key: str) -> URIRef:
    """The graph of the verdicts of one partition (``reconcile.Partition``: its kind and key)."""
    return ID[f"{VERDICTS_GRAPHS}{content_id('partition', kind, key)}"]


def members_graph(key: str) -> URIRef:
    """The graph of the claims with the blocking key ``key`` (``member_triple``)."""
    return ID[f"{MEMBERS_GRAPHS}{content_id('key', key)}"]


def bucket_graph(prefix: str, document: str) -> URIRef:
    """One of 256 graphs under ``prefix`` that holds what is kept of the claims of the document
    read from file ``document``: a change to a document rewrites a 256th of them."""
    return ID[f"{prefix}{content_id('document', document)[:2]}"]


#: Lengths of the prefixes an id follows in the IRIs minted below.
_DOCUMENT_PREFIX, _CLAIM_PREFIX, _ENTITY_PREFIX, _VERDICT_PREFIX = (
    len(f"{ID}{kind}/") for kind in ("document", "claim", "entity", "verdict"))


def document_iri(doc: Document) -> URIRef:
    return document_iri_for_id(doc.id)


def document_iri_for_id(doc_id: str) -> URIRef:
    return ID[f"document/{doc_id}"]


def document_id_of(iri: object) -> str:
    """The document id an IRI minted by ``document_iri`` holds."""
    return str(iri)[_DOCUMENT_PREFIX:]


@lru_cache(maxsize=1 << 16)
def claim_iri(claim_id: str) -> URIRef:
    return URIRef(f"{ID}claim/{claim_id}")


def claim_id_of(iri: object) -> str:
    """The claim id an IRI minted by ``claim_iri`` holds."""
    return str(iri)[_CLAIM_PREFIX:]


def count_triples(claims: Iterable[Claim]) -> Iterator[Triple]:
    """How many claims each document has and how many name each alias-table entity
    (``Claim.entities``): what pages of claims and the list of entities count, kept with the
    verdicts rather than counted at each request."""
    documents: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    for c in claims:
        documents[c.document] += 1
        entities.update(c.entities())
    for key, n in sorted(documents.items()):
        yield document_iri_for_id(content_id("document", key)), CG.claimCount, Literal(n)
    for key, n in sorted(entities.items()):
        yield entity_iri(key), CG.claimCount, Literal(n)


def citation_triples(counts: Mapping[tuple[str, str, str], int]) -> Iterator[Triple]:
    """Each citation (``measure``, citing source, cited source: ``Source.identity`` keys) with how
    many times the chains of the measure's claims hold it (``independence.citations``)."""
    for (measure, citing, cited), n in sorted(counts.items()):
        node = citation_iri(measure, citing, cited)
        yield node, RDF.type, CG.Citation
        yield node, CG.citationMeasure, Literal(measure)
        yield node, CG.citing, root_iri(citing)
        yield node, CG.cited, root_iri(cited)
        yield node, CG.citationCount, Literal(n)


def citation_iri(measure: str, citing: str, cited: str) -> URIRef:
    return ID[f"citation/{content_id('citation', measure, citing, cited)}"]


#: An agent as the documents name it: its IRI, a name they give it, the kind of source they cite
#: it as (None for an author).
Naming = tuple[str, str, str | None]


def naming_triples(counts: Mapping[Naming, int]) -> Iterator[Triple]:
    """Each way the documents name an agent (``Naming``) with how many documents name it so:
    what a write reads to describe again the agents its documents named, rather than every
    mention of them."""
    for (agent, name, kind), n in sorted(counts.items(), key=lambda item: (item[0][0], item[0][1], item[0][2] or "")):
        node = naming_iri(agent, name, kind)
        yield node, RDF.type, CG.Naming
        yield node, CG.namedAgent, URIRef(agent)
        yield node, CG.givenName, Literal(name)
        if kind is not None:
            yield node, CG.givenKind, Literal(kind)
        yield node, CG.documentCount, Literal(n)


def naming_iri(agent: str, name: str, kind: str | None) -> URIRef:
    return ID[f"naming/{content_id('naming', agent, name, kind or '')}"]


def sentence_quote_iri(claim_iri: object) -> URIRef:
    """The selector that quotes the sentence of the claim at ``claim_iri``."""
    return URIRef(f"{claim_iri}/evidence/quote")


def claim_of_sentence_quote(iri: object) -> str | None:
    """The IRI of the claim whose sentence a selector quotes (the inverse of ``sentence_quote_iri``),
    None for any other IRI."""
    text, suffix = str(iri), "/evidence/quote"
    claim = text[: -len(suffix)]
    return claim if text.endswith(suffix) and claim.startswith(f"{ID}claim/") and "/" not in claim[_CLAIM_PREFIX:] else None


def entity_key_of(iri: object) -> str:
    """The alias-table key an IRI minted by ``entity_iri`` holds."""
    return str(iri)[_ENTITY_PREFIX:]


def review_iri(review_id: str) -> URIRef:
    return ID[f"review/{review_id}"]


#: Who wrote reviews, each described once (outside ``graph/``, like the reviews).
REVIEWERS_GRAPH = ID["curation/reviewers"]


def review_graph(review_id: str) -> URIRef:
    """The named graph of one review (outside ``graph/``, the pipeline's graphs)."""
    return ID[f"curation/reviews/{review_id}"]


def reviewer_iri(name: str) -> URIRef:
    return ID[f"reviewer/{content_id('reviewer', name.strip().lower())}"]


def entity_iri(key: str) -> URIRef:
    """The IRI of a canonical entity of the alias table (``ontology/entities.ttl``)."""
    return ID[f"entity/{key}"]


def relation_iri(relation: Relation) -> URIRef:
    return relation_iri_for_id(relation.id)


def relation_iri_for_id(relation_id: str) -> URIRef:
    return URIRef(f"{ID}verdict/{relation_id}")


def list_iri(name: str, block: str | None = None) -> URIRef:
    """The list ``name`` (a kind of verdict, or ``events``), or its block that begins with the item ``block``."""
    return ID[f"list/{name}"] if block is None else ID[f"list/{name}/{block}"]


def timeline_key(begins: date | None, ends: date | None, document: str, start: int,
                 claim_id: str) -> tuple[bool, date, date, str, int, str]:
    """Where an event claim stands in a timeline: dated ones by start and end, then undated; then
    by document and place in it."""
    return begins is None, begins or date.min, ends or date.min, document, start, claim_id


def claim_timeline_key(c: Claim) -> tuple[bool, date, date, str, int, str]:
    """Where a claim stands in a timeline (``timeline_key``)."""
    return timeline_key(c.time.start if c.time else None, c.time.end if c.time else None, c.document, c.start, c.id)


def timeline_order(claims: Iterable[Claim]) -> list[str]:
    """The ids of the event claims in timeline order (``timeline_key``)."""
    return [c.id for c in sorted((c for c in claims if c.kind == "event"), key=claim_timeline_key)]


def relation_id_of(iri: object) -> str:
    """The relation id an IRI minted by ``relation_iri`` holds."""
    return str(iri)[_VERDICT_PREFIX:]


def source_iri(source: Source, doc_key: str) -> URIRef:
    """A source's IRI: its entity when resolved; anonymous sources are local to their document."""
    return root_iri(source.identity(doc_key))


def person_iri(name: str) -> URIRef:
    return ID[f"person/{content_id('person', ' '.join(name.lower().split()))}"]


@lru_cache(maxsize=4096)
def _decimal(x: float) -> Literal:
    return Literal(Decimal(repr(float(x))).normalize(), datatype=XSD.decimal)


@lru_cache(maxsize=4096)
def _word(text: str) -> Literal:
    """A plain literal of the few that verdicts and keys repeat (bases, scopes, compared values, keys)."""
    return Literal(text)


def document_triples(doc: Document, publisher_entity: str | None = None) -> Iterator[Triple]:
    """The document node: metadata, text and boilerplate spans."""
    d = document_iri(doc)
    yield d, RDF.type, CG.Document
    yield d, CG.fileName, Literal(doc.key)
    yield d, CG.sha256, Literal(doc.sha256)
    yield d, DCTERMS.format, Literal(doc.media_type)
    yield d, CG.text, Literal(doc.text)
    metadata = {k: v for k, v in document_record(doc).items() if k != "claims"}
    yield d, CG.record, Literal(json.dumps(metadata, ensure_ascii=False, separators=(",", ":")), datatype=RDF.JSON)
    if doc.title:
        yield d, DCTERMS.title, Literal(doc.title)
    if doc.published:
        yield d, DCTERMS.issued, Literal(doc.published.isoformat(), datatype=XSD.date)
    if doc.url:
        yield d, SDO.url, Literal(doc.url, datatype=XSD.anyURI)
    if doc.language:
        yield d, DCTERMS.language, Literal(doc.language, datatype=XSD.language)
    for index, name in enumerate(doc.authors):
        person = person_iri(name)
        link = URIRef(f"{d}/author/{index}")
        yield d, DCTERMS.creator, person
        yield d, PROV.qualifiedAttribution, link
        yield link, RDF.type, PROV.Attribution
        yield link, PROV.agent, person
        yield link, CG.chainIndex, Literal(index)
        yield link, CG.agentName, Literal(name)
    if doc.publisher:
        pub = entity_iri(publisher_entity) if publisher_entity else ID[f"source/{content_id('publisher', doc.publisher.lower())}"]
        yield d, DCTERMS.publisher, pub
        yield d, PROV.wasAttributedTo, pub
        yield d, CG.publisherName, Literal(doc.publisher)
    for b in doc.boilerplate:
        node = ID[f"document/{doc.id}/boilerplate/{b.start}-{b.end}"]
        yield d, CG.boilerplate, node
        yield node, RDF.type, CG.Boilerplate
        yield node, CG.boilerplateKind, Literal(b.kind)
        yield node, CG.start, Literal(b.start)
        yield node, CG.end, Literal(b.end)


def _selectors(doc: Document, base: URIRef, start: int, end: int) -> Iterator[Triple]:
    exact = doc.text[start:end]
    quote, position = URIRef(f"{base}/quote"), URIRef(f"{base}/position")
    yield base, RDF.type, OA.SpecificResource
    yield base, OA.hasSource, document_iri(doc)
    yield base, OA.hasSelector, quote
    yield base, OA.hasSelector, position
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(exact)
    yield quote, OA.prefix, Literal(doc.text[max(0, start - CONTEXT_CHARS) : start])
    yield quote, OA.suffix, Literal(doc.text[end : end + CONTEXT_CHARS])
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(start)
    yield position, OA.end, Literal(end)


def claim_triples(claim: Claim, doc: Document) -> Iterator[Triple]:
    """One claim: its reading, scope, attribution chain and evidence."""
    if doc.text[claim.sentence.start : claim.sentence.end] != claim.text:
        raise ValueError(f"claim {claim.id}: sentence offsets do not match its text")
    c = claim_iri(claim.id)
    yield c, RDF.type, CG.FigureClaim if claim.figure else CG.EventClaim
    yield c, SDO.appearance, document_iri(doc)
    yield c, CG.start, Literal(claim.start)
    yield c, CG.end, Literal(claim.end)
    yield c, CG.modality, Literal(claim.modality)
    yield c, CG.record, Literal(claim.to_json(), datatype=RDF.JSON)
    yield from _selectors(doc, URIRef(f"{c}/evidence"), claim.sentence.start, claim.sentence.end)
    yield c, CG.evidence, URIRef(f"{c}/evidence")
    if claim.figure:
        f = claim.figure
        q = URIRef(f"{c}/figure")
        yield c, CG.figure, q
        yield c, CG.confidence, _decimal(round(f.confidence, 3))
        yield q, RDF.type, CG.Quantity
        yield q, CG.surface, Literal(f.surface)
        yield q, CG.start, Literal(f.start)
        yield q, CG.end, Literal(f.end)
        yield q, CG.qualifier, Literal(f.qualifier)
        yield q, CG.circa, Literal(f.qualifier == "approx")
        if f.repaired:
            yield q, CG.repaired, Literal(True)
        if f.unit:
            yield q, CG.unit, Literal(f.unit)
        if f.value is not None:
            yield q, CG.amount, _decimal(f.value)
        if f.low is not None:
            yield q, CG.lowerBound, _decimal(f.low)
        if f.high is not None:
            yield q, CG.upperBound, _decimal(f.high)
    if claim.trigger:
        yield c, CG.trigger, Literal(claim.trigger)
    if claim.event_type:
        yield c, CG.eventType, Literal(claim.event_type)
    for key in claim.participants:
        yield c, CG.participant, entity_iri(key)
    for figure_id in claim.figures:
        yield c, CG.carriesFigure, claim_iri(figure_id)
    if claim.kind == "event":
        yield from _event_triples(c, claim)
    if claim.subject:
        yield c, CG.subjectText, Literal(claim.subject)
    if claim.subject_entity:
        yield c, CG.subject, entity_iri(claim.subject_entity)
    if claim.measure:
        yield c, CG.measure, Literal(claim.measure)
    if claim.frame is not None:
        yield from _frame_triples(c, claim.frame)
    if claim.place:
        yield c, CG.place, entity_iri(claim.place)
    if claim.time:
        t = claim.time
        yield c, CG.timeText, Literal(t.text)
        yield c, CG.time, Literal(t.iso)
        yield c, CG.timeStart, Literal(t.start.isoformat(), datatype=XSD.date)
        yield c, CG.timeEnd, Literal(t.end.isoformat(), datatype=XSD.date)
    for index, source in enumerate(claim.sources):
        agent = source_iri(source, doc.key)
        link = URIRef(f"{c}/attribution/{index}")
        yield c, PROV.wasAttributedTo, agent
        yield c, PROV.qualifiedAttribution, link
        yield link, RDF.type, PROV.Attribution
        yield link, PROV.agent, agent
        yield link, CG.chainIndex, Literal(index)
        yield link, CG.agentName, Literal(source.label)
        yield link, CG.agentKind, Literal(source.kind)
        if source.phrase:
            yield link, CG.phrase, Literal(source.phrase)
    if claim.sources:
        yield c, PROV.hadPrimarySource, source_iri(claim.sources[-1], doc.key)
    else:
        yield c, PROV.hadPrimarySource, document_iri(doc)


def _event_triples(c: URIRef, claim: Claim) -> Iterator[Triple]:
    """The event a claim reports, as a node: a ``prov:Activity`` and ``schema:Event`` with its
    actors by role (its agents' entities also as ``prov:wasAssociatedWith``), its place and its dates."""
    event = URIRef(f"{c}/event")
    yield c, CG.reportsEvent, event
    yield event, RDF.type, CG.Event
    if claim.place:
        yield event, SDO.location, entity_iri(claim.place)
    if claim.time:
        yield event, SDO.startDate, Literal(claim.time.start.isoformat(), datatype=XSD.date)
        yield event, SDO.endDate, Literal(claim.time.end.isoformat(), datatype=XSD.date)
    for index, actor in enumerate(claim.actors):
        node = URIRef(f"{event}/actor/{index}")
        yield event, CG.actor, node
        yield node, RDF.type, CG.EventActor
        yield node, CG.role, Literal(actor.role)
        yield node, RDFS.label, Literal(actor.name)
        yield node, CG.named, Literal(actor.named)
        if actor.entity:
            yield node, CG.actorEntity, entity_iri(actor.entity)
            if actor.role == "agent":
                yield event, PROV.wasAssociatedWith, entity_iri(actor.entity)


def publisher_of(doc: Document) -> str | None:
    """The known entity that publishes ``doc``, from the alias table."""
    return Gazetteer.load().resolve(doc.publisher) if doc.publisher else None


def document_graph(doc: Document, claims: Iterable[Claim], publisher_entity: str | None = None) -> list[Triple]:
    """Every triple of one document's named graph."""
    triples = list(document_triples(doc, publisher_entity))
    for claim in claims:
        triples.extend(claim_triples(claim, doc))
    return triples


def agent_triples(agent: URIRef, name: str, kind: str | None) -> Iterator[Triple]:
    """One agent as the documents name it: a source of some kind, or (without a kind) an author.

    Agents are shared by documents, so they are described once, in ``AGENTS_GRAPH``, rather than
    in each document's graph: a union of the graphs is then a set of triples, not a bag."""
    if kind is None:
        yield agent, RDF.type, PROV.Agent
    else:
        yield agent, RDF.type, CG.Source
        yield agent, CG.sourceKind, Literal(kind)
    yield agent, RDFS.label, Literal(name)


def independence_triples(claim_id: str, independent: int, single_source: bool, roots: Iterable[URIRef],
                         circular: bool = False) -> Iterator[Triple]:
    """What reconciliation says of one claim: its roots and how many are independent."""
    c = claim_iri(claim_id)
    yield c, CG.independentSources, Literal(independent)
    if single_source:
        yield c, CG.singleSourceStory, Literal(True)
    if circular:
        yield c, CG.circularReporting, Literal(True)
    for root in roots:
        yield c, CG.root, root


def root_iri(key: str) -> URIRef:
    """The IRI of a root node as ``independence.root_key`` names it (entity, source or document)."""
    kind, _, rest = key.partition(":")
    if kind == "entity":
        return entity_iri(rest)
    if kind == "document":
        return ID[f"document/{content_id('document', rest)}"]
    return ID[f"source/{rest}"]


def source_key_of(iri: object) -> str | None:
    """The ``Source.identity`` an IRI minted by ``source_iri`` stands for (None for another IRI,
    such as a document's)."""
    text = str(iri)
    if text.startswith(_ENTITY_IRI):
        return f"entity:{entity_key_of(text)}"
    if text.startswith(_SOURCE_IRI):
        return f"source:{text[len(_SOURCE_IRI):]}"
    return None


_ENTITY_IRI, _SOURCE_IRI = str(entity_iri("")), str(ID["source/"])


#: Each kind of verdict: its class, and the property that links its two claims directly
#: (both ways, but for a change: from the earlier claim to the later one).
VERDICT_KINDS: dict[str, tuple[URIRef, URIRef]] = {
    "corroborates": (CG.Corroboration, CG.corroborates),
    "conflicts": (CG.Conflict, CG.conflictsWith),
    "changes": (CG.Change, CG.changesTo),
}


def relation_ntriples(relation: Relation) -> str:
    """A verdict node between two claims, carrying its reason, and its record (``cg:record``: the
    verdict as ``Relation.to_json`` writes it, read back in one row), as N-Triples. Written term by
    term rather than through rdflib's terms, which cost about twice as much: a build writes
    millions of verdicts."""
    v = terms.iri(relation_iri_for_id(relation.id))
    lines = [f"{v} {_TYPE} {_VERDICT_CLASS[relation.kind]} .\n",
             f"{v} {_RECORD} {terms.literal(relation.to_json(), RDF.JSON)} .\n",
             f"{v} {_CLAIM_OF} {_claim_iri_text(relation.a)} .\n",
             f"{v} {_CLAIM_OF} {_claim_iri_text(relation.b)} .\n",
             f"{v} {_BASIS} {_word_text(relation.basis)} .\n",
             f"{v} {_REASON} {terms.literal(relation.reason)} .\n"]
    if relation.tolerance is not None:
        lines.append(f"{v} {_TOLERANCE} {_decimal_text(relation.tolerance)} .\n")
    if relation.difference is not None:
        lines.append(f"{v} {_DIFFERENCE} {_decimal_text(round(relation.difference, 6))} .\n")
    if relation.scope:
        lines.append(f"{v} {_SCOPE} {_word_text(relation.scope)} .\n")
    if relation.similarity is not None:
        lines.append(f"{v} {_SIMILARITY} {_decimal_text(relation.similarity)} .\n")
    lines += [f"{v} {_COMPARED} {_word_text(value)} .\n" for value in relation.values]
    return "".join(lines)


_VERDICT_CLASS = {kind: terms.iri(cls) for kind, (cls, _) in VERDICT_KINDS.items()}
_TYPE, _RECORD, _CLAIM_OF, _BASIS, _REASON, _TOLERANCE, _DIFFERENCE, _SCOPE, _SIMILARITY, _COMPARED = (
    terms.iri(p) for p in (RDF.type, CG.record, CG.claim, CG.basis, CG.reason, CG.tolerance, CG.relativeDifference,
                           CG.scope, CG.similarity, CG.comparedValue))


@lru_cache(maxsize=65536)
def _claim_iri_text(claim_id: str) -> str:
    return terms.iri(claim_iri(claim_id))


#: A plain literal of the few that verdicts repeat (bases, scopes, compared values), as text.
_word_text = lru_cache(maxsize=4096)(terms.literal)


@lru_cache(maxsize=65536)
def _decimal_text(x: float) -> str:
    return str(terms.to_ox(_decimal(x)))


def key_triples(claim_id: str, keys: Iterable[str]) -> Iterator[Triple]:
    """A claim's blocking keys (``reconcile.blocking_keys``): which partitions it is judged in."""
    c = claim_iri(claim_id)
    for key in sorted(keys):
        yield c, CG.blockingKey, _word(key)


def member_triples(claim: Claim, keys: Iterable[str]) -> Iterator[tuple[URIRef, Triple]]:
    """A claim in the graph of each of its blocking ``keys`` (``members_graph``): its record, as its
    document's graph holds it, on a node of its own in each (``member_iri``), so that no triple is
    in two graphs."""
    record = Literal(claim.to_json(), datatype=RDF.JSON)
    for key in sorted(keys):
        yield members_graph(key), (member_iri(claim.id, key), CG.memberRecord, record)


def member_iri(claim_id: str, key: str) -> URIRef:
    """A claim as a member of the claims with the blocking key ``key``."""
    return URIRef(f"{claim_iri(claim_id)}/in/{content_id('key', key)}")


def words_of(text: str) -> list[str]:
    """The words of a text as a search matches them: runs of word characters, case-folded."""
    return re.findall(r"\w+", text.casefold())


def word_triples(claim_id: str, text: str) -> Iterator[Triple]:
    """The distinct words of a claim's sentence (``words_of``), for finding claims by their words."""
    c = claim_iri(claim_id)
    for word in sorted(set(words_of(text))):
        yield c, CG.word, Literal(word)


def link_triples(links: Iterable[tuple[str, str, str]]) -> Iterator[Triple]:
    """The claim-to-claim links of verdicts ``(kind, a, b)``, each once however many verdicts
    (on several bases) imply it: both ways, but a change only from ``a`` to ``b``."""
    seen: set[tuple[str, str, str]] = set()
    for kind, a, b in links:
        for x, y in ((a, b),) if kind == "changes" else ((a, b), (b, a)):
            if (kind, x, y) not in seen:
                seen.add((kind, x, y))
                yield claim_iri(x), VERDICT_KINDS[kind][1], claim_iri(y)


def _frame_triples(c: URIRef, frame: Frame) -> Iterator[tuple[URIRef, URIRef, Literal]]:
    """The claim frame as literals on the claim (its thing is ``cg:subjectText``)."""
    for prop, value in ((CG.thingHead, frame.head), (CG.predicate, frame.predicate), (CG.owner, frame.owner),
                        (CG.placeName, frame.place), (CG.ratePer, frame.per), (CG.measureReason, frame.reason), (CG.purpose, frame.purpose),
                        (CG.thingModifiers, " ".join(frame.modifiers) or None)):
        if value:
            yield c, prop, Literal(value)
    if frame.increment:
        yield c, CG.increment, Literal(True)
