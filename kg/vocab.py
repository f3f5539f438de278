"""The graph's vocabularies as typed namespaces.

``CG`` is generated from ``ontology/claims.ttl`` by rdflib's namespace creator
(``python -m rdflib.tools.defined_namespace_creator -f ontology/claims.ttl
https://w3id.org/claimgraph/ns# CG``); ``tests/test_vocab.py`` fails when the two drift apart.
Misspelt terms raise ``AttributeError``:

>>> CG.Claim
rdflib.term.URIRef('https://w3id.org/claimgraph/ns#Claim')
>>> OA.TextQuoteSelector
rdflib.term.URIRef('http://www.w3.org/ns/oa#TextQuoteSelector')
"""

from rdflib.namespace import (
    DCTERMS,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

__all__ = ["CG", "OA", "ID", "DCTERMS", "PROV", "RDF", "RDFS", "SDO", "SKOS", "XSD", "PREFIXES"]

#: Where the graph's own resources (documents, claims, entities, graphs) are minted.
ID = Namespace("https://w3id.org/claimgraph/id/")


class CG(DefinedNamespace):
    """The claim-provenance vocabulary (``ontology/claims.ttl``)."""

    _NS = Namespace("https://w3id.org/claimgraph/ns#")

    _fail = True

    Boilerplate: URIRef  # A span of a document's text that is site chrome, a caption or a header, not reporting; claims are not read from it.
    Change: URIRef  # Two claims about the same thing at different times: a series, not a contradiction. Its reason says how the value moved.
    Citation: URIRef  # A link of attribution chains, one source citing the next ("Reuters, citing the ministry"), with how many times the chains of one measure's claims hold it: what a write reads of a measure's citations, rather than its claims.
    Claim: URIRef  # One assertion made in a document: a figure about a subject, or a dated event, with its attribution chain and evidence.
    Conflict: URIRef  # Two claims about the same thing in the same scope whose readings cannot both hold.
    Corroboration: URIRef  # Two claims from different documents whose readings agree within the tolerance, or whose arithmetic is consistent.
    Document: URIRef  # A report, article or brief as ingested: its text, metadata and checksum. Its triples live in a named graph of their own.
    Entity: URIRef  # An actor, organisation, outlet, place or group named in the text, with one IRI and its aliases.
    Event: URIRef  # What an event claim reports took place: its type, its actors by role and its time (schema:startDate and schema:endDate).
    EventActor: URIRef  # One actor of an event in one role: its name as written, and its entity when the alias table knows it.
    EventClaim: URIRef  # A claim that an action took place (a treaty signed, a ban in force, talks held), with participants and a time.
    FigureClaim: URIRef  # A claim that states a quantity.
    Naming: URIRef  # One way the documents name an agent (a name, and the kind of source they cite it as), with how many documents name it so: what a write reads to describe again the agents its documents named, rather than every mention of them.
    Quantity: URIRef  # A figure read as an amount or interval, after Wikidata's quantity: amount, lower and upper bound, unit, and the hedge that qualified it.
    Source: URIRef  # Anyone a claim is attributed to: a named entity, an anonymous source, a group, or the document's publisher.
    Review: URIRef  # A fact-checker's rating of a claim, with a note, attributed to its reviewer at the time it was made. It keeps what was reviewed (the sentence, the figure, the document and its version) and lives in a named graph of its own that builds never touch.
    Verdict: URIRef  # The result of comparing two claims about the same thing, with the reason: the values, the tolerance, the relative difference and the shared scope.
    actor: URIRef  # One of the event's actors, with its role.
    actorEntity: URIRef  # The entity of the alias table the actor is.
    agentKind: URIRef  # The kind of source the document cites in this attribution: named, anonymous, group or data.
    agentName: URIRef  # The name the document gives the agent of this attribution (a source or an author).
    amount: URIRef  # The stated value, when the figure is a single number.
    basis: URIRef  # What was compared: value (the two readings), arithmetic (a ratio, a sum, a share), series (one measure at two times) or event (two reports of one event).
    blockingKey: URIRef  # A topic the claim's figure can be compared within, or an event's verb with one of its actors: claims are judged against the claims that share one of these keys, so a change to some documents recomputes the verdicts of their keys only.
    boilerplate: URIRef  # A span of the document marked as chrome.
    carriesFigure: URIRef  # A figure claim of the event's own clause (deployed 3,000 troops: the event and its figure).
    boilerplateKind: URIRef  # What the span is: header, heading, caption, image, newsletter, feed, poll, share, comments.
    chainIndex: URIRef  # Position of an attribution in the claim's chain, 0 being the outermost source after the document itself.
    changesTo: URIRef  # Shortcut for a change verdict, from the earlier claim to the later one.
    circa: URIRef  # True when the figure is approximate.
    circularReporting: URIRef  # True when the claim's attribution chain passes through sources that cite one another (A cites B and B cites A); they count as one root.
    citationCount: URIRef  # How many times the chains of the measure's claims hold the citation.
    citationMeasure: URIRef  # The measure of the claims whose chains hold the citation.
    cited: URIRef  # The source a citation cites.
    citing: URIRef  # The source that cites in a citation.
    claim: URIRef  # One of the two claims a verdict compares.
    comparedValue: URIRef  # A reading that entered the comparison, as an interval in words.
    claimCount: URIRef  # How many claims a document has, or name an entity (as subject, place, participant or source).
    confidence: URIRef  # How sure the reading of the figure is, from 0 to 1 (low for figures damaged in scraping).
    conflictsWith: URIRef  # Shortcut for a conflict verdict between two claims.
    corroborates: URIRef  # Shortcut for a corroboration verdict between two claims.
    documentCount: URIRef  # How many documents name the agent so.
    end: URIRef  # Character offset where a span ends (exclusive) in the document's text.
    entityType: URIRef  # country, government, agency, organization, media, person, place or group.
    eventType: URIRef  # The type of event from a small general taxonomy: statement, agreement, meeting, movement, attack, legal, economic, personnel, policy, disaster, contest (elections, votes, matches: who won and who lost) or protest (protests, marches, rallies, strikes).
    evidence: URIRef  # Where the claim is stated: the document and the selectors of the sentence and of its figure or key phrase.
    figure: URIRef  # The quantity the claim states.
    fileName: URIRef  # The name of the file the document was read from; it identifies the document across versions.
    givenKind: URIRef  # The kind of source a naming cites the agent as (none for an author).
    givenName: URIRef  # The name a naming gives the agent.
    increment: URIRef  # True when the figure is an addition to an earlier one (another 3,000).
    independenceForm: URIRef  # The rule by which the claims' independence was assessed; a build that finds another rule here assesses every claim again.
    independentSources: URIRef  # How many distinct roots the attribution chains of this claim and of the claims that corroborate it lead to; a document with no attribution is its own root.
    inputDigest: URIRef  # A digest of the document versions the verdicts were computed from; a build that finds it different recomputes them.
    itemCount: URIRef  # How many items a list holds: the verdicts of a kind, or the events.
    items: URIRef  # The ids of the items a block of a list holds, in order, separated by spaces: lists order the verdicts of each kind by id, the claims with a corroboration or a conflict in document order and the events in timeline order, about a thousand to a block (cg:blocks), so that a page is read without reading them all.
    blocks: URIRef  # A list's directory: the first item and the size of each of its blocks, in order, separated by spaces.
    lowerBound: URIRef  # The low end of a range.
    measure: URIRef  # A normalised key for what is measured, comparable across documents.
    measureReason: URIRef  # Why a figure has no measure, when it has none.
    memberRecord: URIRef  # A claim's record in the graph of one of its blocking keys: what a write reads of the claims it is judged against, in one scan of each key's graph.
    modality: URIRef  # How the claim is put: asserted, reported, alleged, denied, estimated, projected or hypothetical.
    named: URIRef  # True when the actor's words are a name, not a pronoun or a common noun.
    namedAgent: URIRef  # The agent a naming names.
    owner: URIRef  # Whose figure it is: an entity key, or a name as a hyphenated key (a company, country, agency or index).
    partOf: URIRef  # The entity an agency or ministry belongs to (e.g. a ministry of a country).
    participant: URIRef  # An entity taking part in an event.
    phrase: URIRef  # The words that name the source in the text (e.g. a source in Russia).
    place: URIRef  # Where the claim applies.
    placeName: URIRef  # A place named beside the figure, as written.
    predicate: URIRef  # The verb that says what happened to the measured thing, with its particle (e.g. kill, fall to).
    purpose: URIRef  # What the counted action was for, when the text says (e.g. education in visited for education purposes).
    qualifier: URIRef  # The hedge read from the text: exact, approx, at_least, at_most or range.
    ratePer: URIRef  # The thing a rate is per (e.g. share in $2.53 a share).
    rating: URIRef  # The review's rating on the fixed scale: true, mostly-true, mixed, misleading, false or unverifiable.
    reason: URIRef  # The verdict explained in words, with the arithmetic when there is some.
    record: URIRef  # A claim, a verdict, or a document's metadata, as one JSON object, written with its other triples and saying what they say: what is read back to compare claims, answer lookups and export the network, in one row each.
    relativeDifference: URIRef  # The distance between the two readings relative to the larger one (0 when the intervals overlap).
    repaired: URIRef  # True when the figure was read as a range whose dash was lost in scraping.
    publisherName: URIRef  # The name the document gives its publisher.
    reportsEvent: URIRef  # The event an event claim says took place.
    reviewedClaim: URIRef  # The claim a review rates (it may since have changed or gone: the review keeps what it rated).
    reviewedDocument: URIRef  # The file name of the document the reviewed claim was read from.
    reviewedFigure: URIRef  # The figure of the claim as it was when reviewed, as written.
    reviewedText: URIRef  # The sentence of the claim as it was when reviewed.
    reviewedVersion: URIRef  # The checksum of the document's version that was reviewed.
    role: URIRef  # How the actor takes part: agent (who did it), patient (to whom or what it was done) or recipient (to whom it went).
    root: URIRef  # A source (or document) at the end of the claim's attribution chain, followed through what the sources are known to cite.
    scope: URIRef  # What the two claims share: measure, unit and time.
    sha256: URIRef  # Hex SHA-256 of the document's bytes as read.
    similarity: URIRef  # How alike the two claims' measured things are, from 0 to 1: the share of their topics they have in common.
    singleSourceStory: URIRef  # True when the claim and the claims that corroborate it come from several documents and all trace back to one root (circular reporting).
    sourceKind: URIRef  # named, anonymous, group, data or publisher.
    start: URIRef  # Character offset where a span begins in the document's text.
    subject: URIRef  # The entity the claim is about.
    subjectText: URIRef  # What the figure counts, in the text's words (e.g. North Korean workers).
    supportedBy: URIRef  # A claim or document that supports the review's rating.
    surface: URIRef  # The figure as written, hedge included.
    text: URIRef  # The document's text; every offset in the graph points into it.
    thingHead: URIRef  # The canonical word for what a figure measures (e.g. death for fatalities, person for passengers).
    thingModifiers: URIRef  # The words that qualify the measured thing, space-separated (e.g. net for net profit).
    time: URIRef  # The claim's point in time or period in ISO 8601: a year, a date, or start/end.
    timeEnd: URIRef  # Last day of the claim's period.
    timeStart: URIRef  # First day of the claim's period.
    timeText: URIRef  # The words that gave the claim its time, kept as written (e.g. last year).
    tolerance: URIRef  # The relative tolerance used to widen hedged figures into intervals.
    trigger: URIRef  # The lemma of the word that tells the event (a verb or an event noun), e.g. sign, ratify, ban, repatriate.
    unit: URIRef  # What the number counts: person, percent, ratio, a currency code, visa, company, hour ...
    upperBound: URIRef  # The high end of a range.
    word: URIRef  # A word of the claim's sentence, case-folded: the claims that hold a word are found without reading every sentence.


class OA(DefinedNamespace):
    """The part of the W3C Web Annotation vocabulary that evidence uses."""

    _NS = Namespace("http://www.w3.org/ns/oa#")

    _fail = True

    SpecificResource: URIRef
    TextQuoteSelector: URIRef
    TextPositionSelector: URIRef
    hasSource: URIRef
    hasSelector: URIRef
    exact: URIRef
    prefix: URIRef
    suffix: URIRef
    start: URIRef
    end: URIRef


def _settle(namespace: type[DefinedNamespace]) -> None:
    """Store each declared term on its class: rdflib computes it again at every attribute access
    (checks included), which writing a graph does for each triple."""
    for name in namespace.__annotations__:
        if not name.startswith("_"):
            type.__setattr__(namespace, name, namespace._NS[name])


_settle(CG)
_settle(OA)


#: Prefixes bound in every serialisation and known to every query.
PREFIXES: dict[str, str] = {
    "cg": str(CG._NS),
    "id": str(ID),
    "oa": str(OA._NS),
    "prov": str(PROV._NS),
    "dcterms": str(DCTERMS._NS),
    "schema": str(SDO._NS),
    "skos": str(SKOS._NS),
    "rdfs": str(RDFS._NS),
    "rdf": str(RDF._NS),
    "xsd": str(XSD._NS),
}
