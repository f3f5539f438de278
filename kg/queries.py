"""Named SPARQL queries. Values are passed as bindings, never formatted into the text.

A query that takes bindings projects every bound variable and binds it by a pattern in each group
whose filters read it: a SPARQL server receives bindings as a trailing ``VALUES`` block
(``kg.remote``), which some servers accept only on SELECT and only for projected variables.

Every query runs with the default graph as the union of the store's graphs and the prefixes
of ``kg.vocab.PREFIXES``.
"""

from __future__ import annotations

# Each document's file name and the hash of its text (only a document has both; asking its type
# too doubles the time, a row a document).
DOCUMENT_VERSIONS = """
SELECT ?file ?sha WHERE { ?doc cg:sha256 ?sha ; cg:fileName ?file }
"""

# A document's metadata, and the names it gives its authors and publisher, are in its own graph:
# each field with the graph it is in (bind ?doc), one plain pattern a field (optional patterns
# bound to a few documents would each read every document's field).
DOCUMENT_FIELDS = """
SELECT ?doc ?g ?field ?value WHERE {
  GRAPH ?g {
    { ?doc a cg:Document BIND("document" AS ?field) BIND(true AS ?value) }
    UNION { ?doc cg:fileName ?value BIND("file" AS ?field) } UNION { ?doc cg:sha256 ?value BIND("sha256" AS ?field) }
    UNION { ?doc dcterms:format ?value BIND("media_type" AS ?field) } UNION { ?doc dcterms:title ?value BIND("title" AS ?field) }
    UNION { ?doc cg:publisherName ?value BIND("publisher" AS ?field) }
    UNION { ?doc dcterms:issued ?value BIND("published" AS ?field) } UNION { ?doc schema:url ?value BIND("url" AS ?field) }
  }
}
"""

# Each document's metadata as one JSON object, with the graph it is in (bind ?doc): its own
# graph's is the document's. Every document's, unbound, without reading the claims' records.
DOCUMENT_RECORDS = """
SELECT ?doc ?g ?record WHERE { GRAPH ?g { ?doc cg:record ?record } }
"""
ALL_DOCUMENT_RECORDS = """
SELECT ?doc ?g ?record WHERE { GRAPH ?g { ?doc a cg:Document ; cg:record ?record } }
"""

# Documents written without a record (by an earlier version), read from their fields.
DOCUMENTS_WITHOUT_RECORD = """
SELECT ?doc WHERE { ?doc a cg:Document FILTER NOT EXISTS { ?doc cg:record ?record } }
"""

# How many claims each document has (or, bound to an entity, name it), as the build counted them (bind ?doc).
DOCUMENT_CLAIMS = """
SELECT ?doc ?claims WHERE { ?doc cg:claimCount ?claims }
"""

DOCUMENT_AUTHORS = """
SELECT ?doc ?name WHERE {
  ?doc a cg:Document ; prov:qualifiedAttribution ?link ; dcterms:creator ?person .
  ?link cg:chainIndex ?index ; prov:agent ?person ; cg:agentName ?name .
}
ORDER BY ?doc ?index
"""

# The ways the documents name each agent (bind ?agent), as the build counts them (``build.naming_triples``).
NAMINGS_OF = """
SELECT ?agent ?name ?kind WHERE { ?naming cg:namedAgent ?agent ; cg:givenName ?name OPTIONAL { ?naming cg:givenKind ?kind } }
"""

# The names under which one document's graph (bind ?g, ``build.graph_iri``, as a substitution; left
# unbound, every document's) cites its sources, names its authors (no kind) or its publisher.
AGENT_NAMES_IN = """
SELECT DISTINCT ?g ?agent ?name ?kind WHERE { GRAPH ?g {
  { ?link prov:agent ?agent ; cg:agentName ?name . OPTIONAL { ?link cg:agentKind ?kind } }
  UNION { ?doc dcterms:publisher ?agent ; cg:publisherName ?name . BIND("publisher" AS ?kind) }
} }
"""

COUNT_DOCUMENTS = """
SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a cg:Document }
"""

COUNT_CLAIMS = """
SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?claim schema:appearance ?doc }
"""

# Every claim in document order (file name, offset, id), for pages of claims; bind ?file for one document's.
CLAIM_ORDER = """
SELECT ?claim ?file ?start WHERE { ?claim schema:appearance ?doc ; cg:start ?start . ?doc cg:fileName ?file }
ORDER BY ?file ?start ?claim
"""

# Claims with their documents' file names and their offsets, for pages of claims in document order
# (bind ?doc or ?claim; ordered by file, offset and claim where they are read).
CLAIM_PLACES = """
SELECT ?claim ?doc ?file ?start WHERE { ?claim schema:appearance ?doc ; cg:start ?start . ?doc cg:fileName ?file }
"""

# The document of each claim (bind ?claim or ?doc).
CLAIM_DOCUMENTS = """
SELECT ?claim ?doc WHERE { ?claim schema:appearance ?doc }
"""

# The documents' file names (bind ?file for the documents of one file name).
DOCUMENT_FILES = """
SELECT ?doc ?file WHERE { ?doc cg:fileName ?file }
"""

# The claims with a value of a field (bind ?field and ?value): the events of a type or a trigger.
CLAIMS_WITH_VALUE = """
SELECT ?field ?value ?claim WHERE { ?claim ?field ?value }
"""

# Every event claim.
EVENT_CLAIMS = """
SELECT ?claim WHERE { ?claim a cg:EventClaim }
"""

# What the timeline orders and filters event claims by (bind ?claim), one plain pattern a field.
EVENT_FIELDS = """
SELECT ?claim ?field ?value WHERE {
  { ?claim a cg:EventClaim BIND("event" AS ?field) BIND(true AS ?value) }
  UNION { ?claim cg:eventType ?value BIND("kind" AS ?field) } UNION { ?claim cg:trigger ?value BIND("trigger" AS ?field) }
  UNION { ?claim cg:timeStart ?value BIND("from" AS ?field) } UNION { ?claim cg:timeEnd ?value BIND("to" AS ?field) }
}
"""

# Filters of a page of claims, each read in one query and applied as ``lookup.search`` applies it.
# The claims that name an entity (bind ?entity): as subject, place, participant or source (the
# engine joins patterns in the order written: the bound agent first).
CLAIMS_NAMING = """
SELECT DISTINCT ?entity ?claim WHERE {
  { ?claim cg:subject ?entity } UNION { ?claim cg:place ?entity } UNION { ?claim cg:participant ?entity }
  UNION { ?link prov:agent ?entity . ?claim prov:qualifiedAttribution ?link }
}
"""

# How many claims name each entity, as ``CLAIMS_NAMING`` reads them and the build counted them.
ENTITY_CLAIM_COUNTS = """
SELECT ?entity ?claims WHERE { ?entity cg:entityType ?type ; cg:claimCount ?claims }
"""

CLAIM_SOURCE_NAMES = """
SELECT ?claim ?agent ?name WHERE { ?claim prov:qualifiedAttribution ?link . ?link prov:agent ?agent ; cg:agentName ?name }
"""

# The claims attributed to an agent (bind ?agent), or to a name (bind ?name); and the names sources
# are cited by, each once.
CLAIMS_BY_AGENT = """
SELECT ?agent ?claim WHERE { ?link prov:agent ?agent . ?claim prov:qualifiedAttribution ?link }
"""

CLAIMS_BY_AGENT_NAME = """
SELECT ?name ?claim WHERE { ?link cg:agentName ?name . ?claim prov:qualifiedAttribution ?link }
"""

AGENT_NAME_LIST = """
SELECT DISTINCT ?name WHERE { ?link cg:agentName ?name }
"""

MEASURES = """
SELECT DISTINCT ?measure WHERE { ?claim cg:measure ?measure }
"""

CLAIM_MEASURES = """
SELECT ?claim ?measure WHERE { ?claim cg:measure ?measure }
"""

# The claims whose sentence holds a word (bind ?word, as ``build.words_of`` gives it).
CLAIMS_WITH_WORD = """
SELECT ?claim ?word WHERE { ?claim cg:word ?word }
"""

# Whether the claims' words are kept (stores written before they were are searched by a scan).
WORDS_KEPT = """
ASK { ?claim cg:word ?word }
"""

# Quoted sentences (bind ?quote).
QUOTE_TEXTS = """
SELECT ?quote ?text WHERE { ?quote oa:exact ?text }
"""

# The quoted sentences that may hold a word (bind ?word, in lower case, by ``select_each``): those
# that hold it in lower case, and those with a character beyond ASCII other than spaces, punctuation
# and currency signs (which are no part of a word and are their own lower case and case folding).
QUOTES_WITH = r"""
SELECT ?quote ?text ?word WHERE {
  ?quote oa:exact ?text .
  FILTER(CONTAINS(LCASE(?text), ?word)
         || REGEX(?text, "[^\u0001-\u007F\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u2000-\u206F\u20A0-\u20CF]"))
}
"""

CORROBORATED = """
SELECT DISTINCT ?claim WHERE { ?claim cg:corroborates ?other }
"""

CONFLICTING = """
SELECT DISTINCT ?claim WHERE { ?claim cg:conflictsWith ?other }
"""

# Which of the claims (bind ?claim) have a corroboration, and which a conflict: each asked once,
# however many links it has.
HAVE_CORROBORATION = """
SELECT ?claim WHERE { FILTER EXISTS { ?claim cg:corroborates ?other } }
"""

HAVE_CONFLICT = """
SELECT ?claim WHERE { FILTER EXISTS { ?claim cg:conflictsWith ?other } }
"""

SINGLE_SOURCE = """
SELECT ?claim WHERE { ?claim cg:singleSourceStory true }
"""

COUNT_VERDICTS = """
SELECT (COUNT(DISTINCT ?verdict) AS ?n) WHERE { ?verdict cg:claim ?claim }
"""

# Every claim as one JSON object: what reading the claims back reads first (given claims are
# read with ``RECORDS``).
ALL_CLAIM_RECORDS = """
SELECT ?node ?record WHERE { ?node schema:appearance ?doc ; cg:record ?record }
"""

# Claims written without a record (by an earlier version), read back from their triples.
CLAIMS_WITHOUT_RECORD = """
SELECT ?claim WHERE { ?claim schema:appearance ?doc FILTER NOT EXISTS { ?claim cg:record ?record } }
"""

# Claims without a record are read back in a few simple queries (one join each) rather than one
# with many OPTIONALs, which Oxigraph plans poorly on large graphs.
CLAIMS = """
SELECT ?claim ?file ?type ?start ?end ?modality WHERE {
  ?claim schema:appearance ?doc ; a ?type ; cg:start ?start ; cg:end ?end ; cg:modality ?modality .
  FILTER(?type IN (cg:FigureClaim, cg:EventClaim))
  ?doc cg:fileName ?file .
}
"""

# Only a position selector has a start and only a quote selector an exact text: no type
# patterns, which would lead Oxigraph to scan every selector even for one claim.
CLAIM_EVIDENCE = """
SELECT ?claim ?sstart ?send ?text WHERE {
  ?claim cg:evidence ?evidence .
  ?evidence oa:hasSelector ?position . ?position oa:start ?sstart ; oa:end ?send .
  ?evidence oa:hasSelector ?quote . ?quote oa:exact ?text .
}
"""

CLAIM_FIGURES = """
SELECT ?claim ?p ?o WHERE {
  ?claim cg:figure ?q .
  ?q ?p ?o .
}
"""

CLAIM_FIELDS = """
SELECT ?claim ?p ?o WHERE {
  ?claim ?p ?o .
  FILTER(?p IN (cg:confidence, cg:measure, cg:subjectText, cg:subject, cg:place, cg:time, cg:timeText,
                cg:timeStart, cg:timeEnd, cg:trigger, cg:eventType, cg:thingHead, cg:thingModifiers, cg:predicate, cg:owner,
                cg:placeName, cg:ratePer, cg:measureReason, cg:increment, cg:purpose))
}
"""

# What a chart of figures over time draws of each dated figure claim (bind ?claim): its file,
# measure, time, unit, amount or bounds, the outermost link of its attribution chain (index 0),
# and whether it is in conflict.
FIGURE_POINTS = """
SELECT ?claim ?file ?measure ?time ?unit ?amount ?low ?high ?source ?conflicts WHERE {
  ?claim cg:figure ?q ; cg:time ?time ; schema:appearance ?doc .
  ?doc cg:fileName ?file .
  OPTIONAL { ?claim cg:measure ?measure }
  OPTIONAL { ?q cg:unit ?unit }
  OPTIONAL { ?q cg:amount ?amount }
  OPTIONAL { ?q cg:lowerBound ?low }
  OPTIONAL { ?q cg:upperBound ?high }
  OPTIONAL { ?claim prov:qualifiedAttribution ?link . ?link cg:chainIndex 0 ; cg:agentName ?source }
  BIND(EXISTS { ?claim cg:conflictsWith ?other } AS ?conflicts)
}
"""

CLAIM_ATTRIBUTIONS = """
SELECT ?claim ?index ?agent ?name ?kind ?words WHERE {
  ?claim a ?type ; prov:qualifiedAttribution ?link .
  FILTER(?type IN (cg:FigureClaim, cg:EventClaim))
  ?link cg:chainIndex ?index ; prov:agent ?agent ; cg:agentName ?name ; cg:agentKind ?kind .
  OPTIONAL { ?link cg:phrase ?words }
}
ORDER BY ?claim ?index
"""

EVENT_ACTORS = """
SELECT ?claim ?role ?label ?named ?entity WHERE {
  ?claim cg:reportsEvent ?event .
  ?event cg:actor ?actor .
  ?actor cg:role ?role ; rdfs:label ?label ; cg:named ?named .
  OPTIONAL { ?actor cg:actorEntity ?entity }
}
"""

EVENT_FIGURES = """
SELECT ?claim ?figure WHERE { ?claim cg:carriesFigure ?figure }
ORDER BY ?claim ?figure
"""

# The spans of a document's claims (bind ?doc).
DOCUMENT_CLAIM_SPANS = """
SELECT ?doc ?claim ?start ?end WHERE { ?claim schema:appearance ?doc ; cg:start ?start ; cg:end ?end }
"""

CLAIM_PARTICIPANTS = """
SELECT ?claim ?participant WHERE { ?claim cg:participant ?participant }
ORDER BY ?claim ?participant
"""

# The claims each claim is linked to by its verdicts (bind ?claim): corroborations and conflicts
# are written both ways, a change from its first claim to the other; the other claims of each
# kind in one row.
CLAIM_LINKS = """
SELECT ?claim ?link (GROUP_CONCAT(DISTINCT STR(?other); separator=" ") AS ?others) WHERE {
  { ?claim ?link ?other . FILTER(?link IN (cg:corroborates, cg:conflictsWith, cg:changesTo)) }
  UNION { ?other cg:changesTo ?claim . BIND(cg:changesTo AS ?link) }
}
GROUP BY ?claim ?link
"""

# The claims of a document (bind ?file).
FILE_CLAIMS = """
SELECT ?file ?claim WHERE { ?doc cg:fileName ?file . ?claim schema:appearance ?doc }
"""

# The records of the claims judged in a partition (bind ?g, the graph of its blocking key,
# ``build.members_graph``): one scan of the graph. A claim's id is read from its record; asking
# for the member nodes too doubles the time, a lookup of each node's IRI.
MEMBER_RECORDS = """
SELECT ?record WHERE { GRAPH ?g { ?member cg:memberRecord ?record } }
"""

# Who cites whom in the attribution chains of a measure's claims (bind ?measure): each link
# from one source to the next (``independence.citations``), with how many times the chains hold
# it, as the build counts them (``build.citation_triples``).
MEASURE_CITATIONS = """
SELECT ?measure ?from ?to ?n WHERE { ?c cg:citationMeasure ?measure ; cg:citing ?from ; cg:cited ?to ; cg:citationCount ?n }
"""

# A count the build keeps (bind ?count, cg:claimCount or cg:citationCount, and ?c, what is counted).
COUNTS_OF = """
SELECT ?c ?count ?n WHERE { ?c ?count ?n }
"""

# The claims a claim is linked to by a corroboration (bind ?claim), on any basis.
CORROBORATING = """
SELECT ?claim ?other WHERE { ?claim cg:corroborates ?other }
"""

# The claims with a corroboration on a basis (bind ?basis), read from the verdicts of that basis.
CORROBORATED_ON = """
SELECT DISTINCT ?claim ?basis WHERE { ?v cg:basis ?basis ; a cg:Corroboration ; cg:claim ?claim }
"""

# Where the chains of a measure's claims end (bind ?measure): a source, or the document.
MEASURE_PRIMARY_SOURCES = """
SELECT ?measure ?claim ?source WHERE { ?claim cg:measure ?measure ; prov:hadPrimarySource ?source }
"""

# The records of the verdicts in a partition's graph (bind ?g; left out of the projection, the
# engine does not read it for each row).
GRAPH_VERDICTS = """
SELECT ?record WHERE { GRAPH ?g { ?verdict cg:record ?record } }
"""

# The verdicts of a claim (bind ?claim) with the other claim of each.
VERDICTS_WITH = """
SELECT ?claim ?other ?verdict WHERE { ?verdict cg:claim ?claim . ?verdict cg:claim ?other FILTER(?other != ?claim) }
"""

# A claim's verdicts with their records (bind ?claim; a verdict written without one, by an
# earlier version, has none).
CLAIM_VERDICTS = """
SELECT ?claim ?node ?record WHERE { ?node cg:claim ?claim OPTIONAL { ?node cg:record ?record } }
"""

# How many items a list holds (bind ?list; ``lists``).
LIST_SIZE = """
SELECT ?list ?n WHERE { ?list cg:itemCount ?n }
"""

# A list's size and directory of blocks (bind ?list).
LIST_HEAD = """
SELECT ?list ?n ?blocks WHERE { ?list cg:itemCount ?n ; cg:blocks ?blocks }
"""

# The ids a block of a list holds, in order (bind ?list, the block).
LIST_BLOCKS = """
SELECT ?list ?ids WHERE { ?list cg:items ?ids }
"""

# The verdicts of one kind (bind ?type). Their claims are read apart (``VERDICT_CLAIMS``): joined
# here, the engine reads every verdict's claims first (a minute at 2.6M verdicts).
VERDICTS_OF_TYPE = """
SELECT ?type ?verdict WHERE { ?verdict a ?type }
"""

# Verdicts written without a record, in three plain queries put together in Python.
VERDICT_CLAIMS = """
SELECT ?verdict ?claim ?type WHERE { ?verdict cg:claim ?claim ; a ?type }
"""

# When each claim's time begins (for the direction of a change).
CLAIM_STARTS = """
SELECT ?claim ?start WHERE { ?claim cg:timeStart ?start }
"""

# How many claims each claim (bind ?claim) corroborates and conflicts with.
LINK_COUNTS = """
SELECT ?claim ?link (COUNT(?other) AS ?n) WHERE {
  { ?claim cg:corroborates ?other BIND(cg:corroborates AS ?link) }
  UNION { ?claim cg:conflictsWith ?other BIND(cg:conflictsWith AS ?link) }
} GROUP BY ?claim ?link
"""

# The records of claims, verdicts and documents (bind ?node for given ones); what a record is
# of, its IRI says.
RECORDS = """
SELECT ?node ?record WHERE { ?node cg:record ?record }
"""

# Verdicts written without a record (by an earlier version), read back from their triples.
VERDICTS_WITHOUT_RECORD = """
SELECT ?verdict WHERE { ?verdict cg:basis ?basis FILTER NOT EXISTS { ?verdict cg:record ?record } }
"""

VERDICT_REASONS = """
SELECT ?verdict ?basis ?reason WHERE { ?verdict cg:basis ?basis ; cg:reason ?reason }
"""

VERDICT_MEASURES = """
SELECT ?verdict ?field ?value WHERE {
  { ?verdict cg:tolerance ?value BIND("tolerance" AS ?field) }
  UNION { ?verdict cg:relativeDifference ?value BIND("difference" AS ?field) }
  UNION { ?verdict cg:scope ?value BIND("scope" AS ?field) }
  UNION { ?verdict cg:similarity ?value BIND("similarity" AS ?field) }
}
"""

INDEPENDENCE = """
SELECT ?claim ?n ?single ?circular WHERE {
  ?claim cg:independentSources ?n .
  OPTIONAL { ?claim cg:singleSourceStory ?single }
  OPTIONAL { ?claim cg:circularReporting ?circular }
}
"""

# Where the chains of claims lead, as their independence was assessed (bind ?claim).
CLAIM_TRACES = """
SELECT ?claim ?root ?circular WHERE { ?claim cg:root ?root OPTIONAL { ?claim cg:circularReporting ?circular } }
"""

CLAIM_ROOTS = """
SELECT ?claim ?root WHERE { ?claim cg:root ?root }
ORDER BY ?claim ?root
"""

# A root's labels by rank: 1 an entity's preferred label, 2 a source's label, 3 a document's
# publisher, 4 its title, 5 its file name; the smallest of each rank.
_ROOT_LABELS = """
  { ?root skos:prefLabel ?label BIND(1 AS ?rank) }
  UNION { ?root rdfs:label ?label BIND(2 AS ?rank) }
  UNION { ?root dcterms:publisher/(skos:prefLabel|rdfs:label) ?label BIND(3 AS ?rank) }
  UNION { ?root dcterms:title ?label BIND(4 AS ?rank) }
  UNION { ?root cg:fileName ?label BIND(5 AS ?rank) }
"""

# Each distinct root of a claim once, with its labels.
ROOT_LABELS = """
SELECT ?root ?rank (MIN(?label) AS ?first) WHERE {
  { SELECT DISTINCT ?root WHERE { ?claim cg:root ?root } }""" + _ROOT_LABELS + """}
GROUP BY ?root ?rank
"""

# The labels of one root (bind ?root).
ROOT_LABEL = """
SELECT ?root ?rank (MIN(?label) AS ?first) WHERE {""" + _ROOT_LABELS + """}
GROUP BY ?root ?rank
"""

# A document's text by its file name (bind ?file; only documents have both: a type pattern would
# have the engine read every document).
DOCUMENT_TEXT_BY_FILE = """
SELECT ?file ?text WHERE { ?doc cg:fileName ?file ; cg:text ?text }
"""

ENTITIES = """
SELECT ?entity ?label ?type WHERE { ?entity cg:entityType ?type ; skos:prefLabel ?label }
ORDER BY ?label
"""

# The entities some claim names (as ``CLAIMS_NAMING`` reads it: the build counted them), by label.
NAMED_ENTITIES = """
SELECT ?entity ?label WHERE { ?entity cg:entityType ?type ; skos:prefLabel ?label ; cg:claimCount ?claims }
ORDER BY ?label
"""

ENTITY_ALIASES = """
SELECT ?entity ?alias WHERE { ?entity cg:entityType ?type ; skos:altLabel ?alias }
ORDER BY ?entity ?alias
"""

#: A claim's triples, its parts' (figure, evidence, attribution links: IRIs under the claim's)
#: and their parts', one level per query (plain patterns travel best to other SPARQL servers),
#: each with the variable that holds the triples' subject.
CLAIM_TRIPLES = (
    ("claim", """SELECT ?claim ?p ?o WHERE { ?claim ?p ?o }"""),
    ("s", """SELECT ?claim ?s ?p ?o WHERE { ?claim ?p0 ?s . ?s ?p ?o . FILTER(STRSTARTS(STR(?s), STR(?claim))) }"""),
    ("s", """SELECT ?claim ?s ?p ?o WHERE {
  ?claim ?p0 ?x . ?x ?p1 ?s . ?s ?p ?o . FILTER(STRSTARTS(STR(?x), STR(?claim)) && STRSTARTS(STR(?s), STR(?claim)))
}"""),
)

VERDICT_DIGEST = """
SELECT ?digest WHERE { GRAPH ?g { ?g cg:inputDigest ?digest } }
"""

INDEPENDENCE_FORM = """
SELECT ?form WHERE { GRAPH ?g { ?g cg:independenceForm ?form } }
"""

DOCUMENT_BOILERPLATE = """
SELECT ?doc ?start ?end ?kind WHERE {
  ?doc cg:boilerplate ?b . ?b cg:start ?start ; cg:end ?end ; cg:boilerplateKind ?kind .
}
ORDER BY ?start
"""

# DISTINCT: a reviewer's name is in the graph of each of their reviews, which the union default
# graph would otherwise repeat once per review.
REVIEWS = """
SELECT DISTINCT ?review ?claim ?rating ?note ?reviewer ?published ?text ?file ?sha ?figure WHERE {
  ?review a cg:Review ; cg:reviewedClaim ?claim ; cg:rating ?rating ; prov:generatedAtTime ?published ;
          prov:wasAttributedTo ?who ; cg:reviewedText ?text ; cg:reviewedDocument ?file ; cg:reviewedVersion ?sha .
  ?who rdfs:label ?reviewer .
  OPTIONAL { ?review schema:reviewBody ?note }
  OPTIONAL { ?review cg:reviewedFigure ?figure }
}
"""

REVIEW_SUPPORT = """
SELECT DISTINCT ?review ?target WHERE { ?review a cg:Review ; cg:supportedBy ?target }
ORDER BY ?review ?target
"""

# Entities a curator has said are one (owl:sameAs between entity IRIs, in any graph of theirs).
SAME_ENTITIES = """
SELECT DISTINCT ?a ?b WHERE { ?a <http://www.w3.org/2002/07/owl#sameAs> ?b . FILTER(isIRI(?a) && isIRI(?b)) }
ORDER BY ?a ?b
"""
